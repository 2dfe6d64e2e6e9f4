"""Read what a build published into a Site: the values come from the build, never a copy.

- the security headers from `_headers` (the privacy guard's `/*` rule);
- the old addresses from `_redirects`, and the redirects plugin's own nginx and Apache forms;
- the contact form's address and body limit from the inbox bundle (`.contact-inbox/`), and the
  search's address when the build made one (site_search: answered by the inbox too);
- the host name from SITEURL (site.url in the declaration), the rest from DEPLOY_ settings.
No Pelican here: a folder and plain values in, a Site out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from contact_form.bundle import BUNDLE_DIR, BundleError, load_bundle
from contact_form.fields import body_limit
from site_search.serve import search_path

from .host_rules import load_host_rules
from .site import Inbox, InboxService, Site
from plugin_support import DiscreetError

NGINX_REDIRECTS = "nginx-redirects.conf"  # the redirects' nginx rules, in DEPLOY_PATH
HTACCESS = ".htaccess"


class DeployError(DiscreetError):
    """A build whose configs cannot be written: one line saying what to change."""


@dataclass(frozen=True)
class Placement:
    """Where things live on the server(s): the DEPLOY_ settings, checked."""

    site_url: str  # https://example.com, the declaration's site.url
    root: str | None = None  # None: /var/www/<host>
    inbox_root: str | None = None  # None: /var/www/<inbox host>, when the inbox has its own host
    tls_certificate: str | None = None
    tls_key: str | None = None
    http_port: int = 80
    https_port: int = 443
    addresses: tuple[str, ...] = ()
    inbox_address: str = "127.0.0.1:8000"
    inbox_user: str = "contact-inbox"
    kit: str = "/opt/discreet"
    theme_prefix: str = "/theme/"


@dataclass(frozen=True)
class Deployment:
    site: Site
    inbox_site: Site | None  # the inbox's own host, when the form posts to another one
    service: InboxService | None  # None: the build has no contact form


def read_deployment(
    output: Path, placement: Placement, nginx_rules: str | None = NGINX_REDIRECTS
) -> Deployment:
    """What `output` publishes; `nginx_rules`: the redirects plugin's nginx file in it, if any."""
    host = _host(placement.site_url, "SITEURL")
    rules = load_host_rules(output)
    site = Site(
        host=host,
        root=placement.root or f"/var/www/{host}",
        headers=tuple(rules.site_headers().items()),
        redirects=rules.redirects,
        not_found="/404.html" if (output / "404.html").is_file() else None,
        theme_prefix=placement.theme_prefix,
        tls_certificate=placement.tls_certificate,
        tls_key=placement.tls_key,
        http_port=placement.http_port,
        https_port=placement.https_port,
        addresses=placement.addresses,
        nginx_redirects=_text(output / nginx_rules) if nginx_rules else "",
        htaccess=_text(output / HTACCESS),
    )
    bundle_folder = output / BUNDLE_DIR
    if not bundle_folder.is_dir():
        return Deployment(site, None, None)
    try:
        manifest = load_bundle(bundle_folder).manifest
    except BundleError as error:
        raise DeployError(str(error)) from error
    action = urlsplit(manifest.action)
    inbox_host = action.hostname or host
    paths: tuple[str, ...] = (action.path or "/",)
    search = search_path(bundle_folder)  # the site's search form sends GET <path>?q= there
    if search and inbox_host == host:
        paths += (search,)
    inbox = Inbox(paths, placement.inbox_address, body_limit(manifest.fields))
    if inbox_host == host:
        site = replace(site, inbox=inbox)
        inbox_site = None
    else:
        inbox_site = Site(
            host=inbox_host,
            root=placement.inbox_root or f"/var/www/{inbox_host}",
            headers=site.headers,
            inbox=inbox,
            serves_pages=False,
            not_found=None,
            tls_certificate=placement.tls_certificate,
            tls_key=placement.tls_key,
            http_port=placement.http_port,
            https_port=placement.https_port,
            addresses=placement.addresses,
        )
    service = InboxService(
        description=f"Contact inbox of {site.https_origin}",
        kit=placement.kit,
        user=placement.inbox_user,
        bundle=f"{(inbox_site or site).root}/{BUNDLE_DIR}",
        address=placement.inbox_address,
    )
    return Deployment(site, inbox_site, service)


def _host(url: str, name: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or parts.path.strip("/"):
        raise DeployError(
            f"{name} is {url!r}; server configs need the site's https:// origin with no path "
            "(site.url in content/privacy.yml)"
        )
    return parts.hostname


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""
