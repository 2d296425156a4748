"""Who the plan names for a task, in the terms each source uses.

The body of the plan and its Phụ lục are two sources. A body role speaks the body's words
("Trách nhiệm thực hiện", "Chủ trì", "Phối hợp với"), or none: the body often names the agency in
a section heading ("3.1. Sở Nội vụ") or as the subject of its sentence, with no word for the
role; pages then say so in the site's words (`Role.label`), never as a term of the plan. A Phụ lục
role speaks the column heading of its row ("Cơ quan, đơn vị chủ trì tham mưu", ...). The two
sources are never merged: a task's `roles` are its body roles; each linked Phụ lục row keeps its
own.
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
    "lead": ("Trách nhiệm thực hiện", "Chủ trì"),
    "partners": ("Phối hợp với",),
}
# What the «Được giao» group holds besides the terms: the agencies the body names with no word
# for the role (in a section heading, or as the subject of the sentence).
NAMED_WITHOUT_TERM = "cơ quan được nêu tên không kèm thuật ngữ"


# The timeline's groups of a lead with no term: one per agency, whatever heading names it.
NO_TERM = "nêu tên không kèm thuật ngữ"


def _held(kind: str) -> str:
    terms = ", ".join(f"«{term}»" for term in BODY_TERMS[kind])
    return f"{terms} và {NAMED_WITHOUT_TERM}" if kind == "lead" else terms


def kind_terms(kind: str) -> str:
    """The site's group with what it holds: «được giao («Trách nhiệm thực hiện», «Chủ trì» và
    cơ quan được nêu tên không kèm thuật ngữ)», «phối hợp («Phối hợp với»)»."""
    return f"{KIND_LABELS[kind].lower()} ({_held(kind)})"


def kind_group(kind: str) -> str:
    """A kind of body role as the site's group: «được giao theo lời văn (nhóm của trang web:
    «Trách nhiệm thực hiện», «Chủ trì» và cơ quan được nêu tên không kèm thuật ngữ)»."""
    return f"{KIND_LABELS[kind].lower()} theo lời văn (nhóm của trang web: {_held(kind)})"


@dataclass(frozen=True)
class Role:
    kind: str  # one of APPENDIX_KINDS
    term: str | None  # the source's own word for the role; None when the body writes none
    text: str  # the words naming the agencies, as written
    agencies: tuple[str, ...]  # registry ids, in the order written
    heading: str | None = None  # "II.3.1" when the body names the agency in a section heading
    row: int | None = None  # the Phụ lục row, for a Phụ lục role
    note: str | None = None  # the site's note on the words, from the data

    @property
    def label(self) -> str:
        """What pages and files call the role: the source's term, or, where the body names the
        agency with no word for the role, that fact in the site's words («Được nêu tên ở tiêu đề
        mục II.3.2», «Được nêu tên trong câu, không kèm thuật ngữ»), never a made-up term."""
        if self.term:
            return self.term
        if self.heading:
            return f"Được nêu tên ở tiêu đề mục {self.heading}"
        return "Được nêu tên trong câu, không kèm thuật ngữ"

    @property
    def term_shown(self) -> str:
        """The label, with where the term stands when it is not the task's own sentence:
        «Chủ trì (theo tiêu đề mục II.3.1)»."""
        return (f"{self.term} (theo tiêu đề mục {self.heading})" if self.term and self.heading
                else self.label)
