"""Fixtures shared by every test folder: the default site, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import Build, run_build


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


# `make test` runs two pytest-xdist workers with --dist loadgroup. Each module stays on one
# worker, so its module-scoped builds are made once; the tests that share one costly session
# fixture (the browser and its crawl, the 60-article site) go to one worker together.
SHARED_SESSION_GROUPS = {
    "browser": ("browser/",),
    "busy_site": ("performance/test_page_weight.py", "performance/test_precompressed_copies.py"),
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.pluginmanager.hasplugin("xdist"):
        return
    tests = Path(__file__).parent
    for item in items:
        module = item.path.relative_to(tests).as_posix()
        group = next(
            (name for name, prefixes in SHARED_SESSION_GROUPS.items()
             if module.startswith(prefixes)),
            module,
        )  # fmt: skip
        item.add_marker(pytest.mark.xdist_group(group))
