"""Whether a logo stands out from the page behind it, in the scheme it is shown in.

A logo with a transparent background is drawn straight on the page: a dark wordmark on the dark
scheme's page disappears. Its visible pixels are measured against the page's background with
WCAG 2.1's contrast ratio; most of them must reach 3:1, the minimum of success criterion 1.4.11
(non-text contrast) for graphics needed to understand a page. Text in a logo is exempt from
1.4.3 (logotypes), so 1.4.11's figure is the one applied. A logo with no transparency brings
its own background and is not measured. No Pelican here.
"""

from __future__ import annotations

from collections import Counter

from .icons import Logo

MIN_CONTRAST = 3.0  # WCAG 2.1 SC 1.4.11, non-text contrast
MIN_SHARE = 0.5  # of the logo's visible pixels
VISIBLE = 128  # alpha from which a pixel counts as drawn
STEP = 8  # colours are compared in steps of 8 per channel: the same verdict, far fewer colours


def contrast_problem(setting: str, logo: Logo, background: str, scheme: str) -> str | None:
    """One line naming the setting, the file and the measure when `logo` fails on
    `background` (a colour such as '#121417'), else None."""
    from .palette import contrast  # ColorAide, only for a build with a logo

    pixels = logo.pixels
    if pixels.getchannel("A").getextrema()[0] == 255:
        return None  # opaque all over: the logo brings its own background
    colours: Counter[str] = Counter()
    # An RGBA image has at most one colour a pixel, so getcolors never gives up (None).
    for count, colour in pixels.getcolors(pixels.width * pixels.height) or []:
        red, green, blue, alpha = colour if isinstance(colour, tuple) else (0, 0, 0, 0)
        if alpha >= VISIBLE:
            red, green, blue = (c // STEP * STEP for c in (red, green, blue))
            colours[f"#{red:02x}{green:02x}{blue:02x}"] += count
    drawn = sum(colours.values())
    if not drawn:
        return f"{setting}: {logo.path}: nothing in the logo is drawn (every pixel is transparent)"
    standing_out = sum(n for c, n in colours.items() if contrast(c, background) >= MIN_CONTRAST)
    share = standing_out / drawn
    if share >= MIN_SHARE:
        return None
    return (
        f"{setting}: {logo.path}: only {share:.0%} of the logo reaches a contrast of "
        f"{MIN_CONTRAST:.0f}:1 against the {scheme} scheme's background {background} (WCAG 2.1 "
        f"success criterion 1.4.11 needs it for graphics); use a version of the logo in "
        f"{'darker' if scheme == 'light' else 'lighter'} colours"
    )
