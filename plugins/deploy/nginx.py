"""The nginx server blocks for a Site: HTTP to HTTPS, TLS, headers, caching, 404, redirects, inbox.

nginx drops every inherited `add_header` in a location that has one of its own, so each such
location repeats the whole set. Precompressed copies need `gzip_static` (built in) and
`brotli_static` (Debian's libnginx-mod-http-brotli-static).
"""

from __future__ import annotations

from .site import ACME_CHALLENGE, HSTS, LONG_CACHE, REVALIDATE, Site

INDENT = "    "


def render(site: Site) -> str:
    return "\n".join([_banner(site), http_server(site), https_server(site)])


def http_server(site: Site) -> str:
    """Port 80: Let's Encrypt's token (certbot --webroot), everything else moved to HTTPS.

    Alone, it is what the first certificate needs before the HTTPS server can load."""
    body = [
        *_listen(site, site.http_port, ""),
        f"server_name {site.host};",
        f"root {_quote(site.root)};",
        f"location ^~ {ACME_CHALLENGE} {{ default_type text/plain; try_files $uri =404; }}",
        f"location / {{ return 301 {site.https_origin}$request_uri; }}",
    ]
    return _block("server", body)


def https_server(site: Site) -> str:
    headers = [*site.headers, ("Strict-Transport-Security", HSTS)]
    body = [
        *_listen(site, site.https_port, " ssl http2"),
        f"server_name {site.host};",
        f"root {_quote(site.root)};",
        f"ssl_certificate {_quote(site.certificate_file)};",
        f"ssl_certificate_key {_quote(site.key_file)};",
        "ssl_protocols TLSv1.2 TLSv1.3;",
        "server_tokens off;",
        "",
        "# Security headers from the build (_headers), on every answer: pages, files, errors.",
        *_add_headers([*headers, ("Cache-Control", REVALIDATE)]),
    ]
    if site.serves_pages:
        body += _pages(site, headers)
    else:
        body += ["", "# This host runs the contact inbox only; the pages live elsewhere.",
                 "location / { return 404; }"]  # fmt: skip
    body += [f"location ^~ {ACME_CHALLENGE} {{ default_type text/plain; try_files $uri =404; }}"]
    if site.inbox is not None:
        body += _inbox(site, headers)
    return _block("server", body)


def _pages(site: Site, headers: list[tuple[str, str]]) -> list[str]:
    lines = [
        "",
        "index index.html;",
        "charset utf-8;",
        *([f"error_page 404 {site.not_found};"] if site.not_found else []),
        "# The build's .br and .gz copies, chosen by the browser's Accept-Encoding.",
        "gzip_static on;",
        "brotli_static on;",
        "gzip_vary on;",
        "",
        "# Nothing under a name starting with a dot (the inbox bundle...) but /.well-known/.",
        'location ~ "/\\.(?!well-known(?:/|$))" { return 404; }',
        "# Theme files named by their content's hash never change: keep them a year.",
        f'location ~ "{site.hashed_asset_regex}" {{',
        *(INDENT + line for line in _add_headers([*headers, ("Cache-Control", LONG_CACHE)])),
        "}",
    ]
    if site.nginx_redirects.strip():
        lines += ["", "# Old addresses (the build's nginx-redirects.conf), each a real 301."]
        lines += site.nginx_redirects.strip().splitlines()
    return lines


def _inbox(site: Site, headers: list[tuple[str, str]]) -> list[str]:
    assert site.inbox is not None
    lines = []
    for path in site.inbox.paths:
        lines += [
            "",
            "# The form and the search go to the inbox. No access log here, and the visitor's address",
            "# goes along only so that the inbox can rate-limit (it never stores it).",
            f"location = {path} {{",
            *(
                INDENT + line
                for line in [
                    "access_log off;",
                    f"client_max_body_size {site.inbox.body_limit};",
                    f"proxy_pass http://{site.inbox.upstream};",
                    "proxy_set_header Host $host;",
                    "proxy_set_header X-Forwarded-For $remote_addr;",
                    "proxy_set_header X-Forwarded-Proto $scheme;",
                    # One copy of each security header: this server's, not the inbox's too.
                    *(f"proxy_hide_header {name};" for name, _ in headers),
                    *_add_headers(headers),
                ]
            ),
            "}",
        ]
    return lines


def _listen(site: Site, port: int, options: str) -> list[str]:
    addresses = site.addresses or ("", "[::]:")
    return [f"listen {address}{':' if site.addresses else ''}{port}{options};"
            for address in addresses]  # fmt: skip


def header_snippet(site: Site) -> str:
    """The security headers alone, for an nginx server block of the owner's own: what
    nginx.conf sends on every answer (the build's headers and HSTS)."""
    headers = [*site.headers, ("Strict-Transport-Security", HSTS)]
    return "\n".join([
        "# The site's security headers: include this file in the server block that serves it",
        "# over HTTPS. nginx drops inherited add_header lines in a location that has its own:",
        "# include it there too.",
        *_add_headers(headers),
        "",
    ])  # fmt: skip


def _add_headers(headers: list[tuple[str, str]]) -> list[str]:
    return [f"add_header {name} {_quote(value)} always;" for name, value in headers]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _block(name: str, body: list[str]) -> str:
    inner = [INDENT + line if line else "" for line in body]
    return "\n".join([f"{name} {{", *inner, "}", ""])


def _banner(site: Site) -> str:
    return (
        f"# nginx: the site {site.host}, written by `make publish` from the build; do not edit.\n"
        f"# Install: /etc/nginx/sites-available/{site.host}.conf, linked from sites-enabled/ "
        "(see docs/deploying.md).\n"
    )
