"""What every Discreet plugin shares: one error family, checked settings, one way to stop a build.

No Pelican import here: the engines (declaration, inbox, audit) raise the same errors, and the
Pelican glue (`plugins/<name>/plugin.py`) checks its settings and stops builds the same way.
"""

from .errors import DiscreetError, one_line
from .settings import Setting, setting_problems, with_defaults
from .stop import BuildStopped, stop_build

__all__ = [
    "BuildStopped",
    "DiscreetError",
    "Setting",
    "one_line",
    "setting_problems",
    "stop_build",
    "with_defaults",
]
