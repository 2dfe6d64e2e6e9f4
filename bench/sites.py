"""The two builds being compared, as the commands that run them.

A is plain Pelican with its bundled theme and no plugins (settings: bench/plainconf.py). B is the
full site exactly as `make html` builds it: strict-build with pelicanconf.py, so every plugin that
pelicanconf.py lists at the time of the run, our theme, and the strict, staged publishing.
Both read the same content folder; each has its own output and cache folders.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAIN_SETTINGS = ROOT / "bench" / "plainconf.py"
SIMPLE_THEME = Path(__import__("pelican").__file__).parent / "themes" / "simple" / "templates"


@dataclass(frozen=True)
class Site:
    """One side of the comparison and the folders it builds into."""

    key: str
    label: str
    workdir: Path
    content: Path
    extra: tuple[str, ...] = ()

    @property
    def output(self) -> Path:
        return self.workdir / "output"

    @property
    def cache(self) -> Path:
        return self.workdir / "cache"

    def command(self) -> list[str]:
        if self.key == "plain":
            head = [sys.executable, "-m", "pelican", "--fatal", "errors", "-s", str(PLAIN_SETTINGS)]
        else:
            head = [sys.executable, "-m", "strict_build.cli", "-s", str(ROOT / "pelicanconf.py")]
        paths = [str(self.content), "-o", str(self.output), "--cache-path", str(self.cache)]
        return [*head, *paths, *self.extra]

    def forget(self) -> None:
        """Back to a fresh clone: no output, no cache (and no staging folder left over)."""
        for folder in self.workdir.iterdir():
            shutil.rmtree(folder) if folder.is_dir() else folder.unlink()


def plain_site(workdir: Path, content: Path) -> Site:
    overrides = plain_template_overrides(content, workdir.parent / "plain-templates")
    extra = ("-e", f"THEME_TEMPLATES_OVERRIDES={json.dumps([str(overrides)])}")
    workdir.mkdir(parents=True, exist_ok=True)
    return Site("plain", "plain Pelican", workdir, content, extra)


def full_site(workdir: Path, content: Path) -> Site:
    workdir.mkdir(parents=True, exist_ok=True)
    return Site("site", "this site", workdir, content)


def plain_template_overrides(content: Path, folder: Path) -> Path:
    """Stand-ins for the templates our pages name (``Template: contact``) that "simple" lacks.

    Each renders as a plain page, so the baseline builds the same pages instead of failing.
    """
    folder.mkdir(parents=True, exist_ok=True)
    pattern = re.compile(r"^Template:\s*(\S+)\s*$", re.IGNORECASE | re.MULTILINE)
    for source in (content / "pages").rglob("*.md"):
        for name in pattern.findall(source.read_text(encoding="utf-8")):
            if not (SIMPLE_THEME / f"{name}.html").exists():
                (folder / f"{name}.html").write_text('{% extends "page.html" %}\n', "utf-8")
    return folder
