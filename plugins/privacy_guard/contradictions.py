"""One truth across the policy, the transparency report and the built site.

The privacy policy is written from the declaration before the build; the report
from this build's audit. Where the two would say different things, the build
stops (issue 13, defect 9):
- a recipient with hosts is described in the policy as one whose servers pages make
  the browser contact; if no built file contacts any of its hosts, that is untrue;
- storage that only a script can write (local storage, session storage, IndexedDB,
  cache storage) set by the site itself is impossible on a site that runs no script.
Engine-free: plain values in, one line per contradiction out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .policy import host_matches

SCRIPT_ONLY = frozenset({"local_storage", "session_storage", "indexed_db", "cache_storage"})


@dataclass(frozen=True)
class DeclaredContact:
    recipient: str  # id
    hosts: tuple[str, ...]


@dataclass(frozen=True)
class DeclaredStorage:
    index: int
    name: str
    type: str
    first_party: bool


def contradictions(
    where: str,
    contacts: Iterable[DeclaredContact],
    storage: Iterable[DeclaredStorage],
    contacted_hosts: Iterable[str],
    uses_javascript: bool,
) -> list[str]:
    used = list(contacted_hosts)
    found = []
    for contact in contacts:
        if not any(host_matches(pattern, host) for pattern in contact.hosts for host in used):
            found.append(
                f"{where}: recipient {contact.recipient} lists hosts {', '.join(contact.hosts)}, "
                "so the privacy policy says pages make your browser contact it, but no built file "
                "does; remove its hosts (it then receives data from you, not from the browser), "
                "or add the page that loads it"
            )
    if not uses_javascript:
        for item in storage:
            if item.first_party and item.type in SCRIPT_ONLY:
                found.append(
                    f"{where}: storage[{item.index}] {item.name} is {item.type.replace('_', ' ')}, "
                    "which only a script can write, but no page of the site runs a script; "
                    "remove it from storage, or add the script that sets it"
                )
    return found
