"""A local HTTP server standing in for the providers fetch-media asks (no network in tests).

fetch-media's --via sends https://<host>/<path> to http://127.0.0.1:<port>/<host>/<path>; this
server answers from a table of such paths and remembers every request with its User-Agent.
"""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from PIL import Image


def jpeg(width: int, height: int, colour: tuple[int, int, int] = (200, 120, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG")
    return out.getvalue()


def png(width: int, height: int, colour: tuple[int, int, int] = (170, 211, 223)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def oembed(title: str, thumbnail: str | None, **more: str) -> tuple[str, bytes]:
    data = {"type": "video", "version": "1.0", "title": title, **more}
    if thumbnail:
        data["thumbnail_url"] = thumbnail
    return "application/json", json.dumps(data).encode()


@dataclass
class StandIn:
    """Answers: path (with the host first, no query) -> (content type, body)."""

    routes: dict[str, tuple[str, bytes]]
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path?query, user agent)
    url: str = ""

    def add_tiles(self) -> None:
        """Any OpenStreetMap tile: a plain 256-pixel PNG."""
        self.routes["tile.openstreetmap.org/*"] = ("image/png", png(256, 256))

    def answer(self, path: str) -> tuple[str, bytes] | None:
        if path in self.routes:
            return self.routes[path]
        for pattern, answer in self.routes.items():
            if pattern.endswith("/*") and path.startswith(pattern[:-1]):
                return answer
        return None


@contextmanager
def running(stand_in: StandIn) -> Iterator[StandIn]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            stand_in.requests.append((self.path, self.headers.get("User-Agent", "")))
            found = stand_in.answer(urlsplit(self.path).path.lstrip("/"))
            if found is None:
                self.send_error(404)
                return
            kind, body = found
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stand_in.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield stand_in
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
