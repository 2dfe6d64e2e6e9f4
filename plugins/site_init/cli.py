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
            text = path.read_text(encoding="utf-8")
            raw = yaml.load(text, Loader=yaml.BaseLoader)
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
        return Answers.check(raw, str(path), _lines(text))
    if not sys.stdin.isatty():
        raise _Refused(
            "no terminal to ask on; put the answers in a file: make init ANSWERS=answers.yml"
        )
    return _ask()


def _lines(text: str) -> dict[str, int]:
    """Each answer's line in the file (1-based), so a problem names where to correct it."""
    node = yaml.compose(text, Loader=yaml.BaseLoader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value}


def _ask() -> Answers:
    """Each question in turn; an answer that cannot be used is asked again, and so is an
    earlier one that a later answer shows wrong (the postal code, once the country is known)."""
    print("A few questions about your business; Enter keeps what is in [brackets].\n")
    raw: dict[str, Any] = {}
    to_ask = list(QUESTIONS)
    while to_ask:
        question = to_ask.pop(0)
        default = f" [{question.default}]" if question.default else ""
        raw[question.key] = input(f"{question.prompt}{default}: ").strip()
        try:
            Answers.check(raw, "answer")
        except AnswersError as error:
            wrong = dict(str(p).split(": ", 2)[1:] for p in reversed(error.problems))
            again = [q for q in QUESTIONS if q.key in wrong and q.key in raw]
            for asked in again:
                print(f"  {asked.key}: {wrong[asked.key]}")
            to_ask = again + [q for q in to_ask if q not in again]
    return Answers.check(raw, "answer")


def _run(answers: Answers, content: Path, settings_path: Path) -> None:
    declaration = content / "privacy.yml"
    if declaration.exists() and not find_placeholders(declaration):
        raise _Refused(
            f"{declaration}: is already yours (no placeholder left); make init would replace "
            "it: move it away first if that is what you want"
        )
    zone = default_timezone(answers.country, answers.get("region") or None)
    settings_text = set_settings(
        settings_path,
        {"TIMEZONE": zone, "SITESUBTITLE": answers.tagline},
        contact_form=answers.flags["contact_form"],
    )
    text = declaration_text(answers)
    _check(text, declaration, answers)
    content.mkdir(parents=True, exist_ok=True)
    _write(declaration, text)
    _write(settings_path, settings_text)
    _checklist(answers, declaration, settings_path, zone)


def _check(text: str, declaration: Path, answers: Answers) -> None:
    """The declaration must load as the build will load it (placeholders aside). A value it
    refuses is named as the answer it came from, at the answer's line."""
    trial = declaration.with_name(f".{declaration.name}.init")
    trial.parent.mkdir(parents=True, exist_ok=True)
    try:
        trial.write_text(text, encoding="utf-8")
        load_declaration(trial)
    except DeclarationError as error:
        raise AnswersError([answers.place(p.path, p.message) for p in error.problems]) from None
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
        f"Wrote {declaration} for {answers.get('business_name').rstrip('.')}.",
        f"Set in {settings}: TIMEZONE = {zone!r} (from {_where(answers)}), "
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
    if not answers.own_law_known:
        steps.append(
            f"The kit knows no privacy law of {answers.country} of its own: the policy follows the "
            "EU GDPR, which applies when you offer goods or services to people in the EU "
            "(Art. 3(2)). Have it read against your own country's law."
        )
    if answers.outside_the_eea:
        steps.append(
            "Under the EU GDPR a business outside the EU names a representative in the EU "
            "(Art. 27): fill in controller.eu_representative."
        )
    zones = country_timezones(answers.country)
    if len(zones) > 1 and not answers.get("region"):
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


def _where(answers: Answers) -> str:
    region = answers.get("region")
    return f"{region}, {answers.country}" if region else answers.country


if __name__ == "__main__":
    sys.exit(main())
