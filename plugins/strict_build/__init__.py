"""Strict, all-or-nothing Pelican builds.

Pelican's own ``--fatal warnings`` stops at the first warning and prints a traceback, and a build
that fails half-way leaves a half-written ``output/``. This runner collects every warning and error
of a build, reports each on its own line, and publishes the new site into the output folder only
when there were none, so the folder always holds the last good build.
"""

from strict_build.runner import BuildFailed, build

__all__ = ["BuildFailed", "build"]
