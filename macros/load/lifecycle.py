"""Checks of data/agencies.yaml that need data/plan.yaml: the registry is read first, so a body's
events are held to the plan's date once the plan is read, and reported at their own line."""
from __future__ import annotations

from ..model.dates import short_date
from ..model.lifecycle import Lifecycle
from ..model.schema import PlanData, Registry, ValidationState
from .errors import DataError, Problem
from .errors import _locate as locate


def check_event_dates(registry: Registry, plan: PlanData, state: ValidationState) -> None:
    """Refuse an event dated before the plan: the site records what happened since."""
    plan_date = plan.document.date
    problems = []
    for i, agency in enumerate(registry.agencies):
        for j, event in enumerate(agency.events):
            if event.date < plan_date:
                line, field = locate(("agencies", i, "events", j, "date"), state.registry_lines)
                problems.append(Problem(
                    state.registry_file, line, field,
                    f"Ngày thay đổi {short_date(event.date)} của «{agency.id}» trước ngày ban "
                    f"hành Kế hoạch ({short_date(plan_date)})."))
    if problems:
        raise DataError(problems)


def note_ends(registry: Registry, state: ValidationState) -> None:
    """Each body's end, for the checks of the reports (macros.model.reports)."""
    life = Lifecycle.of(registry)
    state.agency_ends = {
        a.id: (end.date, "; ".join(s.citation for s in end.sources))
        for a in registry.agencies if (end := life.end_of(a.id)) is not None}
