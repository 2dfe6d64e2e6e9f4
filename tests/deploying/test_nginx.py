"""The generated nginx server blocks, on a real nginx, in front of the built site and its inbox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from deploy import nginx
from deploykit import HOST, Deployed
from inbox_harness import free_port
from server_checks import Served, ServerChecks
from webservers import Client, checked, nginx_command, nginx_config, running


@pytest.fixture(scope="module")
def served(deployed: Deployed) -> Iterator[Served]:
    folder = deployed.server_folder("nginx")
    site = replace(deployed.deployment.site, http_port=free_port(), https_port=free_port())
    (folder / "site.conf").write_text(nginx.render(site), encoding="utf-8")
    main = nginx_config(folder, folder / "site.conf")
    check = checked(nginx_command(main, "-t"))
    assert "syntax is ok" in check and "test is successful" in check
    ports = (site.http_port, site.https_port)
    with running("nginx", nginx_command(main, "-g", "daemon off;"), folder, ports):
        yield Served(
            name="nginx",
            site=Client(HOST, site.https_port, deployed.certificate),
            http=Client(HOST, site.http_port),
            deployed=deployed,
            check_output=check,
            inbox_db=deployed.inbox.db,
            subnet=1,
            access_log=folder / "access.log",
        )


class TestNginx(ServerChecks):
    pass
