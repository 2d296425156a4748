"""Status reports (data/tien-do/): the schema of what agencies report, as frozen models.

Reports are a dated, append-only log kept apart from the plan as issued: one file per report,
data/tien-do/<task id>/<YYYY-MM-DD>.yaml, whose name gives the task and the date. A new report is
a new file, so two reports never touch the same file; a published report that is changed must say
why in a new correction (`corrections`), which the validator requires when it is given the base
revision (macros.load.history). The reported states are the five words staff write; what
readers see is derived from them in macros.model.status.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date  # noqa: N812 (a report has a field named `date`)
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.config import JsonDict

from .dates import short_date
from .schema import KnownAgency, Model, Text, problem, state_of


class ReportedState(StrEnum):
    """What an agency reports. The values are the words staff write in the data."""

    NOT_STARTED = "chưa triển khai"
    IN_PROGRESS = "đang thực hiện"
    DONE = "hoàn thành"
    PAUSED = "tạm dừng"
    OBSOLETE = "không còn áp dụng"

    @property
    def label(self) -> str:
        return self.value[:1].upper() + self.value[1:]


Url = Annotated[str, StringConstraints(pattern="^https?://[^\\s<>\"']+$", max_length=500)]


class Evidence(Model):
    """A decision or report that shows the progress: its number and, where public, its link."""

    model_config = ConfigDict(title="Văn bản làm căn cứ")

    number: Annotated[Text, Field(title="Số, ký hiệu văn bản",
                                  description="Ví dụ: Quyết định số 12/QĐ-UBND ngày 10/01/2019.")]
    date: Annotated[Date | None, Field(title="Ngày ban hành",
                                       description="Dạng NĂM-THÁNG-NGÀY.")] = None
    url: Annotated[Url | None, Field(title="Đường dẫn công khai",
                                     description="Bắt đầu bằng http:// hoặc https://.")] = None


class Correction(Model):
    """Why a published report was changed: required for every change after publication."""

    model_config = ConfigDict(title="Đính chính")

    date: Annotated[Date, Field(title="Ngày đính chính", description="Dạng NĂM-THÁNG-NGÀY.")]
    reason: Annotated[Text, Field(title="Lý do đính chính",
                                  description="Sửa gì và vì sao, ví dụ: ghi sai số văn bản.")]

    @field_validator("date")
    @classmethod
    def _not_after_build(cls, value: Date, info: ValidationInfo) -> Date:
        as_of = state_of(info).as_of
        if as_of and value > as_of:
            raise problem(
                "Ngày đính chính {day} muộn hơn ngày dựng trang ({as_of}). Cách sửa: ghi ngày "
                "sửa báo cáo thật, không ghi ngày trong tương lai.",
                day=short_date(value), as_of=short_date(as_of),
            )
        return value


# The rule of _consistent below, for editors and the form that check against the JSON Schema:
# a «hoàn thành» report has a completion date, and no other report has one.
_DONE_RULE: JsonDict = {
    "if": {"properties": {"state": {"const": "hoàn thành"}}, "required": ["state"]},
    "then": {"required": ["completed_on"]},
    "else": {"not": {"required": ["completed_on"]}},
}
# The rule of _revision_authorised below, likewise: a revised deadline comes with at least one
# document (the staff guide: the document that authorises it goes in «evidence»). The form shows
# the description of the rule that fails, in the words of its fields' labels.
_REVISION_RULE: JsonDict = {
    "if": {"required": ["evidence"], "properties": {"evidence": {"minItems": 1}}},
    "else": {
        "not": {"required": ["revised_due"]},
        "description": "Hạn mới phải kèm văn bản của cấp có thẩm quyền cho phép điều chỉnh hạn: "
        "thêm văn bản đó ở mục «Văn bản làm căn cứ», hoặc để trống ô này.",
    },
}


@dataclass(frozen=True)
class NotAfter:
    """A day of a report that may not be later than another: the report's date (its file name,
    "date") or the day the data are checked ("today", in Vietnam). The JSON Schema cannot say
    it, so the report form (macros.views.report_form) is given these. They are the rules
    Report._dates_in_order and the loader (a report dated after the as-of day) enforce; the
    form and the validator are held to the same answer, case by case, by
    tests/site/test_report_form.py."""

    field: str  # "date" (the report's date) or a date field of the report
    limit: str  # "date" or "today"
    message: str  # for the form, in Vietnamese: {day} is the field's day, {limit} the limit's


DATE_RULES = (
    NotAfter("date", "today",
             "Ngày báo cáo {day} là một ngày chưa tới. Chọn ngày đã có tình hình được báo cáo, "
             "muộn nhất là hôm nay ({limit})."),
    NotAfter("completed_on", "date",
             "Ngày hoàn thành {day} muộn hơn ngày báo cáo {limit}: báo cáo chỉ ghi việc đã xong "
             "đến ngày báo cáo. Sửa ngày hoàn thành, hoặc chọn ngày báo cáo muộn hơn."),
)


class ReportFile(Model):
    """What one report file holds. Its date is its file name, not a field."""

    model_config = ConfigDict(title="Báo cáo tiến độ",
                              json_schema_extra={"allOf": [_DONE_RULE, _REVISION_RULE]})

    state: Annotated[ReportedState, Field(
        title="Trạng thái",
        description="Một trong năm cụm từ: chưa triển khai, đang thực hiện, hoàn thành, tạm "
        "dừng, không còn áp dụng.")]
    percent: Annotated[int | None, Field(ge=0, le=100, title="Tỷ lệ hoàn thành (%)",
                                         description="Số nguyên từ 0 đến 100.")] = None
    done: Annotated[Text, Field(title="Những việc đã làm")]
    evidence: Annotated[list[Evidence], Field(title="Văn bản làm căn cứ")] = []
    reporter: Annotated[KnownAgency, Field(
        title="Cơ quan báo cáo",
        description="Mã cơ quan, như dòng «id:» trong data/agencies.yaml.")]
    completed_on: Annotated[Date | None, Field(
        title="Ngày hoàn thành", description="Bắt buộc khi trạng thái là «hoàn thành».")] = None
    revised_due: Annotated[Date | None, Field(
        title="Hạn mới", description="Khi cấp có thẩm quyền cho phép điều chỉnh hạn; kèm văn bản "
        "cho phép ở mục «Văn bản làm căn cứ».")] = None
    note: Annotated[Text | None, Field(title="Ghi chú")] = None
    corrections: Annotated[list[Correction], Field(
        title="Đính chính",
        description="Bắt buộc khi sửa một báo cáo đã công bố: mỗi lần sửa thêm một mục.")] = []

    @field_validator("state", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("revised_due")
    @classmethod
    def _revision_authorised(cls, value: Date | None, info: ValidationInfo) -> Date | None:
        # «evidence» comes before «revised_due»: read already, unless it was itself refused.
        if value is not None and "evidence" in info.data and not info.data["evidence"]:
            raise problem(
                "Hạn mới {day} chưa có văn bản cho phép điều chỉnh hạn. Cách sửa: ghi văn bản của "
                "cấp có thẩm quyền cho phép điều chỉnh hạn vào «evidence» (số, ký hiệu, ngày ban "
                "hành); chưa có văn bản thì xóa dòng «revised_due».",
                day=short_date(value),
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ReportFile:
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
        return self


class Report(ReportFile):
    """A report with its date, which the loader takes from the file name."""

    date: Date

    @model_validator(mode="after")
    def _dates_in_order(self) -> Report:
        if self.completed_on and self.completed_on > self.date:
            raise problem(
                "Ngày hoàn thành {done} muộn hơn ngày báo cáo {day}.",
                done=short_date(self.completed_on),
                day=short_date(self.date),
            )
        for correction in self.corrections:
            if correction.date < self.date:
                raise problem(
                    "Ngày đính chính {fix} sớm hơn ngày báo cáo {day}. Cách sửa: ghi ngày sửa "
                    "báo cáo, sau ngày báo cáo.",
                    fix=short_date(correction.date), day=short_date(self.date),
                )
        return self


class ReportLog(Model):
    """One task's report log: its reports, oldest first (one file each in
    data/tien-do/<task id>/)."""

    reports: Annotated[list[Report], Field(min_length=1)]
