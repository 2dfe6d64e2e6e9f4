"""The brand (plugins/brand): the palette from one accent colour and its WCAG AA check, the logo
in the header, the icons made from it, and the font served by the site."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from brand.colours import ContrastError
from brand.icons import LogoError, icon_files, read_logo
from brand.palette import TEXT_CONTRAST, contrast, derive
from florist import FLORIST_SITE, build_florist
from PIL import Image
from sitebuild import Build


def test_the_palette_keeps_the_accent_and_derives_a_dark_one_that_reads() -> None:
    palette = derive("#1d6e50")
    assert palette.light["accent"] == palette.light["link"] == "#1d6e50"
    for scheme in (palette.light, palette.dark):
        for name in ("link", "link-visited", "accent"):
            assert contrast(scheme[name], scheme["bg"]) >= TEXT_CONTRAST, (name, scheme)
            assert contrast(scheme[name], scheme["surface"]) >= TEXT_CONTRAST, (name, scheme)
        assert contrast(scheme["on-accent"], scheme["accent"]) >= TEXT_CONTRAST
    assert palette.dark["accent"] != palette.light["accent"]
    css = palette.css()
    assert css.count("--accent:") == 2 and "prefers-color-scheme: dark" in css


def test_a_pale_accent_stops_with_a_colour_that_passes() -> None:
    with pytest.raises(ContrastError) as caught:
        derive("#f5a623")
    [problem] = caught.value.problems
    assert problem.startswith("BRAND_ACCENT: '#f5a623' has a contrast of 2.03:1")
    assert "WCAG 2.1 AA" in problem and "1.4.3" in problem
    suggested = problem.split("use '")[1].split("'")[0]
    assert contrast(suggested, "#ffffff") >= TEXT_CONTRAST
    derive(suggested)  # the suggestion really passes


def test_a_dark_accent_given_for_the_dark_scheme_is_checked_too() -> None:
    with pytest.raises(ContrastError) as caught:
        derive("#1d6e50", "#1d6e50")
    [problem] = caught.value.problems
    assert problem.startswith("BRAND_ACCENT_DARK: '#1d6e50'") and "dark background" in problem
    assert derive("#1d6e50", "#7fd1ae").dark["accent"] == "#7fd1ae"


def test_icons_from_an_svg_and_a_png_logo(tmp_path: Path) -> None:
    for logo_path in (FLORIST_SITE / "images" / "logo.svg", tmp_path / "logo.png"):
        if logo_path.suffix == ".png":
            Image.new("RGBA", (300, 100), (29, 110, 80, 255)).save(logo_path)
        logo = read_logo(logo_path)
        files = icon_files(logo, "#ffffff")
        touch = Image.open(io.BytesIO(files["apple-touch-icon.png"]))
        assert touch.size == (180, 180) and touch.mode == "RGB"  # iOS shows transparency black
        ico = Image.open(io.BytesIO(files["favicon.ico"]))
        assert {(16, 16), (32, 32), (48, 48)} <= set(ico.info["sizes"])
        assert Image.open(io.BytesIO(files["favicon-32.png"])).size == (32, 32)
    assert read_logo(FLORIST_SITE / "images" / "logo.svg").width == 220


def test_a_logo_that_is_not_svg_or_png_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "logo.gif").write_bytes(b"GIF89a")
    (tmp_path / "broken.svg").write_text("<svg", encoding="utf-8")
    with pytest.raises(LogoError, match=r"logo.gif: a logo must be an SVG or a PNG"):
        read_logo(tmp_path / "logo.gif")
    with pytest.raises(LogoError, match=r"broken.svg: not an SVG image that can be drawn"):
        read_logo(tmp_path / "broken.svg")


_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {}>{}</svg>'
)
BROKEN_SVGS = {
    "empty": ("", "the file is empty"),
    "marker-without-size": (_SVG.format('width="9" height="9"', '<marker id="m" markerWidth="x"/>'
                            '<path d="M1 1 L5 5" marker-end="url(#m)"/>'), "(TypeError: "),
    "infinite-size": (_SVG.format('width="inf" height="inf"', ""), "(OverflowError: "),
    "too-big-for-cairo": (_SVG.format('width="1e9" height="1e9"', ""), "(CairoError: "),
    "uses-itself": (_SVG.format('width="9" height="9"', '<use id="a" xlink:href="#a"/>'),
                    "(RecursionError: "),
}  # fmt: skip


@pytest.mark.parametrize(("svg", "reason"), BROKEN_SVGS.values(), ids=list(BROKEN_SVGS))
def test_an_svg_logo_that_cannot_be_drawn_is_one_line_naming_the_file(
    tmp_path: Path, svg: str, reason: str
) -> None:
    (tmp_path / "logo.svg").write_text(svg, encoding="utf-8")
    with pytest.raises(LogoError) as refused:
        read_logo(tmp_path / "logo.svg")
    assert str(refused.value).startswith(f"{tmp_path / 'logo.svg'}: "), refused.value
    assert reason in str(refused.value) and "\n" not in str(refused.value), refused.value


def test_the_built_site_wears_the_brand(florist_site: Build) -> None:
    page = florist_site.page("/")
    logo = page.select_one(".site-logo img")
    assert logo["alt"] == "Lindenblatt Flowers" and (logo["width"], logo["height"]) == ("220", "56")
    assert (florist_site.output / logo["src"].lstrip("/")).read_bytes().startswith(b"<svg")
    css = (florist_site.output / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    assert "--accent:#1d6e50;" in css and css.count("/* brand:palette */") == 1
    links = {
        link["rel"][0]: link["href"]
        for link in page.select("link[rel~=icon], link[rel~=apple-touch-icon]")
    }
    assert links["apple-touch-icon"] == "/apple-touch-icon.png"
    assert Image.open(florist_site.output / "apple-touch-icon.png").size == (180, 180)
    assert (florist_site.output / "favicon.ico").is_file()


def test_an_accent_that_fails_stops_the_build_before_anything_is_written(tmp_path: Path) -> None:
    build = build_florist(tmp_path, {"BRAND_ACCENT": "#ffd700"}, must_pass=False)
    assert build.returncode != 0
    assert "BRAND_ACCENT: '#ffd700' has a contrast of 1.40:1" in build.log
    assert "Traceback" not in build.log
    assert not (tmp_path / "output" / "index.html").exists()


def test_a_font_served_by_the_site(bare_site: Build) -> None:
    """A WOFF2 file under the theme's static/: @font-face in the one stylesheet, preloaded."""
    css = (bare_site.output / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    assert '@font-face{font-family:"Brand Sans";src:url("../fonts/brand.woff2")' in css
    assert 'h1,h2,h3,.site-name{--heading-font:"Brand Sans"' in css
    assert (bare_site.output / "theme" / "fonts" / "brand.woff2").is_file()
    preload = bare_site.page("/").select_one('link[rel="preload"][as="font"]')
    assert preload["href"] == "/theme/fonts/brand.woff2" and preload.has_attr("crossorigin")


def test_a_font_that_is_not_woff2_is_refused(tmp_path: Path) -> None:
    build = build_florist(tmp_path, {"BRAND_FONT": "css/site.css"}, must_pass=False)
    assert build.returncode != 0
    assert "not a .woff2 file; convert the font to WOFF2" in build.log


def test_a_logo_without_its_text_alternative_is_refused(tmp_path: Path) -> None:
    build = build_florist(tmp_path, {"BRAND_LOGO_ALT": None}, must_pass=False)
    assert build.returncode != 0
    assert "BRAND_LOGO_ALT: a logo needs its text alternative" in build.log


def test_a_wide_wordmark_gives_a_png_favicon_of_32_pixels_but_no_svg_icon(
    florist_site: Build,
) -> None:
    """The florist's logo is 220 by 56: drawn as an SVG icon it would be a smudge."""
    head = florist_site.page("/").head
    png = head.select_one('link[rel="icon"][sizes="32x32"]')
    assert png["type"] == "image/png" and png["href"] == "/theme/brand/favicon-32.png"
    assert Image.open(florist_site.output / "theme/brand/favicon-32.png").size == (32, 32)
    assert not head.select('link[rel="icon"][type="image/svg+xml"]')


def test_a_square_mark_makes_the_icons_and_a_dark_logo_follows_the_scheme(
    bare_site: Build,
) -> None:
    page = bare_site.page("/")
    svg = page.head.select_one('link[rel="icon"][type="image/svg+xml"]')["href"]
    mark = (FLORIST_SITE / "images" / "mark.svg").read_bytes()
    assert (bare_site.output / svg.lstrip("/")).read_bytes() == mark
    assert page.head.select_one('link[rel="icon"][sizes="32x32"]')
    # The mark fills the square: its top edge is the mark's green, where the wordmark has
    # nothing (it is four times wider than high, so it sits in a band across the middle).
    for icon in ("theme/brand/favicon-32.png", "apple-touch-icon.png"):
        picture = Image.open(bare_site.output / icon).convert("RGBA")
        top = picture.getpixel((picture.width // 2, picture.height // 8))
        assert top[3] == 255 and abs(top[0] - 0x1D) + abs(top[1] - 0x6E) < 24, (icon, top)
    logo = page.select_one(".site-logo picture")
    dark = logo.select_one('source[media="(prefers-color-scheme: dark)"]')["srcset"]
    assert (bare_site.output / dark.lstrip("/")).read_bytes() == (
        FLORIST_SITE / "images" / "logo-dark.svg"
    ).read_bytes()
    assert logo.img["src"] == "/theme/brand/logo.svg"


def test_a_logo_that_vanishes_into_its_schemes_page_stops_the_build(tmp_path: Path) -> None:
    """The logo is measured on the light page, the dark logo on the dark page (WCAG 2.1 SC
    1.4.11, 3:1); a logo with no transparency brings its own background and passes."""
    from brand.plugin import SETTINGS, _read

    pale = tmp_path / "pale.png"
    Image.new("RGBA", (120, 40), (0, 0, 0, 0)).save(pale)
    ink = Image.new("RGBA", (100, 20), (238, 238, 238, 255))
    with Image.open(pale) as image:
        image.paste(ink, (10, 10))
        image.save(pale)
    Image.new("RGBA", (120, 40), (238, 238, 238, 255)).save(tmp_path / "plate.png")
    for name in ("logo.svg", "logo-dark.svg"):
        (tmp_path / name).write_bytes((FLORIST_SITE / "images" / name).read_bytes())

    def problems(**logos: str) -> list[str]:
        settings = {name: setting.default for name, setting in SETTINGS.items()}
        settings.update(PATH=str(tmp_path), THEME_STATIC_DIR="theme", CACHE_PATH=str(tmp_path))
        settings.update({"BRAND_LOGO_ALT": "Shop", **logos})
        brand, found = _read(settings)
        assert (brand is None) == bool(found)
        return found

    [light] = problems(BRAND_LOGO="pale.png")
    assert light.startswith(f"BRAND_LOGO: {tmp_path / 'pale.png'}: only 0% of the logo reaches")
    assert "light scheme's background #ffffff" in light and "1.4.11" in light
    # The florist's green wordmark reads on white (6.2:1) but not on the dark page (2.99:1).
    [dark] = problems(BRAND_LOGO="logo.svg", BRAND_LOGO_DARK="logo.svg")
    assert dark.startswith("BRAND_LOGO_DARK: ") and "#121417" in dark and "lighter" in dark
    assert problems(BRAND_LOGO="logo.svg", BRAND_LOGO_DARK="logo-dark.svg") == []
    assert problems(BRAND_LOGO="plate.png") == []
    # The verdicts are kept in the cache by the files' contents: a new logo is measured again.
    assert (tmp_path / "brand-logos.json").is_file()
    pale.write_bytes((tmp_path / "plate.png").read_bytes())
    assert problems(BRAND_LOGO="pale.png") == []
