"""Who the plan names for a task, in the terms each source uses.

The body of the plan and its Phụ lục are two sources. A body role speaks the body's words
("Trách nhiệm thực hiện", "Thực hiện", "Chủ trì", "Phối hợp với"); a Phụ lục role speaks the
column heading of its row ("Cơ quan, đơn vị chủ trì tham mưu", ...). The two are never merged:
a task's `roles` are its body roles; each linked Phụ lục row keeps its own.
"""
from __future__ import annotations

from dataclasses import dataclass

# Kinds of role: what a role means, whatever its words. Agency pages, counts and filters group by
# kind; pages show the source's own term.
BODY_KINDS = ("lead", "partners")
APPENDIX_KINDS = ("lead", "partners", "consulted", "deciding")

# The site's own short names for the kinds, used only where several sources are counted together
# (headings of agency pages, filters); every role itself is shown with its source's term.
KIND_LABELS = {
    "lead": "Chủ trì, thực hiện",
    "partners": "Phối hợp",
    "consulted": "Cho ý kiến",
    "deciding": "Quyết định",
}


@dataclass(frozen=True)
class Role:
    kind: str  # one of APPENDIX_KINDS
    term: str  # the source's own word for the role
    text: str  # the words naming the agencies, as written
    agencies: tuple[str, ...]  # registry ids, in the order written
    heading: str | None = None  # "II.3.1" when the body names the agency in a section heading
    row: int | None = None  # the Phụ lục row, for a Phụ lục role
    note: str | None = None  # the site's note on the words, from the data
