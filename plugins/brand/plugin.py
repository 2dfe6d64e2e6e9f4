"""Pelican glue: the logo in the header, the icons made from it, and the colours and font in the
site's one stylesheet.

Everything is read and checked when Pelican starts, so a logo that cannot be read or an accent
colour that fails WCAG AA stops the build before anything is written. Once the site is
written, the theme's stylesheet in the output gets the palette derived from the accent (the
part between the `brand:palette` marks) and the font's @font-face; the icons go to the root,
where browsers and phones ask for them.
"""

from __future__ import annotations

import difflib
import logging
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import signals

from .icons import ICONS, Logo, LogoError, icon_files, read_logo
from .palette import DEFAULT_ACCENT, NEUTRALS, ContrastError, Palette, derive

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "BRAND_LOGO": None,  # a path in the content folder, e.g. "images/logo.svg" (SVG or PNG)
    "BRAND_LOGO_ALT": None,  # the logo's text alternative; required with a logo
    "BRAND_ACCENT": DEFAULT_ACCENT,  # any CSS colour
    "BRAND_ACCENT_DARK": None,  # None: derived from BRAND_ACCENT for the dark scheme
    "BRAND_FONT": None,  # a WOFF2 file under the theme's static/, e.g. "fonts/brand.woff2"
    "BRAND_FONT_NAME": None,  # its family name; default: the file's name
    "BRAND_FONT_FOR": "headings",  # "headings", or "text" for every word of the site
    "BRAND_ICONS": True,  # favicon and apple-touch icon from the logo
}
PALETTE_MARKS = re.compile(r"/\* brand:palette \*/.*?/\* /brand:palette \*/", re.DOTALL)
STYLESHEET = Path("css") / "site.css"
LOGO_FOLDER = "brand"  # under THEME_STATIC_DIR in the output
WOFF2_MAGIC = b"wOF2"


class BrandFailed(Exception):
    exitcode = 1


@dataclass
class Brand:
    """What the theme needs (`brand` in every template) and what `finalized` writes."""

    palette: Palette
    logo: Logo | None = None
    font: Path | None = None
    context: dict[str, Any] = field(default_factory=dict)


_BRANDS: dict[int, Brand] = {}  # by id of the build's settings


def register() -> None:
    signals.initialized.connect(initialize)
    signals.generator_init.connect(give_templates)
    signals.finalized.connect(write_files)


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    problems = settings_problems(settings)
    brand = None
    if not problems:
        brand, problems = _read(settings)
    if problems or brand is None:
        for problem in problems:
            log.error("brand: %s", problem)
        raise BrandFailed(f"brand: {len(problems)} problem(s) above; fix them in pelicanconf.py")
    _BRANDS[id(settings)] = brand


def settings_problems(settings: dict[str, Any]) -> list[str]:
    problems = []
    for name in sorted(n for n in settings if n.startswith("BRAND_") and n not in DEFAULTS):
        close = difflib.get_close_matches(name, DEFAULTS, n=1)
        known = f"did you mean {close[0]}?" if close else f"known: {', '.join(DEFAULTS)}"
        problems.append(f"{name}: unknown setting; {known}")
    for name in ("BRAND_LOGO", "BRAND_LOGO_ALT", "BRAND_ACCENT_DARK", "BRAND_FONT",
                 "BRAND_FONT_NAME"):  # fmt: skip
        if settings[name] is not None and not isinstance(settings[name], str):
            problems.append(f"{name}: expected text or None, got {settings[name]!r}")
    if not isinstance(settings["BRAND_ACCENT"], str):
        problems.append(f"BRAND_ACCENT: expected a CSS colour such as '#1d4e89', "
                        f"got {settings['BRAND_ACCENT']!r}")  # fmt: skip
    if settings["BRAND_FONT_FOR"] not in ("headings", "text"):
        problems.append(f"BRAND_FONT_FOR: expected 'headings' or 'text', "
                        f"got {settings['BRAND_FONT_FOR']!r}")  # fmt: skip
    if not isinstance(settings["BRAND_ICONS"], bool):
        problems.append(f"BRAND_ICONS: expected True or False, got {settings['BRAND_ICONS']!r}")
    if settings["BRAND_LOGO"] and not (settings["BRAND_LOGO_ALT"] or "").strip():
        problems.append("BRAND_LOGO_ALT: a logo needs its text alternative, what the logo says "
                        "(usually the business's name), e.g. BRAND_LOGO_ALT = 'Example Shop'")
    return problems


def _read(settings: dict[str, Any]) -> tuple[Brand | None, list[str]]:
    problems: list[str] = []
    try:
        palette = derive(settings["BRAND_ACCENT"], settings["BRAND_ACCENT_DARK"])
    except ContrastError as error:
        return None, error.problems
    except ValueError as error:
        return None, [str(error)]
    brand = Brand(palette)
    static = settings["THEME_STATIC_DIR"].strip("/")
    if settings["BRAND_LOGO"]:
        path = Path(settings["PATH"]) / settings["BRAND_LOGO"]
        try:
            brand.logo = read_logo(path)
        except LogoError as error:
            problems.append(f"BRAND_LOGO: {error}")
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
        if settings["BRAND_ICONS"]:
            context["icons"] = {name: _icon_path(static, name) for name in ICONS}
    if brand.font is not None:
        context["font"] = {
            "url": f"{static}/{settings['BRAND_FONT'].lstrip('/')}",
            "name": settings["BRAND_FONT_NAME"] or brand.font.stem,
        }
    brand.context = context
    return brand, []


def _icon_path(static: str, name: str) -> str:
    """favicon.ico and apple-touch-icon.png at the root, where they are asked for unlinked."""
    return name if name in ("favicon.ico", "apple-touch-icon.png") else f"{static}/{LOGO_FOLDER}/{name}"


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
    brand = _BRANDS.get(id(generator.settings))
    if brand is not None:
        generator.context["brand"] = brand.context


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
    static = output / settings["THEME_STATIC_DIR"].strip("/")
    source = Path(settings["THEME"]) / "static" / STYLESHEET
    css = stylesheet(source.read_text(encoding="utf-8"), brand, settings)
    _write(static / STYLESHEET, css.encode("utf-8"))
    if brand.logo is not None:
        shutil.copyfile(brand.logo.path, _prepared(static / LOGO_FOLDER / f"logo{brand.logo.suffix}"))
        if settings["BRAND_ICONS"]:
            background = NEUTRALS["light"]["bg"]
            for name, data in icon_files(brand.logo, background).items():
                _write(output / _icon_path(settings["THEME_STATIC_DIR"].strip("/"), name), data)


def _prepared(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _write(path: Path, data: bytes) -> None:
    """Write only what changed: an unchanged file keeps its time, so hosts and caches agree."""
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    temporary = _prepared(path).with_name(f".{path.name}.{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)
