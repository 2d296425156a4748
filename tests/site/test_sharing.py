"""Link previews: every page has a title, a description, a canonical address and Open Graph tags."""
from __future__ import annotations

import struct
from pathlib import Path

from macros import routes
from macros.model.dates import short_date
from macros.routes import NEWS_FEED, STATE_FEED
from tests.conftest import DATA, TEST_SITE_URL, build_site, copy_data, soup
from tests.support.plans import load

OG_IMAGE = "assets/og-image.png"


def content_pages(site: Path) -> list[Path]:
    """Every HTML page of the site except the 404 page and redirect stubs of moved pages."""
    pages = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html" or 'http-equiv="refresh"' in page.read_text("utf-8"):
            continue
        pages.append(page)
    return pages


def address(site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    return TEST_SITE_URL + relative.removesuffix("index.html")


def meta(page, prop: str) -> str | None:
    tag = page.find("meta", attrs={"property": prop}) or page.find("meta", attrs={"name": prop})
    return tag["content"] if tag else None


def own_image(site: Path, page: Path) -> str | None:
    """The share image a task or agency page should point to; None for other pages."""
    parts = page.relative_to(site).parts
    if len(parts) == 3 and parts[0] == "nhiem-vu":
        return routes.share_image_of_task(parts[1])
    if len(parts) == 3 and parts[0] == "co-quan":
        return routes.share_image_of_agency(parts[1])
    return None


def test_every_page_has_title_description_canonical_and_open_graph(site):
    pages = content_pages(site)
    assert len(pages) >= 55
    for path in pages:
        page = soup(path)
        where = address(site, path)
        canonical = page.find("link", rel="canonical")
        assert canonical is not None and canonical["href"] == where, path
        assert page.title.get_text(strip=True), path
        for prop in ("description", "og:title", "og:description", "og:site_name"):
            assert (meta(page, prop) or "").strip(), (path, prop)
        assert meta(page, "og:url") == where, path
        image = own_image(site, path) or OG_IMAGE
        assert meta(page, "og:image") == TEST_SITE_URL + image, path
        assert (site / image).is_file(), path
        assert meta(page, "og:image:alt"), path
        assert meta(page, "og:locale") == "vi_VN"
        assert meta(page, "og:type") in {"website", "article"}


def test_the_preview_image_is_a_1200_by_630_png(site):
    data = (site / OG_IMAGE).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    assert (width, height) == (1200, 630)


def test_task_pages_describe_their_task(site):
    """og:title is the task's name; the description says who leads it, by when, and its state;
    og:image is the task's own image."""
    plan = load(DATA)
    for task in plan.tasks:
        page = soup(site / "nhiem-vu" / task.id / "index.html")
        assert meta(page, "og:title") == task.name, task.id
        assert page.title.get_text().startswith(task.name), task.id
        description = meta(page, "description")
        assert meta(page, "og:description") == description
        lead = task.role("lead")
        if lead:  # the body's own term and words
            assert f"{lead.label}: {lead.text}" in description, task.id
        assert description.endswith(f"Trạng thái: {plan.status(task).state.label}."), task.id
        if task.timeframe:  # the plan's words, and the computed date said to be the site's
            assert f"«{task.timeframe.text.strip()}»" in description, task.id
        if task.due_date:
            assert f"(trang web tính hạn: {short_date(task.due_date)})" in description, task.id
        assert meta(page, "og:image") == TEST_SITE_URL + f"assets/chia-se/nhiem-vu/{task.id}.png"
        assert meta(page, "og:image:alt").startswith(task.name)
    # One checked by hand against data/plan.yaml.
    page = soup(site / "nhiem-vu" / "ii-3-1-2" / "index.html")
    assert meta(page, "og:title") == (
        "Hướng dẫn rà soát, xây dựng Đề án sáp nhập các thôn, tổ dân phố — II.3.1, ý 2")
    assert meta(page, "og:description").startswith(
        "Nhiệm vụ II.3.1, ý 2. Được nêu tên ở tiêu đề mục II.3.1: Sở Nội vụ. Thời hạn: «hoàn thành trong năm 2018» "
        "(trang web tính hạn: 31/12/2018). Trạng thái: ")


def test_home_preview_names_the_plan_and_province(site):
    page = soup(site / "index.html")
    assert meta(page, "og:title") == (
        "Kế hoạch số 68/KH-UBND của Ủy ban nhân dân tỉnh Tuyên Quang – theo dõi thực hiện")
    assert meta(page, "og:description") == (
        "Toàn văn và tiến độ thực hiện Kế hoạch số 68/KH-UBND ngày 02 tháng 7 năm 2018 của Ủy ban "
        "nhân dân tỉnh Tuyên Quang về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính "
        "trị tinh gọn, hoạt động hiệu lực, hiệu quả.")
    assert meta(page, "og:image") == TEST_SITE_URL + OG_IMAGE


def test_agency_pages_give_their_name_and_counts(site):
    plan = load(DATA)
    for agency in plan.graph.agencies:
        page = soup(site / "co-quan" / agency.id / "index.html")
        assert meta(page, "og:title") == agency.name
        lead, partners = (len(plan.assigned.tasks_for(agency.id, role)) for role in ("lead", "partners"))
        description = meta(page, "og:description")
        if lead:
            assert description.startswith(f"{agency.name}: "), agency.id
            assert f"ược giao {lead} nhiệm vụ" in description, agency.id
        if partners:
            assert f"hối hợp {partners} nhiệm vụ" in description, agency.id
    page = soup(site / "co-quan" / "so-tai-chinh" / "index.html")
    assert meta(page, "og:description").startswith(
        "Sở Tài chính: được giao 4 nhiệm vụ trong Kế hoạch số 68/KH-UBND")


def test_posts_are_articles_with_their_own_description(site):
    page = soup(site / "tin-tuc" / "ke-hoach-68-kh-ubnd" / "index.html")
    assert meta(page, "og:type") == "article"
    assert meta(page, "article:published_time") == "2026-11-26"
    assert meta(page, "og:description").startswith("Ngày 02 tháng 7 năm 2018")


def test_text_from_data_is_escaped_in_the_tags(tmp_path):
    data = copy_data(tmp_path)
    plan_file = data / "plan.yaml"
    text = plan_file.read_text("utf-8")
    original = "text: Xây dựng kế hoạch thực hiện có hiệu quả"  # task ii-2-1-1
    assert text.count(original) == 1
    plan_file.write_text(text.replace(original, 'text: Xây "dựng" <b>kế</b> & hoạch'), "utf-8")
    dest = tmp_path / "site"
    result = build_site(dest, data_dir=data, SITE_URL=TEST_SITE_URL)
    assert result.returncode == 0, result.stderr
    page = soup(dest / "nhiem-vu" / "ii-2-1-1" / "index.html")
    assert meta(page, "og:title").startswith('Xây "dựng" <b>kế</b> & hoạch')
    assert meta(page, "og:image:alt").startswith('Xây "dựng" <b>kế</b> & hoạch')
    assert page.title.get_text().startswith('Xây "dựng" <b>kế</b> & hoạch')
    assert meta(page, "og:description") == meta(page, "description")
    assert page.head.find("b") is None


def test_local_build_without_site_url_omits_absolute_addresses(edited_site):
    dest = edited_site  # built without SITE_URL
    assert not (dest / NEWS_FEED).exists() and not (dest / STATE_FEED).exists()
    for path in content_pages(dest):
        page = soup(path)
        assert page.find("link", rel="canonical") is None, path
        assert meta(page, "og:url") is None and meta(page, "og:image") is None, path
        assert meta(page, "og:title"), path
    press = soup(dest / "bao-chi" / "index.html").get_text(" ")
    assert "chưa có nguồn tin RSS" in press
