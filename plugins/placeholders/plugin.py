"""The Pelican glue: list the placeholders in a development build, refuse them when publishing.

`make html` prints every placeholder, one line each with file:line and field, and builds, so the
owner can look at the site first; it is printed, not logged, because a strict build fails on any
logged warning. With PLACEHOLDERS_REFUSE (publishconf.py) the build stops before writing
anything, each placeholder logged as an error.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from pelican import signals
from plugin_support import Setting, deferred, setting_problems, stop_build, with_defaults
from plugin_support.settings import flag, path_or_none
from plugin_support.stop import note_for_the_last_line

from .scan import Placeholder, find_placeholders

logger = logging.getLogger(__name__)


def _paths(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(path_or_none(v) and v for v in value)


SETTINGS: dict[str, Setting] = {
    "PLACEHOLDERS_REFUSE": Setting(False, flag, "True or False"),  # publishconf.py: True
    # None: <PATH>/privacy.yml
    "PLACEHOLDERS_DECLARATION": Setting(
        None, path_or_none, 'a path as text, e.g. "content/privacy.yml"'
    ),
    # Settings files whose lines marked # PLACEHOLDER count while the setting keeps that value.
    "PLACEHOLDERS_SETTINGS_FILES": Setting(
        ("pelicanconf.py", "publishconf.py"),
        _paths,
        'a list of settings files, e.g. ["pelicanconf.py", "publishconf.py"]',
    ),
}
_FOUND: dict[int, list[Placeholder]] = {}  # by id(settings)


def register() -> None:
    signals.initialized.connect(check)
    signals.get_generators.connect(refuse)  # after every plugin's own start-up checks
    signals.finalized.connect(report)


def _relative(path: Path) -> Path:
    try:
        return path.absolute().relative_to(Path.cwd())
    except ValueError:
        return path


def placeholders_of(settings: dict[str, Any]) -> list[Placeholder]:
    """The placeholders of this build's declaration, settings files and content."""
    content = _relative(Path(settings["PATH"]))
    declaration = settings.get("PLACEHOLDERS_DECLARATION") or os.path.join(content, "privacy.yml")
    files = [Path(name) for name in settings.get("PLACEHOLDERS_SETTINGS_FILES") or ()]
    found = find_placeholders(_relative(Path(declaration)), files, content)
    # A marked setting that the build overrides (-e, or a later settings file) is not in use.
    return [p for p in found if not p.field.isupper() or str(settings.get(p.field, "")) == p.value]


def summary(found: list[Placeholder]) -> str:
    count = len(found)
    values = "value is" if count == 1 else "values are"
    return f"placeholders: {count} {values} still the kit's example; replace them with your own"


def what_to_replace(found: list[Placeholder]) -> str:
    """The files to edit, with how many values each: the refusal's last line names them."""
    counts: dict[str, int] = {}
    for placeholder in found:
        counts[placeholder.file] = counts.get(placeholder.file, 0) + 1
    return ", ".join(f"{file} ({count})" for file, count in counts.items())


def check(pelican: Any) -> None:
    settings = pelican.settings
    with_defaults(settings, SETTINGS)
    wrong = setting_problems(settings, "PLACEHOLDERS_", SETTINGS)
    if wrong:
        stop_build(logger, wrong)
    found = placeholders_of(settings)
    _FOUND[id(settings)] = found
    note_for_the_last_line("placeholders", None)
    if found and settings["PLACEHOLDERS_REFUSE"]:
        # Named now, before other plugins' start-up checks (the policy's) can stop the build;
        # the build itself is refused once they have all had their say, and a plugin that
        # stops it first still ends its last line with what to replace.
        for placeholder in found:
            logger.error("%s", placeholder)
        note_for_the_last_line("placeholders", refusal(found))


def refuse(pelican: Any) -> None:
    """Stop a publishing build that still holds placeholders, before anything is written."""
    found = _FOUND.get(id(pelican.settings), [])
    if found and pelican.settings["PLACEHOLDERS_REFUSE"]:
        stop_build(logger, verdict=refusal(found))


def refusal(found: list[Placeholder]) -> str:
    return (
        f"{summary(found)} before publishing, in {what_to_replace(found)}; "
        "make init writes the declaration from your answers"
    )


def report(pelican: Any) -> None:
    found = _FOUND.pop(id(pelican.settings), [])
    if found:
        lines = [f"{summary(found)}; make publish refuses them:", *(f"  {p}" for p in found)]
        deferred.say_after_success("\n".join(lines))
