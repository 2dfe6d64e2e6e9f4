"""The privacy-guard command: exit codes, one-line errors, the JSON report's shape."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from guardkit import page, write_files
from sitebuild import EXAMPLE_SITE, as_nobody
from warmpython import run_module

TRACKED = page(
    head='<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
    body='<meta property="og:image" content="https://cdn.example-cdn.test/card.png">',
)


def run(*args: str) -> subprocess.CompletedProcess:
    return run_module("privacy_guard.cli", list(args))


@pytest.fixture
def clean_site(tmp_path):
    return write_files(
        tmp_path / "clean", {"index.html": page(body='<a href="https://x.test/">x</a>')}
    )


@pytest.fixture
def tracked_site(tmp_path):
    return write_files(tmp_path / "tracked", {"index.html": page(), "blog/index.html": TRACKED})


def test_clean_site_exits_0(clean_site):
    done = run(str(clean_site), "--site-url", "https://example-shop.test")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("privacy guard passed: 0 errors")


def test_errors_exit_1_with_file_line_host_and_company(tracked_site):
    done = run(str(tracked_site))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert "blog/index.html" in lines
    assert any(
        line.startswith("  line 6: error: script https://www.googletagmanager.com/gtag/js?id=G-1")
        and "Google Tag Manager (Google)" in line
        for line in lines
    ), done.stdout
    assert any(line.startswith("  line 10: warning: og-image") for line in lines)


def test_json_report_shape(tracked_site):
    done = run(str(tracked_site), "--format", "json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert set(report) == {"findings", "summary"}
    fields = {"file", "line", "severity", "kind", "url", "host", "entity", "category", "declared"}
    assert all(fields <= set(finding) for finding in report["findings"])
    error = next(f for f in report["findings"] if f["severity"] == "error")
    assert error == {
        **error,
        "file": "blog/index.html",
        "line": 6,
        "kind": "script",
        "url": "https://www.googletagmanager.com/gtag/js?id=G-1",
        "host": "www.googletagmanager.com",
        "entity": "Google Tag Manager (Google)",
        "category": "tag manager",
        "declared": False,
    }
    summary = report["summary"]
    assert (summary["errors"], summary["warnings"], summary["passed"]) == (1, 1, False)
    assert (summary["files_scanned"], summary["pages_scanned"]) == (2, 2)
    assert summary["third_party_hosts"][0]["host"] == "cdn.example-cdn.test"


@pytest.mark.parametrize(
    "args",
    [
        ["/nonexistent/output"],
        [],
        ["{site}", "--format", "xml"],
        ["{site}", "--site-url", "example-shop"],
        ["{site}", "--declaration", "/nonexistent/privacy.yml"],
        ["{site}", "--site-url", "ftp://example-shop.test"],
        ["{site}", "--site-url", "https://example shop.test"],
        ["{site}", "--site-url", "https://example-shop.test:99999"],
        ["{site}", "--site-url", "https://[::1"],
        ["{site}", "--site-url", "https://-shop-.test"],
        [""],
        ["{site}", "--declaration", ""],
        ["{site}", "--cache", " "],
        ["{site}", "--jobs", "0"],
        ["{site}", "--jobs", "-3"],
    ],
    ids=[
        "missing-folder",
        "no-folder",
        "bad-format",
        "bad-site-url",
        "missing-declaration",
        "site-url-not-web",
        "site-url-space-in-host",
        "site-url-bad-port",
        "site-url-bad-ipv6",
        "site-url-bad-host",
        "empty-output-dir",
        "empty-declaration",
        "blank-cache",
        "no-jobs",
        "negative-jobs",
    ],
)
def test_bad_usage_exits_2_with_one_line(clean_site, args):
    done = run(*[arg.format(site=clean_site) for arg in args])
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stderr.startswith("privacy-guard: ") and "Traceback" not in done.stderr


def test_console_script_is_installed(clean_site):
    script = Path(sys.executable).with_name("privacy-guard")
    done = subprocess.run([str(script), str(clean_site)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr  # a link to another host loads nothing


def test_cache_option_reuses_scans(tmp_path, tracked_site):
    cache = tmp_path / "guard-cache.json"
    first = run(str(tracked_site), "--cache", str(cache), "--format", "json")
    second = run(str(tracked_site), "--cache", str(cache), "--format", "json")
    assert json.loads(first.stdout)["findings"] == json.loads(second.stdout)["findings"]
    assert cache.is_file()


def declaration(tmp_path: Path, hosts: str = "[]", storage: str = "[]") -> Path:
    """The project's example declaration with other recipient hosts."""
    text = (EXAMPLE_SITE / "privacy.yml").read_text()
    text = text.replace("    hosts: []", f"    hosts: {hosts}", 1)
    path = tmp_path / "privacy.yml"
    path.write_text(text)
    return path


def test_declaration_allows_its_hosts_and_warns_about_stale_ones(tmp_path):
    site = write_files(tmp_path / "site", {"index.html": TRACKED})
    file = declaration(tmp_path, "[www.googletagmanager.com, unused.example.test]")
    done = run(str(site), "--declaration", str(file), "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    findings = json.loads(done.stdout)["findings"]
    declared = next(f for f in findings if f["host"] == "www.googletagmanager.com")
    assert (declared["severity"], declared["declared"], declared["recipient"]) == (
        "info",
        True,
        "webhost",
    )
    stale = next(f for f in findings if f["kind"] == "stale-declaration")
    assert (stale["file"], stale["host"], stale["severity"]) == (
        str(file),
        "unused.example.test",
        "warning",
    )


def test_invalid_declaration_exits_2_with_its_problems(tmp_path, clean_site):
    bad = tmp_path / "bad.yml"
    bad.write_text("schema: 1\nsite: {name: Shop}\n")
    done = run(str(clean_site), "--declaration", str(bad))
    assert done.returncode == 2
    assert f"privacy-guard: {bad}:2 site.url: missing" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("files", [{}, {"img/logo.png": b"\x89PNG\r\n"}], ids=["empty", "no-pages"])
def test_a_folder_with_nothing_to_audit_is_bad_input(tmp_path, files):
    """An empty or wrong folder (output/ before the first build) must not 'pass' the audit."""
    folder = write_files(tmp_path / "output", files)
    folder.mkdir(exist_ok=True)
    done = run(str(folder))
    assert done.returncode == 2, done.stdout
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"privacy-guard: {folder}: no page, stylesheet or script to audit; build the site first "
        "(make html) or give the folder it is built into"
    ]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.symlink_to("missing.html"), "broken or looping symbolic link"),
        (lambda p: p.symlink_to(p.name), "broken or looping symbolic link"),
        (lambda p: os.mkfifo(p), "not a regular file"),
        (lambda p: p.symlink_to("/dev/zero"), "not a regular file"),
    ],
    ids=["broken-link", "link-loop", "named-pipe", "device"],
)
def test_a_file_that_is_not_a_page_is_one_line(clean_site, make, words):
    """A server serves none of these; reading them failed with a wrong hint, hung or ran out of
    memory."""
    make(clean_site / "odd.html")
    done = subprocess.run(
        [sys.executable, "-m", "privacy_guard.cli", str(clean_site)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert lines[0].startswith(f"privacy-guard: {clean_site / 'odd.html'}: ")
    assert words in lines[0] and "remove it" in lines[0]


def test_a_cache_path_that_is_a_folder_is_one_line_and_leaves_nothing(tmp_path, clean_site):
    folder = tmp_path / "cache-folder"
    folder.mkdir()
    done = run(str(clean_site), "--cache", str(folder))
    assert done.returncode == 2, done.stdout
    assert done.stderr.strip().splitlines() == [
        f"privacy-guard: --cache {folder}: is a folder; give a file, like .privacy-guard-cache"
    ]
    assert not list(tmp_path.glob("*.partial"))


@pytest.fixture
def outsider_dir():
    """A folder an unprivileged user can reach: root reads everything, so as root the guard
    runs as 'nobody' to meet a folder it may not read, as a normal user would."""
    folder = Path(tempfile.mkdtemp(prefix="guard-perms-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


def run_unprivileged(*args: str) -> subprocess.CompletedProcess:
    command = [*as_nobody(), sys.executable, "-m", "privacy_guard.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_a_folder_it_may_not_read_is_not_skipped(outsider_dir):
    """Its pages are served all the same (the server may read them), so passing would be a lie."""
    site = write_files(outsider_dir / "output", {"index.html": page(), "blog/index.html": TRACKED})
    site.chmod(0o755)
    (site / "blog").chmod(0o000)
    done = run_unprivileged(str(site))
    assert done.returncode == 2, done.stdout
    assert done.stderr.strip().splitlines() == [
        f"privacy-guard: {site / 'blog'}: this folder cannot be read (Permission denied); "
        "check its permissions"
    ]


def test_a_linked_folder_is_audited_and_link_loops_end(tmp_path):
    """A web server serves a folder linked into the output like any other: its pages count.
    Links back into the site or up to a folder above it are not walked again."""
    site = write_files(tmp_path / "output", {"index.html": page()})
    elsewhere = write_files(tmp_path / "elsewhere", {"blog/index.html": TRACKED})
    (site / "blog").symlink_to(elsewhere / "blog")
    (site / "self").symlink_to(".")
    (site / "up").symlink_to(tmp_path)
    (elsewhere / "blog" / "back").symlink_to(site)
    (elsewhere / "blog" / "again").symlink_to(elsewhere / "blog")
    done = subprocess.run(
        [sys.executable, "-m", "privacy_guard.cli", str(site), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["files_scanned"] == 2
    assert {finding["file"] for finding in report["findings"]} == {"blog/index.html"}
