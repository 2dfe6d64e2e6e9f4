"""The two builds being compared, as the commands that run them.

A is plain Pelican with its bundled theme and no plugins (settings: bench/plainconf.py). B is the
full site exactly as `make html` builds it: strict-build with pelicanconf.py, so every plugin that
pelicanconf.py lists at the time of the run, our theme, and the strict, staged publishing.
Both read the same content folder; each has its own output and cache folders.

The publish pair compares `make publish` (publishconf.py: the real site URL, feeds, and the .gz
and .br copies for the host) with plain Pelican given the same site URL and feeds.
"""

from __future__ import annotations

import json
import re
import runpy
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAIN_SETTINGS = ROOT / "bench" / "plainconf.py"
SIMPLE_THEME = Path(__import__("pelican").__file__).parent / "themes" / "simple" / "templates"
# What publishconf.py sets that decides what gets built (and every *FEED* setting); plain
# Pelican's publish build gets the same values.
PUBLISH_NAMES = frozenset({"SITEURL", "RELATIVE_URLS"})


@dataclass(frozen=True)
class Site:
    """One side of the comparison and the folders it builds into."""

    key: str
    label: str
    workdir: Path
    content: Path
    extra: tuple[str, ...] = ()
    settings: Path = ROOT / "pelicanconf.py"

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
            head = [sys.executable, "-m", "strict_build.cli", "-s", str(self.settings)]
        paths = [str(self.content), "-o", str(self.output), "--cache-path", str(self.cache)]
        return [*head, *paths, *self.extra]

    def forget(self) -> None:
        """Back to a fresh clone: no output, no cache (and no staging folder left over)."""
        for folder in self.workdir.iterdir():
            shutil.rmtree(folder) if folder.is_dir() else folder.unlink()


def plain_site(workdir: Path, content: Path, publish: bool = False) -> Site:
    overrides: dict[str, object] = {
        "THEME_TEMPLATES_OVERRIDES": [str(plain_template_overrides(content, workdir))]
    }
    overrides |= declared_shape(content / "privacy.yml")
    if publish:
        overrides |= publish_shape(content / "privacy.yml")
    # One -e with every KEY=VALUE: Pelican keeps only the last -e flag's values.
    extra = ("-e", *(f"{key}={json.dumps(value)}" for key, value in overrides.items()))
    workdir.mkdir(parents=True, exist_ok=True)
    return Site("plain", "plain Pelican", workdir, content, extra)


def full_site(workdir: Path, content: Path, publish: bool = False) -> Site:
    workdir.mkdir(parents=True, exist_ok=True)
    settings = ROOT / ("publishconf.py" if publish else "pelicanconf.py")
    # The kit's example content is all placeholders and has no release: make publish would
    # rightly refuse it. The benchmark measures the build, so it builds it anyway, the policy
    # as a draft (the same pages, with a notice instead of a date).
    extra = ("-e", "PLACEHOLDERS_REFUSE=false", "POLICY_DRAFTS=true") if publish else ()
    return Site("site", "this site", workdir, content, extra, settings=settings)


def declared_shape(declaration: Path) -> dict[str, object]:
    """What the plugins take from the declaration that decides what Pelican builds.

    pelicanconf.py leaves TIMEZONE to policy_pages (the controller's address's zone) and
    DEFAULT_LANG to languages (site.languages[0]); plain Pelican, which runs neither, gets the
    same values, read here once for the same reason as publish_shape's.
    """
    from declaration import load_declaration
    from local_formats import default_timezone

    loaded = load_declaration(declaration)
    address = loaded.controller.address
    chosen = runpy.run_path(str(ROOT / "pelicanconf.py")).get("TIMEZONE")
    zone = chosen or default_timezone(address.country, address.region)
    return {"TIMEZONE": zone, "DEFAULT_LANG": loaded.site.languages[0]}


def publish_shape(declaration: Path) -> dict[str, object]:
    """The site URL and feed settings of publishconf.py, for plain Pelican's publish build.

    Read here, once, so that the plain build does not import the declaration engine (from
    whose site.url policy_pages fills publishconf.py's SITEURL) and pay for it in time and
    memory.
    """
    from declaration import load_declaration
    from policy_pages.conf import fill_declared_site_url

    publish = runpy.run_path(str(ROOT / "publishconf.py"))
    fill_declared_site_url(publish, str(load_declaration(declaration).site.url))
    return {
        name: value
        for name, value in publish.items()
        if name.isupper() and (name in PUBLISH_NAMES or "FEED" in name)
    }


def plain_template_overrides(content: Path, workdir: Path) -> Path:
    """Stand-ins for the templates our pages name (``Template: contact``) that "simple" lacks.

    Each renders as a plain page, so the baseline builds the same pages instead of failing.
    """
    folder = workdir.parent / f"{workdir.name}-templates"
    folder.mkdir(parents=True, exist_ok=True)
    pattern = re.compile(r"^Template:\s*(\S+)\s*$", re.IGNORECASE | re.MULTILINE)
    for source in (content / "pages").rglob("*.md"):
        for name in pattern.findall(source.read_text(encoding="utf-8")):
            if not (SIMPLE_THEME / f"{name}.html").exists():
                (folder / f"{name}.html").write_text('{% extends "page.html" %}\n', "utf-8")
    return folder
