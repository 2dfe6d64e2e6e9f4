"""The documented production entry point: waitress-serve --call contact_form.wsgi:create_app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from contact_form.wsgi import create_app
from inbox_harness import ROOT, SITE_ORIGIN, VALID, free_port, make_bundle, stored, wait_for

PROXY_SETUPS = {
    # waitress believes the proxy itself and hands the client's address on
    "waitress trusted proxy": (
        ["--trusted-proxy=127.0.0.1", "--trusted-proxy-headers=x-forwarded-for"],
        {},
    ),
    # a server that passes the header through (as gunicorn does): the application believes it
    "application proxy fix": (
        ["--no-clear-untrusted-proxy-headers"],
        {"CONTACT_INBOX_PROXIES": "1"},
    ),
}


@pytest.mark.parametrize("setup", PROXY_SETUPS, ids=list(PROXY_SETUPS))
def test_production_entry_point_rate_limits_each_client_behind_a_proxy(tmp_path, setup):
    options, extra_env = PROXY_SETUPS[setup]
    bundle = make_bundle(tmp_path / "bundle", rate_limit="5 per 10 minutes")
    db = tmp_path / "var" / "inbox.sqlite3"
    port = free_port()
    env = {
        **os.environ,
        "CONTACT_INBOX_BUNDLE": str(bundle),
        "CONTACT_INBOX_DB": str(db),
        **extra_env,
    }
    waitress = Path(sys.executable).with_name("waitress-serve")
    server = subprocess.Popen(
        [str(waitress), "--host=127.0.0.1", f"--port={port}", *options,
         "--call", "contact_form.wsgi:create_app"],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    import http.client
    from urllib.parse import urlencode

    def post(forwarded_for: str) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request(
            "POST", "/contact/send", body=urlencode(VALID),
            headers={"Content-Type": "application/x-www-form-urlencoded",
                     "Origin": SITE_ORIGIN, "X-Forwarded-For": forwarded_for},
        )  # fmt: skip
        status = connection.getresponse().status
        connection.close()
        return status

    def up() -> bool:
        try:
            return post("198.51.100.1") == 303
        except OSError:
            return False

    try:
        wait_for(up, what="waitress to serve the inbox")
        # The rate limit counts each forwarded client apart.
        first = [post("198.51.100.7") for _ in range(6)]
        other = post("198.51.100.8")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)

    assert first == [303] * 5 + [429]
    assert other == 303
    assert len(stored(db)) == 1 + 5 + 1
    assert "198.51.100" not in output


def exit_line(env: dict[str, str]) -> str:
    """What create_app() ends the process with: the one line Python prints for SystemExit("...")
    (any other exception would print a traceback instead)."""
    with pytest.raises(SystemExit) as stop:
        create_app(env)
    assert isinstance(stop.value.code, str), stop.value.code  # printed as it is, status 1
    return stop.value.code


def test_production_entry_point_without_bundle_exits_with_one_line(tmp_path):
    line = exit_line({**os.environ, "CONTACT_INBOX_BUNDLE": str(tmp_path / "none"),
                      "CONTACT_INBOX_DB": str(tmp_path / "i.sqlite3")})  # fmt: skip

    assert line.startswith("contact-inbox:") and "manifest.json" in line
    assert "\n" not in line


@pytest.mark.parametrize(
    ("name", "value"),
    [("CONTACT_INBOX_ALLOW_ORIGINS", "shop.example.com"), ("CONTACT_INBOX_PROXIES", "-1")],
)
def test_production_entry_point_with_a_bad_variable_exits_with_one_line(
    tmp_path, bundle, name, value
):
    line = exit_line({**os.environ, "CONTACT_INBOX_BUNDLE": str(bundle),
                      "CONTACT_INBOX_DB": str(tmp_path / "i.sqlite3"), name: value})  # fmt: skip

    assert line.startswith(f"contact-inbox: {name}"), line
    assert "\n" not in line


def test_importing_the_entry_point_reads_nothing_and_starts_nothing(tmp_path):
    """Only create_app() reads the environment; a bare import neither exits nor starts a thread."""
    env = {**os.environ, "CONTACT_INBOX_BUNDLE": str(tmp_path / "none")}
    probe = "import threading, contact_form.wsgi; print(threading.active_count())"
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60, cwd=ROOT
    )

    assert (result.returncode, result.stdout, result.stderr) == (0, "1\n", "")
