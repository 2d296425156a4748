"""Every address comes from the route table: ASCII, relative to the site root, permanent."""
from __future__ import annotations

import inspect

from macros import routes


def test_addresses_are_ascii_relative_and_end_as_folders_or_files():
    constants = {name: value for name, value in vars(routes).items()
                 if name.isupper() and isinstance(value, str)}
    built = [routes.task("ii-2-1-1"), routes.task_reports("ii-2-1-1"),
             routes.task_in_plan("ii-2-1-1", 1), routes.agency("so-noi-vu"),
             routes.agency_calendar("so-noi-vu"), routes.appendix_row(7, 1),
             routes.news_post("bai-viet"), routes.task_in_plan("ii-2-1-1", 3),
             routes.appendix_row(7, 2), routes.progress_page(1), routes.progress_page(4)]
    for address in [*constants.values(), *built]:
        assert address.isascii() and not address.startswith("/"), address
    assert built == ["nhiem-vu/ii-2-1-1/", "nhiem-vu/ii-2-1-1/#bao-cao", "ke-hoach/#ii-2-1-1",
                     "co-quan/so-noi-vu/", "lich/co-quan/so-noi-vu.ics", "ke-hoach/#phu-luc-7",
                     "tin-tuc/bai-viet/", "ke-hoach/trang-3/#ii-2-1-1",
                     "ke-hoach/trang-2/#phu-luc-7",
                     "tien-do/", "tien-do/trang-4/"]


def test_the_plan_text_and_progress_pages_are_numbered_from_their_first_page():
    # Page 1 is the page every plan has always had; later pages exist only for a plan too large
    # for one page (macros.model.paging).
    assert routes.plan_text_page(1) == routes.PLAN_TEXT == "ke-hoach/"
    numbers = [routes.plan_text_page_number(routes.plan_text_page(n)) for n in (1, 2, 12)]
    assert numbers == [1, 2, 12]
    assert routes.plan_text_page_number("ke-hoach/trang-x/") is None
    assert routes.plan_text_page_number(routes.PROGRESS) is None
    assert routes.appendix_row_number(routes.appendix_row_anchor(21)) == 21
    assert routes.appendix_row_number(routes.APPENDIX_ANCHOR) is None
    assert routes.part_anchor("II") == "phan-ii"
    assert routes.section_anchor("II", "2.1") == "muc-ii-2-1"


def test_generated_sources_become_their_addresses():
    # MkDocs turns nhiem-vu/<id>.md into nhiem-vu/<id>/ (use_directory_urls).
    assert routes.task_source("x").removesuffix(".md") + "/" == routes.task("x")
    assert routes.agency_source("x").removesuffix(".md") + "/" == routes.agency("x")
    assert routes.plan_text_page_source(2).removesuffix(".md") + "/" == routes.plan_text_page(2)
    assert routes.progress_page_source(2).removesuffix(".md") + "/" == routes.progress_page(2)


def test_relative_roots_and_absolute_addresses():
    assert routes.root_of("") == "" and routes.root_of("nhiem-vu/ii-2-1-1/") == "../../"
    assert routes.absolute("https://example.org/ke-hoach-68", "tien-do/") == (
        "https://example.org/ke-hoach-68/tien-do/")


def _strings(tree):
    """String constants of a module's code (docstrings left out), f-string parts included."""
    import ast

    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in docstrings:
            yield node.value


def test_no_other_module_writes_an_address():
    """Site addresses are written in the route table only; templates and Python ask it. (The
    loader names data files, data/tien-do/..., which are not addresses.)"""
    import ast
    from pathlib import Path

    root = Path(inspect.getfile(routes)).parent
    prefixes = ("nhiem-vu/", "co-quan/", "lich/", "du-lieu/", "tien-do/", "ke-hoach/",
                "dong-thoi-gian/", "lich-bao-cao/", "tin-tuc/")
    offenders = [f"{path.relative_to(root)}: {text}" for path in root.rglob("*.py")
                 if path.name != "routes.py" and path.parent.name != "load"
                 for text in _strings(ast.parse(path.read_text("utf-8")))
                 if text.startswith(prefixes)]
    assert offenders == []
    templates = [str(path.relative_to(root)) for path in (root / "templates").glob("*.html")
                 if any(f"{{{{ root }}}}{p}" in path.read_text("utf-8") for p in prefixes)]
    assert templates == []
