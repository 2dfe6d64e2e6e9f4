"""Pelican glue: every generator's templates translate through the theme's catalogues.

The catalogues live in the theme, in <THEME>/translations/<lang>/LC_MESSAGES/messages.mo
(`make translations` writes them). At `initialized` their digest joins the settings (fast_build
hashes every setting, so a changed translation re-renders the pages that use it); at
`generator_init` each generator's Jinja environment gets `_()`, `{% trans %}`,
`current_lang()` and the Babel filters.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals

from .catalogues import install, tree_digest
from .formats import FILTERS

CATALOGUES_DIGEST = "LANGUAGES_CATALOGUES_DIGEST"  # set by the plugin, read by nobody


def register() -> None:
    signals.initialized.connect(initialize)
    signals.generator_init.connect(install_translations)


def catalogue_folder(settings: dict[str, Any]) -> Path:
    """The theme's catalogues: <THEME>/translations."""
    return Path(settings["THEME"], "translations")


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    settings[CATALOGUES_DIGEST] = tree_digest(catalogue_folder(settings))


def install_translations(generator: Any) -> None:
    install(generator.env, catalogue_folder(generator.settings))
    generator.env.filters.update(FILTERS)
