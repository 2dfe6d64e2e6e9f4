"""The furniture readers expect of a blog, without any script: a sidebar with recent posts,
categories with counts and the monthly archive list, reading time, related posts by shared
tags, older and newer post links, and a "you are here" state in the navigation.

What to show is decided in ``engine`` (no Pelican); ``plugin`` is the glue, loaded when Pelican
calls ``register()``.
"""


def register() -> None:
    from .plugin import register as register_signals

    register_signals()
