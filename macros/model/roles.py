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

# The site's own short names for the kinds, used only where several terms are counted together
# (headings of agency pages, counts, filters), each said to be the site's group of the terms it
# holds (BODY_TERMS); every role itself is shown with its source's term. «Được giao» is no term of
# the plan: «chủ trì» is one of the three it groups, and never stands for the others.
KIND_LABELS = {
    "lead": "Được giao",
    "partners": "Phối hợp",
    "consulted": "Cho ý kiến",
    "deciding": "Quyết định",
}

# The body's terms each kind of body role groups, as the plan writes them.
BODY_TERMS = {
    "lead": ("Trách nhiệm thực hiện", "Thực hiện", "Chủ trì"),
    "partners": ("Phối hợp với",),
}


def kind_terms(kind: str) -> str:
    """The site's group with the plan's terms it holds: «được giao («Trách nhiệm thực hiện»,
    «Thực hiện», «Chủ trì»)», «phối hợp («Phối hợp với»)»."""
    terms = ", ".join(f"«{term}»" for term in BODY_TERMS[kind])
    return f"{KIND_LABELS[kind].lower()} ({terms})"


def kind_group(kind: str) -> str:
    """A kind of body role as the site's group of the plan's terms: «được giao theo lời văn
    (nhóm của trang web: «Trách nhiệm thực hiện», «Thực hiện», «Chủ trì»)»."""
    terms = ", ".join(f"«{term}»" for term in BODY_TERMS[kind])
    return f"{KIND_LABELS[kind].lower()} theo lời văn (nhóm của trang web: {terms})"


@dataclass(frozen=True)
class Role:
    kind: str  # one of APPENDIX_KINDS
    term: str  # the source's own word for the role
    text: str  # the words naming the agencies, as written
    agencies: tuple[str, ...]  # registry ids, in the order written
    heading: str | None = None  # "II.3.1" when the body names the agency in a section heading
    row: int | None = None  # the Phụ lục row, for a Phụ lục role
    note: str | None = None  # the site's note on the words, from the data

    @property
    def term_shown(self) -> str:
        """The term with where it stands when it is not the task's own sentence: «Thực hiện
        (theo tiêu đề mục II.3.2)»."""
        return f"{self.term} (theo tiêu đề mục {self.heading})" if self.heading else self.term
