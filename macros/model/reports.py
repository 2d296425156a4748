"""Status reports (data/tien-do/): the schema of what agencies report, as frozen models.

Reports are a dated, append-only log kept apart from the plan as issued. The reported states are
the five words staff write; what readers see is derived from them in macros.model.status.
"""
from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from .schema import KnownAgency, Model, Text, problem, state_of


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
