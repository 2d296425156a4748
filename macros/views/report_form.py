"""The «Báo cáo tiến độ» form of a task page: what the page gives the form's script (the task's
folder, the states, the agencies with the task's own first, where GitHub's new-file page is) and
what the page says without JavaScript (the guide, and the new-file page with the blank template).

The rules of a report are not here: the script checks an entry against the JSON Schema exported
from the same models (macros.files.schemas), published at routes.SCHEMAS, and against what the
schema cannot say, given here from where the validator keeps it: the rules between a report's
days (macros.model.reports.DATE_RULES, "today" being today in Vietnam) and the template's blanks
left unfilled (macros.load.reports.PLACEHOLDER).
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Protocol

from .. import routes
from ..load.reports import NO_DEADLINE_IN_FORM, PLACEHOLDER, REPOSITORY_FOLDER, TEMPLATE
from ..model.dates import VIETNAM
from ..model.plan import Plan, Task
from ..model.reports import DATE_RULES, Evidence, NotAfter, ReportedState, ReportFile

# The order of the fields in a report file: the template's (evidence's own fields indented).
FIELD_ORDER = tuple(re.findall(r"^(?:# )?([a-z_]+):", TEMPLATE, re.MULTILINE))
EVIDENCE_ORDER = tuple(re.findall(r"^#\s{2,}(?:- )?([a-z_]+):", TEMPLATE, re.MULTILINE))
SCHEMA_FILE = "bao-cao.schema.json"
# The Phụ lục's columns whose bodies carry out a task (chủ trì tham mưu, phối hợp); the bodies
# that give an opinion or decide do not report on it.
REPORTING_KINDS = ("lead", "partners")
SCRIPT = "assets/bao-cao.js"  # relative to the site root; loaded when the form is opened
STYLE = "assets/bao-cao.css"  # likewise


class NewFilePages(Protocol):
    """GitHub's new-file pages of the repository (macros.site.repository.Repository)."""

    @property
    def new_file_page(self) -> str: ...

    def new_file_in(self, folder: str, value: str) -> str: ...


@dataclass(frozen=True)
class AgencyOption:
    id: str
    name: str


def _required() -> frozenset[str]:
    """The fields every report must have (a «hoàn thành» report also needs completed_on, which
    the form's hint says in the model's words)."""
    return frozenset(prefix + name for prefix, model in (("", ReportFile), ("evidence.", Evidence))
                     for name, info in model.model_fields.items() if info.is_required())


def _texts(which: str) -> dict[str, str]:
    """Each field's title or description in the models (the schema's), by its path in the form:
    "percent", "evidence.url"."""
    out = {}
    for prefix, model in (("", ReportFile), ("evidence.", Evidence)):
        for name, info in model.model_fields.items():
            text = getattr(info, which)
            if text:
                out[prefix + name] = text
    return out


@dataclass(frozen=True)
class ReportForm:
    task_id: str
    folder: str  # data/tien-do/<task id>: the file name is <folder>/<YYYY-MM-DD>.yaml
    header: str  # the first line of every report file (the schema line for editors)
    states: tuple[str, ...]  # the words staff write, in the models' order
    own_agencies: tuple[AgencyOption, ...]  # the agencies the body and the Phụ lục name for it
    other_agencies: tuple[AgencyOption, ...]
    schema_href: str  # relative to the site root
    script_href: str
    style_href: str
    guide_href: str
    new_file_page: str | None  # <repository>/new/<branch>; None when the build has no repo_url
    template_href: str | None  # the new-file page in the task's folder with the blank template
    # Said under «Hạn mới» when one is given for a task whose words set no deadline (the
    # validator refuses it: macros.load.reports.load_report); "" for a task with a deadline.
    no_deadline: str = ""
    order: tuple[str, ...] = FIELD_ORDER
    evidence_order: tuple[str, ...] = EVIDENCE_ORDER
    labels: dict[str, str] = field(default_factory=lambda: _texts("title"), hash=False)
    hints: dict[str, str] = field(default_factory=lambda: _texts("description"), hash=False)
    required: frozenset[str] = field(default_factory=_required)
    date_rules: tuple[NotAfter, ...] = DATE_RULES
    placeholder: str = PLACEHOLDER.pattern  # a value still a blank of the template: «<...>»
    time_zone: str = VIETNAM.key  # whose "today" a report may not be later than

    @property
    def date_rules_json(self) -> str:
        return json.dumps([asdict(rule) for rule in self.date_rules], ensure_ascii=False)

    @classmethod
    def of(cls, plan: Plan, task: Task, repo: NewFilePages | None) -> ReportForm:
        # The task's own bodies first, groups included ("Các tổ chức hội quần chúng" leads a
        # task): those the body names, and those its Phụ lục rows name to lead or to work with
        # (a task whose body names none has its bodies there: II.2.2.2, row 18); then the
        # bodies part III has reports sent to (Sở Nội vụ compiles them): a short list that does
        # not grow with the registry.
        own = set(plan.assigned.answering_for(task)) | {
            a for role in task.appendix_roles if role.kind in REPORTING_KINDS
            for a in role.agencies}
        receiving = {d.send_to.id for d in plan.duties} | {
            a.id for d in plan.duties for a in d.recipients}
        # A body that had ended by the as-of day sends no report (the validator refuses one
        # dated on or after its end: macros.load.reports).
        reporters = [plan.agency(i) for i in plan.graph.in_registry_order(
            own | {i for i in receiving if not plan.agency(i).group}) if plan.end_of(i) is None]
        folder = f"{REPOSITORY_FOLDER}/{task.id}"
        return cls(
            task_id=task.id,
            folder=folder,
            header=TEMPLATE.splitlines()[0],
            states=tuple(state.value for state in ReportedState),
            own_agencies=tuple(AgencyOption(a.id, a.name) for a in reporters if a.id in own),
            other_agencies=tuple(AgencyOption(a.id, a.name) for a in reporters if a.id not in own),
            schema_href=routes.SCHEMAS + SCHEMA_FILE,
            script_href=SCRIPT,
            style_href=STYLE,
            guide_href=routes.STAFF_GUIDE,
            new_file_page=repo.new_file_page if repo else None,
            template_href=repo.new_file_in(folder, TEMPLATE) if repo else None,
            no_deadline=NO_DEADLINE_IN_FORM if task.due_date is None else "",
        )
