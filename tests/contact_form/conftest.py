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
