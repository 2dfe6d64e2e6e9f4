"""Read the settings file, and say where it is wrong in terms of the file, not of Pelican's code.

Pelican runs pelicanconf.py as Python: a typo there surfaces as a bare "No module named x" or
"name y is not defined", and a value of the wrong type (``DEFAULT_PAGINATION = "ten"``) only
as an error deep inside the build ("could not convert string to float"). Both name neither the
file nor the line the owner has to change.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican.settings import DEFAULT_CONFIG, read_settings
from plugin_support import DiscreetError

# The kinds of value a setting can hold, as the owner writes them; None means "not set" in any.
_KINDS: tuple[tuple[str, tuple[type, ...]], ...] = (
    ("a number (or True/False)", (bool, int, float)),
    ("text in quotes", (str,)),
    ("a list", (list, tuple, set, frozenset)),
    ("a dict", (Mapping,)),
)


class SettingsError(DiscreetError):
    """The settings file could not be read; the message names the file and the line."""


def load(config_file: str | None, overrides: dict[str, Any]) -> dict[str, Any]:
    """Pelican's settings, or SettingsError with one line per problem."""
    content = overrides.get("PATH")  # the folder named on the command line
    if content and not Path(content).is_dir():
        raise SettingsError(
            f"{content}: there is no such folder to read the content from; check the folder "
            "named on the command line"
        )
    try:
        settings = read_settings(config_file, override=overrides)
    except Exception as exc:  # the owner's Python: whatever it raises becomes one line
        raise SettingsError(_where(exc, config_file)) from None
    problems = wrong_types(settings, overrides, config_file or "settings")
    if problems:
        raise SettingsError("\n".join(problems))
    return settings


def _where(exc: Exception, config_file: str | None) -> str:
    """``file:line: reason`` for an exception raised while the settings file ran."""
    line = None
    if isinstance(exc, SyntaxError) and exc.filename and config_file:
        line, reason = exc.lineno, exc.msg
    else:
        reason = str(exc) or type(exc).__name__
        if config_file:
            settings_path = str(Path(config_file).resolve())
            for frame in traceback.extract_tb(exc.__traceback__):
                if str(Path(frame.filename).resolve()) == settings_path:
                    line = frame.lineno
    place = f"{config_file}:{line}" if line else (config_file or "settings")
    return f"{place}: {reason}; correct the settings file and build again"


def _kind(value: Any) -> str | None:
    for name, types in _KINDS:
        if isinstance(value, types):
            return name
    return None  # a class or a function: a setting that takes code, not data


def wrong_types(settings: dict[str, Any], overrides: dict[str, Any], source: str) -> list[str]:
    """One line for each of Pelican's own settings given a value of another kind than it takes."""
    problems = []
    for name, default in DEFAULT_CONFIG.items():
        value = settings.get(name)
        if value is None or default is None:
            continue
        expected, found = _kind(default), _kind(value)
        if expected and found and expected != found:
            origin = f"-e {name}" if name in overrides else source
            problems.append(
                f"{origin}: {name} = {value!r}: expected {expected}, like Pelican's default "
                f"{name} = {default!r}; change the value or remove the line"
            )
    return problems
