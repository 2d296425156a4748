"""A body's life since the plan, and the documents issued since that bear on the plan.

The plan (02/7/2018) names bodies that were later renamed, merged or ended: each such change is
a dated event in data/agencies.yaml with the document that made it (macros.model.schema,
`AgencyEvent`). Here the events become typed records, and the facts every page, feed and file
needs are decided once: when a body ended and by which documents, whether it was active on a
day, its successors and predecessors. A group ends when the sources say its members ended: a
group whose members all ended has ended, on the latest of their days.

Pure: built from the validated registry, reads no files.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from .dates import short_date
from .schema import Agency, AgencyEvent, Citation, EventKind, LaterDocument, Quote, Registry

__all__ = ["End", "Ending", "Event", "EventKind", "Later", "Lifecycle", "Source",
           "later_documents"]


@dataclass(frozen=True)
class Source:
    """A cited document, with its issuer resolved to the registry's name."""

    kind: str
    number: str
    date: date
    issuer: str  # an agency id
    issuer_name: str
    title: str | None = None
    url: str | None = None

    @classmethod
    def of(cls, citation: Citation, agencies: Mapping[str, Agency]) -> Source:
        return cls(citation.kind, citation.number, citation.date, citation.issuer,
                   agencies[citation.issuer].name, citation.title, citation.url)

    @property
    def citation(self) -> str:
        """'Nghị quyết số 203/2025/QH15 ngày 16/6/2025 của Quốc hội'."""
        return f"{self.kind} số {self.number} ngày {short_date(self.date)} của {self.issuer_name}"


@dataclass(frozen=True)
class Event:
    """A dated change in a body's life: what happened, from which day, by which document, and
    the bodies that took over where the document names them."""

    agency: str  # the body it happened to
    kind: EventKind
    date: date  # the day it took effect
    source: Source
    successors: tuple[str, ...] = ()
    new_name: str | None = None
    note: str | None = None  # the site's own words, never a quotation

    @property
    def ends(self) -> bool:
        return self.kind.ends


@dataclass(frozen=True)
class End:
    """When a body ended, and why: its own ending event, or, for a group, its members' ends."""

    date: date  # the first day the body no longer existed
    events: tuple[Event, ...]  # the body's own event, or the events that ended its members
    by_members: bool = False  # derived by the group rule, not recorded on the group itself

    @property
    def sources(self) -> tuple[Source, ...]:
        """The documents that ended it, each once, in the order of the events."""
        return tuple(dict.fromkeys(event.source for event in self.events))


@dataclass(frozen=True)
class Ending:
    """A day bodies ended, as the reporting calendar and the timeline mark it: the bodies that
    ended that day (a group whose members all ended stands for them), and the documents."""

    date: date
    bodies: tuple[str, ...]  # registry order; members of an ended group left out
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Lifecycle:
    """Every body's life, over the whole registry."""

    agencies: Mapping[str, Agency]  # registry order
    later_data: tuple[LaterDocument, ...] = ()  # data/plan.yaml's later_documents

    @classmethod
    def of(cls, registry: Registry, later: Iterable[LaterDocument] = ()) -> Lifecycle:
        return cls({agency.id: agency for agency in registry.agencies}, tuple(later))

    @cached_property
    def later(self) -> tuple[Later, ...]:
        """The documents issued since the plan that bear on it, oldest first as recorded."""
        return later_documents(self.later_data, self.agencies)

    @cached_property
    def _events(self) -> dict[str, tuple[Event, ...]]:
        return {agency.id: tuple(_event(agency.id, event, self.agencies)
                                 for event in agency.events)
                for agency in self.agencies.values()}

    def events_of(self, agency_id: str) -> tuple[Event, ...]:
        """The body's own recorded events, oldest first."""
        return self._events[agency_id]

    @property
    def events(self) -> tuple[Event, ...]:
        """Every recorded event, in registry order, each body's oldest first."""
        return tuple(event for events in self._events.values() for event in events)

    @cached_property
    def _ends(self) -> dict[str, End | None]:
        ends: dict[str, End | None] = {}
        for agency_id in self.agencies:
            self._end(agency_id, ends, frozenset())
        return ends

    def _end(self, agency_id: str, ends: dict[str, End | None],
             visiting: frozenset[str]) -> End | None:
        if agency_id in ends:
            return ends[agency_id]
        own = next((e for e in self.events_of(agency_id) if e.ends), None)
        found: End | None = None
        if own is not None:
            found = End(own.date, (own,))
        else:
            agency = self.agencies[agency_id]
            members = [m for m in agency.members if m not in visiting]
            if agency.group and members:
                member_ends = [self._end(m, ends, visiting | {agency_id}) for m in members]
                known = [end for end in member_ends if end is not None]
                if len(known) == len(member_ends):
                    found = End(max(end.date for end in known),
                                tuple(dict.fromkeys(e for end in known for e in end.events)),
                                by_members=True)
        ends[agency_id] = found
        return found

    def end_of(self, agency_id: str) -> End | None:
        """When and why the body ended; None while nothing recorded says it did."""
        return self._ends[agency_id]

    def ended_on(self, agency_id: str) -> date | None:
        end = self.end_of(agency_id)
        return end.date if end else None

    def is_active(self, agency_id: str, day: date) -> bool:
        """Whether the body existed on that day: it ends on its end date (the first day it no
        longer existed: the district level ended on 01/7/2025)."""
        end = self.ended_on(agency_id)
        return end is None or day < end

    def active_members(self, group_id: str, day: date) -> tuple[str, ...]:
        return tuple(m for m in self.agencies[group_id].members if self.is_active(m, day))

    def ended_by(self, day: date) -> tuple[str, ...]:
        """The bodies no longer active on that day, in registry order."""
        return tuple(a for a in self.agencies if not self.is_active(a, day))

    def endings(self, day: date) -> tuple[Ending, ...]:
        """The days bodies ended, up to `day` (from `ended_by`), oldest first."""
        ended = self.ended_by(day)
        out = []
        days = {self.ended_on(a) for a in ended}
        for when in sorted(d for d in days if d is not None):
            that_day = [a for a in ended if self.ended_on(a) == when]
            covered = {m for a in that_day if self.agencies[a].group
                       for m in self.agencies[a].members}
            sources = tuple(dict.fromkeys(s for a in that_day if (end := self.end_of(a))
                                          for s in end.sources))
            out.append(Ending(when, tuple(a for a in that_day if a not in covered), sources))
        return tuple(out)

    def successors_of(self, agency_id: str) -> tuple[str, ...]:
        """The bodies the sources name as taking over from this one, each once."""
        return tuple(dict.fromkeys(s for e in self.events_of(agency_id) for s in e.successors))

    @cached_property
    def _predecessors(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for event in self.events:
            for successor in event.successors:
                if event.agency not in found.setdefault(successor, []):
                    found[successor].append(event.agency)
        return {agency_id: tuple(ids) for agency_id, ids in found.items()}

    def predecessors_of(self, agency_id: str) -> tuple[str, ...]:
        """The bodies whose recorded events name this one as a successor, in registry order."""
        return self._predecessors.get(agency_id, ())

    def name_on(self, agency_id: str, day: date) -> str:
        """The body's name on a day: its registry name (the plan's), or the latest new name in
        force by then."""
        name = self.agencies[agency_id].name
        for event in self.events_of(agency_id):
            if event.kind is EventKind.RENAMED and event.date <= day and event.new_name:
                name = event.new_name
        return name


def _event(agency_id: str, event: AgencyEvent, agencies: Mapping[str, Agency]) -> Event:
    return Event(agency_id, event.kind, event.date, Source.of(event.source, agencies),
                 tuple(event.successors), event.new_name, event.note)


@dataclass(frozen=True)
class Later:
    """A document issued since the plan that bears on it: the site's description (its own words,
    never shown as a quotation) and, where they could be read, the document's own words (`quote`,
    as written, with where they were read)."""

    id: str
    source: Source
    description: str
    quote: Quote | None


def later_documents(documents: Iterable[LaterDocument],
                    agencies: Mapping[str, Agency]) -> tuple[Later, ...]:
    return tuple(Later(doc.id, Source.of(doc.source, agencies), doc.description, doc.quote)
                 for doc in documents)
