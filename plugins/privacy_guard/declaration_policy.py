"""Build the audit's policy from the site's declaration (content/privacy.yml).

The only module that knows the declaration package: the engine takes an
AuditPolicy and stays usable on any folder of HTML without a declaration.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from plugin_support import DiscreetError

from .policy import AuditPolicy, Recipient


class DeclarationUnavailable(DiscreetError):
    """The declaration cannot be used: its problems, one per line."""


def load(path: Path) -> Any:
    """The validated declaration at `path`, or DeclarationUnavailable with its problems."""
    try:
        from declaration import DeclarationError, load_declaration
    except ImportError as e:  # pragma: no cover - the package ships with the project
        raise DeclarationUnavailable(f"{path}: the declaration package is not installed") from e
    try:
        return load_declaration(path)
    except DeclarationError as e:
        raise DeclarationUnavailable(e.problems) from e


def policy_from_declaration(
    declaration: Any, declaration_file: str, site_urls: Iterable[str] = ()
) -> AuditPolicy:
    """First party: site.url, site.first_party_hosts (and any extra site URL, e.g. SITEURL).
    Allowed third parties: every recipient's hosts, in the CSP directives its `csp` names (all
    when it names none). Allowed tracker code: processing scripts."""
    declared_hosts = {
        host: Recipient(recipient.id, recipient.name, recipient.purpose)
        for recipient in declaration.recipients
        for host in (getattr(recipient, "hosts", None) or ())
    }
    directives = {
        host: [str(name) for name in (getattr(recipient, "csp", None) or ())]
        for recipient in declaration.recipients
        for host in (getattr(recipient, "hosts", None) or ())
    }
    families = {
        script
        for processing in declaration.processing
        for script in (getattr(processing, "scripts", None) or ())
    }
    return AuditPolicy.build(
        site_urls=[str(declaration.site.url), *site_urls],
        first_party_hosts=getattr(declaration.site, "first_party_hosts", None) or (),
        declared_hosts=declared_hosts,
        declared_script_families=families,
        declaration_file=declaration_file,
        host_directives=directives,
    )
