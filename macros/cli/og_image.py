"""Draw the default link-preview image (Open Graph, 1200x630) shown by Facebook and Zalo.

Run once by hand when the wording changes, then commit docs/assets/og-image.png; the site build
does not run it. Needs Pillow and Debian's Noto Sans (package fonts-noto-core):

    python3 -m venv /tmp/og && /tmp/og/bin/pip install pillow==13.0.0
    /tmp/og/bin/python -m macros.cli.og_image
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path("/usr/share/fonts/truetype/noto")
OUT = Path(__file__).resolve().parents[2] / "docs" / "assets" / "og-image.png"
WIDTH, HEIGHT = 1200, 630
RED = (198, 40, 40)  # the theme's primary red, darkened for contrast with white text
INK = (33, 33, 33)

# (font, size, space below, text)
LINES = [
    ("NotoSans-Regular.ttf", 34, 14, "Ủy ban nhân dân tỉnh Tuyên Quang"),
    ("NotoSans-Bold.ttf", 84, 30, "Kế hoạch số 68/KH-UBND"),
    ("NotoSans-Regular.ttf", 40, 34, "ngày 02 tháng 7 năm 2018"),
    ("NotoSans-Regular.ttf", 34, 10, "Về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống"),
    ("NotoSans-Regular.ttf", 34, 10, "chính trị tinh gọn, hoạt động hiệu lực, hiệu quả"),
]
BAND = "Toàn văn và theo dõi thực hiện"


def main() -> None:
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, HEIGHT), fill=RED)
    y = 60
    for font_file, size, space, text in LINES:
        font = ImageFont.truetype(str(FONTS / font_file), size)
        draw.text((80, y), unicodedata.normalize("NFC", text), font=font, fill=INK)
        y += int(size * 1.3) + space
    band = ImageFont.truetype(str(FONTS / "NotoSans-Bold.ttf"), 40)
    draw.rectangle((24, HEIGHT - 120, WIDTH, HEIGHT), fill=RED)
    draw.text((80, HEIGHT - 92), BAND, font=band, fill="white")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    image.save(OUT, format="PNG", optimize=True)
    print(f"{OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
