"""The search as the inbox serves it: read the build's search bundle, answer `GET /search?q=`.

The build puts everything into `<output>/.contact-inbox/search/`: the index, the results
template (the theme's search_results.html), and the results page of each language as built,
with slots where the query and the results go, so the answer looks like every other page.
The query is used to answer and then forgotten: nothing here stores or logs it. No Pelican.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, Template, TemplateError
from languages.catalogues import install
from languages.formats import FILTERS
from markupsafe import escape
from plugin_support import DiscreetError

from .query import MAX_QUERY, open_index, search

SEARCH_DIR = "search"
MANIFEST = "manifest.json"
INDEX = "index.sqlite3"
RESULTS_TEMPLATE = "results.html.j2"
SHELL = "page-{lang}.html"
QUERY_SLOT = "<!--search:query-->"
RESULTS_SLOT = "<!--search:results-->"
FORMAT = 1


class SearchBundleError(DiscreetError):
    """The build's search files cannot be used; one line naming the file and the fix."""


@dataclass(frozen=True)
class SearchManifest:
    path: str = "/search"
    per_page: int = 10
    languages: tuple[str, ...] = ("en",)  # the first is the default
    siteurl: str = ""
    country: str = ""  # the business's, which writes dates as its pages do ("12 June 2012")

    def as_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "path": self.path, "per_page": self.per_page,
                "languages": list(self.languages), "siteurl": self.siteurl,
                "country": self.country}  # fmt: skip


@dataclass(frozen=True)
class SearchService:
    directory: Path
    manifest: SearchManifest
    shells: dict[str, str]
    template: Template

    @property
    def path(self) -> str:
        return self.manifest.path

    def answer(self, arguments: Mapping[str, str]) -> tuple[int, str]:
        """(status, page) for the query string's q, page and lang."""
        languages = self.manifest.languages
        lang = arguments.get("lang", "")
        lang = lang if lang in languages else languages[0]
        query = arguments.get("q", "")[:MAX_QUERY]
        try:
            page = int(arguments.get("page", "1"))
        except ValueError:
            page = 1
        # A connection per answer: threads never share one, and a rebuilt index is read at once.
        with closing(open_index(self.directory / INDEX)) as index:
            results = search(
                index, query, lang=lang if len(languages) > 1 else None,
                page=page, per_page=self.manifest.per_page,
            )  # fmt: skip
        html = self.template.render(
            search=results,
            typed=query,
            lang=lang,
            SITEURL=self.manifest.siteurl,
            controller_country=self.manifest.country,
            previous_url=self._url(query, lang, results.page - 1) if results.page > 1 else "",
            next_url=self._url(query, lang, results.page + 1)
            if results.page < results.pages
            else "",
        )
        shell = self.shells[lang]
        page_html = shell.replace(QUERY_SLOT, str(escape(query)), 1)
        return 200, page_html.replace(RESULTS_SLOT, html, 1)

    def _url(self, query: str, lang: str, page: int) -> str:
        parameters = {"q": query, **({"lang": lang} if len(self.manifest.languages) > 1 else {})}
        return f"{self.manifest.siteurl}{self.path}?{urlencode({**parameters, 'page': page})}"


def write_search_bundle(
    bundle: Path, manifest: SearchManifest, template_source: str, shells: Mapping[str, str]
) -> Path:
    """Write the manifest, the results template and the pages (not the index) into
    `bundle`/search/; returns that folder."""
    folder = bundle / SEARCH_DIR
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        MANIFEST: json.dumps(manifest.as_dict(), indent=2) + "\n",
        RESULTS_TEMPLATE: template_source,
        **{SHELL.format(lang=lang): html for lang, html in shells.items()},
    }
    for name, text in files.items():
        temporary = folder / f".{name}.tmp"
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(folder / name)
    return folder


def search_path(bundle: Path) -> str | None:
    """The address the build's search answers at (e.g. "/search"), or None without a search:
    the server configs (plugins/deploy) send it to the inbox, unlogged."""
    try:
        raw = json.loads((Path(bundle) / SEARCH_DIR / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    path = raw.get("path") if isinstance(raw, dict) else None
    return path if isinstance(path, str) and path.startswith("/") else None


def load_search(bundle: Path) -> SearchService | None:
    """The search the build left in `bundle`, or None when it made none."""
    folder = Path(bundle) / SEARCH_DIR
    if not (folder / MANIFEST).exists():
        return None
    hint = "build the site again (make html)"
    try:
        raw = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            raise ValueError(f"expected format {FORMAT}")
        manifest = SearchManifest(
            path=str(raw["path"]),
            per_page=int(raw["per_page"]),
            languages=tuple(str(code) for code in raw["languages"]),
            siteurl=str(raw.get("siteurl", "")),
            country=str(raw.get("country", "")),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SearchBundleError(f"{folder / MANIFEST}: cannot be read ({error}); {hint}") from error
    if not manifest.languages or not manifest.path.startswith("/"):
        raise SearchBundleError(f"{folder / MANIFEST}: no languages or no path; {hint}")
    shells = {}
    for lang in manifest.languages:
        path = folder / SHELL.format(lang=lang)
        try:
            shells[lang] = path.read_text(encoding="utf-8")
        except OSError as error:
            raise SearchBundleError(f"{path}: cannot be read ({error.strerror}); {hint}") from error
        if RESULTS_SLOT not in shells[lang]:
            raise SearchBundleError(
                f"{path}: lacks the slot {RESULTS_SLOT}; the theme's search.html must output "
                f"search_page.results_slot; {hint}"
            )
    if not (folder / INDEX).is_file():
        raise SearchBundleError(f"{folder / INDEX}: no search index; {hint}")
    environment = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    install(environment, Path(bundle) / "translations")
    environment.filters.update(FILTERS)
    try:
        template = environment.from_string((folder / RESULTS_TEMPLATE).read_text(encoding="utf-8"))
    except (OSError, TemplateError) as error:
        raise SearchBundleError(
            f"{folder / RESULTS_TEMPLATE}: not a usable template ({error}); {hint}"
        ) from error
    return SearchService(folder, manifest, shells, template)
