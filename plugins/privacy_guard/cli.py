"""privacy-guard OUTPUT_DIR [--site-url URL] [--declaration FILE] [--format text|json]

Exit status: 0 clean (warnings allowed), 1 errors found, 2 bad usage or input.
"""

from __future__ import annotations

import argparse
import ipaddress
import re
import sys
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

from plugin_support import DiscreetError

from .audit import AuditError, audit
from .cache import ScanCache
from .declaration_policy import DeclarationUnavailable, load, policy_from_declaration
from .entities import dataset_version
from .policy import AuditPolicy
from .report import render_json, render_text
from .urls import host_of

EXIT_CLEAN, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class GuardUsageError(DiscreetError):
    """A mistake on the command line itself."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not usage + message
        raise GuardUsageError(f"{message} (see privacy-guard --help)")


def _path(text: str) -> Path:
    """A path; an empty one (an unset variable in a script) would silently mean '.'."""
    if not text.strip():
        raise argparse.ArgumentTypeError("expected a path, got nothing")
    return Path(text)


def _count(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="privacy-guard",
        description="Audit a built site: fail when a page makes visitors contact an "
        "undeclared host or runs tracker code.",
        epilog="Exit status: 0 clean, 1 errors found, 2 bad usage or input.",
    )
    parser.add_argument("output_dir", metavar="OUTPUT_DIR", type=_path, help="the built site")
    parser.add_argument(
        "--site-url",
        action="append",
        default=[],
        metavar="URL",
        help="the site's own origin (its host is first party); may be repeated",
    )
    parser.add_argument(
        "--declaration",
        type=_path,
        metavar="FILE",
        help="privacy declaration (privacy.yml): its site URL, recipients' hosts and scripts",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--cache", type=_path, metavar="FILE", help="reuse scans of unchanged files from FILE"
    )
    parser.add_argument(
        "--jobs", type=_count, default=1, metavar="N", help="scan large sites in N processes"
    )
    return parser


def build_policy(site_urls: list[str], declaration: Path | None) -> AuditPolicy:
    for url in site_urls:
        if not _is_site_url(url):
            raise GuardUsageError(
                f"--site-url {url!r}: expected an absolute http or https URL with a valid host "
                "(and port), like https://example.com"
            )
    if declaration is None:
        return AuditPolicy.build(site_urls=site_urls)
    return policy_from_declaration(load(declaration), str(declaration), site_urls)


_HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def _is_site_url(url: str) -> bool:
    """A web origin a browser could load the site from: a mistyped one would make the site's
    own host look like a third party (or hide a real third party behind it)."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError when the port is not a number up to 65535
        host = parts.hostname or ""
        if parts.scheme not in ("http", "https") or not host_of(url):
            return False
        if ":" in host:  # IPv6, written in brackets (urlsplit removes them)
            ipaddress.IPv6Address(host)
            return True
        labels = host.encode("idna").decode("ascii").rstrip(".").split(".")
    except (ValueError, UnicodeError):
        return False
    return all(_HOST_LABEL.fullmatch(label) for label in labels)


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        policy = build_policy(args.site_url, args.declaration)
        cache = None
        if args.cache is not None:
            if args.cache.is_dir():
                raise GuardUsageError(
                    f"--cache {args.cache}: is a folder; give a file, like .privacy-guard-cache"
                )
            cache = ScanCache(args.cache, dataset_version())
        result = audit(args.output_dir, policy, cache, args.jobs)
        if not result.files_scanned:  # output/ before the first build, or the wrong folder
            raise GuardUsageError(
                f"{args.output_dir}: no page, stylesheet or script to audit; build the site "
                "first (make html) or give the folder it is built into"
            )
        if cache is not None:
            cache.save()
    except (GuardUsageError, AuditError) as e:
        print(f"privacy-guard: {e}", file=sys.stderr)
        return EXIT_USAGE
    except DeclarationUnavailable as e:
        for problem in str(e).splitlines():
            print(f"privacy-guard: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as e:
        print(f"privacy-guard: {e.filename or ''}: {e.strerror}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(render_json(result) if args.format == "json" else render_text(result))
    return EXIT_ERRORS if result.errors else EXIT_CLEAN


if __name__ == "__main__":
    raise SystemExit(main())
