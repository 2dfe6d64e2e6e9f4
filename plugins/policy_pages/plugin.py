"""The Pelican glue: check the policy at `initialized`, write its pages through the theme.

Everything is checked when Pelican starts, before any file is written: a bad
declaration, a missing release, unreleased changes, vague words or an unmet
requirement are logged as errors, one line each, and the build stops with a
one-line exception (no traceback). Then the plugin makes the declaration the
one source of the site's identity: SITENAME and AUTHOR come from site.name
unless the settings set them, SITEURL from site.url where the settings say
`DECLARED_SITE_URL` (publishconf.py), and templates get `declaration`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

import blinker
from declaration.advice import declaration_warnings
from declaration.countries import country_name
from pelican import signals
from pelican.generators import Generator, PelicanTemplateNotFound
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import Writer
from plugin_support import Setting, deferred, setting_problems, stop_build, with_defaults
from plugin_support.settings import flag, path_or_none, text_or_none
from privacy_guard import REPORT_PAGE_URL as GUARD_REPORT_PAGE_URL

from .conf import fill_declared_site_url
from .document import Document
from .errors import PolicyError
from .facts import FormFields, SiteFacts
from .formats import default_timezone_for, filters
from .lang import words_for
from .site import PolicySite, build_policy_site

logger = logging.getLogger(__name__)


def _name(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _pairs(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(
        isinstance(pair, list | tuple) and len(pair) == 2 and all(isinstance(x, str) for x in pair)
        for pair in value
    )


SETTINGS: dict[str, Setting] = {
    # None: <PATH>/privacy.yml
    "POLICY_DECLARATION": Setting(None, path_or_none, 'a path as text, e.g. "content/privacy.yml"'),
    # None: <PATH>/policy-versions
    "POLICY_VERSIONS_PATH": Setting(
        None, path_or_none, 'a path as text, e.g. "content/policy-versions"'
    ),
    "POLICY_TEMPLATE": Setting("policy", _name, 'a template name as text, e.g. "policy"'),
    # None: the privacy guard's report, when the guard says it writes one
    "POLICY_REPORT_URL": Setting(
        None, text_or_none, 'a URL path as text, e.g. "privacy/report/", or None'
    ),
    # True: an unreleased declaration is previewed as draft pages (pelicanconf.py); False: it
    # stops the build (publishconf.py, and any site that does not ask for previews).
    "POLICY_DRAFTS": Setting(False, flag, "True or False"),
    # The theme's setting, which the plugin completes with the policy pages' links.
    "FOOTER_LINKS": Setting(
        (), _pairs, 'a list of (title, URL) pairs, e.g. [("Privacy policy", "privacy/")]'
    ),
}
_REQUIRED_TITLES = {"privacy": "Privacy policy", "cookies": "Cookie statement"}
_ENGLISH_URLS = words_for("en").SLUGS  # the policy pages' addresses as settings write them
LEGAL_NOTICE_URL = _ENGLISH_URLS["legal-notice"]
REQUIRED_FOOTER = {_ENGLISH_URLS[key]: title for key, title in _REQUIRED_TITLES.items()}

_SITES: dict[str, PolicySite] = {}  # by fingerprint of the files read: one load per content
_GENERATORS: dict[int, PolicyPagesGenerator] = {}  # by id(settings): this build's generator


def register() -> None:
    signals.initialized.connect(initialize)
    signals.get_generators.connect(add_generator)
    blinker.signal("privacy_guard.audited").connect(follow_the_audit)
    signals.finalized.connect(report_draft)


def add_generator(_: Any) -> type[Generator]:
    return PolicyPagesGenerator


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    with_defaults(settings, SETTINGS)
    wrong = setting_problems(settings, "POLICY_", SETTINGS)
    if wrong:
        _fail(wrong)
    site = policy_site(settings)
    _warn(_path(settings, "POLICY_DECLARATION", "privacy.yml"))
    declared = site.declaration.site
    for name in ("SITENAME", "AUTHOR"):
        if settings.get(name) in (None, "", DEFAULT_CONFIG.get(name)):
            settings[name] = declared.name
    fill_declared_site_url(settings, str(declared.url))
    settings["FOOTER_LINKS"] = footer_links(settings, site)
    leave_drafts_out_of_the_sitemap(settings, site)
    address = site.declaration.controller.address
    wrong_zone = default_timezone_for(settings, address)
    if wrong_zone:
        _fail([wrong_zone])
    settings["JINJA_FILTERS"] = {
        **settings.get("JINJA_FILTERS", {}),
        "country_name": country_name,
        **filters(settings.get("DEFAULT_LANG") or "en"),
    }


# Marks the sitemap exclusions this plugin adds (a regex comment), so that `make regenerate`,
# which reuses the settings, replaces them once the policy is released.
_DRAFT_MARK = "(?#policy draft)"


def leave_drafts_out_of_the_sitemap(settings: dict, site: PolicySite) -> None:
    """A draft policy page asks search engines not to index it; the sitemap must not offer it
    to them either (pelican-sitemap's `exclude`: regexes on the page's address)."""
    if "SITEMAP" not in settings:
        return
    sitemap = dict(settings["SITEMAP"])
    kept = [p for p in sitemap.get("exclude", ()) if not p.startswith(_DRAFT_MARK)]
    drafts = [f"{_DRAFT_MARK}^{re.escape(d.url)}$" for d in site.pages if d.draft]
    settings["SITEMAP"] = {**sitemap, "exclude": [*kept, *drafts]}


def footer_links(settings: dict, site: PolicySite) -> list[tuple[str, str]]:
    """The site's footer links, with the CCPA's links added and the legal notice only if written."""
    links = [tuple(link) for link in settings.get("FOOTER_LINKS", [])]
    urls = {url for _, url in links}
    missing = [f'("{title}", "{url}")' for url, title in REQUIRED_FOOTER.items() if url not in urls]
    if missing:
        _fail(
            [
                f"FOOTER_LINKS: every page must link the privacy policy and the cookie statement "
                f"(meta.link_everywhere); add {' and '.join(missing)}"
            ]
        )
    if site.page("legal-notice") is None:
        links = [link for link in links if link[1] != LEGAL_NOTICE_URL]
    return links + [link for link in site.footer_links if link[1] not in urls]


def policy_site(settings: dict, facts: SiteFacts | None = None) -> PolicySite:
    """The checked policy of this content, stating `facts` (None: this build's); logs and raises
    when it cannot be published."""
    declaration = _path(settings, "POLICY_DECLARATION", "privacy.yml")
    versions = _path(settings, "POLICY_VERSIONS_PATH", "policy-versions")
    drafts = bool(settings.get("POLICY_DRAFTS", False))
    facts = _facts(settings) if facts is None else facts
    key = _fingerprint(declaration, versions) + facts.key() + str(drafts)
    if key not in _SITES:
        try:
            site = build_policy_site(declaration, versions, facts, drafts=drafts)
        except PolicyError as error:
            problems = error.problems
        else:
            _SITES.clear()
            _SITES[key] = site
            return site
        # Logged outside the except block: strict-build appends the exception being handled to
        # every line logged while it is handled.
        _fail(problems)
    return _SITES[key]


def report_draft(pelican: Any) -> None:
    """Say, after the build, that the policy pages are a preview and how to release them."""
    site = next(iter(_SITES.values()), None)
    if site is not None and site.draft and pelican.settings.get("POLICY_DRAFTS"):
        what = (
            f"has unreleased changes since {site.releases[-1].date.isoformat()} (the latest "
            "release)"
            if site.releases
            else "is not released yet"
        )
        deferred.say_after_success(
            f"policy: the declaration {what}, so the policy pages are drafts "
            '(marked "Draft: not yet released", not indexed, no date, not in the sitemap); look '
            "at them, then run make policy-release; make publish refuses drafts"
        )


def _facts(settings: dict) -> SiteFacts:
    """The fields of the contact form (form: contact), when that plugin is on: what the policy
    says people must fill in follows from the real form."""
    search = False
    if "site_search" in settings.get("PLUGINS", []):
        from site_search.plugin import searching

        search = searching(settings)
    if "contact_form" not in settings.get("PLUGINS", []):
        return SiteFacts(search=search)
    from contact_form.fields import published_fields_in

    # The labels as written, and as each language's form shows them: one per theme catalogue.
    catalogues = Path(str(settings.get("THEME") or "theme"), "translations")
    languages = sorted(p.name for p in catalogues.glob("*") if (p / "LC_MESSAGES").is_dir())
    shown = published_fields_in(settings, [None, *(lang.replace("_", "-") for lang in languages)])
    if not shown:
        return SiteFacts(search=search)
    written = shown.pop(None)
    by_language = {lang: {"contact": FormFields(*labels)} for lang, labels in shown.items() if lang}
    return SiteFacts(
        forms={"contact": FormFields(*written)}, forms_by_language=by_language, search=search
    )


def follow_the_audit(pelican: Any, contacted: frozenset[str], **_: Any) -> None:
    """After the privacy guard's audit: the pages that say which companies' servers the browser
    contacts state what this build does, not only what the declaration allows (a newsletter
    processor that receives data from us, but that no page loads, is not one the browser
    contacts). Pages that read the same either way are left as written."""
    generator = _GENERATORS.pop(id(pelican.settings), None)
    if generator is not None:
        generator.rewrite(replace(generator.facts, contacted=contacted))


def _warn(declaration: Path) -> None:
    """declaration/advice.py's warnings (a basis that reads wrong, orders without statutory
    records): printed, never logged, so that they show without failing a strict build."""
    for warning in declaration_warnings(declaration):
        print(f"warning: {warning}", file=sys.stderr)


def _fail(problems: list[str]) -> NoReturn:
    stop_build(logger, problems)


def _path(settings: dict, name: str, default: str) -> Path:
    """The setting's path as people read it: relative to the working folder when inside it."""
    value = settings.get(name) or os.path.join(settings["PATH"], default)
    path = Path(value).absolute()
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _fingerprint(declaration: Path, versions: Path) -> str:
    """What the files hold now; a file or folder that cannot be read is left to the loaders,
    which name it."""
    digest = hashlib.sha256()
    files = [declaration]
    with contextlib.suppress(OSError):
        files += sorted(versions.iterdir())
    for path in files:
        digest.update(str(path).encode())
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()


class PolicyPagesGenerator(Generator):
    """Writes the policy pages, their history, each released version and the JSON files."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.facts = _facts(self.settings)
        self.site = policy_site(self.settings, self.facts)  # again: `make regenerate` reuses them
        _GENERATORS[id(self.settings)] = self
        self.context["declaration"] = self.site.declaration
        name = self.settings["POLICY_TEMPLATE"]
        try:  # now, while nothing is written yet
            self.template = self.get_template(name)
        except PelicanTemplateNotFound:
            problem = (
                f'POLICY_TEMPLATE: the theme has no template "{name}"; copy policy.html and '
                "_policy.html from the Discreet theme's templates/ into it"
            )
        else:
            return
        _fail([problem])

    def generate_output(self, writer: Any) -> None:
        for document in self.site.pages:
            self._write(writer, document)
        policy = self.site.declaration.to_json_dict()
        for language in self.site.languages:  # beside each language's privacy policy
            folder = language.documents[0].url
            self._write_json(f"{folder}policy.json", policy)
            self._write_json(f"{folder}coverage.json", language.coverage)

    def _write(self, writer: Any, document: Document) -> None:
        writer.write_file(
            document.url + "index.html",
            self.template,
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            url=document.url,
            document=document,
            policy_report_url=self._report_url(),
        )

    def rewrite(self, facts: SiteFacts) -> None:
        """Write again the current pages that read differently with `facts` (the published
        policy, cookie statement and notice, and the current release's version page)."""
        site = self.site
        before = site.written_current_pages()
        after = site.current_pages(facts)
        writer = Writer(self.output_path, settings=self.settings)
        for old, new in zip(before, after, strict=True):
            object.__setattr__(new, "translations", old.translations)  # see link_translations
            if new != old:
                self._write(writer, new)

    def _write_json(self, name: str, data: Any) -> None:
        """JSON beside the policy, for machines; not an HTML page, so not in the sitemap."""
        path = Path(self.output_path) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        logger.info("Writing %s", path)

    def _report_url(self) -> str | None:
        """The privacy guard's transparency report, at the address the guard published for the
        page it will write (none when the guard is off or the theme cannot render it)."""
        explicit = self.settings.get("POLICY_REPORT_URL")
        if explicit is not None:
            return explicit or None
        return self.context.get(GUARD_REPORT_PAGE_URL) or None
