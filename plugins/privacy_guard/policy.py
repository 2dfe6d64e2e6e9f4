"""What the audit allows: the engine's own small view of the declaration.

The engine never reads the declaration itself; `declaration_policy.py` builds
an AuditPolicy from it, and the CLI can build one from a site URL alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .urls import host_of, normalise_host


@dataclass(frozen=True, slots=True)
class Recipient:
    """The declared recipient a third-party host belongs to."""

    id: str
    name: str
    purpose: str


def host_matches(pattern: str, host: str) -> bool:
    """`host` is `pattern`, or one of its subdomains when the pattern is `*.example.com`."""
    if pattern.startswith("*."):
        return host.endswith(pattern[1:])
    return host == pattern


@dataclass(frozen=True)
class AuditPolicy:
    """Hosts may be patterns: `*.example.com` covers every subdomain (not example.com)."""

    first_party_hosts: frozenset[str] = frozenset()
    declared_hosts: Mapping[str, Recipient] = field(default_factory=lambda: MappingProxyType({}))
    declared_script_families: frozenset[str] = frozenset()
    declaration_file: str | None = None  # where stale-declaration warnings point
    # CSP directives a declared host is limited to (a player's host: frame-src only); a host
    # not named here is allowed in every fetch directive.
    host_directives: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    @classmethod
    def build(
        cls,
        site_urls: Iterable[str] = (),
        first_party_hosts: Iterable[str] = (),
        declared_hosts: Mapping[str, Recipient] | None = None,
        declared_script_families: Iterable[str] = (),
        declaration_file: str | None = None,
        host_directives: Mapping[str, Iterable[str]] | None = None,
    ) -> AuditPolicy:
        """Normalise hosts the way references are normalised, so comparison is exact."""
        first_party = {host_of(url) for url in site_urls if url} - {""}
        first_party |= {_host(host) for host in first_party_hosts if host}
        declared = {_host(host): recipient for host, recipient in (declared_hosts or {}).items()}
        limited = {_host(host): frozenset(names) for host, names in (host_directives or {}).items()
                   if names}  # fmt: skip
        return cls(
            first_party_hosts=frozenset(first_party),
            declared_hosts=MappingProxyType(declared),
            declared_script_families=frozenset(declared_script_families),
            declaration_file=declaration_file,
            host_directives=MappingProxyType(limited),
        )

    def is_first_party(self, host: str) -> bool:
        if host in self.first_party_hosts:
            return True
        return any(host_matches(pattern, host) for pattern in self.first_party_hosts)

    def recipient_for(self, host: str) -> Recipient | None:
        """The recipient whose declared hosts cover `host`, if any."""
        found = self.declared_hosts.get(host)
        if found is not None:
            return found
        for pattern, recipient in self.declared_hosts.items():
            if host_matches(pattern, host):
                return recipient
        return None


def _host(value: str) -> str:
    """Accept 'host', '*.host', 'host:port' or a URL where a host is expected."""
    if value.startswith("*."):
        return "*." + normalise_host(value[2:])
    return host_of(value) if "/" in value else normalise_host(value)
