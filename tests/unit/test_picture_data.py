"""Bodies that are not drawable pictures, and the kept pictures going with their article."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from suxun_tui.models import FeedEntry
from suxun_tui.refresh.picture_data import MAX_SIDE, PictureError, drawable_png
from suxun_tui.store import Store
from suxun_tui.store.image_cache import cached_picture, image_root, prune, store_picture

Image = pytest.importorskip("PIL.Image")


def encoded(image: object, kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    image.save(out, kind)  # type: ignore[attr-defined]
    return out.getvalue()


def test_a_picture_is_kept_as_a_png_no_larger_than_needed() -> None:
    photo = encoded(Image.new("RGB", (3000, 1500), (10, 20, 30)), "JPEG")
    with Image.open(io.BytesIO(drawable_png(photo))) as kept:
        assert kept.format == "PNG" and kept.size == (MAX_SIDE, MAX_SIDE // 2)


@pytest.mark.parametrize(
    ("size", "reason"), [((20_000, 20_000), "decompression bomb"), ((7_000, 7_000), "too large")]
)
def test_a_decompression_bomb_is_refused_before_its_pixels_are_decoded(
    size: tuple[int, int], reason: str
) -> None:
    bomb = encoded(Image.new("1", size))  # a few KB that would decode to gigabytes
    assert len(bomb) < 200_000
    with pytest.raises(PictureError, match=reason):
        drawable_png(bomb)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"<html>a page</html>", "not a picture"),
        (b"\x89PNG\r\n\x1a\n", "not a picture"),
    ],
)
def test_broken_bodies_are_a_reason_never_an_exception_of_their_own(
    body: bytes, reason: str
) -> None:
    with pytest.raises(PictureError, match=reason):
        drawable_png(body)


def test_a_truncated_picture_is_said_to_be_cut_short() -> None:
    whole = encoded(Image.effect_noise((200, 200), 60).convert("RGB"), "JPEG")
    with pytest.raises(PictureError, match="cut short|broken"):
        drawable_png(whole[: len(whole) // 2])


def test_pruning_removes_the_pictures_of_removed_articles_only(tmp_path: Path) -> None:
    with Store(tmp_path / "cache.sqlite3") as store:
        store.sync_sources([("S", "https://example.org/f.xml", "feed", None)])
        source = store.source_id("S")
        assert source is not None
        store.store_entries(source, [FeedEntry("g", "T", "https://example.org/a")])
        (kept,) = [row[0] for row in store.conn.execute("SELECT id FROM articles")]
        root = image_root(store.path)
        store_picture(root, kept, "https://example.org/p.png", b"png")
        store_picture(root, kept + 1, "https://example.org/q.png", b"png")
        assert prune(store.path, store.conn) == 1
        assert cached_picture(root, kept, "https://example.org/p.png") is not None
        assert cached_picture(root, kept + 1, "https://example.org/q.png") is None


def test_the_images_settings_are_read_and_checked(tmp_path: Path) -> None:
    from suxun_tui.config import ConfigError, load_config

    path = tmp_path / "config.toml"
    source = '[[sources]]\nurl = "https://example.org/f.xml"\n'
    path.write_text(f"[settings]\nimages = false\nimage_max_bytes = 1000\n{source}")
    settings = load_config(path).settings
    assert (settings.images, settings.image_max_bytes) == ("off", 1000)
    path.write_text(f'[settings]\nimages = "sometimes"\n{source}')
    with pytest.raises(ConfigError, match="'images' must be"):
        load_config(path)
    path.write_text(f"[settings]\nimage_max_bytes = 0\n{source}")
    with pytest.raises(ConfigError, match="image_max_bytes"):
        load_config(path)
