"""Who runs the site and how to reach them: from data/site.yaml, in the footer of every page and
on the open data page; nothing at all while the data is empty (never a placeholder)."""
from __future__ import annotations

from tests.conftest import soup


def test_nothing_is_shown_while_nothing_is_set(site):
    for page in ("index.html", "du-lieu/index.html", "tien-do/index.html"):
        html = soup(site / page)
        assert html.select_one(".site-operator") is None and html.find(id="lien-he") is None


def test_the_operator_and_contact_show_when_set(edited_site):
    # Set in data/site.yaml (EDITS["operator"], EDITS["contact"] in tests/conftest.py).
    footer = " ".join(soup(edited_site / "tien-do" / "index.html")
                      .select_one(".site-operator").get_text().split())
    assert footer == "Trang web do Sở Nội vụ quản lý. Thư điện tử: thu-nghiem@example.org."
    contact = soup(edited_site / "du-lieu" / "index.html").find(id="lien-he")
    assert "Sở Nội vụ" in contact.find_next("p").get_text()
