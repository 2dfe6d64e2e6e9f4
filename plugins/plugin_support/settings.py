"""A plugin's settings: defaults, and one line per mistake, with 'did you mean' for typos.

Each plugin owns the settings under its prefix (CONTACT_, POLICY_, PRIVACY_GUARD_...). A name
under that prefix which the plugin does not read is almost always a typo that would otherwise be
ignored in silence, and a value of the wrong kind would fail deep inside Pelican with a Python
message that names no setting; both are reported when Pelican starts, before anything is built.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any


def anything(_: Any) -> bool:
    return True


@dataclass(frozen=True)
class Setting:
    """One setting a plugin reads: its default, and which values it accepts.

    `expected` completes "expected ..." in the message, e.g. 'a path as text, e.g.
    "content/privacy.yml"'.
    """

    default: Any
    fits: Callable[[Any], bool] = anything
    expected: str = ""


def with_defaults(settings: MutableMapping[str, Any], known: Mapping[str, Setting]) -> None:
    """Give every setting the plugin reads its default unless the settings file set it."""
    for name, setting in known.items():
        settings.setdefault(name, setting.default)


def setting_problems(
    settings: Mapping[str, Any], prefix: str, known: Mapping[str, Setting]
) -> list[str]:
    """One line per unknown name under `prefix` and per value of the wrong kind."""
    problems = []
    for name in sorted(n for n in settings if n.startswith(prefix) and n not in known):
        guess = difflib.get_close_matches(name, list(known), n=1)
        hint = f"did you mean {guess[0]}?" if guess else f"the known ones: {', '.join(known)}"
        problems.append(f"{name}: unknown setting; {hint}")
    for name, setting in known.items():
        if name in settings and not setting.fits(settings[name]):
            problems.append(f"{name}: expected {setting.expected}; correct it in the settings file")
    return problems


# Common kinds of value, so every plugin words them alike.


def text(value: Any) -> bool:
    """Non-empty text (a slash or spaces alone count as empty)."""
    return isinstance(value, str) and bool(value.strip("/ "))


def text_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def path_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str | os.PathLike)


def flag(value: Any) -> bool:
    return isinstance(value, bool)


def count(value: Any) -> bool:
    """A whole number of at least 1 (True is not a number here)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def list_of(fits: Callable[[Any], bool]) -> Callable[[Any], bool]:
    """A list or tuple whose every item fits."""
    return lambda value: isinstance(value, list | tuple) and all(fits(item) for item in value)
