"""The business's brand: its logo, its accent colour and optionally its own font.

The palette and its contrast check (palette) and the logo and icons (icons) never import
Pelican; only ``plugin`` does, loaded when Pelican calls ``register()``.
"""


def register() -> None:
    from .plugin import register as register_signals

    register_signals()
