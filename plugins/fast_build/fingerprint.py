"""Fingerprints of everything a page's render reads, so an unchanged page need not be rendered.

A page is a template rendered with a context. Its fingerprint hashes:

- the site key: every setting (minus the folders a build writes into), the source of every
  template the environment can load, the source of the enabled plugins, and the versions of
  Pelican, Jinja2 and Markdown;
- the template's name and, for every variable that the template or anything it extends, includes
  or imports names (found with jinja2.meta), the value that variable has in this page's context.

Values are hashed by what a template can read from them: a content object by its attributes and
its final HTML (links to other pages already resolved; resolved.py remembers that HTML's digest
from one build to the next), the content objects it points to (previous and next article,
translations) by their own attributes too, one level deep; lists, dicts,
taxonomies and pagination pages by their parts. Equal fingerprints mean the render would produce
the same bytes; a template that cannot be analysed (a dynamic include) gets no fingerprint and is
always rendered.
"""

from __future__ import annotations

import hashlib
import re
import struct
import sys
from collections.abc import Iterable, Mapping
from datetime import date, datetime, tzinfo
from importlib.metadata import version
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, meta
from pelican.contents import Content
from pelican.paginator import Page as PaginationPage
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

from fast_build.resolved import ResolvedContent
from fast_build.template_cache import Analysis, TemplateCache

# Settings that name where a build writes or caches, not what it renders.
UNRENDERED_SETTINGS = frozenset(
    {"OUTPUT_PATH", "CACHE_PATH", "LOAD_CONTENT_CACHE", "FAST_BUILD_TEMPLATE_CACHE"}
)
# Attributes of a content object that are the whole site (hashed in the site key) or its raw
# source (its final HTML is hashed instead).
SKIPPED_ATTRIBUTES = frozenset({"_context", "settings", "_content"})
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
MAX_DEPTH = 8
MEMO_MIN_ITEMS = 16


def digest(*parts: bytes) -> bytes:
    """One hash of the parts, unambiguous: their count and lengths first, then their bytes.

    Two updates in all rather than two per part: pages hash about 50,000 of these a build.
    """
    lengths = struct.pack(f"<{len(parts) + 1}Q", len(parts), *map(len, parts))
    hasher = hashlib.blake2b(lengths, digest_size=16)
    hasher.update(b"".join(parts))
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

    def __init__(self, settings: Mapping[str, Any], cache: Path | None = None) -> None:
        """``cache``: the folder where the digests of resolved HTML last from build to build."""
        self._templates: dict[tuple[int, str], tuple[bytes, tuple[str, ...]] | None] = {}
        self._parsed: dict[tuple, Analysis] = {}
        self._wrappers: dict[tuple, bytes] = {}
        self._pages: dict[tuple[int, int, int], bytes] = {}
        self._environments: dict[int, bytes] = {}
        self._own: dict[tuple[int, str], bytes] = {}
        self._deep: dict[tuple[int, str], bytes] = {}
        self._containers: dict[tuple[int, int], bytes] = {}
        self._shared: dict[tuple[str, int], bytes] = {}
        self._keep_alive: list[object] = []  # ids stay unique while the objects live
        self.resolved = ResolvedContent()  # nothing remembered while the site key is worked out
        self.site = self._site_key(settings)
        if cache is not None:
            self.resolved = ResolvedContent(cache, self.site)

    def _site_key(self, settings: Mapping[str, Any]) -> bytes:
        """What every page depends on and no page's own context shows."""
        rendered = {k: v for k, v in sorted(settings.items()) if k not in UNRENDERED_SETTINGS}
        jinja = rendered.get("JINJA_ENVIRONMENT")
        if isinstance(jinja, Mapping):  # its bytecode cache says where code is kept, no more
            rendered["JINJA_ENVIRONMENT"] = {
                k: v for k, v in jinja.items() if k != "bytecode_cache"
            }
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
        for name in names:
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

    def _template(self, template: Any) -> tuple[bytes, tuple[str, ...]] | None:
        environment: Environment = template.environment
        key = (id(environment), template.name)
        if key not in self._templates:
            self._keep_alive.append(environment)
            self._templates[key] = self._analyse(environment, template.name)
        return self._templates[key]

    def _analyse(self, environment: Environment, name: str) -> tuple[bytes, tuple[str, ...]] | None:
        """The template's key and the names it and every template it uses read, sorted."""
        if environment.loader is None:  # a template made from a string: nothing to follow
            return None
        names: set[str] = set()
        pending, seen = [name], set()
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            source, filename, _ = environment.loader.get_source(environment, current)
            found, referenced = self._parse(environment, source, current, filename)
            if None in referenced:  # {% include some_variable %}: cannot know
                return None
            names |= found
            pending.extend(referenced)  # type: ignore[arg-type]
        return digest(self._environment(environment), name.encode()), tuple(sorted(names))

    def _parse(
        self, environment: Environment, source: str, name: str, filename: str | None
    ) -> Analysis:
        """The names a template's source reads and the templates it names, parsed once a build.

        base.html and the macros are part of every page template, and Pelican gives each
        generator its own environment, so each source is parsed once rather than once per use.
        Sources parse alike in environments that share a lexer (the same delimiters) and
        extensions. Between builds, the analysis is kept beside the compiled templates.
        """
        key = (source, id(environment.lexer), tuple(sorted(environment.extensions)))
        if key not in self._parsed:
            self._keep_alive.append(environment.lexer)
            self._parsed[key] = _analysis(environment, source, name, filename)
        return self._parsed[key]

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
        if value is None or value is _MISSING or value is _SAME or kind in (bool, int, float):
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
            return self._wrapper(value)
        if isinstance(value, Paginator):
            return stable_repr((value.name, value.url, value.count, value.per_page))
        if isinstance(value, PaginationPage):
            return self._pagination_page(value, depth)
        if isinstance(value, Mapping):  # keys and values in turn: one digest, not one per item
            parts = []
            for k, v in value.items():
                parts += [self.value(k, depth + 1), self.value(v, depth + 1)]
            return digest(b"\xff{}", *parts)  # \xff: no text encodes to it, so no list looks alike
        if isinstance(value, tzinfo):  # ZoneInfo('Europe/Berlin'): its name says it all
            return stable_repr(value)
        if isinstance(value, (list, tuple, set, frozenset)):
            hashed = [self.value(item, depth + 1) for item in value]
            return digest(*(sorted(hashed) if isinstance(value, (set, frozenset)) else hashed))
        if hasattr(value, "__dict__") and not callable(value):
            return digest(type(value).__name__.encode(), self.value(vars(value), depth + 1))
        return stable_repr(value)

    def _pagination_page(self, page: PaginationPage, depth: int) -> bytes:
        """One page of a paginated list, hashed once though three pages show it.

        A list page reads its own page and its previous and next ones, each a new object from
        the paginator, each holding ten articles: keyed by paginator and number, each page of a
        list is hashed once a build instead of three times.
        """
        key = (id(page.paginator), page.number, depth)
        known = self._pages.get(key)
        if known is None:
            known = self._pages[key] = digest(
                stable_repr((page.full_name, page.base_url, page.number, page.url)),
                self.value(page.paginator, depth + 1),
                self.value(page.object_list, depth + 1),
            )
            self._keep_alive.append(page.paginator)
        return known

    def _wrapper(self, wrapper: URLWrapper) -> bytes:
        """A category, tag or author, with its URL, worked out once a build for each name.

        Pelican makes a Tag object per article that has the tag and formats a URL anew on every
        read, growing the object's attributes each time: the URL of one of the equal objects
        stands for all of them.
        """
        key = (type(wrapper), wrapper.name, wrapper.slug, id(wrapper.settings))
        known = self._wrappers.get(key)
        if known is None:
            known = stable_repr((type(wrapper).__name__, wrapper.name, wrapper.slug, wrapper.url))
            self._wrappers[key] = known
            self._keep_alive.append(wrapper.settings)
        return known

    def _content_own(self, content: Content) -> bytes:
        """A content object's own data; the content objects it points to count by path only."""
        key = (id(content), content.get_siteurl())
        if key not in self._own:
            self._keep_alive.append(content)
            parts = [type(content).__name__.encode()]
            if getattr(content, "_content", None) is not None:
                parts.append(self.resolved.digest(content))  # links to other pages resolved
            attributes = vars(content)
            for name, attribute in sorted(attributes.items()):
                if name == "metadata" and type(attribute) is dict:
                    attribute = _beyond_attributes(attribute, attributes)
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


def _analysis(environment: Environment, source: str, name: str, filename: str | None) -> Analysis:
    """What the source reads and names, from the last build that parsed it if there was one."""
    cache = environment.bytecode_cache
    kept = cache if isinstance(cache, TemplateCache) else None
    found = kept.load_analysis(environment, source) if kept is not None else None
    if found is None:
        tree = environment.parse(source, name, filename)  # a syntax error names the file
        found = (
            frozenset(meta.find_undeclared_variables(tree)),
            tuple(meta.find_referenced_templates(tree)),
        )
        if kept is not None:
            kept.dump_analysis(environment, source, found)
    return found


def _beyond_attributes(metadata: dict[str, Any], attributes: dict[str, Any]) -> dict[str, Any]:
    """The metadata, with each value that is also the attribute of that name marked as such.

    Pelican makes every metadata value an attribute too: the same object, hashed once is enough
    (it halved the work of hashing an article).
    """
    return {
        key: _SAME if attributes.get(key, _MISSING) is value else value
        for key, value in metadata.items()
    }


def _contents_in(value: Any) -> Iterable[Content]:
    if isinstance(value, Content):
        yield value
    elif isinstance(value, (list, tuple)):
        yield from (v for v in value if isinstance(v, Content))


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING = _Missing()


class _Same:
    def __repr__(self) -> str:
        return "<the attribute of this name>"


_SAME = _Same()
