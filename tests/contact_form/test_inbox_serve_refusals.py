"""`contact-inbox serve` with options it cannot honour stops with one line, before serving."""

from __future__ import annotations

import pytest
from inbox_harness import cli


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (("--host", "no-such-host.invalid"), "--host"),
        (("--host", "999.1.1.1"), "--host"),
        (("--port", "70000"), "--port"),  # was served on 70000 - 65536 = 4464
        (("--port", "-1"), "--port"),
        (("--threads", "0"), "--threads"),  # was served, and every request waited forever
        # Both were accepted and silently never matched: posts from that site got 403.
        (("--allow-origin", "shop.example.com"), "--allow-origin"),
        (("--trusted-proxy", "the proxy"), "--trusted-proxy"),
    ],
)
def test_options_serve_cannot_honour_stop_it_in_one_line(tmp_path, bundle, options, words):
    db = tmp_path / "inbox.sqlite3"
    result = cli("serve", "--port", "0", "--db", str(db), "--bundle", str(bundle), *options)

    assert result.returncode == 2, result.stdout + result.stderr
    assert "serving" not in result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
