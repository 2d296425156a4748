"""The reporting calendar's view and template: every figure of its sentences comes from the data."""
from __future__ import annotations

import re
import shutil
from datetime import date

from macros.site.render import render
from macros.views.calendar import CalendarPage
from tests.support.plans import DATA, load


def _plan_reporting_every(days: int, tmp_path):
    """The real plan with its reporting period changed, in the words and in the data."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / "plan.yaml").read_text("utf-8")
    assert "Định kỳ 15 ngày" in text and "định kỳ 15 ngày" in text and "period_days: 15" in text
    text = text.replace("Định kỳ 15 ngày", f"Định kỳ {days} ngày")
    text = text.replace("định kỳ 15 ngày", f"định kỳ {days} ngày")
    text = text.replace("period_days: 15", f"period_days: {days}")
    (data / "plan.yaml").write_text(text, "utf-8")
    return load(data, as_of=date(2019, 3, 1))


def test_the_reporting_period_is_the_datas(tmp_path):
    plan = _plan_reporting_every(10, tmp_path)
    view = CalendarPage.of(plan, None)
    assert view.kinds == "định kỳ 10 ngày, 6 tháng và hằng năm"
    html = str(render("reporting_calendar.html", view=view, root="../"))
    words = re.sub(r"<[^>]+>", " ", html)
    assert "định kỳ 10 ngày" in words and "15 ngày" not in words
    labels = {d.report.label for duty in view.duties for d in duty.coming}
    assert "Báo cáo định kỳ 10 ngày" in labels and not any("15" in label for label in labels)


def test_the_real_plan_reports_every_15_days():
    assert CalendarPage.of(load(as_of=date(2019, 3, 1)), None).kinds == \
        "định kỳ 15 ngày, 6 tháng và hằng năm"
