"""Run wp-import and send it a signal (SIGINT is what Ctrl-C sends) from inside, at one exact
point: the Nth time it opens, writes or renames a file, or starts converting a post.

    python -m tests.wordpress_import.interrupter FOLDER WHAT N SIGNAL WP-IMPORT-ARGS...

A module (not `python -c`), so that tests/warmpython.py can fork it from the warm interpreter,
with wp-import already imported, instead of starting an interpreter for each run.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType
from typing import Any

from wordpress_import.cli import main

folder, what, wanted, stop_with = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
os.chdir(folder)  # where the owner runs it: wp-import writes content/ there
seen = 0
# As in a terminal: a test run started in the background (`make test &`) ignores Ctrl-C, and
# passes that on to the programs it starts.
signal.signal(signal.SIGINT, signal.default_int_handler)


def stop(matches: bool) -> None:
    global seen
    if matches:
        seen += 1
        if seen == wanted:
            os.kill(os.getpid(), getattr(signal, stop_with))


def on_event(event: str, args: tuple[Any, ...]) -> None:
    if what == "read" and event == "open":
        stop(str(args[0]).endswith(".xml"))
    elif what == "write" and event == "open":
        stop(isinstance(args[1], str) and "w" in args[1])
    elif what == "rename" and event == "os.rename":
        stop(True)


def on_call(frame: FrameType, event: str, arg: Any) -> None:
    if what == "convert" and event == "call":
        stop(frame.f_code.co_name == "convert_body")


sys.addaudithook(on_event)
sys.setprofile(on_call)
raise SystemExit(main(sys.argv[5:]))
