"""A fetched body made into a picture we can draw, or a short reason why it is not one.

Bodies come from strangers: a picture may be broken, cut short, a web page, or a small
file that decodes to gigapixels (a decompression bomb). Pillow reads the header first,
so the size is checked before any pixel is decoded, and its own bomb limit is set as well;
every error becomes a :class:`PictureError` whose message is a few words for the
placeholder. What is kept is a PNG no wider or taller than :data:`MAX_SIDE`: enough for a
terminal at any size, small on disk, and quick to draw again offline.

Pillow comes with the optional ``images`` extra; without it every picture gets the reason
that says how to install it.
"""

from __future__ import annotations

import io
import warnings

from suxun_tui.text.i18n import N_

MAX_SIDE = 1200  # pixels: the longer side of a kept picture (200 cells of a wide terminal)
MAX_PIXELS = 40_000_000  # decoded pixels allowed: a 40-megapixel photo, not a bomb
FORMATS = frozenset({"PNG", "JPEG", "GIF", "WEBP", "BMP", "ICO", "TIFF"})
NO_PILLOW = N_("needs the images extra: pip install 'suxun-tui[images]'")


BROKEN = N_("broken picture")


class PictureError(Exception):
    """The body is not a picture we draw; the message is the placeholder's reason."""


def pillow_available() -> bool:
    """Whether Pillow can be imported (the ``images`` extra is installed)."""
    try:
        import PIL.Image  # noqa: F401
    except ImportError:
        return False
    return True


def drawable_png(data: bytes) -> bytes:
    """``data`` decoded, checked and scaled down to a PNG; raises :class:`PictureError`."""
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError as exc:
        raise PictureError(NO_PILLOW) from exc
    if not data:
        raise PictureError(N_("empty response"))
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own bomb check, for what it decodes
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in FORMATS:
                    raise PictureError(f"{image.format or 'unknown'} pictures are not shown")
                width, height = image.size
                if width < 1 or height < 1 or width * height > MAX_PIXELS:
                    raise PictureError(f"too large to draw ({width}×{height} pixels)")
                image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a smaller scale
                image.load()
                picture = image.convert("RGBA" if _has_alpha(image) else "RGB")
        picture.thumbnail((MAX_SIDE, MAX_SIDE))
        out = io.BytesIO()
        picture.save(out, format="PNG", optimize=False)
        return out.getvalue()
    except PictureError:
        raise
    except UnidentifiedImageError as exc:
        raise PictureError(N_("not a picture")) from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PictureError(N_("too large to draw (a decompression bomb)")) from exc
    except OSError as exc:  # "image file is truncated", broken chunks, bad data
        text = str(exc).lower()
        raise PictureError(N_("cut short") if "truncat" in text else BROKEN) from exc
    except (ValueError, SyntaxError, EOFError, MemoryError) as exc:
        raise PictureError(BROKEN) from exc
    except Exception as exc:  # noqa: BLE001 - a decoder's own bug must not end the reader
        raise PictureError(N_("cannot be read")) from exc


def _has_alpha(image: object) -> bool:
    mode = getattr(image, "mode", "")
    info = getattr(image, "info", {})
    return mode in ("RGBA", "LA", "PA") or (mode == "P" and "transparency" in info)
