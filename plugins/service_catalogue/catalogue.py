"""The vendored catalogue of third-party services: typed, checked, and every fact with its source.

Each fact in data/*.yml is either known (a value, the address of the provider's own document it
comes from, and the day it was checked) or unknown (why, and the day someone looked). Nothing
here is guessed: where the catalogue does not know, the declaration check asks the owner.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
REGIONS = ("eu", "uk", "us")
DIRECTIVES = frozenset(
    {"frame-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "media-src",
     "form-action"}
)  # fmt: skip
STORAGE_TYPES = frozenset(
    {"cookie", "local_storage", "session_storage", "indexed_db", "cache_storage", "pixel"}
)
FACTS = ("hosts", "role", "storage", "transfer", "dpf_certified", "privacy_policy",
         "consent_needed")  # fmt: skip
_LIFETIME = re.compile(
    r"^(session|unknown|P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$"
)
_SOURCE = re.compile(r"^(https?://\S+|kit:\S+)$")


class CatalogueError(Exception):
    """The catalogue's data is malformed: one line per problem, naming file, service and field."""


@dataclass(frozen=True)
class Fact:
    """One fact about a service, known (value + source) or unknown (why)."""

    verified: dt.date
    value: Any = None
    source: str | None = None
    unknown: str | None = None
    note: str = ""
    reason: str = ""  # for consent_needed: why
    complete: bool = True  # for a list: False when the source lists more than the reviewer read

    @property
    def known(self) -> bool:
        return self.unknown is None


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    category: str
    csp: tuple[str, ...]  # the CSP directives the service's hosts are allowed in
    facts: Mapping[str, Fact]
    entity: Mapping[str, Fact]  # by region: eu, uk, us
    file: str
    extra: Mapping[str, Fact] = field(default_factory=dict)

    def fact(self, name: str) -> Fact:
        return self.facts[name]

    def all_facts(self) -> Iterator[tuple[str, Fact]]:
        """(field path, fact) for every fact of the entry."""
        for region, fact in self.entity.items():
            yield f"entity.{region}", fact
        yield from self.facts.items()
        yield from self.extra.items()


@cache
def load_catalogue(folder: Path = DATA) -> Mapping[str, Service]:
    """Every service of the catalogue by id; CatalogueError lists every problem at once."""
    services: dict[str, Service] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            problems.append(f"{path.name}: not valid YAML ({error})")
            continue
        if not isinstance(data, dict):
            problems.append(f"{path.name}: expected a mapping of service ids to entries")
            continue
        for ident, entry in data.items():
            if ident in services:
                problems.append(f"{path.name}: {ident}: already defined in {services[ident].file}")
                continue
            service = _service(str(ident), entry, path.name, problems)
            if service is not None:
                services[service.id] = service
    if problems:
        raise CatalogueError("\n".join(problems))
    return services


def _service(ident: str, entry: Any, file: str, problems: list[str]) -> Service | None:
    where = f"{file}: {ident}"
    if not isinstance(entry, dict):
        problems.append(f"{where}: expected a mapping")
        return None
    missing = [key for key in ("name", "category", "csp", "entity", *FACTS) if key not in entry]
    if missing:
        problems.append(f"{where}: missing {', '.join(missing)}")
        return None
    csp = entry["csp"]
    if not isinstance(csp, list) or not set(csp) <= DIRECTIVES:
        problems.append(f"{where}.csp: expected a list of {', '.join(sorted(DIRECTIVES))}")
        return None
    entity = entry["entity"]
    if not isinstance(entity, dict) or set(entity) != set(REGIONS):
        problems.append(f"{where}.entity: expected eu, uk and us")
        return None
    known_keys = {"name", "category", "csp", "entity", *FACTS}
    facts = {name: _fact(entry[name], f"{where}.{name}", problems) for name in FACTS}
    extra = {
        name: _fact(value, f"{where}.{name}", problems)
        for name, value in entry.items()
        if name not in known_keys
    }
    regions = {region: _fact(entity[region], f"{where}.entity.{region}", problems)
               for region in REGIONS}  # fmt: skip
    for region, fact in regions.items():
        if fact.known and not _is_entity(fact.value):
            problems.append(f"{where}.entity.{region}: expected {{name, country}}")
    storage = facts["storage"]
    if storage.known:
        _check_storage(storage.value, f"{where}.storage", problems)
    return Service(ident, str(entry["name"]), str(entry["category"]), tuple(csp), facts,
                   regions, file, extra)  # fmt: skip


def _fact(value: Any, where: str, problems: list[str]) -> Fact:
    if not isinstance(value, dict) or not isinstance(value.get("verified"), dt.date):
        problems.append(f"{where}: expected {{value, source, verified}} or {{unknown, verified}}")
        return Fact(verified=dt.date.min, unknown="malformed")
    if "unknown" in value:
        if not isinstance(value["unknown"], str) or not value["unknown"].strip():
            problems.append(f"{where}.unknown: say why it is unknown")
        return Fact(verified=value["verified"], unknown=str(value["unknown"]))
    source = value.get("source")
    if "value" not in value or not isinstance(source, str) or not _SOURCE.match(source):
        problems.append(f"{where}: a known fact needs value and source (an address or kit:<path>)")
    return Fact(
        verified=value["verified"],
        value=value.get("value"),
        source=source,
        note=str(value.get("note") or ""),
        reason=str(value.get("reason") or ""),
        complete=value.get("complete", True) is not False,
    )


def _is_entity(value: Any) -> bool:
    return isinstance(value, dict) and {"name", "country"} <= set(value)


def _check_storage(items: Any, where: str, problems: list[str]) -> None:
    if not isinstance(items, list):
        problems.append(f"{where}: expected a list of items")
        return
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not {"name", "type", "lifetime", "purpose"} <= set(item):
            problems.append(f"{where}[{index}]: expected name, type, lifetime and purpose")
        elif item["type"] not in STORAGE_TYPES:
            problems.append(f"{where}[{index}].type: expected one of {sorted(STORAGE_TYPES)}")
        elif not _LIFETIME.match(str(item["lifetime"])):
            problems.append(
                f"{where}[{index}].lifetime: expected an ISO 8601 duration, session or unknown"
            )


def stale_facts(
    services: Mapping[str, Service], today: dt.date, max_age_days: int = 365
) -> list[tuple[Service, str, Fact]]:
    """The facts checked more than `max_age_days` ago, oldest first."""
    limit = today - dt.timedelta(days=max_age_days)
    found = [
        (service, name, fact)
        for service in services.values()
        for name, fact in service.all_facts()
        if fact.verified < limit
    ]
    return sorted(found, key=lambda row: (row[2].verified, row[0].id, row[1]))
