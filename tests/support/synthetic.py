"""A synthetic plan N times the size of the real one, for the benchmark and the scaling test.

The real data is copied, then every agency, every task (with its section tree) and every appendix
row is repeated N-1 more times under new ids: agency `so-noi-vu` becomes `so-noi-vu-x2`, named
"Sở Nội vụ (bản 2)"; task `ii-2-1-1` becomes `ii-2-1-1-x2`, numbered 200.2.1.1 inside a section
200 of its part. The copy passes the same validation as the real data. It is test data only: it
never reaches the published site.
"""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import yaml

ROLES = ("lead", "partners", "consulted", "deciding")


def _copy_agency(agency: dict, k: int) -> dict:
    twin = copy.deepcopy(agency)
    twin["id"] = f"{agency['id']}-x{k}"
    twin["name"] = f"{agency['name']} (bản {k})"
    twin.pop("short_name", None)
    twin["spellings"] = [twin["name"]]
    if twin.get("members"):
        twin["members"] = [f"{member}-x{k}" for member in twin["members"]]
    return twin


def _responsibility(resp: dict, k: int, names: dict[str, str]) -> dict:
    ids = [f"{agency_id}-x{k}" for agency_id in resp["agencies"]]
    return {**resp, "agencies": ids, "text": "; ".join(names[i] for i in ids)}


def _renumber(node: dict, k: int, names: dict[str, str]) -> dict:
    node = copy.deepcopy(node)
    if "section" in node:
        node["section"] = f"{k * 100}.{node['section']}"
    if "task" in node:
        node["task"] = f"{node['task']}-x{k}"
        if node.get("number"):
            node["number"] = f"{k * 100}.{node['number']}"
    for role in ROLES:
        if node.get(role):
            node[role] = _responsibility(node[role], k, names)
    if "content" in node:
        node["content"] = [_renumber(child, k, names) for child in node["content"]]
    return node


def _has_task(nodes: list[dict]) -> bool:
    return any("task" in node or _has_task(node.get("content", [])) for node in nodes)


def scale(source: Path, dest: Path, times: int) -> Path:
    """Write into dest a data folder with `times` copies of the plan's agencies and tasks."""
    shutil.copytree(source, dest)
    registry = yaml.safe_load((dest / "agencies.yaml").read_text("utf-8"))
    plan = yaml.safe_load((dest / "plan.yaml").read_text("utf-8"))
    originals = list(registry["agencies"])
    rows = list(plan["appendix"]["rows"])
    contents = {part["number"]: list(part["content"]) for part in plan["parts"]}
    for k in range(2, times + 1):
        twins = [_copy_agency(agency, k) for agency in originals]
        registry["agencies"].extend(twins)
        names = {twin["id"]: twin["name"] for twin in twins}
        for part in plan["parts"]:
            original = contents[part["number"]]
            if _has_task(original):
                part["content"].append({
                    "section": str(k * 100),
                    "title": f"Bản sao {k} của phần {part['number']} (dữ liệu thử)",
                    "content": [_renumber(node, k, names) for node in original],
                })
        for row in rows:
            twin = {**copy.deepcopy(row), "number": len(plan["appendix"]["rows"]) + 1,
                    "tasks": [f"{task_id}-x{k}" for task_id in row["tasks"]]}
            for role in ROLES:
                if row.get(role):
                    twin[role] = _responsibility(row[role], k, names)
            plan["appendix"]["rows"].append(twin)
    for name, content in (("agencies.yaml", registry), ("plan.yaml", plan)):
        (dest / name).write_text(
            yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=4096), "utf-8"
        )
    return dest
