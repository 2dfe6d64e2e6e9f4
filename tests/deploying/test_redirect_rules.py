"""make publish moves the redirects plugin's nginx rules out of the web root, under whatever
name REDIRECTS_NGINX_FILE gives them (a fixed name left a renamed file where anyone could fetch
it, and nginx.conf without its 301s)."""

from __future__ import annotations

from pathlib import Path

import pytest
from deploy.plugin import write_configs
from deploy.published import NGINX_REDIRECTS

RULES = "location = /old/ { return 301 /new/; }\n"


@pytest.mark.parametrize("name", ["nginx-redirects.conf", "server/old-addresses.conf"])
def test_publish_moves_the_nginx_rules_by_the_name_the_setting_gives(
    tmp_path: Path, name: str
) -> None:
    output = tmp_path / "output"
    (output / name).parent.mkdir(parents=True)
    (output / name).write_text(RULES, encoding="utf-8")
    settings = {"SITEURL": "https://shop.test", "REDIRECTS_NGINX_FILE": name}
    write_configs(output, settings)
    deploy = tmp_path / "deploy"
    assert not (output / name).exists()
    assert (deploy / NGINX_REDIRECTS).read_text(encoding="utf-8") == RULES
    assert "return 301 /new/;" in (deploy / "nginx.conf").read_text(encoding="utf-8")


def test_a_development_build_leaves_the_nginx_rules_beside_the_site(tmp_path: Path) -> None:
    output = tmp_path / "output"
    output.mkdir()
    (output / "old.conf").write_text(RULES, encoding="utf-8")
    write_configs(output, {"SITEURL": "", "REDIRECTS_NGINX_FILE": "old.conf"})
    assert (output / "old.conf").read_text(encoding="utf-8") == RULES
    assert not (tmp_path / "deploy").exists()
