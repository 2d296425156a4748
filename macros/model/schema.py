"""The schema of data/agencies.yaml and data/plan.yaml, as frozen pydantic models.

Models reject unknown keys. Cross-references are checked while validating, through the validation
context (`ValidationState`), so every error carries the exact location of the bad value and the
loader can turn it into file, line and field. Error texts are Vietnamese: staff read them.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import timeframe as tf
from .dates import short_date
from .roles import APPENDIX_KINDS, Role

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# Ids of the data files: the same form, told apart by what they name.
AgencyId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
TaskId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
ReferenceId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]  # nq-18-tw
DutyId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]  # a reporting duty
Text = Annotated[str, StringConstraints(min_length=1)]

# Names become page titles, which the theme prints without escaping in places: keep them to
# letters, digits, spaces and plain punctuation.
NAME_PATTERN = r"^[\w ,.;:()/'’“”\-–&]+$"
Name = Annotated[str, StringConstraints(pattern=NAME_PATTERN, min_length=2, max_length=200)]
NUMBERING = re.compile(r"[0-9]+(\.[0-9]+)*")


def problem(message: str, **values: Any) -> PydanticCustomError:
    """A validation error whose message is already the Vietnamese text staff will read."""
    return PydanticCustomError("du_lieu", message, values)


def _known_agency(value: str, info: ValidationInfo) -> str:
    if value not in state_of(info).agency_ids:
        raise problem(
            "Không có cơ quan mã «{id}» trong danh mục data/agencies.yaml. Cách sửa: kiểm tra "
            "chính tả mã, hoặc thêm cơ quan này vào danh mục trước.",
            id=value,
        )
    return value


def _numbering(value: str) -> str:
    # Item numbers become task page titles ("Nhiệm vụ II.2.1.1"); titles are written into page
    # sources and printed by the theme unescaped in places: digits and dots only.
    if not NUMBERING.fullmatch(value):
        raise problem(
            "Số mục «{value}» chỉ được gồm chữ số và dấu chấm, ví dụ «2.1.1». Cách sửa: ghi "
            "đúng số mục như trong văn bản.",
            value=value,
        )
    return value


def _known_task(value: str, info: ValidationInfo) -> str:
    if value not in state_of(info).task_texts:
        raise _unknown_task(value)
    return value


def _distinct(values: list, within: tuple = ()) -> list:
    """No value twice. The error points at the repeat, not at the list: `at` is its place under
    the list (its index, then `within`, the repeated field of an item), which the loader turns
    into the repeat's own line (macros.load.errors)."""
    seen: set = set()
    for index, value in enumerate(values):
        if value in seen:
            raise problem(
                "«{value}» được ghi hai lần trong cùng một danh sách. Cách sửa: xóa dòng trùng.",
                value=value, at=(index, *within),
            )
        seen.add(value)
    return values


# A reference to an agency of data/agencies.yaml, or to a task of data/plan.yaml, checked where it
# stands, so the error points at the very line.
KnownAgency = Annotated[AgencyId, AfterValidator(_known_agency)]
KnownTask = Annotated[TaskId, AfterValidator(_known_task)]
Numbering = Annotated[str, AfterValidator(_numbering)]
# A list of references in which no id appears twice.
AgencyList = Annotated[list[KnownAgency], AfterValidator(_distinct)]
TaskList = Annotated[list[KnownTask], AfterValidator(_distinct)]


@dataclass
class ValidationState:
    """What cross-reference checks need while a file is validated; filled in document order."""

    agency_ids: frozenset[str] = frozenset()
    agency_spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # casefolded
    seen_agencies: set[str] = field(default_factory=set)
    seen_tasks: set[str] = field(default_factory=set)
    task_texts: dict[str, str] = field(default_factory=dict)
    appendix_rows: int = 0
    as_of: date | None = None  # status reports may not be dated after it
    # Tasks whose words give no deadline: a report may not revise one (macros.load.reports).
    undated_tasks: frozenset[str] = frozenset()
    # A body's successors as recorded so far (data/agencies.yaml, in file order): a cycle is
    # found at the body that closes it.
    successors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    plan_date: date | None = None  # the plan's own date, once data/plan.yaml's document is read
    # Bodies that ended (data/agencies.yaml events): the first day they no longer existed and
    # the documents that say so; no report of theirs may be dated on or after it.
    agency_ends: dict[str, tuple[date, str]] = field(default_factory=dict)
    # Where data/agencies.yaml's values are, for the checks made after data/plan.yaml is read.
    registry_lines: Mapping = field(default_factory=dict)
    registry_file: str = "data/agencies.yaml"


def claim(value: str, seen: set[str], message: str) -> str:
    """An id used for the first time in its file is claimed; a second use is an error."""
    if value in seen:
        raise problem(message, id=value)
    seen.add(value)
    return value


def state_of(info: ValidationInfo) -> ValidationState:
    if not isinstance(info.context, ValidationState):
        raise RuntimeError("models must be validated through macros.load")
    return info.context


class Model(BaseModel):
    """A frozen model that rejects unknown keys. Its text arrives in NFC: see nfc_values."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


def nfc_values(data: Any) -> Any:
    """The data with every text value of a mapping in NFC (a copy). Text typed on some systems
    arrives decomposed (NFD); the site publishes NFC only. The loader gives the models their data
    through this, unless the data are pieces of a text already in NFC (macros.load.yaml): one
    check of the whole file instead of one of every model, which took an eighth of the
    validation at 100 times the plan."""
    if isinstance(data, dict):
        return {key: unicodedata.normalize("NFC", value) if isinstance(value, str)
                else nfc_values(value) for key, value in data.items()}
    if isinstance(data, list):
        return [nfc_values(item) for item in data]
    return data


# --- The agency registry ----------------------------------------------------------------------


class Kind(StrEnum):
    PARTY = "dang"
    ELECTED = "dan-cu"
    GOVERNMENT = "hanh-chinh"
    DEPARTMENT = "chuyen-mon"
    OFFICE = "van-phong"
    FRONT = "mat-tran-doan-the"
    PRESS = "bao-chi"
    OTHER = "khac"

    @property
    def label(self) -> str:
        return {
            "dang": "Cơ quan của Đảng",
            "dan-cu": "Cơ quan dân cử",
            "hanh-chinh": "Cơ quan hành chính nhà nước",
            "chuyen-mon": "Cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
            "van-phong": "Cơ quan tham mưu, giúp việc",
            "mat-tran-doan-the": "Mặt trận Tổ quốc, đoàn thể và hội",
            "bao-chi": "Cơ quan báo chí",
            "khac": "Nhóm cơ quan khác",
        }[self.value]


class Level(StrEnum):
    CENTRAL = "trung-uong"
    PROVINCE = "tinh"
    DISTRICT = "huyen"
    SEVERAL = "nhieu-cap"

    @property
    def label(self) -> str:
        return {
            "trung-uong": "Trung ương",
            "tinh": "Cấp tỉnh",
            "huyen": "Cấp huyện",
            "nhieu-cap": "Nhiều cấp",
        }[self.value]


HttpsUrl = Annotated[str, StringConstraints(pattern="^https://[^\\s<>\"']+$", max_length=500)]


class Citation(Model):
    """A document cited as the source of a fact from outside the plan: its kind, number, date and
    issuer, and its public address where one was found (never a guessed one)."""

    model_config = ConfigDict(title="Văn bản làm căn cứ")

    kind: Annotated[Text, Field(title="Loại văn bản", description="Ví dụ: Nghị quyết, Quyết định.")]
    number: Annotated[Text, Field(title="Số, ký hiệu", description="Ví dụ: 203/2025/QH15.")]
    date: Annotated[date, Field(title="Ngày ban hành")]
    issuer: Annotated[KnownAgency, Field(title="Cơ quan ban hành",
                                         description="Mã cơ quan trong data/agencies.yaml.")]
    title: Annotated[Text | None, Field(title="Trích yếu", description="Trích yếu của văn bản, "
                                        "chép đúng như văn bản (nếu có).")] = None
    url: Annotated[HttpsUrl | None, Field(
        title="Đường dẫn công khai", description="Địa chỉ https nơi văn bản được công bố; chỉ ghi "
        "địa chỉ đã mở và thấy văn bản, không đoán.")] = None


class EventKind(StrEnum):
    """What happened to a body. Merged, split and ended end it; renamed and reorganised do not."""

    RENAMED = "doi-ten"
    MERGED = "hop-nhat"
    SPLIT = "chia-tach"
    ENDED = "ket-thuc"
    REORGANISED = "sap-xep"

    @property
    def label(self) -> str:
        return {
            "doi-ten": "Đổi tên",
            "hop-nhat": "Hợp nhất, sáp nhập vào cơ quan khác",
            "chia-tach": "Chia, tách",
            "ket-thuc": "Kết thúc hoạt động",
            "sap-xep": "Sắp xếp lại, văn bản không nêu cơ quan kết thúc",
        }[self.value]

    @property
    def ends(self) -> bool:
        return self in (EventKind.MERGED, EventKind.SPLIT, EventKind.ENDED)


class AgencyEvent(Model):
    """A dated change in a body's life, with the document that made it."""

    model_config = ConfigDict(title="Thay đổi của cơ quan")

    kind: Annotated[EventKind, Field(
        title="Loại thay đổi", description="doi-ten (đổi tên), hop-nhat (hợp nhất, sáp nhập vào cơ "
        "quan khác), chia-tach (chia, tách), ket-thuc (kết thúc hoạt động), sap-xep (sắp xếp lại; "
        "văn bản không nêu cơ quan kết thúc).")]
    date: Annotated[date, Field(title="Ngày có hiệu lực",
                                description="Ngày thay đổi bắt đầu có hiệu lực, theo văn bản.")]
    source: Annotated[Citation, Field(title="Văn bản làm căn cứ")]
    successors: Annotated[AgencyList, Field(
        title="Cơ quan kế thừa", description="Mã các cơ quan nhận lại chức năng, nhiệm vụ, khi văn "
        "bản nêu tên; phải có trong data/agencies.yaml.")] = []
    new_name: Annotated[Name | None, Field(title="Tên mới", description="Với «doi-ten».")] = None
    note: Annotated[Text | None, Field(
        title="Ghi chú",
        description="Lời của trang web (không phải trích dẫn) nói rõ thay đổi.")] = None

    @model_validator(mode="before")
    @classmethod
    def _source_given(cls, data: Any) -> Any:
        # A fact from outside the plan enters only with its document: a clearer word than
        # "missing field" for the one field that must never be left out.
        if isinstance(data, dict) and not data.get("source"):
            raise problem(
                "Thay đổi «{kind}» ngày {date} thiếu văn bản làm căn cứ («source»). Cách sửa: ghi "
                "văn bản; chưa có văn bản thì không ghi.",
                kind=str(data.get("kind", "?")), date=str(data.get("date", "?")),
            )
        return data

    @model_validator(mode="after")
    def _complete(self) -> AgencyEvent:
        if self.kind in (EventKind.MERGED, EventKind.SPLIT) and not self.successors:
            raise problem("Thay đổi «{kind}» phải nêu cơ quan kế thừa («successors»).",
                          kind=self.kind.value)
        if self.kind is EventKind.RENAMED and not self.new_name:
            raise problem("Thay đổi «doi-ten» phải có tên mới («new_name»).")
        return self


class Agency(Model):
    id: AgencyId
    name: Name
    short_name: Name | None = None
    kind: Kind
    level: Level
    spellings: Annotated[list[Text], Field(min_length=1)]
    group: bool = False
    members: AgencyList = []
    members_note: Text | None = None
    note: Text | None = None
    # The body's life since the plan: renamed, merged, split, ended; oldest first.
    events: Annotated[list[AgencyEvent], Field(title="Các thay đổi của cơ quan")] = []

    @field_validator("id")
    @classmethod
    def _unique(cls, value: str, info: ValidationInfo) -> str:
        return claim(value, state_of(info).seen_agencies,
                     "Mã cơ quan «{id}» bị trùng: mỗi cơ quan chỉ khai báo một lần. Cách sửa: "
                     "xóa bản khai trùng hoặc đặt một mã khác.")

    @model_validator(mode="after")
    def _members_only_in_groups(self) -> Agency:
        if self.members and not self.group:
            raise problem(
                "Cơ quan «{id}» có danh sách thành viên nhưng không được đánh dấu là nhóm. "
                "Cách sửa: thêm «group: true» hoặc xóa «members».",
                id=self.id,
            )
        return self

    @field_validator("events")
    @classmethod
    def _life_in_order(cls, value: list[AgencyEvent], info: ValidationInfo) -> list[AgencyEvent]:
        if "id" not in info.data:
            return value
        agency_id = info.data["id"]
        for before, after in pairwise(value):
            if after.date < before.date or before.kind.ends:
                raise problem(
                    "Các thay đổi của «{id}» phải theo thứ tự ngày và dừng ở thay đổi làm cơ "
                    "quan không còn.",
                    id=agency_id,
                )
        state = state_of(info)
        state.successors[agency_id] = tuple(s for event in value for s in event.successors)
        cycle = _successor_cycle(agency_id, state.successors)
        if cycle:
            raise problem(
                "Cơ quan kế thừa tạo thành vòng lặp: {cycle}.",
                cycle=" → ".join(f"«{a}»" for a in cycle),
            )
        return value


def _successor_cycle(start: str, successors: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The path from `start` back to itself through recorded successors, or () if there is none."""
    stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in successors.get(node, ()):
            if nxt == start:
                return (*path, start)
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, (*path, nxt)))
    return ()


class Registry(Model):
    agencies: Annotated[list[Agency], Field(min_length=1)]


# --- The plan ---------------------------------------------------------------------------------


# The words the body of the plan uses for a role. "Trách nhiệm thực hiện" (the "- Trách nhiệm
# thực hiện:" lines of 2.1.x) is given by where the words stand; "Chủ trì" and "Phối hợp với" only
# where the sentence says so (checked). Where the body names the agency with no such word (the
# subject of its sentence, or the heading of its section), no term is recorded.
BodyTerm = Literal["Trách nhiệm thực hiện", "Chủ trì", "Phối hợp với"]


class Responsibility(Model):
    """Who is named for a role, in the document's own words and as registry references."""

    text: Text
    term: BodyTerm | None = None  # the word the sentence uses, when it names the role itself
    agencies: Annotated[AgencyList, Field(min_length=1)]
    note: Text | None = None

    @model_validator(mode="after")
    def _references_match_words(self, info: ValidationInfo) -> Responsibility:
        state = state_of(info)
        wording = self.text.casefold()
        for agency_id in self.agencies:
            for spelling in state.agency_spellings.get(agency_id, ()):
                if spelling in wording:
                    break
            else:
                raise problem(
                    "Cơ quan «{id}» không xuất hiện trong lời văn «{text}». Cách sửa: kiểm tra "
                    "mã cơ quan, hoặc thêm cách viết này vào «spellings» của cơ quan trong "
                    "data/agencies.yaml.",
                    id=agency_id,
                    text=self.text,
                )
        return self


class Timeframe(Model):
    """A timeframe phrase as written. What it means (periods, due date, recurrence) is read from
    the words by the closed grammar of macros.model.timeframe, never typed in beside them."""

    text: Text
    line: bool = False  # written on its own line: "- Thời gian thực hiện: ..."

    @field_validator("text")
    @classmethod
    def _known_phrase(cls, value: str) -> str:
        check_schedule(value, parse_phrase(value))
        return value

    @property
    def schedule(self) -> tf.Schedule:
        return tf.parse(self.text)  # parsed once per phrase (tf.parse is cached)


def parse_phrase(phrase: str) -> tf.Schedule:
    """Parse a timeframe phrase, or raise the Vietnamese message for an unknown one."""
    try:
        return tf.parse(phrase)
    except tf.UnknownTimeframe:
        raise problem(
            "Không hiểu cụm thời gian «{text}». Cách sửa: viết theo một mẫu đã biết, ví dụ "
            "«Hoàn thành trong tháng 7/2018», «Từ năm 2018», «Thực hiện từ năm 2018 và hoàn "
            "thành trong năm 2019», «Xong trước năm 2020», «Thường xuyên».",
            text=phrase,
        ) from None


def check_schedule(phrase: str, schedule: tf.Schedule) -> tf.Schedule:
    if schedule.start and schedule.due and schedule.due.last < schedule.start.first:
        raise problem(
            "Cụm thời gian «{text}» có hạn hoàn thành trước khi bắt đầu. Cách sửa: kiểm tra lại "
            "cụm thời gian so với văn bản.",
            text=phrase,
        )
    return schedule



class Paragraph(Model):
    paragraph: Text
    number: str | None = None
    bullet: bool = False


class TaskNode(Model):
    task: TaskId
    number: Numbering | None = None
    bullet: bool = False
    lines: bool = False  # lead and timeframe written as "- Trách nhiệm thực hiện:" lines
    text: Text
    lead: Responsibility | None = None
    # The word the sentence uses for the agency of the section heading ("Chủ trì, phối hợp với
    # ..." under "3.1. Sở Nội vụ"), when the task names no lead of its own.
    lead_term: BodyTerm | None = None
    partners: Responsibility | None = None
    timeframe: Timeframe | None = None

    @model_validator(mode="before")
    @classmethod
    def _register(cls, data: Any, info: ValidationInfo) -> Any:
        # Known before its own checks, so one bad task does not also fail everything citing it.
        if isinstance(data, dict) and isinstance(data.get("task"), str):
            state_of(info).task_texts.setdefault(data["task"], str(data.get("text", "")))
        return data

    @field_validator("task")
    @classmethod
    def _unique(cls, value: str, info: ValidationInfo) -> str:
        return claim(value, state_of(info).seen_tasks,
                     "Mã nhiệm vụ «{id}» bị trùng: mỗi nhiệm vụ có một mã riêng, không bao giờ "
                     "đổi. Cách sửa: đặt mã khác cho nhiệm vụ mới.")

    @model_validator(mode="after")
    def _terms_in_text(self) -> TaskNode:
        # "Chủ trì" and "Phối hợp với" are quoted from the sentence: they must be there.
        for term in (self.lead_term, self.lead.term if self.lead else None,
                     self.partners.term if self.partners else None):
            if term in ("Chủ trì", "Phối hợp với") and term.casefold() not in self.text.casefold():
                raise problem(
                    "Lời văn của nhiệm vụ «{id}» không có chữ «{term}». Cách sửa: chỉ ghi «term» "
                    "khi câu văn dùng đúng chữ này.",
                    id=self.task,
                    term=term,
                )
        return self

    @model_validator(mode="after")
    def _consistent(self) -> TaskNode:
        if self.lines and (self.lead is None or self.timeframe is None):
            raise problem(
                "Nhiệm vụ «{id}» được viết theo dòng «Trách nhiệm thực hiện» / «Thời gian thực "
                "hiện» nên phải có cả «lead» và «timeframe».",
                id=self.task,
            )
        if (self.timeframe and not self.timeframe.line and not self.lines
                and not _words_in(self.timeframe.text, self.text)):
            raise problem(
                "Cụm thời gian «{phrase}» không có trong lời văn của nhiệm vụ «{id}». Cách "
                "sửa: chép đúng cụm thời gian như trong văn bản.",
                phrase=self.timeframe.text,
                id=self.task,
            )
        return self


def _words_in(phrase: str, text: str) -> bool:
    """The phrase is in the text, whatever the case and the spaces (tf.normalize). A phrase
    copied as it stands is in the normalized text too, since both are NFC (nfc_values): the
    texts are normalized only when it is not, which saves most of the work."""
    return phrase in text or tf.normalize(phrase) in tf.normalize(text)


def _node_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in ("section", "task", "paragraph"):
            if key in value:
                return key
    return None


Node = Annotated[
    Annotated["Section", Tag("section")]
    | Annotated[TaskNode, Tag("task")]
    | Annotated[Paragraph, Tag("paragraph")],
    Discriminator(
        _node_kind,
        custom_error_type="du_lieu",
        custom_error_message=(
            "Mỗi mục phải là «section» (mục có tiêu đề), «task» (nhiệm vụ) hoặc «paragraph» "
            "(đoạn văn). Cách sửa: kiểm tra khóa đầu tiên của mục này."
        ),
    ),
]


class Section(Model):
    section: Numbering
    title: Text
    lead: Responsibility | None = None  # inherited by the tasks below that name no lead
    timeframe: Timeframe | None = None  # inherited by the tasks below that state none
    content: list[Node] = []

    @model_validator(mode="after")
    def _inherited_phrase_in_title(self) -> Section:
        if self.timeframe and not _words_in(self.timeframe.text, self.title):
            raise problem(
                "Cụm thời gian «{phrase}» của mục {number} phải có trong tiêu đề mục.",
                phrase=self.timeframe.text,
                number=self.section,
            )
        return self


class Part(Model):
    number: Literal["I", "II", "III"]
    title: Text
    content: list[Node]


class Signature(Model):
    authority: Text
    position: Text
    name: Name
    note: Text | None = None


class Document(Model):
    heading: Text
    title: Text
    kind: Text
    number: Text
    date: date
    issuer: KnownAgency
    place: Text
    signature: Signature
    # The official original (the issuer's own publication), when known: https only. Unset, the
    # plan page links to nothing rather than to a guess.
    original_url: Annotated[str, StringConstraints(pattern="^https://[^\\s<>\"']+$",
                                                   max_length=500)] | None = None

    @model_validator(mode="after")
    def _known_date(self, info: ValidationInfo) -> Document:
        # What is dated against the plan (later documents) is checked after this, in file order.
        state_of(info).plan_date = self.date
        return self


class Reference(Model):
    """A document that the plan implements, and the short name the plan uses for it."""

    id: ReferenceId
    kind: Text
    number: Text
    date: date
    issuer: KnownAgency
    short_name: Text
    subject: Text
    note: Text | None = None


class YearlyDay(Model):
    day: Annotated[int, Field(ge=1, le=31)]
    month: Annotated[int, Field(ge=1, le=12)]
    label: Text

    @model_validator(mode="after")
    def _exists(self) -> YearlyDay:
        try:
            date(2019, self.month, self.day)  # a year that is not a leap year
        except ValueError:
            raise problem("Ngày {d}/{m} không có trong năm.", d=self.day, m=self.month) from None
        return self


class ReportingDuty(Model):
    """A reporting duty of part III: who reports, to whom, where it is sent, on which days."""

    id: DutyId
    task: KnownTask
    reporters: Annotated[AgencyList, Field(min_length=1)]
    to: Annotated[AgencyList, Field(min_length=1)]
    send_to: KnownAgency
    period_days: Annotated[int, Field(ge=1, le=366)]  # "Định kỳ 15 ngày báo cáo 1 lần"
    words: Text  # the task's own words for the days: "trước ngày 13 và ngày 27 hằng tháng, ..."
    monthly_days: Annotated[list[Annotated[int, Field(ge=1, le=31)]], Field(min_length=1),
                            AfterValidator(_distinct)]
    yearly: list[YearlyDay] = []

    @staticmethod
    def _task_text(info: ValidationInfo) -> str | None:
        """The duty's task's words; None when the task itself failed (that one error is enough:
        nothing else is checked against it)."""
        if "task" not in info.data:
            return None
        return state_of(info).task_texts.get(info.data["task"], "")

    @field_validator("words")
    @classmethod
    def _words_in_text(cls, value: str, info: ValidationInfo) -> str:
        text = cls._task_text(info)
        if text is not None and value not in text:
            raise problem(
                "Cụm «{words}» không có trong lời văn của nhiệm vụ «{id}». Cách sửa: chép đúng "
                "như văn bản.",
                words=value,
                id=info.data["task"],
            )
        return value

    @field_validator("period_days")
    @classmethod
    def _period_in_text(cls, value: int, info: ValidationInfo) -> int:
        text = cls._task_text(info)
        if text is not None and not re.search(rf"\b[Đđ]ịnh kỳ {value} ngày\b", text):
            raise problem(
                "Lời văn của nhiệm vụ «{id}» không ghi «định kỳ {n} ngày». Cách sửa: ghi đúng số "
                "ngày như văn bản.",
                id=info.data["task"],
                n=value,
            )
        return value

    # The days must be the ones the task's own words give: "trước ngày 13 và ngày 27 hằng tháng".
    # When the task itself is unknown, that one error is enough: the days are not checked.
    @field_validator("monthly_days")
    @classmethod
    def _days_in_text(cls, value: list[int], info: ValidationInfo) -> list[int]:
        text = cls._task_text(info)
        if text is None:
            return value
        for day in value:
            if not re.search(rf"\bngày {day}\b", text):
                raise problem(
                    "Ngày {day} hằng tháng không có trong lời văn của nhiệm vụ «{id}». Cách sửa: "
                    "ghi đúng các ngày như văn bản.",
                    day=day,
                    id=info.data.get("task"),
                )
        return value

    @field_validator("yearly")
    @classmethod
    def _dates_in_text(cls, value: list[YearlyDay], info: ValidationInfo) -> list[YearlyDay]:
        text = cls._task_text(info)
        if text is None:
            return value
        for when in value:
            if f"{when.day}/{when.month}" not in text:
                raise problem(
                    "Ngày {d}/{m} hằng năm không có trong lời văn của nhiệm vụ «{id}».",
                    d=when.day,
                    m=when.month,
                    id=info.data.get("task"),
                )
        return value


def _unknown_task(task_id: str) -> PydanticCustomError:
    return problem(
        "Không có nhiệm vụ mã «{id}» trong Kế hoạch. Cách sửa: dùng mã nhiệm vụ đúng như trong "
        "data/plan.yaml (ví dụ «ii-2-1-1»).",
        id=task_id,
    )


class RecipientLine(Model):
    text: Text
    agencies: AgencyList = []


class Recipients(Model):
    heading: Text
    lines: Annotated[list[RecipientLine], Field(min_length=1)]


# The Phụ lục's own words for its role columns (columns 3 to 6), in the order of the table.
APPENDIX_ROLE_COLUMNS = {
    "lead": "Cơ quan, đơn vị chủ trì tham mưu",
    "partners": "Cơ quan, đơn vị phối hợp",
    "consulted": "Cơ quan có thẩm quyền cho ý kiến",
    "deciding": "Cơ quan có thẩm quyền quyết định",
}


class AppendixRow(Model):
    number: Annotated[int, Field(ge=1)]
    tasks: Annotated[TaskList, Field(min_length=1)]
    content: Text
    lead: Responsibility
    partners: Responsibility | None = None
    consulted: Responsibility | None = None
    deciding: Responsibility | None = None
    start: Text
    completion: Text

    @field_validator("number")
    @classmethod
    def _in_order(cls, value: int, info: ValidationInfo) -> int:
        state = state_of(info)
        state.appendix_rows += 1
        if value != state.appendix_rows:
            raise problem(
                "Dòng phụ lục thứ {pos} mang số thứ tự {num}: số thứ tự phải liên tục từ 1. "
                "Cách sửa: đánh lại số thứ tự.",
                pos=state.appendix_rows,
                num=value,
            )
        return value

    @field_validator("start", "completion")
    @classmethod
    def _known_phrase(cls, value: str) -> str:
        parse_phrase(value)
        return value

    @model_validator(mode="after")
    def _periods_in_order(self) -> AppendixRow:
        check_schedule(f"{self.start.strip()} – {self.completion.strip()}", self.schedule)
        return self

    @property
    def schedule(self) -> tf.Schedule:
        """The start period from the "Thời gian thực hiện" cell, the due period and recurrence
        from the "Thời gian hoàn thành" cell (tf.combine is cached)."""
        return tf.combine(self.start, self.completion)

    @property
    def start_text(self) -> str:
        return self.start.strip()

    @cached_property
    def roles(self) -> tuple[Role, ...]:
        """The row's roles, in the Phụ lục's own column headings."""
        return tuple(
            Role(kind, APPENDIX_ROLE_COLUMNS[kind], resp.text.strip(), tuple(resp.agencies),
                 row=self.number, note=resp.note)
            for kind in APPENDIX_KINDS if (resp := getattr(self, kind)) is not None
        )

    @property
    def completion_text(self) -> str:
        return self.completion.strip()


class Appendix(Model):
    title: Text
    subtitle: Text
    note: Text | None = None  # the site's note on a slip of the original, shown beside it
    attached: Text
    columns: Annotated[list[Text], Field(min_length=8, max_length=8)]
    rows: Annotated[list[AppendixRow], Field(min_length=1)]

    @field_validator("columns")
    @classmethod
    def _role_columns(cls, value: list[str]) -> list[str]:
        # Roles are shown in the Phụ lục's own words: the headings must be those words.
        if value[2:6] != list(APPENDIX_ROLE_COLUMNS.values()):
            raise problem(
                "Các cột 3 đến 6 của Phụ lục phải là «{expected}». Cách sửa: chép đúng tiêu đề cột "
                "như văn bản.",
                expected="», «".join(APPENDIX_ROLE_COLUMNS.values()),
            )
        return value


class StandingStatus(StrEnum):
    IN_FORCE = "con-hieu-luc"
    REPLACED = "da-duoc-thay-the"
    ENDED = "het-hieu-luc"

    @property
    def label(self) -> str:
        return {"con-hieu-luc": "Còn hiệu lực", "da-duoc-thay-the": "Đã được thay thế",
                "het-hieu-luc": "Hết hiệu lực"}[self.value]


class Standing(Model):
    """What is known of the plan's validity, and the document that says so."""

    status: StandingStatus
    since: date | None = None
    source: Text  # the document that says so: its number, date and issuer
    url: Annotated[str, StringConstraints(pattern="^https?://[^\\s<>\"']+$",
                                          max_length=500)] | None = None
    note: Text | None = None


class Quote(Model):
    """A document's own words, as written, and where they were read."""

    model_config = ConfigDict(title="Trích dẫn nguyên văn")

    text: Annotated[Text, Field(title="Lời văn", description="Chép đúng từng chữ, không sửa.")]
    part: Annotated[Text, Field(title="Phần được trích", description="Ví dụ: Trích yếu; Mục 2.")]
    read_at: Annotated[Text, Field(title="Nơi đọc được lời văn",
                                   description="Văn bản gốc, hoặc tên và ngày của nơi đăng lại.")]
    url: Annotated[HttpsUrl | None, Field(title="Đường dẫn nơi đọc được")] = None


class LaterDocument(Model):
    """A document issued since the plan that bears on it, described in the site's words (never
    presented as a quotation) and, where they could be read, quoted in its own. Recording one says
    nothing of the plan's standing: only `standing`, with its own source, does."""

    model_config = ConfigDict(title="Văn bản ban hành sau Kế hoạch")

    id: Annotated[AgencyId, Field(title="Mã", description="Mã cố định, chữ thường không dấu, ví dụ "
                                  "ket-luan-121-kl-tw.")]
    source: Annotated[Citation, Field(title="Văn bản")]
    description: Annotated[Text, Field(
        title="Mô tả của trang web", description="Lời của trang web, không phải trích dẫn: văn bản "
        "nói về điều gì, trung lập, không suy diễn.")]
    quote: Annotated[Quote | None, Field(title="Lời văn của văn bản")] = None

    @field_validator("source")
    @classmethod
    def _since_the_plan(cls, value: Citation, info: ValidationInfo) -> Citation:
        plan_date = state_of(info).plan_date
        if plan_date is not None and value.date < plan_date:
            raise problem("Văn bản số {number} ban hành trước Kế hoạch ({plan}).",
                          number=value.number, plan=short_date(plan_date))
        return value


class PlanData(Model):
    # Field order matters: parts are validated before the duties and the appendix that point
    # to their tasks.
    document: Document
    implements: Annotated[list[Reference], Field(min_length=1)]
    preamble: Annotated[list[Text], Field(min_length=1)]
    parts: Annotated[list[Part], Field(min_length=3, max_length=3)]
    closing: Text
    reporting: list[ReportingDuty] = []
    recipients: Recipients
    appendix: Appendix
    # What is known of the plan's validity (in force, replaced, ended), newest last; empty when
    # nothing is recorded, and the site says so.
    standing: list[Standing] = []
    # Documents issued since the plan that bear on it (later conclusions, the province's own
    # reports or plans), oldest first; none of them is read as ending or replacing the plan.
    later_documents: list[LaterDocument] = []

    @field_validator("later_documents")
    @classmethod
    def _distinct_later_documents(cls, value: list[LaterDocument]) -> list[LaterDocument]:
        _distinct([doc.id for doc in value])
        return value

    @field_validator("implements")
    @classmethod
    def _distinct_references(cls, value: list[Reference]) -> list[Reference]:
        _distinct([ref.id for ref in value], within=("id",))
        return value

    @model_validator(mode="after")
    def _short_names_in_preamble(self) -> PlanData:
        preamble = " ".join(self.preamble)
        for ref in self.implements:
            if f"gọi tắt là {ref.short_name})" not in preamble and (
                f"gọi tắt {ref.short_name})" not in preamble
            ):
                raise problem(
                    "Tên gọi tắt «{name}» không có trong phần mở đầu («sau đây gọi tắt là …»).",
                    name=ref.short_name,
                )
        return self


Section.model_rebuild()
Part.model_rebuild()
PlanData.model_rebuild()
