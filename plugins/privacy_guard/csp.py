"""The Content-Security-Policy the declaration implies.

Browsers enforce it whatever the audit missed: only the site itself and the
hosts the declaration names can be contacted, forms post only to the site or
its inbox, and no inline script runs (tracker snippets are inline scripts).
Inline styles stay allowed: CSS reaches no host the policy does not allow,
and Markdown writes table alignment as style attributes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .urls import Target, parse_url


def origin(url: str) -> str | None:
    """'https://host' for an absolute URL (the scheme kept), None for a relative one."""
    parsed = parse_url(url)
    if parsed.target is not Target.HOST:
        return None
    scheme = parsed.url.partition("://")[0]
    return f"{scheme}://{parsed.host}"


def directives(
    allowed_hosts: Iterable[str],
    form_origins: Iterable[str] = (),
    extra: Mapping[str, Iterable[str]] | None = None,
    limited: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, list[str]]:
    """The policy: `allowed_hosts` everywhere, each host of `limited` only in the directives it
    names (a video player's host in frame-src, never in script-src)."""
    hosts = [f"https://{host}" for host in sorted(set(allowed_hosts))]
    policy = {
        "default-src": ["'self'", *hosts],
        "img-src": ["'self'", "data:", *hosts],
        "style-src": ["'self'", "'unsafe-inline'", *hosts],
        "script-src": ["'self'", *hosts],
        "form-action": ["'self'", *sorted(set(form_origins))],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
    for host, names in sorted((limited or {}).items()):
        for name in sorted(set(names)):
            # A directive the policy lacks falls back to default-src in browsers: start from it.
            allowed = policy.setdefault(name, list(policy["default-src"]))
            if f"https://{host}" not in allowed:
                allowed.append(f"https://{host}")
    for name, sources in (extra or {}).items():
        policy.setdefault(name, []).extend(s for s in sources if s not in policy[name])
    return policy


def render(policy: Mapping[str, list[str]], header: bool = False) -> str:
    """The policy as text; the HTTP header adds what a <meta> tag cannot carry."""
    parts = [f"{name} {' '.join(sources)}" for name, sources in policy.items()]
    if header:
        parts.append("frame-ancestors 'none'")
    return "; ".join(parts)
