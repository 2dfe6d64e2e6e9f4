"""An import takes time in proportion to the export, and Ctrl-C stops it at any point with
nothing written."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sitebuild import ROOT
from warmpython import run_module
from wxrtools import (
    FIXTURE,
    large_export,
    minimal_wxr,
    post,
    run_import,
    run_import_process,
    snapshot,
)


def test_the_exports_own_comments_do_not_hang_the_import(tmp_path: Path) -> None:
    """The smallest export that hung: WordPress's generator comment before <rss>, then a post of
    30 blocks, each in a comment pair. The DOCTYPE check backtracked over every pair of comments
    (past 120 s on this 2.7 KB file); now it reads past each comment once."""
    blocks = "".join(f"<!-- wp:paragraph --><p>{n}</p><!-- /wp:paragraph -->" for n in range(30))
    generator = '<!-- generator="WordPress/6.4.2" created="2024-01-01 00:00" -->\n<rss'
    export = tmp_path / "export.xml"
    export.write_text(minimal_wxr(post(1, content=blocks)).replace("<rss", generator, 1))
    started = time.monotonic()
    result = run_import_process(export, cwd=tmp_path)  # times out (a failure) after 120 s
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 30
    assert "29" in (tmp_path / "content/articles/post-1.md").read_text(encoding="utf-8")


# Imports the exports named on its command line in one process and prints the processor
# seconds each took, leaving out what only the first import pays for (imports, compiled patterns).
_TIMER = """
import sys, time
from pathlib import Path
from wordpress_import.plan import plan_import
from wordpress_import.report import render_report
from wordpress_import.wxr import read_export
for name in sys.argv[1:]:
    started = time.process_time()
    render_report(plan_import(read_export(Path(name))), "content")
    print(time.process_time() - started)
"""


def test_import_time_grows_in_proportion_to_the_export(tmp_path: Path) -> None:
    """Four times the export takes about four times the work, never sixteen, and a 700 KB
    export takes seconds: measured on an export built to repeat everything that used to be
    quadratic or worse (long block-editor and classic posts, shortcodes left open, a slug shared
    by many posts, galleries of many uploads)."""
    exports = {"tiny": 5, "small": 200, "large": 800}
    for name, blocks in exports.items():
        (tmp_path / f"{name}.xml").write_text(large_export(blocks), encoding="utf-8")
    assert (tmp_path / "large.xml").stat().st_size > 650_000
    command = [sys.executable, "-c", _TIMER, *(str(tmp_path / f"{n}.xml") for n in exports)]
    timed = subprocess.run(command, capture_output=True, text=True, timeout=300)  # the bound
    assert timed.returncode == 0, timed.stderr
    _, small, large = map(float, timed.stdout.split())
    assert large < 60, f"the 700 KB export took {large:.0f} s of processor time"
    assert large / small < 5.5, f"4x the export took {large / small:.1f}x the time"


def interrupted(folder: Path, what: str, nth: int, stop_with: str) -> subprocess.CompletedProcess:
    """wp-import on the fixture, run in `folder` and stopped by `stop_with` at `what` number
    `nth` (tests/wordpress_import/interrupter.py), forked from the warm interpreter."""
    arguments = [str(folder), what, str(nth), stop_with, str(FIXTURE)]
    return run_module("tests.wordpress_import.interrupter", arguments, cwd=ROOT, timeout=120)


def _files_written(site: Path) -> int:
    """How many files a clean import of the fixture writes: the renames to interrupt."""
    done = run_import(FIXTURE, "--content", site / "content", cwd=site)
    assert done.returncode == 0, done.stderr
    return len(snapshot(site / "content")) + 1  # and the report


@pytest.fixture(scope="module")
def renames(tmp_path_factory: pytest.TempPathFactory) -> int:
    return _files_written(tmp_path_factory.mktemp("clean-import"))


@pytest.mark.parametrize(
    ("what", "nth"),
    [("read", 1), ("convert", 5), ("write", 9)] + [("rename", n) for n in (1, 10, -1)],
)
def test_ctrl_c_at_any_point_writes_nothing(
    tmp_path: Path, renames: int, what: str, nth: int
) -> None:
    content = tmp_path / "content" / "articles"
    content.mkdir(parents=True)
    (content / "mine.md").write_text("Title: Mine\nDate: 2020-01-01\n\nMy own post.\n")
    before = snapshot(tmp_path)
    nth = renames if nth == -1 else nth  # -1: the very last file moved into place
    result = interrupted(tmp_path, what, nth, "SIGINT")
    assert (result.returncode, result.stderr) == (
        130,
        "wp-import: interrupted; nothing was written\n",
    ), f"not stopped at {what} {nth}: {result.stdout[-300:]}"
    assert snapshot(tmp_path) == before, f"{what} {nth} left files behind"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_a_kill_while_moving_files_into_place_writes_nothing(tmp_path: Path) -> None:
    """SIGTERM (a kill, a shutdown) ends the program at once; while files move into place it
    waits until they are all put back."""
    (tmp_path / "content").mkdir()
    result = interrupted(tmp_path, "rename", 3, "SIGTERM")
    assert result.returncode == -signal.SIGTERM
    assert snapshot(tmp_path) == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]
