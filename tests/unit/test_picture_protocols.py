"""A kept picture in the graphics protocols textual-image speaks: Sixel and Kitty's.

No terminal here answers as Kitty or as a Sixel terminal, so the reader's widget falls
back to half-blocks in tests; this draws the very file the reader keeps (checked and
scaled by :func:`drawable_png`, written by :func:`store_picture`) through the Sixel and
Kitty renderables and reads the escape sequences a real terminal would receive.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from suxun_tui.refresh.picture_data import drawable_png
from suxun_tui.store.image_cache import cached_picture, store_picture

PIL = pytest.importorskip("PIL.Image", reason="the images extra is not installed")
sixel = pytest.importorskip("textual_image.renderable.sixel", reason="no images extra")
tgp = pytest.importorskip("textual_image.renderable.tgp", reason="no images extra")


def kept_picture(tmp_path: Path) -> Path:
    out = io.BytesIO()
    PIL.new("RGB", (3000, 1500), (30, 120, 200)).save(out, "PNG")  # scaled down when kept
    store_picture(tmp_path, 7, "http://example.org/p.png", drawable_png(out.getvalue()))
    cached = cached_picture(tmp_path, 7, "http://example.org/p.png")
    assert cached is not None and cached.path is not None
    return cached.path


def drawn(renderable: object) -> str:
    console = Console(file=io.StringIO(), force_terminal=True, width=40, height=20)
    console.print(renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def test_the_kept_picture_is_drawn_as_sixel(tmp_path: Path) -> None:
    output = drawn(sixel.Image(kept_picture(tmp_path), width=20))
    start = output.index("\x1bP")  # DCS: a Sixel image begins
    assert "q" in output[start : start + 12]  # ... with its 'q' introducer
    assert output.rstrip().endswith("\x1b\\") or "\x1b\\" in output  # and is terminated


def test_the_kept_picture_is_drawn_with_kittys_protocol(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    output = drawn(tgp.Image(kept_picture(tmp_path), width=20))
    sent = capfd.readouterr().out  # the picture goes to the terminal itself, once
    assert "\x1b_Gi=" in sent and "f=100" in sent  # APC G: a PNG transmitted to Kitty
    assert "U=1" in sent  # placed by Unicode placeholders ...
    assert "\U0010eeee" in output  # ... which the pane's text carries where it stands


def test_the_kept_picture_is_scaled_to_what_a_pane_can_show(tmp_path: Path) -> None:
    with PIL.open(kept_picture(tmp_path)) as image:
        assert max(image.size) <= 1200
