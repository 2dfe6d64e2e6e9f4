"""What `fetch-media` stored for each embed: a poster beside a small JSON record of its origin.

content/media/embeds/<key>.<jpg|png> is the poster; <key>.embed.json says what it shows and where it
came from (the address each fact and file was fetched from, and the day), so the owner commits
both and can always tell a reader where a picture came from.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

MEDIA_FOLDER = "media/embeds"  # inside the content folder
POSTER_SUFFIXES = (".jpg", ".png", ".webp")
RECORD_SUFFIX = ".embed.json"  # the build never publishes these (IGNORE_FILES)


class MediaRecordError(Exception):
    """A record that cannot be read: one line naming the file and what to do."""


@dataclass(frozen=True)
class MediaRecord:
    link: str  # the embed's link, as the card opens it
    provider: str
    title: str
    poster: str  # file name beside the record
    width: int
    height: int
    fetched_on: str  # ISO date
    sources: dict[str, str] = field(default_factory=dict)  # what -> the address it came from
    player: str | None = None  # a player address the link alone cannot tell (Bandcamp, Bluesky)
    credit: str | None = None  # attribution the poster must carry (maps)
    credit_url: str | None = None

    def to_json(self) -> str:
        data = {key: value for key, value in asdict(self).items() if value not in (None, {})}
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


_REQUIRED = ("link", "provider", "title", "poster", "width", "height", "fetched_on")


def record_path(folder: Path, key: str) -> Path:
    return folder / f"{key}{RECORD_SUFFIX}"


def read_record(folder: Path, key: str) -> MediaRecord | None:
    """The record of `key`, None when fetch-media has not stored one (or its poster is gone)."""
    path = record_path(folder, key)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise MediaRecordError(
            f"{path}: cannot be read ({error}); delete it and run `make fetch-media` again"
        ) from error
    if not isinstance(data, dict):
        raise MediaRecordError(f"{path}: expected a JSON object; delete it and run fetch-media")
    missing = [name for name in _REQUIRED if name not in data]
    if missing:
        raise MediaRecordError(
            f"{path}: missing {', '.join(missing)}; delete it and run `make fetch-media` again"
        )
    known = {name: data[name] for name in MediaRecord.__dataclass_fields__ if name in data}
    record = MediaRecord(**known)
    if not (folder / record.poster).is_file():
        return None
    return record


def write_record(folder: Path, key: str, record: MediaRecord) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = record_path(folder, key)
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(record.to_json(), encoding="utf-8")
    temporary.replace(path)
    return path


def owner_poster(folder: Path, key: str) -> Path | None:
    """A poster the owner put there by hand, for a provider that publishes none."""
    for suffix in POSTER_SUFFIXES:
        candidate = folder / f"{key}{suffix}"
        if candidate.is_file():
            return candidate
    return None
