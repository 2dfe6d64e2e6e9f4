"""Fixtures shared by every test folder: the default site, built once per session.

Every test runs with the repository's content/ out of bounds (tests/isolation/sitecustomize.py):
the kit's tests build the fixture sites under tests/sites/, never the owner's site.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest
import warmpython
from embedsite import EmbedSite, build_embed_site, build_player_site
from florist import build_florist
from languagesites import FRENCH_SITE, GERMAN_SITE, build_language_site
from sitebuild import ROOT, SESSION_CACHE_VARIABLE, Build, run_build

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
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(GroupScheduling(), "discreet-group-scheduling")


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The caches every test build of the session shares, both xdist workers' (each worker's
    temporary folder is in the session's): the theme is compiled once, not once per build
    (fast_build keys compiled templates by source and Jinja options), and each picture is
    encoded once (the pictures plugin keys its variants by the picture's bytes and encoding)."""
    folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        folder = folder.parent
    os.environ[SESSION_CACHE_VARIABLE] = str(folder / "shared-cache")
    return folder / "shared-cache"


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


@pytest.fixture(scope="session")
def embed_site(tmp_path_factory: pytest.TempPathFactory) -> EmbedSite:
    """The embeds fixture site, its media fetched from a local stand-in, built once."""
    return build_embed_site(tmp_path_factory.mktemp("embeds"))


@pytest.fixture(scope="session")
def player_site(tmp_path_factory: pytest.TempPathFactory) -> EmbedSite:
    """The embeds fixture with its YouTube video marked {click-to-load} and YouTube declared."""
    return build_player_site(tmp_path_factory.mktemp("players"))


# `make test` runs one pytest-xdist worker per core. Each module stays on one worker, so its
# module-scoped builds are made once, and the tests that share one costly session fixture (a
# crawl, the florist site, the 60-article site) go to one worker together. A prefix may name a
# single test: the layout module's screenshots need no crawl, only its phone test does.
SHARED_SESSION_GROUPS = {
    "site_crawl": (
        "tests/browser/test_every_page_in_chromium.py",
        "tests/browser/test_layout_in_chromium.py::test_no_page_scrolls_sideways_on_a_phone",
        "tests/browser/test_guard_and_browser_agree.py",
    ),
    "florist_site": ("tests/theme/", "tests/browser/test_theme_in_chromium.py"),
    "busy_site": (
        "tests/performance/test_page_weight.py",
        "tests/performance/test_precompressed_copies.py",
    ),
}
# The longest groups (seconds on one quiet core, from --durations): a free worker always takes
# the longest group left, so the long ones start at once and the many short modules fill the
# gaps after them, and both workers finish together. A group missing here counts 0.3 s a test.
LONGEST_FIRST: dict[str, float] = {
    # From the junit report of a whole `make test` on two quiet cores (4 Dec, main at aa24806).
    "florist_site": 58,
    "site_crawl": 45,
    "tests/performance/test_incremental_builds.py": 32,
    "tests/browser/test_embeds_in_chromium.py": 18,
    "tests/browser/test_layout_in_chromium.py": 17,
    "tests/browser/test_languages_in_chromium.py": 16,
    "tests/site/test_strict_build.py": 13,
    "tests/browser/test_contact_form_in_chromium.py": 13,
    "busy_site": 10,
    "tests/privacy_guard/test_plugin.py": 10,
    "tests/site_init/test_check.py": 10,
    "tests/declaration/test_robustness.py": 8.5,
    "tests/site/test_regenerate.py": 7,
    "tests/browser/test_checks_catch_misbehaviour.py": 7,
    "tests/wordpress_import/test_time_and_interrupt.py": 7,
    "tests/policy_pages/test_policy_releases.py": 6,
}


def expected_seconds(group: str, scheduler: Any) -> float:
    return LONGEST_FIRST.get(group, 0.3 * len(scheduler.workqueue[group]))


def scheduling_group(nodeid: str) -> str:
    return next(
        (name for name, prefixes in SHARED_SESSION_GROUPS.items() if nodeid.startswith(prefixes)),
        nodeid.split("::", 1)[0],  # its module
    )


class GroupScheduling:
    """The xdist hook, registered only when xdist runs (`-p no:xdist` must still work)."""

    @staticmethod
    def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
        from xdist.scheduler import LoadScopeScheduling

        class ByGroup(LoadScopeScheduling):
            def _split_scope(self, nodeid: str) -> str:
                return scheduling_group(nodeid)

            def _assign_work_unit(self, node: Any) -> None:
                """The next group a worker takes is the longest one left."""
                longest = max(self.workqueue, key=lambda group: expected_seconds(group, self))
                self.workqueue.move_to_end(longest, last=False)
                super()._assign_work_unit(node)

        return ByGroup(config, log)


@pytest.fixture(scope="session")
def florist_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The florist fixture (brand, covers, pictures, a wide table), built once (issue 20)."""
    return build_florist(tmp_path_factory.mktemp("florist"))


def pytest_unconfigure(config: pytest.Config) -> None:
    warmpython.close()


@pytest.fixture(scope="session")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A German-first site, [de, en] (a bike shop on the Dutch border), built once (issue 14)."""
    return build_language_site(tmp_path_factory.mktemp("german"), GERMAN_SITE)


@pytest.fixture(scope="session")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A French site, [fr] (lang-fr's silk workshop in Lyon), built once (issue 14)."""
    return build_language_site(tmp_path_factory.mktemp("french"), FRENCH_SITE)
