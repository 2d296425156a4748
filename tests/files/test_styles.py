"""Each state's colours are decided once, on DisplayState, and the published stylesheet is made
from them: one rule per state, the source stylesheet holding none of its own."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.files import styles
from macros.model.status import Colours, DisplayState

SOURCE = Path(__file__).resolve().parents[2] / "docs" / styles.STYLESHEET
RULE = re.compile(r"\.state--([a-z-]+) \{ background: (#\w{6}); color: (#\w{6}); "
                  r"border-color: (#\w{6});( border-style: dashed;)? \}")


def luminance(colour: str) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(v) for v in Colours.rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_rules_give_each_state_its_colours():
    rules = {m[0]: m[1:] for m in RULE.findall(styles.state_rules())}
    assert rules == {s.slug: (s.colours.background, s.colours.text, s.colours.border,
                              " border-style: dashed;" if s.colours.dashed else "")
                     for s in styles.STATES}
    assert set(DisplayState) < set(styles.STATES)


def test_the_published_stylesheet_has_each_states_colours_once():
    published = styles.stylesheet(SOURCE.read_text("utf-8"))
    assert styles.state_rules() in published
    assert len(re.findall(r"\.state--[a-z-]+\s*\{", published)) == len(styles.STATES)
    assert styles.MARKER not in published


def test_the_source_stylesheet_sets_no_state_colour_itself():
    # Anything else would be a second place deciding a state's colour.
    source = SOURCE.read_text("utf-8")
    assert not re.search(r"\.state--[a-z-]+\s*\{", source)
    assert source.count(styles.MARKER) == 1


def test_a_stylesheet_without_the_marker_is_refused():
    with pytest.raises(styles.MarkerMissing, match="must hold the line"):
        styles.stylesheet(".state { border: 1px solid; }\n")


def test_the_built_site_publishes_the_made_stylesheet(site):
    built = (site / styles.STYLESHEET).read_text("utf-8")
    assert built == styles.stylesheet(SOURCE.read_text("utf-8"))


@pytest.mark.parametrize("state", styles.STATES, ids=lambda s: s.slug)
def test_each_states_text_reads_on_its_background(state):
    # WCAG 2 AA for normal text: 4.5:1 (the tags are small, bold text).
    assert contrast(state.colours.text, state.colours.background) >= 4.5


def test_every_state_has_its_own_colour():
    assert len({s.colours.text for s in styles.STATES}) == len(styles.STATES)
    assert len({s.colours.background for s in styles.STATES}) == len(styles.STATES)


def test_rgb_reads_the_hex_form():
    assert Colours.rgb("#9a1c14") == (154, 28, 20)
