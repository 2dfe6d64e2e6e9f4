"""The fixture sites of other languages, built once per session (tests/conftest.py), and what
tells a page's language apart: the English the kit writes (the English catalogue's msgids and
the English legal wording's sentences), so that a test can find any left on a German or French
page."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup
from bs4.element import NavigableString
from languages.maintenance import po_path, read
from sitebuild import ROOT, SITES, Build, copy_content, run_build

GERMAN_SITE = SITES / "grenzrad"  # a German bike shop that also sells to the Netherlands
FRENCH_SITE = SITES / "atelier-lyon"  # lang-fr's French workshop, languages: [fr]
# The kit's English tagline would be the one English line of these sites: they have none.
# Feeds as make publish writes them, so that each language's are there to check.
LANGUAGE_SITE_SETTINGS: dict[str, object] = {
    "SITESUBTITLE": None,
    "FEED_DOMAIN": "https://feeds.test",
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
    "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml",
}
_INVISIBLE = {"script", "style", "template", "noscript", "head"}


def build_language_site(workdir: Path, site: Path) -> Build:
    content = copy_content(workdir / "content", site)
    build = run_build(workdir, content=content, overrides=LANGUAGE_SITE_SETTINGS)
    assert build.returncode == 0, build.log
    return build


def served_pages(build: Build) -> list[Path]:
    """Every page a visitor can reach (the inbox bundle's copies under .contact-inbox aside)."""
    hidden = [p for p in build.html_files() if p.relative_to(build.output).parts[0][:1] == "."]
    return [p for p in build.html_files() if p not in hidden]


def page_language(build: Build, path: Path, homes: dict[str, str]) -> str:
    """The language a page's address says it is in: the language whose home it is under."""
    relative = path.relative_to(build.output).as_posix()
    default = next(lang for lang, home in homes.items() if not home)
    return next(
        (lang for lang, home in homes.items() if home and relative.startswith(home)), default
    )


@dataclass(frozen=True)
class Leftover:
    page: str
    text: str
    english: str

    def __str__(self) -> str:
        return f"{self.page}: {self.text!r} is English ({self.english!r})"


@cache
def english_phrases(lang: str) -> tuple[frozenset[str], tuple[tuple[re.Pattern[str], str], ...]]:
    """What the kit writes in English and `lang` writes otherwise: single words (matched as a
    whole text) and phrases of two words or more (found inside a text)."""
    theirs = read(po_path(ROOT, lang), lang)
    words, phrases = set(), []
    for message in read(po_path(ROOT, "en"), "en"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        translated = theirs.get(message.id if isinstance(message.id, str) else message.id[0],
                                context=message.context)  # fmt: skip
        strings = translated.string if translated is not None else ()
        strings = strings if isinstance(strings, tuple) else (strings,)
        for text in ids:
            if text in strings:  # written alike in both ("Blog", "Name")
                continue
            for chunk in re.split(r"%\([a-z_]+\)s|\{[a-z_]+\}|<[^>]+>", text):
                chunk = chunk.strip(" .,:;()·")
                if " " in chunk and len(chunk) >= 8:
                    phrases.append((re.compile(re.escape(chunk)), text))
                elif chunk and chunk == text.strip(" .:"):
                    words.add(chunk)
    for sentence in legal_sentences():
        phrases.append((re.compile(re.escape(sentence)), sentence))
    return frozenset(words), tuple(phrases)


@cache
def legal_sentences() -> frozenset[str]:
    """The English legal wording module's sentences: its literals of three words or more."""
    tree = ast.parse((ROOT / "plugins" / "policy_pages" / "lang" / "en.py").read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            for part in re.split(r"\{[^}]*\}|%\([a-z_]+\)s", node.value):
                text = part.strip(" .,:;()")
                if len(text) >= 20 and text.count(" ") >= 2 and not text.startswith("http"):
                    found.add(text)
    return frozenset(found)


def visible_texts(html: str, lang: str) -> list[str]:
    """The page's text as a visitor reads it in `lang`: its <title> and every text node of
    <body>, except what a `lang` attribute marks as another language (the switcher's
    "English", say) and what is never shown (scripts, templates)."""
    soup = BeautifulSoup(html, "html.parser")
    texts = [soup.title.get_text(" ", strip=True)] if soup.title else []
    for node in soup.find_all(string=True):
        if type(node) is not NavigableString:  # comments, the doctype
            continue
        parents = list(node.parents)
        if any(p.name in _INVISIBLE for p in parents):
            continue
        marked = next((p.get("lang") for p in parents if p.get("lang")), lang)
        if str(marked).lower().split("-")[0] != lang:
            continue
        text = " ".join(node.split())
        if text:
            texts.append(text)
    return texts


def english_left(build: Build, path: Path, lang: str) -> list[Leftover]:
    """Every text on the page that is still the kit's English."""
    words, phrases = english_phrases(lang)
    page = path.relative_to(build.output).as_posix()
    found = []
    texts = visible_texts(path.read_text(encoding="utf-8"), lang)
    for text in texts:
        if text.strip(" .:") in words:
            found.append(Leftover(page, text, text))
    whole = " ".join(texts)
    seen = {leftover.english for leftover in found}
    for pattern, english in phrases:
        if english in seen:
            continue
        match = pattern.search(whole)
        if match:
            found.append(Leftover(page, whole[max(0, match.start() - 30) : match.end() + 30],
                                  english))  # fmt: skip
    return found
