"""The deploy tests' site: an imported WordPress blog built with `make publish`'s settings.

The site is built into a world-readable folder (the servers' workers run as nobody under root)
with DEPLOY_ settings for a test machine: the throwaway certificate, 127.0.0.1 and the inbox's
port. Each server's module renders the same build's configs for ports of its own, so modules can
run side by side; `test_configs` proves those are the files the build wrote.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from aiosmtpd.controller import Controller
from contact_form.bundle import load_bundle
from contact_form.ratelimit import parse_rate
from deploy.plugin import placement
from deploy.published import NGINX_REDIRECTS, Deployment, read_deployment
from inbox_harness import Mailbox, RunningInbox, free_port, run_inbox, smtp_env
from sitebuild import Build, run_build
from webservers import throwaway_certificate
from wxrtools import import_like_an_owner

HOST = "example-shop.test"  # site.url in the kit's declaration
SITEURL = f"https://{HOST}"
INBOX_HOST = f"inbox.{HOST}"  # where a site on a static host sends its form
ACME_TOKEN = "/.well-known/acme-challenge/discreet-test-token"
# The checkout whose .venv runs the inbox here, as /opt/discreet does on a server.
KIT = Path(sys.prefix).parent if Path(sys.prefix).name == ".venv" else Path(sys.prefix)


@dataclass(frozen=True)
class Deployed:
    """The built site, the settings it was built with, and the inbox behind every server."""

    folder: Path  # world-readable: the site, the certificate, the servers' folders
    build: Build
    settings: dict[str, object]
    deployment: Deployment
    certificate: Path
    table: dict[str, str]  # content/redirects.yml: old address -> target
    inbox: RunningInbox
    mailbox: Mailbox
    smtp_port: int  # the mail server the inbox notifies the owner through
    rate_limit: int  # submissions per client before 429

    def server_folder(self, name: str) -> Path:
        folder = self.folder / name
        folder.mkdir(exist_ok=True)
        return folder


def deploy(folder: Path, workdir: Path) -> Iterator[Deployed]:
    (folder / "tls").mkdir()
    certificate, key = throwaway_certificate(folder / "tls", HOST, INBOX_HOST)
    output = folder / "site"
    overrides: dict[str, object] = {
        "DEPLOY_PATH": str(folder / "deploy"),
        "DEPLOY_ROOT": str(output),
        "DEPLOY_TLS_CERTIFICATE": str(certificate),
        "DEPLOY_TLS_KEY": str(key),
        "DEPLOY_LISTEN": ["127.0.0.1"],
        "DEPLOY_INBOX_ADDRESS": f"127.0.0.1:{free_port()}",
        "DEPLOY_KIT_PATH": str(KIT),
        # The imported blog's videos are embed cards; their posters come from `make fetch-media`
        # (the network), and a card without one shows a neutral poster, which serves as well here.
        "EMBEDS_REQUIRE_POSTERS": False,
    }
    content = import_like_an_owner(workdir, first_without_force=False)
    build = run_build(
        workdir, content=content, output=output, settings="publishconf.py", overrides=overrides
    )
    assert build.returncode == 0, build.log
    token = output / ACME_TOKEN.lstrip("/")
    token.parent.mkdir(parents=True)
    token.write_text("token for Let's Encrypt\n", encoding="utf-8")
    settings = {**overrides, "SITEURL": SITEURL, "THEME_STATIC_DIR": "theme"}
    deployment = read_deployment(output, placement(settings))
    # make publish moved the redirects plugin's nginx rules out of the web root into deploy/.
    rules = (folder / "deploy" / NGINX_REDIRECTS).read_text(encoding="utf-8")
    deployment = replace(deployment, site=replace(deployment.site, nginx_redirects=rules))
    table = yaml.safe_load((content / "redirects.yml").read_text(encoding="utf-8"))
    manifest = load_bundle(output / ".contact-inbox").manifest
    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    inbox = _start_service(folder / "deploy" / "contact-inbox.service", workdir, smtp.port)
    try:
        yield Deployed(
            folder=folder,
            build=build,
            settings=settings,
            deployment=deployment,
            certificate=certificate,
            table=table,
            inbox=inbox,
            mailbox=mailbox,
            smtp_port=smtp.port,
            rate_limit=parse_rate(manifest.rate_limit).amount,
        )
    finally:
        inbox.stop()
        smtp.stop()


def _start_service(unit: Path, workdir: Path, smtp_port: int) -> RunningInbox:
    """The inbox as the generated unit runs it: its ExecStart line, with the database moved from
    /var/lib into the test's folder, and the notification settings its EnvironmentFile holds."""
    line = next(x for x in unit.read_text().splitlines() if x.startswith("ExecStart="))
    command = shlex.split(line.removeprefix("ExecStart="))
    db = workdir / "inbox.sqlite3"
    command[command.index("--db") + 1] = str(db)
    return run_inbox(command, db, env=smtp_env(smtp_port))
