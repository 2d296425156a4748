"""data/site.yaml: who runs the site and who reviews reports, as a frozen model.

Every field is optional: what is not known is left empty and shows nothing to readers. No contact
is ever made up: a phone number or an e-mail address is written here only when the office gives it.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints

from .schema import KnownAgency, Model, Text

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
