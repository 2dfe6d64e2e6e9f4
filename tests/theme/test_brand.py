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
