"""A short name for every task, in the plan's own words.

The plan numbers its tasks but does not name them. A task's name is the leading clause of its
text, up to the first ";", "(" or end of sentence (marked "…" when the text goes on), or, when
that clause is longer than a line on a phone, its first words up to about 90 characters cut at a
word boundary and marked "…"; then
its number as the plan gives it: "Hướng dẫn rà soát, xây dựng Đề án sáp nhập các thôn, tổ dân
phố — II.3.1, ý 2". Nothing is reworded or summarised: the clause is always a prefix of the text.
"""
from __future__ import annotations

import re
import unicodedata

MAX_CLAUSE = 90  # characters of a clause, the "…" included
ELLIPSIS = "…"
SEPARATOR = " — "

# Where the leading clause ends: a semicolon, an opening parenthesis, or a full stop that ends a
# sentence (followed by a space or the end of the text; "1.000" or "phòng..." mid-word do not).
_CLAUSE_END = re.compile(r";|\(|\.(?=\s|$)")
# Punctuation that must not dangle at the end of a clause.
_TRAILING = " ,;:.-–—…"


def _words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def task_clause(text: str, limit: int = MAX_CLAUSE) -> str:
    """The leading clause of a task's text: a prefix of the text (spaces collapsed), ending at a
    word boundary, at most `limit` characters, with "…" when cut for length."""
    text = _words(text)
    end = _CLAUSE_END.search(text)
    clause = text[: end.start()].rstrip(_TRAILING) if end else ""
    # Nothing before the first mark (or no mark): the whole text is the clause.
    clause = clause or text.rstrip(_TRAILING)
    # Cut before the text's end (at a ";", or a sentence's end with more after it): the name
    # says so with "…", as a name cut for length does. A timeframe in brackets that ends the
    # text is not a cut: the pages say the timeframe beside the name.
    rest = re.sub(r"^\s*\([^)]*\)", "", text[len(clause):])
    cut = bool(rest.strip(_TRAILING))
    if len(clause) + (len(ELLIPSIS) if cut else 0) <= limit:
        return clause + (ELLIPSIS if cut else "")
    # Too long: its first words, cut between two words.
    source = clause
    out = ""
    for word in source.split(" "):
        candidate = f"{out} {word}" if out else word
        if len(candidate.rstrip(_TRAILING)) + len(ELLIPSIS) > limit:
            break
        out = candidate
    out = out.rstrip(_TRAILING)
    if not out:  # one word longer than the limit: cut inside it rather than show nothing
        out = source[: limit - len(ELLIPSIS)]
    return out + ELLIPSIS


def task_name(text: str, label: str) -> str:
    """The task's name: its leading clause, then its number ("… — II.2.1.1")."""
    return f"{task_clause(text)}{SEPARATOR}{label}"
