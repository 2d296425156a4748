"""Bad data fails with file, line, field and a Vietnamese explanation; the build stops."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.load.errors import DataError
from tests.support.plans import load
from tests.conftest import ROOT, build_site, copy_data

FIXTURES = yaml.safe_load((Path(__file__).resolve().parents[1] / "fixtures" / "bad_data.yaml").read_text("utf-8"))


def apply(fixture: dict, data: Path) -> tuple[Path, int]:
    """Apply the fixture's edit to the data copy; return the file and the line of the defect."""
    path = data / fixture["file"]
    text = path.read_text("utf-8")
    assert text.count(fixture["find"]) == 1, f"{fixture['name']}: anchor not unique or missing"
    text = text.replace(fixture["find"], fixture["replace"])
    path.write_text(text, "utf-8")
    assert text.count(fixture["line_at"]) == 1, f"{fixture['name']}: line_at not unique"
    return path, text[: text.index(fixture["line_at"])].count("\n") + 1


def test_there_are_many_kinds_of_defect():
    assert len({f["name"] for f in FIXTURES}) == len(FIXTURES) >= 15


def test_the_real_data_is_valid():
    plan = load(ROOT / "data")
    assert len(plan.tasks) >= 40 and len(plan.appendix.rows) == 21


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f["name"] for f in FIXTURES])
def test_bad_data_names_file_line_and_field(fixture, tmp_path):
    data = copy_data(tmp_path)
    _, line = apply(fixture, data)
    with pytest.raises(DataError) as caught:
        load(data)
    problems = caught.value.problems
    assert any(
        p.file == f"data/{fixture['file']}"
        and p.line == line
        and p.field.endswith(fixture["field"])
        and fixture["says"] in p.message
        for p in problems
    ), "\n".join(str(p) for p in problems)
    # Every message says how to fix it or what is wrong, in Vietnamese.
    assert all(str(p).startswith(f"data/{fixture['file']}, dòng ") for p in problems)


def test_validator_command_reports_and_fails(tmp_path):
    data = copy_data(tmp_path)
    _, line = apply(FIXTURES[4], data)  # unknown agency
    result = subprocess.run(
        [sys.executable, "-m", "macros.cli.validate", "--data", str(data)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert f"data/plan.yaml, dòng {line}" in result.stderr
    assert "so-noi-vu-tinh" in result.stderr


def test_validator_command_accepts_the_real_data():
    result = subprocess.run(
        [sys.executable, "-m", "macros.cli.validate"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Dữ liệu hợp lệ")


def test_bad_data_stops_the_build_and_writes_no_page(tmp_path):
    data = copy_data(tmp_path)
    _, line = apply(FIXTURES[6], data)  # duplicate task id
    dest = tmp_path / "site"
    result = build_site(dest, data_dir=data)
    assert result.returncode != 0
    assert f"data/plan.yaml, dòng {line}" in result.stderr
    assert not (dest / "index.html").exists()
