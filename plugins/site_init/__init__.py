"""`make init`: from a fresh clone to the owner's own declaration and settings.

Asks the essentials in plain words (or reads them from an answers file), writes
content/privacy.yml with its comments, sets the time zone, tagline and jurisdictions that follow
from the answers, and prints what is left to do by hand. It never deletes a post or a page. No
Pelican import.
"""

from __future__ import annotations

from .answers import Answers, AnswersError
from .declaration_file import declaration_text
from .settings_file import set_settings

__all__ = ["Answers", "AnswersError", "declaration_text", "set_settings"]
