"""The «Báo cáo tiến độ» form of a task page, in real builds and a real Chromium.

A valid entry becomes a link to GitHub's new-file page whose file name and content pass the
project's own validator unchanged; invalid entries show Vietnamese errors beside their fields and
no link. The form's code loads only when it is opened. Without JavaScript the page links the guide
and the blank template; without a repository address it says so and links nowhere.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from macros import routes
from macros.load.reports import TEMPLATE
from tests.conftest import DATA, ROOT, TEST_REPO_URL, copy_data
from tests.load.test_reports import FORM_AS_OF, FORM_BASE, FORM_CASES, form_report_file
from tests.support.browser import new_context, run_axe, serve
from tests.support.markup import html_validate
from tests.support.plans import load

REPO = TEST_REPO_URL
TASK = "ii-2-1-1"
VENDOR = ROOT / "docs" / "assets" / "vendor" / "cfworker-json-schema"
PACKAGE = ROOT / "node_modules" / "@cfworker" / "json-schema"
# Whatever a generic validator says is English: none of it may reach the person filling the form.
ENGLISH = re.compile(r"\b(instance|schema|property|does not|match|expected|invalid|required)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def repo_server(repo_site):
    """The real site built with a repository address, as the workflows build it."""
    with serve(repo_site) as running:
        yield running


@pytest.fixture(scope="module")
def bare_server(server):
    """The real site built without a repository address (the session site: no REPO_URL)."""
    return server


def _open_form(chromium, server, **options):
    context, watch = new_context(chromium, server, **options)
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(server.base + routes.task(TASK))
    page.locator("#bieu-mau-bao-cao > summary").click()
    page.wait_for_selector("form[data-ready]", state="attached")
    return context, watch, page


def _fill_valid(page, day: str = "2019-03-01") -> None:
    page.fill("#bao-cao-ngay", day)
    page.select_option("#bao-cao-state", "hoàn thành")
    page.fill("#bao-cao-percent", "100")
    # A colon and a hash, which YAML reads as syntax unless the value is quoted.
    page.fill("#bao-cao-done", "Đã ban hành Quyết định số 12/QĐ-UBND: về việc sắp xếp # phòng")
    page.locator("[data-add-evidence]").click()
    page.locator("[data-evidence-list] > fieldset").nth(0).locator("[data-sub=number]").fill(
        "Quyết định số 12/QĐ-UBND")
    page.locator("[data-evidence-list] > fieldset").nth(0).locator("[data-sub=date]").fill(
        "2019-02-20")
    page.locator("[data-evidence-list] > fieldset").nth(0).locator("[data-sub=url]").fill(
        "https://tuyenquang.gov.vn/van-ban/12-qd-ubnd")
    page.locator("[data-add-evidence]").click()
    page.locator("[data-evidence-list] > fieldset").nth(1).locator("[data-sub=number]").fill(
        "Báo cáo số 5/BC-SNV")
    page.select_option("#bao-cao-reporter", "so-noi-vu")
    page.fill("#bao-cao-completed_on", "2019-02-28")
    page.fill("#bao-cao-note", "Dòng một\nDòng hai: «yes»")


def _submit(page) -> None:
    page.locator(".report-form__form button[type=submit]").click()


def test_the_vendored_validator_is_the_npm_package_unchanged():
    pinned = json.loads((ROOT / "package.json").read_text("utf-8"))["devDependencies"]
    installed = json.loads((PACKAGE / "package.json").read_text("utf-8"))
    assert installed["version"] == pinned["@cfworker/json-schema"]
    assert installed["license"] == "MIT"
    assert f"@cfworker/json-schema {installed['version']}" in (VENDOR / "LICENSE.txt").read_text("utf-8")
    shipped = sorted(p.name for p in (PACKAGE / "dist" / "esm").glob("*.js"))
    assert sorted(p.name for p in VENDOR.glob("*.js")) == shipped
    for name in shipped:
        assert (VENDOR / name).read_bytes() == (PACKAGE / "dist" / "esm" / name).read_bytes(), name


def test_pages_without_the_form_carry_none_of_it():
    # Every page loads site.js and style.css: the form adds nothing to them but the rule that
    # keeps it hidden without JavaScript.
    assert "report" not in (ROOT / "docs" / "assets" / "site.js").read_text("utf-8")
    style = (ROOT / "docs" / "assets" / "style.css").read_text("utf-8")
    assert [line for line in style.splitlines() if "report-" in line] == [
        ".md-typeset .report-form[hidden] { display: none; }"]


def test_the_form_script_has_no_rule_of_a_report_written_in_it():
    script = (ROOT / "docs" / "assets" / "bao-cao.js").read_text("utf-8")
    # The values the schema holds (states, the percent's bounds, the field names) are not here.
    for word in ("hoàn thành", "đang thực hiện", "100", "completed_on", "reporter", "https?"):
        assert word not in script, word


def test_the_form_with_its_github_link_is_valid_html(repo_server):
    # Only a build with a repository address has the link to GitHub's new-file page: a
    # placeholder <a> until an entry is checked, so no rel="nofollow" without an href.
    page = repo_server.root / routes.task(TASK) / "index.html"
    assert "data-result-link" in page.read_text("utf-8")
    assert html_validate(page)["findings"] == []


def test_a_valid_report_from_the_form_passes_the_validator_unchanged(chromium, repo_server,
                                                                     tmp_path):
    server = repo_server
    context, watch, page = _open_form(chromium, server)
    # The task's own bodies come first (groups included), then the bodies part III has reports
    # sent to (Sở Nội vụ, which compiles them), and no one else.
    plan = load(DATA)
    # Bodies that ended (the districts from 01/7/2025) send no report: not offered.
    own = [a for a in plan.assigned.answering_for(plan.task(TASK)) if plan.end_of(a) is None]
    groups = page.locator("#bao-cao-reporter optgroup")
    assert groups.nth(0).locator("option").evaluate_all("os => os.map(o => o.value)") == own
    others = groups.nth(1).locator("option").evaluate_all("os => os.map(o => o.value)")
    assert set(others).isdisjoint(own) and "so-noi-vu" in own + others
    receiving = {d.send_to.id for d in plan.duties} | {a.id for d in plan.duties
                                                         for a in d.recipients}
    assert set(others) <= receiving

    _fill_valid(page)
    _submit(page)
    link = page.locator("[data-result-link]")
    link.wait_for(state="visible")
    href = link.get_attribute("href")
    assert link.get_attribute("rel") == "nofollow"
    assert page.locator(".report-form__error:visible").count() == 0
    # Said once: in the status line, which a screen reader reads out.
    assert page.locator("#bieu-mau-bao-cao form").inner_text().count("Báo cáo hợp lệ") == 1
    assert page.locator("[data-status]").inner_text() == "Báo cáo hợp lệ."
    context.close()
    assert watch.errors == [] and watch.outside == []

    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/new/main"
    query = parse_qs(url.query, keep_blank_values=True, strict_parsing=True)
    [filename], [value] = query["filename"], query["value"]
    assert filename == f"data/tien-do/{TASK}/2019-03-01.yaml"
    assert value.splitlines()[0] == TEMPLATE.splitlines()[0]  # the schema line for editors
    # The template's field order.
    keys = [line.split(":")[0] for line in value.splitlines() if re.match(r"^[a-z_]+:", line)]
    assert keys == ["state", "done", "reporter", "percent", "evidence", "completed_on", "note"]
    assert yaml.safe_load(value) == {
        "state": "hoàn thành", "percent": 100, "reporter": "so-noi-vu",
        "done": "Đã ban hành Quyết định số 12/QĐ-UBND: về việc sắp xếp # phòng",
        "evidence": [{"number": "Quyết định số 12/QĐ-UBND",
                      "date": __import__("datetime").date(2019, 2, 20),
                      "url": "https://tuyenquang.gov.vn/van-ban/12-qd-ubnd"},
                     {"number": "Báo cáo số 5/BC-SNV"}],
        "completed_on": __import__("datetime").date(2019, 2, 28),
        "note": "Dòng một\nDòng hai: «yes»",
    }

    # The file, exactly as GitHub would commit it, in a copy of the data: the validator passes.
    data = copy_data(tmp_path)
    target = data / Path(filename).relative_to("data")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(value, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "macros.cli.validate", "--data", str(data)],
                         check=False, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    # And the validator did read it: the same file with percent 140 fails.
    target.write_text(value.replace("percent: 100", "percent: 140"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "macros.cli.validate", "--data", str(data)],
                         check=False, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode != 0 and "percent" in run.stdout + run.stderr


def test_invalid_entries_show_vietnamese_errors_beside_their_fields_and_no_link(chromium,
                                                                               repo_server):
    context, watch, page = _open_form(chromium, repo_server)
    _fill_valid(page)
    page.fill("#bao-cao-percent", "140")
    page.fill("#bao-cao-done", "   ")
    page.select_option("#bao-cao-state", "đang thực hiện")  # yet a completion date is given
    page.locator("[data-evidence-list] > fieldset").nth(0).locator("[data-sub=url]").fill(
        "javascript:alert(1)")
    page.locator("[data-evidence-list] > fieldset").nth(1).locator("[data-sub=number]").fill("")
    page.locator("[data-evidence-list] > fieldset").nth(1).locator("[data-sub=date]").fill(
        "2019-02-21")
    _submit(page)
    page.wait_for_selector(".report-form__error:visible")

    def error_of(input_selector: str) -> str:
        field = page.locator(input_selector)
        assert field.get_attribute("aria-invalid") == "true", input_selector
        error_id = field.get_attribute("id") + "-loi"
        assert error_id in field.get_attribute("aria-describedby").split()
        # Beside its field: in the same field box, right under it.
        box = page.locator(f"#{error_id}")
        assert box.is_visible()
        assert box.evaluate("(e, f) => e.parentElement === f.parentElement", field.element_handle())
        return box.inner_text()

    evidence = "[data-evidence-list] > fieldset"
    errors = {
        "percent": error_of("#bao-cao-percent"),
        "done": error_of("#bao-cao-done"),
        "completed_on": error_of("#bao-cao-completed_on"),
        "url": error_of(f"{evidence}:nth-child(1) [data-sub=url]"),
        "number": error_of(f"{evidence}:nth-child(2) [data-sub=number]"),
    }
    assert errors["percent"] == "Không được lớn hơn 100. Số nguyên từ 0 đến 100."
    assert errors["done"] == "Chưa điền ô này."
    assert errors["completed_on"].startswith("Không điền ô này trong trường hợp này.")
    assert "«hoàn thành»" in errors["completed_on"]
    assert errors["url"] == "Viết chưa đúng dạng. Bắt đầu bằng http:// hoặc https://."
    assert errors["number"].startswith("Chưa điền ô này.")
    for text in errors.values():
        assert not ENGLISH.search(text), text
    # Fields without a problem show none.
    assert page.locator("#bao-cao-state").get_attribute("aria-invalid") is None
    assert not page.locator("#bao-cao-state-loi").is_visible()
    # No link, and the summary says how many problems there are.
    assert page.locator("[data-result]").is_hidden()
    assert page.locator("[data-result-link][href]").count() == 0
    assert page.locator("[data-status]").inner_text().startswith("Báo cáo còn 5 lỗi")
    assert run_axe(page) == []

    # «hoàn thành» without a completion date is refused too.
    page.select_option("#bao-cao-state", "hoàn thành")
    page.fill("#bao-cao-completed_on", "")
    page.fill("#bao-cao-percent", "100")
    page.fill("#bao-cao-done", "Đã xong.")
    page.locator(f"{evidence}:nth-child(1) [data-sub=url]").fill("")
    page.locator(f"{evidence}:nth-child(2) [data-remove-evidence]").click()
    _submit(page)
    assert error_of("#bao-cao-completed_on").startswith("Chưa điền ô này.")
    assert page.locator("[data-result-link][href]").count() == 0

    # Put right, the link appears; a change after that takes it away until the next check.
    page.fill("#bao-cao-completed_on", "2019-02-28")
    _submit(page)
    page.locator("[data-result-link]").wait_for(state="visible")
    assert page.locator(".report-form__error:visible").count() == 0
    page.fill("#bao-cao-percent", "90")
    assert page.locator("[data-result-link][href]").count() == 0
    context.close()
    assert watch.errors == [] and watch.outside == []


def test_the_form_code_loads_only_when_the_form_is_opened(chromium, repo_server):
    server = repo_server
    context, watch = new_context(chromium, server)
    page = context.new_page()
    server.sent.clear()
    page.goto(server.base + routes.task(TASK))
    server.wait_loaded(page)
    form_files = ("bao-cao.js", "bao-cao.css", "/vendor/", "bao-cao.schema.json")
    assert [p for p, _ in server.sent if any(f in p for f in form_files)] == []
    page.locator("#bieu-mau-bao-cao > summary").click()
    page.wait_for_selector("form[data-ready]", state="attached")
    fetched = [p for p, _ in server.sent]
    assert any(p.endswith("/assets/bao-cao.js") for p in fetched), fetched
    assert any(p.endswith("/assets/bao-cao.css") for p in fetched), fetched
    assert any(p.endswith("/du-lieu/schema/bao-cao.schema.json") for p in fetched), fetched
    context.close()
    assert watch.errors == [] and watch.outside == []


def test_without_javascript_the_page_links_the_guide_and_the_blank_template(chromium, repo_server):
    context, _ = new_context(chromium, repo_server, java_script_enabled=False)
    page = context.new_page()
    page.goto(repo_server.base + routes.task(TASK))
    assert page.locator("#bieu-mau-bao-cao").is_hidden()  # the form needs its script
    section = page.locator(".report-section")
    guide = section.locator(f"a[href$='{routes.STAFF_GUIDE}']").first
    assert guide.is_visible()
    href = section.locator("[data-template-link]").get_attribute("href")
    context.close()
    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{unquote(url.path)}" == f"{REPO}/new/main/data/tien-do/{TASK}"
    assert parse_qs(url.query)["value"] == [TEMPLATE]


def test_without_a_repository_address_the_form_says_so_and_links_nowhere(chromium, bare_server):
    context, watch, page = _open_form(chromium, bare_server)
    section = page.locator(".report-section")
    assert "chưa được cho biết địa chỉ kho mã" in section.locator("[data-no-repo]").inner_text()
    assert section.locator("[data-template-link]").count() == 0
    _fill_valid(page)
    _submit(page)
    page.locator("[data-result]").wait_for(state="visible")
    assert "chưa được cho biết địa chỉ kho mã" in page.locator("[data-result]").inner_text()
    assert page.locator("[data-result-yaml]").inner_text().startswith("# yaml-language-server")
    # Every link of the section leads somewhere on the site.
    hrefs = section.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(h and not h.startswith(("http", "#", "javascript")) for h in hrefs), hrefs
    context.close()
    assert watch.errors == [] and watch.outside == []


# --- The form and the validator give the same answer ---------------------------------------------

def _enter(page, case: dict) -> None:
    """Type an entry of tests/load/test_reports.py's FORM_CASES into the form, as a person would."""
    page.fill("#bao-cao-ngay", case["date"])
    for key in ("state", "reporter"):
        if key in case:
            page.select_option(f"#bao-cao-{key}", case[key])
    for key in ("percent", "done", "completed_on", "revised_due", "note"):
        if key in case:
            page.fill(f"#bao-cao-{key}", str(case[key]))
    for index, document in enumerate(case.get("evidence", [])):
        page.locator("[data-add-evidence]").click()
        item = page.locator("[data-evidence-list] > fieldset").nth(index)
        for sub, value in document.items():
            item.locator(f"[data-sub={sub}]").fill(value)


def _answer(page) -> tuple[str | None, dict[str, str]]:
    """The form's answer: the report file it offers (None when it refuses) and its errors, by
    field as the validator names them («evidence[1].url»)."""
    _submit(page)
    page.wait_for_function("document.querySelector('[data-status]').textContent !== ''")
    errors = dict(page.locator("[aria-invalid=true]").evaluate_all(
        "inputs => inputs.map(i => [i.getAttribute('data-path'),"
        " document.getElementById(i.id + '-loi').textContent])"))
    shown = {re.sub(r"^evidence/(\d+)/", lambda m: f"evidence[{int(m[1]) + 1}].", path): text
             for path, text in errors.items()}
    if page.locator("[data-result]").is_visible():
        assert shown == {}
        return page.locator("[data-result-yaml]").inner_text(), shown
    return None, shown


def _validator_refuses(files: dict[str, str], tmp_path: Path) -> set[str]:
    """`python -m macros.cli.validate` on a copy of the data holding these report files (path
    under data/tien-do/ -> text), as of FORM_AS_OF: the files it refuses."""
    data = copy_data(tmp_path)
    for where, text in files.items():
        (data / "tien-do" / where).parent.mkdir(parents=True, exist_ok=True)
        (data / "tien-do" / where).write_text(text, "utf-8")
    run = subprocess.run([sys.executable, "-m", "macros.cli.validate", "--data", str(data),
                          "--format", "github"], check=False, cwd=ROOT, capture_output=True, text=True,
                         timeout=300, env={**os.environ, "PLAN_AS_OF": FORM_AS_OF.isoformat()})
    refused = set(re.findall(r"^::error file=[^,]*?tien-do/([^,]+\.yaml),", run.stdout, re.MULTILINE))
    assert (run.returncode != 0) == bool(refused), run.stdout + run.stderr
    return refused


def test_the_form_and_the_validator_agree_on_every_case(chromium, repo_server, tmp_path):
    context, watch, page = _open_form(chromium, repo_server)
    # The browser's clock on the cases' "today", in Vietnam (the machine's own zone is UTC).
    page.clock.set_fixed_time(datetime.fromisoformat(f"{FORM_AS_OF.isoformat()}T09:00:00+07:00"))
    plan = load(DATA)
    answers, files = {}, {}
    for (name, case, refused), default in zip(FORM_CASES, plan.tasks, strict=False):
        task = plan.task(case["task"]) if "task" in case else default
        page.goto(repo_server.base + routes.task(task.id))
        page.locator("#bieu-mau-bao-cao > summary").click()
        page.wait_for_selector("form[data-ready]", state="attached")
        _enter(page, case)
        offered, errors = _answer(page)
        answers[name] = errors
        # The validator reads what the form offers, or, where it offers nothing, the same entry
        # written by hand. Each case in a task's folder of its own: one run checks them all.
        where = f"{task.id}/{case['date']}.yaml"
        files[where] = offered if offered is not None else form_report_file(case)
        answers[name] = (where, refused, errors)
    context.close()
    assert watch.errors == [] and watch.outside == []
    assert len(answers) == len(FORM_CASES)

    refused_files = _validator_refuses(files, tmp_path)
    for name, (where, refused, errors) in answers.items():
        form_refuses = bool(errors)
        assert form_refuses == (where in refused_files) == (refused is not None), name
        if refused is not None:
            assert list(errors) == [refused], (name, errors)
        for text in errors.values():
            assert not ENGLISH.search(text), (name, text)

    # Messages written for people: a choice left empty says so, not the codes of data/agencies.yaml.
    assert answers["no-reporter"][2] == {"reporter": "Chưa chọn cơ quan báo cáo."}
    assert answers["no-state"][2] == {"state": "Chưa chọn trạng thái."}
    future = answers["dated-in-the-future"][2]["date"]
    assert "01/02/2019" in future and "hôm nay (31/01/2019)" in future
    late = answers["completed-after-the-report-date"][2]["completed_on"]
    assert late.startswith("Ngày hoàn thành 25/01/2019 muộn hơn ngày báo cáo 20/01/2019")
    assert "chỗ trống của mẫu" in answers["blank-of-the-template-left"][2]["done"]
    assert answers["revised-deadline-without-document"][2]["revised_due"].startswith(
        "Hạn mới phải kèm văn bản của cấp có thẩm quyền cho phép điều chỉnh hạn")
    assert answers["revised-deadline-of-a-task-without-one"][2]["revised_due"].startswith(
        "Nhiệm vụ này không có thời hạn hoàn thành trong Kế hoạch")


def test_today_is_today_in_vietnam_whatever_the_computer_s_zone(chromium, repo_server):
    # 01:30 on 1 February in Vietnam is still 31 January on a computer set to UTC: a report dated
    # 1 February is not in the future, one dated the 2nd is (the validator counts in Vietnam).
    context, watch, page = _open_form(chromium, repo_server, timezone_id="UTC")
    page.clock.set_fixed_time(datetime(2019, 1, 31, 18, 30, tzinfo=UTC))
    page.reload()
    page.locator("#bieu-mau-bao-cao > summary").click()
    page.wait_for_selector("form[data-ready]", state="attached")
    assert page.input_value("#bao-cao-ngay") == "2019-02-01"  # the form starts on today
    _enter(page, {**FORM_BASE, "date": "2019-02-01"})
    assert _answer(page) == (page.locator("[data-result-yaml]").inner_text(), {})
    page.fill("#bao-cao-ngay", "2019-02-02")
    assert list(_answer(page)[1]) == ["date"]
    context.close()
    assert watch.errors == [] and watch.outside == []
