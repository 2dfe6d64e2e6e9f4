"""The logo read once, and the icons browsers and phones ask for, made from it with Pillow.

An SVG logo is drawn into pixels by CairoSVG (Pillow reads no SVG); a PNG is read as it is. The
icons put the logo, whole and centred, on a square: favicon.ico (16, 32 and 48 pixels, for
browsers that ask /favicon.ico themselves), favicon-32.png, and apple-touch-icon.png (180 by
180 on the page's background, since iOS shows transparency as black). No Pelican here.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from PIL import Image, PngImagePlugin, UnidentifiedImageError
from plugin_support import DiscreetError

RASTER_SIZE = 512  # pixels an SVG logo is drawn at before the icons are made from it
TOUCH_SIZE = 180  # Apple's size for apple-touch-icon.png (iPhone, @3x)
TOUCH_PADDING = 0.12  # of the side, around the logo
ICO_SIZES = [(16, 16), (32, 32), (48, 48)]
ICONS = {
    "favicon.ico": "image/x-icon",
    "favicon-32.png": "image/png",
    "apple-touch-icon.png": "image/png",
}


class LogoError(DiscreetError):
    """A logo the build cannot use; the message names the file and what to do."""


@dataclass(frozen=True)
class Logo:
    path: Path
    kind: str  # "svg" or "png"
    width: int  # the size it is shown at, in CSS pixels (an SVG's own size)
    height: int
    pixels: Image.Image  # RGBA, for the icons

    @property
    def suffix(self) -> str:
        return f".{self.kind}"


def read_logo(path: Path, drawings: Path | None = None) -> Logo:
    """The logo at `path`, SVG or PNG, or a LogoError naming what is wrong. `drawings`: a
    folder that keeps an SVG's drawing between builds (importing CairoSVG costs more than all
    else the brand does), by the file's bytes."""
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise LogoError(f"{path}: a logo must be an SVG or a PNG file, not {suffix or 'this'}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LogoError(f"{path}: cannot read the logo ({error.strerror})") from error
    if suffix == ".svg":
        kept = drawings / f"{_drawing_key(data)}.png" if drawings is not None else None
        logo = _kept_drawing(path, kept) if kept is not None else None
        if logo is None:
            logo = _svg(path, data)
            if kept is not None:
                _keep_drawing(logo, kept)
        return logo
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError) as error:
        raise LogoError(f"{path}: not a PNG image Pillow can read ({error})") from error
    if image.format != "PNG":
        raise LogoError(f"{path}: named .png but holds a {image.format} image; save it as PNG")
    return Logo(path, "png", image.width, image.height, image.convert("RGBA"))


def _svg(path: Path, data: bytes) -> Logo:
    import cairocffi  # type: ignore[import-untyped]  # CairoSVG draws with it; no types
    import cairosvg

    if not data.strip():  # CairoSVG would read its working folder instead of no bytes
        raise LogoError(f"{path}: the file is empty; export the logo again as plain SVG")
    # What CairoSVG raises for a file it cannot draw, each seen with a broken logo: the XML
    # parser's ParseError (a SyntaxError); ValueError for a size, number or colour it cannot
    # read and for XML entities, which it refuses; TypeError for a marker without its size;
    # OverflowError for an infinite size; RecursionError for a <use> of itself or nesting too
    # deep; CairoError for a size cairo refuses; OSError from Pillow, reading what was drawn.
    cannot_draw = (SyntaxError, ValueError, TypeError, ArithmeticError, RecursionError,
                   cairocffi.CairoError, OSError)  # fmt: skip
    try:
        natural = Image.open(io.BytesIO(cairosvg.svg2png(bytestring=data)))
        scale = RASTER_SIZE / max(natural.width, natural.height)
        drawn = cairosvg.svg2png(
            bytestring=data,
            output_width=max(1, round(natural.width * scale)),
            output_height=max(1, round(natural.height * scale)),
        )
        pixels = Image.open(io.BytesIO(drawn)).convert("RGBA")
    except cannot_draw as error:
        raise LogoError(
            f"{path}: not an SVG image that can be drawn ({type(error).__name__}: {error}); "
            "export it again from your drawing program as plain SVG"
        ) from error
    return Logo(path, "svg", natural.width, natural.height, pixels)


NATURAL_SIZE = "discreet-natural-size"  # the PNG text chunk that keeps the SVG's own size


def _drawing_key(data: bytes) -> str:
    """The SVG's bytes, how big it is drawn, and the CairoSVG that drew it."""
    made_by = f"{RASTER_SIZE}|{version('CairoSVG')}|{version('cairocffi')}|".encode()
    return hashlib.blake2b(made_by + data, digest_size=12).hexdigest()


def _kept_drawing(path: Path, kept: Path) -> Logo | None:
    """The drawing an earlier build kept, or None (none, or unreadable: drawn again)."""
    try:
        with Image.open(kept) as image:
            size = image.info[NATURAL_SIZE]  # PNG text chunks are in info too
            width, height = (int(n) for n in str(size).split("x"))
            pixels = image.convert("RGBA")
    except (OSError, KeyError, ValueError, UnidentifiedImageError):
        return None
    return Logo(path, "svg", width, height, pixels)


def _keep_drawing(logo: Logo, kept: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text(NATURAL_SIZE, f"{logo.width}x{logo.height}")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        temporary = kept.with_name(f".{kept.name}.{os.getpid()}")
        logo.pixels.save(temporary, "PNG", pnginfo=info)
        os.replace(temporary, kept)
    except OSError:
        pass  # a drawing that cannot be kept costs time, not correctness


def square(logo: Logo, size: int, background: str | None, padding: float = 0.0) -> Image.Image:
    """The logo scaled to fit a `size` square (keeping its shape), centred on `background`
    (a colour such as '#ffffff', or None for transparent)."""
    canvas = Image.new("RGBA", (size, size), background or (0, 0, 0, 0))
    room = max(1, round(size * (1 - 2 * padding)))
    picture = logo.pixels.copy()
    picture.thumbnail((room, room), Image.Resampling.LANCZOS)
    if picture.width < room and picture.height < room:  # a small PNG: scale it up to fit
        ratio = room / max(picture.width, picture.height)
        picture = picture.resize(
            (max(1, round(picture.width * ratio)), max(1, round(picture.height * ratio))),
            Image.Resampling.LANCZOS,
        )
    offset = ((size - picture.width) // 2, (size - picture.height) // 2)
    canvas.alpha_composite(picture, offset)
    return canvas


def icon_files(logo: Logo, background: str) -> dict[str, bytes]:
    """The bytes of every icon in ICONS, by file name."""

    def png(image: Image.Image) -> bytes:
        stream = io.BytesIO()
        image.save(stream, "PNG", optimize=True)
        return stream.getvalue()

    ico = io.BytesIO()
    square(logo, 48, None).save(ico, "ICO", sizes=ICO_SIZES)
    touch = square(logo, TOUCH_SIZE, background, TOUCH_PADDING).convert("RGB")
    return {
        "favicon.ico": ico.getvalue(),
        "favicon-32.png": png(square(logo, 32, None)),
        "apple-touch-icon.png": png(touch),
    }
