"""The generated Apache virtual hosts on a real Apache in front of the built site and its inbox,
and the site's own .htaccess alone, as a shared host without the vhost would serve it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
from deploy import apache
from deploykit import HOST, Deployed
from inbox_harness import free_port
from server_checks import Served, ServerChecks, SiteChecks
from webservers import Client, apache_command, apache_config, checked, running


@dataclass(frozen=True)
class ApacheRun:
    vhost: Served
    shared_hosting: Served


@pytest.fixture(scope="module")
def apache_run(deployed: Deployed) -> Iterator[ApacheRun]:
    folder = deployed.server_folder("apache")
    site = replace(deployed.deployment.site, http_port=free_port(), https_port=free_port())
    (folder / "site.conf").write_text(apache.render(site), encoding="utf-8")
    shared_port = free_port()
    (folder / "shared.conf").write_text(_shared_hosting(deployed, shared_port), encoding="utf-8")
    ports = (site.http_port, site.https_port, shared_port)
    main = apache_config(folder, [folder / "site.conf", folder / "shared.conf"], ports)
    check = checked(apache_command(main, "-t"))
    assert "Syntax OK" in check
    logs = folder / "logs"
    with running("apache", apache_command(main, "-DFOREGROUND"), folder, ports):
        yield ApacheRun(
            vhost=Served(
                name="apache",
                site=Client(HOST, site.https_port, deployed.certificate),
                http=Client(HOST, site.http_port),
                deployed=deployed,
                check_output=check,
                inbox_db=deployed.inbox.db,
                subnet=2,
                access_log=logs / f"{HOST.replace('.', '-')}-access.log",
            ),
            shared_hosting=Served(
                name="apache .htaccess",
                site=Client(HOST, shared_port, deployed.certificate),
                deployed=deployed,
                check_output=check,
                inbox_db=deployed.inbox.db,
                subnet=3,  # HSTS too: the .htaccess sends it over HTTPS
            ),
        )


def _shared_hosting(deployed: Deployed, port: int) -> str:
    """A shared host's vhost: TLS and AllowOverride All, nothing of ours but the .htaccess."""
    root = deployed.build.output
    return f"""<VirtualHost *:{port}>
    ServerName {HOST}
    DocumentRoot "{root}"
    SSLEngine on
    SSLCertificateFile "{deployed.certificate}"
    SSLCertificateKeyFile "{deployed.certificate.with_name("key.pem")}"
    <Directory "{root}">
        Options +SymLinksIfOwnerMatch
        AllowOverride All
        Require all granted
    </Directory>
</VirtualHost>
"""


@pytest.fixture(scope="module")
def served(apache_run: ApacheRun) -> Served:
    return apache_run.vhost


class TestApache(ServerChecks):
    pass


class TestSharedHosting(SiteChecks):
    """The .htaccess alone: everything but the form, which a shared host cannot run."""

    @pytest.fixture
    def served(self, apache_run: ApacheRun) -> Served:
        return apache_run.shared_hosting
