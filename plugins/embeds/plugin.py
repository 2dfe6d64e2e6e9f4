"""Pelican glue: embed cards in every article and page, posters from content/media/embeds/.

The build never fetches anything. A card whose poster `make fetch-media` has not stored yet
gets a neutral poster and one printed line naming the command (printed, not logged: a logged
warning would fail `make html`); with EMBEDS_REQUIRE_POSTERS (publishconf.py) the build stops
instead, before any page is written. A `{click-to-load}` embed needs its player's host declared
as a recipient's (`service: youtube` does that), or the build stops naming the line to fix.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pelican import signals
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.finalized import on_finalized
from plugin_support.settings import flag, path_or_none, text

from .card import ClickToLoad, card_html
from .media import MEDIA_FOLDER, RECORD_SUFFIX, MediaRecordError, read_record
from .transform import CLICK_TO_LOAD, Found, replace_embeds

SWITCH = "True or False"
SETTINGS: dict[str, Setting] = {
    "EMBEDS_ENABLED": Setting(True, flag, SWITCH),
    # True in publishconf.py: `make publish` refuses a card without its poster.
    "EMBEDS_REQUIRE_POSTERS": Setting(False, flag, SWITCH),
    # None: privacy.yml in the content folder.
    "EMBEDS_DECLARATION": Setting(
        None, path_or_none, 'a path as text, e.g. "content/privacy.yml", or None'
    ),
    # The policy page whose #recipient-<id> sections the click-to-load line links.
    "EMBEDS_PRIVACY_URL": Setting("privacy/", text, 'a site path as text, e.g. "privacy/"'),
    # Written only when a page needs it.
    "EMBEDS_SCRIPT_SAVE_AS": Setting(
        "embeds/click-to-load.js", text, 'a file path in the output, e.g. "embeds/load.js"'
    ),
}
SCRIPT = Path(__file__).with_name("click-to-load.js")
FETCH_COMMAND = "make fetch-media"

logger = logging.getLogger(__name__)


@dataclass
class _Build:
    """What one build learned about its embeds, reported once at the end."""

    missing: list[str] = field(default_factory=list)  # "file line N: url"
    problems: list[str] = field(default_factory=list)
    click_to_load: int = 0


_SCRIPT_NEEDED: set[int] = set()  # builds (by id of their settings) with a click-to-load card

_BUILDS: dict[int, _Build] = {}


def register() -> None:
    signals.initialized.connect(initialize)
    signals.content_object_init.connect(make_cards)
    signals.all_generators_finalized.connect(report)
    on_finalized("write", write_script)  # before the guard audits the folder


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    with_defaults(settings, SETTINGS)
    problems = setting_problems(settings, "EMBEDS_", SETTINGS)
    if problems:
        stop_build(logger, problems, f"embeds: {len(problems)} setting(s) above to correct")
    static = list(settings.get("STATIC_PATHS", []))
    if not any(path == MEDIA_FOLDER or MEDIA_FOLDER.startswith(path.rstrip("/") + "/")
               for path in static):  # fmt: skip
        settings["STATIC_PATHS"] = [*static, MEDIA_FOLDER]
    ignored = list(settings.get("IGNORE_FILES", []))
    if f"*{RECORD_SUFFIX}" not in ignored:
        settings["IGNORE_FILES"] = [*ignored, f"*{RECORD_SUFFIX}"]
    _BUILDS[id(settings)] = _Build()
    _GETTEXT.clear()  # a rebuild reads catalogues that may have changed


def _build(settings: dict) -> _Build:
    return _BUILDS.setdefault(id(settings), _Build())


def make_cards(instance: Any) -> None:
    """Replace the embed paragraphs of an article or page with cards."""
    settings = instance.settings
    html = getattr(instance, "_content", None)
    if not settings.get("EMBEDS_ENABLED", True) or not html or "://" not in html:
        return
    build = _build(settings)
    folder = Path(settings["PATH"]) / MEDIA_FOLDER
    source = str(getattr(instance, "source_path", "") or "")

    players: list[bool] = []

    def render(found: Found) -> str:
        where = f"{_shown(source)} line {_line_of(source, found.source)}"
        try:
            record = read_record(folder, found.embed.key)
        except MediaRecordError as error:
            build.problems.append(str(error))
            record = None
        if record is None:
            build.missing.append(f"{where}: {found.source}")
        load = None
        if found.click_to_load:
            load = _click_to_load(settings, found, record, where, build)
            players.append(load is not None)
        return card_html(found.embed, record, load, gettext=_gettext(settings, instance))

    instance._content = replace_embeds(html, render)
    if any(players):
        instance.click_to_load = True  # the theme adds click-to-load.js to this page


def _click_to_load(
    settings: dict, found: Found, record: Any, where: str, build: _Build
) -> ClickToLoad | None:
    player = (record.player if record else None) or found.embed.player
    provider = found.embed.provider
    if player is None:
        build.problems.append(
            f"{where}: {provider.name} has no player address yet; run `{FETCH_COMMAND}` "
            f"(it reads it from the page), or remove {CLICK_TO_LOAD}"
        )
        return None
    host = urlsplit(player).hostname or ""
    declaration = _declaration(settings)
    recipient = declaration.recipient_for_host(host) if declaration else None
    if recipient is None:
        fix = (
            f"add `- service: {provider.service}` to recipients"
            if provider.service
            else f"declare a recipient with hosts: [{host}]"
        )
        build.problems.append(
            f"{where}: {CLICK_TO_LOAD} loads {provider.name}'s player from {host}, which the "
            f"declaration does not name; {fix} in {_declaration_path(settings)}, or remove "
            f"{CLICK_TO_LOAD}"
        )
        return None
    build.click_to_load += 1
    kinds = {str(item.type) for item in declaration.storage if item.provider == recipient.id}
    policy = f"{settings.get('SITEURL', '')}/{settings['EMBEDS_PRIVACY_URL']}"
    stores = "cookies" if "cookie" in kinds else "storage" if kinds else "none"
    return ClickToLoad(player, stores, f"{policy}#recipient-{recipient.id}")


def _gettext(settings: dict, instance: Any) -> Callable[[str], str]:
    """The card's words in the page's language, from the theme's catalogues (identity when the
    languages plugin is not installed)."""
    language = str(getattr(instance, "lang", None) or settings.get("DEFAULT_LANG", "en"))
    key = (str(settings.get("THEME", "")), language)
    if key not in _GETTEXT:
        try:
            from languages.catalogues import gettext_for
        except ImportError:  # pragma: no cover - the kit ships it
            return str
        _GETTEXT[key] = gettext_for(Path(key[0]) / "translations", language)
    return _GETTEXT[key]


_GETTEXT: dict[tuple[str, str], Callable[[str], str]] = {}


def _declaration_path(settings: dict) -> Path:
    return Path(settings.get("EMBEDS_DECLARATION") or Path(settings["PATH"]) / "privacy.yml")


def _declaration(settings: dict) -> Any:
    """The validated declaration, or None when there is none (policy_pages reports why)."""
    path = _declaration_path(settings)
    if not path.is_file():
        return None
    from declaration import DeclarationError, load_declaration

    try:
        return load_declaration(path)
    except DeclarationError:
        return None  # the policy pages plugin names every problem of the file


def report(generators: list) -> None:
    """Before anything is written: stop on problems, say which posters are missing."""
    if not generators:
        return
    settings = generators[0].settings
    build = _BUILDS.pop(id(settings), None)
    if build is None:
        return
    if build.click_to_load:
        _SCRIPT_NEEDED.add(id(settings))
    else:
        _SCRIPT_NEEDED.discard(id(settings))
    if build.problems:
        for problem in build.problems[:-1]:
            print(f"embeds: {problem}", file=sys.stderr)
        stop_build(logger, [], f"embeds: {build.problems[-1]}")
    if not build.missing:
        return
    count = len(build.missing)
    first = build.missing[0] + (f" and {count - 1} more" if count > 1 else "")
    cards = f"{count} embed card{'s' if count > 1 else ''}"
    line = f"{cards} without a poster ({first}): run `{FETCH_COMMAND}`"
    if settings.get("EMBEDS_REQUIRE_POSTERS"):
        stop_build(logger, [], f"embeds: cannot publish {line}")
    print(f"embeds: {line}", file=sys.stderr)


def write_script(pelican: Any) -> None:
    """The click-to-load script, into the output, only for a site whose pages use it: a site
    without one runs no script at all (the transparency report says so)."""
    settings = pelican.settings
    if id(settings) not in _SCRIPT_NEEDED:
        return
    _SCRIPT_NEEDED.discard(id(settings))
    target = Path(pelican.output_path) / settings["EMBEDS_SCRIPT_SAVE_AS"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(SCRIPT.read_bytes())


def _shown(source: str) -> str:
    try:
        return str(Path(source).relative_to(Path.cwd()))
    except ValueError:
        return source


def _line_of(source: str, text: str) -> int:
    """The line of the source file where the link is written (1 when it cannot be found)."""
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    for number, line in enumerate(lines, 1):
        if text in line:
            return number
    return 1
