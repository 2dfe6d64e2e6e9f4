"""Deploy header files: the same protections as HTTP headers, for three kinds of host.

A <meta> CSP cannot set frame-ancestors, and Referrer-Policy, Permissions-Policy
and X-Content-Type-Options only work as headers, so the build writes them for
Netlify/Cloudflare Pages (`_headers`), Apache (`.htaccess`) and nginx (a snippet
to include in the server block).
"""

from __future__ import annotations

from pathlib import Path

# Features a small business site never needs, with the ad-tech APIs first.
DENIED_FEATURES = (
    "browsing-topics", "interest-cohort", "join-ad-interest-group", "run-ad-auction",
    "attribution-reporting", "private-state-token-issuance", "private-state-token-redemption",
    "accelerometer", "ambient-light-sensor", "gyroscope", "magnetometer", "geolocation",
    "camera", "microphone", "display-capture", "payment", "usb", "serial", "hid", "bluetooth",
    "idle-detection",
)  # fmt: skip

NETLIFY_FILE = "_headers"
APACHE_FILE = ".htaccess"
NGINX_FILE = "privacy-headers.nginx.conf"


def security_headers(csp_header: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp_header,
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in DENIED_FEATURES),
        "X-Content-Type-Options": "nosniff",
    }


def netlify(headers: dict[str, str]) -> str:
    lines = [
        "# Written by the privacy guard on every build: edit privacy.yml, not this file.",
        "/*",
    ]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def apache(headers: dict[str, str]) -> str:
    lines = [
        "# Written by the privacy guard on every build: edit privacy.yml, not this file.",
        "<IfModule mod_headers.c>",
    ]
    lines += [f'  Header always set {name} "{_quoted(value)}"' for name, value in headers.items()]
    lines.append("</IfModule>")
    return "\n".join(lines) + "\n"


def nginx(headers: dict[str, str]) -> str:
    lines = [
        "# Written by the privacy guard on every build: edit privacy.yml, not this file.",
        "# include it in the server block that serves the site. nginx drops inherited",
        "# add_header lines in any location that has its own: include it there too.",
    ]
    lines += [f'add_header {name} "{_quoted(value)}" always;' for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def write_header_files(output_dir: Path, headers: dict[str, str]) -> list[Path]:
    written = []
    for name, render in ((NETLIFY_FILE, netlify), (APACHE_FILE, apache), (NGINX_FILE, nginx)):
        path = output_dir / name
        path.write_text(render(headers), encoding="utf-8")
        written.append(path)
    return written
