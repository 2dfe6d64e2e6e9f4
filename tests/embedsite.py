"""The embeds fixture site (tests/embeds/site/): its media fetched from a local stand-in for
the providers with the real `fetch-media`, then built with the real build command."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from policybuild import EXAMPLE, RELEASED, TODAY_ENV, example, release
from sitebuild import ROOT, Build, run_build
from stand_in import StandIn, jpeg, oembed, running
from warmpython import run_module

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
    """`make fetch-media` on `content`, every request sent to the stand-in at `via` (the real
    command, forked from the warm interpreter: tests/warmpython.py)."""
    arguments = ["--content", str(content), "--via", via, *options]
    return run_module("embeds.cli", arguments, cwd=ROOT, timeout=120)


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


def build_embed_site(
    workdir: Path, declaration: str | None = None, click_to_load: bool = False
) -> EmbedSite:
    content = embed_content(workdir, declaration)
    if click_to_load:
        post = content / "articles" / "croissant-dough.md"
        text = post.read_text(encoding="utf-8").replace(
            "?v=" + YOUTUBE_ID + "\n", "?v=" + YOUTUBE_ID + " {click-to-load}\n"
        )
        post.write_text(text, encoding="utf-8")
    with running(providers()) as stand_in:
        fetched = fetch_media(content, stand_in.url)
    build = run_build(workdir, content=content, env=TODAY_ENV)
    assert build.returncode == 0, build.log
    return EmbedSite(build, fetched, list(stand_in.requests))


# The owner's side of declaring YouTube: what the catalogue cannot know yet (who the owner
# deals with, the complete storage list) is written here. These are fixture values, not facts
# about Google: the entity is fictional and the durations are the owner's to check.
VIDEO_PURPOSE = """  - id: videos
    purpose: Show our baking videos when you choose to play one
    data: [connection]
    sources: [browser]
    legal_basis: consent
    consent: {withdraw: Reload the page; the player stays away until you press its button again}
    provision: {obligation: none, consequence: The video does not play here; its link still works}
    recipients: [youtube]
    retention: {criteria: we keep nothing; the player's provider keeps what it receives}
"""
YOUTUBE_RECIPIENT = """  - service: youtube
    name: Example Video Ireland Ltd
    country: IE
    role: joint_controller
    storage_confirmed: true
"""
YOUTUBE_STORAGE = """storage:
  - {name: NID, type: cookie, provider: youtube, purpose: Remembers the player's preferences,
     duration: P6M, consent_required: true, if_refused: The video does not play here}
  - {name: __Secure-ENID, type: cookie, provider: youtube,
     purpose: Remembers the player's preferences instead of NID, duration: P13M,
     consent_required: true, if_refused: The video does not play here}
  - {name: device identifier, type: local_storage, provider: youtube,
     purpose: Recognises the browser that plays the video, duration: until_cleared,
     consent_required: true, if_refused: The video does not play here}
consent: {remembered: false}  # each click loads that one player; no choice is stored
"""


def youtube_declaration() -> str:
    """The example declaration with YouTube declared as a service for click-to-load videos."""
    return example(
        ("\nrecipients:\n", "\n" + VIDEO_PURPOSE + "\nrecipients:\n" + YOUTUBE_RECIPIENT),
        ("storage: []", YOUTUBE_STORAGE.rstrip("\n") + "\n#"),
    )


def build_player_site(workdir: Path) -> EmbedSite:
    """The fixture with its YouTube video marked {click-to-load} and YouTube declared."""
    return build_embed_site(workdir, youtube_declaration(), click_to_load=True)
