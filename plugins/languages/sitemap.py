"""The sitemap's hreflang alternates, on a site of several languages.

pelican-sitemap (1.2.2) writes an alternate only for an article's or page's translations, not
for itself nor for list pages, and spells the attribute `ref` instead of `href` (fixed in its
open pull request #48, not released), so search engines ignore them. Google's rules for
localized versions in a sitemap (developers.google.com/search/docs/specialty/international/
localized-versions#sitemap, read 2026-12-04) want every version listed under each <url>,
itself included, and x-default for the version shown to other languages. As each page is
written its versions are recorded (the same ones its <head> links); once the sitemap is
written, each <url>'s alternates are replaced by them.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from plugin_support.finalized import on_finalized

from .sites import SiteLanguages

_RECORDED: dict[str, list[tuple[str, str]]] = {}  # page address -> (hreflang, address)
_ENTRY = re.compile(
    r"(<url>\n<loc>(?P<loc>[^<]*)</loc>\n.*?</priority>\n)(?:<xhtml:link [^>]*/>\n)*(</url>)",
    re.DOTALL,
)


def take_over(settings: dict[str, Any]) -> None:
    """Write the sitemap in the `write` step of Discreet's finalized work, then complete it:
    blinker would call pelican-sitemap's receiver in no set order with ours."""
    if "pelican.plugins.sitemap" not in settings.get("PLUGINS", []):
        return
    from pelican import signals
    from pelican.plugins.sitemap import sitemap as pelican_sitemap

    signals.finalized.disconnect(pelican_sitemap.generator.finalize)
    on_finalized("write", write_then_complete)


def write_then_complete(pelican: Any) -> None:
    from pelican.plugins.sitemap import sitemap as pelican_sitemap

    pelican_sitemap.generator.finalize(pelican)
    complete_sitemap(pelican)


def record(output_file: str, alternates: list[tuple[str, str]]) -> None:
    """A written page's alternates; `output_file`: its path in the output folder."""
    _RECORDED[re.sub(r"(?:^|(?<=/))index\.html$", "", output_file)] = alternates


def alternates_of(versions: list[Any], site: SiteLanguages) -> list[tuple[str, str]]:
    """(hreflang, address) for every existing version, and x-default: the default language's;
    none for a page that exists in one language only."""
    found = [(v.lang, v.url) for v in versions if v.exists]
    if len(found) < 2:
        return []
    default = next((url for lang, url in found if lang == site.default), None)
    return found + ([("x-default", default)] if default is not None else [])


def complete_sitemap(pelican: Any) -> None:
    path = Path(pelican.output_path) / "sitemap.xml"
    if not _RECORDED or not path.is_file():
        return
    siteurl = str(pelican.settings.get("SITEURL") or "")
    link = '<xhtml:link rel="alternate" hreflang="{}" href="{}/{}"/>\n'

    def alternates(match: re.Match[str]) -> str:
        address = match["loc"].removeprefix(siteurl).removeprefix("/")
        recorded = _RECORDED.get(address, ())
        links = "".join(link.format(lang, escape(siteurl), escape(url)) for lang, url in recorded)
        return match[1] + links + match[3]

    path.write_text(_ENTRY.sub(alternates, path.read_text(encoding="utf-8")), encoding="utf-8")
    _RECORDED.clear()
