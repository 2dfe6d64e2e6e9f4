"""fetch-media: store the posters, titles and map images of the content's embeds (network!).

    fetch-media --content content            what `make fetch-media` runs
    fetch-media --content content --refresh  fetch again what is stored already

It identifies itself to every server with the site's address and e-mail address from the
declaration (OpenStreetMap's tile usage policy asks for that), prints one line per embed, and
exits 1 when any embed could not be fetched.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .fetch import Client, FetchError, fetch_embed
from .media import MEDIA_FOLDER, MediaRecordError, read_record
from .providers import Embed
from .static_map import TILE_URL
from .transform import links_in_source

SOURCE_SUFFIXES = (".md", ".markdown", ".mdown", ".html", ".htm", ".rst")
VERSION = "0.1"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fetch-media", description=__doc__.split("\n")[0])
    parser.add_argument("--content", default="content", help="the content folder (content)")
    parser.add_argument("--declaration", help="privacy.yml (default: in the content folder)")
    parser.add_argument("--refresh", action="store_true", help="fetch stored embeds again")
    parser.add_argument(
        "--tile-url",
        default=TILE_URL,
        help="map tiles to draw locations from, with {z}, {x} and {y} (OpenStreetMap's standard "
        "tiles by default; they carry its credit)",
    )
    parser.add_argument(
        "--via",
        help="send every request to this server instead, the provider's host first in the path "
        "(a caching proxy, or the tests' stand-in for the providers)",
    )
    args = parser.parse_args(argv)
    content = Path(args.content)
    if not content.is_dir():
        print(f"fetch-media: {content} is not a folder; give the content folder", file=sys.stderr)
        return 2
    try:
        user_agent = _user_agent(Path(args.declaration or content / "privacy.yml"))
    except ValueError as error:
        print(f"fetch-media: {error}", file=sys.stderr)
        return 2
    if not all(part in args.tile_url for part in ("{z}", "{x}", "{y}")):
        print("fetch-media: --tile-url needs {z}, {x} and {y} in it", file=sys.stderr)
        return 2
    client = Client(user_agent, args.via, args.tile_url)
    folder = content / MEDIA_FOLDER
    failures = 0
    fetched = 0
    for where, embed in _embeds(content):
        try:
            stored = read_record(folder, embed.key)
        except MediaRecordError:
            stored = None  # a broken record is fetched again
        if stored is not None and not args.refresh:
            continue
        try:
            record = fetch_embed(embed, folder, client, date.today())
        except FetchError as error:
            print(f"{where}: {error}", file=sys.stderr)
            failures += 1
            continue
        fetched += 1
        print(f"{where}: stored {folder / record.poster} ({record.title})")
    print(
        f"fetch-media: {fetched} fetched, {failures} failed; commit {folder}/"
        if fetched or failures
        else "fetch-media: every embed has its poster already"
    )
    return 1 if failures else 0


def _embeds(content: Path) -> list[tuple[str, Embed]]:
    """Each embed once, with the first place it is written, in a stable order."""
    seen: dict[str, tuple[str, Embed]] = {}
    for path in sorted(content.rglob("*")):
        if path.suffix.lower() not in SOURCE_SUFFIXES or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the build names a file it cannot read
        for line, embed in links_in_source(text):
            seen.setdefault(embed.key, (f"{path} line {line}", embed))
    return list(seen.values())


def _user_agent(declaration_path: Path) -> str:
    """Who is asking: the site's address and its e-mail address, so a provider can write."""
    from declaration import DeclarationError, load_declaration

    try:
        declaration = load_declaration(declaration_path)
    except DeclarationError as error:
        first = str(error).splitlines()[0] if str(error) else "it has problems"
        raise ValueError(
            f"{declaration_path}: needed to say who is asking ({first}); fix it first "
            "(`make html` names every problem)"
        ) from error
    return (
        f"Discreet-fetch-media/{VERSION} (+{declaration.site.url}; {declaration.controller.email})"
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
