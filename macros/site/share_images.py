"""Share images (1200x630 PNG) drawn at build time: one per task and per agency, showing what its
link preview is about (macros.views.preview.Card).

Drawing is deterministic: the same card, font and code give the same bytes, so a rebuild writes
an identical site. Drawn images are kept in a cache folder (.cache/share-images/ beside
mkdocs.yml, as Material's social plugin keeps .cache/plugin/social), named by a hash of the card,
the font files and this module's code; a build draws only the images whose content changed.

The font is DejaVu Sans from Debian's fonts-dejavu-core (the Makefile installs it): it covers
every Vietnamese letter. Its layout engine is Pillow's basic one, which needs no system library
and gives the same pixels everywhere.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.status import Colours, DisplayState
from ..views.preview import Card

if TYPE_CHECKING:
    from PIL import ImageFont

# Pillow is imported where an image is drawn or its cache key made, not with this module: a build
# without the site's address (a pull request's, a local one) makes no image, and loading Pillow
# was a hundredth of its time.

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
TEXT_WIDTH = WIDTH - 2 * MARGIN
BAND = 110  # height of the coloured band at the bottom
RED = (198, 40, 40)  # the theme's red, as in docs/assets/og-image.png
INK = (33, 33, 33)
GREY = (84, 84, 84)
WHITE = (255, 255, 255)
COLOURS = 64

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
FONT_PACKAGE = "fonts-dejavu-core"


class FontMissing(RuntimeError):
    pass


def _font_path(name: str) -> Path:
    path = FONT_DIR / name
    if not path.is_file():
        raise FontMissing(
            f"Không tìm thấy phông chữ {path} để vẽ ảnh chia sẻ. Cách sửa: chạy «make setup» "
            f"(cài gói Debian {FONT_PACKAGE}), hoặc «apt-get install {FONT_PACKAGE}».")
    return path


@lru_cache(maxsize=64)
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(_font_path(name)), size, layout_engine=ImageFont.Layout.BASIC)


def state_colours() -> dict[str, tuple[int, int, int]]:
    """Each state's text colour, by its slug: the band of a task's image has the colour its
    state's text has on the site (DisplayState.colours, which the stylesheet is made from)."""
    return {state.slug: Colours.rgb(state.colours.text) for state in DisplayState}


@lru_cache(maxsize=1)
def version() -> str:
    """What besides the card changes the pixels: this code, Pillow, the fonts, the colours."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    import PIL

    digest.update(PIL.__version__.encode())
    for name in (REGULAR, BOLD):
        digest.update(_font_path(name).read_bytes())
    digest.update(json.dumps(state_colours(), sort_keys=True).encode())
    return digest.hexdigest()


def key(card: Card) -> str:
    content = json.dumps(asdict(card), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{version()}\n{content}".encode()).hexdigest()[:32]


def _wrap(text: str, font, width: int, max_lines: int) -> list[str]:
    """Lines of at most `width` pixels, cut between words; the last one ends in "…" when the
    text does not fit in `max_lines`."""
    lines: list[str] = []
    words = text.split()
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width or not current:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines:
            break
    else:
        if current:
            lines.append(current)
        return lines
    # Too long: the last line keeps what fits, then "…".
    last = lines[-1]
    while last and font.getlength(last + "…") > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = last.rstrip(",;: ") + "…"
    return lines


def _fit_headline(card: Card, space: int) -> tuple[ImageFont.FreeTypeFont, list[str], int]:
    """The largest headline size whose lines (three at most) fit in `space` pixels of height."""
    for size in (60, 56, 52, 48, 44, 40):
        font = _font(BOLD, size)
        lines = _wrap(card.headline, font, TEXT_WIDTH, 3)
        step = round(size * 1.25)
        fits = len(lines) * step <= space and not lines[-1].endswith("…")
        if fits or size == 40:
            return font, lines, step
    raise AssertionError("unreachable")  # pragma: no cover


def draw(card: Card) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 23, HEIGHT - 1), fill=RED)
    y = 52
    kicker = _font(REGULAR, 28)
    for line in _wrap(card.kicker, kicker, TEXT_WIDTH, 1):
        pen.text((MARGIN, y), line, font=kicker, fill=GREY)
    y += 50
    # The label on one line: smaller when long ("Cơ quan chuyên môn thuộc … · Cấp tỉnh").
    label = next((f for f in (_font(BOLD, size) for size in (36, 32, 28))
                  if f.getlength(card.label) <= TEXT_WIDTH), _font(BOLD, 28))
    pen.text((MARGIN, y), _wrap(card.label, label, TEXT_WIDTH, 1)[0], font=label, fill=RED)
    y += 64
    detail = _font(REGULAR, 30)
    detail_lines = [part for line in card.lines for part in _wrap(line, detail, TEXT_WIDTH, 2)]
    detail_height = len(detail_lines) * 40
    bottom = HEIGHT - BAND - 28
    font, lines, step = _fit_headline(card, bottom - y - detail_height - 16)
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=INK)
        y += step
    y = max(y + 16, bottom - detail_height)
    for line in detail_lines:
        pen.text((MARGIN, y), line, font=detail, fill=INK)
        y += 40
    # A task's band has its state's colour; an agency's (its tasks' states counted) is neutral.
    colour = state_colours()[card.tone] if card.tone else INK
    pen.rectangle((24, HEIGHT - BAND, WIDTH - 1, HEIGHT - 1), fill=colour)
    band = _font(BOLD, 40)
    text = _wrap(card.band, band, TEXT_WIDTH, 1)[0]
    pen.text((MARGIN, HEIGHT - BAND + 30), text, font=band, fill=WHITE)
    # A palette of 64 colours keeps the anti-aliased text smooth and the file under ~30 kB.
    image = image.quantize(COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


class Cache:
    """Drawn images by key, in a folder; `drawn` counts the images this build had to draw."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.drawn = 0

    def image(self, card: Card) -> bytes:
        path = self.folder / f"{key(card)}.png"
        if path.is_file():
            return path.read_bytes()
        data = draw(card)
        self.drawn += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed: two builds at once never read half a file.
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).replace(path)
        return data
