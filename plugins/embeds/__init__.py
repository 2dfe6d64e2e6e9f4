"""Embed cards: a link to a video, a track, a post or a map becomes a card with a poster served
by the site, and nothing reaches the provider until the visitor clicks.

The recogniser (providers), the card (card) and `fetch-media` never import Pelican; only
``plugin`` does, loaded when Pelican calls ``register()``.
"""


def register() -> None:
    from .plugin import register as register_signals

    register_signals()
