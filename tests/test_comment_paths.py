"""Every module, template or file a comment names exists: a comment that points at a module that
moved sends the next reader to the wrong place. Read over the code (comments and docstrings), the
templates, mkdocs.yml, the Makefile, the data files' headers, the reports README and the README;
each name is checked where it resolves: a path from the repository root (`macros/site/direct.py`,
`docs/assets/site.js`), a path inside the package (`views/timeline.py`), inside docs
(`assets/style.css`) or inside the theme overrides (`partials/source.html`), or a dotted module
name (`macros.site.render`, or a name it defines: `macros.site.render.compiled_templates`)."""
from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "macros"

# Where a path that does not start at the root is looked for: the folder its first part is in.
FOLDERS = {**{p.name: PACKAGE for p in PACKAGE.iterdir() if p.is_dir()},
           "assets": ROOT / "docs", "partials": ROOT / "overrides", "support": ROOT / "tests",
           "fixtures": ROOT / "tests", "workflows": ROOT / ".github"}
TOP = ("macros", "docs", "tests", "data", "overrides", ".github", ".ci")
EXTENSIONS = "py|html|js|mjs|css|yaml|yml|json|txt|md|png|xsd"
# A file under a folder of the package, the docs or the theme (not an address of the built site,
# such as search/search_index.json), or anything under a top folder of the repository.
_INNER = "|".join(re.escape(f) for f in FOLDERS)
_TOP = "|".join(re.escape(t) for t in TOP)
PATH = re.compile(rf"(?<![\w./-])((?:{_INNER})/(?:[.\w-]+/)*[\w-]+\.(?:{EXTENSIONS}))(?![\w-])"
                  rf"|(?<![\w./-])((?:{_TOP})/[\w./-]*)")
DOTTED = re.compile(r"(?<![\w./])macros(?:\.[A-Za-z_]\w*)+")
FILE_NAME = re.compile(r"\.(?:" + EXTENSIONS + r")$")  # macros.py is a file name, not a module


def python_comments(path: Path) -> str:
    """The comments and strings of a Python file (docstrings, and messages that name a module)."""
    source = path.read_text("utf-8")
    parts = [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline)
             if t.type == tokenize.COMMENT]
    parts += [node.value for node in ast.walk(ast.parse(source))
              if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    return "\n".join(parts)


def hash_comments(path: Path) -> str:
    """The comments of a YAML file or a Makefile (from a # to the end of the line)."""
    return "\n".join(line.partition("#")[2] for line in path.read_text("utf-8").splitlines())


def markup_comments(path: Path) -> str:
    """The comments of a template: {# ... #} and <!-- ... -->."""
    return "\n".join(re.findall(r"\{#.*?#\}|<!--.*?-->", path.read_text("utf-8"), re.DOTALL))


def script_comments(path: Path) -> str:
    """The comments of a script or a style sheet: /* ... */ and // to the end of the line."""
    text = path.read_text("utf-8")
    return "\n".join(re.findall(r"/\*.*?\*/|(?<![:\\'\"])//[^\n]*", text, re.DOTALL))


def texts() -> dict[str, str]:
    """Each file read, by its path from the root, with the part of it that is comment."""
    found = {}
    for path in sorted([*PACKAGE.rglob("*.py"), ROOT / "hooks.py", *ROOT.glob("tests/**/*.py")]):
        found[path] = python_comments(path)
    for path in sorted([*PACKAGE.glob("templates/*.html"), *ROOT.glob("overrides/**/*.html")]):
        found[path] = markup_comments(path)
    for path in [*ROOT.glob("docs/assets/*.js"), *ROOT.glob("docs/assets/*.css")]:
        found[path] = script_comments(path)
    for path in [ROOT / "mkdocs.yml", ROOT / "Makefile", *ROOT.glob("data/*.yaml")]:
        found[path] = hash_comments(path)
    for path in [ROOT / "README.md", ROOT / "data" / "tien-do" / "README.md"]:
        found[path] = path.read_text("utf-8")
    return {str(p.relative_to(ROOT)): text for p, text in found.items()}


def path_exists(name: str) -> bool:
    name = name.rstrip("/.")
    first = name.split("/")[0]
    if first in TOP or first == "..":
        return (ROOT / name).exists()
    base = FOLDERS.get(first)
    return (base is not None and (base / name).exists()) or (ROOT / name).exists()


def module_exists(dotted: str) -> bool:
    """The longest leading part of the dotted name is a module or package of ours, and the part
    after it, if any, begins with a name that module defines."""
    parts = dotted.split(".")
    for cut in range(len(parts), 1, -1):
        base = ROOT.joinpath(*parts[:cut])
        module = base.with_suffix(".py")
        if not module.exists():
            module = base / "__init__.py"
        if module.exists():
            rest = parts[cut:]
            return not rest or rest[0] in defined_names(module)
    return False


def defined_names(module: Path) -> set[str]:
    tree = ast.parse(module.read_text("utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def named_paths(text: str) -> set[str]:
    found = set()
    for match in PATH.finditer(text):
        name = match.group(1) or match.group(2)
        # A pattern, not a file: <task id>, {slug}, *.yaml; an example report of the guide; a
        # file outside the repository (the source document, ../shared/source/).
        if (re.search(r"[<>{}*]|\.\.\.", name) or name.startswith("../")
                or (name.startswith("data/tien-do/") and name.count("/") > 1)):
            continue
        found.add(name.rstrip("."))
    return found


TEXTS = texts()


@pytest.mark.parametrize("where", TEXTS)
def test_every_path_a_comment_names_exists(where):
    missing = sorted(n for n in named_paths(TEXTS[where]) if not path_exists(n))
    missing += sorted(n for n in set(DOTTED.findall(TEXTS[where]))
                      if not FILE_NAME.search(n) and not module_exists(n))
    assert not missing, f"{where} names what does not exist: {missing}"
