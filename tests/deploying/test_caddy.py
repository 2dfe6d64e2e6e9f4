"""The generated Caddyfile on a real Caddy in front of the built site and its inbox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from deploy import caddy
from deploykit import HOST, Deployed
from inbox_harness import free_port
from server_checks import Served, ServerChecks
from webservers import (
    Client,
    caddy_command,
    caddy_config,
    caddy_env,
    checked,
    running,
    shared_folder,
)


@pytest.fixture(scope="module")
def served(deployed: Deployed) -> Iterator[Served]:
    folder = shared_folder(deployed.server_folder("caddy"))
    site = replace(deployed.deployment.site, http_port=free_port(), https_port=free_port())
    (folder / "site.Caddyfile").write_text(caddy.render(site), encoding="utf-8")
    main = caddy_config(folder, folder / "site.Caddyfile", site.http_port, site.https_port)
    env = caddy_env(folder)
    check = checked(caddy_command(main, "validate"), env=env)
    assert "Valid configuration" in check
    ports = (site.http_port, site.https_port)
    with running("caddy", caddy_command(main, "run"), folder, ports, env=env):
        yield Served(
            name="caddy",
            site=Client(HOST, site.https_port, deployed.certificate),
            http=Client(HOST, site.http_port),
            deployed=deployed,
            check_output=check,
            inbox_db=deployed.inbox.db,
            subnet=4,
            access_log=None,  # Caddy writes no access log unless a `log` directive asks
        )


class TestCaddy(ServerChecks):
    pass
