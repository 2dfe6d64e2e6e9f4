"""load_declaration: read, validate and cross-check privacy.yml, reporting every problem at once."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .address_rules import check_addresses
from .checks import check_hosts, check_references
from .earlier_shapes import current_shape
from .errors import DeclarationError, Loc, Problem, quoted
from .imprint_rules import check_imprint
from .messages import misspelt, translate
from .model import SCHEMA_VERSION, Declaration, read_in
from .notice_rules import check_notices
from .party_rules import check_parties
from .purpose_rules import check_purposes
from .raw import Findings, items, member
from .services import check_services, expand_services
from .translations import check_translations, language_views, site_languages
from .vocab import Jurisdiction
from .yaml_source import Source, read_bytes, read_source

# Validated declarations by the digest of their bytes. A build reads privacy.yml three times
# (policy pages, contact form, privacy guard) and its latest release, a byte-for-byte copy, once
# more; validation depends on the bytes alone and a Declaration is frozen, so one parse serves
# them all. Problems are never remembered: a broken file is read and reported every time.
_VALIDATED: dict[bytes, Declaration] = {}
_REMEMBERED = 8


def load_declaration(path: Path | str, *, catalogue: Path | None = None) -> Declaration:
    """The validated declaration at `path`; DeclarationError lists everything wrong with it.

    `catalogue`: the folder of service facts that fills `service:` recipients, when not the
    kit's own (plugins/service_catalogue/data): a test's catalogue keeps its facts fixed.
    """
    path = Path(path)
    raw = read_bytes(path)
    key = hashlib.blake2b(raw, digest_size=16).digest()
    if catalogue is not None:
        key += b"@" + str(Path(catalogue).resolve()).encode()
    declaration = _VALIDATED.get(key)
    if declaration is None:
        declaration = _validate(read_source(path, raw), catalogue=catalogue)
        _remember(key, declaration)
    return declaration


def load_release(path: Path | str) -> Declaration:
    """A released version of the declaration (content/policy-versions/), as published.

    A release is a public record and is never edited: earlier shapes of its fields are
    converted (earlier_shapes.py), and only its shape and ids are checked. The laws' rules
    were checked when it was released; rules added since apply to the next release only.
    """
    path = Path(path)
    raw = read_bytes(path)
    key = b"release:" + hashlib.blake2b(raw, digest_size=16).digest()
    declaration = _VALIDATED.get(key)
    if declaration is None:
        source = read_source(path, raw)
        source.data = current_shape(source.data)
        declaration = _validate(source, released=True)
        _remember(key, declaration)
    return declaration


def _remember(key: bytes, declaration: Declaration) -> None:
    if len(_VALIDATED) >= _REMEMBERED:
        _VALIDATED.clear()
    _VALIDATED[key] = declaration


def _validate(source: Source, released: bool = False, catalogue: Path | None = None) -> Declaration:
    data: dict[str, Any] = source.data
    problems = list(source.problems)
    version = _version_problem(data, source)
    if version:
        problems.append(version)
    findings = Findings()
    declaration = None
    meant: set[Loc] = set()
    laws = {law for law in map(_law, items(data.get("jurisdictions"))) if law}
    # `service:` recipients are filled before anything judges them, released copies too.
    services = expand_services(data, laws, findings, catalogue) if isinstance(data, dict) else {}
    languages = site_languages(data)
    try:  # every text in the default language; in_language reads the others from the same data
        body = {k: v for k, v in data.items() if k != "schema"}
        declaration = read_in(body, languages[0] if languages else "", {})
    except ValidationError as error:
        for loc, message in translate(error, Declaration):
            findings.add(loc, message)
        meant = misspelt(error, Declaration)
    check_translations(data, findings, lambda loc: loc in source.lines, released)
    check_references(data, findings)
    if not released:
        check_hosts(data, findings)
        # The rules that read what a text says read it in each language (the same finding
        # about anything else is one problem: DeclarationError keeps each once).
        for view in language_views(data):
            check_purposes(view, laws, findings)
            check_parties(view, laws, findings)
            check_notices(view, laws, findings)
            check_imprint(view, findings)
        check_addresses(data, findings)
        check_services(data, services, findings)
    problems += [
        source.problem(loc, message)
        for loc, message in findings.items
        if loc not in meant or loc not in findings.required
    ]  # a key written with a typo is reported once, as unknown, not also as required
    if problems or declaration is None:
        raise DeclarationError(problems)
    return declaration


def _law(value: Any) -> Jurisdiction | None:
    return member(value, Jurisdiction)


def _version_problem(data: dict[str, Any], source: Source) -> Problem | None:
    """A missing or mistyped version is one problem among others; another version stops here."""
    if "schema" not in data:
        return source.problem(("schema",), f"missing; add schema: {SCHEMA_VERSION} at the top")
    version = data["schema"]
    if version == SCHEMA_VERSION and type(version) is int:
        return None
    if type(version) is int:
        raise DeclarationError(
            [
                source.problem(
                    ("schema",),
                    f"version {version} is not supported; this Discreet reads schema: "
                    f"{SCHEMA_VERSION} (convert the file, or update Discreet)",
                )
            ]
        )
    return source.problem(
        ("schema",), f"expected the number {SCHEMA_VERSION}, got {quoted(version)}; write schema: 1"
    )
