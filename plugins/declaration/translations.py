"""Texts per language: which values of privacy.yml are prose, and whether each covers every one.

The rule (docs/declaration.md, "Several languages"):

- Prose is what people read as sentences or labels: a purpose, a data category's label, a
  consequence, a retention note, how to withdraw consent... (the fields typed Prose in model.py).
  It is written in every language of the site, because GDPR Art. 12(1) asks for "clear and plain
  language" to the people addressed, and the Article 29 Working Party's transparency guidelines
  (WP260 rev.01, para. 13) ask for a translation into the languages of the people a site targets.
- Names, addresses, numbers and codes are the same in every language and written once: a legal
  name, a street, a register number, a VAT id, an e-mail address, a cookie's name. An authority
  or a company is named as it names itself.
- A prose value is a plain text or a mapping of language tag -> text. A plain text counts as the
  site's default (first) language; so one language needs nothing more, and a site of several
  needs a mapping with a text for each of them and for no other.

Every problem is reported at once, one line each, before anything is built.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from babel import Locale, UnknownLocaleError

from .errors import Loc, closest, quoted
from .model import Declaration, read_in
from .prose import put, values_of_prose
from .raw import Findings, entries, items, mapping
from .scalars import is_language_tag


def site_languages(data: dict[str, Any]) -> list[str]:
    """The valid language tags site.languages lists, each once (the model reports the others,
    and texts are not asked of a language that is no language)."""
    tags = items(mapping(data.get("site")).get("languages"))
    return list(dict.fromkeys(tag for tag in tags if is_language_tag(tag)))


def prose_values(data: Any) -> Iterator[tuple[Loc, Any]]:
    """(path, value as written) of every prose value of the declaration's raw `data`."""
    return values_of_prose(data, Declaration)


def in_language(data: dict[str, Any], language: str) -> dict[str, Any]:
    """A copy of the raw `data` with each text-per-language mapping replaced by its text in
    `language` where it has one, for the rules that read what the texts say."""
    view = copy.deepcopy(data)
    for loc, value in list(prose_values(view)):
        if isinstance(value, dict) and isinstance(value.get(language), str):
            put(view, loc, value[language])
    return view


def without_edits_in(old: Declaration, new: Declaration, language: str) -> Declaration:
    """`new` read in `language`, except that each text whose default-language wording is the
    same as in `old` keeps the wording `old` had in `language`: the edits made in `language`
    alone, undone. What differs between this and new.in_language(language) is exactly those
    edits, which a release must record (a German-only correction changes the German policy)."""
    if old._texts is None or new._texts is None or language not in old.site.languages:
        return new.in_language(language)
    default, before = new.site.default_language, old._texts.per_language
    data = copy.deepcopy(new._texts.data)
    for loc, texts in new._texts.per_language.items():
        earlier = before.get(loc, {})
        if language in earlier and earlier.get(default) == texts.get(default):
            put(data, loc, {**texts, language: earlier[language]})
    return read_in(data, language, {})


def language_views(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The raw `data` read in each language of the site (just `data` when it has no text per
    language), for the rules that read what a text says: each language's text is held to them."""
    if not any(isinstance(value, dict) for _, value in prose_values(data)):
        return [data]
    return [in_language(data, tag) for tag in site_languages(data)] or [data]


@cache
def language_name(tag: str, said_in: str = "en") -> str:
    """'de' -> 'German', 'en-GB' -> 'English (United Kingdom)'; said in another language with
    `said_in` ('en', 'de' -> 'Englisch'); the tag itself when unknown."""
    try:
        return Locale.parse(tag, sep="-").get_display_name(said_in.replace("-", "_")) or tag
    except (ValueError, UnknownLocaleError):
        return tag


def check_translations(
    data: dict[str, Any], findings: Findings, written: Callable[[Loc], bool], released: bool
) -> None:
    """Each prose value covers exactly the site's languages. `written` tells a value of the file
    from one the service catalogue filled in, in English, which the owner writes in the site's
    other languages; a release is not asked again (the catalogue may have grown since)."""
    languages = site_languages(data)
    if len(languages) > 1:
        _titled(data, languages, findings)
    for loc, value in prose_values(data):
        if not written(loc):
            missing = None if released else _filled(loc, value, languages, data)
            if missing:
                findings.add(loc, missing)
        elif isinstance(value, dict):
            _per_language(loc, value, languages, findings)
        elif isinstance(value, str) and value.strip():
            for language in languages[1:]:
                findings.add(loc, _plain_misses(loc, languages[0], language))


def _titled(data: dict[str, Any], languages: list[str], findings: Findings) -> None:
    """A purpose without a title is headed by its id in words, which no language translates."""
    for index, entry in entries(data, "processing"):
        if entry.get("title") is None:
            findings.require(
                ("processing", index),
                "title",
                "the site has several languages and a purpose without a title is headed by its "
                "id in words, the same in each",
                _each(languages),
            )


def _per_language(
    loc: Loc, value: dict[str, Any], languages: list[str], findings: Findings
) -> None:
    if not value:
        findings.add(loc, f"no text; write the text in each language, {_each(languages)}")
        return
    for key, text in value.items():
        if languages and key not in languages:
            findings.add((*loc, key), _undeclared(key, languages))
        elif not isinstance(text, str):
            findings.add((*loc, key), f"expected text, got {quoted(text)}")
        elif not text.strip():
            findings.add((*loc, key), f"is empty; write the text in {language_name(key)}")
    for language in languages:
        if language not in value:
            findings.add(
                loc,
                f"no {language} text ({language_name(language)}); add {language}: with the "
                f"{_what(loc)} in {language_name(language)}",
            )


def _plain_misses(loc: Loc, default: str, language: str) -> str:
    key = f"{loc[-1]}: " if isinstance(loc[-1], str) else "- "
    return (
        f"no {language} text ({language_name(language)}); a plain text counts as {default} "
        f"({language_name(default)}), so write {key}{{{default}: <this text>, {language}: <the "
        f"{_what(loc)} in {language_name(language)}>}}"
    )


def _undeclared(key: str, languages: list[str]) -> str:
    listed = ", ".join(languages)
    guess = closest(key, languages)
    if guess and guess != key:
        return (
            f"{quoted(key)} is not a language of the site; did you mean {guess}? "
            f"(site.languages: {listed})"
        )
    return (
        f"{quoted(key)} is not a language of the site (site.languages: {listed}); remove it, or "
        "add it to site.languages"
    )


def _filled(loc: Loc, value: Any, languages: list[str], data: dict[str, Any]) -> str | None:
    """A text the service catalogue filled in, which it has in English only: what to write in
    the other languages, or None when the site is in English only."""
    missing = [language for language in languages if language.split("-")[0] != "en"]
    if not missing or not isinstance(value, str):
        return None
    where = "in this entry yourself"
    if loc[0] == "storage" and isinstance(loc[1], int):
        item = items(data.get("storage"))[loc[1]]
        where = (
            f"in a storage entry of your own for {quoted(item.get('name'))} "
            f"(provider: {item.get('provider')}), which then replaces the catalogue's"
        )
    return (
        f"the service catalogue has this text in English only ({quoted(value)}); write "
        f"{loc[-1]}: {_each(languages)} {where}"
    )


def _what(loc: Loc) -> str:
    return str(loc[-1]).replace("_", " ") if isinstance(loc[-1], str) else "text"


def _each(languages: list[str]) -> str:
    """{de: ..., en: ...}: the shape of a text in each of `languages` (en when none is valid)."""
    return "{" + ", ".join(f"{language}: ..." for language in languages or ["en"]) + "}"
