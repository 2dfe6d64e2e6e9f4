"""Pelican's `finalized` signal, in a known order for Discreet's own plugins.

Blinker calls the receivers of one signal in no set order, yet the work plugins do once the site
is written depends on order: the redirect pages must exist before the guard audits the folder,
and compressed copies must be made of the final bytes, after the guard has written its report
page and added meta tags. Each plugin names the step its work belongs to; a single receiver on
`finalized` runs the steps in the order of STEPS, and each step's work in the order registered.
Receivers of other plugins (the sitemap, say) still run in blinker's order, before or after.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# configure: the deploy plugin's blocks in `_headers` and `.htaccess`, which read the guard's.
STEPS = ("write", "audit", "compress", "configure")
_receivers: dict[str, list[Callable[[Any], None]]] = {step: [] for step in STEPS}


def on_finalized(step: str, receiver: Callable[[Any], None]) -> None:
    """Run `receiver(pelican)` at Pelican's `finalized`, in `step`: one of STEPS."""
    from pelican import signals

    if receiver not in _receivers[step]:
        _receivers[step].append(receiver)
    signals.finalized.connect(_run_steps)


def _run_steps(pelican: Any) -> None:
    for step in STEPS:
        for receiver in list(_receivers[step]):
            receiver(pelican)
