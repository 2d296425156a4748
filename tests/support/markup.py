"""html-validate (npm) over built pages, as tests/support/html_validate.mjs reports them: our
findings, and which of the theme's own (listed apart in tests/support/html-validate.config.mjs)
were seen."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "support" / "html_validate.mjs"


def html_validate(*pages: Path) -> dict:
    result = subprocess.run(["node", str(RUNNER), *map(str, pages)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
