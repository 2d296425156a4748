"""data/site.yaml: who runs the site and who reviews reports, as a frozen model.

Every field is optional: what is not known is left empty and shows nothing to readers. No contact
is ever made up: a phone number or an e-mail address is written here only when the office gives it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints, ValidationInfo, field_validator

from .dates import short_date
from .schema import KnownAgency, Model, Text, problem, state_of

Email = Annotated[str, StringConstraints(pattern=r"^[^@\s<>]+@[^@\s<>]+\.[a-z]{2,}$",
                                         max_length=200)]
Phone = Annotated[str, StringConstraints(pattern=r"^[0-9 ().+\-]{6,20}$")]
# A GitHub team, as CODEOWNERS names it: @organisation/team-slug.
Team = Annotated[str, StringConstraints(
    pattern=r"^@[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9][A-Za-z0-9._-]*$")]


class Contact(Model):
    model_config = ConfigDict(title="Liên hệ")

    email: Annotated[Email | None, Field(title="Thư điện tử")] = None
    phone: Annotated[Phone | None, Field(title="Điện thoại")] = None


@dataclass(frozen=True)
class ReportsSince:
    """The day the site began collecting status reports, or that it is not recorded. Before that
    day the site received nothing, so it can say nothing of what was reported then."""

    day: date | None

    @property
    def recorded(self) -> bool:
        return self.day is not None

    def covers(self, day: date) -> bool:
        """Whether the site was collecting reports on that day: False before the recorded day
        and whenever no day is recorded (the site cannot claim to know)."""
        return self.day is not None and day >= self.day


class SiteInfo(Model):
    """What the guide and the task pages say about people and access."""

    model_config = ConfigDict(title="Thông tin quản lý trang")

    managing_agency: Annotated[KnownAgency | None, Field(
        title="Cơ quan quản lý trang", description="Mã cơ quan trong data/agencies.yaml.")] = None
    contact: Annotated[Contact, Field(title="Liên hệ của cơ quan quản lý trang")] = Contact()
    review_team: Annotated[Team | None, Field(
        title="Nhóm xem xét báo cáo trên GitHub",
        description="Dạng @tổ-chức/nhóm; tệp .github/CODEOWNERS phải ghi đúng nhóm này.")] = None
    access: Annotated[Text | None, Field(
        title="Cách xin quyền",
        description="Muốn được thêm vào nhóm xem xét thì hỏi ai, bằng cách nào.")] = None
    reports_since: Annotated[date | None, Field(
        title="Ngày trang web bắt đầu nhận báo cáo",
        description="Ngày đầu tiên trang web nhận báo cáo tiến độ, dạng NĂM-THÁNG-NGÀY; chỉ ghi "
        "khi cơ quan quản lý trang xác nhận. Để trống: trang web nói rõ là chưa ghi nhận.")] = None

    @field_validator("reports_since")
    @classmethod
    def _not_later_than_today(cls, value: date | None, info: ValidationInfo) -> date | None:
        as_of = state_of(info).as_of  # known once the plan is loaded (make validate)
        if value is not None and as_of is not None and value > as_of:
            raise problem("Ngày bắt đầu nhận báo cáo {day} chưa đến.", day=short_date(value))
        return value

    @property
    def reports_known_since(self) -> ReportsSince:
        """Since when the site collects reports; not recorded while the field is unset."""
        return ReportsSince(self.reports_since)
