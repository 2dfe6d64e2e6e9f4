"""The contact inbox in this process: the real app through Flask's test client, the real CLI
through main(argv). A real server (waitress, SMTP on the wire) only where the test is about it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from contact_form.app import Inbox, create_app, origins_served_at
from contact_form.cli import main
from contact_form.runtime import open_inbox
from flask import Flask
from flask.testing import FlaskClient
from inbox_harness import SITE_ORIGIN
from werkzeug.test import TestResponse


@dataclass
class InProcessInbox:
    inbox: Inbox
    app: Flask
    client: FlaskClient

    @property
    def db(self) -> Path:
        return self.inbox.store.path

    def post(
        self,
        form: dict[str, str],
        *,
        origin: str | None = SITE_ORIGIN,
        remote_addr: str = "127.0.0.1",
        headers: dict[str, str] | None = None,
    ) -> TestResponse:
        sent = {**({"Origin": origin} if origin else {}), **(headers or {})}
        return self.client.post(
            "/contact/send", data=form, headers=sent, environ_base={"REMOTE_ADDR": remote_addr}
        )

    def close(self) -> None:
        self.inbox.store.close()


def open_in_process(
    db: Path,
    bundle: Path | None = None,
    *,
    site: Path | None = None,
    env: dict[str, str] | None = None,
    served_at: tuple[str, int] | None = None,
) -> InProcessInbox:
    """An inbox as `serve` assembles it, without the server or its background thread;
    `served_at`: the (host, port) `serve --site` would listen on."""
    inbox = open_inbox(db=db, bundle=bundle, site=site, env=env or {})
    app = create_app(inbox, origins_served_at(*served_at) if served_at else ())
    return InProcessInbox(inbox, app, app.test_client())


@dataclass(frozen=True)
class Ran:
    status: int
    stdout: str
    stderr: str


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Ran:
    """`contact-inbox ARGV` in this process: its exit status and what it printed."""
    capsys.readouterr()
    status = main(list(argv))
    out, err = capsys.readouterr()
    return Ran(status, out, err)
