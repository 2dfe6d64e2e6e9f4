"""deploy's Pelican glue: after a clean strict build, write the server configs to deploy/.

It runs on strict-build's `ready_to_publish` signal, after every plugin's `finalized` handler,
because it reads what they published: the guard's `_headers`, the redirects plugin's
`_redirects`, `nginx-redirects.conf` and `.htaccess` blocks, and the inbox bundle. It first adds
its own blocks to `.htaccess` and `_headers` (in every build), then, when SITEURL is the site's
https:// origin (`make publish`), renders the configs into DEPLOY_PATH. Settings: DEFAULTS.
"""

from __future__ import annotations

import difflib
import logging
import os
import re
from pathlib import Path
from typing import Any

import blinker
from pelican import signals
from precompressed.compress import TEXT_SUFFIXES

from . import apache, caddy, nginx, systemd
from .host_rules import HEADERS_FILE, HostRulesError
from .published import HTACCESS, DeployError, Placement, read_deployment
from .site import HASHED_NAME, Site, hashed_asset_regex
from .static_hosts import HEADERS_BEGIN, HEADERS_END, headers_block, merge_block

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "DEPLOY_CONFIGS": True,  # False: write no configs and no blocks
    "DEPLOY_PATH": None,  # None: deploy/ beside the output folder
    "DEPLOY_ROOT": None,  # None: /var/www/<host of SITEURL>
    "DEPLOY_INBOX_ROOT": None,  # None: /var/www/<inbox host>, when the form posts to another host
    "DEPLOY_TLS_CERTIFICATE": None,  # None: certbot's file (nginx, Apache), automatic (Caddy)
    "DEPLOY_TLS_KEY": None,
    "DEPLOY_HTTP_PORT": 80,
    "DEPLOY_HTTPS_PORT": 443,
    "DEPLOY_LISTEN": [],  # addresses to listen on; [] listens on all
    "DEPLOY_INBOX_ADDRESS": "127.0.0.1:8000",  # where `contact-inbox serve` listens
    "DEPLOY_INBOX_USER": "contact-inbox",
    "DEPLOY_KIT_PATH": "/opt/discreet",  # the checkout on the server whose .venv runs the inbox
}
TEXTS = ("DEPLOY_INBOX_ADDRESS", "DEPLOY_INBOX_USER", "DEPLOY_KIT_PATH")
OPTIONAL_TEXTS = (
    "DEPLOY_PATH", "DEPLOY_ROOT", "DEPLOY_INBOX_ROOT", "DEPLOY_TLS_CERTIFICATE", "DEPLOY_TLS_KEY",
)  # fmt: skip
PORTS = ("DEPLOY_HTTP_PORT", "DEPLOY_HTTPS_PORT")
# Every file this plugin may write into DEPLOY_PATH; one it did not write this time is removed.
FILES = ("nginx.conf", "nginx-first-certificate.conf", "apache.conf",
         "apache-first-certificate.conf", "Caddyfile")  # fmt: skip
SERVICE_FILE = "contact-inbox.service"
INBOX_FOLDER = "inbox"


class DeploySettingsError(Exception):
    """A DEPLOY_ setting of the wrong kind (each was logged on its own line)."""

    exitcode = 1


def register() -> None:
    signals.initialized.connect(check_settings)
    blinker.signal("strict_build.ready_to_publish").connect(write_configs)


def check_settings(pelican: Any) -> None:
    problems = settings_problems(pelican.settings)
    for problem in problems:
        log.error("deploy: %s", problem)
    if problems:
        raise DeploySettingsError(f"deploy: {len(problems)} setting(s) above; fix pelicanconf.py")


def settings_problems(settings: dict[str, Any]) -> list[str]:
    conf = {**DEFAULTS, **{k: v for k, v in settings.items() if k.startswith("DEPLOY_")}}
    problems = []
    for name in sorted(set(conf) - set(DEFAULTS)):
        close = difflib.get_close_matches(name, DEFAULTS, n=1)
        hint = f"did you mean {close[0]}?" if close else f"known: {', '.join(DEFAULTS)}"
        problems.append(f"{name}: unknown setting; {hint}")
    for name in TEXTS:
        if not isinstance(conf[name], str) or not conf[name].strip():
            problems.append(f"{name}: expected a non-empty text, got {conf[name]!r}")
    for name in OPTIONAL_TEXTS:
        if conf[name] is not None and (not isinstance(conf[name], str) or not conf[name].strip()):
            problems.append(f"{name}: expected a path or None, got {conf[name]!r}")
    for name in PORTS:
        if type(conf[name]) is not int or not 1 <= conf[name] <= 65535:
            problems.append(f"{name}: expected a port number from 1 to 65535, got {conf[name]!r}")
    listen = conf["DEPLOY_LISTEN"]
    if not isinstance(listen, list | tuple) or not all(isinstance(a, str) and a for a in listen):
        problems.append(f"DEPLOY_LISTEN: expected a list of addresses like ['203.0.113.7'], "
                        f"got {listen!r}")  # fmt: skip
    host, colon, port = str(conf["DEPLOY_INBOX_ADDRESS"]).rpartition(":")
    if not (colon and host and port.isdigit()):
        problems.append("DEPLOY_INBOX_ADDRESS: expected host:port like '127.0.0.1:8000', "
                        f"got {conf['DEPLOY_INBOX_ADDRESS']!r}")  # fmt: skip
    return problems


def write_configs(staging: Path, settings: dict[str, Any], **_: object) -> None:
    conf = {**DEFAULTS, **{k: v for k, v in settings.items() if k in DEFAULTS}}
    if not conf["DEPLOY_CONFIGS"]:
        return
    output = Path(staging)
    theme_prefix = _theme_prefix(settings)
    not_found = "/404.html" if (output / "404.html").is_file() else None
    try:
        block = apache.htaccess_block(
            not_found, hashed_asset_regex(theme_prefix), sorted(TEXT_SUFFIXES)
        )
        _merge_into(output / HTACCESS, block, apache.BEGIN, apache.END)
        hashed = _hashed_files(output, theme_prefix)
        if hashed:
            _merge_into(output / HEADERS_FILE, headers_block(hashed), HEADERS_BEGIN, HEADERS_END)
        if not str(settings.get("SITEURL", "")).startswith("https://"):
            return  # a development build: no public origin, nothing a server could use
        deployment = read_deployment(output, placement(settings))
    except (DeployError, HostRulesError) as error:
        log.error("deploy: %s", error)
        return
    folder = Path(conf["DEPLOY_PATH"] or output.parent / "deploy")
    files = server_files(deployment.site)
    if deployment.inbox_site is not None:
        files |= {f"{INBOX_FOLDER}/{n}": t for n, t in server_files(deployment.inbox_site).items()}
    if deployment.service is not None:
        files[SERVICE_FILE] = systemd.render(deployment.service)
    _write_folder(folder, files)


def placement(settings: dict[str, Any]) -> Placement:
    """Where the site goes on the server, from SITEURL and the DEPLOY_ settings."""
    conf = {**DEFAULTS, **{k: v for k, v in settings.items() if k in DEFAULTS}}
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
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
