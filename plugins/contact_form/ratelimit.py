"""Per-client rate limit that never keeps an IP address.

A client is known only by HMAC-SHA256(salt, address). The salt is random, lives in memory
only, and is replaced every UTC day, when all counters are dropped: yesterday's keys cannot
be linked to anyone, not even by whoever holds the server. The counting itself is the
``limits`` library's moving window.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import secrets
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from limits import RateLimitItem

DEFAULT_RATE = "5 per 10 minutes"


class RateLimitError(ValueError):
    """A rate that the ``limits`` notation cannot express."""


def check_rate(text: str) -> None:
    """Raise RateLimitError for a rate the inbox could not use; the build calls this.

    The default rate needs no check (a test parses it): ``limits`` and the asyncio machinery it
    imports would cost every build memory and time for nothing.
    """
    if text != DEFAULT_RATE:
        parse_rate(text)


def parse_rate(text: str) -> RateLimitItem:
    from limits import parse  # the inbox's dependency, imported when a rate is really parsed

    try:
        item = parse(text)
    except ValueError as error:
        raise RateLimitError(
            f"rate limit {text!r}: expected e.g. '5 per 10 minutes' or '20/hour' ({error})"
        ) from error
    if item.amount < 1:
        raise RateLimitError(
            f"rate limit {text!r}: lets no message through; allow at least 1, e.g. "
            "'5 per 10 minutes'"
        )
    return item


_IPV4_WITH_PORT = re.compile(r"(\d{1,3}(?:\.\d{1,3}){3}):\d+")


def client_identity(address: str) -> str:
    """What names one client: an IPv4 address, or the /64 network of an IPv6 address.

    One IPv6 subscriber gets a whole /64 and picks any address in it, so counting addresses
    would let one client through as many times as it likes. Every way of writing an address
    gives the same identity: letter case, leading zeros, "::", brackets, a zone or a port (as
    some proxies forward it), and an IPv4 address mapped into IPv6.
    """
    text = address.strip()
    if text.startswith("["):  # "[2001:db8::1]" or "[2001:db8::1]:443"
        text = text[1:].partition("]")[0]
    elif (with_port := _IPV4_WITH_PORT.fullmatch(text)) is not None:
        text = with_port.group(1)
    text = text.partition("%")[0]  # a zone ("fe80::1%eth0") is the same client
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return address.strip().lower()
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


class ClientRateLimit:
    def __init__(self, rate: str = DEFAULT_RATE, today: Callable[[], date] | None = None) -> None:
        from limits.storage import MemoryStorage
        from limits.strategies import MovingWindowRateLimiter

        self.item = parse_rate(rate)
        self._today = today or (lambda: datetime.now(UTC).date())
        self._lock = threading.Lock()
        self._storage = MemoryStorage()
        self._limiter = MovingWindowRateLimiter(self._storage)
        self._day = self._today()
        self._salt = secrets.token_bytes(32)

    def client_key(self, address: str) -> str:
        """The pseudonym of ``address``'s client for today; rotates the salt when the day
        changed."""
        with self._lock:
            today = self._today()
            if today != self._day:
                self._day, self._salt = today, secrets.token_bytes(32)
                self._storage.reset()
            salt = self._salt
        identity = client_identity(address)
        return hmac.new(salt, identity.encode("utf-8"), hashlib.sha256).hexdigest()

    def allow(self, address: str) -> bool:
        """Count one request from ``address``; False once it is over the limit."""
        return self._limiter.hit(self.item, self.client_key(address))
