"""`contact-inbox serve --site DIR` serves the built site safely beside the inbox."""

from __future__ import annotations

import pytest
from inbox_harness import VALID, make_bundle, start_inbox, stored


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "output"
    (root / "about").mkdir(parents=True)
    (root / "empty-folder").mkdir()
    (root / "theme" / "css").mkdir(parents=True)
    (root / "index.html").write_text("<!DOCTYPE html><title>Home</title><p>home page")
    (root / "404.html").write_text("<!DOCTYPE html><title>Missing</title><p>custom not found")
    (root / "about" / "index.html").write_text("<!DOCTYPE html><title>About</title><p>about us")
    (root / "en").mkdir()  # a site of several languages: the English 404 page under /en/
    (root / "en" / "404.html").write_text("<!DOCTYPE html><title>Missing</title><p>english 404")
    (root / "theme" / "css" / "site.css").write_text("body { color: black; }")
    (root / "feeds").mkdir()
    (root / "feeds" / "all.atom.xml").write_text("<feed/>")
    (root / "robots.txt").write_text("User-agent: *\n")
    (tmp_path / "secret.txt").write_text("outside the site")
    make_bundle(root / ".contact-inbox")
    return root


@pytest.fixture
def served(tmp_path, site):
    inbox = start_inbox(tmp_path / "data" / "inbox.sqlite3", site=site)
    yield inbox
    inbox.stop()


@pytest.mark.parametrize(
    ("path", "status", "content_type", "text"),
    [
        ("/", 200, "text/html", "home page"),
        ("/about/", 200, "text/html", "about us"),
        ("/about/index.html", 200, "text/html", "about us"),
        ("/theme/css/site.css", 200, "text/css", "color: black"),
        ("/robots.txt", 200, "text/plain", "User-agent"),
        ("/feeds/all.atom.xml", 200, "application/", "<feed/>"),
        ("/nope/", 404, "text/html", "custom not found"),
        ("/en/nope/", 404, "text/html", "english 404"),
        ("/en/", 404, "text/html", "english 404"),
        ("/empty-folder/", 404, "text/html", "custom not found"),  # never a listing
        ("/.contact-inbox/manifest.json", 404, "text/html", "custom not found"),
        ("/.contact-inbox/", 404, "text/html", "custom not found"),
        ("/../secret.txt", 404, "text/html", "custom not found"),
        ("/%2e%2e/secret.txt", 404, "text/html", "custom not found"),
        ("/about/..%2f..%2fsecret.txt", 404, "text/html", "custom not found"),
        ("/" + "a" * 5000, 404, "text/html", "custom not found"),  # longer than a file name
        ("/about/" + "b" * 300 + "/", 404, "text/html", "custom not found"),
    ],
)
def test_site_files_are_served_and_nothing_else(served, path, status, content_type, text):
    answer = served.request("GET", path)

    assert answer.status == status
    assert answer.headers["content-type"].startswith(content_type)
    assert text in answer.body
    assert "outside the site" not in answer.body


def test_folder_without_slash_redirects_to_its_slash_url(served):
    answer = served.request("GET", "/about?x=1")

    assert answer.status == 308
    assert answer.headers["location"].endswith("/about/?x=1")


def test_head_request_has_no_body(served):
    answer = served.request("HEAD", "/about/")

    assert answer.status == 200 and answer.body == ""


def test_form_posted_from_the_served_pages_is_accepted(served):
    answer = served.post(VALID, origin=f"http://127.0.0.1:{served.port}")
    via_localhost = served.post(VALID, origin=f"http://localhost:{served.port}")

    assert (answer.status, via_localhost.status) == (303, 303)
    assert len(stored(served.db)) == 2


def test_other_local_origins_are_still_refused(served):
    assert served.post(VALID, origin="http://127.0.0.1:1").status == 403


def test_served_on_every_interface_its_own_pages_may_post(tmp_path, site):
    # With --host 0.0.0.0 only "http://0.0.0.0:PORT" was allowed, an origin no browser sends:
    # every message sent from the served contact page got 403.
    # Its own addresses only: a Host the request names is no origin (DNS rebinding).
    import psutil

    ours = next(
        a.address for addresses in psutil.net_if_addrs().values() for a in addresses
        if a.family == 2 and not a.address.startswith("127.")
    )  # fmt: skip
    inbox = start_inbox(tmp_path / "i.sqlite3", site=site, extra=("--host", "0.0.0.0"))
    lan = f"{ours}:{inbox.port}"
    try:
        local = inbox.post(VALID, origin=f"http://127.0.0.1:{inbox.port}")
        from_lan = inbox.post(VALID, origin=f"http://{lan}", headers={"Host": lan})
        elsewhere = inbox.post(VALID, origin="http://192.0.2.9:8000", headers={"Host": lan})
        garbage = inbox.post(VALID, origin="not a url", headers={"Host": "[bad"})
    finally:
        inbox.stop()

    assert (local.status, from_lan.status, elsewhere.status, garbage.status) == (303, 303, 403, 403)
    assert len(stored(tmp_path / "i.sqlite3")) == 2


def test_without_site_the_serving_address_is_no_origin(tmp_path):
    inbox = start_inbox(tmp_path / "i.sqlite3", make_bundle(tmp_path / "bundle"))
    try:
        answer = inbox.post(VALID, origin=f"http://127.0.0.1:{inbox.port}")
        root = inbox.request("GET", "/")
    finally:
        inbox.stop()

    assert answer.status == 403
    assert root.status == 404


def test_database_inside_the_site_is_refused(tmp_path, site):
    from inbox_harness import cli

    result = cli("serve", "--port", "0", "--site", str(site), "--db", str(site / "inbox.sqlite3"))

    assert result.returncode == 2
    assert "must not live inside the served site" in result.stderr
    assert not (site / "inbox.sqlite3").exists()


@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT"])
def test_the_action_answers_other_methods_with_405_even_beside_the_site(served, method):
    answer = served.request(method, "/contact/send")

    assert answer.status == 405  # GET and HEAD were the site's 404 page
    assert answer.headers["allow"] == "POST"
    assert "Traceback" not in served.log
