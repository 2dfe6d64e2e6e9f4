"""The `<picture>` element of a picture's variants: AVIF and WebP sources, the fallback `<img>`.

Width and height are the picture's own, so the browser reserves its box before a byte arrives
and nothing on the page moves as it loads; `sizes` tells it how wide the box will be, so it
fetches the smallest variant that fills it. No Pelican here.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from .variants import MIME, Picture

# The column of text: 42rem at most (the theme's --measure), the window less its margins below.
COLUMN = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
# The one picture a page shows first (its cover, or the first picture near the top of a post)
# is fetched at once and before the rest; every other waits until it comes near the window.
EAGER = 'loading="eager" fetchpriority="high"'
LAZY = 'loading="lazy"'

FALLBACK_WIDTH = 1200  # the <img src> for browsers without srcset: big enough for link previews


def srcset(picture: Picture, kind: str, base: str) -> str:
    return ", ".join(f"{base}/{picture.folder}/{v.file} {v.width}w" for v in picture.variants[kind])


def fallback_url(picture: Picture, base: str) -> str:
    """The address of the fallback variant closest to FALLBACK_WIDTH (link previews use it)."""
    chosen = picture.largest(picture.fallback, FALLBACK_WIDTH)
    return f"{base}/{picture.folder}/{chosen.file}"


def picture_html(
    picture: Picture,
    base: str,
    alt: str,
    *,
    sizes: str = COLUMN,
    eager: bool = False,
    attributes: Mapping[str, str] | None = None,
    css_class: str = "",
) -> str:
    """`base` is the site address of the variants' folder (e.g. '/pictures'); `attributes` are
    the original <img>'s other attributes (title, class...), kept on the new one."""
    sources = "".join(
        f'<source type="{MIME[kind]}" srcset="{escape(srcset(picture, kind, base))}" '
        f'sizes="{escape(sizes)}">'
        for kind in picture.variants
        if kind != picture.fallback
    )
    loading = EAGER if eager else LAZY
    extra = "".join(
        f' {name}="{escape(value)}"'
        for name, value in (attributes or {}).items()
        if name
        not in ("src", "srcset", "sizes", "width", "height", "alt", "loading", "fetchpriority")
    )
    picture_class = f' class="{escape(css_class)}"' if css_class else ""
    return (
        f"<picture{picture_class}>{sources}"
        f'<img src="{escape(fallback_url(picture, base))}" '
        f'srcset="{escape(srcset(picture, picture.fallback, base))}" sizes="{escape(sizes)}" '
        f'width="{picture.width}" height="{picture.height}" alt="{escape(alt)}" '
        f'{loading} decoding="async"{extra}></picture>'
    )


def lazy_pictures(html: str) -> str:
    """`html` with its pictures all lazy: a post's summary in a list, where the post's first
    picture is no longer the page's first (a list has one eager picture at most, its first
    cover)."""
    return str(html).replace(EAGER, LAZY)
