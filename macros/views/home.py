"""The home page: what the plan is, figures computed from the data, each sentence the site writes
in its own voice derived from them, and the plan's standing as far as the data records it."""
from __future__ import annotations

from dataclasses import dataclass

from ..model.dates import long_date
from ..model.roles import kind_group
from ..model.schema import Standing
from ..model.site_info import ReportsSince
from .common import AsOfNotice, DocumentRef, Knowledge, LaterLine, state_counts
from .edition import Edition


@dataclass(frozen=True)
class Figure:
    value: int
    label: str


@dataclass(frozen=True)
class HomePage:
    lead: str  # the opening paragraph: what the plan is (short: on a phone the counts by state
    # follow it on the first screen)
    split: str  # how the site splits the plan into tasks, and what the text gives them
    figures: tuple[Figure, ...]
    state_counts: tuple
    overdue: int
    standing: Standing | None  # the latest record, or None when nothing is recorded
    as_of_notice: AsOfNotice
    plan_number: str
    appendix_rows: int
    implements: tuple[DocumentRef, ...]
    later: tuple[LaterLine, ...] = ()  # documents issued since the plan
    knowledge: Knowledge | None = None  # since when the site collects reports

    @classmethod
    def of(cls, edition: Edition, known: ReportsSince | None = None) -> HomePage:
        plan = edition.plan
        doc, f = plan.document, plan.figures
        implemented = plan.data.implements[0]
        period = min((d.data.period_days for d in plan.duties), default=None)
        lead = (
            f"{long_date(doc.date).capitalize()}, {plan.agency(doc.issuer).name} ban hành "
            f"{doc.kind} số {doc.number} để thực hiện {implemented.short_name} của "
            f"{plan.agency(implemented.issuer).name} về tiếp tục đổi mới, sắp xếp tổ chức bộ máy "
            "của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả. Trang này công bố "
            "toàn văn Kế hoạch và theo dõi việc thực hiện từng nhiệm vụ."
        )
        split = (
            f"Trang web chia các mục và ý của Kế hoạch thành {f.tasks} nhiệm vụ (Kế hoạch không "
            f"tự nêu con số này); lời văn nêu cơ quan thực hiện cho {f.tasks - f.without_lead} "
            f"nhiệm vụ, {f.with_due_date} nhiệm vụ có hạn hoàn thành và {f.without_timeframe} "
            "nhiệm vụ không ghi thời hạn."
        )
        if period:
            split += f" Các cơ quan báo cáo kết quả định kỳ {period} ngày một lần."
        figures = (
            Figure(f.tasks, "nhiệm vụ, theo cách trang web chia các mục và ý của Kế hoạch"),
            Figure(f.appendix_rows, "nội dung trọng tâm trong Phụ lục"),
            Figure(f.lead_agencies, f"cơ quan, nhóm cơ quan {kind_group('lead')}"),
            Figure(f.with_due_date, "nhiệm vụ có hạn hoàn thành"),
            Figure(f.overdue, "nhiệm vụ quá hạn, chưa có báo cáo hoàn thành"),
            Figure(f.recurring, "nhiệm vụ thường xuyên, hằng năm hoặc theo kế hoạch riêng"),
            Figure(f.start_only, "nhiệm vụ chỉ ghi thời điểm bắt đầu"),
            Figure(f.reporting, "nhiệm vụ báo cáo định kỳ, theo lịch báo cáo"),
            Figure(f.without_timeframe, "nhiệm vụ không ghi thời hạn"),
        )
        return cls(lead, split, figures, state_counts(plan, plan.tasks), f.overdue,
                   plan.data.standing[-1] if plan.data.standing else None,
                   AsOfNotice.of(edition), doc.number, len(plan.appendix.rows),
                   DocumentRef.all_of(plan), LaterLine.all_of(plan),
                   Knowledge.of(known or ReportsSince(None)))
