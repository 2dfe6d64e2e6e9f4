"""Recognise video providers' URLs, so an embed of any form becomes one plain link."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

_YOUTUBE_ID = re.compile(r"^[\w-]{11}$")
_VIMEO_ID = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Video:
    provider: str  # "YouTube" or "Vimeo"
    video_id: str

    @property
    def watch_url(self) -> str:
        """The provider's own page for the video: a link, never an embed."""
        if self.provider == "YouTube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"


def video_from_url(url: str) -> Video | None:
    """The YouTube or Vimeo video a URL (watch, short, embed or player form) points at."""
    url = url.strip()
    if not url.startswith(("http://", "https://", "//")):
        return None
    parts = urlsplit(url if not url.startswith("//") else "https:" + url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    segments = [s for s in parts.path.split("/") if s]
    if host in ("youtube.com", "youtube-nocookie.com"):
        candidate = parse_qs(parts.query).get("v", [""])[0]
        if not candidate and len(segments) >= 2 and segments[0] in ("embed", "v", "shorts", "live"):
            candidate = segments[1]
        return Video("YouTube", candidate) if _YOUTUBE_ID.match(candidate) else None
    if host == "youtu.be" and segments and _YOUTUBE_ID.match(segments[0]):
        return Video("YouTube", segments[0])
    if host in ("vimeo.com", "player.vimeo.com"):
        numeric = [s for s in segments if _VIMEO_ID.match(s)]
        return Video("Vimeo", numeric[0]) if numeric else None
    return None


def video_from_id(provider: str, value: str) -> Video | None:
    """Jetpack's [youtube ID] and [vimeo ID] forms give a bare id instead of a URL."""
    value = value.strip()
    if provider == "YouTube" and _YOUTUBE_ID.match(value):
        return Video("YouTube", value)
    if provider == "Vimeo" and _VIMEO_ID.match(value):
        return Video("Vimeo", value)
    return None
