"""Share links without trackers, and link-preview tags with the site's own images.

The links are plain addresses of each service's share page: no script, no button from another
host, nothing sent anywhere until the visitor follows one. ``links`` builds them (no Pelican);
``plugin`` is the glue, loaded when Pelican calls ``register()``.
"""


def register() -> None:
    from .plugin import register as register_signals

    register_signals()
