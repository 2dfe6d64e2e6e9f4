"""Serve the built site from the inbox process (development, or one small server).

Directory URLs serve their index.html, misses get the site's 404.html with status 404,
nothing hidden (dot-paths, such as the inbox bundle) and nothing outside the root is served,
and no directory is ever listed.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from flask import Flask, Response, redirect, request, send_file
from werkzeug import Response as BaseResponse
from werkzeug.security import safe_join

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
            if not candidate.is_file():
                return not_found()
        except OSError:
            return not_found()
        return send_file(candidate, conditional=True, max_age=0)
