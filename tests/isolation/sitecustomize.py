"""Keeps the kit's tests off the owner's content/: imported by every Python the tests start.

tests/conftest.py puts this folder on PYTHONPATH and names the forbidden folder in
DISCREET_FORBIDDEN_CONTENT, so a build, a release or an inbox started by a test fails loudly
(PermissionError naming the file) the moment it opens or lists anything in the repository's
content/. An owner who replaces content/ with their own site therefore keeps a green `make test`.
"""

from __future__ import annotations

import os
import sys

VARIABLE = "DISCREET_FORBIDDEN_CONTENT"
_EVENTS = frozenset({"open", "os.listdir", "os.scandir"})


def install(forbidden: str) -> None:
    """Refuse, in this process, every open or listing of a path inside `forbidden`."""
    root = os.path.normpath(forbidden)
    inside = root + os.sep

    def refuse_content(event: str, args: tuple) -> None:
        if event not in _EVENTS or not args:
            return
        target = args[0]
        if not isinstance(target, str | bytes | os.PathLike):
            return  # a file descriptor, or None for the working folder
        path = os.fsdecode(target)
        if not os.path.isabs(path) and os.sep not in path:
            # A bare name may be relative to a folder's descriptor (dir_fd), which the event
            # does not carry: shutil.rmtree removing a temporary copy's content/ folder, say.
            return
        path = os.path.normpath(path if os.path.isabs(path) else os.path.join(os.getcwd(), path))
        if path == root or path.startswith(inside):
            raise PermissionError(
                f"the kit's tests must not read the owner's content/ ({path}); build a fixture "
                "site under tests/sites/ instead (see tests/sitebuild.py)"
            )

    sys.addaudithook(refuse_content)


if os.environ.get(VARIABLE):
    install(os.environ[VARIABLE])
