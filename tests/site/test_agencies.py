"""Agency pages: one per agency and group of the registry, generated from the data, reachable
from the index, listing the tasks the plan gives each role."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from macros.model.roles import APPENDIX_KINDS as ROLES
from tests.conftest import DATA, build_site, copy_data, soup
from tests.support.plans import load

PLAN = load(DATA)

FIXTURE_AGENCY = """
  - id: ban-thu-nghiem
    name: Ban Thử Nghiệm
    kind: khac
    level: tinh
    spellings:
      - Ban Thử Nghiệm
"""

FIXTURE_TASK = """\
          - task: ii-1-thu-nghiem
            bullet: true
            text: Ban Thử Nghiệm chủ trì, phối hợp với Sở Tài chính kiểm tra trang cơ quan (hoàn thành trong tháng 3/2019).
            lead:
              text: Ban Thử Nghiệm
              agencies:
                - ban-thu-nghiem
            partners:
              text: Sở Tài chính
              agencies:
                - so-tai-chinh
            timeframe:
              text: hoàn thành trong tháng 3/2019
"""


def page_of(site: Path, agency_id: str):
    return soup(site / "co-quan" / agency_id / "index.html")


def listed_tasks(page, section_id: str) -> list[str]:
    """Task ids linked in the list that follows a heading."""
    heading = page.find(id=section_id)
    assert heading is not None, section_id
    items = heading.find_next_sibling("ul", class_="task-list")
    return [re.search(r"nhiem-vu/([a-z0-9-]+)/", a["href"]).group(1)
            for a in items.select("li > a")]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("agency-fixture")
    data = copy_data(tmp)
    agencies = data / "agencies.yaml"
    agencies.write_text(agencies.read_text("utf-8") + FIXTURE_AGENCY, "utf-8")
    plan = data / "plan.yaml"
    text = plan.read_text("utf-8")
    anchor = "          - task: ii-1-2\n"
    assert text.count(anchor) == 1
    plan.write_text(text.replace(anchor, FIXTURE_TASK + anchor), "utf-8")
    result = build_site(tmp / "site", data_dir=data, PLAN_AS_OF="2019-03-01")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_a_new_agency_in_the_data_gets_its_page_with_its_tasks(fixture_site):
    page = page_of(fixture_site, "ban-thu-nghiem")
    assert page.select_one(".agency-page h1").get_text(strip=True) == "Ban Thử Nghiệm"
    assert listed_tasks(page, "lead") == ["ii-1-thu-nghiem"]
    assert page.find(id="partners") is None
    assert [li.get_text(" ", strip=True) for li in page.select(".due-list li")] == [
        ("ngày 31 tháng 3 năm 2019 : hạn hoàn thành nhiệm vụ II.1, ý 2 (Hạn theo Kế hoạch, theo lời "
        "văn «hoàn thành trong tháng 3/2019»)")]
    # The partner's page lists the new task too, and the index links the new page.
    assert "ii-1-thu-nghiem" in listed_tasks(page_of(fixture_site, "so-tai-chinh"), "partners")
    index = soup(fixture_site / "co-quan" / "index.html")
    assert index.select_one('.agency-index a[href="../co-quan/ban-thu-nghiem/"]') is not None
    # Its calendar feed carries the task's due date.
    feed = (fixture_site / "lich" / "co-quan" / "ban-thu-nghiem.ics").read_text("utf-8")
    assert "DTSTART;VALUE=DATE:20190331" in feed and "UID:han-ii-1-thu-nghiem@" in feed


def test_every_agency_has_a_page_reachable_from_the_index(site):
    index_path = site / "co-quan" / "index.html"
    index = soup(index_path)
    linked = set()
    for link in index.select(".agency-index a[href]"):
        target = urljoin("https://x/co-quan/", link["href"])
        match = re.fullmatch(r"https://x/co-quan/([a-z0-9-]+)/", target)
        if match:
            linked.add(match.group(1))
            assert (site / "co-quan" / match.group(1) / "index.html").exists()
    assert linked == {a.id for a in PLAN.graph.agencies}
    assert len(linked) == 40


def test_every_page_with_task_states_says_how_current_it_is(site):
    """Agency and task pages show states and coming dates: each says, as the home and progress
    pages do, the latest report, the day states count from and when it was built."""
    pages = [page_of(site, a.id) for a in PLAN.graph.agencies]
    pages += [soup(site / "nhiem-vu" / t.id / "index.html") for t in PLAN.tasks]
    for page in pages:
        notice = page.select_one("article .as-of")
        assert notice is not None, page.title.get_text()
        assert "Trạng thái tính đến ngày" in notice.get_text()
        assert "Trang được dựng lúc" in notice.get_text()


def test_index_groups_by_level_then_kind(site):
    index = soup(site / "co-quan" / "index.html")
    levels = [h.get_text(strip=True) for h in index.select(".agency-index h2")]
    assert levels == ["Trung ương", "Cấp tỉnh", "Cấp huyện", "Nhiều cấp"]
    district = index.find(id="huyen-hanh-chinh").find_next_sibling("ul")
    assert "Ủy ban nhân dân huyện Chiêm Hóa" in district.get_text()


@pytest.mark.parametrize("agency", PLAN.graph.agencies, ids=lambda a: a.id)
def test_each_page_lists_exactly_the_tasks_of_each_role(site, agency):
    page = page_of(site, agency.id)
    for role in ROLES:
        expected = [t.id for t in PLAN.assigned.tasks_for(agency.id, role)]
        if expected:
            assert listed_tasks(page, role) == expected
        else:
            assert page.find(id=role) is None


def test_a_district_page_shows_what_it_owes_as_a_member(site):
    page = page_of(site, "ubnd-huyen-lam-binh")
    assert page.find(id="lead") is None  # the plan names no task for this district itself
    group = [t.id for t in PLAN.assigned.tasks_for("ubnd-huyen-thanh-pho", "lead")]
    assert listed_tasks(page, "nhom-ubnd-huyen-thanh-pho-lead") == group
    # Through "UBND huyện, thành phố" it is one of "Các cơ quan, đơn vị", which report to Sở Nội vụ.
    through = page.find(id="nhom-cac-co-quan-don-vi").find_next_sibling("p")
    assert "qua" in through.get_text() and through.select_one('a[href$="ubnd-huyen-thanh-pho/"]')
    duties = page.select_one(".duties").get_text(" ", strip=True)
    assert "trước ngày 13 và ngày 27 hằng tháng" in duties


def test_groups_list_their_members_or_say_the_plan_names_none(site):
    members = page_of(site, "ubnd-huyen-thanh-pho").select(".members a")
    assert [a["href"] for a in members] == [f"../../co-quan/{m}/" for m in PLAN.agency("ubnd-huyen-thanh-pho").members]
    unnamed = page_of(site, "cac-to-chuc-hoi-quan-chung")
    assert unnamed.select_one(".members") is None
    text = unnamed.select_one(".agency-page").get_text(" ", strip=True)
    assert "Kế hoạch không nêu tên từng thành viên" in text
    assert "Kế hoạch không nêu tên từng hội." in text


def test_agency_pages_stay_out_of_the_navigation(site):
    nav = soup(site / "index.html").select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a[href]")]
    assert any(h.endswith("co-quan/") for h in hrefs)
    assert not any(re.search(r"co-quan/[a-z0-9-]+/$", h) for h in hrefs)


def test_task_pages_link_the_agencies_they_name(site):
    page = soup(site / "nhiem-vu" / "ii-1-2" / "index.html")
    links = {a["href"] for a in page.select(".roles a")}
    assert "../../co-quan/so-thong-tin-va-truyen-thong/" in links
    assert "../../co-quan/cac-co-quan-bao-chi/" in links


def test_each_task_card_names_lead_deadline_and_state(site):
    """An agency page lists each task as a card: its name, lead agencies, deadline and state,
    with how long it is overdue (tests/site/test_progress_browser.py shows them on a phone)."""
    from macros.views.common import TaskLine

    cards = page_of(site, "so-noi-vu").select("ul.task-list--cards > li")
    assert cards
    for card in cards:
        task_id = re.search(r"nhiem-vu/([a-z0-9-]+)/", card.a["href"]).group(1)
        line = TaskLine.of(PLAN, PLAN.task(task_id))
        assert card.a.get_text() == line.name == PLAN.task(task_id).name
        facts = {dt.get_text(): " ".join(dt.find_next_sibling("dd").get_text().split())
                 for dt in card.select("dl.task-card dt")}
        # The lead under its task's own term (none when the text names no body).
        who = line.lead_term or "Cơ quan"
        assert list(facts) == [who, "Hạn", "Trạng thái"]
        assert facts[who] == ("; ".join(link.text for link in line.leads) or "Lời văn không nêu")
        assert facts["Hạn"].startswith(line.when)
        assert facts["Trạng thái"] == " ".join(filter(None, [line.state.label, line.state_note]))
    overdue = next(c for c in cards if "ii-3-1-6/" in c.a["href"])
    assert re.search(r"Quá hạn, chưa có báo cáo hoàn thành quá hạn \d+ năm", " ".join(overdue.get_text().split()))
