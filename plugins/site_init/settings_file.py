"""The settings that follow from the answers, set in pelicanconf.py line by line.

Only the lines of the settings named here change (TIMEZONE, SITESUBTITLE, and the contact_form
plugin's line when the site has no form); everything else in the file stays as the owner left it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path


class SettingsFileError(ValueError):
    """The settings file lacks a line make init must set."""


def _assignment(name: str) -> re.Pattern[str]:
    return re.compile(rf"^{name}\s*=.*$", re.M)


def set_settings(path: Path, values: dict[str, str], *, contact_form: bool = True) -> str:
    """The file's text with each NAME = value line set (comments on it dropped: the value is the
    owner's now); the caller writes it."""
    text = path.read_text(encoding="utf-8")
    for name, value in values.items():
        line = f"{name} = {json.dumps(value, ensure_ascii=False)}"
        text, count = _assignment(name).subn(line.replace("\\", "\\\\"), text, count=1)
        if not count:
            raise SettingsFileError(
                f"{path}: has no line '{name} = ...'; add one, or set {name} yourself"
            )
    if not contact_form:
        text = re.sub(
            r'^(\s*)"contact_form",.*$',
            r'\1# "contact_form",  # make init: the site has no contact form',
            text,
            count=1,
            flags=re.M,
        )
    return text
