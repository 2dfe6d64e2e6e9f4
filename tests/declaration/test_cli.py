"""The command line, run as an owner runs it: OK and exit 0, or one line per problem and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from declaration import json_schema
from warmpython import run_module


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_module("declaration", list(args), cwd=cwd, timeout=60)


def test_check_a_valid_declaration(write_declaration) -> None:
    path = write_declaration()
    result = _run("check", str(path))
    assert result.returncode == 0
    assert result.stdout == "content/privacy.yml: OK\n"
    assert result.stderr == ""


def test_check_defaults_to_the_site_declaration(write_declaration) -> None:
    write_declaration()
    result = _run("check")
    assert (result.returncode, result.stdout) == (0, "content/privacy.yml: OK\n")


def test_check_prints_every_problem_and_exits_2(write_declaration) -> None:
    path = write_declaration(
        ("{duration: P6M}", "{duration: 6 months}"),
        ("    country: DE\n", "    country: UK\n"),
    )
    result = _run("check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        'content/privacy.yml:67 processing[1].retention.duration: "6 months" is not an ISO 8601 '
        "duration; write P6M",
        'content/privacy.yml:75 recipients[0].country: "UK" is not an ISO 3166-1 alpha-2 country '
        "code; write GB",
        "2 problems in content/privacy.yml",
    ]


def test_check_a_missing_file_without_a_traceback(tmp_path: Path) -> None:
    result = _run("check", "nowhere.yml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "nowhere.yml: file not found; create it from the declaration example",
        "1 problem in nowhere.yml",
    ]
    assert "Traceback" not in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    result = _run("publish")
    assert result.returncode == 2
    assert "invalid choice: 'publish'" in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_prints_the_json_schema() -> None:
    result = _run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json_schema()


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "discreet-declaration"
    assert script.exists()
    result = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0 and "check" in result.stdout and "schema" in result.stdout


BIKESHOP = Path(__file__).resolve().parent.parent / "policy_pages" / "fixtures" / "businesses"


def test_check_warns_about_a_basis_that_reads_wrong_and_still_passes(tmp_path: Path) -> None:
    """advice.py: repairs you order rely on a contract (GDPR Art. 6(1)(b)); a warning, exit 0."""
    text = (BIKESHOP / "de_bikeshop.yml").read_text(encoding="utf-8")
    text = text.replace(
        "    legal_basis: contract\n    provision: {obligation: contract, consequence: We cannot "
        "repair",
        "    legal_basis: legitimate_interests\n    legitimate_interest: Repairing bikes\n"
        "    provision: {obligation: contract, consequence: We cannot repair",
    )
    path = tmp_path / "privacy.yml"
    path.write_text(text, encoding="utf-8")
    result = _run("check", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{path}: OK\n"
    assert "warning: " in result.stderr
    assert (
        "reads like a contract with the person, which relies on contract (GDPR Art. 6(1)(b))"
        in (result.stderr)
    )
