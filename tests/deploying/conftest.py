"""The deploy tests share one built site and its inbox (see deploykit)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from deploykit import Deployed, deploy


@pytest.fixture(scope="session")
def deployed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployed]:
    folder = Path(tempfile.mkdtemp(prefix="discreet-deploy-"))
    folder.chmod(0o755)
    try:
        yield from deploy(folder, tmp_path_factory.mktemp("deploy"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
