"""Serve the built site from the inbox process (development, or one small server).

It answers as the generated server configs do, from the same published files (deploy.host_rules):
every response carries the site's `_headers` (the guard's CSP, nosniff, frame-ancestors...), every
old address in `_redirects` is a 301 (with ?p=ID forms), a browser that accepts Brotli or gzip
gets the build's `.br`/`.gz` copy, and everything but hashed theme files is revalidated.
Directory URLs serve their index.html, misses get the site's 404.html with status 404, and no
directory is ever listed. Only regular files are served, and only where their real path
(symbolic links followed) is inside the site and has no dot-name but /.well-known/: a link in
the folder must not hand out /etc/passwd, the inbox bundle or the database.
"""

from __future__ import annotations

import contextlib
import logging
import mimetypes
import os
import stat
from pathlib import Path

from deploy.host_rules import HEADERS_FILE, HostRules
from deploy.site import REVALIDATE
from flask import Flask, Response, redirect, request, send_file
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

# The build's compressed copies, best first, by the Accept-Encoding token that asks for them.
COPIES = (("br", ".br"), ("gzip", ".gz"))


def not_found_page(root: Path, path: str) -> Path:
    """The site's 404 page for `path`: under a language's home (/en/...), that language's own
    404 page when the site has one (a site of several languages); else the root's."""
    home = path.strip("/").split("/")[0]
    if home and not home.startswith(".") and len(home) <= 35:  # a BCP 47 tag is no longer
        own = root / home / "404.html"
        with contextlib.suppress(OSError):
            if own.is_file():
                return own
    return root / "404.html"


def add_static_site(app: Flask, root: Path, rules: HostRules | None = None) -> None:
    root = Path(root).resolve()
    rules = rules or HostRules()
    if not (root / HEADERS_FILE).is_file():
        log.warning("%s: no such file; serving without the security headers the build "
                    "writes there (CSP, nosniff...)", root / HEADERS_FILE)  # fmt: skip

    def not_found() -> Response:
        page = not_found_page(root, request.path)
        body = page.read_bytes() if page.is_file() else b"<!doctype html><title>Not found</title>"
        return Response(body, status=404, mimetype="text/html")

    @app.after_request
    def site_headers(response: Response) -> Response:
        """The site's own headers (the guard's security headers...) on every answer."""
        for name, value in rules.headers_for(request.path).items():
            response.headers[name] = value
        return response

    @app.route("/", defaults={"path": ""}, methods=["GET", "HEAD"])
    @app.route("/<path:path>", methods=["GET", "HEAD"])
    def static_page(path: str) -> BaseResponse:  # a redirect is a plain werkzeug response
        moved = rules.redirect_for("/" + path, request.args.to_dict(flat=False))
        if moved is not None:
            return redirect(moved.target, code=moved.status)
        if _hidden(path):
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
        return _send(real)


def _servable(root: Path, candidate: Path) -> Path | None:
    """The file's real path, when it is a regular file inside `root` and not hidden."""
    real = Path(os.path.realpath(candidate))
    if real == root or root not in real.parents:
        return None
    if _hidden("/".join(real.relative_to(root).parts)):
        return None
    return real if stat.S_ISREG(real.stat().st_mode) else None


def _hidden(path: str) -> bool:
    """A dot-name anywhere, except /.well-known/ itself (RFC 8615: ACME tokens, security.txt)."""
    parts = path.split("/")
    if parts[0] == ".well-known":
        parts = parts[1:]
    return any(part.startswith(".") for part in parts)


def _send(file: Path) -> Response:
    """The file, or the compressed copy the browser accepts, with what caches must know."""
    mimetype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    accepted = {token.split(";")[0].strip().lower()
                for token in request.headers.get("Accept-Encoding", "").split(",")}  # fmt: skip
    copies = [(name, file.with_name(file.name + suffix)) for name, suffix in COPIES]
    if not any(copy.is_file() for _, copy in copies):
        response = send_file(file, mimetype=mimetype, conditional=True)
    else:
        encoding, chosen = next(((n, c) for n, c in copies if n in accepted and c.is_file()),
                                (None, file))  # fmt: skip
        response = send_file(chosen, mimetype=mimetype, conditional=True)
        if encoding:
            response.headers["Content-Encoding"] = encoding
        response.vary.add("Accept-Encoding")
    response.headers["Cache-Control"] = REVALIDATE  # `_headers` says which files may be kept
    return response
