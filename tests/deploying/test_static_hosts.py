"""netlify.toml and the GitHub Pages workflow: they parse, and every command they run exists."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from kitclone import dry_run_on_a_fresh_clone
from packaging.specifiers import SpecifierSet
from sitebuild import ROOT, Build

MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
OUTPUTDIR = re.search(r"^OUTPUTDIR := (\S+)$", MAKEFILE, re.MULTILINE)[1]  # type: ignore[index]
REQUIRES_PYTHON = SpecifierSet(
    tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
)


def assert_make_command(command: str, folder: Path) -> None:
    """`make TARGET`, make knows the target, and on the host's fresh clone it installs what the
    site needs and not the [test] extras (a dry run, which builds nothing)."""
    words = command.split()
    assert words[0] == "make" and len(words) == 2, command
    installs = [c for c in dry_run_on_a_fresh_clone(folder, words[1]) if " pip install " in c]
    assert installs and not any("[test]" in c for c in installs), installs


def test_netlify_builds_with_make_publish_and_publishes_the_output(tmp_path: Path) -> None:
    config = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
    assert_make_command(config["build"]["command"], tmp_path)
    assert config["build"]["command"] == "make publish"
    assert config["build"]["publish"] == OUTPUTDIR
    assert config["build"]["environment"]["PYTHON_VERSION"] in REQUIRES_PYTHON


def test_the_pages_workflow_builds_with_make_publish_and_deploys_the_output(tmp_path: Path) -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "push" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = {step.get("uses", "").split("@")[0]: step for step in build["steps"]}
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert runs == ["make publish"]
    for command in runs:
        assert_make_command(command, tmp_path)
    assert steps["actions/setup-python"]["with"]["python-version"] in REQUIRES_PYTHON
    assert steps["actions/upload-pages-artifact"]["with"]["path"] == OUTPUTDIR
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    for step in [*build["steps"], *deploy["steps"]]:
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


def test_the_static_hosts_files_carry_the_headers_and_long_caching(published_site: Build) -> None:
    headers = (published_site.output / "_headers").read_text(encoding="utf-8")
    assert "frame-ancestors 'none'" in headers and "Referrer-Policy: no-referrer" in headers
    hashed = [p for p in (published_site.output / "theme" / "css").iterdir()
              if re.fullmatch(r"site\.[0-9a-f]{10}\.css", p.name)]  # fmt: skip
    assert hashed, "make publish names theme files by their hash"
    path = "/" + hashed[0].relative_to(published_site.output).as_posix()
    assert f"{path}\n  Cache-Control: public, max-age=31536000, immutable" in headers
