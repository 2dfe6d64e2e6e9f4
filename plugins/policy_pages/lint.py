"""meta.plain_language: the policy states only what is declared, never what might happen.

Every word of the generated pages is checked, the owner's declared sentences
included: "may", "might", "some", "often", "possibly" and "as long as
necessary" promise nothing, so they fail the build. A word in the owner's text
is reported at its line and field in privacy.yml; one in the generator's own
words is a bug of the generator and says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from declaration.yaml_source import read_source

from .document import Declared, Document, Link, Section, plain, spans_of

_VAGUE = re.compile(r"\b(may|might|some|sometimes|often|possibl\w*)\b", re.IGNORECASE)
_NECESSARY = re.compile(r"\bas long as (?:is |it is )?necessary\b", re.IGNORECASE)


def vague_words(text: str) -> list[str]:
    found = [match.group(0) for match in _NECESSARY.finditer(text)]
    return found + [match.group(0) for match in _VAGUE.finditer(text)]


def lint(documents: tuple[Document, ...], declaration_file: Path) -> list[str]:
    """One line per vague word: where it is written, and what to write instead."""
    problems: list[str] = []
    source = None
    for document in documents:
        for part, parents in document.walk():
            for span in spans_of(part):
                if isinstance(span, Link) or (isinstance(span, Declared) and not span.lint):
                    continue
                for word in vague_words(plain(span)):
                    if isinstance(span, Declared):
                        source = source or read_source(declaration_file)
                        problem = str(source.problem(span.loc, _advice(word)))
                    else:
                        where = _heading(part, parents) or document.title
                        problem = (
                            f"{document.title}, {where}: the generated text says "
                            f'"{word}" (meta.plain_language); this is a bug in policy_pages'
                        )
                    if problem not in problems:
                        problems.append(problem)
    return problems


def _advice(word: str) -> str:
    if word.lower().startswith("as long as"):
        return (
            f'"{word}" does not say how long (meta.plain_language); give the period or the '
            "event that ends it"
        )
    return (
        f'"{word}" is vague, and the policy states only what you do (meta.plain_language); '
        'say exactly what happens, e.g. "we keep" rather than "we may keep"'
    )


def _heading(part: object, parents: tuple[Section, ...]) -> str:
    section = part if isinstance(part, Section) else (parents[-1] if parents else None)
    return f'section "{plain(section.heading)}"' if section else ""
