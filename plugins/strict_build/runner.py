"""Run one Pelican build into a staging folder and count what it logged."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from pelican import DEFAULT_CONFIG_NAME, get_config
from pelican.settings import read_settings

from strict_build.staging import discard, fresh_staging_dir, publish


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
            record.msg = f"{record.getMessage()}: {reason}"
            record.args = ()
    return True


def build(args) -> Path:
    """Build with Pelican's parsed ``args``; publish to the output folder only on a clean build.

    Returns the output folder. Raises BuildFailed, with a one-line reason, otherwise.
    """
    counter = ProblemCounter()
    root = logging.getLogger()
    for handler in root.handlers:
        handler.addFilter(add_exception_reason)
    root.addHandler(counter)
    try:
        config_file = args.settings
        if config_file is None and Path(DEFAULT_CONFIG_NAME).is_file():
            config_file = DEFAULT_CONFIG_NAME
        settings = read_settings(config_file, override=get_config(args))
        output = Path(settings["OUTPUT_PATH"]).resolve()
        staging = fresh_staging_dir(output)
        settings["OUTPUT_PATH"] = str(staging)
        try:
            pelican_class = settings["PELICAN_CLASS"]
            if isinstance(pelican_class, str):
                module, name = pelican_class.rsplit(".", 1)
                pelican_class = getattr(__import__(module, fromlist=[name]), name)
            pelican_class(settings).run()
        except Exception:
            discard(staging)
            raise
        if counter.count:
            discard(staging)
            plural = "s" if counter.count != 1 else ""
            raise BuildFailed(
                f"build failed: {counter.count} warning{plural} or error{plural} above; "
                f"{output} was left unchanged"
            )
        publish(staging, output)
        return output
    finally:
        root.removeHandler(counter)
        for handler in root.handlers:
            handler.removeFilter(add_exception_reason)
