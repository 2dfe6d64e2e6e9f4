"""Pictures that load fast: a post's `Image:` as its cover, and every picture of a post as AVIF
and WebP variants at several widths with a JPEG or PNG fallback, in `<picture>` with its size.

The encoder and its cache (variants), the markup (markup) and the finding of `<img>` in HTML
(transform) never import Pelican; only ``plugin`` does, loaded when Pelican calls ``register()``.
"""


def register() -> None:
    from .plugin import register as register_signals

    register_signals()
