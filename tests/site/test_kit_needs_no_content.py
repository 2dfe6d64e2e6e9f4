"""The kit's tests never read the owner's content/: replacing it keeps `make test` green.

tests/conftest.py forbids content/ to the test process and every Python it starts; these tests
prove the fence holds, so any test that reads content/ fails instead of passing by luck.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from sitebuild import ROOT

OWNERS_DECLARATION = ROOT / "content" / "privacy.yml"


def test_the_test_process_cannot_open_the_owners_content() -> None:
    with pytest.raises(PermissionError, match="must not read the owner's content/"):
        OWNERS_DECLARATION.read_text(encoding="utf-8")
    with pytest.raises(PermissionError):
        list((ROOT / "content").iterdir())


def test_a_process_a_test_starts_cannot_read_it_either() -> None:
    """Relative paths count too: builds run with the repository as their working folder."""
    code = "open('content/privacy.yml').read()"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert "must not read the owner's content/" in done.stderr


def test_everything_else_in_the_repository_stays_readable() -> None:
    assert (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    assert (ROOT / "tests" / "sites" / "example-shop" / "privacy.yml").is_file()
