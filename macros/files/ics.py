"""iCalendar feeds (RFC 5545) of the plan's deadlines and reporting duties, written with the
icalendar library: one feed with everything, one per agency.

Every event is an all-day event (DATE values, no time zone needed). Reporting duties are
recurring events bounded by UNTIL (macros.model.reporting.horizon). A duty on "ngày 30 hằng tháng"
is two events: the 30th of the months that have one, and the last day (BYMONTHDAY=-1) of the
months that lack it, so February's report falls on the 28th or the 29th. UIDs are built from
permanent ids, so a calendar app that subscribes sees the same events after every rebuild.

A demo build (illustrative reports: a revised deadline may come from one) says so in the
calendar's name and description and in every event's title and description, and its UIDs have a
domain of their own: a calendar app holding the real feed and the demo's never takes one event
for the other.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from icalendar import Calendar, Event, vRecur
from icalendar.error import IncompleteComponent

from .. import routes
from ..model.dates import short_date
from ..model.facts import ORIGINAL_LABEL, REVISED_LABEL
from ..model.lifecycle import End
from ..model.plan import Plan, Task
from ..model.reporting import Duty, horizon, months_ending_by, months_lacking
from ..views.edition import DEMO_MARK, DEMO_NOTICE, Edition

PRODID = "-//Tuyen Quang//Ke hoach 68-KH-UBND 2018//VI"
UID_DOMAIN = "ke-hoach-68-kh-ubnd-2018"
DEMO_UID_DOMAIN = f"minh-hoa.{UID_DOMAIN}"


def uid_domain(demo: bool) -> str:
    """The domain of every UID of a build's calendars: the demo's is its own."""
    return DEMO_UID_DOMAIN if demo else UID_DOMAIN


def _name(agency) -> str:
    return agency.short_name or agency.name


def _names(agencies) -> str:
    return ", ".join(_name(a) for a in agencies)


@dataclass(frozen=True)
class Rule:
    """One recurring event of a duty: its first date and its RRULE."""

    key: str  # unique within the duty; part of the UID
    first: date
    rrule: dict
    label: str
    note: str


def _first(start: date, matches) -> date:
    day = start
    while not matches(day):
        day += timedelta(days=1)
    return day


def _last_day_of_month(day: date) -> bool:
    return (day + timedelta(days=1)).month != day.month


def duty_rules(duty: Duty, start: date, until: date) -> list[Rule]:
    """The recurring events that together give exactly duty.between(start, until)."""
    rules = []
    for nominal in duty.monthly_days:
        # Months where an earlier listed day already falls on the month's last day ("ngày 30"
        # in February, or in April when "ngày 31" is listed too) have that event already: the
        # month-end rule of this day leaves them out, so no day carries two events.
        taken = {m for d in duty.monthly_days if d < nominal for m in months_ending_by(d)}
        short = tuple(m for m in months_lacking(nominal) if m not in taken)
        # February ends on the 28th in most years: when the 28th is listed too, this day falls on
        # February's last day only in leap years (BYMONTHDAY=29 exists only then).
        leap_only = 2 in short and 28 in duty.monthly_days
        if leap_only:
            short = tuple(m for m in short if m != 2)
        full = [m for m in range(1, 13) if m not in months_lacking(nominal)]
        rule = {"FREQ": "MONTHLY", "BYMONTHDAY": [nominal], "UNTIL": until}
        if len(full) < 12:
            rule["BYMONTH"] = full
        rules.append(Rule(
            f"ngay-{nominal}",
            _first(start, lambda d, nominal=nominal, full=full: d.day == nominal
                   and d.month in full), rule,
            duty.periodic_label, f"trước ngày {nominal} hằng tháng"))
        if short:
            rules.append(Rule(
                f"ngay-{nominal}-cuoi-thang",
                _first(start, lambda d, short=short: d.month in short and _last_day_of_month(d)),
                {"FREQ": "MONTHLY", "BYMONTH": list(short), "BYMONTHDAY": [-1], "UNTIL": until},
                duty.periodic_label,
                f"trước ngày {nominal} hằng tháng; tháng không có ngày {nominal} thì hạn là "
                "ngày cuối tháng"))
        if leap_only:
            rules.append(Rule(
                f"ngay-{nominal}-thang-2-nam-nhuan",
                _first(start, lambda d: (d.month, d.day) == (2, 29)),
                {"FREQ": "YEARLY", "BYMONTH": [2], "BYMONTHDAY": [29], "UNTIL": until},
                duty.periodic_label,
                f"trước ngày {nominal} hằng tháng; tháng 2 năm nhuận thì hạn là ngày 29"))
    for when in duty.yearly:
        first = date(start.year, when.month, when.day)
        if first < start:
            first = date(start.year + 1, when.month, when.day)
        rules.append(Rule(
            f"{when.day}-{when.month}", first,
            {"FREQ": "YEARLY", "BYMONTH": [when.month], "BYMONTHDAY": [when.day],
             "UNTIL": until},
            when.label, f"trước ngày {when.day}/{when.month} hằng năm"))
    return [r for r in rules if r.first <= until]


def _duty_summary(duty: Duty, label: str) -> str:
    text = f"{label}: {_names(duty.reporters)} báo cáo {_names(duty.recipients)}"
    if duty.send_to not in duty.recipients:
        text += f" (gửi {_name(duty.send_to)})"
    return text


def _duty_description(plan: Plan, duty: Duty, rule: Rule, start: date, until: date) -> str:
    task = plan.task(duty.task_id)
    return (
        f"Hạn: {rule.note}.\n"
        f"Theo Kế hoạch số {plan.document.number}, mục {task.label}: «{task.text}»\n"
        f"Lịch này tính từ ngày {short_date(start)} đến ngày {short_date(until)}; Kế hoạch "
        "không ghi thời điểm kết thúc chế độ báo cáo."
    )


def _task_description(plan: Plan, task: Task) -> str:
    """The task's words, its roles in the body's terms and words, the deadline that applies
    (named), then each Phụ lục row apart, in its own words."""
    facts = plan.facts(task)
    lines = [task.text, ""]
    for role in task.roles:
        lines.append(f"{role.label}: {role.text}")
    if task.timeframe:
        where = f" (tiêu đề mục {task.timeframe.heading})" if task.timeframe.heading else ""
        lines.append(f"Thời gian theo Kế hoạch{where}: «{task.timeframe.text}»")
    deadlines = facts.deadlines
    if deadlines.original and task.schedule:
        lines.append(f"{ORIGINAL_LABEL}: {short_date(deadlines.original)}, là "
                     f"{task.schedule.due_rule}; văn bản không ghi ngày cụ thể.")
    if deadlines.is_revised and deadlines.revised:
        lines.append(f"{REVISED_LABEL} theo báo cáo: {short_date(deadlines.revised)} (hạn được "
                     "áp dụng).")
    lines.append(f"Lặp lại: {facts.repetition.label}.")
    for row in task.appendix_rows:
        lines.append(f"Theo Phụ lục, dòng {row.number}: «{row.start_text}» – "
                     f"«{row.completion_text}»")
        for role in row.roles:
            lines.append(f"  {role.label}: {role.text}")
    return "\n".join(lines)


def _event(demo: bool, uid: str, day: date, summary: str, description: str, stamp: datetime,
           url: str | None) -> Event:
    if demo:
        summary, description = f"[{DEMO_MARK}] {summary}", f"{description}\n{DEMO_NOTICE}"
    event = Event.new(uid=f"{uid}@{uid_domain(demo)}", start=day, end=day + timedelta(days=1),
                      summary=summary, description=description, stamp=stamp, url=url)
    # A deadline is not a meeting: it does not make anyone busy.
    event.add("transp", "TRANSPARENT")
    return event


_END = b"END:VCALENDAR\r\n"


class Events:
    """Every event of a build's feeds, each built and written out (folded, as RFC 5545 bytes)
    once: the same deadline or duty appears in the plan's feed and in the feed of every agency it
    concerns, and writing out is most of the cost (icalendar folds long lines a character at a
    time)."""

    def __init__(self, edition: Edition, span: tuple[date, date], site_url: str | None) -> None:
        self.plan, self.span, self.site_url = edition.plan, span, site_url
        # Every event is stamped with the build instant: a rebuild of the same commit with the
        # same SOURCE_DATE_EPOCH writes the same bytes.
        self.stamp, self.demo = edition.built_at, edition.demo
        self._written: dict[tuple, bytes] = {}

    def _link(self, path: str) -> str | None:
        return routes.absolute(self.site_url, path) if self.site_url else None

    def _once(self, key: tuple, build) -> bytes:
        written = self._written.get(key)
        if written is None:
            written = self._written[key] = build().to_ical()
        return written

    def duty(self, duty: Duty, end: date | None = None) -> list[bytes]:
        """The duty's recurring events, up to the feed's horizon, or to the day before `end`
        (the body whose calendar it is ended, or every reporter did): such an event has a UID of
        its own, since it means something else than the duty's events without end."""
        start, until = self.span
        end = end or self.plan_end(duty)
        if end is not None:
            until = min(until, end - timedelta(days=1))
        suffix = f"-den-{end.isoformat()}" if end else ""

        def build(rule: Rule) -> Event:
            event = _event(self.demo, f"{duty.id}-{rule.key}{suffix}", rule.first,
                           _duty_summary(duty, rule.label),
                           _duty_description(self.plan, duty, rule, start, until), self.stamp,
                           self._link(routes.CALENDAR))
            event.add("rrule", vRecur(rule.rrule))
            return event

        return [self._once(("duty", duty.id, rule.key, end), partial(build, rule))
                for rule in duty_rules(duty, start, until)]

    def plan_end(self, duty: Duty) -> date | None:
        """The day a duty ends for everyone: the latest end of its reporters, when all ended."""
        if self.plan.duty_goes_on(duty):
            return None
        ends = [end.date for a in duty.reporters if (end := self.plan.end_of(a.id)) is not None]
        return max(ends) if ends else None

    def deadline(self, task: Task, summary: str, meaning: str = "") -> bytes:
        """The task's due date (the one that applies) as one event. `meaning` is part of the UID
        and names what the title says beyond the task (a Phụ lục row and its column): a client
        that merges feeds keeps one event per UID, so a UID carries one title in every feed."""
        day = self.plan.facts(task).deadlines.applies
        if day is None:
            raise ValueError(f"task {task.id} has no deadline to put in a calendar")
        return self._once(("task", task.id, meaning), lambda: _event(
            self.demo, f"han-{task.id}{meaning}", day, summary, _task_description(self.plan, task),
            self.stamp, self._link(routes.task(task.id))))


def _lowered(label: str) -> str:
    """A role's label inside a sentence: its first letter lowered («trách nhiệm thực hiện»,
    «được nêu tên ở tiêu đề mục II.3.5»)."""
    return label[:1].lower() + label[1:]


def _deadline_word(plan: Plan, task: Task) -> str:
    """«Hạn hoàn thành», or «Hạn hoàn thành (điều chỉnh)» for a deadline a report revised."""
    return "Hạn hoàn thành (điều chỉnh)" if plan.facts(task).deadlines.is_revised else (
        "Hạn hoàn thành")


def feed(events: Events, *, name: str, key: str, duties, tasks, appendix=(),
         end: End | None = None, plan_wide: bool = False) -> bytes:
    """A calendar: the duties' reporting dates, the due dates of `tasks` (given by the body of
    the plan), and those of the tasks in `appendix` ((task, row, role) of the Phụ lục rows that
    name the agency), each labelled with its row and column. Nothing on or after the end of the
    body whose calendar it is (`end`); in the plan's calendar (`plan_wide`), no deadline past the
    end of every lead of its task (macros.model.facts.TaskFacts)."""
    plan = events.plan

    def due(task: Task) -> date | None:
        facts = plan.facts(task)
        return facts.projected_deadline if plan_wide else facts.deadline_for(end)
    description = (f"Hạn hoàn thành nhiệm vụ và lịch báo cáo theo Kế hoạch số "
                   f"{plan.document.number} ngày {short_date(plan.document.date)} của "
                   f"{plan.agency(plan.document.issuer).name}.")
    if events.demo:
        name, description = f"Bản trình diễn ({DEMO_MARK}) – {name}", f"{description} {DEMO_NOTICE}"
    calendar = Calendar.new(
        prodid=PRODID, uid=f"lich-{key}@{uid_domain(events.demo)}", name=name,
        description=description, refresh_interval=timedelta(days=1),
    )
    # RFC 7986 §5.7 writes the property with its value type, which icalendar leaves out.
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
    written: list[bytes] = []
    for duty in duties:
        written.extend(events.duty(duty, end.date if end else None))
    dated = [t for t in plan.dated_tasks(tasks) if due(t)]
    for task in dated:
        lead = task.role("lead")
        summary = f"{_deadline_word(plan, task)}: {task.name}"
        if lead:
            summary += f" ({_lowered(lead.label)}: {lead.text})"
        written.append(events.deadline(task, summary))
    listed = {t.id for t in dated}
    for task, row, role in appendix:
        if task.id in listed or not plan.dated_tasks([task]) or not due(task):
            continue
        listed.add(task.id)
        written.append(events.deadline(task, f"{_deadline_word(plan, task)}: {task.name} (Phụ "
                                              f"lục, dòng {row.number}: {_lowered(role.label)})",
                                       meaning=f"-phu-luc-{row.number}-{role.kind}"))
    # What icalendar's Calendar.validate() checks, the events being written out already.
    if not (calendar.get("PRODID") and calendar.get("VERSION") and written):
        raise IncompleteComponent(f"lịch {key}: thiếu PRODID, VERSION hoặc sự kiện")
    # The calendar's own lines, then its events, each written once for every feed it is in.
    head = calendar.to_ical()
    return head.removesuffix(_END) + b"".join(written) + _END


def feeds(edition: Edition, site_url: str | None):
    """(path, content) of every feed: the whole plan, then each agency that has a deadline."""
    plan = edition.plan
    events = Events(edition, horizon(plan.document.date, plan.as_of, plan.last_task_day),
                    site_url)
    yield routes.PLAN_CALENDAR, feed(events, name=f"Kế hoạch {plan.document.number}",
                                     key="ke-hoach", duties=plan.duties, tasks=plan.tasks,
                                     plan_wide=True)
    for agency in plan.graph.agencies:
        if plan.has_calendar(agency.id):
            yield routes.agency_calendar(agency.id), feed(
                events, name=f"Kế hoạch {plan.document.number}: {agency.short_name or agency.name}",
                key=agency.id, duties=plan.duties.of(agency.id),
                tasks=plan.assigned.owed_by(agency.id),
                appendix=plan.assigned.appendix_tasks_of(agency.id),
                end=plan.end_of(agency.id))
