"""Deploy header files: the same protections as HTTP headers, for three kinds of host.

A <meta> CSP cannot set frame-ancestors, and Referrer-Policy, Permissions-Policy
and X-Content-Type-Options only work as headers, so the build writes them for
Netlify/Cloudflare Pages (`_headers`) and Apache (`.htaccess`), the two files a host reads from
the web root. nginx reads nothing from there: `make publish` writes its configs, these headers
included, into deploy/ (plugins/deploy), never into the output, which the world can fetch.
"""

from __future__ import annotations

import re
from pathlib import Path

# Features a small business site never needs, with the ad-tech APIs first.
DENIED_FEATURES = (
    "browsing-topics", "interest-cohort", "join-ad-interest-group", "run-ad-auction",
    "attribution-reporting", "private-state-token-issuance", "private-state-token-redemption",
    "accelerometer", "ambient-light-sensor", "gyroscope", "magnetometer", "geolocation",
    "camera", "microphone", "display-capture", "payment", "usb", "serial", "hid", "bluetooth",
    "idle-detection",
)  # fmt: skip

BEGIN = "# BEGIN privacy guard: written by the build from privacy.yml, do not edit inside"
END = "# END privacy guard"
_BLOCK = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END) + r"\n?", re.DOTALL)

NETLIFY_FILE = "_headers"
APACHE_FILE = ".htaccess"


def security_headers(csp_header: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp_header,
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in DENIED_FEATURES),
        "X-Content-Type-Options": "nosniff",
    }


def netlify(headers: dict[str, str]) -> str:
    lines = [BEGIN, "/*", *(f"  {name}: {value}" for name, value in headers.items()), END]
    return "\n".join(lines) + "\n"


def apache(headers: dict[str, str]) -> str:
    lines = [BEGIN, "<IfModule mod_headers.c>"]
    lines += [f'  Header always set {name} "{_quoted(value)}"' for name, value in headers.items()]
    lines += ["</IfModule>", END]
    return "\n".join(lines) + "\n"


def merge_block(existing: str, block: str) -> str:
    """Replace our marked block, or add it, keeping every other line: the redirects
    plugin writes its own marked block into the same .htaccess."""
    if _BLOCK.search(existing):
        return _BLOCK.sub(lambda _: block, existing, count=1)
    separator = "" if not existing or existing.endswith("\n") else "\n"
    return existing + separator + ("\n" if existing else "") + block


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def write_header_files(output_dir: Path, headers: dict[str, str]) -> list[Path]:
    written = []
    for name, render in ((NETLIFY_FILE, netlify), (APACHE_FILE, apache)):
        path = output_dir / name
        existing = path.read_text(encoding="utf-8") if path.is_file() else ""
        path.write_text(merge_block(existing, render(headers)), encoding="utf-8")
        written.append(path)
    return written
