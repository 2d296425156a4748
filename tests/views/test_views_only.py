"""Templates get one typed view and the site's root, nothing else; a view hands templates typed
answers, never a model object that could work a fact out again.

- Every template of macros/templates names no variable but `view`, `root` and the environment's
  globals (`routes`, `STATES`), and no name `plan` or `news` anywhere (not even as a macro's
  parameter).
- Every view of every page family, built on the small plan, exposes (in its fields and public
  properties, at any depth) no `Plan`, `Task`, `TaskStatus`, reporting `Duty` or agency graph:
  the objects of the model that derive facts. Data records as validated (an agency, a section of
  the document) and the model's typed answers are values, and may be shown.
"""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from jinja2 import meta, nodes

from macros.model import plan as plan_module
from macros.model import reporting, status
from macros.model.news import News
from macros.site.render import TEMPLATES, environment
from macros.views import agency, calendar, home, plan_text, press, progress, task
from macros.views.edition import Edition
from tests.support.plans import edition
from tests.support.small_plan import small_plan

ALLOWED = {"view", "root"}
FORBIDDEN_NAMES = {"plan", "news"}


def _templates() -> list[Path]:
    return sorted(TEMPLATES.glob("*.html"))


@pytest.mark.parametrize("path", _templates(), ids=lambda p: p.name)
def test_a_template_takes_its_view_and_root_only(path):
    env = environment()
    tree = env.parse(path.read_text("utf-8"))
    # Names the template sets itself (Jinja's own analysis misses a `set` inside a block).
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    free = meta.find_undeclared_variables(tree) - set(env.globals) - assigned
    assert free <= ALLOWED, f"{path.name} takes {sorted(free - ALLOWED)}"
    named = {n.name for n in tree.find_all(nodes.Name)} & FORBIDDEN_NAMES
    assert not named, f"{path.name} names {sorted(named)}"


def _model_types() -> tuple[type, ...]:
    # The edition holds the plan: a view that exposed it would expose the model.
    found = [plan_module.Plan, plan_module.Task, status.TaskStatus, reporting.Duty, Edition]
    for name in ("AgencyGraph", "Duties"):
        for module in _model_modules():
            if hasattr(module, name):
                found.append(getattr(module, name))
    return tuple(found)


def _model_modules():
    import importlib
    for name in ("graph", "duties"):
        try:
            yield importlib.import_module(f"macros.model.{name}")
        except ImportError:
            continue


def exposed(value, path: str, seen: set[int], bad: tuple[type, ...], depth: int = 0):
    """(path, object) of every model object reachable from a view's fields and properties."""
    if depth > 6 or id(value) in seen or isinstance(value, (str, int, float, bool, date,
                                                            type(None), bytes)):
        return
    seen.add(id(value))
    if isinstance(value, bad):
        yield path, value
        return
    if isinstance(value, dict):
        for key, item in value.items():
            yield from exposed(item, f"{path}[{key!r}]", seen, bad, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, item in enumerate(value):
            yield from exposed(item, f"{path}[{i}]", seen, bad, depth + 1)
    elif dataclasses.is_dataclass(value) and type(value).__module__.startswith("macros.views"):
        names = [f.name for f in dataclasses.fields(value)]
        names += [n for n, a in vars(type(value)).items() if (not n.startswith("_")
                  and isinstance(a, (property,))) or type(a).__name__ == "cached_property"]
        for name in dict.fromkeys(names):
            if name.startswith("_"):
                continue
            yield from exposed(getattr(value, name), f"{path}.{name}", seen, bad, depth + 1)


def _edition() -> Edition:
    return edition(small_plan(reports={"t-1": {"reports": [{
        "date": "2019-01-10", "state": "đang thực hiện", "done": "Đã làm.", "reporter": "ban-a",
        "evidence": [{"number": "Văn bản số 1"}], "revised_due": "2020-12-31"}]}}))


NEWS = News((), {})
VIEWS = {
    "TaskPage t-1": lambda shown: task.TaskPage.of(shown, "t-1", NEWS),
    "TaskPage t-2": lambda shown: task.TaskPage.of(shown, "t-2", NEWS),
    "AgencyPage": lambda shown: agency.AgencyPage.of(shown, "ban-a", NEWS),
    "AgencyIndex": lambda shown: agency.index(shown.plan),
    "HomePage": home.HomePage.of,
    "ProgressPage": progress.ProgressPage.of,
    "PlanTextPage": plan_text.PlanTextPage.of,
    "CalendarPage": lambda shown: calendar.CalendarPage.of(shown.plan, None),
    "TimelinePage": calendar.TimelinePage.of,
    "PressPage": lambda shown: press.PressPage.of(shown, NEWS, None),
}


@pytest.mark.parametrize("name", VIEWS)
def test_a_view_exposes_no_model_object(name):
    view = VIEWS[name](_edition())
    found = [(path, type(obj).__name__) for path, obj in exposed(view, name, set(), _model_types())]
    assert not found, f"{name} exposes {found[:8]}"
