"""Legal wording per language: one module per language, holding sentences only.

The section builders decide the facts (which authority, which exemption, which
period, which fields a form requires); the language module turns each fact into
that language's sentences, with its own legal terms and citations. A new language
is a new module with the same functions (see en.py), written natively, never
translated sentence by sentence.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from declaration import Declaration


def words_for(declaration: Declaration) -> ModuleType:
    """The wording module of the declaration's default language (en for en-GB, en-US...)."""
    language = declaration.site.default_language.split("-")[0]
    return import_module(f"{__name__}.{language}")
