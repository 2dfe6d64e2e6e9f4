"""Fingerprints of everything a page's render reads, so an unchanged page need not be rendered.

A page is a template rendered with a context. Its fingerprint hashes:

- the site key: every setting (minus the folders a build writes into), the source of every
  template the environment can load, the source of the enabled plugins, and the versions of
  Pelican, Jinja2 and Markdown;
- the template's name and, for every variable that the template or anything it extends, includes
  or imports names (found with jinja2.meta), the value that variable has in this page's context.

Values are hashed by what a template can read from them: a content object by its attributes and
its final HTML (links to other pages already resolved), the content objects it points to (previous
and next article, translations) by their own attributes too, one level deep; lists, dicts,
taxonomies and pagination pages by their parts. Equal fingerprints mean the render would produce
the same bytes; a template that cannot be analysed (a dynamic include) gets no fingerprint and is
always rendered.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, meta
from pelican.contents import Content
from pelican.paginator import Page as PaginationPage
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

# Settings that name where a build writes or caches, not what it renders.
UNRENDERED_SETTINGS = frozenset({"OUTPUT_PATH", "CACHE_PATH", "LOAD_CONTENT_CACHE"})
# Attributes of a content object that are the whole site (hashed in the site key) or its raw
# source (its final HTML is hashed instead).
SKIPPED_ATTRIBUTES = frozenset({"_context", "settings", "_content"})
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
MAX_DEPTH = 8
MEMO_MIN_ITEMS = 16


def digest(*parts: bytes) -> bytes:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.digest()


def stable_repr(value: object) -> bytes:
    """repr() without memory addresses, which differ between runs and say nothing."""
    return ADDRESS.sub("", repr(value)).encode("utf-8", "surrogatepass")


def loader_folders(loader: object) -> Iterable[Path]:
    if isinstance(loader, FileSystemLoader):
        yield from (Path(p) for p in loader.searchpath)
    elif isinstance(loader, ChoiceLoader):
        for inner in loader.loaders:
            yield from loader_folders(inner)
    elif isinstance(loader, PrefixLoader):
        for inner in loader.mapping.values():
            yield from loader_folders(inner)


def tree_digest(folders: Iterable[Path], pattern: str = "*") -> bytes:
    parts = []
    for folder in sorted(set(folders)):
        for path in sorted(folder.rglob(pattern)):
            if path.is_file():
                parts += [str(path).encode(), path.read_bytes()]
    return digest(*parts)


def plugin_folders(settings: Mapping[str, Any]) -> Iterable[Path]:
    for name in settings.get("PLUGINS") or []:
        module = sys.modules.get(name if isinstance(name, str) else getattr(name, "__name__", ""))
        source = getattr(module, "__file__", None)
        if source:
            yield Path(source).parent


class Fingerprinter:
    """Computes page fingerprints for one build; remembers what it already hashed."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self._templates: dict[tuple[int, str], tuple[bytes, frozenset[str]] | None] = {}
        self._environments: dict[int, bytes] = {}
        self._own: dict[tuple[int, str], bytes] = {}
        self._deep: dict[tuple[int, str], bytes] = {}
        self._containers: dict[tuple[int, int], bytes] = {}
        self._shared: dict[tuple[str, int], bytes] = {}
        self._keep_alive: list[object] = []  # ids stay unique while the objects live
        self.site = self._site_key(settings)

    def _site_key(self, settings: Mapping[str, Any]) -> bytes:
        """What every page depends on and no page's own context shows."""
        rendered = {k: v for k, v in sorted(settings.items()) if k not in UNRENDERED_SETTINGS}
        versions = [version(name) for name in ("pelican", "jinja2", "markdown")]
        return digest(
            self.value(rendered),
            stable_repr(versions),
            tree_digest(plugin_folders(settings), "*.py"),
        )

    def page(
        self, template: Any, context: Mapping[str, Any], shared: Mapping[str, Any] | None = None
    ) -> bytes | None:
        """The fingerprint of rendering ``template`` with ``context``, or None if unknowable.

        Values that come unchanged from ``shared`` (the context all pages start from: settings,
        the navigation's pages...) are hashed once per build, not once per page.
        """
        analysed = self._template(template)
        if analysed is None:
            return None
        template_key, names = analysed
        parts = [self.site, template_key]
        for name in sorted(names):
            value = context.get(name, _MISSING)
            if shared is not None and shared.get(name, _MISSING) is value:
                key = (name, id(value))
                hashed = self._shared.get(key)
                if hashed is None:
                    hashed = self._shared[key] = self.value(value)
                    self._keep_alive.append(value)
            else:
                hashed = self.value(value)
            parts += [name.encode(), hashed]
        return digest(*parts)

    def _template(self, template: Any) -> tuple[bytes, frozenset[str]] | None:
        environment: Environment = template.environment
        key = (id(environment), template.name)
        if key not in self._templates:
            self._keep_alive.append(environment)
            self._templates[key] = self._analyse(environment, template.name)
        return self._templates[key]

    def _analyse(self, environment: Environment, name: str) -> tuple[bytes, frozenset[str]] | None:
        names: set[str] = set()
        pending, seen = [name], set()
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            source, _, _ = environment.loader.get_source(environment, current)
            tree = environment.parse(source)
            names |= meta.find_undeclared_variables(tree)
            for referenced in meta.find_referenced_templates(tree):
                if referenced is None:  # {% include some_variable %}: cannot know
                    return None
                pending.append(referenced)
        return digest(self._environment(environment), name.encode()), frozenset(names)

    def _environment(self, environment: Environment) -> bytes:
        if id(environment) not in self._environments:
            self._environments[id(environment)] = digest(
                tree_digest(loader_folders(environment.loader)),
                stable_repr(sorted(environment.globals)),
                stable_repr(sorted(environment.filters)),
            )
        return self._environments[id(environment)]

    def value(self, value: Any, depth: int = 0) -> bytes:
        """Hash what a template can read from ``value``.

        Long lists, tuples and dicts are hashed once per build (by identity, kept alive so that
        no identity is reused): the same taxonomy and article lists appear on hundreds of pages.
        Short ones (a page's ten articles) are cheaper to hash again than to keep.
        """
        kind = type(value)
        if kind is str:
            return value.encode("utf-8", "surrogatepass")
        if value is None or value is _MISSING or kind in (bool, int, float):
            return stable_repr(value)
        if isinstance(value, Content):
            return self._content_deep(value)
        if kind in (list, tuple, dict) and len(value) >= MEMO_MIN_ITEMS:
            key = (id(value), depth)
            known = self._containers.get(key)
            if known is None:
                known = self._containers[key] = self._compound(value, depth)
                self._keep_alive.append(value)
            return known
        if isinstance(value, str):  # Markup and other str subclasses
            return str(value).encode("utf-8", "surrogatepass")
        if isinstance(value, (datetime, date)):
            return value.isoformat().encode()
        if depth > MAX_DEPTH:
            return b"deep:" + type(value).__name__.encode()
        return self._compound(value, depth)

    def _compound(self, value: Any, depth: int) -> bytes:
        if isinstance(value, URLWrapper):
            return stable_repr((type(value).__name__, value.name, value.slug, value.url))
        if isinstance(value, Paginator):
            return stable_repr((value.name, value.url, value.count, value.per_page))
        if isinstance(value, PaginationPage):
            return digest(
                stable_repr((value.full_name, value.base_url, value.number, value.url)),
                self.value(value.paginator, depth + 1),
                self.value(value.object_list, depth + 1),
            )
        if isinstance(value, Mapping):
            return digest(
                *(
                    digest(self.value(k, depth + 1), self.value(v, depth + 1))
                    for k, v in value.items()
                )
            )
        if isinstance(value, (list, tuple, set, frozenset)):
            hashed = [self.value(item, depth + 1) for item in value]
            return digest(*(sorted(hashed) if isinstance(value, (set, frozenset)) else hashed))
        if hasattr(value, "__dict__") and not callable(value):
            return digest(type(value).__name__.encode(), self.value(vars(value), depth + 1))
        return stable_repr(value)

    def _content_own(self, content: Content) -> bytes:
        """A content object's own data; the content objects it points to count by path only."""
        key = (id(content), content.get_siteurl())
        if key not in self._own:
            self._keep_alive.append(content)
            parts = [type(content).__name__.encode()]
            if getattr(content, "_content", None) is not None:
                parts.append(content.content.encode())  # links to other pages resolved
            for name, attribute in sorted(vars(content).items()):
                if name not in SKIPPED_ATTRIBUTES:
                    parts += [name.encode(), self._shallow(attribute)]
            self._own[key] = digest(*parts)
        return self._own[key]

    def _shallow(self, value: Any) -> bytes:
        if isinstance(value, Content):
            return b"ref:" + str(value.source_path).encode()
        if isinstance(value, (list, tuple)) and any(isinstance(v, Content) for v in value):
            return digest(*(self._shallow(v) for v in value))
        return self.value(value, depth=MAX_DEPTH - 2)

    def _content_deep(self, content: Content) -> bytes:
        """Own data plus the own data of every content object it points to."""
        key = (id(content), content.get_siteurl())
        if key not in self._deep:
            parts = [self._content_own(content)]
            for _, attribute in sorted(vars(content).items()):
                for linked in _contents_in(attribute):
                    parts.append(self._content_own(linked))
            self._deep[key] = digest(*parts)
        return self._deep[key]


def _contents_in(value: Any) -> Iterable[Content]:
    if isinstance(value, Content):
        yield value
    elif isinstance(value, (list, tuple)):
        yield from (v for v in value if isinstance(v, Content))


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING = _Missing()
