"""`make translations`: extract the theme's strings, update every catalogue, compile them.

Babel does the work (extraction from the templates and Python sources, merging, compiling);
this module only fixes what it reads and how it writes, so that catalogues change only when a
string does: messages sorted, file names without line numbers, no wrapping, no dates that move.
The English catalogue is the source language's: each msgstr is its msgid, written out so a
site can reword an English string in one place.

Run from the project folder: `python -m languages.maintenance [--check]`.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .catalogues import DOMAIN, SOURCE_LANGUAGE

THEME = Path("theme")
CATALOGUES = THEME / "translations"
TEMPLATE = CATALOGUES / f"{DOMAIN}.pot"
# What visitors read: the theme's templates, and the Python that writes to them (the inbox's
# answers, the contact form's default labels), marked with _() or N_().
SOURCES = (
    (THEME / "templates", "**.html", "jinja2.ext:babel_extract"),
    (Path("plugins") / "contact_form", "**.py", "python"),
    (Path("plugins") / "embeds", "card.py", "python"),
    (Path("plugins") / "languages", "strings.py", "python"),
)
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
JINJA_OPTIONS = {
    "trimmed": "true",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
    "silent": "false",
}
# A fixed date in the headers: a date that moved with every run would change every catalogue.
_STABLE_DATE = datetime(2026, 1, 1, tzinfo=UTC)
_HEADER = (
    "# The Discreet theme's strings, language: {language}.\n"
    "# Written by `make translations`; translate each msgstr (docs/languages.md)."
)


def extract(root: Path) -> Catalog:
    """Every translatable string of the theme and the inbox, as a template catalogue."""
    template = Catalog(project="Discreet", domain=DOMAIN, creation_date=_STABLE_DATE)
    for folder, pattern, method in SOURCES:
        options = JINJA_OPTIONS if method.startswith("jinja2") else {}
        found = extract_from_dir(
            root / folder,
            method_map=[(pattern, method)],
            options_map={pattern: options},
            keywords=KEYWORDS,
            comment_tags=("Translators:",),
            strip_comment_tags=True,
        )
        for filename, lineno, message, comments, context in found:
            path = (folder / filename).as_posix()
            template.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return template


def languages(root: Path) -> list[str]:
    """The languages that have a catalogue folder, e.g. ['de', 'en', 'fr']."""
    folder = root / CATALOGUES
    return sorted(p.name for p in folder.iterdir() if (p / "LC_MESSAGES").is_dir())


def po_path(root: Path, language: str) -> Path:
    return root / CATALOGUES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, language: str) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, sort_output=True, include_lineno=False, ignore_obsolete=True)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def updated(root: Path, language: str, template: Catalog) -> Catalog:
    """The language's catalogue with the template's messages: new ones empty, gone ones out."""
    path = po_path(root, language)
    catalog = read(path, language) if path.exists() else _new(language)
    # Babel's update puts the template's own Message objects into the catalogue; without a
    # copy, English filling in its msgstrs would fill every later language's new ones too.
    catalog.update(deepcopy(template), no_fuzzy_matching=True, update_creation_date=False)
    if language == SOURCE_LANGUAGE:
        for message in catalog:
            if message.id and not any(_strings(message)):
                message.string = message.id
    return catalog


def _new(language: str) -> Catalog:
    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        project="Discreet",
        version="1",
        header_comment=_HEADER.format(language=language),
        creation_date=_STABLE_DATE,
        revision_date=_STABLE_DATE,
        last_translator="Discreet",
        language_team=language,
        fuzzy=False,
    )
    return catalog


@dataclass(frozen=True)
class Flaw:
    """What is wrong with one language's catalogue, named with its .po file."""

    language: str
    text: str

    def __str__(self) -> str:
        return f"{CATALOGUES / self.language / 'LC_MESSAGES' / DOMAIN}.po: {self.text}"


def problems(root: Path) -> Iterator[Flaw]:
    """Catalogues that lack a string, leave one untranslated or fuzzy, or were not compiled."""
    template = extract(root)
    wanted = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in template if m.id}
    for language in languages(root):
        path = po_path(root, language)
        if not path.exists():
            yield Flaw(language, "missing; run make translations, then translate it")
            continue
        catalog = read(path, language)
        have = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}
        for key in sorted(wanted - have.keys(), key=str):
            yield Flaw(language, f'lacks "{key[1]}"; run make translations and translate it')
        for key, message in sorted(have.items(), key=lambda item: str(item[0])):
            if key not in wanted:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(strings):
                yield Flaw(language, f'"{key[1]}" is not translated; write its msgstr')
            elif message.fuzzy:
                yield Flaw(language, f'"{key[1]}" is marked fuzzy; check it, remove the flag')
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
            yield Flaw(language, "its .mo is not compiled from it; run make translations")


def update(root: Path) -> list[str]:
    """Extract, update every catalogue, compile; the lines to print."""
    template = extract(root)
    (root / TEMPLATE).write_bytes(po_bytes(template))
    lines = [f"{TEMPLATE}: {len(template)} strings"]
    root = root.absolute()
    for language in languages(root):
        catalog = updated(root, language, template)
        path = po_path(root, language)
        path.write_bytes(po_bytes(catalog))
        path.with_suffix(".mo").write_bytes(mo_bytes(catalog))
        missing = sum(1 for m in catalog if m.id and not all(_strings(m)))
        name = path.relative_to(root)
        lines.append(f"{name}: {missing} to translate" if missing else f"{name}: complete")
    return lines


def _strings(message) -> tuple:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make translations", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report what is missing")
    arguments = parser.parse_args(argv)
    root = Path.cwd()
    if arguments.check:
        found = [str(problem) for problem in problems(root)]
        print("\n".join(found) or "every catalogue is complete and compiled")
        return 1 if found else 0
    print("\n".join(update(root)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
