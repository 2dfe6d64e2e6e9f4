"""Fill the form template and the error page: the same context at build time and in the inbox.

The theme's ``contact_form.html`` is rendered by Pelican for /contact/ and, copied into the
bundle, by the inbox for a 400 answer; both pass ``contact`` built by ``form_context``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

from .bundle import FORM_SLOT, REASON_SLOT, Bundle, Manifest


def form_context(
    manifest: Manifest,
    values: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    return {
        "fields": [field.as_dict() for field in manifest.fields],
        "entered": dict(values or {}),
        "errors": dict(errors or {}),
        "action": manifest.action,
        "honeypot": manifest.honeypot,
        "notice": dict(manifest.notice),
        "privacy_url": manifest.privacy_url,
        "thanks_url": manifest.thanks_url,
        "page_url": manifest.page_url,
        "reason_slot": Markup(REASON_SLOT),
        "form_slot": Markup(FORM_SLOT),
        "several_languages": bool(manifest.languages),
    }


def render_form(
    bundle: Bundle,
    values: Mapping[str, str],
    errors: Mapping[str, str],
    lang: str | None = None,
) -> str:
    """The form re-filled, in `lang` (the page that posted; None: the site's first language)."""
    template = bundle.environment.from_string(bundle.form_template)
    lang = lang or bundle.manifest.language
    manifest = bundle.manifest.in_language(lang)
    return template.render(contact=form_context(manifest, values, errors), lang=lang)


def error_page(bundle: Bundle, reason: str, form_html: str = "", lang: str | None = None) -> str:
    """The built error page in `lang` with the reason (escaped) and optionally the form."""
    reason_html = f'<p class="contact-reason">{escape(reason)}</p>'
    page = bundle.error_page_in(lang)
    return page.replace(REASON_SLOT, reason_html, 1).replace(FORM_SLOT, form_html, 1)
