"""Golden files: a template's output for a small plan, committed and reviewed. A test compares
the output with its file; `UPDATE_GOLDEN=1` rewrites the files (then review the diff)."""
from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parents[1] / "views" / "golden"


def matches_golden(name: str, output: str) -> bool:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(output, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if output != expected:
        import difflib

        # The difference, for whoever reviews the golden file.
        diff = difflib.unified_diff(expected.splitlines(True), output.splitlines(True), str(path),
                                    "output")
        print("".join(diff))  # noqa: T201
    return output == expected
