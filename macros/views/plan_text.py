"""The plan's full text: the document tree as issued, with each task's links beside it.

The real plan is one page. A plan too large for one is cut into pages (macros.model.paging):
page 1 (`ke-hoach/`) opens the document and lists the pages, the others
(`ke-hoach/trang-N/`) continue it. Links inside the text (a task to its Phụ lục rows, a row to
its tasks, the table of contents) are relative to the page that shows them: `#anchor` on the
same page, the other page's address from this one otherwise; the template prints them as they
are, without the page's root.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import routes
from ..model.dates import long_date
from ..model.paging import TextPage, TextPages
from ..model.plan import Plan
from ..model.schema import PlanData
from .common import LaterLine, Link, PageLink, agency_link
from .edition import Edition


@dataclass(frozen=True)
class TaskLinks:
    """What stands under a task in the full text: its page, its lead, its Phụ lục rows."""

    page: Link
    leads: tuple[Link, ...]
    lead_term: str | None
    rows: tuple[Link, ...]


@dataclass(frozen=True)
class DocumentIdentity:
    """The document's identity, summed up by the site from data/plan.yaml `document` (the
    source text itself opens with its heading: it carries no issuer, number or date)."""

    kind: str
    number: str
    issuer: Link
    date: str  # "ngày 02 tháng 7 năm 2018"
    place: str
    original: Link | None  # the official original, only when the data gives its address

    @classmethod
    def of(cls, plan: Plan) -> DocumentIdentity:
        doc = plan.document
        original = (Link(doc.original_url, f"{doc.kind} số {doc.number} (bản gốc chính thức)")
                    if doc.original_url else None)
        return cls(doc.kind, doc.number, agency_link(plan, doc.issuer), long_date(doc.date),
                   doc.place, original)


@dataclass(frozen=True)
class PageEntry:
    """One page of a text in pages, as the list of pages shows it."""

    number: int
    href: str  # from the page that lists it
    what: str  # "nhiệm vụ II.2.1.1 đến II.300.3.5; Phụ lục, dòng 1 đến 120"
    current: bool


def _from(here: int, number: int, anchor: str | None = None) -> str:
    """The address of page `number` of the text (at `anchor`) from page `here`."""
    if number == here:
        return f"#{anchor}" if anchor else ""
    target = routes.plan_text_page(number) + (f"#{anchor}" if anchor else "")
    return routes.root_of(routes.plan_text_page(here)) + target


def title_of(edition: Edition, number: int) -> str:
    """The page's title (page 1's is its Markdown's own)."""
    return (f"Toàn văn Kế hoạch số {edition.plan.document.number}, trang "
            f"{number}/{edition.text_pages.count}")


@dataclass(frozen=True)
class PlanTextPage:
    data: PlanData  # the document as issued, validated (its tree is laid out word for word)
    labels: dict[str, str]  # task id -> "II.2.1.1", for the links beside the text
    page: TextPage  # what this page holds
    pages: TextPages
    tasks: dict[str, TaskLinks]  # the tasks on this page
    identity: DocumentIdentity
    later: tuple[LaterLine, ...] = ()  # documents issued since the plan (page 1)

    @classmethod
    def of(cls, edition: Edition, number: int = 1) -> PlanTextPage:
        plan = edition.plan
        pages = edition.text_pages
        page = pages.page(number)
        out = {}
        for task_id in page.tasks:
            task = plan.task(task_id)
            lead = task.role("lead")
            out[task.id] = TaskLinks(
                Link(routes.task(task.id), f"Theo dõi nhiệm vụ {task.label}"),
                tuple(agency_link(plan, a, short=True) for a in lead.agencies) if lead else (),
                lead.label if lead else None,
                tuple(Link(_from(number, pages.of_row[r.number],
                                 routes.appendix_row_anchor(r.number)),
                           f"Phụ lục, dòng {r.number}")
                      for r in task.appendix_rows),
            )
        return cls(plan.data, {t.id: t.label for t in plan.tasks}, page, pages, out,
                   DocumentIdentity.of(plan), LaterLine.all_of(plan) if number == 1 else ())

    @property
    def paged(self) -> bool:
        return self.pages.paged

    @property
    def title(self) -> str:
        return (f"Toàn văn Kế hoạch số {self.data.document.number}, trang {self.page.number}/"
                f"{self.pages.count}")

    def at(self, number: int, anchor: str | None = None) -> str:
        """The address of page `number` (at `anchor`), from this page."""
        return _from(self.page.number, number, anchor)

    def part_href(self, part: str) -> str:
        return self.at(self.pages.of_part[part], routes.part_anchor(part))

    @property
    def foot_href(self) -> str:
        return self.at(self.pages.foot, routes.PLAN_FOOT_ANCHOR)

    @property
    def appendix_href(self) -> str:
        return self.at(self.pages.appendix, routes.APPENDIX_ANCHOR)

    def row_tasks(self, row) -> tuple[Link, ...]:
        return tuple(Link(self.at(self.pages.of_task[t], t), self.labels[t])
                     for t in row.tasks)

    @property
    def previous(self) -> str | None:
        return self.at(self.page.number - 1) if self.page.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.at(self.page.number + 1) if self.page.number < self.pages.count else None

    @property
    def first(self) -> str:
        return self.at(1)

    @property
    def numbered(self) -> tuple[PageLink, ...]:
        """Every page, for the pager (addresses from this page)."""
        return tuple(PageLink(n, self.at(n), n == self.page.number)
                     for n in range(1, self.pages.count + 1))

    @property
    def rows_note(self) -> str | None:
        """Which rows of the Phụ lục this page holds, when they are on several pages."""
        rows, total = self.page.rows, len(self.data.appendix.rows)
        if not rows or len(rows) == total:
            return None
        held = (f"dòng {rows[0].number}" if len(rows) == 1 else
                f"các dòng {rows[0].number} đến {rows[-1].number}")
        return f"Trang này có {held} của Phụ lục ({total} dòng, trên nhiều trang)."

    @property
    def entries(self) -> tuple[PageEntry, ...]:
        """Every page, with what it holds (the list on page 1)."""
        out = []
        for page in self.pages.pages:
            held = []
            if page.tasks:
                first, last = (self.labels[t] for t in (page.tasks[0], page.tasks[-1]))
                held.append(f"nhiệm vụ {first}" + (f" đến {last}" if last != first else ""))
            if page.rows:
                low, high = page.rows[0].number, page.rows[-1].number
                held.append(f"Phụ lục, dòng {low}" + (f" đến {high}" if high != low else ""))
            what = "; ".join(held) or "phần mở đầu văn bản"
            out.append(PageEntry(page.number, self.at(page.number), what,
                                 page.number == self.page.number))
        return tuple(out)
