"""Real nginx, Apache and Caddy on 127.0.0.1 for the deploy tests, and a client that talks to
them as a browser would talk to the site's real host name (SNI, Host, a verified certificate).

Each server runs from a config of its own wrapping the generated one, with its pid, logs and
temporary files in the test's folder. As root (CI) the workers run as nobody, so the served
folder must be world-readable; as another user they run as that user.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

START_TIMEOUT = 20.0
AS_ROOT = os.geteuid() == 0


def require(binary: str) -> str:
    """The binary's path; under CI a missing one fails the test, elsewhere it skips it."""
    found = shutil.which(binary) or shutil.which(binary, path="/usr/sbin:/usr/bin:/sbin")
    if found:
        return found
    message = f"{binary} is not installed (Debian: see .ci/run)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run this test")
    pytest.skip(message)


def throwaway_certificate(folder: Path, *hosts: str) -> tuple[Path, Path]:
    """A self-signed certificate for `hosts`, valid for a day (openssl)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    names = ",".join(f"DNS:{host}" for host in hosts)
    subprocess.run(
        [require("openssl"), "req", "-x509", "-newkey", "ec", "-pkeyopt",
         "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", f"/CN={hosts[0]}",
         "-addext", f"subjectAltName={names}", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    key.chmod(0o644)  # a throwaway: the servers' unprivileged workers read it
    return cert, key


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    def all(self, name: str) -> list[str]:
        return self.headers.get_all(name) or []


@dataclass
class Client:
    """Requests to the site's host name, sent to 127.0.0.1:port over kept-alive connections
    (one per visitor address), as a browser would."""

    host: str
    port: int
    certificate: Path | None = None  # None: plain HTTP
    _connections: dict[str, http.client.HTTPConnection] = field(default_factory=dict, repr=False)

    @property
    def origin(self) -> str:
        scheme = "http" if self.certificate is None else "https"
        return f"{scheme}://{self.host}:{self.port}"

    def request(
        self,
        target: str,
        *,
        method: str = "GET",
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
        source: str = "127.0.0.1",
    ) -> Reply:
        all_headers = {"Accept-Encoding": "identity", **(headers or {})}
        if self.port not in (80, 443):
            all_headers.setdefault("Host", f"{self.host}:{self.port}")
        for attempt in (1, 2):  # a kept-alive connection the server has closed: open another
            connection = self._connection(source)
            try:
                connection.request(method, target, body=body, headers=all_headers)
                response = connection.getresponse()
                return Reply(response.status, response.headers, response.read())
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                connection.close()
                del self._connections[source]
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _connection(self, source: str) -> http.client.HTTPConnection:
        if source not in self._connections:
            if self.certificate is not None:
                context = ssl.create_default_context(cafile=str(self.certificate))
                connection: http.client.HTTPConnection = http.client.HTTPSConnection(
                    self.host, self.port, context=context, timeout=30, source_address=(source, 0)
                )
            else:
                connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=30, source_address=(source, 0)
                )
            # Reach the site's name at this machine's loopback, as /etc/hosts would.
            connection._create_connection = lambda address, *args, **kwargs: (  # type: ignore[attr-defined]
                socket.create_connection(("127.0.0.1", address[1]), *args, **kwargs)
            )
            self._connections[source] = connection
        return self._connections[source]

    def close(self) -> None:
        for connection in self._connections.values():
            connection.close()
        self._connections.clear()


@dataclass
class Server:
    """A running server process and where it writes."""

    name: str
    process: subprocess.Popen[bytes]
    folder: Path

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')}"
            for path in sorted(self.folder.glob("*.log"))
        )


def _wait_for_ports(server: Server, ports: tuple[int, ...]) -> None:
    """Until every port accepts a connection; the server's own logs if it exits instead."""
    deadline = time.monotonic() + START_TIMEOUT
    waiting = list(ports)
    while waiting:
        if server.process.poll() is not None:
            status = server.process.returncode
            raise RuntimeError(f"{server.name} exited {status}:\n{server.logs()}")
        try:
            socket.create_connection(("127.0.0.1", waiting[0]), timeout=1).close()
            waiting.pop(0)
        except OSError as error:
            if time.monotonic() > deadline:
                message = f"{server.name} did not listen on {waiting}:\n{server.logs()}"
                raise RuntimeError(message) from error
            time.sleep(0.02)


@contextmanager
def running(
    name: str, command: list[str], folder: Path, ports: tuple[int, ...], **popen: object
) -> Iterator[Server]:
    with (folder / f"{name}-output.log").open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, **popen)  # type: ignore[call-overload]
    server = Server(name, process, folder)
    try:
        _wait_for_ports(server, ports)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def checked(command: list[str], **kwargs: object) -> str:
    """Run a config check; its whole output, or the test fails with it."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, **kwargs)  # type: ignore[call-overload]
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{output}"
    return output


# --- nginx ---------------------------------------------------------------------------------------

BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def nginx_config(folder: Path, site_config: Path) -> Path:
    """A main nginx.conf around the generated server blocks, like Debian's but in `folder`."""
    if not BROTLI_MODULE.is_file():
        require("libnginx-mod-http-brotli-static")  # fails under CI, skips elsewhere
    lines = [
        *(["user nobody nogroup;"] if AS_ROOT else []),
        f"pid {folder}/nginx.pid;",
        f"error_log {folder}/error.log info;",
        f"load_module {BROTLI_MODULE};",
        "worker_processes 1;",
        "events { worker_connections 64; }",
        "http {",
        "    include /etc/nginx/mime.types;",
        "    default_type application/octet-stream;",
        f"    access_log {folder}/access.log;",
        *(f"    {kind}_temp_path {folder}/{kind}-temp;"
          for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")),
        f"    include {site_config};",
        "}",
    ]  # fmt: skip
    path = folder / "nginx-main.conf"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def nginx_command(main: Path, *extra: str) -> list[str]:
    folder = main.parent
    return [require("nginx"), "-p", str(folder), "-c", str(main), "-e", str(folder / "error.log"),
            *extra]  # fmt: skip


# --- Apache --------------------------------------------------------------------------------------

APACHE_MODULES = ("mpm_event", "authz_core", "mime", "dir", "rewrite", "headers", "ssl",
                  "socache_shmcb", "proxy", "proxy_http", "setenvif", "alias")  # fmt: skip


def apache_config(folder: Path, includes: list[Path], ports: tuple[int, ...]) -> Path:
    """A main apache2.conf around generated virtual hosts, with everything in `folder`."""
    (folder / "run").mkdir(exist_ok=True)
    (folder / "logs").mkdir(exist_ok=True)
    modules = Path("/usr/lib/apache2/modules")
    lines = [
        f'ServerRoot "{folder}"',
        f'DefaultRuntimeDir "{folder}/run"',
        f'PidFile "{folder}/run/apache2.pid"',
        f"Mutex file:{folder}/run default",
        f'ErrorLog "{folder}/error.log"',
        "LogLevel warn",
        f"Define APACHE_LOG_DIR {folder}/logs",
        "ServerName localhost",
        *(["User nobody", "Group nogroup"] if AS_ROOT else []),
        *(f"Listen 127.0.0.1:{port}" for port in ports),
        *(f"LoadModule {name}_module {modules}/mod_{name}.so" for name in APACHE_MODULES),
        "StartServers 1",
        "ServerLimit 1",
        "ThreadsPerChild 25",
        "MaxRequestWorkers 25",
        "TypesConfig /etc/mime.types",
        'LogFormat "%h %l %u %t \\"%r\\" %>s %O" combined',
        "<Directory />",
        "    AllowOverride None",
        "    Require all denied",
        "</Directory>",
        *(f'Include "{path}"' for path in includes),
    ]
    path = folder / "apache-main.conf"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def apache_command(main: Path, *extra: str) -> list[str]:
    return [require("apache2"), "-f", str(main), *extra]


# --- Caddy ---------------------------------------------------------------------------------------


def caddy_config(folder: Path, site_config: Path, http_port: int, https_port: int) -> Path:
    """A Caddyfile with the test's global options, then the generated one imported."""
    lines = [
        "{",
        "\tadmin off",
        "\tskip_install_trust",
        f"\thttp_port {http_port}",
        f"\thttps_port {https_port}",
        f"\tstorage file_system {folder}/data",
        "}",
        f"import {site_config}",
    ]
    path = folder / "Caddyfile-main"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def caddy_command(main: Path, verb: str) -> list[str]:
    """`caddy <verb>` as nobody when root, with its home in the test's folder."""
    as_user = (
        [require("setpriv"), "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        if AS_ROOT
        else []
    )
    return [*as_user, require("caddy"), verb, "--config", str(main), "--adapter", "caddyfile"]


def caddy_env(folder: Path) -> dict[str, str]:
    return {**os.environ, "HOME": str(folder), "XDG_DATA_HOME": str(folder / "data"),
            "XDG_CONFIG_HOME": str(folder / "config")}  # fmt: skip


def shared_folder(folder: Path) -> Path:
    """A folder the servers' unprivileged workers (nobody, as root) can read and write."""
    folder.mkdir(parents=True, exist_ok=True)
    if AS_ROOT:
        os.chown(folder, 65534, 65534)
    return folder
