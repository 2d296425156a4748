"""The layers of macros/ import only the layers before them (README, "How it fits together"):
routes, model, load and settings, views, files, site, cli. No module of ours is imported inside
a function (the way to dodge a cycle)."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "macros"
LAYERS = {"routes": 0, "model": 1, "load": 2, "settings": 2, "views": 3, "files": 4, "site": 5,
          "cli": 6}


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if parts[0] == "macros" and len(parts) > 1 else None


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path):
    """(imported module, inside a function?) for every import of a module of ours."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text("utf-8"))
    nested = {id(n) for f in ast.walk(tree)
              if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
              for n in ast.walk(f) if n is not f}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            targets = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        for target in targets:
            if target.startswith("macros"):
                yield target, id(node) in nested


def test_the_reader_of_imports_sees_relative_imports():
    found = dict(imports(ROOT / "views" / "common.py"))
    assert "macros.model.plan" in found and "macros.routes" in found


def test_no_layer_imports_a_later_one():
    wrong = []
    for path in ROOT.rglob("*.py"):
        own = layer_of(module_name(path))
        if own is None:
            continue
        for target, _ in imports(path):
            other = layer_of(target)
            if other is not None and other > own:
                wrong.append(f"{module_name(path)} imports {target}")
    assert wrong == []


def test_nothing_of_ours_is_imported_inside_a_function():
    nested = [f"{module_name(path)}: {target}" for path in ROOT.rglob("*.py")
              for target, inside in imports(path) if inside]
    assert nested == []
