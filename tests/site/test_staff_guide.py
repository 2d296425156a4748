"""The staff guide, the pull-request template and review routing.

The guide's list of error messages is held to the code both ways: every message it quotes is one
the validator really emits, and every message the validator can emit is quoted and explained.
"""
from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from macros.load.errors import Problem
from tests.conftest import ROOT, soup

GUIDE = "huong-dan-cap-nhat"
# Where the messages come from: problem(...), claim(...) and Problem(...) calls, the table of pydantic error
# texts, custom error messages, and the messages the YAML reader builds in small functions.
MESSAGE_FILES = sorted([*(ROOT / "macros" / "model").glob("*.py"),
                        *(ROOT / "macros" / "load").glob("*.py")])
LOCATION = re.compile(r"^(?P<file>\S+), dòng (?P<line>\d+)(?: \(trường «(?P<field>[^»]*)»\))?: (?P<message>.*)$")


def _is_text(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_text(node.left) or _is_text(node.right)
    return isinstance(node, ast.JoinedStr)


def _pattern(node: ast.AST, formatted: bool) -> str:
    """A regular expression for the texts an expression can produce; values become wildcards."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if not formatted:
            return re.escape(node.value)
        return "".join(
            re.escape(literal) + ("(.+?)" if field is not None else "")
            for literal, field, _, _ in string.Formatter().parse(node.value)
        )
    if isinstance(node, ast.JoinedStr):
        return "".join(
            re.escape(part.value) if isinstance(part, ast.Constant) else "(.+?)" for part in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _pattern(node.left, formatted) + _pattern(node.right, formatted)
    return "(.*?)"


def code_messages() -> dict[str, str]:
    """Every message the data checks can emit, as {regex: where it is written}."""
    found: dict[str, str] = {}

    def add(node: ast.AST, formatted: bool, path: Path) -> None:
        if _is_text(node):
            found[_pattern(node, formatted)] = f"{path.name}:{node.lineno}: {ast.unparse(node)[:90]}"

    for path in MESSAGE_FILES:
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id == "problem" and node.args:
                    add(node.args[0], True, path)
                elif node.func.id == "claim" and len(node.args) == 3:
                    add(node.args[2], True, path)
                elif node.func.id == "Problem" and len(node.args) == 4:
                    add(node.args[3], False, path)
            elif isinstance(node, ast.keyword) and node.arg == "custom_error_message":
                add(node.value, True, path)
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "_MESSAGES" for t in node.targets
            ):
                for value in node.value.values:
                    add(value, True, path)
            elif (
                isinstance(node, ast.Assign) and path.name == "yaml.py" and _is_text(node.value)
                and any(isinstance(t, ast.Name) and t.id.lstrip("_").isupper() for t in node.targets)
            ):
                add(node.value, False, path)  # the messages the YAML reader's table names
            elif (
                path.name in ("yaml.py", "errors.py") and isinstance(node, ast.FunctionDef)
                and not node.name.startswith("__")
            ):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Return) and inner.value is not None:
                        add(inner.value, False, path)
    return found


def guide_messages(site: Path) -> list[str]:
    """The messages the guide quotes, as readers see them: one paragraph of a quote each."""
    article = soup(site / GUIDE / "index.html").select_one("article")
    heading = article.find("h2", id="thong-bao-loi")
    assert heading is not None
    return [" ".join(p.get_text().split()) for quote in heading.find_all_next("blockquote")
            for p in quote.find_all("p")]


def without_location(message: str) -> str:
    match = LOCATION.match(message)
    return match["message"] if match else message


def test_the_guide_is_in_the_navigation(site):
    home = soup(site / "index.html")
    links = {a["href"].rstrip("/").split("/")[-1] for a in home.select("nav a[href]")}
    assert GUIDE in links
    page = soup(site / GUIDE / "index.html")
    assert page.select_one("article h1").find(string=True).strip() == "Hướng dẫn cập nhật tiến độ"


def test_the_code_messages_are_found():
    # The reader of the code must see the messages, or the two tests below prove nothing.
    messages = code_messages()
    assert len(messages) >= 35
    assert any(re.fullmatch(p, "Thiếu trường bắt buộc «date». Cách sửa: thêm trường này.") for p in messages)


def test_every_message_the_guide_quotes_is_real(site):
    patterns = code_messages()
    quoted = guide_messages(site)
    assert len(quoted) >= 35
    unknown = [m for m in quoted if not any(re.fullmatch(p, without_location(m)) for p in patterns)]
    assert unknown == []


def test_every_message_of_the_validator_is_explained(site):
    quoted = [without_location(m) for m in guide_messages(site)]
    missing = [where for p, where in code_messages().items()
               if not any(re.fullmatch(p, m) for m in quoted)]
    assert missing == [], "explain these in docs/huong-dan-cap-nhat.md:\n" + "\n".join(missing)


def test_the_guide_quotes_compared_days_as_the_validator_and_the_form_write_them(site):
    # Days a message compares («muộn hơn ngày báo cáo …») are written dd/mm/yyyy by the
    # validator (macros.model.dates.short_date) and by the report form: the guide quoted them
    # as 2019-01-20. What a person types is quoted as typed (a file name, a value refused).
    compared = re.compile(r"muộn hơn|sớm hơn|trước ngày ban hành|trước Kế hoạch|chưa đến|Hạn mới ")
    quoted = [m for m in guide_messages(site) if compared.search(without_location(m))]
    assert len(quoted) >= 7
    for message in quoted:
        assert not re.search(r"(?<![«\d/-])\d{4}-\d{2}-\d{2}(?![»\d.])", message), message
        assert re.search(r"\b\d{2}/\d{1,2}/\d{4}\b", message), message


def test_the_guide_shows_where_an_error_is_as_the_validator_writes_it(site):
    located = [LOCATION.match(m) for m in guide_messages(site) if LOCATION.match(m)]
    assert located, "the guide shows one full message with its file, line and field"
    for match in located:
        problem = Problem(match["file"], int(match["line"]), match["field"] or "", match["message"])
        assert str(problem) == match[0]


# --- Pull requests and review routing -----------------------------------------------------------


def codeowners_rules() -> list[tuple[re.Pattern, list[str]]]:
    rules = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            assert pattern.startswith("/") and "*" not in pattern, "only anchored paths are read here"
            suffix = ".*" if pattern.endswith("/") else r"\Z"
            rules.append((re.compile(re.escape(pattern[1:]) + suffix), owners))
    return rules


def owners_of(path: str) -> list[str]:
    """GitHub's rule: the last matching line decides."""
    owners: list[str] = []
    for pattern, rule_owners in codeowners_rules():
        if pattern.match(path):
            owners = rule_owners
    return owners


def site_info():
    from macros.load import DataFiles, load_registry
    from macros.load.site_info import load_site_info

    files = DataFiles(ROOT / "data")
    return load_site_info(files.root, load_registry(files)[1], files.display)


def test_codeowners_agrees_with_the_review_team_of_site_yaml():
    team = site_info().review_team
    expected = [team] if team else []
    assert owners_of("data/tien-do/ii-2-1-1/2019-01-10.yaml") == expected
    assert owners_of("data/tien-do/iii-1-2/2019-01-10.yaml") == expected
    assert owners_of("data/site.yaml") == expected
    # Every team CODEOWNERS names is that team: no placeholder, no other name.
    named = {owner for _, owners in codeowners_rules() for owner in owners}
    assert named <= set(expected)
    text = (ROOT / ".github" / "CODEOWNERS").read_text("utf-8")
    assert "@ORG" not in text


def test_the_pull_request_template_names_no_team_but_the_review_team():
    team = site_info().review_team
    template = (ROOT / ".github" / "pull_request_template.md").read_text("utf-8")
    handles = set(re.findall(r"@[A-Za-z0-9-]+/[A-Za-z0-9._-]+", template))
    assert handles <= ({team} if team else set())
    assert "data/site.yaml" in template and "review_team" in template


def test_the_guide_says_who_reviews_and_where_the_repository_is(site, repo_site):
    from tests.conftest import TEST_REPO_URL

    people = soup(site / GUIDE / "index.html").select_one("dl.staff-people").get_text(" ", strip=True)
    info = site_info()
    if info.review_team:
        assert info.review_team in people
    else:
        assert "Chưa thiết lập nhóm xem xét" in people
    # The session build has no repository address: it says so and links nowhere.
    assert "chưa được cho biết địa chỉ kho mã" in people
    assert not soup(site / GUIDE / "index.html").select("a.md-source")
    # With an address, the guide and the header link to it, in Vietnamese, fetching nothing.
    page = soup(repo_site / GUIDE / "index.html")
    links = {a["href"] for a in page.select("dl.staff-people a")}
    assert TEST_REPO_URL in links
    assert f"{TEST_REPO_URL}/tree/main/data/tien-do" in links
    header = page.select_one("a.md-source")
    assert header.get_text(" ", strip=True) == "Kho mã nguồn" and not header.has_attr("data-md-component")


def test_readme_tells_the_owner_what_to_set_before_the_first_report():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Before the first report"):]
    section = section[: section.index("\n## ", 1)] if "\n## " in section[1:] else section
    for needed in ("review_team", "CODEOWNERS", "data/site.yaml", "REPO_URL", "branch protection"):
        assert needed in section, needed


def test_the_pull_request_template_points_to_the_guide():
    template = (ROOT / ".github" / "pull_request_template.md").read_text("utf-8")
    assert f"/{GUIDE}/" in template and f"docs/{GUIDE}.md" in template
    assert (ROOT / "docs" / f"{GUIDE}.md").is_file()


def test_the_guide_says_a_first_pull_request_from_outside_waits_for_a_reviewer(site):
    # GitHub's default: a first-time contributor's pull request from a fork runs no workflow
    # until someone with write access approves it ("Approve and run"). The step where staff wait
    # for the checks says so, in the step itself, and who approves (the reviewers).
    page = soup(site / GUIDE / "index.html")
    steps = page.find(id="cach-2-tu-tao-tep-bao-cao").find_next_sibling("ol").find_all("li", recursive=False)
    waiting = next(step for step in steps if "Chờ các bước kiểm tra" in step.get_text())
    text = " ".join(waiting.get_text(" ").split())
    assert "Đề xuất đầu tiên của tài khoản chưa có quyền ghi vào kho mã" in text
    assert "«Workflow(s) awaiting approval»" in text and "«Approve and run»" in text
    assert "người xem xét (người có quyền ghi vào kho mã)" in text
    assert [a["href"] for a in waiting.select("a")] == ["#nguoi-phu-trach"]
