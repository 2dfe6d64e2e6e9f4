"""Fixtures for the contact form tests: a bundle, and an inbox per test or per module.

`inbox` and `shared_inbox` are the application in process (inbox_harness); `real_shared_inbox`
is the real server, for the few tests about what waitress itself does with a request.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from inbox_harness import InProcessInbox, RunningInbox, make_bundle, start_inbox


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    return make_bundle(tmp_path / "bundle")


@pytest.fixture
def inbox(tmp_path: Path, bundle: Path) -> Iterator[RunningInbox | InProcessInbox]:
    running = start_inbox(tmp_path / "data" / "inbox.sqlite3", bundle)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shared_inbox(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningInbox | InProcessInbox]:
    """One inbox for a module whose tests store nothing (each checks that it stays empty)."""
    workdir = tmp_path_factory.mktemp("shared-inbox")
    running = start_inbox(workdir / "inbox.sqlite3", make_bundle(workdir / "bundle"))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def real_shared_inbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningInbox]:
    """The real server on 127.0.0.1 for a module whose tests store nothing."""
    workdir = tmp_path_factory.mktemp("real-shared-inbox")
    running = start_inbox(workdir / "inbox.sqlite3", make_bundle(workdir / "bundle"), real=True)
    yield running
    running.stop()
