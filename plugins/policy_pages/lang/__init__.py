"""Legal wording per language: one module per language, holding sentences only.

The section builders decide the facts (which authority, which exemption, which
period, which fields a form requires); the language module turns each fact into
that language's sentences, with its own legal terms and citations. A new language
is a new module with the same functions and constants (see en.py; a test lists them),
written natively, never translated sentence by sentence.

The language of a page is the language of the declaration it is built from
(`declaration.language`, which Declaration.in_language sets), so one builder writes
every language's page; `words_for` picks the module from it.
"""

from __future__ import annotations

import string
from functools import cache
from importlib import import_module
from pathlib import Path
from types import ModuleType

from babel.units import format_unit
from declaration import Declaration
from declaration.durations import Duration

from ..document import Inline, Spans

_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")


def language_of(subject: Declaration | str) -> str:
    """The page language: a language code, or the language a declaration's texts are in (its
    `language` once it has been put in one language, else the site's default), without region."""
    if isinstance(subject, str):
        return subject.split("-")[0]
    language = getattr(subject, "language", None) or subject.site.default_language
    return str(language).split("-")[0]


@cache
def languages_with_wording() -> tuple[str, ...]:
    """The languages a module of legal wording exists for, e.g. ('de', 'en', 'fr')."""
    return tuple(sorted(path.stem for path in Path(__file__).parent.glob("[a-z][a-z].py")))


def has_wording(language: str) -> bool:
    return language_of(language) in languages_with_wording()


def words_for(subject: Declaration | str) -> ModuleType:
    """The wording module of a page language (en for en-GB, en-US...)."""
    return import_module(f"{__name__}.{language_of(subject)}")


def in_language(declaration: Declaration, language: str | None) -> Declaration:
    """The declaration with its texts in `language` (Declaration.in_language, lang-decl's);
    itself when `language` is None or already its language, or when it was released before the
    site spoke `language` (such a version was published in its own languages only)."""
    if language is None or language_of(declaration) == language_of(language):
        return declaration
    try:
        return declaration.in_language(language)
    except ValueError:
        return declaration


def fill(template: str, **parts: Inline | Spans) -> Spans:
    """A sentence with named places as spans: fill("Read the {link}.", link=Link(...)) gives
    ("Read the ", Link(...), "."). A part is text, one span, or spans; adjacent texts merge, so
    a sentence reads the same whichever parts are links."""
    spans: list[Inline] = []

    def add(item: Inline) -> None:
        if isinstance(item, str) and spans and isinstance(spans[-1], str):
            spans[-1] += item
        elif item != "":
            spans.append(item)

    for literal, name, _, _ in string.Formatter().parse(template):
        add(literal)
        if name is None:
            continue
        part = parts[name]
        for item in part if isinstance(part, tuple) else (part,):
            add(item)
    return tuple(spans)


def babel_duration(duration: Duration, language: str, and_word: str) -> str:
    """'6 Monate', '1 an et 6 mois': Babel's unit names, joined with the language's 'and'; a
    language module's duration() uses it for the lengths, and says 'session' itself."""
    parts = [
        format_unit(
            getattr(duration, unit), f"duration-{unit[:-1]}", length="long", locale=language
        )
        for unit in _UNITS
        if getattr(duration, unit)
    ]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {and_word} " + parts[-1]
