"""tests/warmpython.py's run_module behaves as subprocess.run does, warm or not: a command that
outlives its timeout is killed and raises TimeoutExpired with what it printed (a warm fork used to
return status -9, which a test would read as the command's own failure)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import warmpython
from warmpython import run_module

SLEEPER = """import sys, time
print("started", flush=True)
print("on stderr", file=sys.stderr, flush=True)
time.sleep(float(sys.argv[1]))
print("finished")
"""


def _env(warm: bool) -> dict[str, str]:
    """This process's environment; not warm: with a time zone the warm interpreter did not start
    with, which Python reads at start-up only, so the command gets a fresh interpreter."""
    env = dict(os.environ)
    if not warm:
        env["TZ"] = "Pacific/Auckland" if env.get("TZ") != "Pacific/Auckland" else "UTC"
    assert warmpython._parent().can_run(env) is warm
    return env


@pytest.mark.parametrize("warm", [True, False], ids=["forked", "fresh interpreter"])
def test_a_command_past_its_timeout_raises_timeout_expired(tmp_path: Path, warm: bool) -> None:
    (tmp_path / "sleeper.py").write_text(SLEEPER, encoding="utf-8")
    with pytest.raises(subprocess.TimeoutExpired) as raised:
        run_module("sleeper", ["60"], cwd=tmp_path, env=_env(warm), timeout=1.5)
    expired = raised.value
    assert expired.cmd == [sys.executable, "-m", "sleeper", "60"]
    assert expired.timeout == 1.5
    assert expired.output == b"started\n"  # bytes, as subprocess.run gives them
    assert expired.stderr == b"on stderr\n"


@pytest.mark.parametrize("warm", [True, False], ids=["forked", "fresh interpreter"])
def test_a_command_within_its_timeout_gives_its_status_and_output(
    tmp_path: Path, warm: bool
) -> None:
    (tmp_path / "sleeper.py").write_text(SLEEPER, encoding="utf-8")
    done = run_module("sleeper", ["0"], cwd=tmp_path, env=_env(warm), timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "started\nfinished\n", "on stderr\n")
