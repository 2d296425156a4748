"""The agency graph: the registry's bodies, the groups they belong to, and who the plan gives
what (each source's roles kept apart). One part of the Plan (macros.model.plan); an agency's
lifecycle would be one more part beside it."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .roles import BODY_KINDS, Role
from .schema import Agency, AppendixRow, Registry


@dataclass(frozen=True)
class AgencyGraph:
    """Bodies and groups of the registry (data/agencies.yaml)."""

    registry: Registry
    by_id: dict[str, Agency] = field(hash=False)

    @classmethod
    def of(cls, registry: Registry) -> AgencyGraph:
        return cls(registry, {a.id: a for a in registry.agencies})

    @property
    def agencies(self) -> tuple[Agency, ...]:
        return tuple(self.registry.agencies)

    def agency(self, agency_id: str) -> Agency:
        return self.by_id[agency_id]

    def groups_of(self, agency_id: str) -> tuple[Agency, ...]:
        return self._groups_by_member.get(agency_id, ())

    @cached_property
    def _groups_by_member(self) -> dict[str, tuple[Agency, ...]]:
        index: dict[str, list[Agency]] = {}
        for group in self.registry.agencies:
            for member in group.members:
                index.setdefault(member, []).append(group)
        return {member: tuple(groups) for member, groups in index.items()}

    def groups_above(self, agency_id: str) -> tuple[Agency, ...]:
        """Every group the agency belongs to, directly or through a group that is itself a member
        (a district committee → "UBND huyện, thành phố" → "Các cơ quan, đơn vị"), nearest first."""
        found: list[Agency] = []
        frontier = [agency_id]
        while frontier:
            nxt = []
            for member in frontier:
                for group in self.groups_of(member):
                    if group not in found:
                        found.append(group)
                        nxt.append(group.id)
            frontier = nxt
        return tuple(found)

    def members_of(self, group_id: str) -> tuple[Agency, ...]:
        return tuple(self.agency(m) for m in self.agency(group_id).members)

    @cached_property
    def order(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.registry.agencies)}

    def in_registry_order(self, agency_ids) -> tuple[str, ...]:
        """Agency ids in the order of the registry (data/agencies.yaml), each once."""
        return tuple(sorted(set(agency_ids), key=self.order.__getitem__))


@dataclass(frozen=True)
class Assignments:
    """What the plan gives each body: the tasks whose body names it (itself or through its
    groups), and the Phụ lục cells that name it, a source of its own."""

    graph: AgencyGraph
    tasks: tuple = field(hash=False)  # macros.model.plan.Task, in plan order
    rows: tuple[AppendixRow, ...] = field(hash=False)

    @cached_property
    def _by_id(self) -> dict:
        return {task.id: task for task in self.tasks}

    @cached_property
    def _task_order(self) -> dict[str, int]:
        return {task.id: order for order, task in enumerate(self.tasks)}

    @cached_property
    def _tasks_by_role(self) -> dict[tuple[str, str], tuple]:
        # Every agency page asks for its tasks by role: one pass over the tasks per build.
        index: dict[tuple[str, str], list] = {}
        for task in self.tasks:
            for role in task.roles:
                for agency_id in role.agencies:
                    index.setdefault((agency_id, role.kind), []).append(task)
        return {key: tuple(tasks) for key, tasks in index.items()}

    def tasks_for(self, agency_id: str, kind: str) -> tuple:
        """Tasks whose body names the agency for a kind of role (never the Phụ lục's)."""
        return self._tasks_by_role.get((agency_id, kind), ())

    def role_of(self, task, agency_id: str) -> Role | None:
        """The body's role of the agency for the task, in the plan's own term (itself named, or
        a group it belongs to)."""
        ids = {agency_id} | {g.id for g in self.graph.groups_above(agency_id)}
        return next((r for r in task.roles if ids & set(r.agencies)), None)

    @cached_property
    def _owed(self) -> dict[str, tuple]:
        out = {}
        for agency in self.graph.agencies:
            ids = {agency.id} | {group.id for group in self.graph.groups_above(agency.id)}
            owed = {task.id: task for kind in BODY_KINDS for a in ids
                    for task in self.tasks_for(a, kind)}
            out[agency.id] = tuple(sorted(owed.values(),
                                          key=lambda task: self._task_order[task.id]))
        return out

    def owed_by(self, agency_id: str) -> tuple:
        """Every task the agency is named for, itself or through the groups it belongs to, in
        plan order."""
        return self._owed.get(agency_id, ())

    @cached_property
    def _answering(self) -> dict[str, tuple[str, ...]]:
        order = self.graph.order
        out = {}
        for task in self.tasks:
            found: set[str] = set()
            frontier = [a for role in task.roles for a in role.agencies]
            while frontier:
                agency_id = frontier.pop()
                if agency_id not in found:
                    found.add(agency_id)
                    frontier.extend(self.graph.agency(agency_id).members)
            out[task.id] = tuple(sorted(found, key=order.__getitem__))
        return out

    def answering_for(self, task) -> tuple[str, ...]:
        """Every agency the body of the plan names for the task, itself or as a member (at any
        depth) of a group it names, in registry order: the agencies whose pages list the task."""
        return self._answering[task.id]

    @cached_property
    def _appendix_cells(self) -> dict[str, tuple[tuple[int, int], ...]]:
        """Agency id -> the (row, column) places of the Phụ lục that name it."""
        index: dict[str, list[tuple[int, int]]] = {}
        for r, row in enumerate(self.rows):
            for c, role in enumerate(row.roles):
                for agency_id in dict.fromkeys(role.agencies):
                    index.setdefault(agency_id, []).append((r, c))
        return {agency_id: tuple(cells) for agency_id, cells in index.items()}

    def appendix_rows_naming(self, agency_id: str) -> tuple[tuple[AppendixRow, Role], ...]:
        """The Phụ lục rows that name the agency, each with the column (role) naming it."""
        return tuple((self.rows[r], self.rows[r].roles[c])
                     for r, c in self._appendix_cells.get(agency_id, ()))

    def appendix_tasks_of(self, agency_id: str) -> tuple[tuple[object, AppendixRow, Role], ...]:
        """Tasks linked to a Phụ lục row that names the agency (or a group it belongs to), with
        the row and the column naming it."""
        ids = {agency_id} | {group.id for group in self.graph.groups_above(agency_id)}
        cells = sorted({cell for i in ids for cell in self._appendix_cells.get(i, ())})
        return tuple((self._by_id[t], self.rows[r], self.rows[r].roles[c]) for r, c in cells
                     for t in self.rows[r].tasks)
