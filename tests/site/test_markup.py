"""Valid markup: html-validate (npm, plain JavaScript) finds nothing in one page of each family
of the built site, under the rules of the HTML standard (tests/support/html-validate.config.mjs),
the theme's own findings listed apart in that config. The Nu HTML Checker, which needs Java, was
run over the whole site by hand; this keeps what it found fixed."""
from __future__ import annotations

from macros import routes
from tests.support.markup import html_validate

THEME_FINDINGS = 3  # entries of THEME in the config

# One page of each family (the news post: the one post the site has).
FAMILIES = {
    "home": routes.HOME,
    "plan text": routes.PLAN_TEXT,
    "task": routes.task("ii-2-1-1"),
    "agency": routes.agency("so-noi-vu"),
    "progress": routes.PROGRESS,
    "timeline": routes.TIMELINE,
    "calendar": routes.CALENDAR,
    "open data": routes.OPEN_DATA,
    "press": routes.PRESS,
    "news post": routes.news_post("ke-hoach-68-kh-ubnd"),
    "staff guide": routes.STAFF_GUIDE,
}


def test_one_page_of_each_family_is_valid_html(site):
    pages = [site / address / "index.html" for address in FAMILIES.values()]
    assert all(page.is_file() for page in pages)
    report = html_validate(*pages)
    assert report["findings"] == []
    # Every silenced finding of the theme is still there: the list holds nothing stale.
    assert report["theme"] == list(range(THEME_FINDINGS))


def test_the_validator_finds_what_the_nu_checker_found(site, tmp_path):
    """The check can fail: the two findings the Nu HTML Checker had on every task page, put back
    into a copy of a task page, are reported, and so is a reference to a missing id."""
    page = (site / routes.task("ii-2-1-1") / "index.html").read_text("utf-8")
    broken = tmp_path / "index.html"
    broken.write_text(page.replace(
        '<p class="report-form__intro">',
        '<a class="md-button" rel="nofollow">x</a><pre aria-label="y">z</pre>'
        '<label for="khong-co">w</label><p class="report-form__intro">', 1), "utf-8")
    found = {(f["rule"], f["message"].split(":")[0]) for f in html_validate(broken)["findings"]}
    assert found == {
        ("attribute-misuse", '"rel" attribute cannot be used on <a> in this context'),
        ("aria-label-misuse", '"aria-label" cannot be used on this element'),
        ("no-missing-references", 'Element references missing id "khong-co"'),
    }
