"""The plan text in pages, for a plan too large for one.

The real plan (49 tasks, 21 Phụ lục rows) is one page. A plan many times its size would make a
page of several MiB (5.7 MiB at 100 times), so the text is cut into pages of at most `limit`
entries, an entry being a task of the body or a row of the Phụ lục (at 100 times the plan, 500
entries make a page of about 0.4 MiB). Page 1 opens the document (its heading, preamble and
table of contents); the following pages continue it in the document's order.

Pages are cut between parts and sections of the document tree: a part or section that fits on
the page being filled goes there whole; one that fits on a page of its own starts a new page;
only one larger than a page is cut, between its own parts and sections, and within a section
that holds more tasks than a page, between its tasks. A task is never cut. A heading goes with
the first thing under it, never alone at the foot of a page; a part or section that a cut
leaves open is continued on the next page under its heading again, marked as continued.

Which page holds each task, part and Phụ lục row is known here, so every link to a place in
the text names its page (macros.routes.task_in_plan and the like).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .schema import AppendixRow, Paragraph, Part, PlanData, Section, TaskNode

# The most entries (tasks of the text, rows of the Phụ lục) on one page of the plan text, and the
# most tasks on one page of the progress list (macros.views.progress) and of the timeline chart
# (macros.views.timeline). The real plan (70 entries, 49 tasks) is far below it; ten times the
# plan takes two pages of text (700 entries) and keeps one progress page (490 tasks) and one
# timeline chart.
PAGE_LIMIT = 500


@dataclass(frozen=True)
class Piece:
    """A part or a section as one page holds it: its own node, and what of its content is on
    the page (pieces of its sections, its tasks and paragraphs)."""

    node: Part | Section
    content: tuple[Piece | TaskNode | Paragraph, ...]  # in the document's order
    continued: bool  # its heading is on an earlier page: this page continues it


@dataclass(frozen=True)
class TextPage:
    number: int  # from 1
    parts: tuple[Piece, ...]  # the parts this page holds (part of), in order
    foot: bool  # the closing paragraph, recipients and signature are on this page
    appendix: bool  # rows of the Phụ lục are on this page
    appendix_continued: bool  # ...and the Phụ lục began on an earlier page
    rows: tuple[AppendixRow, ...]
    tasks: tuple[str, ...]  # ids of the tasks on this page, in order

    @property
    def entries(self) -> int:
        return len(self.tasks) + len(self.rows)


class _Packer:
    """Greedy packing in the document's order (see the module's docstring). `where` records the
    page of every node by its id(): a part or section by its heading, a task or paragraph by
    itself."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.page = 1
        self.count = 0
        self.where: dict[int, int] = {}
        self.pending: list[object] = []  # headings waiting for the first thing under them

    def _break(self) -> None:
        if self.count:
            self.page += 1
            self.count = 0

    def _put(self, node, weight: int) -> None:
        for heading in self.pending:
            self.where[id(heading)] = self.page
        self.pending.clear()
        self.where[id(node)] = self.page
        for inner in _descendants(node):
            self.where[id(inner)] = self.page
        self.count += weight

    def place(self, node) -> None:
        weight = _weight(node)
        if isinstance(node, (TaskNode, Paragraph, AppendixRow)):
            if weight and self.count + weight > self.limit:
                self._break()
            self._put(node, weight)
        elif self.count + weight <= self.limit:
            self._put(node, weight)
        elif weight <= self.limit:
            self._break()
            self._put(node, weight)
        else:  # larger than a page: cut between what it holds; its heading goes with the first
            self.pending.append(node)
            for child in node.content:
                self.place(child)

    def heading(self, node) -> None:
        """A heading with nothing of the tree under it (the Phụ lục's): it goes with what
        follows."""
        self.pending.append(node)


def _weight(node) -> int:
    if isinstance(node, (TaskNode, AppendixRow)):
        return 1
    if isinstance(node, Paragraph):
        return 0
    return sum(_weight(child) for child in node.content)


def _descendants(node):
    if isinstance(node, (Part, Section)):
        for child in node.content:
            yield child
            yield from _descendants(child)


class TextPages:
    """The plan text's pages: what each holds, and which page holds a task, part or row."""

    def __init__(self, data: PlanData, limit: int = PAGE_LIMIT) -> None:
        if limit < 1:
            raise ValueError(f"a page holds at least one entry, not {limit}")
        self.data = data
        self.limit = limit
        packer = _Packer(limit)
        for part in data.parts:
            packer.place(part)
        foot = packer.page  # the closing words and the signature follow the last part
        packer.heading(data.appendix)
        for row in data.appendix.rows:
            packer.place(row)
        self._where = packer.where
        self.count = packer.page
        self.foot = foot
        self.appendix = self._where[id(data.appendix)]
        self.of_task: dict[str, int] = {}
        self._tasks_on: dict[int, list[str]] = {}
        self._record_tasks(data.parts)
        self.of_part: dict[str, int] = {part.number: self._where[id(part)]
                                        for part in data.parts}
        self.of_row = {row.number: self._where[id(row)] for row in data.appendix.rows}

    def _record_tasks(self, nodes) -> None:
        for node in nodes:
            if isinstance(node, TaskNode):
                page = self._where[id(node)]
                self.of_task[node.task] = page
                self._tasks_on.setdefault(page, []).append(node.task)
            elif not isinstance(node, Paragraph):
                self._record_tasks(node.content)

    @property
    def paged(self) -> bool:
        return self.count > 1

    @cached_property
    def _spans(self) -> dict[int, tuple[int, int]]:
        """The first and last page of every part and section (pages follow the document's
        order, so the pages a node is on are one run)."""
        spans: dict[int, tuple[int, int]] = {}

        def span(node) -> tuple[int, int]:
            first = last = self._where[id(node)]
            if isinstance(node, (Part, Section)):
                for child in node.content:
                    last = max(last, span(child)[1])
            spans[id(node)] = (first, last)
            return first, last

        for part in self.data.parts:
            span(part)
        return spans

    def _piece(self, node, number: int) -> Piece | None:
        first, last = self._spans[id(node)]
        if not first <= number <= last:
            return None
        content: list[Piece | TaskNode | Paragraph] = []
        for child in node.content:
            if isinstance(child, (TaskNode, Paragraph)):
                if self._where[id(child)] == number:
                    content.append(child)
            else:
                piece = self._piece(child, number)
                if piece is not None:
                    content.append(piece)
        return Piece(node, tuple(content), first < number)

    def page(self, number: int) -> TextPage:
        if not 1 <= number <= self.count:
            raise KeyError(number)
        parts = tuple(p for p in (self._piece(part, number) for part in self.data.parts)
                      if p is not None)
        rows = tuple(r for r in self.data.appendix.rows if self.of_row[r.number] == number)
        return TextPage(number, parts, self.foot == number, bool(rows),
                        bool(rows) and self.appendix < number, rows,
                        tuple(self._tasks_on.get(number, ())))

    @cached_property
    def pages(self) -> tuple[TextPage, ...]:
        return tuple(self.page(n) for n in range(1, self.count + 1))
