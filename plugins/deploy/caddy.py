"""A Caddyfile for a Site. Caddy obtains and renews the certificate and redirects HTTP to HTTPS
by itself; `file_server` serves the build's .br and .gz copies (`precompressed`)."""

from __future__ import annotations

from .host_rules import Redirect
from .site import HSTS, LONG_CACHE, REVALIDATE, Site

TAB = "\t"
# Go's regexp has no look-ahead: a dot-path is any name starting with a dot, minus the
# /.well-known/ paths whose own names do not start with one.
DOT_PATH = r"(^|/)\."
WELL_KNOWN = r"^/\.well-known(/[^./][^/]*)*/?$"


def render(site: Site) -> str:
    body = [
        *([f"bind {' '.join(_bare(a) for a in site.addresses)}"] if site.addresses else []),
        *(
            [f"tls {_token(site.certificate_file)} {_token(site.key_file)}"]
            if site.tls_certificate
            else []
        ),
        f"root * {_token(site.root)}",
        "",
        "# Security headers from the build (_headers), on every answer: pages, files, errors.",
        *_block("header", [*_header_lines(site), "?Vary Accept-Encoding"]),
    ]
    if site.inbox is not None:
        body += _inbox(site)
    if site.serves_pages:
        body += _pages(site)
    else:
        body += ["", "# This host runs the contact inbox only; the pages live elsewhere.",
                 "handle {", f"{TAB}error 404", "}"]  # fmt: skip
    body += [
        "",
        *_block(
            "handle_errors",
            [
                *_block("header", _header_lines(site)),
                *(
                    [
                        "@missing expression {err.status_code} == 404",
                        *_block("handle @missing", [f"rewrite * {site.not_found}", *_files()]),
                    ]
                    if site.not_found and site.serves_pages
                    else []
                ),
                *_block("handle", ['respond "{err.status_code} {err.status_text}"']),
            ],
        ),
    ]
    return _banner(site) + "\n".join(_block(site.host, body)) + "\n"


def _pages(site: Site) -> list[str]:
    inbox_paths = site.inbox.paths if site.inbox else ()  # the inbox says: no-store
    lines = [
        "",
        "# Theme files named by their content's hash never change: keep them a year.",
        "# Everything else is revalidated on every use.",
        f"@hashed path_regexp {_token(site.hashed_asset_regex)}",
        f"header @hashed Cache-Control {_token(LONG_CACHE)}",
        *_block(
            "@fresh",
            [
                f"not path_regexp {_token(site.hashed_asset_regex)}",
                *(f"not path {path}" for path in inbox_paths),
            ],
        ),
        f"header @fresh Cache-Control {_token(REVALIDATE)}",
        "",
        "# Nothing under a name starting with a dot (the inbox bundle...) but /.well-known/.",
        *_block("@dotpaths", [f"path_regexp {DOT_PATH}", f"not path_regexp {WELL_KNOWN}"]),
        *_block("handle @dotpaths", ["error 404"]),
    ]
    if site.redirects:
        lines += ["", "# Old addresses (the build's _redirects), each a real 301."]
        for number, redirect in enumerate(site.redirects, 1):
            lines += _redirect(number, redirect)
    lines += ["", *_block("handle", _files())]
    return lines


def _redirect(number: int, redirect: Redirect) -> list[str]:
    path = redirect.path
    if "*" in path or any(c.isspace() or c in '"{}' for c in path):
        return [f"# skipped {redirect.source}: a Caddy path matcher cannot hold it literally"]
    paths = sorted({path, path.rstrip("/") or "/", path if path.endswith("/") else path + "/"})
    conditions = [f"path {' '.join(paths)}"]
    conditions += [f"query {_token(f'{name}={value}')}" for name, value in redirect.query]
    return [
        *_block(f"@old{number}", conditions),
        f"redir @old{number} {_token(redirect.target)} {redirect.status}",
    ]


def _inbox(site: Site) -> list[str]:
    assert site.inbox is not None
    lines = []
    for path in site.inbox.paths:
        lines += [
            "",
            "# The form and the search go to the inbox. Caddy writes no access log unless told to, and",
            "# passes the visitor's address (X-Forwarded-For) only for the inbox's rate limit.",
            *_block(
                f"handle {path}",
                [
                    # A declared length over the limit is refused at once; a body that grows
                    # past it unannounced is cut off (request_body).
                    # "0" first: a GET (the search) has no Content-Length to read as a number.
                    '@oversize expression int("0" + {http.request.header.Content-Length}) > '
                    f"{site.inbox.body_limit}",
                    "error @oversize 413",
                    *_block("request_body", [f"max_size {site.inbox.body_limit}"]),
                    *_block(
                        f"reverse_proxy {site.inbox.upstream}",
                        # One copy of each security header: Caddy's, not the inbox's too.
                        [f"header_down -{name}" for name, _ in site.headers],
                    ),
                ],
            ),
        ]
    return lines


def _files() -> list[str]:
    return _block("file_server", ["precompressed br gzip"])


def _header_lines(site: Site) -> list[str]:
    headers = [*site.headers, ("Strict-Transport-Security", HSTS)]
    return [f"{name} {_token(value)}" for name, value in headers]


def _block(opening: str, body: list[str]) -> list[str]:
    return [f"{opening} {{", *(TAB + line if line else "" for line in body), "}"]


def _token(text: str) -> str:
    """A Caddyfile token: bare when it can be, else in backticks, which escape nothing."""
    if text and not any(c.isspace() or c in '"{}`' for c in text):
        return text
    if "`" not in text:
        return f"`{text}`"
    return '"' + text.replace('"', '\\"') + '"'


def _bare(address: str) -> str:
    return address.strip("[]")


def _banner(site: Site) -> str:
    return (
        f"# Caddy: the site {site.host}, written by `make publish` from the build; do not edit.\n"
        "# Caddy gets and renews its certificate and redirects HTTP to HTTPS by itself.\n"
        "# Install: /etc/caddy/Caddyfile (see docs/deploying.md).\n"
    )
