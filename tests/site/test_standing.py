"""The plan's standing: with nothing recorded the site says so and the calendar labels its dates
as the text's schedule; a record with its source is shown instead."""
from __future__ import annotations

from tests.conftest import soup


def test_nothing_recorded_is_said_plainly(site):
    home = " ".join(soup(site / "index.html").select_one(".standing").get_text().split())
    assert home.startswith("Trang web chưa ghi nhận thông tin nào về hiệu lực hiện nay")
    calendar = soup(site / "lich-bao-cao" / "index.html").get_text(" ")
    assert "Đây là lịch báo cáo theo lời văn Kế hoạch, không phải nghĩa vụ hiện hành" in calendar


def test_a_record_is_shown_with_its_source(edited_site):
    # Recorded in data/plan.yaml (EDITS["standing"] in tests/conftest.py).
    home = " ".join(soup(edited_site / "index.html").select_one(".standing").get_text().split())
    assert home == ("Hiệu lực của Kế hoạch: Hết hiệu lực từ ngày 01 tháng 01 năm 2026, theo Văn "
                    "bản thử nghiệm số 1/TN.")
    calendar = soup(edited_site / "lich-bao-cao" / "index.html").get_text(" ")
    assert "không phải nghĩa vụ hiện hành" not in calendar and "Hết hiệu lực" in calendar
