"""Policy pages: the privacy policy, cookie statement, legal notice and history of a Discreet site.

The engine (everything but `plugin.py`) turns the declaration and its released
versions into documents without Pelican; `register()` is the Pelican plugin
that renders them with the theme's templates.
"""

from __future__ import annotations

from .errors import PolicyError
from .site import PolicySite, build_policy_site


def register() -> None:
    from .plugin import register as register_plugin

    register_plugin()


__all__ = ["PolicyError", "PolicySite", "build_policy_site", "register"]
