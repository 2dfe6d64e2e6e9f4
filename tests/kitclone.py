"""A fresh clone of the kit in a temporary folder, and make init run in it."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import yaml
from sitebuild import EXAMPLE_SITE, KIT_SETTINGS, KIT_VALUES, ROOT
from warmpython import run_module

ANSWERS = ROOT / "tests" / "site_init" / "answers" / "bakery.yml"


def init(project: Path, *arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run make init's command in `project`, as the Makefile does: forked from the warm
    interpreter (tests/warmpython.py), or, given `stdin` to read, in a new one."""
    arguments = ("--content", "content", "--settings", "pelicanconf.py", *arguments)
    if stdin is None:
        return run_module("site_init.cli", list(arguments), cwd=project, timeout=120)
    return subprocess.run(
        [sys.executable, "-m", "site_init.cli", *arguments],
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


def terminal_answers(answers_file: Path) -> list[str]:
    """An answers file's answers in the order make init asks, as an owner would type them."""
    from site_init.answers import QUESTIONS

    given = yaml.load(answers_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return [str(given.get(q.key, "")) for q in QUESTIONS]


def init_on_a_terminal(project: Path, answers: list[str]) -> tuple[int, str]:
    """make init's command on a pseudo-terminal, typed `answers` one per line: its exit status
    and everything it showed."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: make init's command on the terminal
        os.chdir(project)
        os.execv(sys.executable, [sys.executable, "-m", "site_init.cli"])
    for answer in answers:
        os.write(fd, (answer + "\n").encode())
    output = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 60)
        if not ready:  # asked something it was not answered: never wait forever
            os.kill(pid, signal.SIGKILL)
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


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
