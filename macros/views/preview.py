"""What a link preview (Facebook, Zalo) says about a page: its title, its description and, for a
task or an agency, the text of its share image. Derived from the plan only: names, numbers,
dates and states as the rest of the site shows them; no summary in words the plan does not use.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import routes
from ..model.dates import long_date, short_date
from ..model.facts import REVISED_LABEL, Source
from ..model.naming import task_clause
from ..model.plan import Plan, Task
from ..model.roles import BODY_KINDS, KIND_LABELS
from ..model.schema import Agency

FOLLOW_UP = "theo dõi thực hiện"


@dataclass(frozen=True)
class Card:
    """The text of a share image, top to bottom; `tone` picks the band's colour (a state's slug,
    or "" for the theme's red)."""

    kicker: str
    label: str
    headline: str
    lines: tuple[str, ...]
    band: str
    tone: str = ""


@dataclass(frozen=True)
class Preview:
    title: str
    description: str
    image: str | None = None  # the page's own share image (an address of macros.routes)
    card: Card | None = None  # what that image shows

    @property
    def image_alt(self) -> str:
        return f"{self.title}. {self.description}"


def plan_name(plan: Plan) -> str:
    """'Kế hoạch số 68/KH-UBND'."""
    return f"{plan.document.kind} số {plan.document.number}"


def issuer_name(plan: Plan) -> str:
    return plan.agency(plan.document.issuer).name


def plan_subject(plan: Plan) -> str | None:
    """What the plan is about, from its title: the words after its last «VỀ», in lower case
    (the title is set in capitals; those words are common nouns). None when the title has no
    «VỀ»."""
    title = " ".join(plan.document.title.split())
    if " VỀ " not in title:
        return None
    return title.rsplit(" VỀ ", 1)[1].lower()


def home(plan: Plan) -> Preview:
    title = f"{plan_name(plan)} của {issuer_name(plan)} – {FOLLOW_UP}"
    about = plan_subject(plan)
    description = (f"Toàn văn và tiến độ thực hiện {plan_name(plan)} "
                   f"{long_date(plan.document.date)} của {issuer_name(plan)}"
                   + (f" về {about}." if about else "."))
    return Preview(title, description)


def deadline(plan: Plan, task: Task) -> str:
    """When, in the plan's own words (macros.model.facts.DateSource), with the date the site
    computed from them said to be the site's: 'Thời hạn: «hoàn thành trong năm 2019» (trang web
    tính hạn: 31/12/2019)'. A revised deadline is the report's, named so; words that are not
    the task's own say whose they are."""
    facts = plan.facts(task)
    deadlines, source = facts.deadlines, facts.dates
    if deadlines.is_revised and deadlines.revised:
        return f"{REVISED_LABEL} theo báo cáo: {long_date(deadlines.revised)}"
    computed = (f" (trang web tính hạn: {short_date(deadlines.original)})"
                if deadlines.original else "")
    if source.source is Source.HEADING:
        return f"Thời hạn (tiêu đề mục {source.heading}): «{source.words}»{computed}"
    if source.source is Source.TASK:
        return f"Thời hạn: «{source.words}»{computed}"
    if source.source is Source.APPENDIX:
        start, end = source.row_start, source.row_completion
        words = f"«{start}»" if start == end else f"«{start}» – «{end}»"
        return f"Thời hạn theo Phụ lục: {words}{computed}"
    if source.source is Source.REPORTING:
        return f"Báo cáo định kỳ: «{source.words}»"
    return "Kế hoạch không ghi thời hạn"


def responsible(plan: Plan, task: Task) -> str | None:
    """The body's lead, in its own term: 'Trách nhiệm thực hiện: Các cơ quan, đơn vị',
    'Chủ trì: Sở Thông tin và Truyền thông'."""
    lead = task.role("lead")
    if lead is None:
        return None
    where = f" (tiêu đề mục {lead.heading})" if lead.heading and lead.term else ""
    return f"{lead.label}: {lead.text}{where}"


def task(plan: Plan, task: Task) -> Preview:
    state = plan.status(task).state
    facts = [f for f in (responsible(plan, task), deadline(plan, task)) if f]
    status = f"Trạng thái: {state.label}"
    # The task's number first: tasks of one section share their lead, deadline and state.
    description = ". ".join([task.title, *facts, status]) + "."
    card = Card(kicker=f"{plan_name(plan)} của {issuer_name(plan)}",
                label=task.title, headline=task_clause(task.text),
                lines=tuple(facts), band=state.label, tone=state.slug)
    return Preview(task.name, description, routes.share_image_of_task(task.id), card)


def agency_counts(plan: Plan, agency: Agency) -> tuple[str, ...]:
    """What the plan gives the agency, counted: 'Được giao 3 nhiệm vụ, phối hợp 7 nhiệm vụ' (the
    site's groups of the plan's terms, macros.model.roles; roles with none left out), then, when
    a group it belongs to adds more, every task it has a part in: '40 nhiệm vụ kể cả với tư cách
    thành viên nhóm'."""
    counts = [(role, len(plan.assigned.tasks_for(agency.id, role)))
              for role in ("lead", "partners")]
    said = ", ".join(f"{KIND_LABELS[role].lower()} {n} nhiệm vụ" for role, n in counts if n)
    direct = {t.id for role in BODY_KINDS for t in plan.assigned.tasks_for(agency.id, role)}
    owed = len(plan.assigned.owed_by(agency.id))
    lines = [said[0].upper() + said[1:]] if said else []
    if owed > len(direct):
        lines.append(f"{owed} nhiệm vụ {'kể cả ' if direct else ''}với tư cách thành viên nhóm")
    return tuple(lines) or ("Không được giao hay phối hợp nhiệm vụ nào",)


def state_summary(plan: Plan, tasks) -> str:
    """'Chưa có báo cáo: 12 · Quá hạn: 2' for the states that have tasks."""
    return " · ".join(f"{state.label}: {n}" for state, n in plan.counts_by_state(tasks) if n)


def agency(plan: Plan, agency: Agency) -> Preview:
    counts = agency_counts(plan, agency)
    where = f"trong {plan_name(plan)} của {issuer_name(plan)}"
    # The agency's name first: agencies without a task would otherwise share one description.
    said = counts[0][0].lower() + counts[0][1:]
    description = (f"{agency.name}: {said} {where}"
                   + "".join(f"; {more}" for more in counts[1:]) + ".")
    tasks = plan.assigned.owed_by(agency.id)
    card = Card(kicker=f"{plan_name(plan)} của {issuer_name(plan)}",
                label=f"{agency.kind.label} · {agency.level.label}", headline=agency.name,
                lines=counts, band=state_summary(plan, tasks) if tasks else plan_name(plan))
    return Preview(agency.name, description, routes.share_image_of_agency(agency.id), card)


def of_plan(plan: Plan) -> dict[str, Preview]:
    """The preview of every page that has its own, by the page's source path."""
    out = {routes.HOME_SOURCE: home(plan)}
    for each_task in plan.tasks:
        out[routes.task_source(each_task.id)] = task(plan, each_task)
    for body in plan.graph.agencies:
        out[routes.agency_source(body.id)] = agency(plan, body)
    return out

