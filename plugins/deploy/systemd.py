"""The systemd unit that runs the contact inbox on the server, hardened.

One process (the rate limit and the background thread live in it) under its own system user,
which can write nothing but its state directory, where the database lives. The inbox itself
deletes expired messages when it starts and every hour after, and sends the e-mail
notifications from its outbox; systemd restarts it if it fails.
"""

from __future__ import annotations

import shlex

from .site import InboxService

# The SMTP settings of the e-mail notification, if any: root-only, never in the repository.
NOTIFY_ENV = "/etc/contact-inbox/notify.env"
DATABASE = "inbox.sqlite3"

HARDENING = (
    "NoNewPrivileges=yes",
    "ProtectSystem=strict",
    "ProtectHome=yes",
    "PrivateTmp=yes",
    "PrivateDevices=yes",
    "PrivateUsers=yes",
    "PrivateMounts=yes",
    "ProtectKernelTunables=yes",
    "ProtectKernelModules=yes",
    "ProtectKernelLogs=yes",
    "ProtectControlGroups=yes",
    "ProtectClock=yes",
    "ProtectHostname=yes",
    "ProtectProc=invisible",
    "ProcSubset=pid",
    "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
    "RestrictNamespaces=yes",
    "RestrictRealtime=yes",
    "RestrictSUIDSGID=yes",
    "LockPersonality=yes",
    "MemoryDenyWriteExecute=yes",
    "RemoveIPC=yes",
    "CapabilityBoundingSet=",
    "AmbientCapabilities=",
    "SystemCallArchitectures=native",
    "SystemCallFilter=@system-service",
    "SystemCallFilter=~@privileged @resources",
    "UMask=0077",
)


def database_path(service: InboxService) -> str:
    return f"/var/lib/{service.state_directory}/{DATABASE}"


def exec_start(service: InboxService) -> list[str]:
    """The command systemd runs: `contact-inbox serve` behind the web server on this machine."""
    host, _, port = service.address.rpartition(":")
    return [
        f"{service.kit}/.venv/bin/contact-inbox",
        "serve",
        "--host",
        host.strip("[]"),
        "--port",
        port,
        # The web server on this machine passes the visitor's address (for the rate limit).
        "--trusted-proxy",
        host.strip("[]"),
        "--bundle",
        service.bundle,
        "--db",
        database_path(service),
    ]


def render(service: InboxService) -> str:
    lines = [
        f"# systemd: {service.description}; written by `make publish`, do not edit.",
        "# Install: /etc/systemd/system/contact-inbox.service (see docs/deploying.md).",
        "[Unit]",
        f"Description={service.description}",
        "After=network-online.target",
        "Wants=network-online.target",
        "",
        "[Service]",
        "Type=simple",
        f"User={service.user}",
        f"Group={service.user}",
        f"ExecStart={shlex.join(exec_start(service))}",
        f"StateDirectory={service.state_directory}",
        "StateDirectoryMode=0700",
        f"EnvironmentFile=-{NOTIFY_ENV}",
        "Restart=on-failure",
        "RestartSec=5s",
        *HARDENING,
        "",
        "[Install]",
        "WantedBy=multi-user.target",
    ]
    return "\n".join(lines) + "\n"
