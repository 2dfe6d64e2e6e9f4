"""Serve a built site on 127.0.0.1 from a real server process, the way visitors meet it."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

# `contact-inbox serve --site`: the inbox serves the built site and receives its contact form,
# exactly as in development and on a small production host.
SERVER_COMMAND = [sys.executable, "-m", "contact_form.cli", "serve"]
SERVING_LINE = re.compile(r"serving (http://\S+?)/?\s")
# Generous: on a machine loaded many times over, starting Python and Flask took more than 30 s.
START_TIMEOUT = 120.0


@dataclass(frozen=True)
class ServedSite:
    """A running server: where it answers, what it serves, where its inbox and log are."""

    base_url: str  # no trailing slash
    site: Path
    db: Path
    log: Path

    def url(self, path: str) -> str:
        return urljoin(self.base_url + "/", path.lstrip("/"))

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serve_site(site: Path, workdir: Path) -> Iterator[ServedSite]:
    """Start the server on a free port, wait until it says where it listens, stop it after."""
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "inbox.sqlite3"
    log = workdir / "server.log"
    command = [*SERVER_COMMAND, "--site", str(site), "--host", "127.0.0.1", "--port", "0"]
    with log.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            [*command, "--db", str(db)],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        base_url = _wait_for_address(process, log)
        yield ServedSite(base_url, site, db, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for_address(process: subprocess.Popen[bytes], log: Path) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        match = SERVING_LINE.search(log.read_text(encoding="utf-8", errors="replace"))
        if match:
            return match.group(1).rstrip("/")
        if process.poll() is not None:
            raise RuntimeError(f"the site server exited ({process.returncode}):\n{log.read_text()}")
        time.sleep(0.05)
    raise RuntimeError(f"the site server did not start in {START_TIMEOUT:.0f}s:\n{log.read_text()}")
