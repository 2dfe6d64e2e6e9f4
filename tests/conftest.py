"""Fixtures shared by every test folder: the default site, built once per session.

Every test runs with the repository's content/ out of bounds (tests/isolation/sitecustomize.py):
the kit's tests build the fixture sites under tests/sites/, never the owner's site.
"""

from __future__ import annotations

import importlib.util
import os

import pytest
from sitebuild import ROOT, Build, run_build

ISOLATION = ROOT / "tests" / "isolation"
OWNERS_CONTENT = ROOT / "content"


def pytest_configure(config: pytest.Config) -> None:
    """Forbid content/ in this process and in every Python process a test starts."""
    os.environ["DISCREET_FORBIDDEN_CONTENT"] = str(OWNERS_CONTENT)
    paths = [str(ISOLATION), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    # The same module the subprocesses import as sitecustomize; loading it installs the hook.
    spec = importlib.util.spec_from_file_location("isolation", ISOLATION / "sitecustomize.py")
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(importlib.util.module_from_spec(spec))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The default site, built once with the development settings."""
    build = run_build(tmp_path_factory.mktemp("site"))
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The default site, built once with the production settings (absolute URLs, feeds)."""
    build = run_build(tmp_path_factory.mktemp("published"), settings="publishconf.py")
    assert build.returncode == 0, build.log
    return build
