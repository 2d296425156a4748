"""Part III's reporting duties as dates.

The plan asks for reports "trước ngày 13 và ngày 27 hằng tháng, ngày 20/5 và 15/11 hằng năm"
(data/plan.yaml, `reporting:`). Here each duty becomes its deadlines: the day of the month it
names, or the month's last day when the month is shorter ("ngày 30" in February is the 28th or
the 29th), plus its yearly days. The plan sets no end to these duties; pages and feeds count them
from the day the plan was issued up to a horizon chosen by the site (see `horizon`).
"""
from __future__ import annotations

import calendar
import heapq
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from .schema import Agency, ReportingDuty


def day_in_month(year: int, month: int, day: int) -> date:
    """The given day of a month, or the month's last day when the month is shorter."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def months_lacking(day: int) -> tuple[int, ...]:
    """Months that, in some year, have no such day (30 → February; 31 → February, April, ...)."""
    return tuple(m for m in range(1, 13) if calendar.monthrange(2019, m)[1] < day)


def months_ending_by(day: int) -> tuple[int, ...]:
    """Months whose last day, in every year, is on or before the given day: in those months a
    report due "ngày {day}" falls on the month's last day (29 → February; 30 → February, April,
    June, September, November)."""
    return tuple(m for m in range(1, 13) if calendar.monthrange(2020, m)[1] <= day)


def months_from(first: date) -> Iterator[tuple[int, int]]:
    year, month = first.year, first.month
    while True:
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


@dataclass(frozen=True)
class Deadline:
    """One due date of a reporting duty."""

    day: date
    duty: Duty
    label: str  # "Báo cáo định kỳ 15 ngày", or the yearly day's label ("Báo cáo 6 tháng")
    nominal_day: int  # the day of the month the plan names (30, even when February ends earlier)
    yearly: bool = False

    @property
    def moved_to_month_end(self) -> bool:
        return self.day.day != self.nominal_day

    @property
    def sort_key(self) -> tuple:
        return (self.day, self.duty.order, self.yearly)


@dataclass(frozen=True)
class Duty:
    """A reporting duty with its agencies resolved, and the dates it falls due."""

    data: ReportingDuty
    order: int  # place in data/plan.yaml, to sort duties falling due on the same day
    reporters: tuple[Agency, ...]
    recipients: tuple[Agency, ...]
    send_to: Agency

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def task_id(self) -> str:
        return self.data.task

    @property
    def period_days(self) -> int:
        """How often reports are due, in days: the plan's «Định kỳ 15 ngày» (validated)."""
        return self.data.period_days

    @property
    def periodic_label(self) -> str:
        """The label of the monthly deadlines: "Báo cáo định kỳ 15 ngày"."""
        return f"Báo cáo định kỳ {self.period_days} ngày"

    @property
    def monthly_days(self) -> tuple[int, ...]:
        return tuple(sorted(self.data.monthly_days))

    @property
    def yearly(self):
        return tuple(sorted(self.data.yearly, key=lambda y: (y.month, y.day)))

    @property
    def shortened_days(self) -> tuple[int, ...]:
        """Monthly days that some months lack, so the duty falls on those months' last day."""
        return tuple(d for d in self.monthly_days if months_lacking(d))

    def deadlines_in_month(self, year: int, month: int) -> list[Deadline]:
        found: dict[tuple[date, str], Deadline] = {}
        for nominal in self.monthly_days:
            day = day_in_month(year, month, nominal)
            label = self.periodic_label
            found.setdefault((day, label), Deadline(day, self, label, nominal))
        for when in self.yearly:
            if when.month == month:
                day = date(year, month, when.day)  # validated to exist in every year
                found.setdefault((day, when.label),
                                 Deadline(day, self, when.label, when.day, yearly=True))
        return sorted(found.values(), key=lambda d: d.sort_key)

    def upcoming(self, first: date) -> Iterator[Deadline]:
        """Every deadline on or after `first`, in order, without end (the plan sets none)."""
        for year, month in months_from(first):
            for deadline in self.deadlines_in_month(year, month):
                if deadline.day >= first:
                    yield deadline

    def next_after(self, day: date, count: int = 1) -> list[Deadline]:
        """The next `count` deadlines after `day`. Reports are due «trước ngày 13»: on the 13th
        itself that one has passed, and the next is the following one."""
        return list(itertools.islice(self.upcoming(day + timedelta(days=1)), count))

    def between(self, first: date, last: date) -> list[Deadline]:
        return list(itertools.takewhile(lambda d: d.day <= last, self.upcoming(first)))


def merged(duties: Iterable[Duty], first: date) -> Iterator[Deadline]:
    """The deadlines of several duties from `first` on, in date order."""
    return heapq.merge(*(duty.upcoming(first) for duty in duties), key=lambda d: d.sort_key)


def next_deadlines(duties: Iterable[Duty], as_of: date, count: int) -> list[Deadline]:
    return list(itertools.islice(merged(duties, as_of), count))


def horizon(plan_date: date, as_of: date, last_task_day: date | None) -> tuple[date, date]:
    """The span the calendar feeds cover: from the plan's date to the end of the year after the
    as-of date (or after the last task date, if later). The plan names no end to its reporting
    duties, so a feed stops somewhere; it is rebuilt, and moves on, with the site."""
    last_year = max(as_of.year, last_task_day.year if last_task_day else plan_date.year)
    return plan_date, date(last_year + 1, 12, 31)


@dataclass(frozen=True)
class Duties:
    """Part III's reporting duties, and who reports under which (an agency itself, or as a
    member of a group that reports). One part of the Plan (macros.model.plan)."""

    all: tuple[Duty, ...]
    groups_above: Callable[[str], tuple[Agency, ...]] = field(compare=False, hash=False)

    def __iter__(self) -> Iterator[Duty]:
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    def __bool__(self) -> bool:
        return bool(self.all)

    def __getitem__(self, index):
        return self.all[index]

    def for_task(self, task_id: str) -> tuple[Duty, ...]:
        """The duties whose words are this task's: its schedule is theirs."""
        return tuple(d for d in self.all if d.task_id == task_id)

    def reported_by(self, agency_id: str) -> tuple[tuple[Duty, Agency | None], ...]:
        """Duties the agency reports under: its own, then those of its groups (with the group)."""
        own: list[tuple[Duty, Agency | None]] = [
            (d, None) for d in self.all if agency_id in d.data.reporters]
        via: list[tuple[Duty, Agency | None]] = [
            (d, g) for g in self.groups_above(agency_id) for d in self.all
            if g.id in d.data.reporters]
        return tuple(own + via)

    def received_by(self, agency_id: str) -> tuple[Duty, ...]:
        return tuple(d for d in self.all
                     if agency_id == d.data.send_to or agency_id in d.data.to)

    def of(self, agency_id: str) -> tuple[Duty, ...]:
        """Duties on the agency's calendar: those it reports under (itself or through a group),
        then those it receives."""
        found: list[Duty] = []
        for duty in [d for d, _ in self.reported_by(agency_id)] + list(
                self.received_by(agency_id)):
            if duty not in found:
                found.append(duty)
        return tuple(found)

    def next_for(self, agency_ids, as_of: date) -> Deadline | None:
        """The next date a report is due from any of these bodies (or a group they belong to),
        after the as-of day: the one rule (Duty.next_after) every page and feed uses."""
        reporters = set(agency_ids)
        for agency_id in list(reporters):
            reporters |= {group.id for group in self.groups_above(agency_id)}
        coming = [duty.next_after(as_of)[0] for duty in self.all
                  if reporters & set(duty.data.reporters)]
        return min(coming, key=lambda d: d.sort_key) if coming else None
