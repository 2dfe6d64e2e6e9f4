"""Declared facts that this build proves impossible: one truth across policy, report and site.

The privacy policy and the cookie statement are written from the declaration; the
transparency report from this build's audit. Where the audit shows that a declared
fact cannot be true, the pages would contradict each other, and the build stops
(issue 13, defect 9):
- storage that only a script can write (local storage, session storage, IndexedDB,
  cache storage), set by the site itself, on a site where no page runs a script: the
  cookie statement would list it while the report says no page runs any script.
A declared recipient whose hosts no page contacts is not a contradiction: the
policy then describes it as one that receives data from us, not from the browser,
and the audit warns that the hosts are stale (audit.py).
Engine-free: plain values in, one line per contradiction out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SCRIPT_ONLY = frozenset({"local_storage", "session_storage", "indexed_db", "cache_storage"})


@dataclass(frozen=True)
class DeclaredStorage:
    index: int
    name: str
    type: str
    first_party: bool


def contradictions(
    where: str, storage: Iterable[DeclaredStorage], uses_javascript: bool
) -> list[str]:
    found = []
    if not uses_javascript:
        for item in storage:
            if item.first_party and item.type in SCRIPT_ONLY:
                found.append(
                    f"{where}: storage[{item.index}] {item.name} is {item.type.replace('_', ' ')}, "
                    "which only a script can write, but no page of the site runs a script; "
                    "remove it from storage, or add the script that sets it"
                )
    return found
