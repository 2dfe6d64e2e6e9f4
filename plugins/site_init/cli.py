"""`discreet-init` (make init): ask, write content/privacy.yml and settings, print a checklist.

Interactive on a terminal; `--answers FILE` (YAML, one `question: answer` per line) runs it
without one, for scripts and tests. Everything is checked before anything is written, and the
declaration written is one the build accepts. A declaration that is already the owner's (no
placeholder left) is never replaced; posts and pages are never touched.
Exit status: 0 done, 2 refused (one line per problem).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Any

import yaml
from declaration import DeclarationError, load_declaration
from local_formats import country_timezones, default_timezone
from placeholders import find_placeholders

from .answers import QUESTIONS, Answers, AnswersError
from .declaration_file import declaration_text
from .settings_file import SettingsFileError, set_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="discreet-init",
        description="Make the kit yours: write content/privacy.yml and the settings from a few "
        "answers, then print what is left to do.",
    )
    parser.add_argument("--answers", type=Path, help="a YAML file of answers (no questions asked)")
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        answers = _answers(args.answers)
        _run(answers, args.content, args.settings)
    except (AnswersError, SettingsFileError, _Refused) as error:
        for problem in getattr(error, "problems", [str(error)]):
            print(f"make init: {problem}", file=sys.stderr)
        print("make init: nothing was written.", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, EOFError):
        print("\nmake init: stopped; nothing was written.", file=sys.stderr)
        return 130
    return 0


class _Refused(Exception):
    pass


def _answers(path: Path | None) -> Answers:
    if path is not None:
        try:
            # Every answer as written: YAML 1.1 would read `country: no` (Norway) and
            # `region: ON` (Ontario) as booleans, `postal_code: 01067` as a number.
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        except OSError as error:
            raise _Refused(f"{path}: cannot be read ({error.strerror})") from None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            raise _Refused(
                f"{path}{line}: not YAML; write one 'question: answer' per line"
            ) from None
        if not isinstance(raw, dict):
            raise _Refused(f"{path}: write one 'question: answer' per line")
        return Answers.check(raw, str(path))
    if not sys.stdin.isatty():
        raise _Refused(
            "no terminal to ask on; put the answers in a file: make init ANSWERS=answers.yml"
        )
    return _ask()


def _ask() -> Answers:
    print("A few questions about your business; Enter keeps what is in [brackets].\n")
    raw: dict[str, Any] = {}
    for question in QUESTIONS:
        while True:
            default = f" [{question.default}]" if question.default else ""
            raw[question.key] = input(f"{question.prompt}{default}: ").strip()
            try:
                Answers.check(raw, "answer")
            except AnswersError as error:
                mine = [p for p in error.problems if f": {question.key}:" in p]
                if mine:
                    print("  " + mine[0].split(": ", 2)[-1])
                    continue
            break
    return Answers.check(raw, "answer")


def _run(answers: Answers, content: Path, settings_path: Path) -> None:
    declaration = content / "privacy.yml"
    if declaration.exists() and not find_placeholders(declaration):
        raise _Refused(
            f"{declaration}: is already yours (no placeholder left); make init would replace "
            "it: move it away first if that is what you want"
        )
    zone = default_timezone(answers.country)
    settings_text = set_settings(
        settings_path,
        {"TIMEZONE": zone, "SITESUBTITLE": answers.tagline},
        contact_form=answers.flags["contact_form"],
    )
    text = declaration_text(answers)
    _check(text, declaration)
    content.mkdir(parents=True, exist_ok=True)
    _write(declaration, text)
    _write(settings_path, settings_text)
    _checklist(answers, declaration, settings_path, zone)


def _check(text: str, declaration: Path) -> None:
    """The declaration must load as the build will load it (placeholders aside)."""
    trial = declaration.with_name(f".{declaration.name}.init")
    trial.parent.mkdir(parents=True, exist_ok=True)
    try:
        trial.write_text(text, encoding="utf-8")
        load_declaration(trial)
    except DeclarationError as error:
        raise AnswersError(
            [str(p).replace(str(trial), "answers") for p in error.problems]
        ) from None
    finally:
        with contextlib.suppress(OSError):
            trial.unlink()


def _write(path: Path, text: str) -> None:
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def _checklist(answers: Answers, declaration: Path, settings: Path, zone: str) -> None:
    left = find_placeholders(declaration)
    lines = [
        f"Wrote {declaration} for {answers.get('business_name')}.",
        f"Set in {settings}: TIMEZONE = {zone!r} (from {answers.country}), "
        f"SITESUBTITLE = {answers.tagline!r}.",
        f"Jurisdictions, from your country: {', '.join(answers.jurisdictions)}.",
        "",
        "Left to do by hand:",
    ]
    steps = [f"Read {declaration} through: each purpose, how long you keep data, who gets it."]
    if left:
        steps.append(
            "Replace the values still marked PLACEHOLDER:\n"
            + "\n".join(f"       {p.file}:{p.line} {p.field}: {p.value!r}" for p in left)
        )
    zones = country_timezones(answers.country)
    if len(zones) > 1:
        steps.append(
            f"{answers.country} has {len(zones)} time zones; if yours is not {zone}, set TIMEZONE "
            f"in {settings} (e.g. {zones[-1]!r})."
        )
    if answers.flags["embeds"]:
        steps.append(
            "Declare each embedded service (videos, maps) as a recipient: "
            "recipients: [{service: youtube}] takes its facts from the service catalogue."
        )
    if answers.flags["analytics"]:
        steps.append("Declare your analytics as a purpose (see the comment in the declaration).")
    if answers.country == "DE":
        steps.append(
            "Germany: the declaration says you take no part in consumer dispute resolution "
            "(consumer_disputes, §36 VSBG) and names who answers for the blog "
            "(editorial_responsible, §18(2) MStV); correct both if they are not so."
        )
    if not answers.flags["contact_form"]:
        steps.append(
            "The contact_form plugin is off: remove or rewrite content/pages/contact.md "
            "(its Template: contact shows the form)."
        )
    steps += [
        "Replace the kit's example posts and pages in content/articles/ and content/pages/ "
        "with your own (make init never deletes them).",
        "Look at the site: make html && make serve (the policy pages are drafts until released).",
        "Release the policy: make policy-release, and commit content/.",
        "Publish: make publish (or make deploy), then set up your host with the configs in "
        "deploy/ (docs/deploying.md).",
    ]
    lines += [f"  {number}. {step}" for number, step in enumerate(steps, start=1)]
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
