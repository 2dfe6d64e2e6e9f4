"""Cross-reference checks: ids are unique, every id used is declared and every one declared is used.

An id that points nowhere would make a policy page silently drop a recipient
or a data category; an entry nobody refers to is published without a purpose.
Hosts are checked here too: one host belongs to one party only.
"""

from __future__ import annotations

from typing import Any

from .errors import Loc, closest
from .model import FIRST_PARTY
from .raw import Findings, entries, ids, items, mapping, text, url_host

_ID_LISTS = {"data_categories": "data category", "processing": "purpose", "recipients": "recipient"}


def check_references(data: dict[str, Any], findings: Findings) -> None:
    for key in _ID_LISTS:
        _unique_ids(data, key, findings)
    categories, recipients = ids(data, "data_categories"), ids(data, "recipients")
    used_categories: set[str] = set()
    used_recipients: set[str] = set()
    forms: dict[str, int] = {}
    for index, entry in entries(data, "processing"):
        loc: Loc = ("processing", index)
        used_categories |= _known(entry, "data", categories, "data_categories", loc, findings)
        used_recipients |= _known(entry, "recipients", recipients, "recipients", loc, findings)
        _unique_items(entry, "scripts", loc, findings)
        _form_once(entry, forms, loc, findings)
    for index, item in entries(data, "storage"):
        provider = text(item.get("provider"))
        if provider is None or provider == FIRST_PARTY:
            continue
        if provider not in recipients:
            findings.add(("storage", index, "provider"), _unknown_provider(provider, recipients))
            provider = closest(provider, list(recipients)) or provider
        used_recipients.add(provider)
    _unused("data_categories", categories, used_categories, "processing[].data", findings)
    _unused(
        "recipients",
        recipients,
        used_recipients,
        "processing[].recipients or storage[].provider",
        findings,
    )
    _unique_storage(data, findings)
    _unique_items(data, "jurisdictions", (), findings)
    _unique_items(mapping(data.get("site")), "languages", ("site",), findings)


def check_hosts(data: dict[str, Any], findings: Findings) -> None:
    """A host is either the owner's own or one recipient's, never both or two recipients'."""
    site = mapping(data.get("site"))
    own = url_host(site.get("url"))
    first_party: set[str] = set()
    for index, host in enumerate(items(site.get("first_party_hosts"))):
        if not isinstance(host, str):
            continue
        loc: Loc = ("site", "first_party_hosts", index)
        if host.lower() == own:
            findings.add(loc, f'"{host}" is the host of site.url already; remove it from this list')
        elif host.lower() in first_party:
            findings.add(loc, f'"{host}" is listed twice; remove one')
        first_party.add(host.lower())
    owners: dict[str, str] = {}
    for index, recipient in entries(data, "recipients"):
        for position, host in enumerate(items(recipient.get("hosts"))):
            if not isinstance(host, str):
                continue
            host = host.lower()
            loc = ("recipients", index, "hosts", position)
            name = text(recipient.get("id")) or f"recipients[{index}]"
            if host == own or host in first_party:
                findings.add(
                    loc,
                    f'"{host}" is declared as the site\'s own host; a host belongs either to the '
                    "owner or to a recipient; remove it from one of the two",
                )
            elif host in owners:
                findings.add(
                    loc,
                    f'"{host}" is already a host of recipient {owners[host]}; each host belongs '
                    "to one recipient; remove it from one of them",
                )
            owners.setdefault(host, name)


def _unique_ids(data: dict[str, Any], key: str, findings: Findings) -> None:
    first = ids(data, key)
    for index, entry in entries(data, key):
        ident = text(entry.get("id"))
        if ident is not None and first[ident] != index:
            findings.add(
                (key, index, "id"),
                f'"{ident}" is already the id of {key}[{first[ident]}]; give each '
                f"{_ID_LISTS[key]} its own id",
            )


def _known(
    entry: dict[str, Any],
    key: str,
    declared: dict[str, int],
    where: str,
    loc: Loc,
    findings: Findings,
) -> set[str]:
    """Report ids in entry[key] that `where` does not declare; return the ids used."""
    used: set[str] = set()
    for position, ident in enumerate(items(entry.get(key))):
        ident = text(ident)
        if ident is None:
            continue
        if ident in used:
            findings.add((*loc, key, position), f'"{ident}" is listed twice; remove one')
        elif ident not in declared:
            findings.add((*loc, key, position), _unknown(ident, key, list(declared), where))
            ident = closest(ident, list(declared)) or ident  # its typo, not unused
        used.add(ident)
    return used


def _unknown_provider(provider: str, recipients: dict[str, int]) -> str:
    choices = [FIRST_PARTY, *recipients]
    guess = closest(provider, choices)
    hint = f"did you mean {guess}? " if guess else ""
    return (
        f'unknown provider "{provider}"; {hint}write {FIRST_PARTY} when the site sets it '
        "itself, or the id of a recipient declared in recipients"
    )


def _unknown(ident: str, what: str, declared: list[str], where: str) -> str:
    label = {"data": "data category", "recipients": "recipient"}[what]
    guess = closest(ident, declared)
    if guess:
        return f'unknown {label} "{ident}"; did you mean {guess}? (declared in {where}: ' + (
            ", ".join(declared) + ")"
        )
    if declared:
        return f'unknown {label} "{ident}"; use one declared in {where}: ' + ", ".join(declared)
    return f'unknown {label} "{ident}"; declare it in {where} first'


def _unused(
    key: str, declared: dict[str, int], used: set[str], where: str, findings: Findings
) -> None:
    for ident, index in declared.items():
        if ident not in used:
            findings.add(
                (key, index, "id"),
                f'"{ident}" is declared but never used; list it in {where}, or remove it',
            )


def _form_once(entry: dict[str, Any], forms: dict[str, int], loc: Loc, findings: Findings) -> None:
    form = text(entry.get("form"))
    if form is None:
        return
    if form in forms:
        findings.add(
            (*loc, "form"),
            f'form "{form}" already belongs to processing[{forms[form]}]; each form collects '
            "data for one purpose, so remove it here or give the form another name",
        )
    else:
        forms[form] = loc[1]  # type: ignore[assignment]


def _unique_items(data: dict[str, Any], key: str, loc: Loc, findings: Findings) -> None:
    seen: set[str] = set()
    for position, value in enumerate(items(data.get(key))):
        if isinstance(value, str):
            if value in seen:
                findings.add((*loc, key, position), f'"{value}" is listed twice; remove one')
            seen.add(value)


def _unique_storage(data: dict[str, Any], findings: Findings) -> None:
    seen: dict[tuple[str, str], int] = {}
    for index, item in entries(data, "storage"):
        name, provider = text(item.get("name")), text(item.get("provider"))
        if name is None or provider is None:
            continue
        if (name, provider) in seen:
            findings.add(
                ("storage", index, "name"),
                f'"{name}" from {provider} is already declared in storage[{seen[name, provider]}]; '
                "describe each storage item once",
            )
        seen.setdefault((name, provider), index)
