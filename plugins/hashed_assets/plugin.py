"""hashed_assets' Pelican glue: name every theme file by its hash, give templates the names,
and write the copies under those names.

Templates link a file through ``THEME_ASSETS`` (``{{ (THEME_ASSETS or {}).get('css/site.css',
'css/site.css') }}``); the files keep their plain names too. Setting ``HASHED_ASSETS`` (default
True; pelicanconf.py turns it off, publishconf.py on, like the compressed copies).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.settings import flag

from .names import hashed_name, theme_files

log = logging.getLogger(__name__)

SETTINGS = {"HASHED_ASSETS": Setting(True, flag, "True or False")}
_CONTEXT_KEY = "THEME_ASSETS"


def register() -> None:
    signals.initialized.connect(set_default)
    signals.generator_init.connect(name_files)
    signals.all_generators_finalized.connect(write_copies)


def set_default(pelican: Any) -> None:
    with_defaults(pelican.settings, SETTINGS)
    # A prefix shorter than the one name, so that a near miss (HASHED_ASSET) is named too.
    problems = setting_problems(pelican.settings, "HASHED_", SETTINGS)
    if problems:
        stop_build(log, problems, f"hashed_assets: {len(problems)} setting(s) above to correct")


def _sources(settings: dict[str, Any]) -> dict[str, Path]:
    theme = Path(settings["THEME"])
    return theme_files([theme / folder for folder in settings.get("THEME_STATIC_PATHS", [])])


def name_files(generator: Any) -> None:
    """Once per build, before any template renders: the hashed name of every theme file."""
    context, settings = generator.context, generator.settings
    if not settings.get("HASHED_ASSETS", True) or _CONTEXT_KEY in context:
        return
    context[_CONTEXT_KEY] = {
        relative: hashed_name(relative, path.read_bytes())
        for relative, path in _sources(settings).items()
    }


def write_copies(generators: list[Any]) -> None:
    """Before any page is written (so the guard audits them like every other file)."""
    if not generators:
        return
    names = generators[0].context.get(_CONTEXT_KEY)
    if not names:
        return
    settings = generators[0].settings
    folder = Path(generators[0].output_path) / settings.get("THEME_STATIC_DIR", "theme")
    for relative, path in _sources(settings).items():
        target = folder / names[relative]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
