"""The JSON Schemas for editors and the report form: generated from the models, committed,
published under /du-lieu/schema/, named on the first line of each data file, and as strict as
the validator on what staff write in a report."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from macros.files.schemas import FOLDER, ROUTE, SCHEMAS, schema, text
from macros.load.errors import DataError
from macros.load.reports import SCHEMA_FROM_REPORT, TEMPLATE
from tests.conftest import DATA, ROOT
from tests.support.plans import load

REPORT = {"state": "đang thực hiện", "percent": 40, "done": "Đang làm.", "reporter": "so-noi-vu",
          "evidence": [{"number": "QĐ 12", "date": "2019-01-08", "url": "https://example.org/qd"}]}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_committed_schema_is_valid_and_matches_its_model(name):
    committed = (ROOT / FOLDER / name).read_text("utf-8")
    assert committed == text(name), "run `make schemas`"
    # Against the 2020-12 metaschema; patterns are ECMA-262 (as editors and the browser read
    # them), so they are compiled by JavaScript below, not by Python's re.
    Draft202012Validator(Draft202012Validator.META_SCHEMA).validate(json.loads(committed))


def _patterns(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            elif key == "properties":
                for sub in value.values():
                    yield from _patterns(sub)
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


def test_every_pattern_compiles_in_javascript_and_means_what_python_means():
    patterns = sorted({p for name in SCHEMAS for p in _patterns(schema(name))})
    assert len(patterns) >= 4
    # Each pattern with a Vietnamese name and an ASCII id, in JavaScript's Unicode mode.
    script = ("const [ps, samples] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(ps.map(p => samples.map(s => "
              "new RegExp(p, 'u').test(s)))));")
    samples = ["Sở Nội vụ", "so-noi-vu", "https://example.org/a", "<b>"]
    result = subprocess.run(["node", "-e", script], input=json.dumps([patterns, samples]),
                            capture_output=True, text=True, check=True)
    import re
    python = [[bool(re.search(p.replace("\\p{L}\\p{M}\\p{N}_", "\\w"), s)) for s in samples]
              for p in patterns]
    assert json.loads(result.stdout) == python


def test_the_check_command_fails_on_a_stale_schema(tmp_path, monkeypatch):
    result = subprocess.run([sys.executable, "-m", "macros.cli.schemas", "--check"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    from macros.cli import schemas as cli
    monkeypatch.setattr(cli, "ROOT", tmp_path)
    (tmp_path / FOLDER).mkdir(parents=True)
    (tmp_path / FOLDER / "bao-cao.schema.json").write_text("{}", "utf-8")
    assert cli.main(["--check"]) == 1


def test_what_editors_show_is_vietnamese():
    def annotations(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("title", "description") and isinstance(value, str):
                    yield value
                if key == "properties":
                    for sub in value.values():
                        yield from annotations(sub)
                else:
                    yield from annotations(value)
        elif isinstance(node, list):
            for item in node:
                yield from annotations(item)
    for name in SCHEMAS:
        texts = list(annotations(schema(name)))
        assert texts and not [t for t in texts if t.isascii()], name


@pytest.mark.parametrize(("file", "name"), [("plan.yaml", "ke-hoach.schema.json"),
                                            ("agencies.yaml", "co-quan.schema.json"),
                                            ("site.yaml", "trang.schema.json")])
def test_each_data_file_names_its_schema_on_its_first_line(file, name):
    first = (DATA / file).read_text("utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../docs/du-lieu/schema/{name}"
    assert (DATA / first.split("=", 1)[1]).resolve() == (ROOT / FOLDER / name).resolve()


def test_report_files_name_their_schema_by_a_path_that_resolves():
    assert TEMPLATE.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_FROM_REPORT}"
    report = DATA / "tien-do" / "ii-2-1-1" / "2019-01-10.yaml"
    schema = (ROOT / FOLDER / "bao-cao.schema.json").resolve()
    assert (report.parent / SCHEMA_FROM_REPORT).resolve() == schema


def test_the_schemas_are_published(site):
    for name in SCHEMAS:
        assert (site / ROUTE / name).read_text("utf-8") == text(name)


# Kinds of bad report, each rejected by the validator and by the schema alike.
BAD = {
    "missing-done": lambda r: r.pop("done"),
    "unknown-field": lambda r: r.update(ngay="2019-01-10"),
    "state-outside-list": lambda r: r.update(state="đang làm"),
    "percent-over-100": lambda r: r.update(percent=140),
    "percent-fraction": lambda r: r.update(percent=40.5),
    "percent-as-text": lambda r: r.update(percent="40%"),
    "empty-done": lambda r: r.update(done=""),
    "javascript-link": lambda r: r["evidence"][0].update(url="javascript:alert(1)"),
    "evidence-without-number": lambda r: r["evidence"][0].pop("number"),
    "done-without-completion-date": lambda r: r.update(state="hoàn thành"),
    "completion-date-while-in-progress": lambda r: r.update(completed_on="2019-01-05"),
    "reporter-name-not-id": lambda r: r.update(reporter="Sở Nội vụ"),
    "date-other-form": lambda r: r.update(revised_due="30/6/2019"),
    "correction-without-reason": lambda r: r.update(corrections=[{"date": "2019-01-15"}]),
}


def validator_rejects(tmp_path, report: dict) -> bool:
    folder = tmp_path / "tien-do" / "ii-2-1-1"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2019-01-10.yaml").write_text(yaml.safe_dump(report, allow_unicode=True), "utf-8")
    try:
        load(DATA, reports_dir=folder.parent, as_of=date(2019, 1, 31))
    except DataError:
        return True
    return False


def schema_rejects(report: dict) -> bool:
    checker = Draft202012Validator(schema("bao-cao.schema.json"), format_checker=FormatChecker())
    return any(True for _ in checker.iter_errors(report))


def test_a_good_report_passes_both(tmp_path):
    assert not validator_rejects(tmp_path, REPORT) and not schema_rejects(REPORT)
    done = {**REPORT, "state": "hoàn thành", "completed_on": "2019-01-05", "percent": 100}
    assert not validator_rejects(tmp_path, done) and not schema_rejects(done)


@pytest.mark.parametrize("kind", sorted(BAD))
def test_the_schema_rejects_what_the_validator_rejects(kind, tmp_path):
    report = json.loads(json.dumps(REPORT))
    BAD[kind](report)
    assert validator_rejects(tmp_path, report)
    assert schema_rejects(report)
