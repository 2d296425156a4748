"""The report files: data/tien-do/<task id>/<YYYY-MM-DD>.yaml, one report each.

The folder names the task and the file name gives the report's date, so the log is append-only by
construction: a new report is a new file, and two reports never touch the same file. Each file is
checked on its own; every problem is collected before any is raised.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from ..model.dates import short_date
from ..model.reports import Report, ReportLog
from ..model.schema import ValidationState
from .errors import DataError, Path_, Problem, shown_path, validate
from .yaml import read_yaml

FILE_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.yaml$")
# A value a template leaves to fill in: the whole value between < and >, e.g. «<mã cơ quan>».
PLACEHOLDER = re.compile(r"^<[^<>]*>$")
README = "README.md"
# Where the JSON Schema of a report file is, from data/tien-do/<task id>/<date>.yaml: the copy
# committed under docs/ (published at /du-lieu/schema/), which VS Code reads as staff type.
SCHEMA_FROM_REPORT = "../../../docs/du-lieu/schema/bao-cao.schema.json"

# The blank report that the guide, data/tien-do/README.md and the task pages (without JavaScript)
# offer. As written, it fails only on its placeholders, each with a message saying to fill it in.
TEMPLATE = f"""\
# yaml-language-server: $schema={SCHEMA_FROM_REPORT}
# Báo cáo tiến độ. Tên tệp: data/tien-do/<mã nhiệm vụ>/<ngày báo cáo>.yaml, ví dụ
# data/tien-do/ii-2-1-1/2019-01-10.yaml. Thay mỗi cụm <...> bằng thông tin thật.
# Các dòng bắt đầu bằng dấu # là chú thích; muốn dùng trường nào thì xóa dấu # và dấu cách sau nó.
state: <trạng thái - chưa triển khai, đang thực hiện, hoàn thành, tạm dừng hoặc không còn áp dụng>
done: <những việc đã làm>
reporter: <mã cơ quan báo cáo, ví dụ so-noi-vu>
# percent: <tỷ lệ hoàn thành, số nguyên từ 0 đến 100>
# evidence:
#   - number: <số, ký hiệu văn bản>
#     date: <ngày ban hành, NĂM-THÁNG-NGÀY>
#     url: <đường dẫn công khai, bắt đầu bằng http:// hoặc https://>
# completed_on: <ngày hoàn thành, NĂM-THÁNG-NGÀY - bắt buộc khi trạng thái là hoàn thành>
# revised_due: <hạn mới, NĂM-THÁNG-NGÀY - khi hạn đã được điều chỉnh>
# note: <ghi chú>
"""


# Where report files are in the repository (the report form's file names start with it).
REPOSITORY_FOLDER = "data/tien-do"


def placeholders(data: Any, path: Path_ = ()) -> list[Path_]:
    """Paths of the values that are still a template's placeholder."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in placeholders(value, (*path, key))]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in placeholders(value, (*path, index))]
    return [path] if isinstance(data, str) and PLACEHOLDER.match(data.strip()) else []


def report_day(name: str) -> date | None:
    match = FILE_NAME.match(name)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def load_report(path: Path, display: str, task_id: str, day: date,
                state: ValidationState) -> Report:
    """One report file, validated, with its date from its name (its folder is its task)."""
    data, lines = read_yaml(path, display)
    unfilled = placeholders(data)
    if unfilled:
        raise DataError([Problem(display, lines.get(p, 1), shown_path(p), (
            f"Chưa điền «{p[-1]}»: «{_value_at(data, p)}» là chỗ trống của mẫu. Cách sửa: thay "
            "cả cụm trong dấu < > bằng thông tin thật, hoặc xóa dòng này nếu trường không bắt "
            "buộc.")) for p in unfilled])
    if isinstance(data, dict) and "date" in data:
        raise DataError([Problem(display, lines.get(("date",), 1), "date", (
            f"Ngày báo cáo là tên tệp («{path.name}»), không ghi trong tệp. Cách sửa: xóa dòng "
            "«date:»; nếu ngày sai, đổi tên tệp."))])
    if isinstance(data, dict):
        data = {**data, "date": day.isoformat()}
    report = validate(Report, data, lines, display, state)
    # A revised deadline changes the plan's deadline: a task whose words give none (Task.due_date
    # is None) has none to revise.
    if report.revised_due is not None and task_id in state.undated_tasks:
        raise DataError([Problem(display, lines.get(("revised_due",), 1), "revised_due", (
            f"Nhiệm vụ «{task_id}» không có thời hạn hoàn thành trong Kế hoạch, nên không có "
            "hạn để điều chỉnh. Cách sửa: xóa dòng «revised_due»; thời hạn được giao sau, nếu "
            "có, ghi vào «note» và ghi văn bản giao vào «evidence»."))])
    # A body that no longer existed on the report's day did not send it (data/agencies.yaml).
    ended = state.agency_ends.get(report.reporter)
    if ended is not None and day >= ended[0]:
        raise DataError([Problem(display, lines.get(("reporter",), 1), "reporter", (
            f"Cơ quan «{report.reporter}» không còn từ {short_date(ended[0])} (theo {ended[1]}), "
            f"nên không thể gửi báo cáo ngày {short_date(day)}. Cách sửa: ghi «reporter» là cơ "
            "quan thật sự gửi báo cáo; nếu báo cáo được gửi trước ngày đó, đặt tên tệp bằng "
            "ngày đã gửi."))])
    return report


# What the report form says of a revised deadline on a task that has none (its words in the
# plan give no deadline: «thường xuyên», «hằng năm»...). load_report says it with the fix for
# the file.
NO_DEADLINE_IN_FORM = ("Nhiệm vụ này không có thời hạn hoàn thành trong Kế hoạch, nên không có hạn "
                       "để điều chỉnh. Để trống ô này; thời hạn được giao sau, nếu có, ghi ở "
                       "«Ghi chú» kèm văn bản giao.")


def _value_at(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def load_report_logs(folder: Path, state: ValidationState, display) -> dict[str, ReportLog]:
    """Every task's report log, by task id, oldest first. `display` gives a path as staff see it."""
    report_logs: dict[str, ReportLog] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return report_logs
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.name == README:
            continue
        if entry.is_file():
            problems.append(Problem(display(entry), 1, "", (
                f"Tệp «{entry.name}» nằm ngay trong thư mục tiến độ. Mỗi báo cáo là một tệp "
                "trong thư mục của nhiệm vụ: data/tien-do/<mã nhiệm vụ>/<ngày báo cáo>.yaml. "
                "Cách sửa: chuyển báo cáo vào đúng chỗ, ví dụ «data/tien-do/ii-2-1-1/"
                "2019-01-10.yaml».")))
            continue
        if entry.name not in state.task_texts:
            # Said on each file of the folder, where a pull request shows it.
            problems.extend(Problem(display(path), 1, "", (
                f"Thư mục «{entry.name}» không phải mã của nhiệm vụ nào. Cách sửa: đặt tên thư "
                "mục đúng bằng mã nhiệm vụ, ví dụ «ii-2-1-1» (xem mã trên trang của nhiệm vụ)."))
                for path in sorted(entry.iterdir()) if path.is_file())
            continue
        reports: list[Report] = []
        for path in sorted(entry.iterdir()):
            if path.name.startswith(".") or path.is_dir():
                continue
            shown = display(path)
            day = report_day(path.name)
            if day is None:
                problems.append(Problem(shown, 1, "", (
                    f"Tên tệp «{path.name}» phải là ngày báo cáo có thật, dạng NĂM-THÁNG-NGÀY và "
                    "đuôi .yaml. Cách sửa: đổi tên tệp, ví dụ «2019-01-10.yaml».")))
                continue
            if state.as_of and day > state.as_of:
                problems.append(Problem(shown, 1, "", (
                    f"Ngày báo cáo {short_date(day)} (tên tệp) muộn hơn ngày dựng trang "
                    f"({short_date(state.as_of)}). Cách sửa: đặt tên tệp bằng ngày đã báo cáo "
                    "thật, không dùng ngày trong tương lai.")))
                continue
            try:
                reports.append(load_report(path, shown, entry.name, day, state))
            except DataError as error:
                problems.extend(error.problems)
        if reports:
            report_logs[entry.name] = ReportLog(reports=sorted(reports, key=lambda r: r.date))
    if problems:
        raise DataError(problems)
    return report_logs
