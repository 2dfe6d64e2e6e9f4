"""Compiled templates, kept on disk and shared by every Jinja environment of every build.

Pelican gives each generator its own Jinja environment, and each environment compiles every
template it loads again (parse, generate Python, compile it), build after build, though the
theme rarely changes. Jinja's bytecode cache keeps the compiled code in a folder instead; this
one is handed to every generator's environment through Pelican's ``JINJA_ENVIRONMENT``.

Jinja knows a cached template by its name, file and source alone, yet the code compiled from
one source also depends on the environment's options: its extensions (i18n) and their
settings, delimiters and whitespace rules, autoescape, finalize, and which arguments each
filter and test takes. The key here adds all of them, so builds with other options that share
the folder (two sites, two pytest workers) each load only code compiled their way; a template
whose source changed is compiled again, as Jinja's checksum of the source says.

fast_build's analysis of a template (the names it reads, the templates it names: found by
parsing it once more) is kept beside the code, keyed by the source and the same options.

Each file is written under a temporary name and renamed (Jinja does so for its own), so a build
never reads another's half-written file. The folder may be deleted at any time; the next build
compiles again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache

logger = logging.getLogger(__name__)

FOLDER = "templates"  # in CACHE_PATH, unless FAST_BUILD_TEMPLATE_CACHE names another
_PLAIN = (str, int, float, bool, type(None))

# What a template's source reads and which templates it names (None: one it names by variable).
Analysis = tuple[frozenset[str], tuple[str | None, ...]]


def cache_folder(settings: Mapping[str, Any]) -> Path:
    chosen = settings.get("FAST_BUILD_TEMPLATE_CACHE")
    return Path(chosen) if chosen else Path(settings["CACHE_PATH"]) / FOLDER


def share_compiled_templates(settings: dict[str, Any]) -> None:
    """Give every environment Pelican creates from now on the cache in the settings' folder.

    A copy of JINJA_ENVIRONMENT: Pelican's default one is a dict every build shares. A bytecode
    cache the settings file chose itself is left as it is.
    """
    options = dict(settings.get("JINJA_ENVIRONMENT") or {})
    options.setdefault("bytecode_cache", TemplateCache(cache_folder(settings)))
    settings["JINJA_ENVIRONMENT"] = options


def _plain(value: object) -> str:
    """A value's text if it is plain data, else its type (whose identity is all that counts)."""
    return repr(value) if isinstance(value, _PLAIN) else type(value).__qualname__


def _arguments(function: object) -> str:
    """What Jinja passes a filter, test or finalize besides the value: decided when compiling."""
    return str(getattr(function, "jinja_pass_arg", None))


def compile_options(environment: Environment) -> str:
    """Everything besides a template's source and name that changes the code compiled from it."""
    parts = [
        jinja2.__version__,
        _plain(environment.code_generator_class),
        *(f"{name}={_plain(value)}" for name, value in sorted(vars(environment).items())),
        *(f"policy {name}={_plain(value)}" for name, value in sorted(environment.policies.items())),
        *(f"extension {name}" for name in sorted(environment.extensions)),
        f"finalize {environment.finalize is not None} {_arguments(environment.finalize)}",
        *(f"filter {name} {_arguments(f)}" for name, f in sorted(environment.filters.items())),
        *(f"test {name} {_arguments(f)}" for name, f in sorted(environment.tests.items())),
    ]
    text = "\0".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's file system bytecode cache, keyed by the environment's options too."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder), "%s.jinja")
        self.folder = folder
        self.warned = False

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        # autoescape may be a function of the template's name, called when compiling
        autoescape = environment.autoescape
        escaped = autoescape(name) if callable(autoescape) else autoescape
        options = f"{compile_options(environment)}|{escaped!r}"
        key = self.get_cache_key(f"{name}|{options}", filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def dump_bytecode(self, bucket: Bucket) -> None:
        if self._writable():
            try:
                super().dump_bytecode(bucket)
            except OSError as error:
                self._cannot_write(error)

    def load_analysis(self, environment: Environment, source: str) -> Analysis | None:
        try:
            found = json.loads(self._analysis_path(environment, source).read_bytes())
            names, templates = found["names"], found["templates"]
        except (OSError, ValueError, TypeError, KeyError):
            return None
        if not (
            isinstance(names, list)
            and isinstance(templates, list)
            and all(isinstance(n, str) for n in names)
            and all(t is None or isinstance(t, str) for t in templates)
        ):
            return None
        return frozenset(names), tuple(templates)

    def dump_analysis(self, environment: Environment, source: str, analysis: Analysis) -> None:
        names, templates = analysis
        data = json.dumps({"names": sorted(names), "templates": list(templates)})
        path = self._analysis_path(environment, source)
        if not self._writable():
            return
        try:
            with tempfile.NamedTemporaryFile(
                "w",
                encoding="utf-8",
                dir=self.folder,
                prefix=path.name,
                suffix=".tmp",
                delete=False,
            ) as partial:
                partial.write(data)
            os.replace(partial.name, path)
        except OSError as error:
            self._cannot_write(error)

    def _analysis_path(self, environment: Environment, source: str) -> Path:
        text = f"{compile_options(environment)}\0{source}".encode("utf-8", "surrogatepass")
        return self.folder / f"{hashlib.blake2b(text, digest_size=16).hexdigest()}.analysis"

    def _writable(self) -> bool:
        if self.folder.is_dir():
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._cannot_write(error)
            return False
        return True

    def _cannot_write(self, error: OSError) -> None:
        """One line, once a build: the site is still right, only every build compiles again."""
        if not self.warned:
            self.warned = True
            reason = error.strerror or str(error)
            logger.warning(
                "%s: cannot keep compiled templates there (%s); check the folder's "
                "permissions or set FAST_BUILD_TEMPLATE_CACHE to another folder",
                self.folder,
                reason.lower(),
            )
