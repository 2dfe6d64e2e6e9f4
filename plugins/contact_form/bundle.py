"""The inbox bundle: what the build hands to the inbox, in ``<output>/.contact-inbox/``.

It travels with the site it was built with (one rsync deploys both), so the server always
checks submissions with the field definitions of the form that is online. It holds nothing
secret, but it is no page either: the built-in static server refuses dot-paths and nginx
should too (docs/deploying.md's configs do). Files:

- ``manifest.json``: fields, honeypot, rate limit, URLs of the action, thanks and error pages.
- ``declaration.yml``: a copy of content/privacy.yml, for the site URL and the retention.
- ``form.html.j2``: the theme's form template, so the 400 page looks like the form page.
- ``error.html``: the error page as built, with slots where the inbox puts the reason and form;
  on a site of several languages also ``error.<lang>.html`` for each language but the first.
- ``translations/``: the theme's compiled catalogues, which the form template translates with.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, TemplateError
from languages.catalogues import install
from plugin_support import DiscreetError

from .fields import DEFAULT_HONEYPOT, Field, FieldDefinitionError, parse_fields
from .policy import origin_of
from .ratelimit import DEFAULT_RATE, RateLimitError, check_rate

BUNDLE_DIR = ".contact-inbox"
MANIFEST = "manifest.json"
DECLARATION = "declaration.yml"
FORM_TEMPLATE = "form.html.j2"
ERROR_PAGE = "error.html"
TRANSLATIONS = "translations"
REASON_SLOT = "<!--contact:reason-->"
FORM_SLOT = "<!--contact:form-->"
FORMAT = 1


class BundleError(DiscreetError):
    """A bundle the inbox cannot use; one line naming the file and the fix."""


@dataclass(frozen=True)
class Manifest:
    fields: tuple[Field, ...]
    action: str = "/contact/send"
    thanks_url: str = "/contact/thanks/"
    page_url: str = "/contact/"
    privacy_url: str = "/privacy/"
    honeypot: str = DEFAULT_HONEYPOT
    rate_limit: str = DEFAULT_RATE
    allowed_origins: tuple[str, ...] = ()
    notice: dict[str, str] = field(default_factory=dict)
    # A site of several languages: per language but the first, its own thanks_url, page_url,
    # privacy_url and notice (the first language's are the fields above).
    languages: dict[str, dict[str, Any]] = field(default_factory=dict)
    language: str = "en"  # the site's first language, the language of the fields above

    def in_language(self, lang: str | None) -> Manifest:
        """The manifest as the page in `lang` posts it (itself for the first language)."""
        own = self.languages.get(lang or "")
        return replace(self, **own) if own else self

    def language_of(self, posted: str | None) -> str:
        """`posted` when it is one of the site's languages, else the site's first language."""
        return posted if posted and posted in self.languages else self.language

    def as_dict(self) -> dict[str, Any]:
        several = bool(self.languages) or self.language != "en"  # else written as before
        languages = {"language": self.language, "languages": self.languages} if several else {}
        return {
            "format": FORMAT,
            "fields": [item.as_dict() for item in self.fields],
            "action": self.action,
            "thanks_url": self.thanks_url,
            "page_url": self.page_url,
            "privacy_url": self.privacy_url,
            "honeypot": self.honeypot,
            "rate_limit": self.rate_limit,
            "allowed_origins": list(self.allowed_origins),
            "notice": self.notice,
            **languages,
        }


@dataclass(frozen=True)
class Bundle:
    directory: Path
    manifest: Manifest
    form_template: str
    error_page: str
    environment: Environment = field(compare=False, repr=False)  # renders the form
    error_pages: dict[str, str] = field(default_factory=dict)  # the other languages' pages
    catalogues: Path | None = None

    def error_page_in(self, lang: str | None) -> str:
        return self.error_pages.get(lang or "", self.error_page)

    @property
    def declaration_path(self) -> Path:
        return self.directory / DECLARATION


def template_environment(catalogues: Path) -> Environment:
    """The Jinja environment the inbox renders the form in, translating with `catalogues`."""
    environment = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    install(environment, catalogues)
    return environment


def write_bundle(
    directory: Path,
    manifest: Manifest,
    declaration: Path,
    form_template: str,
    error_page: str,
    catalogues: Path | None = None,
    error_pages: dict[str, str] | None = None,
) -> None:
    """Write every file of the bundle atomically (a reader never sees half a file).

    `catalogues` is the theme's translations folder; its compiled catalogues are copied.
    `error_pages`: the error page in each other language, by language.
    """
    directory.mkdir(parents=True, exist_ok=True)
    if catalogues is not None and catalogues.is_dir():
        for compiled in sorted(catalogues.glob("*/LC_MESSAGES/*.mo")):
            target = directory / TRANSLATIONS / compiled.relative_to(catalogues)
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(target, compiled.read_bytes())
    files = {
        MANIFEST: json.dumps(manifest.as_dict(), indent=2, ensure_ascii=False) + "\n",
        DECLARATION: Path(declaration).read_text(encoding="utf-8"),
        FORM_TEMPLATE: form_template,
        ERROR_PAGE: error_page,
        **{error_page_name(lang): page for lang, page in (error_pages or {}).items()},
    }
    for name, text in files.items():
        _write_atomically(directory / name, text)


def error_page_name(lang: str) -> str:
    return f"error.{lang}.html"


def _write_atomically(path: Path, text: str | bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_bundle(directory: Path) -> Bundle:
    directory = Path(directory)
    hint = "build the site first (make html) or pass --bundle <output>/.contact-inbox"
    texts: dict[str, str] = {}
    for name in (MANIFEST, DECLARATION, FORM_TEMPLATE, ERROR_PAGE):
        path = directory / name
        try:
            texts[name] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise BundleError(f"{path}: cannot read the inbox bundle ({error}); {hint}") from error
    manifest_path = directory / MANIFEST
    try:
        raw = json.loads(texts[MANIFEST])
    except json.JSONDecodeError as error:
        raise BundleError(
            f"{manifest_path}:{error.lineno}: not JSON ({error.msg}); {hint}"
        ) from error
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise BundleError(f"{manifest_path}: expected manifest format {FORMAT}; {hint}")
    try:
        fields = parse_fields(raw.get("fields"), where="fields",
                              honeypot=raw.get("honeypot", DEFAULT_HONEYPOT))  # fmt: skip
        manifest = Manifest(
            fields=fields,
            action=_checked(raw, "action", urlsplit),
            thanks_url=_checked(raw, "thanks_url", urlsplit),
            page_url=_checked(raw, "page_url", urlsplit),
            privacy_url=_checked(raw, "privacy_url", urlsplit),
            honeypot=_text(raw, "honeypot"),
            rate_limit=_checked(raw, "rate_limit", check_rate),
            allowed_origins=_origins(raw, "allowed_origins"),
            notice=_notice(raw, "notice"),
            languages=_languages(raw, "languages"),
            language=str(raw.get("language") or "en"),
        )
    except (ValueError, FieldDefinitionError) as error:
        raise BundleError(f"{manifest_path}: {error}; {hint}") from error
    environment = template_environment(directory / TRANSLATIONS)
    try:
        environment.from_string(texts[FORM_TEMPLATE])
    except TemplateError as error:
        line = getattr(error, "lineno", None)
        raise BundleError(
            f"{directory / FORM_TEMPLATE}:{line or 1}: not a valid template ({error}); {hint}"
        ) from error
    pages = {"": texts[ERROR_PAGE]}
    for lang in manifest.languages:
        path = directory / error_page_name(lang)
        try:
            pages[lang] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise BundleError(f"{path}: cannot read the inbox bundle ({error}); {hint}") from error
    for lang, page in pages.items():
        if REASON_SLOT not in page or FORM_SLOT not in page:
            raise BundleError(
                f"{directory / (error_page_name(lang) if lang else ERROR_PAGE)}: the error page "
                f"lacks the slots {REASON_SLOT} and {FORM_SLOT}; the theme's contact_error.html "
                "must output contact.reason_slot and contact.form_slot"
            )
    error_page = pages.pop("")
    return Bundle(directory, manifest, texts[FORM_TEMPLATE], error_page, environment, pages,
                  directory / TRANSLATIONS)  # fmt: skip


def _text(raw: dict[str, Any], key: str) -> str:
    if key not in raw:
        raise ValueError(f"{key}: missing")
    value = raw[key]
    if not isinstance(value, str):
        raise ValueError(f"{key}: expected text, got {value!r}")
    return value


def _checked(raw: dict[str, Any], key: str, check: Callable[[str], object]) -> str:
    """The text at ``key``, once ``check`` (urlsplit, check_rate) accepts it."""
    value = _text(raw, key)
    try:
        check(value)
    except (ValueError, RateLimitError) as error:
        raise ValueError(f"{key}: cannot use {value!r} ({error})") from error
    return value


def _origins(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(
        isinstance(item, str) and origin_of(item) for item in value
    ):
        raise ValueError(f"{key}: expected a list of origins like https://example.com, "
                         f"got {value!r}")  # fmt: skip
    return tuple(value)


def _notice(raw: dict[str, Any], key: str) -> dict[str, str]:
    value = raw.get(key) or {}
    if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
        raise ValueError(f"{key}: expected a mapping of texts, got {value!r}")
    return value


_LOCALIZED = ("thanks_url", "page_url", "privacy_url")


def _languages(raw: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    """Per other language: its thanks_url, page_url, privacy_url and notice."""
    value = raw.get(key) or {}
    if not isinstance(value, dict):
        raise ValueError(f"{key}: expected a mapping of languages, got {value!r}")
    found = {}
    for lang, own in value.items():
        if not isinstance(own, dict):
            raise ValueError(f"{key}.{lang}: expected a mapping, got {own!r}")
        found[str(lang)] = {
            **{name: _checked(own, name, urlsplit) for name in _LOCALIZED},
            "notice": _notice(own, "notice"),
        }
    return found
