"""Read the news posts' front matter (docs/tin-tuc/posts/*.md) into typed posts, checked against
the plan like the data files."""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..model.news import POSTS_DIR, News, NewsPost, NewsState
from ..model.plan import Plan
from .errors import DataError, Problem, validate
from .yaml import parse_yaml

_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def _front_matter(text: str, display: str) -> tuple[Any, Mapping]:
    match = _FRONT_MATTER.match(text)
    if not match:
        raise DataError([Problem(display, 1, "", (
            "Bài viết phải mở đầu bằng phần thông tin nằm giữa hai dòng «---» (title, "
            "description, date, slug, agency, categories). Cách sửa: thêm phần này vào đầu tệp."
        ))])
    # The front matter starts on the second line of the file, after the opening «---».
    return parse_yaml(match.group(1), display, first_line=2)


def load_news(docs_dir: Path, plan: Plan) -> News:
    """Read and validate every post; all problems of all posts are reported together."""
    state = NewsState(
        agency_ids=frozenset(plan.graph.by_id),
        task_texts={task.id: task.text for task in plan.tasks},
    )
    folder = docs_dir / POSTS_DIR
    found: dict[str, NewsPost] = {}
    problems: list[Problem] = []
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
        display = _display(path, docs_dir)
        state.current_file = display
        try:
            data, lines = _front_matter(path.read_text(encoding="utf-8"), display)
            post = validate(NewsPost, data, lines, display, state)
        except DataError as error:
            problems.extend(error.problems)
            continue
        found[path.relative_to(docs_dir).as_posix()] = post
    if problems:
        raise DataError(problems)
    ordered = tuple(sorted(found.values(), key=lambda p: (p.date, p.slug), reverse=True))
    return News(ordered, found)


def _display(path: Path, docs_dir: Path) -> str:
    """The path as staff see it in the repository: docs/tin-tuc/posts/<file>.md."""
    try:
        return path.relative_to(docs_dir.parent).as_posix()
    except ValueError:
        return path.as_posix()
