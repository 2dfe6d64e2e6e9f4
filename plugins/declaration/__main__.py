"""Command line: `python -m declaration check FILE`, `schema` and `reference`.

`check` prints OK or one line per problem and exits 0 or 2, never with a
traceback; after OK it prints advice.py's warnings (a legal basis that reads
wrong, orders without their statutory records), which never change the exit
status. `schema` writes the JSON Schema for editors, `reference` the field
reference for people (docs/declaration-reference.md), to standard output.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .advice import declaration_warnings
from .errors import DeclarationError
from .loader import load_declaration
from .schema import json_schema


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m declaration", description="Check the privacy declaration of a site."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate a declaration; exit 0 when it is valid")
    check.add_argument("file", type=Path, nargs="?", default=Path("content/privacy.yml"))
    commands.add_parser("schema", help="print the JSON Schema of the declaration")
    commands.add_parser("reference", help="print the field reference in Markdown")
    args = parser.parse_args(argv)
    if args.command == "reference":
        from .reference import markdown_reference

        sys.stdout.write(markdown_reference())
        return 0
    if args.command == "schema":
        json.dump(json_schema(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    try:
        load_declaration(args.file)
    except DeclarationError as error:
        print(error, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {args.file}", file=sys.stderr)
        return 2
    print(f"{args.file}: OK")
    for warning in declaration_warnings(args.file):
        print(f"warning: {warning}", file=sys.stderr)  # worth a look, never a refusal
    return 0


if __name__ == "__main__":
    sys.exit(main())
