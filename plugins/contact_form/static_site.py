"""Serve the built site from the inbox process (development, or one small server).

Directory URLs serve their index.html, misses get the site's 404.html with status 404,
nothing hidden (dot-paths, such as the inbox bundle) and nothing outside the root is served,
and no directory is ever listed. Only regular files are served, and only where their real
path (symbolic links followed) is inside the site and not hidden: a link in the folder must not
hand out /etc/passwd, the inbox bundle or the database.

Every answer carries the headers of the site's `_headers` file, which the privacy guard writes
(CSP, nosniff, frame-ancestors...), as Netlify or Cloudflare Pages would send them.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import stat
from pathlib import Path

from flask import Flask, Response, redirect, request, send_file
from privacy_guard.headers import NETLIFY_FILE, headers_for, read_netlify
from werkzeug import Response as BaseResponse
from werkzeug.security import safe_join

log = logging.getLogger("contact_inbox")

# Types the platform's table may lack; the site's pages must arrive with the right one.
for _type, _suffix in (
    ("font/woff2", ".woff2"),
    ("font/woff", ".woff"),
    ("application/manifest+json", ".webmanifest"),
    ("application/atom+xml", ".atom"),
    ("image/svg+xml", ".svg"),
    ("text/javascript", ".js"),
):
    mimetypes.add_type(_type, _suffix)


def add_static_site(app: Flask, root: Path) -> None:
    root = Path(root).resolve()
    rules = _header_rules(root)

    @app.after_request
    def security_headers(response: Response) -> Response:
        for name, value in headers_for(rules, request.path).items():
            response.headers[name] = value  # the owner's Cache-Control too, as their host would
        return response

    def not_found() -> Response:
        page = root / "404.html"
        body = page.read_bytes() if page.is_file() else b"<!doctype html><title>Not found</title>"
        return Response(body, status=404, mimetype="text/html")

    @app.route("/", defaults={"path": ""}, methods=["GET", "HEAD"])
    @app.route("/<path:path>", methods=["GET", "HEAD"])
    def static_page(path: str) -> BaseResponse:  # a redirect is a plain werkzeug response
        if any(part.startswith(".") for part in path.split("/")):
            return not_found()
        target = safe_join(str(root), path) if path else str(root)
        if target is None:
            return not_found()
        candidate = Path(target)
        try:  # a name longer than the file system allows raises instead of answering False
            if candidate.is_dir():
                if path and not path.endswith("/"):
                    query = request.query_string.decode("latin-1")
                    location = "/" + path.lstrip("/") + "/" + (f"?{query}" if query else "")
                    return redirect(location, code=308)
                candidate = candidate / "index.html"
            real = _servable(root, candidate)
        except OSError:
            return not_found()
        if real is None:
            return not_found()
        return send_file(real, conditional=True, max_age=0)


def _servable(root: Path, candidate: Path) -> Path | None:
    """The file's real path, when it is a regular file inside `root` and not hidden."""
    real = Path(os.path.realpath(candidate))
    if real == root or root not in real.parents:
        return None
    if any(part.startswith(".") for part in real.relative_to(root).parts):
        return None
    return real if stat.S_ISREG(real.stat().st_mode) else None


def _header_rules(root: Path) -> list:
    """The rules of the site's `_headers`; without one, the pages go out without them."""
    path = root / NETLIFY_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        log.warning("%s: no such file; serving without the security headers the build "
                    "writes there (CSP, nosniff...)", path)  # fmt: skip
        return []
    except (OSError, UnicodeDecodeError) as error:
        log.warning("%s: cannot be read (%s); serving without its headers", path, error)
        return []
    return read_netlify(text)
