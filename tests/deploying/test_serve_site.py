"""`contact-inbox serve --site`, the development server, answers as the generated configs do."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from deploykit import HOST, Deployed
from inbox_harness import smtp_env, start_inbox
from server_checks import Served, ServerChecks
from webservers import Client


@pytest.fixture(scope="module")
def served(deployed: Deployed) -> Iterator[Served]:
    folder = deployed.server_folder("serve-site")
    db = folder / "inbox.sqlite3"
    inbox = start_inbox(db, site=deployed.build.output, env=smtp_env(deployed.smtp_port), real=True)
    try:
        yield Served(
            name="serve --site",
            site=Client(HOST, urlsplit(inbox.url).port or 0),
            deployed=deployed,
            check_output=inbox.url,  # it checks its bundle and site before it says where it is
            inbox_db=db,
            subnet=5,
            hsts=False,  # plain HTTP, for development
        )
    finally:
        inbox.stop()


class TestServeSite(ServerChecks):
    pass
