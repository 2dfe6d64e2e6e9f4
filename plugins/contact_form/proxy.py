"""Believe the trusted reverse proxy's X-Forwarded-For, however it writes the visitor's address.

waitress's own translation of the header (its --trusted-proxy) reads the last colon of a hop
that contains a dot as the start of a port, so an IPv4-mapped IPv6 address as dual-stack
proxies forward it, ``::ffff:203.0.113.5``, became the address ``::ffff`` with "port"
203.0.113.5: every such visitor was one client for the rate limit, and none was the same client
as when written ``203.0.113.5``. Each hop is written here in a form waitress reads whole (an
IPv4 address as such, any other IPv6 address in brackets) before waitress's translation runs;
ratelimit.client_identity then keys IPv4 by address and IPv6 by /64. The proxy's own address
is normalised the same way, so ``--trusted-proxy 127.0.0.1`` also trusts ``::ffff:127.0.0.1``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from typing import Any

from waitress.proxy_headers import proxy_headers_middleware

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def plain_address(text: str) -> str:
    """An IPv4-mapped IPv6 address as its IPv4 address; any other IPv6 address in brackets
    (which waitress never splits at a colon); anything else as it was written."""
    bare = text.strip()
    if bare.startswith("[") and bare.endswith("]"):
        bare = bare[1:-1]
    try:
        ip = ipaddress.ip_address(bare)
    except ValueError:
        return text.strip()
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ip.ipv4_mapped) if ip.ipv4_mapped is not None else f"[{ip}]"
    return str(ip)


def behind_proxy(app: WsgiApp, trusted_proxy: str) -> WsgiApp:
    """`app` believing the X-Forwarded-For of `trusted_proxy` (an address, or "*") alone; the
    header of anyone else is removed before `app` sees it."""
    trusted = trusted_proxy if trusted_proxy == "*" else plain_address(trusted_proxy).strip("[]")
    translated = proxy_headers_middleware(
        app, trusted_proxy=trusted, trusted_proxy_headers={"x-forwarded-for"}, clear_untrusted=True
    )

    def normalised(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        peer = environ.get("REMOTE_ADDR")
        if peer:
            environ["REMOTE_ADDR"] = plain_address(peer).strip("[]")
        hops = environ.get("HTTP_X_FORWARDED_FOR")
        if hops:
            environ["HTTP_X_FORWARDED_FOR"] = ", ".join(plain_address(h) for h in hops.split(","))
        return translated(environ, start_response)

    return normalised
