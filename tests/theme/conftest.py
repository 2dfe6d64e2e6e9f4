"""The theme's tests share two builds of the florist: as it is (tests/conftest.py) and bare."""

from __future__ import annotations

import shutil

import pytest
from florist import build_florist
from sitebuild import ROOT, Build

FONT = "fonts/brand.woff2"


@pytest.fixture(scope="session")
def bare_site(tmp_path_factory: pytest.TempPathFactory, florist_site: Build) -> Build:
    """The florist with every piece of furniture, the search form and list covers off, a
    font of its own (a WOFF2 file under a copy of the theme's static/), a logo for the dark
    scheme and a square mark for the icons."""
    workdir = tmp_path_factory.mktemp("bare")
    theme = workdir / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "static" / "fonts").mkdir()
    (theme / "static" / FONT).write_bytes(b"wOF2" + bytes(60))  # what the build checks
    off = {
        "FURNITURE_SIDEBAR": False, "FURNITURE_READING_TIME": False, "FURNITURE_RELATED": 0,
        "FURNITURE_NEIGHBOURS": False, "FURNITURE_NAV_CURRENT": False, "FURNITURE_TABLES": False,
        "SEARCH_SERVER": False, "PICTURES_LIST_COVERS": False,
        "THEME": str(theme), "BRAND_FONT": FONT, "BRAND_FONT_NAME": "Brand Sans",
        "BRAND_LOGO_DARK": "images/logo-dark.svg", "BRAND_ICON": "images/mark.svg",
    }  # fmt: skip
    return build_florist(workdir, off, pictures_from=florist_site)
