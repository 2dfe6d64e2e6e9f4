"""Contact form: a Pelican plugin for the form pages, and the self-hosted inbox behind it.

The inbox modules (app, store, cli, ...) never import Pelican; only ``plugin`` does, and it is
loaded when Pelican calls ``register()``.
"""


def register() -> None:
    from .plugin import register as register_signals

    register_signals()
