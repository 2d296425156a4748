"""Write (or check) the committed JSON Schemas: `python -m macros.cli.schemas [--check]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..files.schemas import FOLDER, SCHEMAS, text

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ghi lại các JSON Schema của tệp dữ liệu.")
    parser.add_argument("--check", action="store_true", help="chỉ kiểm tra, không ghi")
    args = parser.parse_args(argv)
    folder = ROOT / FOLDER
    stale = []
    for name in SCHEMAS:
        path = folder / name
        fresh = text(name)
        if path.exists() and path.read_text("utf-8") == fresh:
            continue
        stale.append(name)
        if not args.check:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(fresh, "utf-8")
    if stale and args.check:
        print("Các JSON Schema sau khác với mẫu dữ liệu: " + ", ".join(stale)
              + ". Cách sửa: chạy «make schemas».", file=sys.stderr)
        return 1
    print(("Đã ghi lại: " + ", ".join(stale)) if stale
          else "Các JSON Schema đã khớp với mẫu dữ liệu.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
