"""Keep Python's cycle collector off the objects that live for the whole build.

Every full collection walks every tracked object. Once the sources are read, the site's
content, settings and templates (and every imported module) live until the build ends, yet each
full collection while the pages are written walked them all again; gc.freeze moves them out of
the collector's sight.
They are unfrozen when the build ends, so a process that builds again (make regenerate) can
still collect what the old build leaves behind.
"""

from __future__ import annotations

import gc


def freeze(*_: object) -> None:
    gc.freeze()


def unfreeze(*_: object) -> None:
    gc.unfreeze()
