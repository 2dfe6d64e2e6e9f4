"""Pelican glue: the contact page, its thanks and error pages, the article links, the bundle.

Everything here is about wiring Pelican signals; what a field is and how a message is checked
lives in the engine modules, which the inbox shares.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

from languages.sites import SiteLanguages, version_in
from languages.strings import N_
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.settings import list_of, path_or_none, text

from .bundle import BUNDLE_DIR, ERROR_PAGE, Manifest, write_bundle
from .contact_link import ends_with_link_to
from .fields import DEFAULT_HONEYPOT, NAME_PATTERN, FieldDefinitionError, parse_fields
from .policy import ContactPolicy, ContactPolicyError, load_policy, origin_of
from .ratelimit import DEFAULT_RATE, RateLimitError, check_rate
from .rendering import form_context

log = logging.getLogger(__name__)


def _origin(value: Any) -> bool:
    return isinstance(value, str) and bool(origin_of(value))


# CONTACT_FIELDS and CONTACT_RATE_LIMIT are checked in full by parse_fields and check_rate.
SETTINGS: dict[str, Setting] = {
    "CONTACT_FIELDS": Setting(None),  # None: name (optional), email, subject (optional), message
    "CONTACT_FORM_ACTION": Setting("/contact/send", text, 'a URL as text, e.g. "/contact/send"'),
    "CONTACT_LINK_TEXT": Setting(N_("Contact us!"), text, 'a non-empty text, e.g. "Contact us!"'),
    "CONTACT_PAGE_SLUG": Setting("contact", text, 'a page slug as text, e.g. "contact"'),
    "CONTACT_THANKS_URL": Setting("contact/thanks/", text, 'a URL path, e.g. "contact/thanks/"'),
    "CONTACT_ERROR_URL": Setting("contact/error/", text, 'a URL path, e.g. "contact/error/"'),
    "CONTACT_PRIVACY_URL": Setting("privacy/", text, 'a URL path, e.g. "privacy/"'),
    "CONTACT_HONEYPOT": Setting(DEFAULT_HONEYPOT, text, 'a field name, e.g. "website"'),
    "CONTACT_RATE_LIMIT": Setting(DEFAULT_RATE, text, f'a rate as text, e.g. "{DEFAULT_RATE}"'),
    "CONTACT_ALLOWED_ORIGINS": Setting(
        [], list_of(_origin), "a list of origins like ['https://shop.example.com']"
    ),
    # None: <PATH>/privacy.yml, i.e. content/privacy.yml
    "CONTACT_DECLARATION": Setting(None, path_or_none, 'a file path, e.g. "content/privacy.yml"'),
}
_STATE = "_contact_form"  # key in the shared Pelican context


def register() -> None:
    signals.initialized.connect(set_defaults)
    signals.all_generators_finalized.connect(prepare)
    signals.page_writer_finalized.connect(write_pages)


def set_defaults(pelican) -> None:
    settings = pelican.settings
    with_defaults(settings, SETTINGS)
    # Reported now, before other plugins trip over a wrong kind of value with a Python message.
    problems = setting_problems(settings, "CONTACT_", SETTINGS) + _value_problems(settings)
    if problems:
        fail(problems)
    # The thanks and error pages are noindex: keep them out of the sitemap too.
    sitemap = settings.get("SITEMAP")
    if isinstance(sitemap, dict):
        own = [
            "^" + re.escape(settings[name].strip("/")) + "/"
            for name in ("CONTACT_THANKS_URL", "CONTACT_ERROR_URL")
            if isinstance(settings[name], str)  # else `prepare` reports the setting
        ]
        excluded = list(sitemap.get("exclude", []))
        settings["SITEMAP"] = {
            **sitemap,
            "exclude": excluded + [p for p in own if p not in excluded],
        }


def declaration_path(settings: dict[str, Any]) -> Path:
    return Path(settings.get("CONTACT_DECLARATION") or Path(settings["PATH"], "privacy.yml"))


def _url(siteurl: str, target: str) -> str:
    """A site-relative setting as the templates write URLs: SITEURL + "/" + path."""
    if "://" in target:
        return target
    return f"{siteurl}/{target.lstrip('/')}"


def prepare(generators) -> None:
    """Read the settings and the declaration once; give templates the `contact` context."""
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages = next(g for g in generators if isinstance(g, PagesGenerator))
    settings = pages.settings
    contact_page = next(
        (p for p in (*pages.pages, *pages.hidden_pages) if p.slug == settings["CONTACT_PAGE_SLUG"]),
        None,
    )
    if contact_page is None:
        fail([f"no page with slug {settings['CONTACT_PAGE_SLUG']!r}; add content/pages/contact.md "
              "with 'Template: contact' (its text is shown above the form)"])  # fmt: skip
    written = {
        item.save_as: item for item in (*pages.pages, *pages.hidden_pages, *articles.articles)
    }
    taken = [(name, written[_save_as(settings[name])]) for name in RESULT_PAGES
             if _save_as(settings[name]) in written]  # fmt: skip
    if taken:
        fail([f"{name}: {settings[name]!r} is already the page of "
              f"{item.relative_source_path}; give the result page its own URL"
              for name, item in taken])  # fmt: skip
    site = _site_languages(pages.context, settings)
    languages = site.languages
    versions = {lang: version_in(contact_page, lang) or contact_page for lang in languages}
    manifest = _manifest(settings, contact_page.url, site)
    if site.several:
        manifest = _in_languages(settings, manifest, versions, site)
    for page in {id(page): page for page in versions.values()}.values():
        if page.template == "page":
            page.template = "contact"
    pages.context["contact"] = form_context(manifest)
    pages.context["contact_languages"] = {
        lang: form_context(manifest.in_language(lang)) for lang in languages[1:]
    }
    pages.context[_STATE] = manifest
    # The same link for every article of a language: rendered once per language, not once per
    # article (2,000 renders).
    links = {
        lang: pages.get_template("contact_link").render({
            **pages.context, "lang": lang, "text": settings["CONTACT_LINK_TEXT"],
            "url": manifest.in_language(lang).page_url,
        })
        for lang in languages
    }  # fmt: skip
    for article in (*articles.articles, *articles.translations, *articles.hidden_articles):
        lang = site.declared(article.lang) or site.default
        page = versions[lang]
        if not ends_with_link_to(
            article._content, article.relative_source_path,
            page.relative_source_path, page.url, settings["SITEURL"],
        ):  # fmt: skip
            article._content += links[lang]


def _site_languages(context: dict[str, Any], settings: dict[str, Any]) -> SiteLanguages:
    """The languages plugin's view of the site's languages; one language (DEFAULT_LANG) without
    that plugin."""
    site = context.get("languages_site")
    if isinstance(site, SiteLanguages):
        return site
    wording = "policy_pages" in settings.get("PLUGINS", [])
    return SiteLanguages((str(settings.get("DEFAULT_LANG") or "en"),), policy_pages=wording)


def _in_languages(
    settings: dict[str, Any], manifest: Manifest, versions: dict[str, Any], site: SiteLanguages
) -> Manifest:
    """Per language but the first: its contact page, its thanks page (under its home) and the
    notice in its words, so the inbox answers the page that posted in that page's language."""
    siteurl = settings["SITEURL"]
    first, *others = versions
    localized = {}
    for lang in others:
        try:
            policy = load_policy(declaration_path(settings), lang)
        except (ContactPolicyError, OSError) as error:
            fail(str(error).splitlines())
        privacy = _url(siteurl, site.address(settings["CONTACT_PRIVACY_URL"], lang))
        localized[lang] = {
            "thanks_url": _url(siteurl, site.home(lang) + settings["CONTACT_THANKS_URL"]),
            "page_url": _url(siteurl, versions[lang].url),
            "privacy_url": f"{privacy}#purpose-{policy.processing_id}",
            "notice": _notice(privacy, policy),
        }
    own = settings["SITEMAP"]  # keep the other languages' result pages out of the sitemap too
    if isinstance(own, dict):
        excluded = list(own.get("exclude", []))
        excluded += ["^" + re.escape(site.home(lang) + settings[name].strip("/")) + "/"
                     for lang in others for name in RESULT_PAGES]  # fmt: skip
        settings["SITEMAP"] = {**own, "exclude": excluded}
    return replace(manifest, languages=localized, language=first)


def fail(problems: list[str]) -> NoReturn:
    """Log one line per problem, then stop the build with one summary line."""
    stop_build(log, [f"contact_form: {problem}" for problem in problems])


RESULT_PAGES = ("CONTACT_THANKS_URL", "CONTACT_ERROR_URL")


def _save_as(url: str) -> str:
    """Where a result page is written, relative to the output folder."""
    return url.strip("/") + "/index.html"


def _value_problems(settings: dict[str, Any]) -> list[str]:
    """What the kind of a value cannot say: result pages of their own, a usable honeypot name."""
    problems = []
    results = [settings[name] for name in RESULT_PAGES]
    for name, value in zip(RESULT_PAGES, results, strict=True):
        if isinstance(value, str) and ".." in value.split("/"):
            problems.append(f"{name}: expected a path inside the site like 'contact/thanks/', "
                            f"got {value!r}")  # fmt: skip
    if all(isinstance(value, str) for value in results) and len(set(map(_save_as, results))) == 1:
        problems.append(
            f"CONTACT_ERROR_URL: {results[1]!r} is the page of CONTACT_THANKS_URL; "
            "give each its own"
        )
    honeypot = settings["CONTACT_HONEYPOT"]
    if isinstance(honeypot, str) and honeypot and not NAME_PATTERN.fullmatch(honeypot):
        problems.append(f"CONTACT_HONEYPOT: expected a field name like 'website', got {honeypot!r}")
    return problems


def _manifest(settings: dict[str, Any], page_url: str, site: SiteLanguages) -> Manifest:
    siteurl = settings["SITEURL"]
    problems: list[str] = []
    try:
        fields = parse_fields(settings["CONTACT_FIELDS"], honeypot=settings["CONTACT_HONEYPOT"])
    except FieldDefinitionError as error:
        problems += error.problems
    try:
        check_rate(settings["CONTACT_RATE_LIMIT"])
    except RateLimitError as error:
        problems.append(f"CONTACT_RATE_LIMIT: {error}")
    try:
        policy = load_policy(declaration_path(settings))
    except (ContactPolicyError, OSError) as error:
        problems += str(error).splitlines()
    if problems:
        fail(problems)
    privacy = _url(siteurl, site.address(settings["CONTACT_PRIVACY_URL"], site.default))
    return Manifest(
        fields=fields,
        action=_url(siteurl, settings["CONTACT_FORM_ACTION"]),
        thanks_url=_url(siteurl, settings["CONTACT_THANKS_URL"]),
        page_url=_url(siteurl, page_url),
        privacy_url=f"{privacy}#purpose-{policy.processing_id}",
        honeypot=settings["CONTACT_HONEYPOT"],
        rate_limit=settings["CONTACT_RATE_LIMIT"],
        allowed_origins=tuple(settings["CONTACT_ALLOWED_ORIGINS"]),
        notice=_notice(privacy, policy),
        language=str(settings.get("DEFAULT_LANG") or "en"),
    )


# The privacy policy's California part, whose anchor is its first requirement's (policy_pages'
# Section id: req-<id>). It holds everything a notice at collection gives: the categories, the
# purposes, whether they are sold or shared, how long each is kept, the opt-out link when one
# is needed, and it is in the privacy policy (Cal. Code Regs. tit. 11 §7012(e)(1)-(6)).
CCPA_NOTICE_ANCHOR = "req-ccpa.categories_collected"


def _notice(privacy: str, policy: ContactPolicy) -> dict[str, str]:
    """What the form's notice says, from the declaration. Under the CCPA it also links the
    notice at collection near the submit button (Cal. Code Regs. tit. 11 §7012(c)(2)), straight
    to the part of the policy that holds it, not to the policy's top (§7012(f))."""
    notice = {
        "purpose": policy.purpose,
        "retention": policy.retention_text,
        "retention_iso": policy.retention_iso,
        "retention_after": policy.retention_after,
        "processing_id": policy.processing_id,
    }
    if policy.ccpa:
        notice["ccpa_url"] = f"{privacy}#{CCPA_NOTICE_ANCHOR}"
    return notice


def write_pages(generator, writer) -> None:
    """Write /contact/thanks/, /contact/error/ and the inbox bundle beside them."""
    manifest: Manifest | None = generator.context.get(_STATE)
    if manifest is None:
        return
    settings = generator.settings
    site = _site_languages(generator.context, settings)
    languages = (manifest.language, *manifest.languages)
    for lang in languages:
        home = site.home(lang) if manifest.languages else ""
        in_language = (
            {"lang": lang, "contact": form_context(manifest.in_language(lang))}
            if manifest.languages
            else {}
        )
        for url, template in (
            (home + settings["CONTACT_THANKS_URL"], "contact_thanks"),
            (home + settings["CONTACT_ERROR_URL"], "contact_error"),
        ):
            writer.write_file(
                _save_as(url),
                generator.get_template(template),
                generator.context,
                relative_urls=settings["RELATIVE_URLS"],
                url=url.strip("/") + "/",
                **in_language,
            )
    output = Path(settings["OUTPUT_PATH"])
    error_page = output / _save_as(settings["CONTACT_ERROR_URL"])
    error_pages = {
        lang: (output / _save_as(site.home(lang) + settings["CONTACT_ERROR_URL"])).read_text(
            encoding="utf-8"
        )
        for lang in manifest.languages
    }
    form_source, _, _ = generator.env.loader.get_source(generator.env, "contact_form.html")
    write_bundle(
        output / BUNDLE_DIR,
        manifest,
        declaration_path(settings),
        form_source,
        error_page.read_text(encoding="utf-8"),
        Path(settings["THEME"], "translations"),
        error_pages,
    )
    log.debug("contact_form: wrote the inbox bundle (%s)", ERROR_PAGE)
