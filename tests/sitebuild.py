"""Build real sites into temporary folders with the real build command, as `make html` does."""

from __future__ import annotations

import fcntl
import functools
import json
import os
import runpy
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from warmpython import run_module

ROOT = Path(__file__).resolve().parent.parent
# The kit's tests build fixture sites of their own, never the owner's content/ (see tests/sites/).
SITES = ROOT / "tests" / "sites"
EXAMPLE_SITE = SITES / "example-shop"  # the example shop, with a release of its declaration
OTHER_SITE = SITES / "bakery"  # another business: a UK bakery, nothing of the example in it
# The settings an owner makes their own (time zone, tagline), as the kit ships them.
KIT_SETTINGS = SITES / "kit-settings.py"
KIT_VALUES = {
    name: value for name, value in runpy.run_path(str(KIT_SETTINGS)).items() if name.isupper()
}
CONTENT = EXAMPLE_SITE
NOBODY = 65534
# The folder of the caches every build of a test session shares (conftest.py): compiled
# templates in templates/.
SESSION_CACHE_VARIABLE = "DISCREET_TEST_SESSION_CACHE"


def as_nobody() -> tuple[str, ...]:
    """The prefix that makes a command meet file permissions: root reads and writes whatever
    they say, so as root the command runs as user nobody (through setpriv); otherwise none.

    Skips the test, saying why, where nobody cannot run this project's Python (a checkout or
    an interpreter under /root, say)."""
    if os.geteuid() != 0:
        return ()
    return _setpriv_for_nobody()


@functools.cache  # the probe starts an interpreter: once per session is enough
def _setpriv_for_nobody() -> tuple[str, ...]:
    setpriv = shutil.which("setpriv")  # util-linux, on every Debian
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    prefix = (setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups")
    probe = [*prefix, sys.executable, "-c", "import strict_build, privacy_guard"]
    if subprocess.run(probe, cwd=ROOT, capture_output=True).returncode != 0:
        pytest.skip(f"user nobody cannot run {sys.executable} on {ROOT}: permissions untestable")
    return prefix


@dataclass(frozen=True)
class Build:
    """What one build did: its exit status, what it printed, and where the site is."""

    returncode: int
    stdout: str
    stderr: str
    content: Path
    output: Path

    @property
    def log(self) -> str:
        return self.stdout + self.stderr

    def page(self, url_path: str) -> BeautifulSoup:
        """Parse the page served at ``url_path`` (e.g. "/2012/06/")."""
        return parse_html(self.file_for(url_path))

    def file_for(self, url_path: str) -> Path:
        relative = url_path.lstrip("/")
        target = self.output / relative
        if not relative or relative.endswith("/"):
            target = target / "index.html"
        return target

    def html_files(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))


def parse_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def copy_content(destination: Path, site: Path = EXAMPLE_SITE) -> Path:
    """A private copy of a fixture site's content (the example shop unless `site` says) that a
    test may change freely."""
    shutil.copytree(site, destination)
    return destination


def run_build(
    workdir: Path,
    *,
    settings: str = "pelicanconf.py",
    content: Path | None = None,
    overrides: dict[str, object] | None = None,
    env: dict[str, str] | None = None,
    output: Path | None = None,
    arguments: tuple[str, ...] = (),
    as_user: tuple[str, ...] = (),
) -> Build:
    """Run ``strict-build`` (Pelican plus our strictness) exactly as `make html` does;
    `as_user` (as_nobody()'s prefix, empty unless root) runs it as user nobody."""
    content = content if content is not None else copy_content(workdir / "content")
    output = output if output is not None else workdir / "output"
    if as_user:  # the session's caches are root's; another user keeps their own
        overrides = {"FAST_BUILD_TEMPLATE_CACHE": None, "PICTURES_CACHE": None, **(overrides or {})}
    command = build_command(workdir, content, output, settings, overrides, arguments)
    process_env = {**os.environ, **(env or {})}
    # A fresh process forked from a warm interpreter (tests/warmpython.py), which drops to the
    # user of `as_user` (as_nobody's setpriv) itself.
    module, *module_arguments = command[2:]
    user = NOBODY if as_user else None
    result = run_module(module, module_arguments, env=process_env, timeout=600, user=user)
    return Build(result.returncode, result.stdout, result.stderr, content, output)


def build_command(
    workdir: Path,
    content: Path,
    output: Path,
    settings: str = "pelicanconf.py",
    overrides: dict[str, object] | None = None,
    arguments: tuple[str, ...] = (),
) -> list[str]:
    """The ``strict-build`` command line of ``run_build``, for a test that drives the process."""
    command = [
        sys.executable,
        "-m",
        "strict_build.cli",
        str(content),
        "-o",
        str(output),
        "-s",
        str(ROOT / settings),
        "--log-handler",
        "plain",
        *arguments,
    ]
    # The example shop is all placeholders, on purpose: a test of the refusal sets
    # PLACEHOLDERS_REFUSE itself; every other publish build of it goes through.
    # The owner's own time zone and tagline in pelicanconf.py change no test: the kit's apply.
    defaults: dict[str, object] = {
        "CACHE_PATH": str(workdir / "cache"),
        "PLACEHOLDERS_REFUSE": False,
    }
    if SESSION_CACHE_VARIABLE in os.environ:
        shared = Path(os.environ[SESSION_CACHE_VARIABLE])
        defaults["FAST_BUILD_TEMPLATE_CACHE"] = str(shared / "templates")
        defaults["PICTURES_CACHE"] = str(shared / "pictures")  # each encoded once a session
    folder = (ROOT / settings).parent
    if folder == ROOT:
        defaults |= {"PLACEHOLDERS_SETTINGS_FILES": [str(KIT_SETTINGS)], **KIT_VALUES}
    else:  # a project of its own (a clone after make init): its own settings, as they are
        names = ("pelicanconf.py", "publishconf.py")
        defaults["PLACEHOLDERS_SETTINGS_FILES"] = [str(folder / name) for name in names]
    all_overrides = {**defaults, **(overrides or {})}
    # One -e with every KEY=VALUE: Pelican keeps only the last -e flag's values.
    command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in all_overrides.items())]
    return command


def start_build(command: list[str]) -> subprocess.Popen[str]:
    """Start a build whose stdout and stderr go, merged, into a pipe of one page (4 KiB).

    Once it has printed a page that nobody read, the build waits: a test that reads up to a
    line and then stops holds the build right there, however slow or loaded the machine is (a
    pipe of 64 KiB could take a small build's whole log, and the build would finish first)."""
    reader, writer = os.pipe()
    try:
        fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 4096)
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=writer, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    except BaseException:
        os.close(reader)
        raise
    finally:
        os.close(writer)
    process.stdout = open(reader, encoding="utf-8", errors="replace")  # noqa: SIM115 - Popen closes it
    return process


def write_article(content: Path, name: str, text: str) -> Path:
    path = content / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
