"""make regenerate rebuilds through the same staging as make html: output/ only ever holds a
clean build, so a page that fails the privacy guard never reaches it (nor make serve)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
from pathlib import Path

from sitebuild import ROOT, build_command, copy_content, write_article

TRACKER = '<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>'


def wait_for(process: subprocess.Popen, wanted: str, seconds: float = 120) -> list[str]:
    """Lines the process printed until one holds `wanted` (it fails when none does in time)."""
    lines: list[str] = []
    assert process.stdout is not None
    while True:
        ready, _, _ = select.select([process.stdout], [], [], seconds)
        assert ready, f"no {wanted!r} within {seconds} s; printed:\n" + "".join(lines)
        line = process.stdout.readline()
        assert line, "the process ended; printed:\n" + "".join(lines)
        lines.append(line)
        if wanted in line:
            return lines


def test_a_page_that_fails_the_guard_never_reaches_output(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    output = tmp_path / "output"
    command = [*build_command(tmp_path, content, output), "-r"]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    try:
        wait_for(process, "Waiting for changes")
        assert (output / "index.html").is_file()
        write_article(
            content, "2024/tracked.md", f"Title: Tracked\nDate: 2024-01-02\n\n{TRACKER}\n"
        )
        lines = wait_for(process, "error: build failed")
        assert any("www.googletagmanager.com" in line for line in lines)
        wait_for(process, "Waiting for changes")
        assert not (output / "2024" / "01" / "tracked").exists()
        assert not list(output.rglob("*tracked*"))
        (content / "articles" / "2024" / "tracked.md").write_text(
            "Title: Tracked\nDate: 2024-01-02\n\nNo tracker now.\n", encoding="utf-8"
        )
        wait_for(process, "Published the build to")
        assert (output / "2024" / "01" / "tracked" / "index.html").is_file()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
