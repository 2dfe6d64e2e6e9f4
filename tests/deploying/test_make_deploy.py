"""`make deploy`: publish, then rsync to DEPLOY_TARGET (a folder here, user@host: on a real
server), deleting stale files but never the server's .well-known/; nothing goes up while the
build refuses (placeholders, unreleased policy changes)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from sitebuild import OTHER_SITE, ROOT, copy_content
from wxrtools import snapshot


def make(
    target: str, workdir: Path, content: Path, **variables: str
) -> subprocess.CompletedProcess[str]:
    cache = json.dumps(str(workdir / "cache"))
    # The site's own tagline: the kit's pelicanconf.py ships a placeholder, which publish refuses.
    tagline = json.dumps("Bread from the harbour")
    options = f"PELICANOPTS=-e 'CACHE_PATH={cache}' 'SITESUBTITLE={tagline}'"
    command = ["make", "--no-print-directory", target, f"INPUTDIR={content}",
               f"OUTPUTDIR={workdir / 'output'}", options,
               *(f"{name}={value}" for name, value in variables.items())]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def server_folder(workdir: Path) -> Path:
    """A web root as a server has it after an earlier deploy and a certificate."""
    server = workdir / "server"
    (server / "old-page").mkdir(parents=True)
    (server / "old-page" / "index.html").write_text("a page the site no longer has")
    (server / ".well-known" / "acme-challenge").mkdir(parents=True)
    (server / ".well-known" / "acme-challenge" / "token").write_text("Let's Encrypt's")
    return server


def test_deploy_uploads_the_site_and_keeps_the_servers_well_known(tmp_path: Path) -> None:
    server = server_folder(tmp_path)
    # Another business's site: the kit's example would be refused for its placeholders.
    content = copy_content(tmp_path / "content", OTHER_SITE)
    result = make("deploy", tmp_path, content, DEPLOY_TARGET=f"{server}/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (server / "index.html").read_bytes() == (tmp_path / "output" / "index.html").read_bytes()
    assert (server / ".contact-inbox" / "manifest.json").is_file()  # the inbox reads it there
    assert not (server / "old-page").exists()
    assert (server / ".well-known" / "acme-challenge" / "token").read_text() == "Let's Encrypt's"
    assert (tmp_path / "deploy" / "nginx.conf").is_file()  # the configs for the server, too


def test_deploy_refuses_while_the_policy_has_unreleased_changes(tmp_path: Path) -> None:
    server = server_folder(tmp_path)
    before = snapshot(server)
    content = copy_content(tmp_path / "content", OTHER_SITE)
    declaration = content / "privacy.yml"
    declaration.write_text(declaration.read_text().replace("{duration: P3M}", "{duration: P1M}", 1))
    result = make("deploy", tmp_path, content, DEPLOY_TARGET=f"{server}/")
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert "unreleased policy changes" in said and "policy-release" in said
    assert "rsync" not in said
    assert snapshot(server) == before


def test_deploy_without_a_target_says_how_before_building(tmp_path: Path) -> None:
    for target, variable in (("deploy", "DEPLOY_TARGET"), ("deploy-inbox", "INBOX_TARGET")):
        result = make(target, tmp_path, tmp_path / "content")
        assert result.returncode == 2
        assert result.stderr.startswith(f"usage: make {target} {variable}=user@host:")
    assert not (tmp_path / "output").exists()
