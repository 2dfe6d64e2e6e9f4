"""`policy-release` (make policy-release): show what changed, then freeze the declaration.

A release is a verbatim copy of privacy.yml, comments included, named for its
day. Nothing is written when the published text has not changed, when the
declaration is invalid or its text is vague (the build would refuse it), or
with --dry-run. A second release on the same day replaces the first, so a
mistake found after releasing does not block the build until tomorrow.
Exit status: 0 done (or nothing to do), 2 refused.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
from datetime import date
from pathlib import Path

from declaration.advice import declaration_warnings

from .errors import PolicyError
from .history import describe_changes
from .lang.en import FIRST, REVIEWED
from .lint import lint
from .pages import published_documents
from .releases import future_problem, publishes_the_same, read_releases, release_file
from .site import load, today


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return release(args)
    except PolicyError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print("Nothing was released.", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policy-release",
        description="Release the privacy policy: copy the declaration into the versions folder "
        "as today's release, after showing what changed since the latest release.",
    )
    parser.add_argument("--declaration", type=Path, default=Path("content/privacy.yml"))
    parser.add_argument("--versions", type=Path, default=Path("content/policy-versions"))
    parser.add_argument(
        "--date", type=_day, default=None, help="the release's date, YYYY-MM-DD (default: today)"
    )
    parser.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    parser.add_argument(
        "--unchanged",
        action="store_true",
        help="release even though the published text is unchanged (e.g. the CCPA's yearly review)",
    )
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def release(args: argparse.Namespace) -> int:
    declaration = load(args.declaration)
    for warning in declaration_warnings(args.declaration):
        print(f"warning: {warning}", file=sys.stderr)  # the owner decides; nothing is refused
    releases = read_releases(args.versions)
    day = args.date or today()
    future = future_problem(releases[-1], today()) if releases else None
    if future:
        raise PolicyError([future])
    if day > today():
        raise PolicyError([f"--date {day.isoformat()}: a release cannot be dated in the future"])
    earlier = [r for r in releases if r.date < day]
    if len(earlier) < len(releases) and releases[-1].date != day:
        raise PolicyError(
            [
                f"--date {day.isoformat()}: the latest release is dated "
                f"{releases[-1].date.isoformat()}; a new release cannot be dated before it"
            ]
        )
    vague = lint(published_documents(declaration, day), args.declaration)
    if vague:  # the build would refuse this text; a release of it would stay in the history
        raise PolicyError(vague)
    latest = releases[-1] if releases else None
    target = release_file(args.versions, day)
    if latest and not args.unchanged and publishes_the_same(declaration, latest.declaration, day):
        print(
            f"The published policy has not changed since the release of "
            f"{latest.date.isoformat()}: nothing to release."
        )
        return 0
    previous = earlier[-1] if earlier else None
    if previous is None:
        print(f"Release {day.isoformat()}: {FIRST}")
    else:
        changes = describe_changes(previous.declaration, declaration) or [REVIEWED]
        print(f"Release {day.isoformat()}, changes since {previous.date.isoformat()}:")
        for change in changes:
            print(f"  - {change}")
    if latest and latest.date == day:
        print(f"It replaces the release already made today ({target}).")
    if args.dry_run:
        print(f"Dry run: {target} was not written.")
        return 0
    _write(args.declaration, args.versions, target)
    print(f"Wrote {target}. The privacy policy now says: Last updated {day.isoformat()}.")
    return 0


def _write(declaration: Path, folder: Path, target: Path) -> None:
    """Copy to a hidden partial file, then rename it: the release is whole or not there at all."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PolicyError(
            [
                f"{folder}: cannot create the folder of released versions ({_reason(error)}); "
                "check the permissions of the folder it is in"
            ]
        ) from None
    partial = target.with_name(f".{target.name}.partial")
    try:
        shutil.copyfile(declaration, partial)
        partial.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise PolicyError(
            [
                f"{folder}: cannot write the release into this folder ({_reason(error)}); "
                "check its permissions"
            ]
        ) from None


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


if __name__ == "__main__":
    sys.exit(main())
