"""The Pelican plugin, in real builds: our site with `make html`'s command, and any other site.

Every command forks from the warm interpreter (tests/warmpython.py): `pelican` and the guard's
CLI as `python -m` runs them, without importing Pelican again for each."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from policybuild import release
from sitebuild import ROOT, Build, copy_content, parse_html, run_build, write_article
from warmpython import run_module

GTAG = (
    '<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script>\n'
    "<script>\n  window.dataLayer = window.dataLayer || [];\n"
    "  function gtag(){dataLayer.push(arguments);}\n  gtag('js', new Date());\n"
    "  gtag('config', 'G-ABC123');\n</script>"
)
CSP_META = 'meta[http-equiv="Content-Security-Policy"]'


def declare_hosts(content: Path, hosts: list[str]) -> None:
    """Give the example declaration's web host some hosts (it lists none)."""
    declaration = content / "privacy.yml"
    text = declaration.read_text(encoding="utf-8")
    listed = ", ".join(f'"{host}"' for host in hosts)
    text, count = re.subn(r"(?m)^    hosts: \[\]", f"    hosts: [{listed}]", text)
    assert count == 1
    declaration.write_text(text, encoding="utf-8")
    release_policy(content)


def release_policy(content: Path) -> None:
    """Release the edited declaration, as the owner must before the policy pages build (today:
    the content's own latest release may be later than policybuild's fixed day)."""
    released = release(content, env={"SOURCE_DATE_EPOCH": ""})
    assert released.returncode == 0, released.stderr


def report_lines(build: Build) -> list[str]:
    return build.stderr.splitlines()


# -- the default site ------------------------------------------------------------------------


def test_default_site_builds_clean_with_csp_on_every_page(site):
    assert "privacy guard passed: 0 errors, 0 warnings" in site.stderr
    pages = site.html_files()
    assert pages
    for path in pages:
        head = parse_html(path).head
        csp = head.select(CSP_META)
        assert len(csp) == 1, path
        assert head.select('meta[name="referrer"][content="no-referrer"]'), path
        first = head.find(["meta", "link", "title", "script", "style"], recursive=False)
        assert first.get("charset") and first.find_next("meta") == csp[0], path
    policy = parse_html(site.output / "index.html").head.select_one(CSP_META)["content"]
    # The site's own origin (site.url) is first party: allowed even where 'self' is localhost.
    assert policy.startswith("default-src 'self' https://example-shop.test; img-src 'self' data:")
    assert set(re.findall(r"https://[^\s;]+", policy)) == {"https://example-shop.test"}
    assert (
        "form-action 'self';" in policy and "script-src 'self' https://example-shop.test;" in policy
    )


def test_default_site_report_page_says_none(site):
    report = site.page("/privacy/report/")
    text = report.main.get_text(" ", strip=True)
    assert "Other companies your browser contacts None." in text
    assert "Cookies and other storage on your device None." in text
    assert "JavaScript None: no page runs any script." in text
    pages = len(site.html_files()) - 1  # the report page is written after the audit
    assert f"Pages checked {pages} pages" in text
    assert report.main.find("time")["datetime"]


def test_default_site_writes_deploy_headers(site):
    meta = parse_html(site.output / "index.html").head.select_one(CSP_META)["content"]
    header_csp = f"{meta}; frame-ancestors 'none'"
    netlify = (site.output / "_headers").read_text()
    apache = (site.output / ".htaccess").read_text()
    assert not list(site.output.rglob("privacy-headers*")), "a server config is no file for the web"
    assert f"  Content-Security-Policy: {header_csp}\n" in netlify
    assert f'Header always set Content-Security-Policy "{header_csp}"' in apache
    for text in (netlify, apache):
        assert "Referrer-Policy" in text and "no-referrer" in text
        assert "X-Content-Type-Options" in text and "nosniff" in text
        for feature in ("browsing-topics=()", "interest-cohort=()", "accelerometer=()"):
            assert feature in text


# -- what fails and what only warns ------------------------------------------------------------


def test_tracker_in_an_article_fails_make_html(tmp_path):
    content = copy_content(tmp_path / "content")
    write_article(
        content,
        "2012/tracked.md",
        f"Title: Tracked\nDate: 2012-06-20 10:00\n\nHello.\n\n{GTAG}\n",
    )
    build = run_build(tmp_path, content=content)
    assert build.returncode == 1
    lines = report_lines(build)
    page = "2012/06/tracked/index.html"
    assert page in lines
    at = lines.index(page)
    source = (build.output / page) if (build.output / page).exists() else None
    assert source is None  # strict-build keeps the failed site out of output/
    script_line = next(line for line in lines[at:] if "googletagmanager" in line)
    assert re.match(
        r"  line \d+: error: script https://www\.googletagmanager\.com/gtag/js", script_line
    )
    assert "Google Tag Manager (Google), tag manager" in script_line
    assert any("tracker code" in line and "google-analytics" not in line for line in lines[at:])
    assert "Traceback" not in build.log
    assert "privacy guard FAILED" in build.stderr


def test_tracker_in_a_template_fails_with_the_line(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text().replace("</head>", f"{GTAG}\n</head>"))
    build = run_build(tmp_path, overrides={"THEME": str(theme)})
    assert build.returncode == 1
    # Plain `pelican` leaves the failed site in place: the reported line is the file's line.
    output = tmp_path / "plain-output"
    plain = run_module(
        "pelican",
        [str(build.content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output),
         "--log-handler", "plain", "-e", f'THEME="{theme}"', f'CACHE_PATH="{tmp_path / "cache"}"'],
        cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert plain.returncode == 1
    index = (output / "index.html").read_text().splitlines()
    expected = next(n for n, line in enumerate(index, 1) if "googletagmanager" in line)
    reported = f"  line {expected}: error: script https://www.googletagmanager.com/gtag/js"
    assert reported in build.stderr and reported in plain.stderr
    assert "Traceback" not in plain.stdout + plain.stderr


def test_declared_third_party_passes_and_is_in_the_csp(tmp_path):
    content = copy_content(tmp_path / "content")
    declare_hosts(content, ["images.example-cdn.test"])
    write_article(
        content,
        "2012/cup.md",
        "Title: Our cup\nDate: 2012-06-21 10:00\n\n![A cup](https://images.example-cdn.test/cup.jpg)\n",
    )
    build = run_build(tmp_path, content=content)
    assert build.returncode == 0, build.log
    assert "third-party hosts: 1 declared, 0 undeclared" in build.stderr
    csp = build.page("/2012/06/our-cup/").head.select_one(CSP_META)["content"]
    assert csp.startswith(
        "default-src 'self' https://example-shop.test https://images.example-cdn.test;"
    )
    assert "https://images.example-cdn.test" in (build.output / "_headers").read_text()
    rows = build.page("/privacy/report/").select("#third-parties + .table-scroll tbody tr")
    assert [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in rows] == [
        ["images.example-cdn.test", "Example Hosting AG", "Web hosting"]
    ]


def test_stale_declaration_warns_without_failing_make_html(tmp_path):
    content = copy_content(tmp_path / "content")
    declare_hosts(content, ["fonts.googleapis.com"])
    build = run_build(tmp_path, content=content)
    assert build.returncode == 0, build.log
    assert "privacy guard passed: 0 errors, 1 warning" in build.stderr
    assert (
        "  declaration: warning: recipient webhost lists host fonts.googleapis.com; "
        "no built file contacts it"
    ) in report_lines(build)


def test_warnings_fail_when_asked(tmp_path):
    content = copy_content(tmp_path / "content")
    declare_hosts(content, ["fonts.googleapis.com"])
    build = run_build(tmp_path, content=content, overrides={"PRIVACY_GUARD_FAIL_ON_WARNINGS": True})
    assert build.returncode == 1
    assert "privacy guard FAILED: 0 errors, 1 warning" in build.stderr


def test_third_party_og_image_only_warns(tmp_path):
    content = copy_content(tmp_path / "content")
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "templates" / "base.html"
    card = '<meta property="og:image" content="https://cdn.example-cdn.test/card.png">'
    base.write_text(base.read_text().replace("</head>", f"{card}\n</head>"))
    build = run_build(tmp_path, content=content, overrides={"THEME": str(theme)})
    assert build.returncode == 0, build.log
    assert re.search(
        r"  line \d+: warning: og-image https://cdn\.example-cdn\.test/card\.png", build.stderr
    )


def test_unusable_declaration_stops_the_build_in_one_line_per_problem(tmp_path):
    content = copy_content(tmp_path / "content")
    (content / "privacy.yml").write_text("schema: 1\nsite: {name: Shop}\n")
    build = run_build(tmp_path, content=content)
    assert build.returncode == 1
    assert "Traceback" not in build.log
    assert re.search(r"privacy\.yml:2 site\.url: missing", build.log)


def test_cache_reuses_unchanged_files(tmp_path):
    overrides = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    first = run_build(tmp_path, overrides=overrides)
    second = run_build(tmp_path, overrides=overrides, content=first.content)
    assert first.returncode == second.returncode == 0, second.log
    assert "reused" not in first.stderr
    assert re.search(r"\((\d+) unchanged files reused\)", second.stderr)
    assert (tmp_path / "cache" / "privacy_guard.json").is_file()


# -- any Pelican site: the bundled notmyidea theme -----------------------------------------------

NOTMYIDEA_CONF = """
AUTHOR = "Someone"
SITENAME = "Any blog"
SITEURL = "https://blog.example.test"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "notmyidea"
PLUGINS = ["privacy_guard"]
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""


def build_notmyidea(tmp_path: Path, *settings: str) -> subprocess.CompletedProcess:
    content = tmp_path / "content"
    content.mkdir()
    (content / "hello.md").write_text("Title: Hello\nDate: 2024-01-02\n\nFirst post.\n")
    (content / "again.md").write_text("Title: Again\nDate: 2024-02-03\n\nSecond post.\n")
    conf = tmp_path / "pelicanconf.py"
    conf.write_text(NOTMYIDEA_CONF + "\n".join(settings) + "\n")
    return run_module(
        "pelican",
        [str(content), "-s", str(conf), "-o", str(tmp_path / "output"), "--log-handler", "plain"],
        cwd=tmp_path, timeout=300,
    )  # fmt: skip


def test_notmyidea_with_disqus_fails(tmp_path):
    done = build_notmyidea(tmp_path, 'DISQUS_SITENAME = "anyblog"')
    assert done.returncode == 1, done.stdout + done.stderr
    assert "anyblog.disqus.com (Disqus, social) is not declared" in done.stderr
    assert "hello/index.html" in done.stderr or "hello.html" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_notmyidea_with_analytics_snippet_fails(tmp_path):
    done = build_notmyidea(tmp_path, f"ANALYTICS = {GTAG!r}")
    assert done.returncode == 1
    assert "www.googletagmanager.com (Google Tag Manager (Google), tag manager)" in done.stderr
    assert "tracker code 'dataLayer'" in done.stderr or "tracker code 'gtag('" in done.stderr


def test_notmyidea_ignores_google_analytics_setting_and_passes(tmp_path):
    # Pelican 4.12's notmyidea renders only ANALYTICS; GOOGLE_ANALYTICS emits nothing to catch.
    done = build_notmyidea(tmp_path, 'GOOGLE_ANALYTICS = "UA-000000-1"')
    assert done.returncode == 0, done.stderr
    assert "privacy guard passed" in done.stderr
    for page in (tmp_path / "output").rglob("*.html"):
        assert "UA-000000-1" not in page.read_text()


def test_notmyidea_pages_get_the_csp_meta_injected(tmp_path):
    done = build_notmyidea(tmp_path)
    assert done.returncode == 0, done.stderr
    pages = list((tmp_path / "output").rglob("*.html"))
    assert pages
    for page in pages:
        head = parse_html(page).head
        assert len(head.select(CSP_META)) == 1, page
        assert head.select_one('meta[name="referrer"]')["content"] == "no-referrer"
    assert not (tmp_path / "output" / "privacy" / "report").exists()  # no template: no page
    assert (tmp_path / "output" / "_headers").is_file()
    second = build_notmyidea_again(tmp_path)
    assert second.returncode == 0


def build_notmyidea_again(tmp_path: Path) -> subprocess.CompletedProcess:
    """Audit the injected output again: the injected tags are not injected twice."""
    return run_module(
        "privacy_guard.cli", [str(tmp_path / "output"), "--site-url", "https://blog.example.test"]
    )


THEME_STORAGE = (
    "storage:\n"
    "  - {name: theme, type: local_storage, provider: first_party, purpose: Remember light "
    "or dark mode, duration: until_cleared, consent_required: false,\n"
    "     exemption: strictly_necessary}\n"
)


def declare_storage(content: Path, storage: str) -> None:
    declaration = content / "privacy.yml"
    text, count = re.subn(r"(?m)^storage: \[\].*\n", storage, declaration.read_text())
    assert count == 1
    declaration.write_text(text)
    release_policy(content)


def test_storage_no_script_can_write_is_a_contradiction(tmp_path):
    """The cookie statement would list local storage while the report says no page runs a
    script: the build stops, naming the item (issue 13, defect 9)."""
    content = copy_content(tmp_path / "content")
    declare_storage(content, THEME_STORAGE)
    build = run_build(tmp_path, content=content)
    assert build.returncode == 1
    assert (
        "storage[0] theme is local storage, which only a script can write, but no page of the "
        "site runs a script; remove it from storage, or add the script that sets it" in build.log
    )
    assert "privacy guard FAILED: the policy and this build disagree in 1 place above" in build.log


def test_report_page_lists_declared_storage(tmp_path):
    content = copy_content(tmp_path / "content")
    declare_storage(
        content,
        THEME_STORAGE + "  - {name: sid, type: cookie, provider: webhost, purpose: Keep you "
        "signed in, duration: P1Y6M, consent_required: false, exemption: strictly_necessary}\n",
    )
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / "theme.js").write_text('localStorage.setItem("theme", "dark");\n')
    build = run_build(tmp_path, content=content)
    assert build.returncode == 0, build.log
    rows = build.page("/privacy/report/").select("#storage + .table-scroll tbody tr")
    assert [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in rows] == [
        [
            "theme",
            "local storage",
            "this website",
            "Remember light or dark mode",
            "until you clear it",
        ],
        ["sid", "cookie", "Example Hosting AG", "Keep you signed in", "1 year 6 months"],
    ]
