"""What a pull request changes on the public site, for its reviewers, in Vietnamese.

Two built sites are compared: the one built from the base revision (what the public sees now) and
the one built from the pull request. From their open data (du-lieu/nhiem-vu.json) come the tasks
whose state changes and the new reports; from their files (macros.cli.permalinks.site_urls) the
addresses added and the addresses that would disappear. A disappearing address that has been
published (listed in macros/cli/published_urls.txt) blocks the pull request: exit status 1.
Problems in the pull request's data are listed too, each linked to its file and line.

    python -m macros.cli.site_diff --base-site DIR --head-site DIR [--head-data DIR]
    python -m macros.cli.site_diff --base <rev>     # builds both: `make site-diff BASE=<rev>`

With --base, the base revision is taken out of git (git archive) and built with its own code; the
working tree is the head. Both builds count states from the same day (PLAN_AS_OF), so a state
changes only because the data did. --summary FILE appends the Markdown to FILE (the workflow
gives $GITHUB_STEP_SUMMARY); without it the Markdown goes to standard output.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import routes
from ..load import DataError
from ..load.errors import Problem
from ..load.history import HistoryError
from ..model.facts import Cause, StateChange
from ..model.status import DisplayState
from ..settings import Settings, SettingsError
from .permalinks import MANIFEST, STAND_IN_SITE_URL, read_manifest, site_urls
from .validate import problems_of

ROOT = Path(__file__).resolve().parents[2]
TITLE = "## Thay đổi trên trang web"
BLOCKING = "⛔ Chặn hợp nhất"


@dataclass(frozen=True)
class TaskRecord:
    """A task as a built site's open data gives it: its state and the model's typed history of
    its states (macros.model.facts.StateChange, read back from `lich_su_trang_thai`)."""

    id: str
    label: str  # "II.2.1.1", "II.3.1, ý 2"
    state: DisplayState
    reports: tuple[tuple[str, str], ...]  # (date YYYY-MM-DD, reported state) of each report
    history: tuple[StateChange, ...] = ()


@dataclass(frozen=True)
class Changed:
    """A task whose state the pull request changes: the model's StateChange, from the state the
    public sees to the one the pull request gives, with the cause the head's history gives."""

    task: TaskRecord
    change: StateChange


@dataclass(frozen=True)
class NewReport:
    task: TaskRecord
    day: str  # YYYY-MM-DD
    state: str


@dataclass
class SiteDiff:
    state_changes: list[Changed] = field(default_factory=list)
    new_reports: list[NewReport] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # addresses, "/nhiem-vu/ii-1-2/"
    removed: list[str] = field(default_factory=list)
    published: frozenset[str] = frozenset()  # the published addresses among `removed`
    head_tasks: dict[str, TaskRecord] = field(default_factory=dict)
    as_of: tuple[str, str] = ("", "")  # the day each build counted states from

    @property
    def blocking(self) -> list[str]:
        return [url for url in self.removed if url in self.published]


_STATES = {state.slug: state for state in DisplayState}


def _change(item: dict) -> StateChange:
    return StateChange(date.fromisoformat(item["ngay"]),
                       _STATES[item["truoc"]] if item["truoc"] else None, _STATES[item["sau"]],
                       Cause(item["nguyen_nhan"]),
                       date.fromisoformat(item["han"]) if item.get("han") else None)


def read_tasks(site: Path) -> tuple[str, dict[str, TaskRecord]]:
    """(as-of day, tasks by id) from a built site's open data. A base built before the history
    was published has none: its state alone is compared."""
    document = json.loads((site / routes.TASKS_JSON).read_text("utf-8"))
    tasks = {
        record["ma"]: TaskRecord(
            record["ma"], record["muc"], _STATES[record["ma_trang_thai"]],
            tuple((r["ngay"], r["trang_thai"]) for r in record["bao_cao"]),
            tuple(_change(c) for c in record.get("lich_su_trang_thai", ())))
        for record in document["nhiem_vu"]
    }
    return document.get("tinh_den_ngay", ""), tasks


def compare(base_site: Path, head_site: Path, published: set[str] | None = None) -> SiteDiff:
    """What differs between two built sites; `published` defaults to the committed list."""
    published = read_manifest(MANIFEST) if published is None else published
    base_day, base = read_tasks(base_site)
    head_day, head = read_tasks(head_site)
    diff = SiteDiff(head_tasks=head, as_of=(base_day, head_day))
    for task_id, task in head.items():
        old = base.get(task_id)
        if old is None:
            continue  # a new task: its page is listed among the pages added
        if old.state is not task.state:
            last = task.history[-1] if task.history else None
            diff.state_changes.append(Changed(task, StateChange(
                date.fromisoformat(head_day) if head_day else date.min, old.state, task.state,
                last.cause if last and last.after is task.state else Cause.REPORT,
                last.deadline if last and last.after is task.state else None)))
        for day, state in task.reports:
            if day not in {d for d, _ in old.reports}:
                diff.new_reports.append(NewReport(task, day, state))
    base_urls, head_urls = site_urls(base_site), site_urls(head_site)
    diff.added = sorted(head_urls - base_urls)
    diff.removed = sorted(base_urls - head_urls)
    diff.published = frozenset(set(diff.removed) & published)
    return diff


def validation_problems(data: Path, base: str | None = None, docs: Path = ROOT / "docs"
                        ) -> list[Problem]:
    """Every problem the validator finds in a data folder and the news posts (and, with `base`,
    in report corrections against that git revision)."""
    settings = Settings.from_env(env={**os.environ, "PLAN_DATA_DIR": str(data)})
    problems, _, _ = problems_of(data.resolve(), settings, docs.resolve(), base)
    return problems


# --- Markdown ------------------------------------------------------------------------------------


def _md(text: object) -> str:
    """Text from the data, safe inside Markdown (a table cell included): special characters
    escaped, on one line."""
    text = " ".join(str(text).split())
    return "".join("\\" + c if c in "\\`*_[]<>|#!" else c for c in text)


def _day(iso: str) -> str:
    try:
        return date.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def _cause(change: StateChange) -> str:
    """Why, when it is not a report: the deadline passed."""
    if change.cause is Cause.DEADLINE and change.deadline:
        return f" (qua hạn {change.deadline.strftime('%d/%m/%Y')})"
    return ""


def _task_name(task: TaskRecord, site_url: str | None) -> str:
    name = f"Nhiệm vụ {_md(task.label)}"
    return f"[{name}]({site_url.rstrip('/')}/{routes.task(task.id)})" if site_url else name


def _problem_line(problem: Problem, repo_url: str | None, sha: str | None) -> str:
    where = f"{problem.file}, dòng {problem.line}"
    if repo_url and sha:
        where = f"[{_md(where)}]({repo_url.rstrip('/')}/blob/{sha}/{problem.file}#L{problem.line})"
    else:
        where = _md(where)
    field_ = f" (trường «{_md(problem.field)}»)" if problem.field else ""
    return f"- {where}{field_}: {_md(problem.message)}"


def problems_markdown(problems: list[Problem], repo_url: str | None = None,
                      sha: str | None = None) -> list[str]:
    if not problems:
        return []
    return [f"### Lỗi dữ liệu ({len(problems)})", "",
            "Sửa các lỗi này thì trang mới dựng được. Bấm vào tên tệp để mở đúng dòng có lỗi.", "",
            *(_problem_line(p, repo_url, sha) for p in problems), ""]


def diff_markdown(diff: SiteDiff, site_url: str | None = None) -> list[str]:
    lines: list[str] = []
    if diff.as_of[0] != diff.as_of[1]:
        lines += [(f"> Lưu ý: trang gốc tính trạng thái đến ngày {_day(diff.as_of[0])}, trang "
                   f"của đề xuất đến ngày {_day(diff.as_of[1])}; trạng thái có thể khác nhau chỉ "
                   "vì ngày khác nhau."), ""]
    if diff.state_changes:
        lines += [f"### Nhiệm vụ đổi trạng thái ({len(diff.state_changes)})", "",
                  "| Nhiệm vụ | Trang | Trạng thái: trước → sau |", "| --- | --- | --- |"]
        lines += [f"| {_task_name(c.task, site_url)} | `/{routes.task(c.task.id)}` | "
                  f"{_md(c.change.before.label if c.change.before else '—')} → "
                  f"{_md(c.change.after.label)}{_cause(c.change)} |"
                  for c in diff.state_changes]
        lines.append("")
    if diff.new_reports:
        lines += [f"### Báo cáo mới ({len(diff.new_reports)})", "",
                  "| Nhiệm vụ | Ngày báo cáo | Trạng thái được báo cáo |", "| --- | --- | --- |"]
        lines += [f"| {_task_name(r.task, site_url)} | {_day(r.day)} | {_md(r.state)} |"
                  for r in diff.new_reports]
        lines.append("")
    if diff.added:
        lines += [f"### Trang và địa chỉ mới ({len(diff.added)})", ""]
        for url in diff.added:
            task = diff.head_tasks.get(routes.task_id_of(url.lstrip("/")) or "")
            about = f": trang của {_task_name(task, site_url)}" if task else ""
            lines.append(f"- `{url}`{about}")
        lines.append("")
    if diff.removed:
        lines += [f"### Địa chỉ sẽ mất ({len(diff.removed)})", ""]
        if diff.blocking:
            lines += [(f"**{BLOCKING}:** địa chỉ đã công bố không được mất, vì báo chí và người "
                       "đọc có thể đã dùng. Cách sửa: thêm chuyển hướng từ địa chỉ cũ sang trang "
                       "mới trong mkdocs.yml (plugin «redirects», mục «redirect_maps»)."), ""]
        for url in diff.removed:
            mark = f" — **{BLOCKING}** (địa chỉ đã công bố)" if url in diff.published else ""
            lines.append(f"- `{url}`{mark}")
        lines.append("")
    return lines


def summary(diff: SiteDiff | None, problems: list[Problem], *, repo_url: str | None = None,
            sha: str | None = None, site_url: str | None = None,
            failure: str | None = None) -> str:
    """The whole summary. `diff` is None when the sites could not be compared (`failure` says
    why, or the data has problems)."""
    lines = [TITLE, ""]
    if failure:
        lines += [f"**Không so sánh được:** {failure}", ""]
    elif diff is None:
        lines += ["**Không so sánh được:** dữ liệu của đề xuất có lỗi nên trang chưa dựng được.",
                  ""]
    body = diff_markdown(diff, site_url) if diff is not None else []
    lines += body + problems_markdown(problems, repo_url, sha)
    if diff is not None and not body and not problems:
        lines += ["Đề xuất này không thay đổi trạng thái, báo cáo hay địa chỉ nào trên trang web.",
                  ""]
    return "\n".join(lines)


# --- Building the two sites ----------------------------------------------------------------------


class BuildFailed(Exception):
    """A site could not be built; the message is Vietnamese, the build's output follows it."""


def build(project: Path, dest: Path, as_of: str) -> None:
    """Build the site of a project folder strictly into dest, with that folder's own code."""
    env = {**os.environ, "SITE_URL": os.environ.get("SITE_URL") or STAND_IN_SITE_URL,
           "PLAN_AS_OF": as_of, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    for name in ("PLAN_DATA_DIR", "PLAN_REPORTS_DIR", "PLAN_DEMO", "PYTHONPATH"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "-f", str(project / "mkdocs.yml"), "-d", str(dest)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise BuildFailed((done.stderr or done.stdout).strip()[-3000:])


def export(rev: str, dest: Path, repo: Path = ROOT) -> None:
    """The files of a git revision, as committed, into dest (git archive)."""
    dest.mkdir(parents=True)
    archive = dest.parent / "base.tar"
    with archive.open("wb") as out:
        done = subprocess.run(["git", "archive", "--format=tar", rev], cwd=repo, stdout=out,
                              stderr=subprocess.PIPE, text=False, check=False)
    if done.returncode != 0:
        raise HistoryError(f"Không lấy được phiên bản gốc «{rev}» từ git: "
                           f"{done.stderr.decode(errors='replace').strip()}")
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    archive.unlink()


def build_both(base: str, work: Path, project: Path = ROOT, as_of: str | None = None
               ) -> tuple[Path, Path, Path]:
    """Build the base revision and the working tree into work/: (base site, head site, base
    project folder)."""
    as_of = as_of or Settings.from_env(project).as_of.isoformat()
    base_project = work / "base"
    export(base, base_project, project)
    try:
        build(base_project, work / "site-base", as_of)
    except BuildFailed as error:
        raise BuildFailed(f"trang của phiên bản gốc «{base}» không dựng được.\n{error}") from None
    try:
        build(project, work / "site-head", as_of)
    except BuildFailed as error:
        raise BuildFailed(f"trang của đề xuất không dựng được.\n{error}") from None
    return work / "site-base", work / "site-head", base_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Những gì một đề xuất thay đổi trên trang web.")
    parser.add_argument("--base", help="phiên bản gốc (nhánh hoặc commit): dựng cả hai trang")
    parser.add_argument("--base-site", type=Path, help="trang gốc đã dựng")
    parser.add_argument("--head-site", type=Path, help="trang của đề xuất đã dựng")
    parser.add_argument("--head-data", type=Path, help="dữ liệu của đề xuất, để kiểm tra lỗi")
    parser.add_argument("--work", type=Path, help="thư mục giữ hai trang đã dựng (mặc định: tạm)")
    parser.add_argument("--repo-url", help="địa chỉ kho, để liên kết lỗi tới dòng của tệp")
    parser.add_argument("--sha", help="commit của đề xuất, để liên kết lỗi tới dòng của tệp")
    parser.add_argument("--site-url", help="địa chỉ trang web, để liên kết trang nhiệm vụ")
    parser.add_argument("--summary", type=Path, help="ghi thêm kết quả vào cuối tệp này")
    args = parser.parse_args(argv)
    if not args.base and not (args.base_site and args.head_site):
        parser.error("cần --base, hoặc cả --base-site và --head-site")

    links = {"repo_url": args.repo_url or None, "sha": args.sha or None}
    head_data = args.head_data or (None if args.head_site else ROOT / "data")
    diff, problems, failure = None, [], None
    try:
        if head_data is not None:
            problems = validation_problems(head_data, args.base)
    except (HistoryError, SettingsError, DataError) as error:
        failure = str(error)
    if not problems and not failure:
        with tempfile.TemporaryDirectory() as tmp:
            work = args.work or Path(tmp)
            try:
                if args.base:
                    for name in ("base", "site-base", "site-head"):
                        shutil.rmtree(work / name, ignore_errors=True)
                    base_site, head_site, base_project = build_both(args.base, work)
                    published = read_manifest() | read_manifest(
                        base_project / MANIFEST.relative_to(ROOT))
                else:
                    base_site, head_site, published = args.base_site, args.head_site, None
                diff = compare(base_site, head_site, published)
            except (BuildFailed, HistoryError) as error:
                failure = str(error).splitlines()[0]
                print(error, file=sys.stderr)
    text = summary(diff, problems, site_url=args.site_url, failure=failure, **links)
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as out:
            out.write(text + "\n")
    else:
        print(text)
    if diff is None:
        return 1
    for url in diff.blocking:
        print(f"Địa chỉ đã công bố {url} sẽ mất.", file=sys.stderr)
    return 1 if diff.blocking else 0


if __name__ == "__main__":
    sys.exit(main())
