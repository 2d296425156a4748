"""Status reports (data/tien-do/<task id>.yaml) and the states derived from them.

Reports are a dated, append-only log kept apart from the plan as issued: one file per task, so two
pull requests about different tasks never touch the same file. Reported states are the five words
staff write; the states readers see are derived from the last report, the task's deadline and the
as-of date (`DisplayState`).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from .models import KnownAgency, Model, Text, problem, state_of


class ReportedState(str, Enum):
    """What an agency reports. The values are the words staff write in the data."""

    NOT_STARTED = "chưa triển khai"
    IN_PROGRESS = "đang thực hiện"
    DONE = "hoàn thành"
    PAUSED = "tạm dừng"
    OBSOLETE = "không còn áp dụng"

    @property
    def label(self) -> str:
        return self.value[:1].upper() + self.value[1:]


class DisplayState(Enum):
    """What readers see: one label, one CSS class (one colour) per state, everywhere."""

    NO_REPORT = ("chua-co-bao-cao", "Chưa có báo cáo")
    NOT_STARTED = ("chua-trien-khai", "Chưa triển khai")
    IN_PROGRESS = ("dang-thuc-hien", "Đang thực hiện")
    OVERDUE = ("qua-han", "Quá hạn")
    PAUSED = ("tam-dung", "Tạm dừng")
    DONE_ON_TIME = ("hoan-thanh-dung-han", "Hoàn thành đúng hạn")
    DONE_LATE = ("hoan-thanh-cham", "Hoàn thành chậm")
    DONE = ("hoan-thanh", "Hoàn thành")
    OBSOLETE = ("khong-con-ap-dung", "Không còn áp dụng")

    @property
    def slug(self) -> str:
        return self.value[0]

    @property
    def label(self) -> str:
        return self.value[1]

    @property
    def order(self) -> int:
        """Position in the fixed order of states, for sorting."""
        return list(DisplayState).index(self)


Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"']+$", max_length=500)]


class Evidence(Model):
    """A decision or report that shows the progress: its number and, where public, its link."""

    number: Text
    url: Url | None = None


class Report(Model):
    date: date
    state: ReportedState
    percent: Annotated[int, Field(ge=0, le=100)] | None = None
    done: Text
    evidence: list[Evidence] = []
    reporter: KnownAgency
    completed_on: date | None = None
    revised_due: date | None = None
    note: Text | None = None

    @field_validator("state", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("date")
    @classmethod
    def _not_after_build(cls, value: date, info: ValidationInfo) -> date:
        as_of = state_of(info).as_of
        if as_of and value > as_of:
            raise problem(
                "Ngày báo cáo {day} muộn hơn ngày dựng trang ({as_of}). Cách sửa: ghi ngày đã "
                "báo cáo thật, không ghi ngày trong tương lai.",
                day=value.isoformat(),
                as_of=as_of.isoformat(),
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Report:
        if self.state is ReportedState.DONE and self.completed_on is None:
            raise problem(
                "Báo cáo trạng thái «hoàn thành» phải có ngày hoàn thành. Cách sửa: thêm dòng "
                "«completed_on: NĂM-THÁNG-NGÀY»."
            )
        if self.state is not ReportedState.DONE and self.completed_on is not None:
            raise problem(
                "Chỉ báo cáo trạng thái «hoàn thành» mới có «completed_on». Cách sửa: xóa dòng "
                "này hoặc sửa trạng thái."
            )
        if self.completed_on and self.completed_on > self.date:
            raise problem(
                "Ngày hoàn thành {done} muộn hơn ngày báo cáo {day}.",
                done=self.completed_on.isoformat(),
                day=self.date.isoformat(),
            )
        return self


    @model_validator(mode="after")
    def _appended_in_order(self, info: ValidationInfo) -> Report:
        # The log is append-only: each report comes after the previous one of the same file.
        state = state_of(info)
        earlier, later = state.previous_report, self
        state.previous_report = self
        if earlier is not None:
            if later.date < earlier.date:
                raise problem(
                    "Báo cáo ngày {later} đứng sau báo cáo ngày {earlier}: báo cáo mới ghi nối "
                    "vào cuối danh sách, theo thứ tự ngày. Cách sửa: chuyển báo cáo về đúng chỗ.",
                    later=later.date.isoformat(),
                    earlier=earlier.date.isoformat(),
                )
            if later.date == earlier.date:
                raise problem(
                    "Có hai báo cáo cùng ngày {day}{what}. Cách sửa: gộp thành một báo cáo.",
                    day=later.date.isoformat(),
                    what=" nhưng khác nội dung" if later != earlier else " giống hệt nhau",
                )
        return self


class StatusFile(Model):
    reports: Annotated[list[Report], Field(min_length=1)]


_DONE_STATES = {ReportedState.DONE, ReportedState.OBSOLETE}


@dataclass(frozen=True)
class TaskStatus:
    """Where one task stands at the as-of date. Every fact here is derived."""

    reports: tuple[Report, ...]
    original_due: date | None
    as_of: date

    @property
    def last(self) -> Report | None:
        return self.reports[-1] if self.reports else None

    @property
    def revised_due(self) -> date | None:
        """The latest deadline a report gives, when it differs from the plan's."""
        for report in reversed(self.reports):
            if report.revised_due:
                return report.revised_due if report.revised_due != self.original_due else None
        return None

    @property
    def due(self) -> date | None:
        return self.revised_due or self.original_due

    @property
    def is_overdue(self) -> bool:
        last = self.last
        return bool(
            last and self.due and last.state not in _DONE_STATES and self.as_of > self.due
        )

    @property
    def state(self) -> DisplayState:
        last = self.last
        if last is None:
            return DisplayState.NO_REPORT
        if last.state is ReportedState.OBSOLETE:
            return DisplayState.OBSOLETE
        if last.state is ReportedState.DONE:
            if self.due is None or last.completed_on is None:
                return DisplayState.DONE
            return DisplayState.DONE_ON_TIME if last.completed_on <= self.due else DisplayState.DONE_LATE
        if self.is_overdue:
            return DisplayState.OVERDUE
        return {
            ReportedState.NOT_STARTED: DisplayState.NOT_STARTED,
            ReportedState.IN_PROGRESS: DisplayState.IN_PROGRESS,
            ReportedState.PAUSED: DisplayState.PAUSED,
        }[last.state]

    @property
    def percent(self) -> int | None:
        return self.last.percent if self.last else None
