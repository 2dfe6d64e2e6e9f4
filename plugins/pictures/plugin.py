"""Pelican glue: covers from `Image:`, and every picture of a post served as responsive variants.

Once every generator has read its content, the pictures of all posts and pages are gathered,
the variants the cache lacks are encoded (in parallel), the variants are put into the output,
and each post's `<img>` becomes a `<picture>`. A post's `Image:` becomes its `cover`, which the
theme shows on the post and in lists; `image` then names the cover's fallback variant, the
picture link previews use (plugins/share).
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import unquote, urlsplit

from markupsafe import Markup
from pelican import signals
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.settings import flag, path_or_none

from .markup import COLUMN, fallback_url, lazy_pictures, picture_html
from .transform import FoundImage, find_images, replace_images
from .variants import Encoding, Picture, VariantCache, avif_missing

log = logging.getLogger(__name__)


def _widths(value: Any) -> bool:
    return (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(w, int) and not isinstance(w, bool) and 16 <= w <= 8192 for w in value)
    )


def _formats(value: Any) -> bool:
    return isinstance(value, list | tuple) and set(value) <= {"avif", "webp"}


def _quality(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) <= {"avif", "webp", "jpeg"}
        and all(isinstance(q, int) and 1 <= q <= 100 for q in value.values())
    )


def _folder(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip("/ ")) and ".." not in value.split("/")


SETTINGS: dict[str, Setting] = {
    "PICTURES_ENABLED": Setting(True, flag, "True or False"),
    "PICTURES_WIDTHS": Setting(
        [480, 800, 1200, 1600], _widths, "a list of widths in pixels such as [480, 800, 1200]"
    ),
    "PICTURES_FORMATS": Setting(
        ["avif", "webp"], _formats, "a list of 'avif' and 'webp', best first ([]: fallback only)"
    ),
    "PICTURES_QUALITY": Setting(
        {"avif": 55, "webp": 75, "jpeg": 80},
        _quality,
        "{'avif': 55, 'webp': 75, 'jpeg': 80}, 1-100",
    ),
    "PICTURES_OUTPUT": Setting("pictures", _folder, "a folder inside the site, e.g. 'pictures'"),
    "PICTURES_LIST_COVERS": Setting(True, flag, "True or False"),
    "PICTURES_CACHE": Setting(
        None, path_or_none, "a folder such as 'cache/pictures', or None for pictures/ in CACHE_PATH"
    ),
}
LIST_SIZES = "(min-width: 44rem) 12rem, 33vw"  # the cover beside a summary (site.css .cover-thumb)
RASTER_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".avif"}
LINK_PREFIXES = ("{static}", "{filename}", "{attach}", "|static|", "|filename|", "|attach|")


@dataclass(frozen=True)
class Cover:
    """A post's cover picture, as the theme shows it on the post and in lists."""

    picture: Picture
    base: str
    alt: str
    list_covers: bool

    @property
    def url(self) -> str:
        return fallback_url(self.picture, self.base)

    def html(self, where: str = "post", eager: bool = False) -> Markup:
        """where: "post" (the column's width, loaded at once) or "list" (a thumbnail)."""
        if where == "list":
            if not self.list_covers:
                return Markup("")
            return Markup(picture_html(self.picture, self.base, self.alt, sizes=LIST_SIZES,
                                       eager=eager, css_class="cover-thumb"))  # fmt: skip
        return Markup(picture_html(self.picture, self.base, self.alt, sizes=COLUMN,
                                   eager=True, css_class="cover"))  # fmt: skip


def register() -> None:
    signals.initialized.connect(initialize)
    signals.all_generators_finalized.connect(make_pictures)


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    with_defaults(settings, SETTINGS)
    problems = setting_problems(settings, "PICTURES_", SETTINGS)
    if problems:
        fail(problems)
    settings["JINJA_FILTERS"] = {
        **settings.get("JINJA_FILTERS", {}),
        "lazy_pictures": lazy_pictures,
    }


def fail(problems: list[str]) -> NoReturn:
    stop_build(log, problems)


def _encoding(settings: dict[str, Any]) -> Encoding:
    quality = {**Encoding().quality, **settings["PICTURES_QUALITY"]}
    return Encoding(
        widths=tuple(sorted(set(settings["PICTURES_WIDTHS"]))),
        formats=tuple(settings["PICTURES_FORMATS"]),
        quality=quality,
    )


def _cache_folder(settings: dict[str, Any]) -> Path:
    """Where the variants are kept between builds; several sites may share one folder."""
    chosen = settings["PICTURES_CACHE"]
    return Path(chosen) if chosen is not None else Path(settings["CACHE_PATH"]) / "pictures"


def _documents(generators: list) -> list[Any]:
    found: list[Any] = []
    for generator in generators:
        for name in ("articles", "translations", "hidden_articles", "hidden_translations",
                     "pages", "hidden_pages"):  # fmt: skip
            found += getattr(generator, name, [])
    return list({id(item): item for item in found}.values())


def make_pictures(generators: list) -> None:
    settings = generators[0].settings
    if not settings.get("PICTURES_ENABLED", True):
        return
    content_root = Path(settings["PATH"]).resolve()
    documents = _documents(generators)
    problems: list[str] = []
    covers: dict[int, Path] = {}
    images: dict[int, list[tuple[FoundImage, Path | None]]] = {}
    for document in documents:
        image = getattr(document, "image", None)
        if image:
            cover = _cover_source(str(image), document, content_root)
            if isinstance(cover, str):
                problems.append(cover)
            else:
                covers[id(document)] = cover
        found = [
            (found, _content_source(found.src, document, content_root))
            for found in find_images(getattr(document, "_content", "") or "")
            if "embed" not in found.attributes.get("class", "")
        ]
        if any(source for _, source in found):
            images[id(document)] = found
    if problems:
        fail(problems)
    sources = [*covers.values(), *(s for found in images.values() for _, s in found if s)]
    if not sources:
        return
    if "avif" in settings["PICTURES_FORMATS"] and (missing := avif_missing()):
        fail([f"PICTURES_FORMATS: {missing}, or leave 'avif' out"])
    cache = VariantCache(_cache_folder(settings), _encoding(settings))
    pictures, failed = cache.pictures(sources)
    # A cover must be a picture; a picture in the text that is none stays as it was written.
    broken_covers = [
        f"{_where(document)}: Image: {failed[covers[id(document)]]}"
        for document in documents
        if covers.get(id(document)) in failed
    ]
    if broken_covers:
        fail(broken_covers)
    output = Path(settings["OUTPUT_PATH"]) / settings["PICTURES_OUTPUT"].strip("/")
    for picture in {p.folder: p for p in pictures.values()}.values():
        cache.publish(picture, output)
    for document in documents:
        base = f"{document.get_siteurl()}/{settings['PICTURES_OUTPUT'].strip('/')}"
        if id(document) in covers:
            picture = pictures[covers[id(document)]]
            alt = str(getattr(document, "image_alt", "") or "")
            document.cover = Cover(picture, base, alt, settings["PICTURES_LIST_COVERS"])
            document.image = document.cover.url  # link previews: the 1200 px fallback
        if id(document) in images:
            images[id(document)] = [
                (image, source if source in pictures else None)
                for image, source in images[id(document)]
            ]
            document._content = _with_pictures(
                document._content,
                images[id(document)],
                pictures,
                base,
                bool(covers.get(id(document))),
            )


def _with_pictures(
    html: str,
    found: list[tuple[FoundImage, Path | None]],
    pictures: dict[Path, Picture],
    base: str,
    has_cover: bool,
) -> str:
    sources = {image.start: source for image, source in found}
    first = next((image.start for image, source in found if source), None)

    def render(image: FoundImage) -> str | None:
        source = sources.get(image.start)
        if source is None:
            return None
        eager = not has_cover and image.start == first and image.above_the_fold()
        return picture_html(pictures[source], base, image.alt, eager=eager,
                            attributes=image.attributes)  # fmt: skip

    return replace_images(html, [image for image, _ in found], render)


def _where(document: Any) -> str:
    return str(getattr(document, "relative_source_path", "") or document.source_path)


def _cover_source(value: str, document: Any, root: Path) -> Path | str:
    """The file `Image:` names, or a one-line problem."""
    source = _resolve(value, document, root)
    example = "Image: {static}/images/cover.jpg"
    if source is None:
        return (
            f"{_where(document)}: Image: {value!r} is not a picture in {root.name}/; give the "
            f"path of a JPEG or PNG file in the content folder, e.g. {example}"
        )
    if source.suffix.lower() not in RASTER_SUFFIXES:
        return (f"{_where(document)}: Image: {value!r} is a {source.suffix or 'file'}; a "
                f"cover must be a JPEG, PNG, WebP or AVIF picture")  # fmt: skip
    return source


def _content_source(src: str, document: Any, root: Path) -> Path | None:
    source = _resolve(src, document, root)
    if source is None or source.suffix.lower() not in RASTER_SUFFIXES:
        return None
    return source


def _resolve(value: str, document: Any, root: Path) -> Path | None:
    """The content file a picture's address names: {static}/x (from the content folder),
    {static}x (beside the post), /x (a site path: static files keep theirs), or x."""
    value = value.strip()
    siteurl = document.get_siteurl() if hasattr(document, "get_siteurl") else ""
    if siteurl and value.startswith(siteurl + "/"):
        value = value[len(siteurl) :]
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith(("data:", "//")):
        return None
    path = unquote(parts.path)
    here = Path(document.source_path).resolve().parent
    candidates: list[Path] = []
    prefix = next((p for p in LINK_PREFIXES if path.startswith(p)), None)
    if prefix:
        path = path[len(prefix) :]
        candidates.append(root / path.lstrip("/") if path.startswith("/") else here / path)
    elif path.startswith("/"):
        candidates.append(root / path.lstrip("/"))
    else:
        candidates += [here / path, root / path]
    for candidate in candidates:
        resolved = Path(posixpath.normpath(candidate))
        if resolved.is_file() and root in resolved.parents:
            return resolved
    return None
