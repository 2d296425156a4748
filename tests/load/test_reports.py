"""One file per report: the template staff copy, and published reports that change (corrections),
checked against a real git history."""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from functools import partial
from pathlib import Path

import pytest
import yaml

from macros.load.errors import DataError
from macros.load.history import check_published
from macros.load.reports import TEMPLATE
from tests.conftest import DATA, ROOT, copy_data
from tests.support.plans import load

FILLED = {
    "state": "hoàn thành",
    "done": "Đã ban hành kế hoạch.",
    "reporter": "so-noi-vu",
    "percent": "100",
    "number": "Quyết định số 12/QĐ-UBND",
    "date": "2019-01-08",
    "url": "https://example.org/qd-12",
    "completed_on": "2019-01-08",
    "revised_due": "2019-06-30",
    "note": "Không có.",
}


def fill(template: str, uncomment: bool) -> str:
    """The template as a clerk fills it: each <...> replaced, optional lines used or not."""
    lines = []
    for written in template.splitlines():
        line = written[2:] if uncomment and re.match(r"^# ( *)(- )?[a-z_]+:", written) else written
        match = re.match(r"^( *(?:- )?)([a-z_]+): <.*>$", line)
        if match and match[2] in FILLED:
            line = f"{match[1]}{match[2]}: {FILLED[match[2]]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def one_report(tmp_path: Path, text: str, name: str = "ii-2-1-1/2019-01-10.yaml") -> Path:
    folder = tmp_path / "tien-do"
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, "utf-8")
    return folder


def test_the_template_as_written_fails_only_on_its_placeholders(tmp_path):
    folder = one_report(tmp_path, TEMPLATE)
    with pytest.raises(DataError) as caught:
        load(DATA, reports_dir=folder, as_of=date(2019, 1, 31))
    problems = caught.value.problems
    assert {p.field for p in problems} == {"state", "done", "reporter"}
    lines = TEMPLATE.splitlines()
    for p in problems:
        assert p.message.startswith(f"Chưa điền «{p.field}»") and "Cách sửa" in p.message
        assert lines[p.line - 1].startswith(f"{p.field}: <")


@pytest.mark.parametrize("uncomment", [False, True], ids=["required-only", "every-field"])
def test_the_template_filled_in_is_valid(tmp_path, uncomment):
    text = fill(TEMPLATE, uncomment)
    data_lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert data_lines and not any("<" in line for line in data_lines)
    assert len(data_lines) == (11 if uncomment else 3)
    if not uncomment:
        text = text.replace("hoàn thành", "đang thực hiện", 1)
    folder = one_report(tmp_path, text)
    plan = load(DATA, reports_dir=folder, as_of=date(2019, 1, 31))
    report = plan.status("ii-2-1-1").last
    assert report.date == date(2019, 1, 10) and report.reporter == "so-noi-vu"
    if uncomment:
        assert report.completed_on == date(2019, 1, 8) and report.evidence[0].url == FILLED["url"]


def yaml_blocks(markdown: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", markdown, flags=re.DOTALL)


def test_the_guide_and_the_folder_readme_offer_the_same_template():
    guide = (ROOT / "docs" / "huong-dan-cap-nhat.md").read_text("utf-8")
    section = guide[guide.index("## Mẫu báo cáo"):]
    assert yaml_blocks(section)[0] == TEMPLATE
    readme = (DATA / "tien-do" / "README.md").read_text("utf-8")
    assert yaml_blocks(readme)[0] == TEMPLATE
    assert "make validate" not in readme  # clerks work in the browser


def test_every_yaml_example_in_the_guide_is_a_template_or_a_fragment():
    # No example in the guide passes as a whole report: a copied example cannot publish a fake one.
    guide = (ROOT / "docs" / "huong-dan-cap-nhat.md").read_text("utf-8")
    for block in yaml_blocks(guide):
        assert block == TEMPLATE or "state:" not in block, block


# --- Published reports: corrections, checked against the base revision -------------------------

REPORT = "state: đang thực hiện\npercent: 40\ndone: Đang làm.\nreporter: so-noi-vu\n"
CORRECTION = "corrections:\n  - date: 2019-01-15\n    reason: Ghi sai tỷ lệ.\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo,
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository whose base revision has published one report."""
    data = copy_data(tmp_path)
    (data / "tien-do" / "ii-2-1-1").mkdir()
    (data / "tien-do" / "ii-2-1-1" / "2019-01-10.yaml").write_text(REPORT, "utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def problems(repo: Path) -> list:
    folder = repo / "data" / "tien-do"
    return check_published(folder, "main", lambda p: p.relative_to(repo).as_posix())


def report_file(repo: Path) -> Path:
    return repo / "data" / "tien-do" / "ii-2-1-1" / "2019-01-10.yaml"


def test_a_new_report_needs_no_correction(repo):
    (repo / "data" / "tien-do" / "ii-2-1-1" / "2019-02-10.yaml").write_text(REPORT, "utf-8")
    assert problems(repo) == []


def test_changing_a_published_report_needs_a_correction(repo):
    report_file(repo).write_text(REPORT.replace("40", "45"), "utf-8")
    found = problems(repo)
    assert [(p.file, p.line) for p in found] == [("data/tien-do/ii-2-1-1/2019-01-10.yaml", 1)]
    assert "phải kèm một đính chính mới" in found[0].message
    report_file(repo).write_text(REPORT.replace("40", "45") + CORRECTION, "utf-8")
    assert problems(repo) == []


def test_a_second_change_needs_a_second_correction(repo):
    report_file(repo).write_text(REPORT + CORRECTION, "utf-8")
    git(repo, "commit", "-q", "-am", "corrected")
    report_file(repo).write_text(REPORT.replace("40", "50") + CORRECTION, "utf-8")
    assert "phải kèm một đính chính mới" in problems(repo)[0].message
    report_file(repo).write_text(REPORT + CORRECTION.replace("Ghi sai tỷ lệ", "Sửa lý do"), "utf-8")
    found = problems(repo)
    assert "Đính chính đã công bố bị sửa hoặc xóa" in found[0].message and found[0].line == 5
    report_file(repo).write_text(
        REPORT.replace("40", "50") + CORRECTION
        + "  - date: 2019-02-01\n    reason: Lại sửa tỷ lệ.\n",
        "utf-8")
    assert problems(repo) == []


def test_deleting_a_published_report_is_refused(repo):
    report_file(repo).unlink()
    found = problems(repo)
    assert len(found) == 1 and "không được xóa" in found[0].message


def test_the_validator_command_checks_against_the_base(repo):
    report_file(repo).write_text(REPORT.replace("40", "45"), "utf-8")
    command = [sys.executable, "-m", "macros.cli.validate", "--data", str(repo / "data"),
               "--docs", str(ROOT / "docs"), "--format", "github"]
    run = partial(subprocess.run, cwd=ROOT, capture_output=True, text=True, check=False)
    assert run(command).returncode == 0
    result = run([*command, "--base", "main"])
    assert result.returncode == 1
    assert "::error file=data/tien-do/ii-2-1-1/2019-01-10.yaml,line=1," in result.stdout
    missing = run([*command, "--base", "khong-co"])
    assert missing.returncode == 2 and "Không tìm thấy phiên bản gốc «khong-co»" in missing.stderr


# --- Reports as the form on a task page makes them ----------------------------------------------
# Each case is what a person enters in the form (macros/templates/_report_form.html): the report's
# date, its fields (as the form gives them: a percent as a number when it is written as one) and
# its documents. The validator's answer is checked here; tests/site/test_report_form.py runs
# every case through the form in Chromium and through `python -m macros.cli.validate`, and holds
# the three answers equal. (name, entry, refused field or None when the report is valid)

FORM_AS_OF = date(2019, 1, 31)  # "today" of these cases, for the validator and the browser
FORM_BASE = {"date": "2019-01-20", "state": "đang thực hiện", "done": "Đã ban hành kế hoạch.",
             "reporter": "so-noi-vu", "percent": 40}
DONE = {"state": "hoàn thành", "percent": 100}


def entry(**changes) -> dict:
    """The base entry with changes; a value None leaves the field empty."""
    return {k: v for k, v in {**FORM_BASE, **changes}.items() if v is not None}


FORM_CASES = [
    ("valid", entry(), None),
    ("valid-dated-today", entry(date="2019-01-31"), None),
    ("valid-done-on-the-report-date", entry(**DONE, completed_on="2019-01-20"), None),
    ("valid-every-field", entry(**DONE, completed_on="2019-01-18", revised_due="2019-06-30",
                                note="Ghi chú: «yes»", evidence=[
                                    {"number": "Quyết định số 12/QĐ-UBND", "date": "2019-01-10",
                                     "url": "https://example.org/qd-12"},
                                    {"number": "Báo cáo số 5/BC-SNV"}]), None),
    ("dated-in-the-future", entry(date="2019-02-01"), "date"),
    ("completed-after-the-report-date", entry(**DONE, completed_on="2019-01-25"), "completed_on"),
    ("done-without-completion-date", entry(**DONE), "completed_on"),
    ("completion-date-but-not-done", entry(completed_on="2019-01-18"), "completed_on"),
    ("no-state", entry(state=None), "state"),
    ("no-done", entry(done=None), "done"),
    ("no-reporter", entry(reporter=None), "reporter"),
    ("percent-over-100", entry(percent=140), "percent"),
    ("percent-below-0", entry(percent=-5), "percent"),
    ("percent-with-a-fraction", entry(percent=40.5), "percent"),
    ("percent-not-a-number", entry(percent="40%"), "percent"),
    ("document-without-number", entry(evidence=[{"url": "https://example.org/qd-12"}]),
     "evidence[1].number"),
    ("document-link-not-http", entry(evidence=[{"number": "QĐ 12", "url": "javascript:alert(1)"}]),
     "evidence[1].url"),
    ("document-link-too-long", entry(evidence=[{"number": "QĐ 12",
                                                "url": "https://example.org/" + "a" * 490}]),
     "evidence[1].url"),
    ("blank-of-the-template-left", entry(done="<những việc đã làm>"), "done"),
    # A revised deadline stands on the document that authorises it (the staff guide), and only a
    # task with a deadline in the plan has one to revise: II.2.2.2 is «thường xuyên». A case that
    # names its task ("task") is entered on that task's page.
    ("revised-deadline-without-document", entry(revised_due="2019-06-30"), "revised_due"),
    ("revised-deadline-with-its-document", entry(
        task="ii-2-1-1", date="2019-01-22", revised_due="2019-06-30",
        evidence=[{"number": "Quyết định số 20/QĐ-UBND", "date": "2019-01-15"}]), None),
    ("revised-deadline-of-a-task-without-one", entry(
        task="ii-2-2-2", date="2019-01-21", revised_due="2027-06-30",
        evidence=[{"number": "Quyết định số 20/QĐ-UBND"}]), "revised_due"),
]


def form_report_file(case: dict) -> str:
    """The report file of an entry, as YAML with dates as dates (the form writes the same data;
    tests/site/test_report_form.py checks the form's own file passes where this one does)."""
    fields = {k: v for k, v in case.items() if k not in ("date", "task")}
    for key in ("completed_on", "revised_due"):
        if key in fields:
            fields[key] = date.fromisoformat(fields[key])
    for document in fields.get("evidence", []):
        if "date" in document:
            document["date"] = date.fromisoformat(document["date"])
    return yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize(("name", "case", "refused"), FORM_CASES, ids=[c[0] for c in FORM_CASES])
def test_the_validator_s_answer_on_each_form_case(tmp_path, name, case, refused):
    task = case.get("task", "ii-2-1-1")
    folder = one_report(tmp_path, form_report_file(case), f"{task}/{case['date']}.yaml")
    if refused is None:
        load(DATA, reports_dir=folder, as_of=FORM_AS_OF)
        return
    with pytest.raises(DataError) as caught:
        load(DATA, reports_dir=folder, as_of=FORM_AS_OF)
    fields = {p.field for p in caught.value.problems}
    # A rule between fields is reported on the report as a whole (field ""), a date after the
    # as-of day on the file's name.
    assert fields == {refused} or (fields == {""} and refused in {"date", "completed_on"}), fields


def _refused(tmp_path: Path, name: str, text: str) -> list:
    with pytest.raises(DataError) as caught:
        load(DATA, reports_dir=one_report(tmp_path, text, name), as_of=FORM_AS_OF)
    return caught.value.problems


def test_a_revised_deadline_without_its_document_is_refused_at_its_line(tmp_path):
    text = REPORT + "revised_due: 2019-06-30\n"
    [problem] = _refused(tmp_path, "ii-2-1-1/2019-01-10.yaml", text)
    assert (problem.file.endswith("tien-do/ii-2-1-1/2019-01-10.yaml"), problem.line,
            problem.field) == (True, 5, "revised_due")
    assert problem.message.startswith("Hạn mới 30/6/2019 chưa có văn bản cho phép điều chỉnh hạn.")
    assert "Cách sửa" in problem.message
    # With the document, the same report passes and its deadline applies.
    folder = one_report(tmp_path, text + "evidence:\n  - number: Quyết định số 20/QĐ-UBND\n",
                        "ii-2-1-1/2019-01-10.yaml")
    plan = load(DATA, reports_dir=folder, as_of=FORM_AS_OF)
    assert plan.status("ii-2-1-1").due == date(2019, 6, 30)


def test_a_revised_deadline_for_a_task_without_a_deadline_is_refused(tmp_path):
    plan = load(DATA)
    assert plan.task("ii-2-2-2").due_date is None and plan.task("ii-2-1-1").due_date
    text = REPORT + "evidence:\n  - number: Quyết định số 20/QĐ-UBND\nrevised_due: 2027-06-30\n"
    [problem] = _refused(tmp_path, "ii-2-2-2/2019-01-10.yaml", text)
    assert (problem.file.endswith("tien-do/ii-2-2-2/2019-01-10.yaml"), problem.line,
            problem.field) == (True, 7, "revised_due")
    assert problem.message.startswith("Nhiệm vụ «ii-2-2-2» không có thời hạn hoàn thành trong Kế "
                                      "hoạch, nên không có hạn để điều chỉnh. Cách sửa: xóa dòng "
                                      "«revised_due»")


def test_the_validator_writes_days_as_the_form_does(tmp_path):
    # The form says «Ngày hoàn thành 25/01/2019 muộn hơn ngày báo cáo 20/01/2019…»
    # (tests/site/test_report_form.py); the validator said 2019-01-25 and 2019-01-20.
    [case] = [c[1] for c in FORM_CASES if c[0] == "completed-after-the-report-date"]
    [problem] = _refused(tmp_path / "a", f"ii-2-1-1/{case['date']}.yaml", form_report_file(case))
    assert problem.message.startswith("Ngày hoàn thành 25/01/2019 muộn hơn ngày báo cáo 20/01/2019")
    [problem] = _refused(tmp_path / "b", "ii-2-1-1/2019-02-05.yaml", REPORT)
    assert problem.message.startswith("Ngày báo cáo 05/02/2019 (tên tệp) muộn hơn ngày dựng trang "
                                      "(31/01/2019).")


def test_a_body_that_ended_sends_no_report_after_its_end(tmp_path):
    """UBND huyện Chiêm Hóa no longer exists from 01/7/2025 (Nghị quyết 203/2025/QH15): a report
    of its dated on or after that day is refused, with the day and the document; one dated
    before it is its own report, filed late, and passes."""
    text = REPORT.replace("so-noi-vu", "ubnd-huyen-chiem-hoa")
    with pytest.raises(DataError) as caught:
        load(DATA, reports_dir=one_report(tmp_path / "a", text, "ii-3-5-2/2025-07-01.yaml"),
             as_of=date(2026, 12, 1))
    [problem] = caught.value.problems
    assert problem.file.endswith("tien-do/ii-3-5-2/2025-07-01.yaml")
    assert (problem.line, problem.field) == (4, "reporter")
    assert problem.message.startswith(
        "Cơ quan «ubnd-huyen-chiem-hoa» không còn từ 01/7/2025 (theo Nghị quyết số 203/2025/QH15 "
        "ngày 16/6/2025 của Quốc hội), nên không thể gửi báo cáo ngày 01/7/2025. Cách sửa:")
    plan = load(DATA, reports_dir=one_report(tmp_path / "b", text, "ii-3-5-2/2025-06-30.yaml"),
                as_of=date(2026, 12, 1))
    assert plan.status("ii-3-5-2").last.reporter == "ubnd-huyen-chiem-hoa"
