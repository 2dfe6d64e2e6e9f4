"""The contact inbox under test: in this process through Flask's test client, or for real.

Most tests talk to the inbox application in process (``start_inbox``, the ``inbox`` fixture):
the same app ``contact-inbox serve`` runs, with its store and background thread, called without
a socket. A handful start the real server (``start_inbox(..., real=True)``) where the server is
what they prove: waitress, a restart, the SMTP outbox, ``--site`` on every interface. The
command line runs in process too (``cli``), through ``main(argv)``.
"""

from __future__ import annotations

import contextlib
import email
import http.client
import io
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from email.policy import default
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from contact_form import cli as inbox_cli
from contact_form.app import create_app, origins_served_at
from contact_form.bundle import ERROR_PAGE, FORM_SLOT, REASON_SLOT, Manifest, write_bundle
from contact_form.fields import DEFAULT_FIELDS
from contact_form.proxy import behind_proxy
from contact_form.runtime import open_inbox
from contact_form.store import Store
from werkzeug.test import Client

ROOT = Path(__file__).resolve().parents[1]

DECLARATION = ROOT / "tests" / "contact_form" / "privacy.yml"
SITE_ORIGIN = "https://example-shop.test"  # site.url in privacy.yml
FORM_TEMPLATE = ROOT / "theme" / "templates" / "contact_form.html"
SHELL = (
    "<!DOCTYPE html><html lang='en'><head><title>Not sent</title></head>"
    f"<body><main><h1>Your message was not sent</h1>{REASON_SLOT}{FORM_SLOT}</main></body></html>"
)


def make_bundle(directory: Path, *, rate_limit: str = "1000 per minute") -> Path:
    """A bundle as the build writes it, with the theme's real form template."""
    manifest = Manifest(
        fields=DEFAULT_FIELDS,
        rate_limit=rate_limit,
        privacy_url="/privacy/#purpose-contact_form",
        notice={"purpose": "Answer the questions you send us", "retention": "6 months"},
    )
    write_bundle(directory, manifest, DECLARATION, FORM_TEMPLATE.read_text(encoding="utf-8"), SHELL)
    assert (directory / ERROR_PAGE).is_file()
    return directory


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


@dataclass
class RunningInbox:
    process: subprocess.Popen
    url: str
    db: Path
    stderr_lines: list[str] = field(default_factory=list)

    @property
    def port(self) -> int:
        return urlsplit(self.url).port or 0

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, text)
        finally:
            connection.close()

    def post(
        self,
        form: dict[str, str] | list[tuple[str, str]] | bytes,
        *,
        content_type: str = "application/x-www-form-urlencoded",
        origin: str | None = SITE_ORIGIN,
        headers: dict[str, str] | None = None,
        path: str = "/contact/send",
    ) -> Answer:
        body = form if isinstance(form, bytes) else urlencode(form).encode("ascii")
        all_headers = {"Content-Type": content_type, **(headers or {})}
        if origin is not None:
            all_headers["Origin"] = origin
        return self.request("POST", path, body, all_headers)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    @property
    def log(self) -> str:
        return "".join(self.stderr_lines)


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``contact-inbox ARGS`` in process: ``main(argv)`` with its output and exit status."""
    out, err = io.StringIO(), io.StringIO()
    with _environment(env or {}), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = inbox_cli.main(list(args))
        except SystemExit as exit_:  # argparse: a usage mistake or --help
            status = exit_.code if isinstance(exit_.code, int) else 2
            if isinstance(exit_.code, str):
                err.write(exit_.code + "\n")
    return subprocess.CompletedProcess(
        ["contact-inbox", *args], status, out.getvalue(), err.getvalue()
    )


def cli_process(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``contact-inbox ARGS`` as its own process, for what only a process shows (exit on a signal,
    output to a closed pipe)."""
    return subprocess.run(
        [sys.executable, "-m", "contact_form.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )


@contextlib.contextmanager
def _environment(changes: dict[str, str]):
    saved = {name: os.environ.get(name) for name in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


IN_PROCESS_ORIGIN = "http://127.0.0.1:8000"  # where the test client's requests say they go


@dataclass
class InProcessInbox:
    """The inbox application, its store and background thread, called without a socket."""

    inbox: object
    client: object
    db: Path
    log_records: io.StringIO
    handler: logging.Handler
    url: str = IN_PROCESS_ORIGIN + "/"

    port = RunningInbox.port

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> Answer:
        response = self.client.open(  # type: ignore[attr-defined]
            path,
            method=method,
            data=body,
            headers=headers or {},
            base_url=IN_PROCESS_ORIGIN,
            environ_base={"REMOTE_ADDR": "127.0.0.1"},  # the peer a local server would see
        )
        text = response.get_data().decode("utf-8", "replace")
        return Answer(response.status_code, {k.lower(): v for k, v in response.headers}, text)

    post = RunningInbox.post

    def alive(self) -> bool:
        """Still answering, with its background thread running."""
        thread = self.inbox.maintenance._thread  # type: ignore[attr-defined]
        return thread is not None and thread.is_alive() and self.request("GET", "/x").status > 0

    def stop(self) -> None:
        self.inbox.maintenance.stop()  # type: ignore[attr-defined]
        _INBOX_LOG.removeHandler(self.handler)

    @property
    def log(self) -> str:
        return self.log_records.getvalue()


_INBOX_LOG = logging.getLogger("contact_inbox")


def _in_process(
    db: Path,
    bundle: Path | None,
    site: Path | None,
    env: dict[str, str] | None,
    trusted_proxy: str | None,
) -> InProcessInbox:
    inbox = open_inbox(db=db, bundle=bundle, site=site, env={**os.environ, **(env or {})})
    records = io.StringIO()
    handler = logging.StreamHandler(records)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s"))
    _INBOX_LOG.addHandler(handler)
    _INBOX_LOG.setLevel(logging.INFO)  # as `serve` logs
    inbox.maintenance.start()
    served: frozenset[str] = frozenset()
    if site is not None:  # as `serve --site` does once it listens
        parts = urlsplit(IN_PROCESS_ORIGIN)
        served = origins_served_at(parts.hostname or "", parts.port or 80)
    app = create_app(inbox, served)
    if trusted_proxy is None:
        return InProcessInbox(inbox, app.test_client(), db, records, handler)
    # as `serve --trusted-proxy` wraps the application
    return InProcessInbox(inbox, Client(behind_proxy(app, trusted_proxy)), db, records, handler)


def start_inbox(
    db: Path,
    bundle: Path | None = None,
    *,
    site: Path | None = None,
    env: dict[str, str] | None = None,
    extra: tuple[str, ...] = (),
    real: bool = False,
    trusted_proxy: str | None = None,
) -> RunningInbox | InProcessInbox:
    """The inbox on `db`: in process, or with `real` (or any `extra` option of `serve`) the real
    server on a free port of 127.0.0.1; `trusted_proxy`: as `serve --trusted-proxy` says."""
    if not (real or extra):
        return _in_process(db, bundle, site, env, trusted_proxy)
    if trusted_proxy is not None:
        extra = ("--trusted-proxy", trusted_proxy, *extra)
    command = [sys.executable, "-m", "contact_form.cli", "serve", "--port", "0", "--db", str(db)]
    if bundle is not None:
        command += ["--bundle", str(bundle)]
    if site is not None:
        command += ["--site", str(site)]
    return run_inbox([*command, *extra], db, env=env)


def run_inbox(command: list[str], db: Path, *, env: dict[str, str] | None = None) -> RunningInbox:
    """Start `contact-inbox serve` as `command` says; return once it says where it listens."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )
    first = process.stdout.readline() if process.stdout else ""
    if "serving http://" not in first:
        process.kill()
        _, err = process.communicate(timeout=10)
        raise AssertionError(f"inbox did not start: {first!r} {err}")
    url = first.split("serving ", 1)[1].split()[0]
    inbox = RunningInbox(process, url, db)
    threading.Thread(target=_drain, args=(process, inbox.stderr_lines), daemon=True).start()
    return inbox


def _drain(process: subprocess.Popen, lines: list[str]) -> None:
    assert process.stderr is not None
    for line in process.stderr:
        lines.append(line)


class Mailbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=default))
        return "250 OK"


def smtp_env(port: int, **extra: str) -> dict[str, str]:
    """The inbox's notification settings for a mail server on 127.0.0.1:port."""
    return {
        "CONTACT_SMTP_HOST": "127.0.0.1",
        "CONTACT_SMTP_PORT": str(port),
        "CONTACT_SMTP_SECURITY": "none",
        "CONTACT_SMTP_FROM": "inbox@example.com",
        "CONTACT_SMTP_TO": "owner@example.com",
        "CONTACT_SMTP_RETRY_SECONDS": "0.2",
        **extra,
    }


def stored(db: Path) -> list:
    store = Store(db)
    try:
        return store.messages()
    finally:
        store.close()


def wait_for(condition, timeout: float = 20.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


VALID = {
    "name": "Ada Lovelace",
    "email": "ada@example.com",
    "subject": "Opening hours",
    "message": "Are you open on Saturdays?\r\nThanks!",
    "website": "",
}
