"""What the build tells a static host about the site: `_headers` and `_redirects`, read back.

The build writes both in Netlify's syntax (Cloudflare Pages reads the same files): the privacy
guard its security headers, the redirects plugin the old addresses, this plugin the caching of
hashed theme files. They are the one published form of those values, so everything else that
serves the site reads them here: the nginx, Apache and Caddy configs are rendered from them, and
`contact-inbox serve --site` answers with them. No Pelican here.

Header paths as Netlify reads them (``*`` matches anything, ``:name`` one segment); redirects as
``from [name=value ...] to [status[!]]``, the form the build writes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

HEADERS_FILE = "_headers"
REDIRECTS_FILE = "_redirects"
_STATUS = re.compile(r"^([1-5]\d\d)(!?)$")


class HostRulesError(ValueError):
    """A line of `_headers` or `_redirects` that is not in the syntax the build writes."""


@dataclass(frozen=True)
class HeaderRule:
    """Headers for every path the pattern matches ("/*", "/theme/css/site.1a2b3c4d.css")."""

    pattern: str
    headers: tuple[tuple[str, str], ...]

    def matches(self, path: str) -> bool:
        return _path_regex(self.pattern).fullmatch(path) is not None


@dataclass(frozen=True)
class Redirect:
    """One line of `_redirects`: an old address (its path %-encoded, maybe with query
    parameters that must all be present) and where it leads."""

    source: str
    query: tuple[tuple[str, str], ...]
    target: str
    status: int = 301

    @property
    def path(self) -> str:
        """The old path as servers compare it: %-decoded."""
        return unquote(self.source)

    def matches(self, path: str, query: Mapping[str, list[str]]) -> bool:
        """Netlify's rule: /x and /x/ are one address; each listed parameter must be there."""
        if _without_slash(path) != _without_slash(self.path):
            return False
        return all(value in query.get(name, ()) for name, value in self.query)


@dataclass(frozen=True)
class HostRules:
    headers: tuple[HeaderRule, ...] = ()
    redirects: tuple[Redirect, ...] = ()

    def headers_for(self, path: str) -> dict[str, str]:
        """Every matching rule's headers; a later rule overrides an earlier one (Netlify)."""
        found: dict[str, tuple[str, str]] = {}
        for rule in self.headers:
            if rule.matches(path):
                found.update({name.lower(): (name, value) for name, value in rule.headers})
        return dict(found.values())

    def site_headers(self) -> dict[str, str]:
        """The headers of every response: those of the rule for the whole site, `/*`."""
        return dict(next((rule.headers for rule in self.headers if rule.pattern == "/*"), ()))

    def redirect_for(self, path: str, query: Mapping[str, list[str]]) -> Redirect | None:
        """The first redirect (3xx) that matches, as a host applies them: first match wins."""
        return next(
            (r for r in self.redirects if 300 <= r.status < 400 and r.matches(path, query)), None
        )


def load_host_rules(folder: Path) -> HostRules:
    """The rules a built site carries; none when it has no such files."""
    return HostRules(
        headers=tuple(read_headers(folder / HEADERS_FILE)),
        redirects=tuple(read_redirects(folder / REDIRECTS_FILE)),
    )


def read_headers(path: Path) -> list[HeaderRule]:
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for number, line in _lines(path):
        if not line[0].isspace():
            if not line.startswith("/"):
                raise HostRulesError(f"{path}:{number}: expected a path starting with /")
            rules.append((line.strip(), []))
            continue
        name, colon, value = line.strip().partition(":")
        if not rules or not colon or not name.strip():
            raise HostRulesError(
                f"{path}:{number}: expected an indented `Name: value` line under a path"
            )
        rules[-1][1].append((name.strip(), value.strip()))
    return [HeaderRule(pattern, tuple(headers)) for pattern, headers in rules]


def read_redirects(path: Path) -> list[Redirect]:
    redirects = []
    for number, line in _lines(path):
        fields = line.split()
        target_at = next((i for i, f in enumerate(fields) if i and "=" not in f), None)
        if target_at is None or not fields[0].startswith("/"):
            raise HostRulesError(f"{path}:{number}: expected `/old/path [name=value] /target 301`")
        status = _STATUS.match(fields[target_at + 1]) if len(fields) > target_at + 1 else None
        query = tuple(_parameter(field) for field in fields[1:target_at])
        code = int(status.group(1)) if status else 301
        redirects.append(Redirect(fields[0], query, fields[target_at], code))
    return redirects


def _parameter(field: str) -> tuple[str, str]:
    name, _, value = field.partition("=")
    return unquote(name), unquote(value)


def _lines(path: Path) -> Iterable[tuple[int, str]]:
    """Numbered lines that are neither blank nor comments; nothing for a missing file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise HostRulesError(f"{path}: cannot read it ({error})") from error
    return [
        (number, line.rstrip())
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


@functools.lru_cache(maxsize=256)
def _path_regex(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"(\*|:[A-Za-z_]\w*)", pattern)
    return re.compile(
        "".join(
            ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
            for part in parts
        )
    )


def _without_slash(path: str) -> str:
    return path.rstrip("/") or "/"
