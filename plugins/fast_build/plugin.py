"""fast_build's Pelican glue: the writer that skips unchanged pages, and its bookkeeping."""

from __future__ import annotations

import logging
from typing import Any

from pelican import signals
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.settings import flag, path_or_none

from fast_build.cache_key import key_cache_folder, restore_cache_path
from fast_build.collector import freeze, unfreeze
from fast_build.memory import release_reader_cache
from fast_build.template_cache import share_compiled_templates
from fast_build.urls import freeze_urls
from fast_build.writer import IncrementalWriter

logger = logging.getLogger(__name__)

SETTINGS = {
    "FAST_BUILD": Setting(True, flag, "True or False"),
    "FAST_BUILD_TEMPLATE_CACHE": Setting(
        None, path_or_none, 'a folder as text, e.g. "cache/templates", or None'
    ),
}

_generators: list = []


def check_settings(pelican: Any) -> None:
    with_defaults(pelican.settings, SETTINGS)
    # A prefix shorter than the one name, so that a near miss (FAST_BUIL) is named too.
    problems = setting_problems(pelican.settings, "FAST_", SETTINGS)
    if problems:
        stop_build(logger, problems)


def start(pelican: Any) -> None:
    """Runs on ``initialized``: settings checked, and the cache ready before any generator."""
    check_settings(pelican)
    share_compiled_templates(pelican.settings)


def remember_generators(generators) -> None:
    _generators[:] = generators


def choose_writer(pelican) -> type[IncrementalWriter] | None:
    """Pelican asks for a writer once all content is final: the moment to freeze URLs too."""
    if not pelican.settings.get("FAST_BUILD", True):
        return None
    for generator in _generators:
        freeze_urls(generator.context.get("generated_content", {}).values())
        break  # every generator shares one context
    _generators.clear()
    return IncrementalWriter


def save_fingerprints(pelican) -> None:
    writer = IncrementalWriter.active
    if writer is not None and writer.output_path == pelican.output_path:
        writer.save()
        IncrementalWriter.active = None


def register() -> None:
    signals.initialized.connect(start)
    signals.get_generators.connect(key_cache_folder)
    signals.static_generator_init.connect(restore_cache_path)
    signals.article_generator_finalized.connect(release_reader_cache)
    signals.page_generator_finalized.connect(release_reader_cache)
    signals.all_generators_finalized.connect(remember_generators)
    signals.get_writer.connect(choose_writer)
    signals.finalized.connect(save_fingerprints)
    signals.initialized.connect(freeze)  # the modules: imported by now
    signals.all_generators_finalized.connect(freeze)  # the content: read by now
    signals.finalized.connect(unfreeze)
