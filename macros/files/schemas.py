"""JSON Schemas of the data files, generated from the same pydantic models the validator uses.

Committed under docs/du-lieu/schema/ (so the site publishes them at /du-lieu/schema/) and named on
the first line of each data file (`# yaml-language-server: $schema=<relative path>`), so VS Code
and Codespaces check a file as staff type. The task pages' report form checks its entry against
bao-cao.schema.json in the browser. `make schemas` rewrites them; a test fails when a committed
schema and its model disagree.

What editors show is Vietnamese: the models' English docstrings and class names are left out.
Cross-references (a known agency, a task id) and date order are checked by the validator only.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .. import routes
from ..model.reports import ReportFile
from ..model.schema import PlanData, Registry
from ..model.site_info import SiteInfo

FOLDER = Path("docs") / "du-lieu" / "schema"  # relative to the project root
ROUTE = routes.SCHEMAS

# file name -> (model, title shown by editors, the data files it describes)
SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "bao-cao.schema.json": (ReportFile, "Báo cáo tiến độ",
                            "data/tien-do/<mã nhiệm vụ>/<ngày>.yaml"),
    "co-quan.schema.json": (Registry, "Danh mục cơ quan", "data/agencies.yaml"),
    "ke-hoach.schema.json": (PlanData, "Kế hoạch số 68/KH-UBND", "data/plan.yaml"),
    "trang.schema.json": (SiteInfo, "Thông tin quản lý trang", "data/site.yaml"),
}


def _clean(node: Any) -> Any:
    """Drop English annotations (ASCII-only titles and descriptions: class names, docstrings) and
    make \\w mean a letter in any script, as in Python, for JavaScript validators."""
    if isinstance(node, list):
        return [_clean(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("title", "description") and isinstance(value, str) and value.isascii():
            continue
        if key in ("properties", "$defs"):
            out[key] = {name: _clean(sub) for name, sub in value.items()}
        elif key == "pattern" and isinstance(value, str):
            out[key] = value.replace("\\w", "\\p{L}\\p{M}\\p{N}_")
        else:
            out[key] = _clean(value)
    return out


def schema(name: str) -> dict[str, Any]:
    model, title, describes = SCHEMAS[name]
    body = _clean(model.model_json_schema())
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **body, "title": title,
            "description": f"Mẫu dữ liệu của tệp {describes}."}


def text(name: str) -> str:
    return json.dumps(schema(name), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
