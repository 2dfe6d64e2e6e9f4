"""The configs `make publish` writes: the same files the server tests run, a systemd unit that
verifies, the inbox's own host for sites whose form posts elsewhere, and clear refusals."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

from deploy import apache, caddy, nginx, systemd
from deploy.plugin import placement, server_files
from deploy.published import read_deployment
from deploy.site import HSTS
from deploykit import ACME_TOKEN, HOST, INBOX_HOST, Deployed
from inbox_harness import free_port
from sitebuild import Build, run_build
from webservers import (
    Client,
    apache_command,
    apache_config,
    caddy_command,
    caddy_config,
    caddy_env,
    checked,
    nginx_command,
    nginx_config,
    require,
    running,
    shared_folder,
)


def test_the_build_wrote_the_configs_the_servers_are_tested_with(deployed: Deployed) -> None:
    folder = Path(str(deployed.settings["DEPLOY_PATH"]))
    expected = server_files(deployed.deployment.site)
    assert deployed.deployment.service is not None
    expected["contact-inbox.service"] = systemd.render(deployed.deployment.service)
    expected["nginx-redirects.conf"] = deployed.deployment.site.nginx_redirects
    assert "return 301" in expected["nginx-redirects.conf"]
    written = {
        p.relative_to(folder).as_posix(): p.read_text() for p in folder.rglob("*") if p.is_file()
    }
    assert written == expected


def test_the_inbox_unit_verifies_and_is_hardened(deployed: Deployed) -> None:
    unit = Path(str(deployed.settings["DEPLOY_PATH"])) / "contact-inbox.service"
    analyze = require("systemd-analyze")
    verified = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True)
    assert (verified.returncode, verified.stdout + verified.stderr) == (0, "")
    security = checked([analyze, "security", "--offline=yes", str(unit)])
    exposure = float(
        security.rsplit("Overall exposure level for contact-inbox.service: ", 1)[1].split()[0]
    )
    assert exposure <= 1.5, security  # measured 1.1 ("OK"); a plain unit scores 9.6 ("UNSAFE")
    text = unit.read_text()
    for line in (
        "User=contact-inbox",
        "StateDirectory=contact-inbox",
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "Restart=on-failure",
        f"EnvironmentFile=-{systemd.NOTIFY_ENV}",
    ):
        assert line in text.splitlines(), line
    # The inbox behind every server of these tests was started from this unit's ExecStart.
    assert str(deployed.deployment.service.bundle) in " ".join(deployed.inbox.process.args)


def test_a_development_build_writes_no_server_configs(site: Build) -> None:
    assert not (site.output.parent / "deploy").exists()
    htaccess = (site.output / ".htaccess").read_text()
    assert apache.BEGIN in htaccess and "ErrorDocument 404 /404.html" in htaccess


def test_the_first_certificate_configs_pass_their_checks(deployed: Deployed) -> None:
    site = replace(deployed.deployment.site, http_port=free_port(), https_port=free_port())
    folder = deployed.server_folder("first-certificate")
    (folder / "nginx.conf").write_text(nginx.http_server(site))
    assert "test is successful" in checked(
        nginx_command(nginx_config(folder, folder / "nginx.conf"), "-t")
    )
    (folder / "apache.conf").write_text(apache.http_vhost(site))
    main = apache_config(folder, [folder / "apache.conf"], (site.http_port,))
    assert "Syntax OK" in checked(apache_command(main, "-t"))


def test_a_form_posting_to_another_host_gets_configs_for_that_host(deployed: Deployed) -> None:
    """A site on a static host sends its form to an inbox on a small server of its own."""
    folder = deployed.server_folder("inbox-host")
    site_copy = folder / "site"
    shutil.copytree(deployed.build.output, site_copy)
    manifest = site_copy / ".contact-inbox" / "manifest.json"
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "action": f"https://{INBOX_HOST}/contact/send"}))
    inbox_root = folder / "inbox-root"
    token = inbox_root / ACME_TOKEN.lstrip("/")
    token.parent.mkdir(parents=True)
    token.write_text("token\n")
    shutil.copytree(deployed.build.output / ".contact-inbox", inbox_root / ".contact-inbox")
    settings = {**deployed.settings, "DEPLOY_INBOX_ROOT": str(inbox_root)}
    deployment = read_deployment(site_copy, placement(settings))

    assert deployment.site.inbox is None and "proxy_pass" not in nginx.render(deployment.site)
    inbox_site = deployment.inbox_site
    assert inbox_site is not None and inbox_site.host == INBOX_HOST and not inbox_site.serves_pages
    assert deployment.service is not None
    assert deployment.service.bundle == f"{inbox_root}/.contact-inbox"
    inbox_site = replace(inbox_site, http_port=free_port(), https_port=free_port())
    (folder / "nginx.conf").write_text(nginx.render(inbox_site))
    (folder / "apache.conf").write_text(apache.render(inbox_site))
    (folder / "Caddyfile").write_text(caddy.render(inbox_site))
    main = apache_config(
        folder, [folder / "apache.conf"], (inbox_site.http_port, inbox_site.https_port)
    )
    assert "Syntax OK" in checked(apache_command(main, "-t"))
    caddy_folder = shared_folder(folder / "caddy")
    caddy_main = caddy_config(caddy_folder, folder / "Caddyfile", free_port(), free_port())
    assert "Valid configuration" in checked(
        caddy_command(caddy_main, "validate"), env=caddy_env(caddy_folder)
    )

    nginx_main = nginx_config(folder, folder / "nginx.conf")
    ports = (inbox_site.http_port, inbox_site.https_port)
    with running("nginx", nginx_command(nginx_main, "-g", "daemon off;"), folder, ports):
        client = Client(INBOX_HOST, inbox_site.https_port, deployed.certificate)
        assert client.request("/").status == 404  # no pages here
        assert client.request("/contact/send", method="HEAD").status == 405  # the inbox answers
        assert client.request("/.contact-inbox/manifest.json").status == 404
        assert client.request(ACME_TOKEN).body == b"token\n"
        form = "name=Ada&email=ada%40example.com&subject=From+afar&message=Hello+there&website="
        sent = client.request(
            "/contact/send",
            method="POST",
            body=form.encode(),
            source="127.0.9.1",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{HOST}",
            },
        )
        assert sent.status == 303, sent.body[:300]
        for name, value in inbox_site.headers:
            assert sent.all(name) == [value]


def test_a_deploy_setting_of_the_wrong_kind_stops_the_build_with_one_line_each(
    tmp_path: Path,
) -> None:
    build = run_build(
        tmp_path,
        settings="publishconf.py",
        overrides={"DEPLOY_HTTPS_PORT": "443", "DEPLOY_ROOOT": "/srv/site", "DEPLOY_LISTEN": "::"},
    )
    assert build.returncode != 0
    assert "DEPLOY_HTTPS_PORT: expected a port number from 1 to 65535" in build.log
    assert "DEPLOY_ROOOT: unknown setting; did you mean DEPLOY_ROOT?" in build.log
    assert "DEPLOY_LISTEN: expected a list of addresses" in build.log
    assert "Traceback" not in build.log and not (tmp_path / "output").exists()


def test_the_nginx_header_snippet_is_in_deploy_and_sends_every_header(
    deployed: Deployed,
) -> None:
    """privacy-headers.nginx.conf, for a server block of the owner's own: in deploy/, not in
    the output anyone can fetch, and included by a real nginx it sends what nginx.conf sends."""
    snippet = Path(str(deployed.settings["DEPLOY_PATH"])) / "privacy-headers.nginx.conf"
    assert not list(deployed.build.output.rglob("*nginx*")), "no server config in the web root"
    folder = deployed.server_folder("own-server-block")
    port = free_port()
    (folder / "own.conf").write_text(
        f"server {{\n  listen 127.0.0.1:{port};\n  server_name {HOST};\n"
        f"  root {deployed.build.output};\n  include {snippet};\n}}\n"
    )
    main = nginx_config(folder, folder / "own.conf")
    with running("nginx", nginx_command(main, "-g", "daemon off;"), folder, (port,)):
        answer = Client(HOST, port).request("/")
    expected = {**dict(deployed.deployment.site.headers), "Strict-Transport-Security": HSTS}
    assert len(expected) >= 5
    for name, value in expected.items():
        assert answer.all(name) == [value], name
