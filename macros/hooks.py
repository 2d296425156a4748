"""MkDocs hooks: generate one page per task from the data at build time.

Generated pages are only a title and a macro call with a validated ASCII id: no data text is
written into page sources, so nothing from data is ever evaluated as Jinja or Markdown.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml
from mkdocs.structure.files import File, Files

# MkDocs loads this file by path; make the package beside it importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.search import add_folded_fields  # noqa: E402
from macros.site import get_plan  # noqa: E402


def _page(title: str, call: str) -> str:
    front = yaml.safe_dump({"title": title}, allow_unicode=True).strip()
    return f"---\n{front}\n---\n\n{call}\n"


def on_files(files: Files, config) -> Files:
    plan = get_plan(config)
    for task in plan.tasks:
        # Task pages are reached from the plan text, tables and agency pages, not the nav.
        source = _page(task.title, f'{{{{ task_page("{task.id}") }}}}')
        files.append(File.generated(config, f"nhiem-vu/{task.id}.md", content=source))
    return files


def on_post_build(config) -> None:
    # Runs after the search plugin has written its index (hooks come after plugins).
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        add_folded_fields(index)
