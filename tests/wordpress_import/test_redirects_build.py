"""The redirects plugin in real builds: bad targets fail the build with their line; the site's
own pages win over a redirect; a site without redirects.yml gets no redirect files."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sitebuild import ROOT, copy_content, run_build
from wxrtools import FIXTURE

NEW = "/2012/06/what-your-customers-keep-telling-facebook-google-and-amazon/"  # the first post


def test_targets_the_site_lacks_fail_the_build_each_with_its_line(tmp_path: Path) -> None:
    """Every line that cannot redirect is named in one build: a target the site does not have,
    and an old address under one of the site's files (/robots.txt/x/ needs a folder where the
    site has a file)."""
    content = copy_content(tmp_path / "content")
    (content / "redirects.yml").write_text(
        "/old/one/: '{filename}/articles/2012/what-your-customers-keep-telling.md'\n"
        "/old/two/: '{filename}/articles/deleted.md'\n"
        "/old/three/: '{category}No such category'\n"
        "/old/four/: '{nonsense}x'\n"
        "/robots.txt/x/: /about/\n",
        encoding="utf-8",
    )
    build = run_build(tmp_path, content=content)
    assert build.returncode != 0
    table = content / "redirects.yml"
    for line, words in ((2, "deleted.md"), (3, "/category/no-such-category/"), (4, "{nonsense}x")):
        assert f"{table}:{line}: " in build.log and words in build.log
    assert f"{table}:5: no redirect page can be written for /robots.txt/x/" in build.log
    assert f"{table}:1:" not in build.log
    assert "Errno" not in build.log and "Traceback" not in build.log
    assert not (tmp_path / "output").exists()  # a failed build publishes nothing


def test_the_site_own_pages_win_and_identities_are_skipped(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    article = "{filename}/articles/2012/what-your-customers-keep-telling.md"
    (content / "redirects.yml").write_text(
        f"/about/: '{article}'\n"  # the site's own About page stays
        f"{NEW}: '{article}'\n"  # already the new address
        f"/old-post/: '{article}'\n",
        encoding="utf-8",
    )
    build = run_build(tmp_path, content=content)
    assert build.returncode == 0, build.log
    assert build.page("/about/").h1.get_text() == "About"
    assert build.page("/old-post/").find("meta", attrs={"http-equiv": "refresh"})
    rules = (build.output / "_redirects").read_text().splitlines()[1:]
    assert rules == [f"/old-post/  {NEW}  301!"]
    # A site that replaced an earlier blog says so where an old address may land.
    assert "It may have moved when we brought our old blog across" in build.page("/404.html").text


def test_a_site_without_redirects_gets_no_redirect_files(site) -> None:
    for name in ("_redirects", "nginx-redirects.conf"):
        assert not (site.output / name).exists()
    # ...and its 404 page speaks of no old blog it never had.
    not_found = site.page("/404.html").text
    assert "Sorry, there is nothing at this address." in not_found
    assert "moved" not in not_found and "old blog" not in not_found
    # .htaccess is shared: the privacy guard writes its security headers there, the deploy
    # plugin its HTTPS, compression and dot-path rules.
    htaccess = site.output / ".htaccess"
    assert not htaccess.exists() or "# BEGIN Discreet redirects" not in htaccess.read_text()


def test_make_import_runs_the_importer(tmp_path: Path) -> None:
    content = tmp_path / "content"

    def make_import(*extra: str) -> subprocess.CompletedProcess[str]:
        command = ["make", "--no-print-directory", "import", f"WXR={FIXTURE}"]
        return subprocess.run(
            [*command, f"INPUTDIR={content}", *extra],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )

    result = make_import()
    assert result.returncode == 0, result.stdout + result.stderr
    assert (content / "articles" / "the-week-in-video.md").is_file()
    not_forced = make_import("FORCE=0")  # only FORCE=1 replaces files
    assert not_forced.returncode != 0 and "already exists" in not_forced.stderr


def test_an_encoded_dot_dot_cannot_write_outside_the_output(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    (content / "redirects.yml").write_text(
        "/%2e%2e/%2E%2E/%2e%2e/escaped/: /about/\n", encoding="utf-8"
    )
    build = run_build(tmp_path, content=content, output=tmp_path / "a" / "b" / "c" / "output")
    assert build.returncode != 0
    assert f"{content / 'redirects.yml'}:1: " in build.log and "may not contain .." in build.log
    assert not [p for p in tmp_path.rglob("escaped")], "a redirect page escaped the output"
