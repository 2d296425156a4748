"""Who runs the site and how to reach them, from data/site.yaml: shown in the footer and on the
open data page only when the data says so (never a placeholder, never a guess)."""
from __future__ import annotations

from dataclasses import dataclass

from .. import routes
from ..model.plan import Plan
from ..model.site_info import SiteInfo


@dataclass(frozen=True)
class Operator:
    name: str | None  # the managing agency's name
    href: str | None  # its page
    email: str | None
    phone: str | None

    @classmethod
    def of(cls, plan: Plan, info: SiteInfo) -> Operator | None:
        agency = info.managing_agency
        contact = info.contact
        if not (agency or contact.email or contact.phone):
            return None
        return cls(plan.agency(agency).name if agency else None,
                   routes.agency(agency) if agency else None, contact.email, contact.phone)
