"""Read a task's facts back from every exit of a built site: the pages' text, the calendar files,
the state feed, the open data (CSV and JSON).

Each reader returns {task id: {fact: value}} with only the facts that exit shows. The facts:

- `deadline`: the deadline that applies (ISO day), or None where the exit says there is none;
- `state`: the state's code (`DisplayState.slug`);
- `repetition`: the open data's code for how the task repeats, read from the exit's own words;
- `roles`: the body's roles as "term: the plan's words", joined by " | ";
- `lead_term`: the term (casefolded) a page claims for the body's lead;
- `next_report`: the next reporting date a page gives for the task;
- `ended`: the day the bodies named for the task ended (ISO), where a page says a body ended:
  the state of a task in an ended body's list, the note beside a body's name on a task page.

The readers read text as a reader sees it: words and dates, never an attribute written for tests.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import feedparser
from bs4 import BeautifulSoup
from icalendar import Calendar

from macros import routes
from macros.model.facts import BodyEnded
from macros.model.status import DisplayState

LABEL_TO_SLUG = {state.label: state.slug for state in DisplayState}
ENDED_SLUG = BodyEnded.slug
SLUGS = {state.slug for state in DisplayState}

_DMY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_LONG = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")


def _iso(match: re.Match | None) -> str | None:
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    return date(year, month, day).isoformat()


def first_date(text: str) -> str | None:
    """The first date written "dd/mm/yyyy" or "ngày d tháng m năm yyyy" in a text."""
    found = [m for m in (_DMY.search(text), _LONG.search(text)) if m]
    return _iso(min(found, key=lambda m: m.start())) if found else None


def repetition_of_words(text: str) -> str:
    """The open data's code for the repetition a text says, from its words."""
    words = " ".join(text.casefold().split())
    if "định kỳ" in words:
        return "dinh-ky"
    if "thường xuyên" in words:
        return "thuong-xuyen"
    if "hằng năm" in words:
        return "hang-nam"
    if "theo kế hoạch riêng" in words:
        return "theo-ke-hoach-rieng"
    if "không ghi hạn hoàn thành" in words:
        return "tu-thoi-diem-bat-dau"
    if "không ghi thời hạn" in words or words in ("không ghi", ""):
        return "khong-ghi"
    if "hạn" in words:
        return "mot-lan"
    raise AssertionError(f"no repetition in words: {text!r}")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _task_of_href(href: str) -> str | None:
    match = re.search(r"nhiem-vu/([a-z0-9-]+)/", href)
    return match[1] if match else None


def _slug_of(tag) -> str | None:
    for cls in tag.get("class", []):
        if cls.startswith("state--") and cls[7:] in SLUGS:
            return cls[7:]
    return None


def _add(out: dict, task_id: str, fact: str, value, exit_name: str) -> None:
    """Record a fact; an exit that shows one task's fact twice must say the same both times."""
    facts = out.setdefault(task_id, {})
    if fact in facts and facts[fact] != value:
        facts[fact] = ("DIFFERS WITHIN " + exit_name, facts[fact], value)
    else:
        facts.setdefault(fact, value)


def _roles(pairs: Iterable[tuple[str, str]]) -> str:
    return " | ".join(f"{term}: {words}" for term, words in pairs)


# --- open data -----------------------------------------------------------------------------------


def from_json(site: Path) -> dict[str, dict]:
    document = json.loads((site / routes.TASKS_JSON).read_text("utf-8"))
    out = {}
    for record in document["nhiem_vu"]:
        out[record["ma"]] = {
            "deadline": record["han_dieu_chinh"] or record["han_hoan_thanh"],
            "state": record["ma_trang_thai"],
            "repetition": record["lap_lai"] or "khong-ghi",
            "roles": _roles((r["nhan"], r["loi_van"]) for r in record["trach_nhiem"]),
            **_json_terms(record["trach_nhiem"]),
        }
    return out


def from_csv(site: Path) -> dict[str, dict]:
    text = (site / routes.TASKS_CSV).read_text("utf-8-sig")
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        out[row["Mã nhiệm vụ"]] = {
            "deadline": row["Hạn điều chỉnh"] or row["Hạn hoàn thành"] or None,
            "state": row["Mã trạng thái"],
            "repetition": row["Lặp lại"] or "khong-ghi",
            "roles": row["Trách nhiệm theo lời văn"].replace("\n", " | "),
        }
    return out


# --- pages ---------------------------------------------------------------------------------------


def from_task_pages(site: Path, task_ids: Iterable[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for task_id in task_ids:
        page = _soup(site / routes.task(task_id) / "index.html")
        name = "task page"
        state = page.select_one(".task-page__state .state")
        _add(out, task_id, "state", _slug_of(state), name)
        # The deadline: a revised one where the page shows it, else the computed one.
        rows = page.select("table.deadlines tbody tr")
        revised = [r for r in rows if r.th and "điều chỉnh" in r.th.get_text().casefold()]
        if revised:
            deadline = first_date(revised[-1].get_text(" "))
        else:
            sentence = page.find(string=re.compile("do trang web tính"))
            deadline = first_date(sentence) if sentence else None
        _add(out, task_id, "deadline", deadline, name)
        # How it repeats: the meaning of the first source of its dates.
        first = rows[0].find_all("td")[-1].get_text(" ") if rows else ""
        _add(out, task_id, "repetition", repetition_of_words(first), name)
        # The next reporting date, wherever the page gives one.
        for dt in page.find_all("dt", string=re.compile("Kỳ báo cáo tiếp theo")):
            _add(out, task_id, "next_report", first_date(dt.find_next_sibling("dd").get_text(" ")),
                 name)
        for row in rows:
            meaning = row.find_all("td")[-1].get_text(" ")
            if "tiếp theo" in meaning:
                _add(out, task_id, "next_report", first_date(meaning.split("tiếp theo", 1)[1]),
                     name + " (thời hạn)")
        roles = []
        heading = page.find(id="trach-nhiem")
        box = heading.find_next_sibling() if heading else None
        if box is not None and box.name == "dl":
            for dt in box.find_all("dt", recursive=False):
                dd = dt.find_next_sibling("dd")
                words = next(iter(dd.strings), "").strip()
                roles.append((dt.get_text(strip=True), words))
        _add(out, task_id, "roles", _roles(roles), name)
        for note in page.select(".roles .ended-note"):
            _add(out, task_id, "ended", first_date(note.get_text(" ")), name + " (cơ quan)")
    return out


# What every exit's lead label comes to when the text writes no word for the role: the labels
# say so in their own ways («Được nêu tên ở tiêu đề mục II.3.2», «nêu tên không kèm thuật ngữ»).
NO_TERM = "(không kèm thuật ngữ)"


def _term(label: str) -> str:
    """The term a label claims for a lead, casefolded, without where it stands: «Chủ trì (theo
    tiêu đề mục II.3.1)» is «chủ trì»; a label saying the text names the body with no term is
    NO_TERM."""
    label = label.strip().rstrip(":").strip().casefold()
    if "nêu tên" in label:
        return NO_TERM
    return label.split(" (", 1)[0].strip()


def _json_terms(roles: list[dict]) -> dict:
    """The lead's term as the JSON records it (null: the text writes none)."""
    lead = next((r for r in roles if r["loai"] == "chu-tri"), None)
    if lead is None:
        return {}
    return {"lead_term": lead["thuat_ngu"].casefold() if lead["thuat_ngu"] else NO_TERM}


def _cards(page: BeautifulSoup, out: dict, name: str) -> None:
    """Task cards (agency pages): the state tag, the term the card gives the lead (its first
    entry, unless it says the text names none), and a deadline where the card shows a date."""
    for card in page.select(".task-list__card"):
        task_id = _task_of_href(card.select_one("a.task-card__name")["href"])
        tag = card.select_one(".task-card__state .state")
        if f"state--{ENDED_SLUG}" in tag.get("class", []):
            # The list of a body that ended: the task's state for that body, and its end day.
            _add(out, task_id, "ended", first_date(tag.parent.get_text(" ")), name)
        else:
            _add(out, task_id, "state", _slug_of(tag), name)
        who = card.select_one("dl.task-card > div")
        if "không nêu" not in who.dd.get_text():
            _add(out, task_id, "lead_term", _term(who.dt.get_text()), name)
        when = card.select_one(".task-card__when dd").get_text(" ")
        if first_date(when):
            _add(out, task_id, "deadline", first_date(when), name)


def from_agency_pages(site: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in sorted((site / routes.AGENCY_INDEX).glob("*/index.html")):
        page = _soup(path)
        name = f"agency page {path.parent.name}"
        _cards(page, out, name)
        # «Hạn sắp tới»: a task's deadline in the coming dates.
        for item in page.select("ol.due-list li"):
            link = item.find("a", href=re.compile("nhiem-vu/"))
            if link is not None and "hạn hoàn thành" in item.get_text().casefold():
                _add(out, _task_of_href(link["href"]), "deadline",
                     item.time["datetime"], name + " (hạn sắp tới)")
    return out


def from_progress(site: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in [site / routes.PROGRESS / "index.html",
                 *sorted((site / routes.PROGRESS).glob("trang-*/index.html"))]:
        for row in _soup(path).select("table.tasks tbody tr"):
            task_id = _task_of_href(row.th.a["href"])
            _add(out, task_id, "state", _slug_of(row.select_one(".tasks__state .state")),
                 "progress")
            lead = row.select_one(".tasks__lead")
            if lead is not None and "không nêu" not in lead.get_text():
                term = lead.select_one(".tasks__term")
                _add(out, task_id, "lead_term", _term(term.get_text()) if term else
                     _term(row.find_parent("table").select("thead th")[2].get_text()), "progress")
            when = row.select_one(".tasks__when").get_text(" ")
            if first_date(when):
                _add(out, task_id, "deadline", first_date(when), "progress")
    return out


def from_timeline(site: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    page = _soup(site / routes.TIMELINE / "index.html")
    for item in page.select("ol.timeline-list li[data-task]"):
        when = item.select_one(".timeline-list__when").get_text(" ")
        task_id = item["data-task"]
        _add(out, task_id, "repetition", repetition_of_words(when), "timeline")
        if repetition_of_words(when) == "mot-lan":
            _add(out, task_id, "deadline", first_date(when), "timeline")
    # The chart by agency: the term the section and its groups claim for each task's lead.
    section = page.find(id="theo-co-quan")
    if section is not None and section.find_parent("section") is not None:
        box = section.find_parent("section")
        claimed = section.get_text().casefold()
        for group in box.select(".timeline__group"):
            term = group.get_text().casefold()
            term = term.rsplit("(", 1)[1].rstrip(")").strip() if term.endswith(")") else (
                "chủ trì" if "chủ trì" in claimed else None)
            term = NO_TERM if term and "nêu tên" in term else term
            rows = group.find_next_sibling("ol")
            for bar in rows.select(".timeline__bar"):
                if term:
                    _add(out, bar["data-task"], "lead_term", term, "timeline by agency")
    return out


# --- files ---------------------------------------------------------------------------------------


def from_calendars(site: Path, duties_of_task: dict[str, str]) -> dict[str, dict]:
    """Deadline events (UID han-<task>) of every .ics file, and the reporting duties' events for
    the tasks whose words are a duty."""
    out: dict[str, dict] = {}
    files = [site / routes.PLAN_CALENDAR, *sorted((site / "lich" / "co-quan").glob("*.ics"))]
    task_of_duty = {duty: task for task, duty in duties_of_task.items()}
    for path in files:
        name = f"calendar {path.name}"
        calendar = Calendar.from_ical(path.read_bytes())
        for event in calendar.walk("VEVENT"):
            uid = str(event["UID"]).split("@")[0]
            if uid.startswith("han-"):
                task_id = uid[4:]
                _add(out, task_id, "deadline", event.decoded("DTSTART").isoformat(), name)
                _add(out, task_id, "repetition", "mot-lan", name)
                text = str(event["DESCRIPTION"]).split("\n")
                roles = []
                for line in text[2:]:
                    if line.startswith(("Thời gian", "Hạn", "Theo Phụ lục", "  ", "Lặp lại")):
                        break
                    term, _, words = line.partition(": ")
                    roles.append((term, words))
                _add(out, task_id, "roles", _roles(roles), name)
            else:
                duty = next((d for d in task_of_duty if uid.startswith(d + "-")), None)
                if duty and "RRULE" in event:
                    _add(out, task_of_duty[duty], "repetition", "dinh-ky", name)
    return out


def from_state_feed(site: Path) -> dict[str, dict]:
    """The latest item of each task gives its state; an item on a deadline passing, the date."""
    path = site / routes.STATE_FEED
    if not path.exists():
        return {}
    out: dict[str, dict] = {}
    latest: dict[str, tuple] = {}
    for entry in feedparser.parse(path.read_bytes()).entries:
        task_id = _task_of_href(entry.link)
        new = entry.title.rsplit(": ", 1)[1].split(" → ")[-1].strip()
        day = entry.guid.split("/")[1]
        if task_id not in latest or latest[task_id][0] < day:
            latest[task_id] = (day, LABEL_TO_SLUG.get(new, new))
        text = entry.summary
        if "qua hạn" in text or "quá hạn" in text:
            match = re.search(r"hạn hoàn thành(?: ngày)? (\d{1,2}/\d{1,2}/\d{4})", text)
            if match:
                _add(out, task_id, "deadline", first_date(match[1]), "state feed")
    for task_id, (_, slug) in latest.items():
        _add(out, task_id, "state", slug, "state feed")
    return out
