"""Fixtures shared by every test folder: the default site, built once per session."""

from __future__ import annotations

import pytest
from embedsite import EmbedSite, build_embed_site, build_player_site
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


@pytest.fixture(scope="session")
def embed_site(tmp_path_factory: pytest.TempPathFactory) -> EmbedSite:
    """The embeds fixture site, its media fetched from a local stand-in, built once."""
    return build_embed_site(tmp_path_factory.mktemp("embeds"))


@pytest.fixture(scope="session")
def player_site(tmp_path_factory: pytest.TempPathFactory) -> EmbedSite:
    """The embeds fixture with its YouTube video marked {click-to-load} and YouTube declared."""
    return build_player_site(tmp_path_factory.mktemp("players"))
