"""deploy's Pelican glue: its blocks in the site's own files, then the server configs.

Two moments, because the configs read what the other plugins published (the guard's
`_headers`, the redirects plugin's `_redirects`, `nginx-redirects.conf` and `.htaccess` block,
the inbox bundle):

- the "configure" step of `finalized` (plugin_support: after the guard's audit): this plugin's
  blocks in `.htaccess` and `_headers`, inside the output folder, in every build;
- strict-build's `ready_to_publish`, only after a clean build (`make publish`): the configs in
  DEPLOY_PATH (the redirects plugin's nginx rules moved there from the output, wherever
  REDIRECTS_NGINX_FILE put them), which lies outside the output folder and so would not be
  rolled back with a failed build. SITEURL must be the site's https:// origin; a development
  build writes none and leaves the nginx rules beside the site.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

import blinker
from pelican import signals
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.finalized import on_finalized
from plugin_support.settings import flag, list_of, path_or_none, text
from precompressed.compress import TEXT_SUFFIXES
from redirects import nginx_rules_file

from . import apache, caddy, nginx, systemd
from .host_rules import HEADERS_FILE, HostRulesError
from .published import HTACCESS, NGINX_REDIRECTS, DeployError, Placement, read_deployment
from .site import HASHED_NAME, Site, hashed_asset_regex
from .static_hosts import HEADERS_BEGIN, HEADERS_END, headers_block, merge_block

log = logging.getLogger(__name__)


def _port(value: Any) -> bool:
    return type(value) is int and 1 <= value <= 65535


def _host_port(value: Any) -> bool:
    host, colon, port = str(value).rpartition(":")
    return isinstance(value, str) and bool(colon and host) and port.isdigit()


_PATH = 'a path as text, e.g. "/var/www/example.com", or None for the default'
_PORT = "a port number from 1 to 65535, e.g. 443"
SETTINGS: dict[str, Setting] = {
    "DEPLOY_CONFIGS": Setting(True, flag, "True or False"),
    "DEPLOY_PATH": Setting(None, path_or_none, _PATH),  # None: deploy/ beside the output
    "DEPLOY_ROOT": Setting(None, path_or_none, _PATH),  # None: /var/www/<host of SITEURL>
    "DEPLOY_INBOX_ROOT": Setting(None, path_or_none, _PATH),  # the inbox's own host's folder
    "DEPLOY_TLS_CERTIFICATE": Setting(None, path_or_none, _PATH),  # None: certbot's, Caddy's
    "DEPLOY_TLS_KEY": Setting(None, path_or_none, _PATH),
    "DEPLOY_HTTP_PORT": Setting(80, _port, _PORT),
    "DEPLOY_HTTPS_PORT": Setting(443, _port, _PORT),
    "DEPLOY_LISTEN": Setting([], list_of(text), 'a list of addresses, e.g. ["203.0.113.7"]'),
    "DEPLOY_INBOX_ADDRESS": Setting("127.0.0.1:8000", _host_port, 'host:port, e.g. "127.0.0.1:80"'),
    "DEPLOY_INBOX_USER": Setting("contact-inbox", text, 'a user name, e.g. "contact-inbox"'),
    # The kit on the server: the unit runs <DEPLOY_KIT_PATH>/.venv/bin/contact-inbox.
    "DEPLOY_KIT_PATH": Setting("/opt/discreet", text, 'a path as text, e.g. "/opt/discreet"'),
}
# Every file this plugin may write into DEPLOY_PATH; one it did not write this time is removed.
FILES = ("nginx.conf", "nginx-first-certificate.conf", "privacy-headers.nginx.conf",
         NGINX_REDIRECTS, "apache.conf", "apache-first-certificate.conf", "Caddyfile")  # fmt: skip
SERVICE_FILE = "contact-inbox.service"
INBOX_FOLDER = "inbox"


def register() -> None:
    signals.initialized.connect(check_settings)
    on_finalized("configure", write_blocks)
    blinker.signal("strict_build.ready_to_publish").connect(write_configs)


def check_settings(pelican: Any) -> None:
    """Fill in the defaults; stop before anything is built when a setting is wrong."""
    with_defaults(pelican.settings, SETTINGS)
    problems = setting_problems(pelican.settings, "DEPLOY_", SETTINGS)
    if problems:
        stop_build(log, problems)


def _conf(settings: dict[str, Any]) -> dict[str, Any]:
    return {name: settings.get(name, setting.default) for name, setting in SETTINGS.items()}


def write_blocks(pelican: Any) -> None:
    """The lines shared hosting reads in `.htaccess`, and the hashed files' caching in
    `_headers` for Netlify and Cloudflare Pages."""
    settings = pelican.settings
    if not _conf(settings)["DEPLOY_CONFIGS"]:
        return
    output = Path(pelican.output_path)
    theme_prefix = _theme_prefix(settings)
    not_found = "/404.html" if (output / "404.html").is_file() else None
    texts = sorted(TEXT_SUFFIXES)
    block = apache.htaccess_block(not_found, hashed_asset_regex(theme_prefix), texts)
    _merge_into(output / HTACCESS, block, apache.BEGIN, apache.END)
    hashed = _hashed_files(output, theme_prefix)
    if hashed:
        _merge_into(output / HEADERS_FILE, headers_block(hashed), HEADERS_BEGIN, HEADERS_END)


def write_configs(staging: Path, settings: dict[str, Any], **_: object) -> None:
    conf = _conf(settings)
    if not conf["DEPLOY_CONFIGS"] or not str(settings.get("SITEURL", "")).startswith("https://"):
        return  # a development build: no public origin, nothing a server could use
    output = Path(staging)
    rules = nginx_rules_file(settings)
    try:
        deployment = read_deployment(output, placement(settings), rules)
    except (DeployError, HostRulesError) as error:
        log.error("deploy: %s", error)
        return
    folder = Path(conf["DEPLOY_PATH"] or output.parent / "deploy")
    files = server_files(deployment.site)
    if deployment.inbox_site is not None:
        files |= {f"{INBOX_FOLDER}/{n}": t for n, t in server_files(deployment.inbox_site).items()}
    if deployment.service is not None:
        files[SERVICE_FILE] = systemd.render(deployment.service)
    # The redirects plugin's nginx rules are a server config, inlined in nginx.conf: they go
    # with the other configs, not into the web root, where anyone could fetch them.
    if rules and (output / rules).is_file():
        files[NGINX_REDIRECTS] = deployment.site.nginx_redirects
        (output / rules).unlink()
    _write_folder(folder, files)


def placement(settings: dict[str, Any]) -> Placement:
    """Where the site goes on the server, from SITEURL and the DEPLOY_ settings."""
    conf = _conf(settings)
    return Placement(
        site_url=str(settings.get("SITEURL", "")),
        root=conf["DEPLOY_ROOT"],
        inbox_root=conf["DEPLOY_INBOX_ROOT"],
        tls_certificate=conf["DEPLOY_TLS_CERTIFICATE"],
        tls_key=conf["DEPLOY_TLS_KEY"],
        http_port=conf["DEPLOY_HTTP_PORT"],
        https_port=conf["DEPLOY_HTTPS_PORT"],
        addresses=tuple(conf["DEPLOY_LISTEN"]),
        inbox_address=conf["DEPLOY_INBOX_ADDRESS"],
        inbox_user=conf["DEPLOY_INBOX_USER"],
        kit=conf["DEPLOY_KIT_PATH"],
        theme_prefix=_theme_prefix(settings),
    )


def _theme_prefix(settings: dict[str, Any]) -> str:
    return f"/{str(settings.get('THEME_STATIC_DIR', 'theme')).strip('/')}/"


def server_files(site: Site) -> dict[str, str]:
    """Every server's config for one host, by file name."""
    return {
        "nginx.conf": nginx.render(site),
        "nginx-first-certificate.conf": nginx.http_server(site),
        "privacy-headers.nginx.conf": nginx.header_snippet(site),
        "apache.conf": apache.render(site),
        "apache-first-certificate.conf": apache.http_vhost(site),
        "Caddyfile": caddy.render(site),
    }


def _hashed_files(output: Path, theme_prefix: str) -> list[str]:
    pattern = re.compile(HASHED_NAME)
    theme = output / theme_prefix.strip("/")
    return [
        "/" + path.relative_to(output).as_posix()
        for path in theme.rglob("*")
        if path.is_file() and pattern.search(path.name)
    ]


def _merge_into(path: Path, block: str, begin: str, end: str) -> None:
    existing = path.read_text(encoding="utf-8") if path.is_file() else ""
    path.write_text(merge_block(existing, block, begin, end), encoding="utf-8")


def _write_folder(folder: Path, files: dict[str, str]) -> None:
    """Write each file whole (a reader never sees half of one); drop those not written now."""
    managed = {*FILES, SERVICE_FILE, *(f"{INBOX_FOLDER}/{name}" for name in FILES)}
    for name in sorted(managed - set(files)):
        (folder / name).unlink(missing_ok=True)
    for name, contents in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.partial")
        partial.write_text(contents, encoding="utf-8")
        os.replace(partial, path)
