"""Bad data fails with file, line, field and a Vietnamese explanation; the build stops."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.cli.validate import problems_of
from macros.load import yaml as reader
from macros.load.errors import DataError
from macros.settings import Settings
from tests.conftest import ROOT, build_site, copy_data
from tests.support.plans import load

FIXTURES = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "fixtures" / "bad_data.yaml").read_text("utf-8"))


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
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert f"data/plan.yaml, dòng {line}" in result.stderr
    assert "so-noi-vu-tinh" in result.stderr


def test_validator_command_accepts_the_real_data():
    result = subprocess.run(
        [sys.executable, "-m", "macros.cli.validate"], cwd=ROOT, capture_output=True, text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Dữ liệu hợp lệ")


def test_the_validator_reads_the_registry_once(monkeypatch):
    """data/agencies.yaml is read and checked once; the plan and data/site.yaml use it."""
    read = []
    parse = reader._read
    monkeypatch.setattr(reader, "_read",
                        lambda text, shown, first_line:
                        read.append(shown) or parse(text, shown, first_line))
    problems, plan, _ = problems_of(ROOT / "data", Settings.from_env(), ROOT / "docs", None)
    assert problems == [] and plan is not None
    assert read.count("data/agencies.yaml") == 1 and read.count("data/site.yaml") == 1


def test_the_validator_reports_the_plan_and_site_yaml_together(tmp_path):
    data = copy_data(tmp_path)
    _, line = apply(FIXTURES[4], data)  # unknown agency in the plan
    site = data / "site.yaml"
    site.write_text(site.read_text("utf-8").replace("managing_agency:\n",
                                                    "managing_agency: khong-co\n"), "utf-8")
    problems, _, _ = problems_of(data, Settings.from_env(), ROOT / "docs", None)
    assert [(p.file, p.line) for p in problems] == [
        ("data/plan.yaml", line),
        ("data/site.yaml",
         site.read_text("utf-8").splitlines().index("managing_agency: khong-co") + 1),
    ]


def test_bad_data_stops_the_build_and_writes_no_page(tmp_path):
    data = copy_data(tmp_path)
    _, line = apply(FIXTURES[6], data)  # duplicate task id
    dest = tmp_path / "site"
    result = build_site(dest, data_dir=data)
    assert result.returncode != 0
    assert f"data/plan.yaml, dòng {line}" in result.stderr
    assert not (dest / "index.html").exists()


def test_an_unknown_task_in_a_reporting_duty_is_one_error(tmp_path):
    data = copy_data(tmp_path)
    plan = data / "plan.yaml"
    text = plan.read_text("utf-8")
    assert text.count("    task: iii-1-2\n") == 1
    plan.write_text(text.replace("    task: iii-1-2\n", "    task: iii-9-9\n"), "utf-8")
    with pytest.raises(DataError) as caught:
        load(data)
    assert [p.message for p in caught.value.problems] == [
        ("Không có nhiệm vụ mã «iii-9-9» trong Kế hoạch. Cách sửa: dùng mã nhiệm vụ đúng như trong "
         "data/plan.yaml (ví dụ «ii-2-1-1»).")]


def test_a_bad_as_of_date_stops_the_validator_in_vietnamese():
    result = subprocess.run([sys.executable, "-m", "macros.cli.validate"], cwd=ROOT,
                            capture_output=True, text=True,
                            env={**os.environ, "PLAN_AS_OF": "2019-02-30"}, check=False)
    assert result.returncode == 2
    assert "PLAN_AS_OF=«2019-02-30» không phải một ngày" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_the_plans_standing_is_recorded_with_its_source(tmp_path):
    data = copy_data(tmp_path)
    plan = data / "plan.yaml"
    plan.write_text(plan.read_text("utf-8") + (
        "standing:\n  - status: het-hieu-luc\n    since: 2026-01-01\n"
        "    source: Văn bản thử nghiệm số 1/TN\n"), "utf-8")
    standing = load(data).data.standing
    assert [(s.status.label, s.source) for s in standing] == [
        ("Hết hiệu lực", "Văn bản thử nghiệm số 1/TN")]
    plan.write_text(plan.read_text("utf-8").replace("status: het-hieu-luc", "status: dang-xet"),
                    "utf-8")
    with pytest.raises(DataError):
        load(data)
