"""What a server must know to serve the site: one immutable description for every config.

Built by `published.read_site` from what the build published (`_headers`, `_redirects`, the
inbox bundle) and the DEPLOY_ settings; the nginx, Apache, Caddy and systemd renderers only
format it, so every config carries the same values. No Pelican here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .host_rules import Redirect

# A theme file whose name carries its content's hash (site.3f9a1c2e.css) never changes: a new
# version gets a new name, so browsers may keep it for a year without asking again. Everything
# else is revalidated on every use (a cheap 304 when unchanged), so an edit shows at once.
HASHED_NAME = r"\.[0-9a-f]{8,}\.[A-Za-z0-9]+$"
LONG_CACHE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Browsers remember for a year that the site is HTTPS only (no preload: that is the owner's call).
HSTS = "max-age=31536000"
ACME_CHALLENGE = "/.well-known/acme-challenge/"


@dataclass(frozen=True)
class Inbox:
    """The contact inbox behind the server: the form's address and where the inbox listens."""

    paths: tuple[str, ...]  # the form's action path and the search's: ("/contact/send", "/search")
    upstream: str  # host:port of `contact-inbox serve`, e.g. "127.0.0.1:8000"
    body_limit: int  # bytes: the largest body a legitimate form sends (contact_form.fields)


@dataclass(frozen=True)
class Site:
    """One host name served over HTTPS: the site's pages, its inbox, or both."""

    host: str
    root: str  # the folder on the server holding the built site (and .well-known/)
    headers: tuple[tuple[str, str], ...] = ()  # sent with every response (the guard's)
    redirects: tuple[Redirect, ...] = ()
    inbox: Inbox | None = None
    serves_pages: bool = True  # False: a host for the inbox alone; the pages live elsewhere
    not_found: str | None = "/404.html"
    theme_prefix: str = "/theme/"
    tls_certificate: str | None = None  # None: certbot's (nginx, Apache), automatic (Caddy)
    tls_key: str | None = None
    http_port: int = 80
    https_port: int = 443
    addresses: tuple[str, ...] = ()  # () listens on every address
    nginx_redirects: str = ""  # the redirects plugin's nginx rules, as it published them
    htaccess: str = ""  # the site's .htaccess as published; the Apache vhost applies it

    @property
    def certificate_file(self) -> str:
        return self.tls_certificate or f"/etc/letsencrypt/live/{self.host}/fullchain.pem"

    @property
    def key_file(self) -> str:
        return self.tls_key or f"/etc/letsencrypt/live/{self.host}/privkey.pem"

    @property
    def https_origin(self) -> str:
        port = "" if self.https_port == 443 else f":{self.https_port}"
        return f"https://{self.host}{port}"

    @property
    def hashed_asset_regex(self) -> str:
        return hashed_asset_regex(self.theme_prefix)


def hashed_asset_regex(theme_prefix: str) -> str:
    """A path regex for the theme's hashed files (long caching), e.g. under /theme/."""
    return "^" + theme_prefix.replace(".", r"\.") + ".+" + HASHED_NAME


@dataclass(frozen=True)
class InboxService:
    """How systemd runs the inbox on the server."""

    description: str
    kit: str  # the checkout on the server whose .venv has contact-inbox
    user: str
    bundle: str  # the deployed site's .contact-inbox folder
    address: str  # host:port to listen on
    state_directory: str = "contact-inbox"  # under /var/lib: the database lives there
