"""The inbox WSGI application: POST /contact/send, and optionally the built site.

Order of checks for a submission: rate limit (429), origin (403), content type (415),
size (413), decoding (400), honeypot (quiet thanks), fields (400 with the form re-filled),
then the message is committed and the visitor is sent to the thanks page (303).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from deploy.host_rules import HostRules
from flask import Flask, Response, abort, redirect, request
from languages.catalogues import gettext_for
from languages.strings import N_
from werkzeug import Response as BaseResponse
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix

from .background import Maintenance
from .bundle import Bundle
from .fields import body_limit
from .form_body import MalformedForm, UnsupportedForm, decode_form
from .policy import ContactPolicy, origin_of
from .ratelimit import ClientRateLimit
from .rendering import error_page, render_form
from .static_site import add_static_site, not_found_page
from .store import Store
from .validation import check_submission

if TYPE_CHECKING:
    from site_search.serve import SearchService

log = logging.getLogger("contact_inbox")

# Translated when sent, into the language of the page that posted (ErrorPages).
REASONS = {
    403: N_("This form only accepts messages sent from our own contact page. "
            "Please open the contact page and send your message from there."),
    413: N_("Your message is longer than this form accepts. Please shorten it and send it "
            "again."),
    415: N_("Your browser sent the form in a way we cannot read. Please send it again from the "
            "contact page."),
    429: N_("You have sent several messages in a short time. Please wait a few minutes and try "
            "again; what you wrote has not been stored."),
    400: N_("We could not read what your browser sent. Please send your message again."),
    404: N_("There is no page here."),
    405: N_("This address only accepts the contact form."),
    500: N_("Something went wrong on our side; your message was not stored. Please try again "
            "later."),
}  # fmt: skip
INVALID = N_("Your message was not sent yet: please check the fields marked below.")
LANGUAGE_FIELD = "lang"  # the form's hidden field on a site of several languages


@dataclass(frozen=True)
class Inbox:
    """Everything the application needs, assembled by the CLI or the WSGI entry point."""

    store: Store
    bundle: Bundle
    policy: ContactPolicy
    maintenance: Maintenance
    site_root: Path | None = None
    site_rules: HostRules | None = None  # the served site's _headers and _redirects
    extra_origins: tuple[str, ...] = ()
    proxies: int = 0
    search: SearchService | None = None  # the site's search (plugins/site_search), if built


def create_app(inbox: Inbox, serving_origins: Iterable[str] = ()) -> Flask:
    """The inbox application: the form's endpoint, error pages, and the built site if given.

    `serving_origins`: where this process serves the site's pages itself (`serve --site`,
    from `origins_served_at`), so its own contact page may post. The allowed origins are fixed
    here, once: no request is ever judged against a set still being completed.
    """
    app = Flask("contact_inbox")
    manifest = inbox.bundle.manifest
    app.config["MAX_CONTENT_LENGTH"] = body_limit(manifest.fields)
    action_path = urlsplit(manifest.action).path or "/contact/send"
    pages = ErrorPages(inbox)
    _add_error_handlers(app, inbox, pages, action_path)
    submissions = Submissions(inbox, pages, serving_origins)
    app.config["CONTACT_ALLOWED_ORIGINS"] = submissions.allowed
    app.add_url_rule(action_path, "send", submissions.receive, methods=["POST"])

    @app.route(action_path, methods=["GET", "HEAD"])
    def not_a_page() -> Response:
        # Without this rule, `serve --site` would answer GET with the site's 404 page.
        abort(405)

    @app.after_request
    def keep_answers_private(response: Response) -> Response:
        # An error page may hold what the visitor typed: no cache anywhere may keep it.
        if request.path == action_path:
            response.headers["Cache-Control"] = "no-store"
        return response

    if inbox.search is not None:
        add_search(app, inbox.search)
    if inbox.site_root is not None:
        add_static_site(app, inbox.site_root, inbox.site_rules)
    if inbox.proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=inbox.proxies)  # type: ignore[method-assign]
    return app


class ErrorPages:
    """The site's own error page, with a reason and, where it helps, the form re-filled, in the
    language of the page that posted."""

    def __init__(self, inbox: Inbox) -> None:
        self.bundle = inbox.bundle
        self._gettext: dict[str, Callable[[str], str]] = {}

    def gettext(self, lang: str) -> Callable[[str], str]:
        if lang not in self._gettext:
            folder = self.bundle.catalogues
            self._gettext[lang] = gettext_for(folder, lang) if folder else str
        return self._gettext[lang]

    def __call__(
        self, status: int, reason: str, form_html: str = "", lang: str | None = None
    ) -> Response:
        lang = lang or page_language_of(self.bundle.manifest)
        text = self.gettext(lang)(reason)
        page = error_page(self.bundle, text, form_html, lang)
        return Response(page, status=status, mimetype="text/html")


def page_language_of(manifest: Any, pairs: Iterable[tuple[str, str]] = ()) -> str:
    """The language of the page that posted: the form's hidden `lang` field, else the language
    home its Referer's path starts with (/en/...), else the site's first language."""
    posted = next((value for name, value in pairs if name == LANGUAGE_FIELD), None)
    if posted is None and manifest.languages:
        path = urlsplit(request.headers.get("Referer", "")).path
        posted = next((lang for lang in manifest.languages if path.startswith(f"/{lang}/")), None)
    return str(manifest.language_of(posted))


def _add_error_handlers(app: Flask, inbox: Inbox, page: ErrorPages, action_path: str) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        status = error.code or 500
        if status == 404 and inbox.site_root is not None:
            missing = not_found_page(inbox.site_root, request.path)
            if missing.is_file():
                return Response(missing.read_bytes(), status=404, mimetype="text/html")
        if status == 405:
            response = page(405, REASONS[405])
            valid = ["POST"] if request.path == action_path else error.valid_methods  # type: ignore[attr-defined]
            response.headers["Allow"] = ", ".join(valid or ["POST"])
            return response
        return page(status, REASONS.get(status, REASONS[500]))

    # The top level of every request: whatever went wrong becomes one logged line and a 500 page.
    @app.errorhandler(Exception)
    def crash(error: Exception) -> Response:
        log.exception("unexpected error while handling %s %s", request.method, request.path)
        return page(500, REASONS[500])


class Submissions:
    """POST to the form's action: each check in the order the module's docstring gives."""

    def __init__(self, inbox: Inbox, page: ErrorPages, serving: Iterable[str] = ()) -> None:
        self.inbox = inbox
        self.page = page
        manifest = inbox.bundle.manifest
        self.limiter = ClientRateLimit(manifest.rate_limit)
        self.allowed = frozenset(
            origin
            for origin in (
                inbox.policy.site_origin,
                *map(origin_of, manifest.allowed_origins),
                *map(origin_of, inbox.extra_origins),
                *map(origin_of, serving),
            )
            if origin
        )

    def receive(self) -> BaseResponse:  # a redirect is a plain werkzeug response
        inbox, page, manifest = self.inbox, self.page, self.inbox.bundle.manifest
        refused = self.refusal()
        if refused is not None:
            return refused
        try:
            if request.headers.get("Content-Encoding", "identity").strip().lower() != "identity":
                raise UnsupportedForm("a compressed body; browsers send forms as they are")
            pairs = decode_form(request.content_type, request.get_data(cache=False))
        except UnsupportedForm:
            return page(415, REASONS[415])
        except RequestEntityTooLarge:
            return page(413, REASONS[413])
        except MalformedForm as error:
            log.info("submission refused: %s", error)
            return page(400, REASONS[400])
        if any(name == manifest.honeypot and value for name, value in pairs):
            inbox.store.count_discarded("honeypot")
            log.info("submission discarded: honeypot filled")
            return redirect(manifest.thanks_url, code=303)
        lang = page_language_of(manifest, pairs)
        checked = check_submission(manifest.fields, pairs, page.gettext(lang))
        if not checked.ok:
            form = render_form(inbox.bundle, checked.values, checked.errors, lang)
            return page(400, INVALID, form, lang)
        message_id = inbox.store.add_message(
            checked.email,
            checked.values,
            notify=inbox.maintenance.smtp is not None,
            received_at=None,
        )
        log.info("message #%d stored", message_id)
        inbox.maintenance.wake()
        return redirect(manifest.in_language(lang).thanks_url, code=303)

    def refusal(self) -> Response | None:
        """429 past the rate limit, 403 from a page of another site; None to go on."""
        if not self.limiter.allow(request.remote_addr or "unknown"):
            self.inbox.store.count_discarded("rate_limited")
            log.info("submission refused: rate limit")
            response = self.page(429, REASONS[429])
            response.headers["Retry-After"] = str(self.limiter.item.get_expiry())
            return response
        # The declared origins only, never one made from the request's Host: a name rebound to
        # this server (DNS rebinding) would bring a Host and an Origin that match.
        if not _same_site(request.headers, self.allowed):
            log.info("submission refused: origin not allowed")
            return self.page(403, REASONS[403])
        return None


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARDS = ("0.0.0.0", "::", "")


def origins_served_at(host: str, port: int) -> frozenset[str]:
    """The origins of the pages this process serves itself (``serve --site``) when it listens
    on `host`:`port`: that address, or on every interface each of this machine's addresses."""
    if host in WILDCARDS:
        names = {*LOOPBACK_NAMES, *map(url_host, _local_addresses())}
    elif host in (*LOOPBACK_NAMES, "::1"):
        names = set(LOOPBACK_NAMES)
    else:
        names = {url_host(host)}
    return frozenset(f"http://{name}:{port}" for name in names)


def url_host(address: str) -> str:
    """An IP address as a URL writes it: an IPv6 one in brackets."""
    return f"[{address}]" if ":" in address else address


def _local_addresses() -> set[str]:
    """The IP addresses of this machine's interfaces (psutil: no portable way in the stdlib)."""
    import socket

    import psutil

    return {
        found.address.partition("%")[0]  # a link-local address's zone is not in a URL
        for addresses in psutil.net_if_addrs().values()
        for found in addresses
        if found.family in (socket.AF_INET, socket.AF_INET6)
    }


def _same_site(headers: Any, allowed: Set[str]) -> bool:
    """The Origin header, or failing that the Referer, must be one of the site's origins."""
    origin = headers.get("Origin", "").strip()
    if origin and origin != "null":
        return origin_of(origin) in allowed
    referer = headers.get("Referer", "").strip()
    return bool(referer) and origin_of(referer) in allowed


def add_search(app: Flask, search: SearchService) -> None:
    """GET <SEARCH_URL>?q=: the results page. The query is neither stored nor logged, and the
    page sends no referrer, so the next request's Referer (in a web server's log) lacks it."""

    @app.get(search.path)
    def find() -> Response:
        status, html = search.answer(request.args)
        response = Response(html, status=status, mimetype="text/html")
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response
