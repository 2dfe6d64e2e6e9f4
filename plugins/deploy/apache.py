"""Apache: a block for the site's `.htaccess` (shared hosting) and the virtual hosts of a Site.

The `.htaccess` carries what belongs to the folder: the guard's headers, the old addresses,
and this block (404 page, precompressed copies, caching, dot-paths, HTTPS). The vhost applies
that same file inside its `<Directory>` (AllowOverride stays None, which is faster), and adds
what only a server can do: TLS, the inbox proxy and its log rule. Needs mod_ssl, mod_rewrite,
mod_headers, mod_proxy_http, mod_setenvif (all in Debian's apache2 package).
"""

from __future__ import annotations

from .site import ACME_CHALLENGE, HSTS, LONG_CACHE, REVALIDATE, Site

BEGIN = "# BEGIN Discreet deploy: written by the build, do not edit inside"
END = "# END Discreet deploy"
INDENT = "    "


def htaccess_block(not_found: str | None, hashed_asset_regex: str, text_suffixes: list[str]) -> str:
    """Lines valid both in `.htaccess` (AllowOverride FileInfo) and in a `<Directory>`."""
    texts = "|".join(suffix.lstrip(".") for suffix in sorted(text_suffixes))
    lines = [
        BEGIN,
        *([f"ErrorDocument 404 {not_found}"] if not_found else []),
        "<IfModule mod_mime.c>",
        "  # The build's .br and .gz copies: the same file, compressed; its type stays.",
        "  RemoveType .gz .br",
        "  AddEncoding gzip .gz",
        "  AddEncoding br .br",
        "</IfModule>",
        "<IfModule mod_rewrite.c>",
        "  RewriteEngine On",
        "  # HTTPS only; Let's Encrypt's token may still come over HTTP.",
        "  RewriteCond %{HTTPS} !=on",
        f"  RewriteCond %{{REQUEST_URI}} !^{_regex(ACME_CHALLENGE)}",
        "  RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L,NE]",
        "  # Nothing under a name starting with a dot (the inbox bundle...) but .well-known/.",
        "  RewriteRule (^|/)\\.(?!well-known(/|$)) - [R=404]",
        "  # The .br or .gz copy when the browser takes it (folders reach index.html first).",
    ]
    for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
        lines += [
            f"  RewriteCond %{{HTTP:Accept-Encoding}} \\b{encoding}\\b",
            f"  RewriteCond %{{REQUEST_FILENAME}}{suffix} -f",
            f"  RewriteRule ^(.*\\.({texts}))$ $1{suffix} [END]",
        ]
    lines += [
        "</IfModule>",
        "<IfModule mod_headers.c>",
        "  # HTTPS only, from now on, as nginx.conf and the Caddyfile say (RFC 6797; never sent",
        "  # over plain HTTP, where a browser would ignore it anyway).",
        "  <If \"%{HTTPS} == 'on'\">",
        f'    Header always set Strict-Transport-Security "{HSTS}"',
        "  </If>",
        "  # Caches keep the compressed and the plain copies apart.",
        f'  <FilesMatch "\\.({texts}|br|gz)$">',
        "    Header merge Vary Accept-Encoding",
        "  </FilesMatch>",
        "  # Theme files named by their content's hash never change; everything else revalidates.",
        f'  <If "%{{REQUEST_URI}} =~ m#{hashed_asset_regex.removesuffix("$")}(\\.br|\\.gz)?$#">',
        f'    Header always set Cache-Control "{LONG_CACHE}"',
        "  </If>",
        "  <Else>",
        f'    Header always set Cache-Control "{REVALIDATE}"',
        "  </Else>",
        "</IfModule>",
        END,
    ]
    return "\n".join(lines) + "\n"


def render(site: Site) -> str:
    return "\n".join([_banner(site), http_vhost(site), https_vhost(site)])


def http_vhost(site: Site) -> str:
    """Port 80: Let's Encrypt's token (certbot --webroot), everything else moved to HTTPS."""
    body = [
        f"ServerName {site.host}",
        f'DocumentRoot "{site.root}"',
        f'<Directory "{site.root}{ACME_CHALLENGE}">',
        "    Require all granted",
        "</Directory>",
        "RewriteEngine On",
        f"RewriteCond %{{REQUEST_URI}} !^{_regex(ACME_CHALLENGE)}",
        f"RewriteRule ^ {site.https_origin}%{{REQUEST_URI}} [R=301,L,NE]",
    ]
    return _vhost(site.http_port, body)


def https_vhost(site: Site) -> str:
    log_name = site.host.replace(".", "-")
    body = [
        f"ServerName {site.host}",
        f'DocumentRoot "{site.root}"',
        "SSLEngine on",
        f'SSLCertificateFile "{site.certificate_file}"',
        f'SSLCertificateKeyFile "{site.key_file}"',
        "SSLProtocol -all +TLSv1.2 +TLSv1.3",
        f'Header always set Strict-Transport-Security "{HSTS}"',
        f"ErrorLog ${{APACHE_LOG_DIR}}/{log_name}-error.log",
    ]
    if site.inbox is not None:
        paths = "|".join(_regex(path) for path in site.inbox.paths)
        body += [
            "# No access log for the contact form's address: nobody's address is kept there.",
            f'SetEnvIf Request_URI "^({paths})$" discreet_unlogged',
            f"CustomLog ${{APACHE_LOG_DIR}}/{log_name}-access.log combined env=!discreet_unlogged",
        ]
        body += _inbox(site)
    else:
        body += [f"CustomLog ${{APACHE_LOG_DIR}}/{log_name}-access.log combined"]
    if site.serves_pages:
        body += [
            f'<Directory "{site.root}">',
            "    Options -Indexes +SymLinksIfOwnerMatch",
            "    AllowOverride None",
            "    Require all granted",
            "    DirectoryIndex index.html",
            "    # The site's .htaccess as the build wrote it (shared hosts read the file itself):",
            *(INDENT + line if line else "" for line in site.htaccess.splitlines()),
            "</Directory>",
        ]
    else:
        body += [
            "# This host runs the contact inbox only; the pages live elsewhere.",
            f'<Directory "{site.root}">',
            "    Require all denied",
            "</Directory>",
            f'<Directory "{site.root}{ACME_CHALLENGE}">',
            "    Require all granted",
            "</Directory>",
        ]
    return _vhost(site.https_port, body)


def _inbox(site: Site) -> list[str]:
    assert site.inbox is not None
    lines: list[str] = []
    for path in site.inbox.paths:
        lines += [
            "# The form and the search go to the inbox; the visitor's address goes along only so that",
            "# the inbox can rate-limit (it never stores it). One copy of each security header.",
            f'<Location "{path}">',
            f"    ProxyPass http://{site.inbox.upstream}{path}",
            "    ProxyPreserveHost On",
            "    ProxyAddHeaders Off",
            '    RequestHeader set X-Forwarded-For "expr=%{REMOTE_ADDR}"',
            '    RequestHeader set X-Forwarded-Proto "https"',
            f"    LimitRequestBody {site.inbox.body_limit}",
            *(f"    Header unset {name}" for name, _ in site.headers),
            *(f'    Header always set {name} "{_quoted(value)}"' for name, value in site.headers),
            "</Location>",
        ]
    return lines


def _vhost(port: int, body: list[str]) -> str:
    inner = [INDENT + line if line else "" for line in body]
    return "\n".join([f"<VirtualHost *:{port}>", *inner, "</VirtualHost>", ""])


def _regex(text: str) -> str:
    return "".join("\\" + c if c in ".^$|?*+()[]{}\\" else c for c in text)


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _banner(site: Site) -> str:
    return (
        f"# Apache: the site {site.host}, written by `make publish` from the build; do not edit.\n"
        f"# Install: /etc/apache2/sites-available/{site.host}.conf, then a2ensite "
        "(see docs/deploying.md).\n"
    )
