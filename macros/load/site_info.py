"""data/site.yaml, read and validated like the other data files (macros.model.site_info)."""
from __future__ import annotations

from pathlib import Path

from ..model.schema import ValidationState
from ..model.site_info import SiteInfo
from .errors import validate
from .yaml import read_yaml

FILE = "site.yaml"


def load_site_info(root: Path, state: ValidationState, display) -> SiteInfo:
    """The file's settings; a missing file means nothing is set."""
    path = root / FILE
    if not path.exists():
        return SiteInfo()
    data, lines = read_yaml(path, display(path))
    # Empty values ("email:") mean "not set": drop them so the model sees them absent.
    return validate(SiteInfo, _without_empty(data) if data is not None else {}, lines,
                    display(path), state)


def _without_empty(data):
    if isinstance(data, dict):
        return {k: _without_empty(v) for k, v in data.items() if v is not None}
    return data
