"""make init outside the EU and the UK: the laws, the time zone of the region, the EU
representative and the transfer safeguard follow from the answers; a wrong answer is named at its
line of the answers file."""

from __future__ import annotations

from pathlib import Path

import pytest
from declaration import load_declaration
from kitclone import fresh_clone, init, init_on_a_terminal, terminal_answers
from placeholders import find_placeholders
from sitebuild import ROOT, run_build

ANSWERS = ROOT / "tests" / "site_init" / "answers"


@pytest.mark.parametrize(
    ("answers", "laws", "zone"),
    [
        ("perth-bakery", ["eu_gdpr", "eprivacy"], "Australia/Perth"),
        ("vancouver-weaver", ["ca_pipeda"], "America/Vancouver"),
        ("san-francisco-printer", ["us_ca_caloppa"], "America/Los_Angeles"),
        ("zurich-dairy", ["eu_gdpr", "eprivacy"], "Europe/Zurich"),
    ],
)
def test_a_business_outside_the_eu_gets_a_declaration_that_loads(
    tmp_path: Path, answers: str, laws: list[str], zone: str
) -> None:
    project = fresh_clone(tmp_path)
    done = init(project, "--answers", str(ANSWERS / f"{answers}.yml"))
    assert done.returncode == 0, done.stderr
    declaration = load_declaration(project / "content" / "privacy.yml")
    assert [str(law) for law in declaration.jurisdictions] == laws
    assert f'\nTIMEZONE = "{zone}"\n' in (project / "pelicanconf.py").read_text(encoding="utf-8")
    assert ".." not in done.stdout.splitlines()[0]  # "for Cedar Loom Inc." ends once
    left = {p.field for p in find_placeholders(project / "content" / "privacy.yml")}
    if "eu_gdpr" in laws:  # outside the EEA: a representative in the EU, no lead authority
        assert "controller.eu_representative.name" in left
        assert declaration.supervisory_authority is None
        assert "knows no privacy law of" in done.stdout and "(Art. 27)" in done.stdout
    else:
        assert not any(field.startswith("controller.eu_representative") for field in left)


def test_the_host_outside_the_eea_gets_its_safeguard(tmp_path: Path) -> None:
    """Australia has no adequacy decision: standard clauses, whose copy the owner describes;
    Switzerland has one (GDPR Art. 45), with no copy to give."""
    perth = fresh_clone(tmp_path / "perth")
    assert init(perth, "--answers", str(ANSWERS / "perth-bakery.yml")).returncode == 0
    [host] = load_declaration(perth / "content" / "privacy.yml").recipients
    assert host.transfer is not None and str(host.transfer.mechanism) == "scc"
    zurich = fresh_clone(tmp_path / "zurich")
    assert init(zurich, "--answers", str(ANSWERS / "zurich-dairy.yml")).returncode == 0
    [host] = load_declaration(zurich / "content" / "privacy.yml").recipients
    assert host.transfer is not None and str(host.transfer.mechanism) == "adequacy"


def test_each_wrong_answer_is_named_at_its_line(tmp_path: Path) -> None:
    project = fresh_clone(tmp_path)
    lines = (ANSWERS / "perth-bakery.yml").read_text(encoding="utf-8").splitlines()
    postcode = lines.index('postal_code: "6000"')
    lines[postcode] = 'postal_code: "2000"'  # a Sydney postcode, not Western Australia's
    answers = tmp_path / "answers.yml"
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = init(project, "--answers", str(answers))
    assert done.returncode == 2
    assert f"{answers}:{postcode + 1}: postal_code: '2000' is not a postal code of WA, AU" in (
        done.stderr
    )
    lines[postcode] = 'postal_code: "6000"'
    region = lines.index("region: WA")
    lines[region] = "# no region"
    phone = lines.index('phone: "+61 8 9000 0000"')
    lines[phone] = 'phone: "call us"'
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = init(project, "--answers", str(answers))
    assert done.returncode == 2
    assert f"{answers}: region: required in AU: write its code, one of ACT, " in done.stderr
    lines[region] = "region: Western Australia"  # a name the post knows: kept as its code
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = init(project, "--answers", str(answers))
    assert done.returncode == 2
    [problem, _] = done.stderr.splitlines()
    assert problem.startswith(f"make init: {answers}:{phone + 1}: phone: "), problem


def test_on_a_terminal_an_earlier_answer_a_later_one_shows_wrong_is_asked_again(
    tmp_path: Path,
) -> None:
    """A Sydney postcode for a Perth address shows only once the country is known: make init
    says why and asks for the postcode again, then goes on."""
    from site_init.answers import QUESTIONS

    keys = [q.key for q in QUESTIONS]
    answers = terminal_answers(ANSWERS / "perth-bakery.yml")
    answers[keys.index("postal_code")] = "2000"
    answers.insert(keys.index("country") + 1, "6000")
    project = fresh_clone(tmp_path)
    status, text = init_on_a_terminal(project, answers)
    assert status == 0, text
    assert "postal_code: '2000' is not a postal code of WA, AU" in text
    declaration = load_declaration(project / "content" / "privacy.yml")
    assert declaration.controller.address.postal_code == "6000"


def test_the_build_takes_the_time_zone_of_the_controllers_region(tmp_path: Path) -> None:
    """TIMEZONE = None: Perth's +08:00, not Lord Howe Island's, the tz database's first for AU."""
    project = fresh_clone(tmp_path / "clone")
    assert init(project, "--answers", str(ANSWERS / "perth-bakery.yml")).returncode == 0
    build = run_build(
        tmp_path,
        settings=str(project / "pelicanconf.py"),
        content=project / "content",
        overrides={"TIMEZONE": None},
    )
    assert build.returncode == 0, build.log
    stamps = [t["datetime"] for t in build.page("/").find_all("time") if "T" in t["datetime"]]
    assert stamps and all(stamp.endswith("+08:00") for stamp in stamps), stamps


def test_a_time_zone_that_is_none_is_one_line_naming_the_setting(tmp_path: Path) -> None:
    build = run_build(tmp_path, overrides={"TIMEZONE": "Europe/Bristol"})
    assert build.returncode != 0
    assert "Traceback" not in build.log
    [line] = [line for line in build.log.splitlines() if "TIMEZONE" in line]
    assert "TIMEZONE = 'Europe/Bristol': not a time zone of the tz database; write one" in line
    assert "'Europe/Berlin'" in line  # the example shop's country's zone
