"""hashed_assets: theme files under names that carry their content's hash, for long caching.

A page links `theme/css/site.3f9a1c2e5b.css` instead of `theme/css/site.css`; a changed file
gets a new name, so servers may tell browsers to keep theme files for a year (the deploy
plugin's configs do) and a visitor still never sees a stale stylesheet. The Pelican glue is in
``plugin``, imported by ``register()`` only.
"""


def register() -> None:
    from .plugin import register as connect_signals

    connect_signals()
