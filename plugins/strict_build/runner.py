"""Run one Pelican build into a staging folder and count what it logged."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import blinker
from pelican import DEFAULT_CONFIG_NAME, get_config, signals
from pelican.writers import FileOverwriteFailedError

from strict_build import deferred, empty_slugs, missing_templates
from strict_build.clashes import WrittenPages
from strict_build.content_cache import ContentCaches
from strict_build.links import drop_missing_static_links, name_the_linking_page
from strict_build.missing_images import MissingImages
from strict_build.pelican_messages import in_the_owners_terms
from strict_build.settings_file import SettingsError, load
from strict_build.single_fields import insist_on_one_definition
from strict_build.staging import (
    claim,
    discard,
    file_system_now,
    held_source,
    holds_foreign_files,
    prepare_staging,
    publish,
    staging_dir_for,
    sweep,
    touch,
)
from strict_build.template_errors import in_template

# Signals for steps that belong to strict builds only (sender: the staging folder; keyword:
# settings). `started`: plugins are registered, nothing is built yet. `ready_to_publish`: the build
# was clean and every plugin's `finalized` handler has run; the one point where a step is sure to
# come after all the others (blinker does not order receivers of one signal); precompression
# finishes here. `abandoned`: the build failed and the staging folder is about to be deleted.
started = blinker.signal("strict_build.started")
ready_to_publish = blinker.signal("strict_build.ready_to_publish")
abandoned = blinker.signal("strict_build.abandoned")


slug_logger = logging.getLogger("pelican.urlwrappers")


class BuildFailed(Exception):
    """The build logged warnings or errors, or raised; the output folder was left as it was."""


class ProblemCounter(logging.Handler):
    """Counts every warning and error any part of the build logs (Pelican, plugins, readers)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def add_exception_reason(record: logging.LogRecord) -> bool:
    """Append the exception being handled to a problem logged without it.

    Pelican logs a file it cannot read as "Could not process articles/x.md" and drops the reason
    (a bad date, say) unless it runs in debug mode; the owner needs the reason to fix the file.
    """
    if record.levelno >= logging.WARNING and not record.exc_info:
        reason = sys.exc_info()[1]
        if reason is not None and str(reason) not in record.getMessage():
            record.msg = f"{record.getMessage()}: {explain(reason)}"
            record.args = ()
    return True


def explain(reason: BaseException) -> str:
    """The reason as the owner can act on it."""
    if isinstance(reason, UnicodeDecodeError) and isinstance(reason.object, bytes):
        line = reason.object.count(b"\n", 0, reason.start) + 1
        byte = reason.object[reason.start]
        return f"line {line} is not UTF-8 (byte 0x{byte:02x}); save the file as UTF-8"
    return str(reason)


# Each rewrites a record of Pelican's to say what the owner should change.
LOG_FILTERS = (add_exception_reason, name_the_linking_page, in_the_owners_terms)


class Sweeper:
    """Removes stale files from the staging folder once every page and static file is written.

    Pelican's last generator is always the StaticGenerator; wrapping its ``generate_output``
    (reached through the ``static_generator_init`` signal) runs the sweep after all output is
    written and before any ``finalized`` handler (the privacy guard) reads the folder. Static
    files Pelican left alone because they were up to date are vouched for first.
    """

    def __init__(self, staging: Path, fresh: bool = False) -> None:
        """``fresh``: the staging folder was made empty for this build, so nothing is stale in
        it and nothing need be walked (a first build, and the one after it)."""
        self.staging = staging
        self.started_ns = file_system_now(staging)
        self.done = fresh
        self.keep_compressed = True  # set once the plugins have said whether copies are made

    def __call__(self, generator) -> None:
        if Path(generator.output_path).resolve() != self.staging.resolve():
            return
        original = generator.generate_output

        def generate_then_sweep(writer):
            original(writer)
            if self.done:
                return
            for static in generator.context.get("staticfiles", []):
                target = self.staging / static.save_as
                if target.is_file():
                    touch(target)
            self.sweep()

        generator.generate_output = generate_then_sweep

    def sweep(self) -> None:
        if not self.done:
            sweep(self.staging, self.started_ns, self.keep_compressed)
            self.done = True


def abandon(staging: Path, settings: dict, caches: ContentCaches) -> None:
    abandoned.send(staging, settings=settings)
    caches.forget()
    discard(staging)


def sources_of(settings: dict, config_file: str | None) -> list[Path]:
    """What the build reads or keeps: content, settings file, theme, plugins, cache."""
    paths = [settings["PATH"], settings["THEME"], settings["CACHE_PATH"]]
    paths += settings.get("PLUGIN_PATHS") or []
    if config_file:
        paths.append(config_file)
    return [Path(path).resolve() for path in paths]


def unsafe_output(output: Path, sources: list[Path]) -> str | None:
    """Why publishing into ``output`` (by renaming folders) would lose something, if it would."""
    if output.exists() and not output.is_dir():
        return (
            f"{output} is a file, not a folder: the site is a folder of pages; "
            "move the file away or choose another folder with -o"
        )
    source = held_source(output, sources)
    if source is not None:
        return (
            f"{output} cannot take the site: publishing there would replace {source}; "
            "choose another folder with -o (output/ is the usual one)"
        )
    if holds_foreign_files(output):
        return (
            f"{output} holds files but no site: publishing there would move them aside for "
            "the next build to delete; choose an empty or new folder with -o"
        )
    return None


def build(args) -> Path:
    """Build with Pelican's parsed ``args``; publish to the output folder only on a clean build.

    Returns the output folder. Raises BuildFailed, with a one-line reason, otherwise.
    """
    deferred.start()
    try:
        with counting_problems() as counter:
            settings, config_file = read_settings(args)
            output = Path(settings["OUTPUT_PATH"]).resolve()
            refusal = unsafe_output(output, sources_of(settings, config_file))
            if refusal:
                raise BuildFailed(refusal)
            lock = claim(output)
            if lock is None:
                raise BuildFailed(
                    f"another build into {output} is running; wait for it to finish, then build "
                    "again"
                )
            try:
                staged = StagedBuild(settings, output, counter)
                staged.run()
                staged.publish_or_abandon()
            finally:
                lock.close()
        deferred.succeeded()
        return output
    finally:
        deferred.failed()  # nothing, after success; otherwise what waited is dropped


@contextmanager
def counting_problems() -> Iterator[ProblemCounter]:
    """Count every warning and error logged meanwhile, each rewritten by LOG_FILTERS."""
    counter = ProblemCounter()
    root = logging.getLogger()
    for handler in root.handlers:
        for log_filter in LOG_FILTERS:
            handler.addFilter(log_filter)
    root.addHandler(counter)
    try:
        yield counter
    finally:
        root.removeHandler(counter)
        for handler in root.handlers:
            for log_filter in LOG_FILTERS:
                handler.removeFilter(log_filter)


def read_settings(args) -> tuple[dict, str | None]:
    """Pelican's settings for ``args``, and the settings file they came from."""
    config_file = args.settings
    if config_file is None and Path(DEFAULT_CONFIG_NAME).is_file():
        config_file = DEFAULT_CONFIG_NAME
    try:
        return load(config_file, get_config(args)), config_file
    except SettingsError as problems:
        raise BuildFailed(str(problems)) from None


class StagedBuild:
    """One Pelican build into the staging folder beside ``output``: prepare, run, then publish
    the staging folder if nothing was logged, or abandon it."""

    def __init__(self, settings: dict, output: Path, counter: ProblemCounter) -> None:
        insist_on_one_definition()
        fresh = not staging_dir_for(output).exists()
        self.staging = prepare_staging(output)
        self.output, self.counter, self.settings = output, counter, settings
        settings["OUTPUT_PATH"] = str(self.staging)
        # The sweep, not Pelican's emptying of the folder, keeps stale files out of the site.
        settings["DELETE_OUTPUT_DIRECTORY"] = False
        self.sweeper = Sweeper(self.staging, fresh)
        self.written = WrittenPages(self.staging, Path(settings["PATH"]))
        self.caches = ContentCaches()
        images = MissingImages()
        self.hooks = [
            (signals.static_generator_init, self.sweeper),
            (signals.content_written, self.written),
            (signals.page_generator_finalized, drop_missing_static_links),
            (signals.article_generator_init, self.caches),
            (signals.page_generator_init, self.caches),
            (signals.all_generators_finalized, empty_slugs.report),
            (signals.all_generators_finalized, missing_templates.report),
            (signals.all_generators_finalized, images.remember),
            (signals.finalized, images.check),
        ]

    def run(self) -> None:
        """Pelican's run with our hooks; any failure abandons the staging folder."""
        for signal, receiver in self.hooks:
            signal.connect(receiver)
        slug_logger.addFilter(empty_slugs.without_pelicans_warning)
        try:
            pelican = self._pelican()
            # Compressed copies of earlier builds stay only while the precompressed plugin (which
            # sets PRECOMPRESSED on `initialized`) keeps them current.
            self.sweeper.keep_compressed = bool(self.settings.get("PRECOMPRESSED", False))
            started.send(self.staging, settings=self.settings)
            pelican.run()
            self.sweeper.sweep()  # in case a custom Pelican class ran no StaticGenerator
            if not self.counter.count:
                ready_to_publish.send(self.staging, settings=self.settings)
        except FileOverwriteFailedError as clash:
            self.abandon()
            raise BuildFailed(self.written.explain(clash)) from None
        except BaseException as failure:  # Ctrl-C too: a half-updated staging is never published
            self.abandon()
            template_problem = in_template(failure)
            if template_problem:
                raise BuildFailed(template_problem) from None
            raise
        finally:
            for signal, receiver in self.hooks:
                signal.disconnect(receiver)
            slug_logger.removeFilter(empty_slugs.without_pelicans_warning)

    def _pelican(self) -> Any:
        pelican_class = self.settings["PELICAN_CLASS"]
        if isinstance(pelican_class, str):
            module, name = pelican_class.rsplit(".", 1)
            pelican_class = getattr(__import__(module, fromlist=[name]), name)
        return pelican_class(self.settings)

    def publish_or_abandon(self) -> None:
        if self.counter.count:
            self.abandon()
            plural = "s" if self.counter.count != 1 else ""
            raise BuildFailed(
                f"build failed: {self.counter.count} warning{plural} or error{plural} above; "
                f"{self.output} was left unchanged"
            )
        publish(self.staging, self.output)

    def abandon(self) -> None:
        abandon(self.staging, self.settings, self.caches)
