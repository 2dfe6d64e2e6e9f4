"""What every Discreet plugin shares: one error family, checked settings, one way to stop a build.

No Pelican import here: the engines (declaration, inbox, audit) raise the same errors, and the
Pelican glue (`plugins/<name>/plugin.py`) checks its settings and stops builds the same way.
The glue alone imports the modules that know Pelican: `finalized` (its work after the build, in
order), `deferred` (what it says only once the build has succeeded) and `template_errors` (the
template and line where rendering failed); strict-build uses the last two as well, so no
plugin needs strict-build for them.
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
