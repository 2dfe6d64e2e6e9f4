"""Placeholders: the kit's example values that must not go live under another business's name.

The engine (`scan.py`, no Pelican import) finds every value marked `# PLACEHOLDER` in the
declaration and the settings files, and every value of the kit's example business (Example
Shop's name, address, register numbers, example-shop.test) wherever it still stands in the
declaration or the content. `register()` is the Pelican plugin: `make html` lists them and
builds, `make publish` (PLACEHOLDERS_REFUSE = True) refuses while any remain.
"""

from __future__ import annotations

from .scan import EXAMPLE_VALUES, Placeholder, find_placeholders


def register() -> None:
    from .plugin import register as register_plugin

    register_plugin()


__all__ = ["EXAMPLE_VALUES", "Placeholder", "find_placeholders", "register"]
