"""The pull-request summary (macros/cli/site_diff.py) on real builds: a copy of the project is
committed to a git repository of its own (the base), then changed as staff would change it (a
report, a new task); `python -m macros.cli.site_diff --base HEAD` builds both, as `make site-diff`
does in the workflow, and the Vietnamese summary is read section by section."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from macros.cli import site_diff
from macros.cli.permalinks import read_manifest
from macros.model.facts import Cause, StateChange
from macros.model.status import DisplayState
from tests.conftest import ROOT, copy_data, copy_project
from tests.load.test_data_errors import FIXTURES, apply
from tests.site.test_agencies import FIXTURE_AGENCY, FIXTURE_TASK

AS_OF = "2018-07-20"  # after the new report, before II.2.1.1's deadline (2018-07-31)
REPORT = """\
state: đang thực hiện
percent: 30
done: Đã dự thảo kế hoạch của tỉnh.
reporter: so-noi-vu
"""
REPO_URL, SHA = "https://github.com/vi-du/ke-hoach-68", "0123456789abcdef0123456789abcdef01234567"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Kiểm thử", "-c", "user.email=test@example.org", *args],
        cwd=cwd, check=True, capture_output=True, text=True,
    ).stdout


def run_site_diff(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PLAN_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("PLAN_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "macros.cli.site_diff", *args], cwd=project,
                          env=env, capture_output=True, text=True, timeout=900, check=False)


def section(summary: str, heading: str) -> str:
    """The text under a `### heading (n)` of the summary, up to the next heading."""
    match = re.search(rf"^### {re.escape(heading)} \((\d+)\)\n(.*?)(?=^### |\Z)", summary,
                      re.MULTILINE | re.DOTALL)
    assert match, f"no section {heading!r} in:\n{summary}"
    return match.group(2)


def rows(text: str) -> list[list[str]]:
    """The body rows of the Markdown table in text, as cells."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines[2:]]


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory):
    """(project, work folder, completed run, summary text) of a pull request that adds a report
    to II.2.1.1 and a new task (with its agency), compared with the committed base."""
    tmp = tmp_path_factory.mktemp("site-diff")
    # The pull request's folder has the build caches, as in CI; they are not committed (.cache/
    # is ignored in the repository), so the base is built without them, as in CI.
    project = copy_project(tmp, caches=True)
    git(project, "init", "-q", "-b", "main")
    (project / ".git" / "info" / "exclude").write_text(".cache/\n", "utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "base")
    report = project / "data" / "tien-do" / "ii-2-1-1" / "2018-07-13.yaml"
    report.parent.mkdir()
    report.write_text(REPORT, "utf-8")
    agencies = project / "data" / "agencies.yaml"
    agencies.write_text(agencies.read_text("utf-8") + FIXTURE_AGENCY, "utf-8")
    plan = project / "data" / "plan.yaml"
    anchor = "          - task: ii-1-2\n"
    assert plan.read_text("utf-8").count(anchor) == 1
    plan.write_text(plan.read_text("utf-8").replace(anchor, FIXTURE_TASK + anchor), "utf-8")
    work, summary = tmp / "work", tmp / "summary.md"
    summary.write_text("Nội dung có sẵn của bản tóm tắt.\n", "utf-8")
    done = run_site_diff(project, "--base", "HEAD", "--work", str(work), "--summary", str(summary),
                         "--site-url", "https://example.org/ke-hoach-68/")
    return project, work, done, summary.read_text("utf-8")


def test_both_revisions_are_built_and_the_summary_is_appended(pull_request):
    _, work, done, text = pull_request
    assert done.returncode == 0, done.stderr
    assert (work / "site-base" / "index.html").is_file()
    assert (work / "site-head" / "index.html").is_file()
    # The base is built from the commit: it has neither the report nor the new task's page.
    assert not (work / "base" / "data" / "tien-do" / "ii-2-1-1").exists()
    assert not (work / "site-base" / "nhiem-vu" / "ii-1-thu-nghiem").exists()
    assert (work / "site-head" / "nhiem-vu" / "ii-1-thu-nghiem" / "index.html").is_file()
    # Appended to what the job summary already held, never replacing it.
    assert text.startswith("Nội dung có sẵn của bản tóm tắt.\n## Thay đổi trên trang web\n")
    assert done.stdout == ""


def test_a_report_changes_the_task_s_state(pull_request):
    text = pull_request[3]
    assert rows(section(text, "Nhiệm vụ đổi trạng thái")) == [[
        "[Nhiệm vụ II.2.1.1](https://example.org/ke-hoach-68/nhiem-vu/ii-2-1-1/)",
        "`/nhiem-vu/ii-2-1-1/`", "Chưa có báo cáo → Đang thực hiện"]]


def test_the_new_report_is_listed_with_its_date(pull_request):
    text = pull_request[3]
    assert rows(section(text, "Báo cáo mới")) == [[
        "[Nhiệm vụ II.2.1.1](https://example.org/ke-hoach-68/nhiem-vu/ii-2-1-1/)", "13/07/2018",
        "đang thực hiện"]]


def test_the_new_task_s_page_is_listed_among_the_new_addresses(pull_request):
    added = section(pull_request[3], "Trang và địa chỉ mới")
    assert ("- `/nhiem-vu/ii-1-thu-nghiem/`: trang của [Nhiệm vụ II.1, ý 2]"
            "(https://example.org/ke-hoach-68/nhiem-vu/ii-1-thu-nghiem/)") in added
    assert "- `/co-quan/ban-thu-nghiem/`" in added
    # The new task is not a state change, and nothing disappears.
    assert "ii-1-thu-nghiem" not in section(pull_request[3], "Nhiệm vụ đổi trạng thái")
    assert "Địa chỉ sẽ mất" not in pull_request[3] and "Chặn hợp nhất" not in pull_request[3]


def test_a_published_address_that_disappears_blocks(pull_request, tmp_path):
    work = pull_request[1]
    head = tmp_path / "site-head"
    shutil.copytree(work / "site-head", head)
    shutil.rmtree(head / "nhiem-vu" / "ii-1-1")
    assert "/nhiem-vu/ii-1-1/" in read_manifest()
    summary = tmp_path / "summary.md"
    code = site_diff.main(["--base-site", str(work / "site-base"), "--head-site", str(head),
                           "--summary", str(summary)])
    assert code == 1
    gone = section(summary.read_text("utf-8"), "Địa chỉ sẽ mất")
    assert "- `/nhiem-vu/ii-1-1/` — **⛔ Chặn hợp nhất** (địa chỉ đã công bố)" in gone
    assert "thêm chuyển hướng từ địa chỉ cũ sang trang mới trong mkdocs.yml" in gone


def test_an_unpublished_address_that_disappears_is_listed_but_does_not_block(pull_request,
                                                                            tmp_path):
    # Reversed: the new task's page, never published, disappears.
    work = pull_request[1]
    summary = tmp_path / "summary.md"
    code = site_diff.main(["--base-site", str(work / "site-head"), "--head-site",
                           str(work / "site-base"), "--summary", str(summary)])
    assert code == 0
    gone = section(summary.read_text("utf-8"), "Địa chỉ sẽ mất")
    assert "- `/nhiem-vu/ii-1-thu-nghiem/`\n" in gone
    assert "Chặn hợp nhất" not in gone
    assert rows(section(summary.read_text("utf-8"), "Nhiệm vụ đổi trạng thái")) == [[
        "Nhiệm vụ II.2.1.1", "`/nhiem-vu/ii-2-1-1/`", "Đang thực hiện → Chưa có báo cáo"]]


def test_the_same_site_changes_nothing(pull_request):
    site = pull_request[1] / "site-base"
    diff = site_diff.compare(site, site)
    text = site_diff.summary(diff, [])
    assert "Đề xuất này không thay đổi trạng thái, báo cáo hay địa chỉ nào" in text
    assert "###" not in text


@pytest.mark.parametrize("name", ["unknown-agency", "yaml-syntax"])
def test_each_data_problem_links_to_its_line(pull_request, name, tmp_path):
    fixture = next(f for f in FIXTURES if f["name"] == name)
    data = copy_data(tmp_path)
    _, line = apply(fixture, data)
    work, summary = pull_request[1], tmp_path / "summary.md"
    code = site_diff.main(["--base-site", str(work / "site-base"), "--head-site",
                           str(work / "site-head"), "--head-data", str(data),
                           "--repo-url", REPO_URL, "--sha", SHA, "--summary", str(summary)])
    assert code == 1
    text = summary.read_text("utf-8")
    assert "**Không so sánh được:** dữ liệu của đề xuất có lỗi" in text
    problems = section(text, "Lỗi dữ liệu")
    file = f"data/{fixture['file']}"
    link = f"[{file}, dòng {line}]({REPO_URL}/blob/{SHA}/{file}#L{line})"
    [hit] = [item for item in problems.splitlines() if item.startswith(f"- {link}")]
    # The message, with Markdown's special characters escaped: compare without the escapes.
    assert fixture["says"] in hit.replace("\\", "")


def test_without_a_repository_the_problem_is_named_without_a_link(tmp_path):
    fixture = next(f for f in FIXTURES if f["name"] == "unknown-agency")
    data = copy_data(tmp_path)
    _, line = apply(fixture, data)
    text = "\n".join(site_diff.problems_markdown(site_diff.validation_problems(data)))
    assert f"- data/{fixture['file']}, dòng {line}" in text and "](" not in text


def test_the_broken_head_is_not_built_in_the_build_mode(pull_request, tmp_path):
    # Staff's broken file: the data is checked first, the problems listed, and no site is built.
    project = tmp_path / "project"
    shutil.copytree(pull_request[0], project)
    fixture = next(f for f in FIXTURES if f["name"] == "unknown-agency")
    _, line = apply(fixture, project / "data")
    work = tmp_path / "work"
    done = run_site_diff(project, "--base", "HEAD", "--work", str(work), "--repo-url", REPO_URL,
                         "--sha", SHA)
    assert done.returncode == 1
    assert f"({REPO_URL}/blob/{SHA}/data/{fixture['file']}#L{line})" in done.stdout
    assert not work.exists()


def test_markdown_in_the_data_stays_text():
    task = site_diff.TaskRecord("ii-9", "II.9 | <b>x</b> [a](b)", DisplayState.IN_PROGRESS, ())
    change = StateChange(date(2019, 1, 1), DisplayState.NO_REPORT, DisplayState.IN_PROGRESS,
                         Cause.REPORT)
    diff = site_diff.SiteDiff(state_changes=[site_diff.Changed(task, change)])
    [row] = rows(section(site_diff.summary(diff, []), "Nhiệm vụ đổi trạng thái"))
    assert row[0] == r"Nhiệm vụ II.9 \| \<b\>x\</b\> \[a\](b)"


def test_make_site_diff_builds_the_base_given_and_writes_the_job_summary():
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    env.update(GITHUB_STEP_SUMMARY="/tmp/tom-tat.md", REPO_URL=REPO_URL, HEAD_SHA=SHA)
    done = subprocess.run(["make", "-n", "site-diff", "BASE=abc1234"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    command = " ".join(done.stdout.replace("\\\n", " ").split())
    assert (f'-m macros.cli.site_diff --base "abc1234" --repo-url "{REPO_URL}" --sha "{SHA}" '
            '--summary "/tmp/tom-tat.md"') in command
    missing = subprocess.run(["make", "-s", "-o", "setup", "site-diff", "BASE="],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
                             check=False)
    assert missing.returncode != 0 and "Cần ghi phiên bản gốc" in missing.stderr
