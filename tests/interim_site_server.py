"""Stand-in for `contact-inbox serve --site` until the contact inbox lands on main.

It takes the same arguments (`serve --site DIR --host H --port N --db PATH`) and prints the same
"serving http://..." line, so the browser tests switch to the real inbox by changing one line in
`siteserver.py`. Like the inbox it answers misses with the site's 404.html (status 404), never lists
a folder and never serves dot-paths. It has no inbox: `--db` is accepted and ignored.
"""

from __future__ import annotations

import argparse
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class SiteHandler(SimpleHTTPRequestHandler):
    """Python's file handler, answering the way the site's real server does."""

    def send_head(self):  # type: ignore[no-untyped-def]
        if any(part.startswith(".") for part in self.path.split("?")[0].split("/")):
            self.send_error(404)
            return None
        return super().send_head()

    def list_directory(self, path):  # type: ignore[no-untyped-def]
        self.send_error(404)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def main() -> int:
    parser = argparse.ArgumentParser(prog="interim-site-server")
    parser.add_argument("command", choices=["serve"])
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--db", type=Path, help="ignored: this stand-in has no inbox")
    args = parser.parse_args()
    handler = functools.partial(SiteHandler, directory=str(args.site.resolve()))
    server = ThreadingHTTPServer((args.host, args.port), handler)
    server.daemon_threads = True
    host, port = server.server_address[:2]
    print(f"interim-site-server: serving http://{host}:{port}/ site {args.site}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
