"""Pelican glue: the logo in the header, the icons made from it, and the colours and font in the
site's one stylesheet.

Everything is read and checked when Pelican starts, so a logo that cannot be read or an accent
colour that fails WCAG AA stops the build before anything is written. Once the site is
written, the theme's stylesheet in the output gets the palette derived from the accent (the
part between the `brand:palette` marks) and the font's @font-face; the icons go to the root,
where browsers and phones ask for them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hashed_assets.names import hashed_name
from pelican import signals
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.finalized import on_finalized
from plugin_support.settings import flag, text, text_or_none

from .colours import DEFAULT_ACCENT, NEUTRALS, ContrastError, Palette
from .icons import ICONS, Logo, LogoError, icon_files, read_logo
from .logo_contrast import contrast_problem

log = logging.getLogger(__name__)


def _font_for(value: Any) -> bool:
    return value in ("headings", "text")


SETTINGS: dict[str, Setting] = {
    "BRAND_LOGO": Setting(None, text_or_none, "a path in the content folder such as "
                          "'images/logo.svg' (SVG or PNG), or None"),
    "BRAND_LOGO_ALT": Setting(None, text_or_none, "the logo's text alternative, e.g. the name"),
    "BRAND_LOGO_DARK": Setting(None, text_or_none, "the logo for the dark colour scheme, a path "
                               "in the content folder such as 'images/logo-dark.svg', or None"),
    "BRAND_ICON": Setting(None, text_or_none, "a square mark for the icons, a path in the "
                          "content folder such as 'images/mark.svg', or None (the logo)"),
    "BRAND_ACCENT": Setting(DEFAULT_ACCENT, text, "a CSS colour such as '#1d4e89'"),
    "BRAND_ACCENT_DARK": Setting(None, text_or_none, "a CSS colour, or None to derive it"),
    "BRAND_FONT": Setting(None, text_or_none, "a WOFF2 file under the theme's static/ such as "
                          "'fonts/brand.woff2', or None"),
    "BRAND_FONT_NAME": Setting(None, text_or_none, "the font's family name, or None"),
    "BRAND_FONT_FOR": Setting("headings", _font_for, "'headings' or 'text'"),
    "BRAND_ICONS": Setting(True, flag, "True or False"),  # favicon and touch icon from the logo
}  # fmt: skip
PALETTE_MARKS = re.compile(r"/\* brand:palette \*/.*?/\* /brand:palette \*/", re.DOTALL)
STYLESHEET = Path("css") / "site.css"
LOGO_FOLDER = "brand"  # under THEME_STATIC_DIR in the output
WOFF2_MAGIC = b"wOF2"


@dataclass
class Brand:
    """What the theme needs (`brand` in every template) and what `finalized` writes."""

    palette: Palette
    logo: Logo | None = None
    logo_dark: Logo | None = None
    icon: Logo | None = None  # the square mark the icons are made from (else the logo)
    font: Path | None = None
    context: dict[str, Any] = field(default_factory=dict)
    css: str = ""  # the theme's stylesheet with this palette and font


_BRANDS: dict[int, Brand] = {}  # by id of the build's settings


def register() -> None:
    signals.initialized.connect(initialize)
    signals.generator_init.connect(give_templates)
    on_finalized("write", write_files)  # before the guard audits and the copies are compressed


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    with_defaults(settings, SETTINGS)
    problems = setting_problems(settings, "BRAND_", SETTINGS)
    if settings["BRAND_LOGO_DARK"] and not settings["BRAND_LOGO"]:
        problems.append(
            "BRAND_LOGO_DARK: a logo for the dark scheme needs the logo itself; set BRAND_LOGO "
            "too, e.g. BRAND_LOGO = 'images/logo.svg'"
        )
    if settings["BRAND_LOGO"] and not (settings["BRAND_LOGO_ALT"] or "").strip():
        problems.append(
            "BRAND_LOGO_ALT: a logo needs its text alternative, what the logo says (usually "
            "the business's name), e.g. BRAND_LOGO_ALT = 'Example Shop'"
        )
    brand = None
    if not problems:
        brand, problems = _read(settings)
    if problems or brand is None:
        stop_build(log, problems)
    source = (Path(settings["THEME"]) / "static" / STYLESHEET).read_text(encoding="utf-8")
    brand.css = stylesheet(source, brand, settings)
    _BRANDS[id(settings)] = brand


def _read(settings: dict[str, Any]) -> tuple[Brand | None, list[str]]:
    problems: list[str] = []
    try:
        palette = _palette(settings)
    except ContrastError as error:
        return None, [str(problem) for problem in error.problems]
    except ValueError as error:
        return None, [str(error)]
    brand = Brand(palette)
    static = settings["THEME_STATIC_DIR"].strip("/")
    logos = {}
    drawings = Path(settings.get("CACHE_PATH") or "cache") / "brand-drawings"
    for setting in ("BRAND_LOGO", "BRAND_LOGO_DARK", "BRAND_ICON"):
        if settings[setting]:
            try:
                logos[setting] = read_logo(Path(settings["PATH"]) / settings[setting], drawings)
            except LogoError as error:
                problems.append(f"{setting}: {error}")
    brand.logo, brand.logo_dark = logos.get("BRAND_LOGO"), logos.get("BRAND_LOGO_DARK")
    brand.icon = logos.get("BRAND_ICON")
    problems += _logo_problems(brand, settings)
    if settings["BRAND_FONT"]:
        font = Path(settings["THEME"]) / "static" / settings["BRAND_FONT"]
        problems += _font_problems(font)
        brand.font = font
    if problems:
        return None, problems
    context: dict[str, Any] = {"accent": palette.light["accent"]}
    if brand.logo is not None:
        logo = brand.logo
        context["logo"] = {
            "url": f"{static}/{LOGO_FOLDER}/logo{logo.suffix}",
            "alt": settings["BRAND_LOGO_ALT"].strip(),
            "width": logo.width,
            "height": logo.height,
            "kind": logo.kind,
        }
        if brand.logo_dark is not None:
            context["logo"]["dark_url"] = (
                f"{static}/{LOGO_FOLDER}/logo-dark{brand.logo_dark.suffix}"
            )
    mark = _mark(brand)
    if mark is not None and settings["BRAND_ICONS"]:
        context["icons"] = {name: _icon_path(static, name) for name in ICONS}
        if mark.kind == "svg" and _square(mark):  # browsers draw an SVG icon at any size
            name = "icon.svg" if mark is brand.icon else "logo.svg"
            context["icons"]["svg"] = f"{static}/{LOGO_FOLDER}/{name}"
    if brand.font is not None:
        context["font"] = {
            "url": f"{static}/{settings['BRAND_FONT'].lstrip('/')}",
            "name": settings["BRAND_FONT_NAME"] or brand.font.stem,
        }
    brand.context = context
    return brand, []


PALETTE_VERSION = 1  # change it when palette.py derives other colours from the same accent


def _palette(settings: dict[str, Any]) -> Palette:
    """The palette of the accent colours, from the cache when these colours were seen before
    (deriving it means importing ColorAide, which costs more than all else the brand does)."""
    from_cache = _cached(
        settings,
        "brand-palette.json",
        [PALETTE_VERSION, settings["BRAND_ACCENT"], settings["BRAND_ACCENT_DARK"]],
        lambda: _derive(settings).as_dict(),
    )
    return Palette(**from_cache)


def _derive(settings: dict[str, Any]) -> Palette:
    from .palette import derive

    return derive(settings["BRAND_ACCENT"], settings["BRAND_ACCENT_DARK"])


def _cached(settings: dict[str, Any], name: str, key: list[Any], compute: Callable[[], Any]) -> Any:
    """compute()'s JSON value, from CACHE_PATH/`name` when it was made for `key` before."""
    cache = Path(settings.get("CACHE_PATH") or "cache") / name
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if cached["key"] == key:
            return cached["value"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    value = compute()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps({"key": key, "value": value}), encoding="utf-8")
    except OSError:
        pass  # a cache that cannot be written costs time, not correctness
    return value


LOGO_CHECK_VERSION = 1  # change it when logo_contrast.py measures otherwise


def _logo_problems(brand: Brand, settings: dict[str, Any]) -> list[str]:
    """The logo against the light page, the dark logo against the dark page; from the cache
    when these files were measured before (the measure needs ColorAide too)."""
    shown = [(name, logo, scheme)
             for name, logo, scheme in (("BRAND_LOGO", brand.logo, "light"),
                                        ("BRAND_LOGO_DARK", brand.logo_dark, "dark"))
             if logo is not None]  # fmt: skip
    key = [LOGO_CHECK_VERSION] + [
        [name, str(logo.path), hashlib.sha256(logo.path.read_bytes()).hexdigest(), scheme]
        for name, logo, scheme in shown
    ]

    def measure() -> list[str]:
        found = [contrast_problem(name, logo, NEUTRALS[scheme]["bg"], scheme)
                 for name, logo, scheme in shown]  # fmt: skip
        return [problem for problem in found if problem]

    return list(_cached(settings, "brand-logos.json", key, measure)) if shown else []


def _mark(brand: Brand) -> Logo | None:
    """What the icons are made from: the square mark, else the logo."""
    return brand.icon if brand.icon is not None else brand.logo


def _square(logo: Logo) -> bool:
    return 0.8 <= logo.width / max(1, logo.height) <= 1.25


def _icon_path(static: str, name: str) -> str:
    """favicon.ico and apple-touch-icon.png at the root, where they are asked for unlinked."""
    at_root = name in ("favicon.ico", "apple-touch-icon.png")
    return name if at_root else f"{static}/{LOGO_FOLDER}/{name}"


def _font_problems(font: Path) -> list[str]:
    if font.suffix.lower() != ".woff2":
        return [f"BRAND_FONT: {font} is not a .woff2 file; convert the font to WOFF2 (the only "
                "format every current browser reads, and the smallest)"]  # fmt: skip
    try:
        with font.open("rb") as stream:
            magic = stream.read(4)
    except OSError as error:
        return [f"BRAND_FONT: {font}: cannot read it ({error.strerror}); put the WOFF2 file "
                "under the theme's static/ folder and name it relative to that folder"]  # fmt: skip
    if magic != WOFF2_MAGIC:
        return [f"BRAND_FONT: {font} does not hold a WOFF2 font; convert the font to WOFF2"]
    return []


def give_templates(generator: Any) -> None:
    """`brand` for the templates; in `make publish` (hashed_assets) the stylesheet's hashed name
    is that of the branded stylesheet, so a new accent colour is a new name too."""
    brand = _BRANDS.get(id(generator.settings))
    if brand is None:
        return
    generator.context["brand"] = brand.context
    assets = generator.context.get("THEME_ASSETS")
    if assets and STYLESHEET.as_posix() in assets:
        assets[STYLESHEET.as_posix()] = hashed_name(STYLESHEET.as_posix(), brand.css.encode())


def stylesheet(source: str, brand: Brand, settings: dict[str, Any]) -> str:
    """The theme's stylesheet with the brand's palette and font in place of its defaults."""
    parts = [brand.palette.css()]
    font = brand.context.get("font")
    if font:
        name = font["name"].replace('"', "")
        parts.append(
            # The stylesheet is <static>/css/site.css; the font is under <static>/ too.
            f'@font-face{{font-family:"{name}";src:url("../{settings["BRAND_FONT"].lstrip("/")}") '
            f'format("woff2");font-display:swap;font-weight:100 900;}}\n'
        )
        target = ":root" if settings["BRAND_FONT_FOR"] == "text" else "h1,h2,h3,.site-name"
        variable = "--font" if settings["BRAND_FONT_FOR"] == "text" else "--heading-font"
        parts.append(f'{target}{{{variable}:"{name}",system-ui,sans-serif;}}\n')
    block = "/* brand:palette */\n" + "".join(parts) + "/* /brand:palette */"
    if not PALETTE_MARKS.search(source):
        return source + "\n" + block + "\n"
    return PALETTE_MARKS.sub(lambda _: block, source, count=1)


def write_files(pelican: Any) -> None:
    settings = pelican.settings
    brand = _BRANDS.get(id(settings))
    if brand is None:
        return
    output = Path(pelican.output_path)
    static_dir = settings["THEME_STATIC_DIR"].strip("/")
    static = output / static_dir
    css = brand.css.encode("utf-8")
    _write(static / STYLESHEET, css)
    if settings.get("HASHED_ASSETS"):  # the name pages link in `make publish`
        _write(static / hashed_name(STYLESHEET.as_posix(), css), css)
    for name, logo in (("logo", brand.logo), ("logo-dark", brand.logo_dark), ("icon", brand.icon)):
        if logo is not None:
            _write(static / LOGO_FOLDER / f"{name}{logo.suffix}", logo.path.read_bytes())
    mark = _mark(brand)
    if mark is not None and settings["BRAND_ICONS"]:
        background = NEUTRALS["light"]["bg"]
        for name, data in icon_files(mark, background).items():
            _write(output / _icon_path(static_dir, name), data)


def _write(path: Path, data: bytes) -> None:
    """Write only what changed: an unchanged file keeps its time, so hosts and caches agree."""
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)
