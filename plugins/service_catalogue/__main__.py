"""python -m service_catalogue stale [--days 365]: the facts nobody has checked for a year.

Prints one line per fact (day checked, service, field, source) and exits 1 when there is any,
so a scheduled job can say that the catalogue needs a review; `list` prints every service.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from .catalogue import CatalogueError, load_catalogue, stale_facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service_catalogue")
    commands = parser.add_subparsers(dest="command", required=True)
    stale = commands.add_parser("stale", help="facts checked more than --days ago")
    stale.add_argument("--days", type=int, default=365, help="age limit in days (365)")
    stale.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                       help=argparse.SUPPRESS)  # fmt: skip
    commands.add_parser("list", help="every service, with how many facts are unknown")
    args = parser.parse_args(argv)
    try:
        services = load_catalogue()
    except CatalogueError as error:
        print(f"service catalogue: {error}", file=sys.stderr)
        return 2
    if args.command == "list":
        for service in services.values():
            facts = list(service.all_facts())
            unknown = sum(1 for _, fact in facts if not fact.known)
            print(f"{service.id}: {service.name} ({service.category}), {unknown} of "
                  f"{len(facts)} facts unknown")  # fmt: skip
        return 0
    old = stale_facts(services, args.today, args.days)
    for service, name, fact in old:
        where = fact.source or f"unknown: {fact.unknown}"
        print(f"{fact.verified.isoformat()} {service.id}.{name}: {where}")
    print(
        f"{len(old)} fact{'s' if len(old) != 1 else ''} checked more than {args.days} days ago"
        + ("; review each against its source and update verified" if old else ""),
        file=sys.stderr,
    )
    return 1 if old else 0


if __name__ == "__main__":
    sys.exit(main())
