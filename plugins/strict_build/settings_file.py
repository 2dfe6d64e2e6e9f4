"""Read the settings file, and say where it is wrong in terms of the file, not of Pelican's code.

Pelican runs pelicanconf.py as Python: a typo there surfaces as a bare "No module named x" or
"name y is not defined", naming neither the file nor the line the owner has to change.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from pelican.settings import read_settings


class SettingsError(Exception):
    """The settings file could not be read; the message names the file and the line."""


def load(config_file: str | None, overrides: dict[str, Any]) -> dict[str, Any]:
    """Pelican's settings, or SettingsError naming the file and the line."""
    try:
        settings = read_settings(config_file, override=overrides)
    except Exception as exc:
        raise SettingsError(_where(exc, config_file)) from None
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
