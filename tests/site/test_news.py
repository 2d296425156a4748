"""News: typed posts validated against the data, post pages, task pages listing their posts."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

from macros.load import load_news
from macros.load.errors import DataError
from macros.model.dates import long_date
from macros.model.news import CATEGORIES, NEWS_DIR, POSTS_DIR, NewsPost
from macros.routes import news_post
from tests.conftest import DATA, ROOT, SOURCE, build_site, copy_project, soup
from tests.support.plans import load

DOCS = ROOT / "docs"
FIRST_POST = DOCS / POSTS_DIR / "ke-hoach-68-kh-ubnd.md"


@pytest.fixture(scope="module")
def plan():
    return load(DATA)


@pytest.fixture(scope="module")
def news(plan):
    return load_news(DOCS, plan)


def post_pages(site: Path, news) -> list[tuple[NewsPost, Path]]:
    return [(post, site / news_post(post.slug) / "index.html") for post in news.posts]


# --- The typed posts ----------------------------------------------------------------------


def test_posts_are_typed_and_newest_first(news):
    assert news.posts and all(isinstance(p, NewsPost) for p in news.posts)
    dates = [p.date for p in news.posts]
    assert dates == sorted(dates, reverse=True)
    assert all(news_post(p.slug) == f"{NEWS_DIR}/{p.slug}/" and news_post(p.slug).isascii()
               for p in news.posts)


def test_lookups_for_task_and_agency_pages(news):
    first = news.post_at(f"{POSTS_DIR}/ke-hoach-68-kh-ubnd.md")
    # The site's own post: no issuer; the bodies it concerns are listed.
    assert first is not None and first.agency is None and "ubnd-tinh" in first.agencies
    assert first in news.posts_for_task("iii-1-2")
    assert first not in news.posts_for_task("ii-2-1-1")
    assert first in news.posts_for_agency("ubnd-tinh")  # issued it
    assert first in news.posts_for_agency("bao-tuyen-quang")  # named in it
    assert first not in news.posts_for_agency("so-tai-chinh")
    assert news.post_at("bao-chi.md") is None


def test_blog_configuration_matches_the_model():
    blog = load_config(str(ROOT / "mkdocs.yml")).plugins["material/blog"].config
    assert blog.blog_dir == NEWS_DIR
    assert blog.post_url_format == "{slug}"
    assert tuple(blog.categories_allowed) == CATEGORIES
    assert all(blog[key].isascii() for key in blog if key.endswith("url_format"))
    # Category addresses are ASCII too (Material's default slugify keeps the accents).
    assert [blog.categories_slugify(name, "-") for name in CATEGORIES] == [
        "van-ban-chi-dao", "tien-do-thuc-hien", "thong-bao"]


# --- Bad front matter: file, line and a Vietnamese message ---------------------------------

# The first post is the site's own (no issuer); an issuer is added after its slug where a case
# needs one.
SLUG = "slug: ke-hoach-68-kh-ubnd\n"
BAD_POSTS = [
    # (name, text to find in the first post, replacement, line of the defect, field, says)
    ("unknown agency", SLUG, SLUG + "agency: ubnd-tinh-tq\n", 6, "agency",
     "Không có cơ quan mã «ubnd-tinh-tq»"),
    ("unknown task", "  - iii-2-2\n", "  - iii-2-9\n", 10, "tasks[2]",
     "Không có nhiệm vụ mã «iii-2-9»"),
    ("unknown agency concerned", "  - bao-tuyen-quang\n", "  - bao-tuyen-quan\n", 16,
     "agencies[4]", "Không có cơ quan mã «bao-tuyen-quan»"),
    ("slug with accents", "slug: ke-hoach-68-kh-ubnd", "slug: kế-hoạch-68", 5, "slug",
     "không đúng dạng"),
    ("reserved slug", "slug: ke-hoach-68-kh-ubnd", "slug: luu-tru", 5, "slug",
     "đã được trang Tin tức dùng"),
    ("unknown category", "  - Văn bản chỉ đạo", "  - Chỉ đạo", 7, "categories[1]",
     "không hợp lệ; chỉ được dùng"),
    ("bad date", "date: 2026-11-26", "date: 26/11/2026", 4, "date",
     "theo dạng NĂM-THÁNG-NGÀY"),
    ("unknown key", SLUG, SLUG + "author: ai đó\n", 6, "author",
     "không có trong mẫu dữ liệu"),
    ("quote in description", "description: Ngày 02", 'description: Ngày "02"', 3,
     "description", "không đúng dạng"),
    # A missing field has no line of its own: the front matter's first line is named.
    ("missing date", "date: 2026-11-26\n", "", 2, "date", "Thiếu trường bắt buộc"),
    ("broken YAML", SLUG, SLUG + "agency: [ubnd-tinh\n", 7, "", "Lỗi cách viết YAML"),
]


def _bad_docs(tmp_path: Path, find: str, replace: str) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    post = docs / POSTS_DIR / FIRST_POST.name
    text = post.read_text("utf-8")
    assert text.count(find) == 1, find
    post.write_text(text.replace(find, replace, 1), "utf-8")
    return docs


@pytest.mark.parametrize("bad", BAD_POSTS, ids=[b[0] for b in BAD_POSTS])
def test_bad_post_names_file_line_and_field(bad, tmp_path, plan):
    _, find, replace, line, field, says = bad
    docs = _bad_docs(tmp_path, find, replace)
    with pytest.raises(DataError) as caught:
        load_news(docs, plan)
    shown = "\n".join(str(p) for p in caught.value.problems)
    assert any(
        p.file == f"docs/{POSTS_DIR}/{FIRST_POST.name}" and p.line == line
        and p.field == field and says in p.message
        for p in caught.value.problems
    ), shown


def test_two_posts_cannot_share_an_address(tmp_path, plan):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    shutil.copy(FIRST_POST, docs / POSTS_DIR / "ban-sao.md")
    with pytest.raises(DataError) as caught:
        load_news(docs, plan)
    [problem] = caught.value.problems
    assert problem.file == f"docs/{POSTS_DIR}/ke-hoach-68-kh-ubnd.md" and problem.line == 5
    assert "đã được bài" in problem.message and "ban-sao.md" in problem.message


def test_post_without_front_matter_is_refused(tmp_path, plan):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / POSTS_DIR / "khong-thong-tin.md").write_text("# Bài\n\nNội dung.\n", "utf-8")
    with pytest.raises(DataError) as caught:
        load_news(docs, plan)
    assert str(caught.value.problems[0]).startswith(f"docs/{POSTS_DIR}/khong-thong-tin.md, dòng 1")


def test_bad_agency_in_a_post_stops_the_build(tmp_path):
    project = copy_project(tmp_path)
    post = project / "docs" / POSTS_DIR / FIRST_POST.name
    post.write_text(post.read_text("utf-8").replace(SLUG, SLUG + "agency: so-khong-co\n"),
                    "utf-8")
    dest = tmp_path / "site"
    result = build_site(dest, project=project)
    assert result.returncode != 0
    assert f"docs/{POSTS_DIR}/{FIRST_POST.name}, dòng 6 (trường «agency»)" in result.stderr
    assert "Không có cơ quan mã «so-khong-co»" in result.stderr
    assert not (dest / "index.html").exists()


# --- The built pages -----------------------------------------------------------------------


def test_post_page_names_agency_tasks_and_address(site, news, plan):
    for post, page in post_pages(site, news):
        about = soup(page).select_one("aside.news-post__about")
        assert about is not None, post.slug
        text = about.get_text(" ", strip=True)
        # An issuer only for a body's own document: the site's own posts name none.
        assert ("Cơ quan ban hành" in text) == (post.agency is not None)
        if post.agency:
            assert plan.agency(post.agency).name in text
        assert long_date(post.date) in text
        assert f"{NEWS_DIR}/{post.slug}/" in text
        links = [a["href"] for a in about.select("a")]
        for task_id in post.tasks:
            assert f"../../nhiem-vu/{task_id}/" in links
        for agency_id in post.agencies:
            assert plan.agency(agency_id).name in text


def links_of(page: Path) -> list[tuple[str, bool]]:
    """Each link of a page's article, and whether it reaches a built file (and its anchor)."""
    found = []
    for link in soup(page).select("article.md-content__inner a[href]"):
        href = link["href"]
        path, _, anchor = href.partition("#")
        target = (page.parent / path).resolve() if path else page
        if target.is_dir():
            target = target / "index.html"
        ok = not href.startswith(("http:", "https:", "//")) and target.is_file() and (
            not anchor or soup(target).find(id=anchor) is not None)
        found.append((href, ok))
    return found


def test_every_link_in_every_post_resolves(site, news):
    links = [(post.slug, href, ok) for post, page in post_pages(site, news)
             for href, ok in links_of(page)]
    assert len(links) >= 10
    assert [(slug, href) for slug, href, ok in links if not ok] == []


def test_every_link_of_the_press_page_resolves(site):
    links = links_of(site / "bao-chi" / "index.html")
    assert len(links) >= 10
    assert [href for href, ok in links if not ok] == []


def test_task_pages_list_exactly_their_posts(site, news, plan):
    for task in plan.tasks:
        page = soup(site / "nhiem-vu" / task.id / "index.html")
        listed = [a["href"] for a in page.select(".news-list a")]
        expected = [f"../../{news_post(p.slug)}" for p in news.posts_for_task(task.id)]
        assert listed == expected, task.id
        assert (page.find(id="tin-tuc") is not None) == bool(expected), task.id


def test_news_index_lists_posts_with_administrative_dates(site, news):
    page = soup(site / NEWS_DIR / "index.html")
    for post in news.posts:
        assert page.select_one(f'a[href="{post.slug}/"]') is not None, post.slug
    dates = [t.get_text(strip=True) for t in page.select(".md-post__meta time")]
    assert dates[: len(news.posts)] == [long_date(p.date) for p in news.posts]


# --- The first post says only what the source says ------------------------------------------

_LONG_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
_REFERENCE = re.compile(r"\b\w*\d[\w.-]*/[\w/.-]*\w")


def _dates(text: str) -> set[tuple[int, ...]]:
    found = {tuple(int(x) for x in m.groups()) for m in _LONG_DATE.finditer(text)}
    for m in re.finditer(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text):
        found.add(tuple(int(x) for x in m.groups()))
    return found


def test_first_post_cites_only_numbers_and_dates_of_the_source(site, news, plan):
    post = news.post_at(f"{POSTS_DIR}/{FIRST_POST.name}")
    page = soup(site / news_post(post.slug) / "index.html").select_one("article.md-content__inner")
    for aside in page.select("aside"):
        aside.decompose()  # the post's own date and address, not claims about the plan
    text = page.get_text(" ", strip=True)
    source = SOURCE.read_text("utf-8")
    references = set(_REFERENCE.findall(text))
    assert {"68/KH-UBND", "18-NQ/TW", "20/5", "15/11"} <= references
    for reference in references:
        if not re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", reference):  # full dates: compared below
            assert reference in source, reference
    assert _dates(text) and _dates(text) <= _dates(source)
    figures = plan.figures
    for claim in (f"{figures.tasks} nhiệm vụ", f"{figures.appendix_rows} nội dung trọng tâm",
                  f"{figures.implements} văn bản"):
        assert claim in text, claim
    assert post.date.isoformat() not in text  # dated by publication, which the text never claims


def test_validate_command_checks_the_posts(tmp_path):
    docs = _bad_docs(tmp_path, "  - iii-2-2\n", "  - iii-2-9\n")
    result = subprocess.run([sys.executable, "-m", "macros.cli.validate", "--docs", str(docs)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert f"docs/{POSTS_DIR}/{FIRST_POST.name}, dòng 10 (trường «tasks[2]»)" in result.stderr
