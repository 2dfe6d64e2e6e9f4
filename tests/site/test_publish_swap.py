"""Publishing trades output/ and the staging folder in one step: no moment without a site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from strict_build.staging import publish

# Another process looks for output/index.html as fast as it can until told to stop, and
# prints how often it found none: what a web server or an upload would have met.
WATCHER = """
import os, sys
site, stop, misses = sys.argv[1], sys.argv[2], 0
print("ready", flush=True)
while not os.path.exists(stop):
    for _ in range(200):
        if not os.path.isfile(site):
            misses += 1
print(misses)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_a_watcher_never_finds_the_site_missing_while_builds_publish(tmp_path: Path) -> None:
    output, staging = tmp_path / "output", tmp_path / ".output.staging"
    for folder, build in ((output, "1"), (staging, "2")):
        folder.mkdir()
        (folder / "index.html").write_text(build)
    stop = tmp_path / "stop"
    watcher = subprocess.Popen(
        [sys.executable, "-c", WATCHER, str(output / "index.html"), str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert watcher.stdout is not None and watcher.stdout.readline() == "ready\n"
    for _ in range(3001):
        publish(staging, output)
    stop.touch()
    misses = int(watcher.communicate(timeout=60)[0])
    assert misses == 0
    # Each publish traded the two builds: after an odd number of them the second is live.
    assert (output / "index.html").read_text() == "2"
    assert (staging / "index.html").read_text() == "1"
