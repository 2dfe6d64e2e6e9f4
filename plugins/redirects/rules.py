"""Server rules for the redirects, for hosts that can answer with a real HTTP 301.

Redirect pages (a meta refresh) work on any static host but only for plain paths; an old
address with a query (?p=123) reaches the home page, and feed readers do not follow a meta
refresh. So the build also writes:
- `_redirects` for Netlify and Cloudflare Pages (query lines use Netlify's syntax; Cloudflare
  Pages skips those lines),
- `nginx-redirects.conf`, to include inside the site's `server { }` block,
- a marked block in `.htaccess` for Apache (mod_rewrite), leaving the rest of the file alone.
No Pelican here: input is (old address, new URL) pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

Pair = tuple[str, str]  # (old address, new root-relative URL)

HTACCESS_BEGIN = "# BEGIN Discreet redirects"
HTACCESS_END = "# END Discreet redirects"
_URL_SAFE = "/:@!$&'()*+,;=-._~%?"


def netlify(pairs: Iterable[Pair], source: str) -> str:
    """Every rule forced (`301!`): a redirect page or the home page stands at each old address,
    and Netlify serves a file before an unforced rule. Cloudflare Pages applies its rules before
    files anyway and reads the same mark; it skips the ?query lines."""
    lines = [f"# Old addresses from {source}; written by the build, do not edit here."]
    for old, new in pairs:
        path, _, query = old.partition("?")
        params = " ".join(p for p in query.split("&") if p)
        fields = [quote(path, safe=_URL_SAFE), *([params] if params else [])]
        lines.append(f"{' '.join(fields)}  {quote(new, safe=_URL_SAFE)}  301!")
    return "\n".join(lines) + "\n"


def nginx(pairs: Iterable[Pair], source: str) -> str:
    lines = [
        f"# Old addresses from {source}; written by the build, do not edit here.",
        "# Include inside the site's server { } block:  include /path/to/nginx-redirects.conf;",
    ]
    queries = []
    for old, new in pairs:
        path, _, query = old.partition("?")
        if query:
            queries.append((f"{path}?{query}", new))
        elif "$" in path:
            lines.append(f"# skipped {path}: nginx cannot match a $ literally here")
        else:
            lines.append(f"location = {_nginx_string(path)} {{ return 301 {_nginx_url(new)}; }}")
    if queries:
        lines += [
            "# ?query forms: compared with the path and the whole query string",
            'set $discreet_old_query "$uri?$args";',
        ]
        lines += [
            f"if ($discreet_old_query = {_nginx_string(q)}) {{ return 301 {_nginx_url(n)}; }}"
            for q, n in queries
            if "$" not in q
        ]
    return "\n".join(lines) + "\n"


def htaccess_block(pairs: Iterable[Pair], source: str) -> str:
    lines = [
        HTACCESS_BEGIN,
        f"# Old addresses from {source}; written by the build, do not edit inside this block.",
        "<IfModule mod_rewrite.c>",
        "RewriteEngine On",
    ]
    for old, new in pairs:
        path, _, query = old.partition("?")
        inner = _apache_regex(path.strip("/"))
        pattern = f"^{inner}/?$" if inner else "^$"
        target = _apache_target(new)
        if query:
            lines.append(f"RewriteCond %{{QUERY_STRING}} ^{_apache_regex(query)}$")
            lines.append(f"RewriteRule {pattern} {target}? [R=301,L,NE]")
        else:
            lines.append(f"RewriteRule {pattern} {target} [R=301,L,NE]")
    lines += ["</IfModule>", HTACCESS_END]
    return "\n".join(lines) + "\n"


def merge_htaccess(existing: str, block: str) -> str:
    """Replace our block in an existing .htaccess (or append it), keeping every other line."""
    pattern = re.compile(
        re.escape(HTACCESS_BEGIN) + r".*?" + re.escape(HTACCESS_END) + r"\n?", re.DOTALL
    )
    if pattern.search(existing):
        return pattern.sub(lambda _: block, existing, count=1)
    separator = "" if not existing or existing.endswith("\n") else "\n"
    return existing + separator + ("\n" if existing else "") + block


def _nginx_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _nginx_url(url: str) -> str:
    """A redirect target, %-encoded so that nginx sees no variable and no quote in it."""
    return '"' + quote(url, safe=_URL_SAFE.replace("$", "").replace("'", "")) + '"'


def _apache_regex(text: str) -> str:
    return re.sub(r"([\\.^$|?*+()\[\]{}\s])", r"\\\1", text)


def _apache_target(url: str) -> str:
    parts = urlsplit(url)
    return quote(parts.path, safe=_URL_SAFE).replace("$", "\\$").replace("%", "\\%")
