"""What the kit needs before a site may declare a language (docs/languages.md, "Adding a
language"): the theme's catalogue, the policy pages' legal wording, and the locale data.

- the theme's catalogue, theme/translations/<lang>/LC_MESSAGES/messages.po, and its compiled
  .mo (complete: tests/languages/test_catalogues.py checks every string);
- the legal wording, plugins/policy_pages/lang/<lang>.py, written natively with the
  jurisdiction's own terms and citations (never translated sentence by sentence);
- the locale data that writes dates, numbers, durations, country and language names: Babel's
  CLDR data for the language.

No Pelican import: the build asks it for each declared language (a missing part stops the build
with one line naming what to add), and a test asks it for every language the kit ships.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError

from .catalogues import catalogue_file

WORDING = Path("plugins") / "policy_pages" / "lang"
KIT = Path(__file__).resolve().parents[2]  # the folder that holds plugins/


def wording_module(root: Path, lang: str) -> Path:
    """The legal wording module that serves `lang` (de for de-AT: one per language)."""
    return root / WORDING / f"{lang.split('-')[0].lower()}.py"


def missing(root: Path, catalogues: Path, lang: str, *, wording: bool = True) -> list[str]:
    """What `lang` still lacks, one line each naming the file or data and how to add it;
    `root`: the kit's folder, `catalogues`: the theme's translations folder; `wording`: whether
    the policy pages (and so their legal wording) are built."""
    lacking = []
    po = catalogue_file(catalogues, lang, ".po")
    if po is None:
        folder = catalogues / lang.replace("-", "_") / "LC_MESSAGES"
        lacking.append(
            f"{lang}: no theme catalogue {folder / 'messages.po'}; create the folder "
            f"{folder}, run make translations, then translate every entry"
        )
    elif catalogue_file(catalogues, lang, ".mo") is None:
        lacking.append(f"{lang}: {po} is not compiled; run make translations")
    if wording and not wording_module(root, lang).is_file():
        lacking.append(
            f"{lang}: no legal wording {wording_module(root, lang)}; write it with the same "
            "names as en.py, natively, in that jurisdiction's terms (docs/languages.md)"
        )
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        lacking.append(f"{lang}: Babel has no locale data for it; use a language tag such as "
                       "de, fr or en-GB")  # fmt: skip
    else:
        if not locale.territories or not locale.date_formats:
            lacking.append(f"{lang}: Babel's locale data lacks country names or date formats")
    return lacking
