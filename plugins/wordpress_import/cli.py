"""`wp-import`: bring a WordPress export into content/, in one command, all or nothing."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from plugin_support import DiscreetError

from .errors import WxrImportError
from .plan import Options, plan_import
from .report import render_report
from .writer import stops_held, write_all
from .wxr import read_export


class ImportUsageError(DiscreetError):
    """A mistake on the command line itself."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not the usage block and the message
        raise ImportUsageError(f"{message} (see wp-import --help)")


def _path(text: str) -> Path:
    """A path; an empty one (an unset variable in a script) would silently mean '.'."""
    if not text.strip():
        raise argparse.ArgumentTypeError("expected a path, got nothing")
    return Path(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="wp-import",
        description=(
            "Convert a WordPress export (WXR, from Tools → Export) into Markdown articles and "
            "pages, a table of old addresses to redirect, and a report of every change."
        ),
    )
    parser.add_argument("export", type=_path, help="the WordPress export file (.xml)")
    parser.add_argument(
        "--content", type=_path, default=Path("content"), help="the site's content folder"
    )
    parser.add_argument(
        "--report",
        type=_path,
        default=None,
        help="where to write the report (default: wordpress-import-report.md beside content/)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace files that already exist in content/"
    )
    parser.add_argument(
        "--posts-per-page",
        type=int,
        default=10,
        help="the old blog's 'Blog pages show at most' setting, for /page/N/ redirects",
    )
    return parser


@dataclass
class Progress:
    """How far an import got, so that a Ctrl-C is reported truthfully."""

    saved_report: Path | None = None  # set once every file is in place


def run(argv: list[str] | None = None, progress: Progress | None = None) -> str:
    """Import and return the report; raise WxrImportError on any problem, having written nothing.

    Ctrl-C stops it at any point: before the files are written nothing has been, and while they
    are written the writer holds the signal until all of them are in place or all undone."""
    progress = progress or Progress()
    args = build_parser().parse_args(argv)
    if args.posts_per_page < 1:
        raise WxrImportError("--posts-per-page", "expected a whole number of 1 or more")
    if args.content.exists() and not args.content.is_dir():
        raise WxrImportError(
            f"--content {args.content}", "is a file; expected the site's content folder"
        )
    export = read_export(args.export)
    plan = plan_import(export, Options(posts_per_page=args.posts_per_page))
    content: Path = args.content
    report_path: Path = args.report or content.parent / "wordpress-import-report.md"
    report = render_report(plan, str(content))
    files = {content / doc.path: doc.text for doc in plan.documents}
    files[content / "redirects.yml"] = plan.redirects.render(export.source)
    taken = {path.resolve() for path in [*files, args.export]}
    if report_path.resolve() in taken:
        raise WxrImportError(
            f"--report {report_path}",
            "that is the export or a file the import writes; choose another file for the report",
        )
    files[report_path] = report
    with stops_held():  # a stop between the last file and this line must not be called a loss
        write_all(files, staging_parent=content.parent, force=args.force)
        progress.saved_report = report_path
    return report + f"\nThis report is saved in {report_path}.\n"


def main(argv: list[str] | None = None) -> int:
    progress = Progress()
    try:
        print(run(argv, progress), end="")
    except (ImportUsageError, WxrImportError) as exc:
        print(f"wp-import: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        if progress.saved_report is None:
            print("wp-import: interrupted; nothing was written", file=sys.stderr)
        else:
            print(
                f"wp-import: interrupted after the import was written; "
                f"its report is {progress.saved_report}",
                file=sys.stderr,
            )
        return 130  # the shell's status for a command ended by Ctrl-C
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
