"""The florist: a fixture site with a brand (logo, accent colour), posts with cover pictures,
content pictures, a wide table and shared tags, for the theme's tests (issue 20).

Its pictures are no larger than what they prove, since each is encoded into every width and
format: the tulips 1600 by 1000 (a cover with every width of the srcset), the lavender 1200 by 900
(a cover and a content picture, turned by its EXIF orientation in tests/theme/test_pictures.py),
the bouquet 800 wide (a cover above the wide table) and the chart a 900 by 420 PNG (transparent).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sitebuild import ROOT, Build, run_build

FLORIST_SITE = ROOT / "tests" / "sites" / "florist"
FLORIST_SETTINGS: dict[str, object] = {
    "BRAND_LOGO": "images/logo.svg",
    "BRAND_LOGO_ALT": "Lindenblatt Flowers",
    "BRAND_ACCENT": "#1d6e50",
}
FIRST_ARTICLE = "/2012/06/what-your-customers-keep-telling-facebook-google-and-amazon/"
COVER_POST = "/2026/03/tulip-season-is-here/"
TABLE_POST = "/2026/01/autumn-bouquets-and-what-they-cost/"
PICTURES_POST = "/2026/02/how-to-keep-a-bouquet-fresh-for-a-week/"


def build_florist(
    workdir: Path,
    overrides: dict[str, object] | None = None,
    *,
    must_pass: bool = True,
    pictures_from: Build | None = None,
) -> Build:
    """Build a fresh copy of the florist in `workdir` (its settings, then `overrides`).

    `pictures_from`: an earlier build whose picture variants to start from, as an owner's
    cache/ would hold them (the variants are keyed by the pictures' bytes), when it kept them
    in its own cache/; the test session's builds share theirs (tests/sitebuild.py)."""
    content = workdir / "content"
    shutil.copytree(FLORIST_SITE, content)
    cached = None if pictures_from is None else pictures_from.output.parent / "cache" / "pictures"
    if cached is not None and cached.is_dir():
        shutil.copytree(cached, workdir / "cache" / "pictures")
    build = run_build(workdir, content=content, overrides={**FLORIST_SETTINGS, **(overrides or {})})
    if must_pass:
        assert build.returncode == 0, build.log
    return build
