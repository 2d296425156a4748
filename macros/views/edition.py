"""One build's edition of the plan: the plan (the model, facts only) and what the build adds to
it, which is no fact of the plan: when the site was built, whether its reports are illustrative
(the demo), and the most entries on a page of a list that grows with the plan. Every page view
and every generated file takes the edition; the model never sees a build setting.

The edition also holds what the views work out once for a build and many pages show the same:
the plan text in pages, each task's line in lists, the timeline. A new build (or a rebuild under
`mkdocs serve`) makes a new edition (macros.site.build), so nothing outlives its build.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from ..model.paging import PAGE_LIMIT, TextPages
from ..model.plan import Plan, Task
from .common import TaskLine
from .timeline import Timeline, build

# A demo build's reports are illustrative (tests/fixtures/demo): every exit says so, in these
# words (pages, feeds, calendars, open data).
DEMO_NOTICE = "Số liệu minh họa, không phải báo cáo thật của cơ quan nào."
DEMO_MARK = "minh họa"


@dataclass(frozen=True, eq=False)
class Edition:
    plan: Plan
    built_at: datetime  # when the site was built: pages say it, calendars and feeds stamp it
    demo: bool = False  # the reports are illustrative, not real: every exit says so
    # The most entries on one page of a list that grows with the plan (macros.model.paging).
    page_limit: int = PAGE_LIMIT

    @cached_property
    def text_pages(self) -> TextPages:
        """The plan text in pages: one for the real plan; which page holds each task, part and
        Phụ lục row."""
        return TextPages(self.plan.data, self.page_limit)

    @cached_property
    def timeline(self) -> Timeline:
        """The plan's timeline as of its as-of date (every agency page shows a part of it)."""
        return build(self.plan, self.plan.as_of)

    @cached_property
    def _lines(self) -> dict[str, TaskLine]:
        return {task.id: TaskLine.of(self.plan, task) for task in self.plan.tasks}

    def line(self, task: Task) -> TaskLine:
        """The task's line: the progress list, the home page, every agency and timeline page
        that lists the task show the same line."""
        return self._lines[task.id]
