"""`python -m MODULE ARGS...` in a fresh process, without paying for the imports each time.

A build of a small fixture site spends most of its CPU (about 1.5 s of 2) importing Pelican,
pydantic and the plugins before it reads a single file, and the suite runs hundreds of them. So
each pytest worker keeps one warm interpreter: it imported those modules once and forks a new
child for every command. The child is a new process like `python -m` starts: it gets its own
argv, working folder, environment, stdout and stderr, runs the module as __main__ with runpy,
and its exit status is the command's. Nothing of one build lives on in the next (each is a fork
of the same untouched parent), so the tests still run the real command, only warmed.

What a fork cannot give falls back to a real `python -m` subprocess: environment variables Python
reads only at start-up (locale, PYTHON*, TZ, TMPDIR). Another user is no reason: as root, the
child drops to `user` itself before it runs anything, as `setpriv --reuid --regid --clear-groups`
does before it runs a command.
DISCREET_WARM_PYTHON=0 turns the warm interpreter off altogether.

One thing a fork does not give, and cannot: a hash seed of its own. A new interpreter draws a
random seed for str and bytes hashes (PYTHONHASHSEED unset); every child of one warm interpreter
keeps that interpreter's, so within one pytest worker sets of strings iterate in the same order
in every build. A build that depends on that order (output that differs from one `make html` to
the next) can pass twice here; a test of reproducibility gives the second build another
PYTHONHASHSEED, which sends it to a real interpreter. (`random` is reseeded in each child by
Python itself, at fork.)

Like subprocess.run, `run_module` kills a command that outlives its `timeout` and raises
subprocess.TimeoutExpired with what it printed so far (as bytes, as subprocess.run gives it).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Variables read when the interpreter starts, by libc once, or cached on first use (tempfile's
# folder): a fork would not see new values.
STARTUP_VARIABLES = ("LC_", "LANG", "LANGUAGE", "PYTHON", "TZ", "TMPDIR", "TEMP", "TMP")
# Imported once in the warm parent: the build command, Pelican and every plugin with its glue.
# The kit's plugins are preloaded for every command, whatever project it builds: the other
# projects the tests build are clones whose plugins/ links to the kit's (kitclone.fresh_clone),
# so a preloaded module is the very file their build would import, and no plugin does anything
# on import (register() does). A project with plugins of its own under the same names would get
# the kit's here: build it with DISCREET_WARM_PYTHON=0.
PRELOAD = (
    "strict_build.cli",
    "pelican",
    "pelican.generators",
    "pelican.readers",
    "pelican.writers",
    "pelican.plugins.sitemap",
    "pelican.plugins.neighbors",
    "markdown",
    "markdown.extensions.extra",
    "markdown.extensions.toc",
    "markdown.extensions.sane_lists",
    # What every build imported on first use, each time again in each child: the brand
    # plugin's colour library (coloraide, the costliest), the extensions `extra` loads, and the
    # codecs a build reads files with. Preloaded, they also spare a child that runs as another
    # user (`user`) the stdlib folder, which that user may not be able to read (a pyenv
    # Python under /root).
    "brand.palette",
    *(f"markdown.extensions.{name}" for name in ("abbr", "attr_list", "def_list")),
    *(f"markdown.extensions.{name}" for name in ("fenced_code", "footnotes", "md_in_html")),
    *(f"markdown.extensions.{name}" for name in ("meta", "tables", "codehilite")),
    "encodings.utf_8_sig",
    "encodings.unicode_escape",
    # The other commands the tests run, each as `python -m` does.
    "declaration.__main__",
    "policy_pages.release_cli",
    "privacy_guard.cli",
    "wordpress_import.cli",
)


def run_module(
    module: str,
    arguments: list[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 600,
    user: int | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m module arguments...` and wait; `env` is the child's whole environment;
    `user`: the user id (and group id) it runs as, with no supplementary groups."""
    env = dict(os.environ if env is None else env)
    cwd = Path.cwd() if cwd is None else cwd
    command = [sys.executable, "-m", module, *arguments]
    parent = _parent()
    if not parent.can_run(env):
        if user is not None:
            ids = (f"--reuid={user}", f"--regid={user}", "--clear-groups")
            command = ["setpriv", *ids, *command]
        return subprocess.run(
            command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
        )
    return parent.run(command, module, arguments, cwd, env, timeout, user)


class _Parent:
    """The warm interpreter of this pytest process, started on first use."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.process: subprocess.Popen[bytes] | None = None
        self.started_env = dict(os.environ)  # what the warm interpreter started with

    def can_run(self, env: dict[str, str]) -> bool:
        """Whether a fork gives what a new interpreter with `env` would."""
        if os.environ.get("DISCREET_WARM_PYTHON", "1") == "0" or not hasattr(os, "fork"):
            return False
        if self.process is None:
            self.started_env = dict(os.environ)
        base = self.started_env
        changed = {key for key in {*env, *base} if env.get(key) != base.get(key)}
        return not any(key.startswith(STARTUP_VARIABLES) for key in changed)

    def _start(self) -> subprocess.Popen[bytes]:
        if self.process is None or self.process.poll() is not None:
            self.started_env = dict(os.environ)
            self.process = subprocess.Popen(
                [sys.executable, __file__, *PRELOAD],
                cwd=ROOT,
                env=self.started_env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        return self.process

    def run(
        self,
        command: list[str],
        module: str,
        arguments: list[str],
        cwd: Path,
        env: dict[str, str],
        timeout: float,
        user: int | None = None,
    ) -> subprocess.CompletedProcess[str]:
        import tempfile

        with self.lock, tempfile.TemporaryDirectory(prefix="warm-") as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            request = {
                "module": module,
                "argv": arguments,
                "cwd": str(cwd),
                "env": env,
                "stdout": str(out),
                "stderr": str(err),
                "user": user,
            }
            process = self._start()
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write(json.dumps(request).encode() + b"\n")
            process.stdin.flush()
            pid = json.loads(process.stdout.readline())["pid"]
            timed_out = threading.Event()
            timer = threading.Timer(timeout, _kill, (pid, timed_out))
            timer.start()
            try:
                line = process.stdout.readline()
            finally:
                timer.cancel()
            if not line:
                raise RuntimeError(f"the warm interpreter died running {command}")
            status = json.loads(line)["returncode"]
            if timed_out.is_set():  # subprocess.run's output here is bytes, even with text=True
                output, errors = out.read_bytes(), err.read_bytes()
                raise subprocess.TimeoutExpired(command, timeout, output, errors)
            read = {"encoding": "utf-8", "errors": "replace"}
            return subprocess.CompletedProcess(
                command, status, out.read_text(**read), err.read_text(**read)
            )

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=10)


def _kill(pid: int, timed_out: threading.Event) -> None:
    timed_out.set()
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, 9)


_PARENT: _Parent | None = None


def _parent() -> _Parent:
    global _PARENT
    if _PARENT is None:
        _PARENT = _Parent()
    return _PARENT


def close() -> None:
    """Stop this process's warm interpreter (pytest_unconfigure calls this)."""
    if _PARENT is not None:
        _PARENT.close()


# --- the warm interpreter itself ----------------------------------------------------------------


def _serve(preload: list[str]) -> None:
    """Import `preload`, then fork one child per request line until stdin closes."""
    import gc
    import importlib

    sys.path[0] = str(ROOT)  # as `python -m` run from the repository puts it
    for name in preload:
        importlib.import_module(name)
    _preload_plugins(importlib)
    requests, replies = os.fdopen(os.dup(0), "rb"), os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(2, 1)  # stray prints of the parent itself go to pytest's stderr
    gc.collect()
    gc.freeze()  # the children share these objects' pages instead of copying them
    for line in requests:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            requests.close()
            replies.close()
            _child(request)  # never returns
        replies.write(json.dumps({"pid": pid}).encode() + b"\n")
        replies.flush()
        _, status = os.waitpid(pid, 0)
        replies.write(json.dumps({"returncode": _exit_code(status)}).encode() + b"\n")
        replies.flush()


def _preload_plugins(importlib: object) -> None:
    """Every plugin the kit's settings name, with its Pelican glue (plugin.py), if it has one."""
    import runpy

    names: list[str] = []
    for settings in ("pelicanconf.py", "publishconf.py"):
        try:
            names += runpy.run_path(str(ROOT / settings)).get("PLUGINS", [])
        except Exception:
            continue
    # publishconf.py's `from pelicanconf import *` imported the kit's own settings module: a
    # build of another project (a clone after make init) must import its own, not this cached one.
    sys.modules.pop("pelicanconf", None)
    for name in dict.fromkeys(names):
        for module in (name, f"{name}.plugin"):
            try:
                importlib.import_module(module)  # type: ignore[attr-defined]
            except Exception:
                break


def _exit_code(status: int) -> int:
    return os.waitstatus_to_exitcode(status)


def _child(request: dict) -> None:
    """Become `python -m module argv...` with the request's folder, environment and files."""
    import runpy

    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(target, fd)
            os.close(target)
        if request.get("user") is not None:  # what setpriv does before it runs the command
            user = request["user"]
            os.setgroups([])
            os.setresgid(user, user, user)
            os.setresuid(user, user, user)
        sys.argv = [request["module"], *request["argv"]]
        sys.path[0] = request["cwd"]  # `python -m` puts its working folder first
        for name in (request["module"], f"{request['module']}.__main__"):
            sys.modules.pop(name, None)  # run afresh as __main__, never found half-imported
        runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as stop:
        code = _system_exit_code(stop)
    except BaseException:  # as the interpreter does: the traceback on stderr, status 1
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        try:
            import atexit

            atexit._run_exitfuncs()  # logging.shutdown and the like, as at any interpreter's end
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _system_exit_code(stop: SystemExit) -> int:
    if stop.code is None:
        return 0
    if isinstance(stop.code, int):
        return stop.code
    print(stop.code, file=sys.stderr)
    return 1


if __name__ == "__main__":
    _serve(sys.argv[1:])
