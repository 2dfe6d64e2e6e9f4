"""Fixtures for the contact form tests: a bundle and a running inbox per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from inbox_harness import RunningInbox, make_bundle, start_inbox


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    return make_bundle(tmp_path / "bundle")


@pytest.fixture
def inbox(tmp_path: Path, bundle: Path) -> Iterator[RunningInbox]:
    running = start_inbox(tmp_path / "data" / "inbox.sqlite3", bundle)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shared_inbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningInbox]:
    """One inbox for a module whose tests store nothing (each checks that it stays empty)."""
    workdir = tmp_path_factory.mktemp("shared-inbox")
    running = start_inbox(workdir / "inbox.sqlite3", make_bundle(workdir / "bundle"))
    yield running
    running.stop()
