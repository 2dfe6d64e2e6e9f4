"""Search with no third party and no script: the build writes an SQLite FTS5 index of every
post, and the inbox's small server answers `GET /search?q=` with a page in the site's theme.

The index (index), the query (query) and the inbox's side (serve) never import Pelican; only
``plugin`` does, loaded when Pelican calls ``register()``.
"""


def register() -> None:
    from .plugin import register as register_signals

    register_signals()
