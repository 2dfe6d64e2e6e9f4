"""Benchmark the contact inbox: sustained submissions per second and latency percentiles.

Runs the documented production setup, ``waitress-serve --call contact_form.wsgi:create_app``, on
127.0.0.1 with a fresh database, and posts valid messages from 1, 4 and 8 client threads
(keep-alive connections) for a fixed time each. Every submission is a full SQLite commit with
synchronous=FULL, so the disk's fsync rate bounds the result. The clients run on the same
machine and share its cores with the server.

    python bench/inbox_bench.py [--seconds 5] [--clients 1,4,8]
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from contact_form.bundle import FORM_SLOT, REASON_SLOT, Manifest, write_bundle
from contact_form.fields import DEFAULT_FIELDS

ROOT = Path(__file__).resolve().parent.parent
ORIGIN = "https://example-shop.test"  # site.url of content/privacy.yml
MAX_REQUESTS_PER_RUN = 200_000  # a hard bound, whatever the machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(workdir: Path) -> Path:
    bundle = workdir / "output" / ".contact-inbox"
    shell = f"<!DOCTYPE html><title>Not sent</title><main>{REASON_SLOT}{FORM_SLOT}</main>"
    write_bundle(
        bundle,
        Manifest(fields=DEFAULT_FIELDS, rate_limit="100000000 per minute"),
        ROOT / "content" / "privacy.yml",
        (ROOT / "theme" / "templates" / "contact_form.html").read_text(encoding="utf-8"),
        shell,
    )
    return bundle


def start_server(bundle: Path, db: Path, port: int, threads: int) -> subprocess.Popen:
    waitress = Path(sys.executable).with_name("waitress-serve")
    env = {**os.environ, "CONTACT_INBOX_BUNDLE": str(bundle), "CONTACT_INBOX_DB": str(db)}
    process = subprocess.Popen(
        [str(waitress), "--host=127.0.0.1", f"--port={port}", f"--threads={threads}",
         "--call", "contact_form.wsgi:create_app"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("the inbox did not start")


def client(port: int, stop_at: float, latencies: list[float], failures: list[int], tag: str):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": ORIGIN}
    number = 0
    while time.monotonic() < stop_at and len(latencies) < MAX_REQUESTS_PER_RUN:
        body = urlencode({
            "name": "Bench Mark", "email": "bench@example.com", "subject": f"{tag}-{number}",
            "message": "A realistic message of a few lines.\r\n" * 8, "website": "",
        })  # fmt: skip
        started = time.perf_counter()
        connection.request("POST", "/contact/send", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        if response.status != 303:
            failures.append(response.status)
        number += 1
    connection.close()


def run(port: int, clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    failures: list[int] = []
    stop_at = time.monotonic() + seconds
    started = time.perf_counter()
    threads = [
        threading.Thread(
            target=client, args=(port, stop_at, latencies, failures, f"c{clients}t{i}")
        )
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "clients": clients,
        "requests": len(ordered),
        "per_second": len(ordered) / elapsed,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        "max_ms": ordered[-1] * 1000,
        "failures": len(failures),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", default="1,4,8")
    parser.add_argument("--server-threads", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="inbox-bench-") as tmp:
        workdir = Path(tmp)
        db = workdir / "data" / "inbox.sqlite3"
        port = free_port()
        server = start_server(prepare(workdir), db, port, args.server_threads)
        try:
            results = [run(port, int(n), args.seconds) for n in args.clients.split(",")]
        finally:
            server.terminate()
            server.wait(timeout=20)
        with sqlite3.connect(db) as connection:
            stored = connection.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
    sent = sum(r["requests"] - r["failures"] for r in results)
    print(f"contact inbox under waitress ({args.server_threads} threads), 127.0.0.1, "
          f"{os.cpu_count()} cores, {args.seconds:g} s per row")  # fmt: skip
    print(f"{'clients':>7} {'requests':>9} {'msg/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8} {'failed':>6}")  # fmt: skip
    for r in results:
        print(f"{r['clients']:>7} {r['requests']:>9} {r['per_second']:>8.0f} {r['p50_ms']:>8.1f} "
              f"{r['p99_ms']:>8.1f} {r['max_ms']:>8.1f} {r['failures']:>6}")  # fmt: skip
    print(f"stored {stored} of {sent} accepted submissions")
    return 0 if stored == sent else 1


if __name__ == "__main__":
    sys.exit(main())
