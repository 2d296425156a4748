"""Share images: one 1200x630 PNG per task and per agency, drawn at build time, showing the task's
state; drawn again only when what they show changes."""
from __future__ import annotations

import io
import struct
from datetime import date

import pytest
from PIL import Image

from macros import routes
from macros.site import share_images
from macros.site.hooks import SHARE_IMAGE_CACHE
from macros.views.preview import Card
from tests.conftest import DATA, DEMO, DEMO_AS_OF, SESSION_BUILDS, build_site
from tests.support.plans import load


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])  # the IHDR chunk comes first


def band_colour(data: bytes) -> tuple[int, int, int]:
    """The colour of the band at the bottom of an image, right of its text."""
    return Image.open(io.BytesIO(data)).convert("RGB").getpixel((1150, 600))


def close(a, b, tolerance=12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_every_task_and_agency_has_its_1200_by_630_image(site):
    plan = load(DATA)
    paths = [routes.share_image_of_task(t.id) for t in plan.tasks] + [
        routes.share_image_of_agency(a.id) for a in plan.graph.agencies]
    for path in paths:
        data = (site / path).read_bytes()
        assert png_size(data) == (1200, 630), path
        assert len(data) < 60_000, path
    drawn = sorted(p.relative_to(site).as_posix() for p in (site / routes.SHARE_IMAGES).rglob("*"))
    assert [p for p in drawn if p.endswith(".png")] == sorted(paths)


def test_images_show_the_state_and_differ_when_it_differs(site, demo_site):
    real = load(DATA)
    demo = load(DATA, reports_dir=DEMO, as_of=date.fromisoformat(DEMO_AS_OF))
    colours = share_images.state_colours()
    changed = 0
    for task in real.tasks:
        before = (site / routes.share_image_of_task(task.id)).read_bytes()
        after = (demo_site / routes.share_image_of_task(task.id)).read_bytes()
        # The band has the colour of the task's state on the site.
        assert close(band_colour(before), colours[real.status(task).state.slug]), task.id
        assert close(band_colour(after), colours[demo.status(task).state.slug]), task.id
        if demo.status(task).state != real.status(task).state:
            assert before != after, task.id
            changed += 1
        elif demo.status(task).due == real.status(task).due:
            assert before == after, task.id  # same content, same bytes
    assert changed >= 5


def test_drawing_is_deterministic_and_keyed_by_content():
    card = Card("Kế hoạch số 68/KH-UBND", "Nhiệm vụ II.1, ý 1", "Một việc", ("Hạn: ngày 31",),
                "Quá hạn", "qua-han")
    assert share_images.draw(card) == share_images.draw(card)
    other = Card(*[*card.__dict__.values()][:4], "Hoàn thành", "hoan-thanh")
    assert share_images.key(card) != share_images.key(other)
    assert share_images.draw(card) != share_images.draw(other)


def test_a_missing_font_stops_the_build_with_a_message(monkeypatch, tmp_path):
    monkeypatch.setattr(share_images, "FONT_DIR", tmp_path)
    share_images._font.cache_clear()
    share_images.version.cache_clear()
    try:
        with pytest.raises(share_images.FontMissing, match="fonts-dejavu-core"):
            share_images.version()
    finally:
        share_images._font.cache_clear()
        share_images.version.cache_clear()


def test_a_warm_build_draws_nothing_and_writes_the_same_images(fresh_site, fresh_project,
                                                                 tmp_path):
    """A cold build fills the cache (the session's fresh build, made from a project copy with no
    cache); the next build reads every image from it (no file written, none touched) and the
    site's images are the same bytes."""
    cache = fresh_project / SHARE_IMAGE_CACHE
    filled = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    plan = load(DATA)
    assert len(filled) == len(plan.tasks) + len(plan.graph.agencies)
    settings = {key: value for key, value in SESSION_BUILDS["fresh"].items() if key != "project"}
    second = tmp_path / "second"
    assert build_site(second, project=fresh_project, **settings).returncode == 0
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == filled
    images = sorted((fresh_site / routes.SHARE_IMAGES).rglob("*.png"))
    assert images
    for image in images:
        twin = second / image.relative_to(fresh_site)
        assert twin.read_bytes() == image.read_bytes(), image
