"""The embeds fixture site (tests/embeds/site/): its media fetched from a local stand-in for
the providers with the real `fetch-media`, then built with the real build command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from policybuild import EXAMPLE, RELEASED, TODAY_ENV, release
from sitebuild import ROOT, Build, run_build
from stand_in import StandIn, jpeg, oembed, running

FIXTURE = ROOT / "tests" / "embeds" / "site"
YOUTUBE_ID = "dQw4w9WgXcQ"


def providers() -> StandIn:
    """What the providers answer for the fixture's embeds; Spotify and the Mastodon post are
    left unanswered, so their cards keep the neutral poster."""
    stand_in = StandIn(
        {
            "www.youtube.com/oembed": oembed(
                "Folding croissant dough", f"https://i.ytimg.com/vi/{YOUTUBE_ID}/hqdefault.jpg"
            ),
            f"i.ytimg.com/vi/{YOUTUBE_ID}/hqdefault.jpg": ("image/jpeg", jpeg(480, 360)),
            "vimeo.com/api/oembed.json": oembed(
                "The baker's method", "https://i.vimeocdn.com/video/1_1280x720"
            ),
            "i.vimeocdn.com/video/1_1280x720": ("image/jpeg", jpeg(1280, 720, (90, 60, 30))),
        }
    )
    stand_in.add_tiles()
    return stand_in


def fetch_media(content: Path, via: str, *options: str) -> subprocess.CompletedProcess[str]:
    """`make fetch-media` on `content`, every request sent to the stand-in at `via`."""
    command = [sys.executable, "-m", "embeds.cli", "--content", str(content), "--via", via]
    return subprocess.run(
        [*command, *options], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def embed_content(workdir: Path, declaration: str | None = None, released: bool = True) -> Path:
    """The fixture's content with `declaration` (default: the example), released unless
    `released` is False (fetch-media alone needs no release)."""
    content = workdir / "content"
    shutil.copytree(FIXTURE, content)
    (content / "privacy.yml").write_text(
        declaration or EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8"
    )
    if released:
        result = release(content, RELEASED)
        assert result.returncode == 0, result.stderr
    return content


@dataclass(frozen=True)
class EmbedSite:
    build: Build
    fetched: subprocess.CompletedProcess[str]
    requests: list[tuple[str, str]]  # what the stand-in was asked, with the User-Agent


def build_embed_site(workdir: Path, declaration: str | None = None) -> EmbedSite:
    content = embed_content(workdir, declaration)
    with running(providers()) as stand_in:
        fetched = fetch_media(content, stand_in.url)
    build = run_build(workdir, content=content, env=TODAY_ENV)
    assert build.returncode == 0, build.log
    return EmbedSite(build, fetched, list(stand_in.requests))
