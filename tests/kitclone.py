"""A fresh clone of the kit in a temporary folder, and make init run in it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import EXAMPLE_SITE, KIT_SETTINGS, KIT_VALUES, ROOT

ANSWERS = ROOT / "tests" / "site_init" / "answers" / "bakery.yml"


def init(project: Path, *arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run make init's command in `project`, as the Makefile does."""
    command = [sys.executable, "-m", "site_init.cli", "--content", "content"]
    return subprocess.run(
        [*command, "--settings", "pelicanconf.py", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def dry_run_on_a_fresh_clone(folder: Path, target: str) -> list[str]:
    """The commands `make TARGET` would run in a clone with no .venv yet (`make -n` runs none)."""
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, folder / name)
    dry_run = subprocess.run(["make", "-n", target], cwd=folder, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    return dry_run.stdout.splitlines()


def write_own_posts(project: Path) -> None:
    """What make init's checklist asks by hand: the owner's own About page and posts in place
    of the kit's examples (make publish refuses them unchanged)."""
    content = project / "content"
    (content / "pages" / "about.md").write_text(
        "Title: About\nSlug: about\n\nA bakery by the harbour.\n", encoding="utf-8"
    )
    for post in (content / "articles").rglob("*.md"):
        post.write_text(
            "Title: Our first loaf\nDate: 2026-01-10 08:00\n\nIt rose.\n", encoding="utf-8"
        )


def fresh_clone(folder: Path) -> Path:
    """The kit as cloned: its example content (without a release), settings, theme, plugins."""
    shutil.copytree(EXAMPLE_SITE, folder / "content")
    shutil.rmtree(folder / "content" / "policy-versions")
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, folder / name)
    # The kit's own time zone and tagline lines, whatever the owner made of this checkout's.
    settings = folder / "pelicanconf.py"
    text = settings.read_text(encoding="utf-8")
    for line in KIT_SETTINGS.read_text(encoding="utf-8").splitlines():
        name = line.split("=")[0].strip()
        if name in KIT_VALUES:
            text = re.sub(rf"^{name}\s*=.*$", line.replace("\\", "\\\\"), text, count=1, flags=re.M)
    settings.write_text(text, encoding="utf-8")
    for name in ("theme", "plugins"):
        (folder / name).symlink_to(ROOT / name)
    return folder
