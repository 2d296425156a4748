"""The states' rules of the site's stylesheet, made from the states' colours.

Each state's colours are decided once, on the model (macros.model.status, DisplayState.colours);
the tags and the progress chart take them through these rules.
"""
from __future__ import annotations

from ..model.status import DisplayState

STYLESHEET = "assets/style.css"  # in docs/, and on the site


def state_rules() -> str:
    """One rule per state, in the order of DisplayState."""
    return "\n".join(
        f".state--{state.slug} {{ background: {c.background}; color: {c.text}; "
        f"border-color: {c.border}; }}"
        for state in DisplayState for c in [state.colours])
