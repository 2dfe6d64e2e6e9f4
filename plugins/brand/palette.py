"""The site's colours, derived from one accent colour for the light and the dark scheme.

The accent is the business's own colour: in the light scheme it is used exactly as given (links,
buttons, the header's rule), so a brand colour that is too pale to read stops the build with the
nearest shade of the same hue that passes. The dark scheme's accent is derived (same hue and
chroma, lighter) unless the owner gives one, which is checked the same way.

Contrast is WCAG 2.1's: success criterion 1.4.3 asks 4.5:1 for text (links and button labels are
text), 1.4.11 asks 3:1 for the focus ring. ColorAide does the colour science (parsing, OKLCH,
WCAG 2.1 contrast, gamut mapping); no Pelican here.
"""

from __future__ import annotations

from collections.abc import Callable

from coloraide import Color

from .colours import DEFAULT_ACCENT, NEUTRALS, ContrastError, Palette

TEXT_CONTRAST = 4.5  # WCAG 2.1 SC 1.4.3 (AA), normal text
NON_TEXT_CONTRAST = 3.0  # WCAG 2.1 SC 1.4.11 (AA), focus indicators and controls
SURFACE_TINT = 0.07  # how much accent goes into the surface (code, tables, the contents box)
RULE_TINT = 0.25
# A derived dark accent aims higher than AA: light text on a dark page reads better with room.
DERIVED_DARK_CONTRAST = 7.0  # WCAG 2.1 SC 1.4.6 (AAA)
VISITED_TURN = 35.0  # degrees of hue between a link and a visited link (toward violet)


def parse(value: str, setting: str) -> Color:
    """A CSS colour (#1d4e89, rgb(...), oklch(...), a name), or a one-line ValueError."""
    try:
        colour = Color(value.strip())
    except (ValueError, TypeError, AttributeError) as error:
        raise ValueError(
            f"{setting}: {value!r} is not a colour; write it as a CSS colour such as '#1d4e89'"
        ) from error
    return colour.convert("srgb").fit("srgb")


def hex_of(colour: Color) -> str:
    return colour.convert("srgb").fit("srgb").to_string(hex=True)


def contrast(one: Color | str, other: Color | str) -> float:
    return float(Color(one).contrast(Color(other), method="wcag21"))


def derive(accent: str = DEFAULT_ACCENT, accent_dark: str | None = None) -> Palette:
    """Both schemes' colours; raises ContrastError naming each accent that fails, with the
    nearest passing shade of it."""
    light_accent = parse(accent, "BRAND_ACCENT")
    problems: list[str] = []
    light = _scheme("light", light_accent)
    problems += _problems("BRAND_ACCENT", accent, "light", light_accent)
    if accent_dark is None:
        dark_accent = _nearest_passing("dark", light_accent, DERIVED_DARK_CONTRAST)
    else:
        dark_accent = parse(accent_dark, "BRAND_ACCENT_DARK")
        problems += _problems("BRAND_ACCENT_DARK", accent_dark, "dark", dark_accent)
    dark = _scheme("dark", dark_accent)
    if problems:
        raise ContrastError(problems)
    return Palette(light, dark)


def _scheme(scheme: str, accent: Color) -> dict[str, str]:
    neutral = NEUTRALS[scheme]
    bg = Color(neutral["bg"])
    surface = bg.mix(accent, SURFACE_TINT, space="oklab")
    visited = _visited(scheme, accent)
    return {
        "bg": neutral["bg"],
        "fg": neutral["fg"],
        "muted": neutral["muted"],
        "link": hex_of(accent),
        "link-visited": hex_of(visited),
        "accent": hex_of(accent),
        "on-accent": neutral["bg"],
        "rule": hex_of(bg.mix(accent, RULE_TINT, space="oklab")),
        "surface": hex_of(surface),
        "focus": neutral["focus"],
    }


def _visited(scheme: str, accent: Color) -> Color:
    """The accent turned toward violet, then moved to the nearest lightness that reads."""
    turned = accent.convert("oklch")
    hue = turned["hue"] if turned["hue"] == turned["hue"] else 0.0  # NaN for greys
    turned["hue"] = (hue + VISITED_TURN) % 360
    return _nearest_passing(scheme, turned.convert("srgb").fit("srgb"))


def _checks(
    scheme: str, accent: Color, need: float = TEXT_CONTRAST
) -> list[tuple[str, Color, float]]:
    """(what, against, needed) for the accent in one scheme."""
    neutral = NEUTRALS[scheme]
    bg = Color(neutral["bg"])
    surface = bg.mix(accent, SURFACE_TINT, space="oklab")
    return [
        # Links on the page, and buttons whose label is the page's background colour.
        (f"against the {scheme} background {neutral['bg']}", bg, need),
        (f"against the {scheme} surface {hex_of(surface)}", surface, need),
    ]


def _passes(scheme: str, accent: Color, need: float = TEXT_CONTRAST) -> bool:
    checks = _checks(scheme, accent, need)
    return all(contrast(accent, against) >= needed for _, against, needed in checks)


def _problems(setting: str, given: str, scheme: str, accent: Color) -> list[str]:
    failed = [
        (what, contrast(accent, against), need)
        for what, against, need in _checks(scheme, accent)
        if contrast(accent, against) < need
    ]
    if not failed:
        return []
    what, ratio, need = failed[0]
    better = _nearest_passing(scheme, accent)
    better_ratio = min(contrast(better, against) for _, against, _ in _checks(scheme, better))
    return [
        f"{setting}: {given!r} has a contrast of {ratio:.2f}:1 {what}, and WCAG 2.1 AA "
        f"(success criterion 1.4.3) needs {need}:1 for text; use {hex_of(better)!r}, the "
        f"nearest shade of the same colour that passes ({better_ratio:.2f}:1)"
    ]


def _nearest_passing(scheme: str, accent: Color, need: float = TEXT_CONTRAST) -> Color:
    """The accent, or the shade of it (same OKLCH hue and chroma) closest in lightness that
    passes every check of the scheme: darker on the light background, lighter on the dark."""
    if _passes(scheme, accent, need):
        return accent
    step = -0.005 if scheme == "light" else 0.005
    return _search(accent, step, lambda colour: _passes(scheme, colour, need))


def _search(start: Color, step: float, passes: Callable[[Color], bool]) -> Color:
    shade = start.convert("oklch")
    lightness = float(shade["lightness"])
    while 0.0 <= lightness <= 1.0:
        lightness += step
        candidate = shade.clone()
        candidate["lightness"] = min(1.0, max(0.0, lightness))
        colour = candidate.convert("srgb").fit("srgb")
        # Round to what the stylesheet will say, so the check holds for the written colour.
        colour = Color(hex_of(colour))
        if passes(colour):
            return colour
    # Black on the light scheme and white on the dark one always pass.
    return Color("#000000" if step < 0 else "#ffffff")
