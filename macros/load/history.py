"""Published reports stay as published: a check against the base revision (the branch a pull
request goes into). A report file that the base already has is published; changing it needs a new
correction («corrections»: date and reason) added after those it had, and deleting it is refused.

Run by `python -m macros.cli.validate --base <rev>` (the pull-request workflow passes the base
branch); the comparison is git's, between the base revision and the files as they are on disk.
"""
from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from .errors import DataError, Problem
from .reports import report_day
from .yaml import parse_yaml, read_yaml


class HistoryError(Exception):
    """The comparison itself cannot run (no git, no such revision); the message is Vietnamese."""


def _git(cwd: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise HistoryError("Không tìm thấy lệnh git để so sánh với phiên bản gốc.") from None
    if done.returncode != 0:
        raise HistoryError(done.stderr.strip() or "git")
    return done.stdout


def changed_reports(folder: Path, base: str) -> list[tuple[str, Path]]:
    """(git status letter, path) of each report file that differs from the base revision."""
    try:
        top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
    except HistoryError:
        raise HistoryError(f"Thư mục «{folder}» không nằm trong một kho git: không so sánh được "
                           "với phiên bản gốc.") from None
    try:
        _git(top, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except HistoryError:
        raise HistoryError(f"Không tìm thấy phiên bản gốc «{base}» trong kho git. Cách sửa: ghi "
                           "đúng tên nhánh hoặc mã commit (ví dụ origin/main).") from None
    relative = folder.resolve().relative_to(top.resolve()).as_posix()
    out = _git(top, "diff", "--name-status", "--no-renames", "-z", base, "--", relative)
    fields = out.split("\0")
    changes = []
    for status, name in zip(fields[0::2], fields[1::2], strict=False):
        path = top / name
        inside = path.relative_to(folder.resolve()).parts
        if len(inside) == 2 and report_day(inside[1]) is not None:
            changes.append((status[:1], path))
    return changes


def _corrections(data) -> list | None:
    if not isinstance(data, dict):
        return None
    value = data.get("corrections", [])
    return value if isinstance(value, list) else None


def check_published(folder: Path, base: str, display: Callable[[Path], str]) -> list[Problem]:
    """Problems with published reports changed or deleted since `base`."""
    problems: list[Problem] = []
    if not folder.is_dir():
        return problems
    top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
    for status, path in changed_reports(folder, base):
        shown = display(path)
        if status == "D":
            problems.append(Problem(shown, 1, "", (
                f"Báo cáo «{path.parent.name}/{path.name}» đã được công bố, không được xóa. Cách "
                "sửa: khôi phục tệp; nếu báo cáo có chỗ sai, sửa chỗ đó và thêm một đính chính "
                "(«corrections») ghi ngày và lý do sửa.")))
            continue
        if status not in ("M", "T"):
            continue
        try:
            committed = _git(top, "show", f"{base}:{path.relative_to(top).as_posix()}")
            old, _ = parse_yaml(committed, shown)
            new, lines = read_yaml(path, shown)
        except DataError:
            continue  # a file that does not parse is reported by the validation itself
        before, after = _corrections(old), _corrections(new)
        if before is None or after is None:
            continue  # malformed: the model's own check reports it
        line = lines.get(("corrections",), 1)
        if after[: len(before)] != before:
            problems.append(Problem(shown, line, "corrections", (
                "Đính chính đã công bố bị sửa hoặc xóa. Cách sửa: giữ nguyên các đính chính cũ, "
                "chỉ thêm đính chính mới vào cuối danh sách «corrections».")))
        elif len(after) == len(before):
            problems.append(Problem(shown, line, "corrections" if line > 1 else "", (
                "Báo cáo này đã được công bố; sửa báo cáo đã công bố phải kèm một đính chính "
                "mới. Cách sửa: thêm vào cuối tệp dòng «corrections:» và dưới đó một mục «- date: "
                "NĂM-THÁNG-NGÀY» (ngày sửa) với «reason: …» (sửa gì, vì sao); nếu tệp đã có "
                "«corrections:», thêm một mục mới vào cuối danh sách.")))
    return problems
