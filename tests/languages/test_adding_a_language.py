"""Adding a language takes one catalogue, one legal wording module and Babel's locale data
(docs/languages.md): every language the kit ships or a fixture site declares has all three, and
a language that lacks them is told, part by part, what to add."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from languages.maintenance import CATALOGUES, SOURCES, update
from languages.provision import missing
from sitebuild import ROOT, SITES, copy_content, run_build


def shipped_languages() -> set[str]:
    """The languages of the theme's catalogues and of every fixture site's declaration."""
    found = {p.name for p in (ROOT / CATALOGUES).iterdir() if (p / "LC_MESSAGES").is_dir()}
    for declaration in SITES.glob("*/privacy.yml"):
        found |= set(yaml.safe_load(declaration.read_text(encoding="utf-8"))["site"]["languages"])
    return found


def test_every_language_the_kit_ships_has_its_catalogue_wording_and_locale_data() -> None:
    lacking = [line for lang in sorted(shipped_languages())
               for line in missing(ROOT, ROOT / CATALOGUES, lang)]  # fmt: skip
    assert lacking == [], "\n".join(lacking)


def test_a_new_language_is_told_each_part_it_lacks(tmp_path: Path) -> None:
    for folder, _, _ in (*SOURCES, (CATALOGUES, None, None)):
        shutil.copytree(ROOT / folder, tmp_path / folder, dirs_exist_ok=True)
    catalogues = tmp_path / CATALOGUES
    assert missing(tmp_path, catalogues, "nl") == [
        f"nl: no theme catalogue {catalogues}/nl/LC_MESSAGES/messages.po; create the folder "
        f"{catalogues}/nl/LC_MESSAGES, run make translations, then translate every entry",
        f"nl: no legal wording {tmp_path}/plugins/policy_pages/lang/nl.py; write it with the "
        "same names as en.py, natively, in that jurisdiction's terms (docs/languages.md)",
    ]
    assert missing(tmp_path, catalogues, "xx")[-1] == (
        "xx: Babel has no locale data for it; use a language tag such as de, fr or en-GB"
    )
    # The catalogue: `make translations` makes it once its folder exists (then it is translated).
    (catalogues / "nl" / "LC_MESSAGES").mkdir(parents=True)
    update(tmp_path)
    wording = tmp_path / "plugins" / "policy_pages" / "lang" / "nl.py"
    wording.parent.mkdir(parents=True)
    wording.write_text("", encoding="utf-8")
    assert missing(tmp_path, catalogues, "nl") == []


def test_a_site_that_declares_a_language_the_kit_lacks_stops_naming_what_to_add(
    tmp_path: Path,
) -> None:
    content = copy_content(tmp_path / "content", SITES / "bakery")
    declaration = content / "privacy.yml"
    text = declaration.read_text(encoding="utf-8")
    declaration.write_text(text.replace("languages: [en-GB]", "languages: [nl]"), "utf-8")
    build = run_build(tmp_path, content=content)
    assert build.returncode != 0
    lines = [line for line in build.log.splitlines() if "site.languages: nl:" in line]
    assert [line.split("site.languages: ")[1].split(";")[0] for line in lines] == [
        f"nl: no theme catalogue {ROOT / CATALOGUES}/nl/LC_MESSAGES/messages.po",
        f"nl: no legal wording {ROOT}/plugins/policy_pages/lang/nl.py",
    ]
    assert "Traceback" not in build.log
    assert build.log.rstrip().endswith("languages: 2 problems above to correct")
