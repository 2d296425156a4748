"""One answer per fact: for every task of the real site and of the demo, the deadline that
applies, the state, the repetition and the body's roles read back from every exit (task, agency,
progress and timeline pages, the .ics files, the state feed, the CSV and the JSON) are the same,
and the same as the model's.

Reads the session builds (tests/conftest.py: `site`, `demo_site`); builds nothing of its own.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from macros import routes
from tests.conftest import DATA, DEMO
from tests.support import exits
from tests.support.plans import load

FACTS = ("deadline", "state", "repetition", "roles", "lead_term", "next_report", "ended")


def _model(site, reports_dir=None) -> dict[str, dict]:
    """The model's answers, loaded as the build loaded them (same data, same as-of day)."""
    as_of = date.fromisoformat(json.loads((site / routes.TASKS_JSON).read_text("utf-8"))
                               ["tinh_den_ngay"])
    plan = load(DATA, reports_dir=reports_dir, as_of=as_of)
    out = {}
    for task in plan.tasks:
        status = plan.status(task)
        lead = task.role("lead")
        out[task.id] = {
            "deadline": status.due.isoformat() if status.due else None,
            "state": status.state.slug,
            "roles": " | ".join(f"{r.label}: {r.text}" for r in task.roles),
            **({"lead_term": lead.term.casefold() if lead.term else exits.NO_TERM}
               if lead else {}),
        }
        ends = {end.date.isoformat() for _, end in plan.facts(task).ended}
        if ends:  # one day in the real data (the district level ended on 01/7/2025)
            out[task.id]["ended"] = ends.pop() if len(ends) == 1 else sorted(ends)
    return out, plan


def _read_all(site, reports_dir=None) -> tuple[dict[str, dict[str, dict]], list[str]]:
    model, plan = _model(site, reports_dir)
    duties = {d.task_id: d.id for d in plan.duties}
    ids = [t.id for t in plan.tasks]
    return {
        "model": model,
        "JSON": exits.from_json(site),
        "CSV": exits.from_csv(site),
        "task pages": exits.from_task_pages(site, ids),
        "agency pages": exits.from_agency_pages(site),
        "progress": exits.from_progress(site),
        "timeline": exits.from_timeline(site),
        "calendars": exits.from_calendars(site, duties),
        "state feed": exits.from_state_feed(site),
    }, ids


def disagreements(read: dict[str, dict[str, dict]], ids: list[str]) -> list[str]:
    out = []
    for task_id in ids:
        for fact in FACTS:
            said = {name: facts[task_id][fact] for name, facts in read.items()
                    if task_id in facts and fact in facts[task_id]}
            if any(isinstance(v, tuple) and str(v[0]).startswith("DIFFERS") for v in said.values()):
                out.append(f"{task_id} {fact}: {said}")
            elif len({json.dumps(v, ensure_ascii=False, default=str) for v in said.values()}) > 1:
                out.append(f"{task_id} {fact}: "
                           + "; ".join(f"{name}={value!r}" for name, value in said.items()))
    return out


@pytest.mark.parametrize("build", ["real", "demo"])
def test_every_exit_gives_the_same_answer_for_every_task(build, request):
    site = request.getfixturevalue("site" if build == "real" else "demo_site")
    read, ids = _read_all(site, None if build == "real" else DEMO)
    # Every exit is read: a reader that finds nothing would agree with everything.
    for name in ("JSON", "CSV", "task pages", "progress", "timeline", "agency pages"):
        assert len(read[name]) >= len(ids) // 2, (name, len(read[name]))
    assert len(read["calendars"]) >= 10  # the tasks with a deadline, and the duties
    if build == "demo":
        assert read["state feed"], "the demo's state feed has items"
    found = disagreements(read, ids)
    assert not found, f"{len(found)} disagreements:\n" + "\n".join(found)


def test_the_readers_see_a_difference(site):
    """The comparison fails when one exit says something else (here, one changed answer)."""
    read, ids = _read_all(site)
    read["CSV"][ids[0]] = {**read["CSV"][ids[0]], "state": "hoan-thanh"}
    assert any(line.startswith(f"{ids[0]} state") for line in disagreements(read, ids))
