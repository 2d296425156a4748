"""The site's stylesheet, with the states' colours written into it at build time.

Each state's colours are decided once, on the model (macros.model.status, DisplayState.colours),
and every exit takes them from there: the tags and the progress chart through these rules, the
share images by drawing them (macros.site.share_images). docs/assets/style.css holds the rest of
the styles and, where the state rules go, the marker line below; the build publishes it with the
rules in the marker's place.
"""
from __future__ import annotations

from ..model.facts import BodyEnded
from ..model.status import DisplayState

STYLESHEET = "assets/style.css"  # in docs/, and on the site
MARKER = "/* The colours of each state: written in here by the build (macros/files/styles.py). */"


class MarkerMissing(ValueError):
    pass


# Every state a tag can show: the task's own states, then a task in the list of a body that ended.
STATES: tuple[DisplayState | type[BodyEnded], ...] = (*DisplayState, BodyEnded)


def state_rules() -> str:
    """One rule per state, in the order of STATES."""
    return "\n".join(
        f".state--{state.slug} {{ background: {c.background}; color: {c.text}; "
        f"border-color: {c.border};{' border-style: dashed;' if c.dashed else ''} }}"
        for state in STATES for c in [state.colours])


def stylesheet(source: str) -> str:
    """The stylesheet as published: the source with the state rules in place of its marker."""
    if source.count(MARKER) != 1:
        raise MarkerMissing(f"{STYLESHEET} must hold the line «{MARKER}» once")
    return source.replace(MARKER, state_rules())
