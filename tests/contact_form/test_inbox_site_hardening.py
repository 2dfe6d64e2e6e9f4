"""`serve --site`: only regular files inside the folder, the security headers of `_headers`, and
posts only from the declared origins, whatever Host a request names."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from inbox_harness import SITE_ORIGIN, VALID, make_bundle, start_inbox
from inbox_inprocess import InProcessInbox, open_in_process
from privacy_guard.headers import netlify, security_headers

CSP = "default-src 'self'; script-src 'self'"
# The block the privacy guard writes, plus a rule of the owner's own.
HEADERS_FILE = netlify(security_headers(CSP)) + "/feeds/*\n  Cache-Control: max-age=600\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator:
    base = tmp_path_factory.mktemp("site-hardening")
    root = base / "output"
    (root / "about").mkdir(parents=True)
    (root / "feeds").mkdir()
    (root / "index.html").write_text("<!DOCTYPE html><title>Home</title><p>home page")
    (root / "404.html").write_text("<!DOCTYPE html><title>Missing</title><p>custom not found")
    (root / "about" / "index.html").write_text("<!DOCTYPE html><title>About</title><p>about us")
    (root / "feeds" / "all.atom.xml").write_text("<feed/>")
    (root / "_headers").write_text(HEADERS_FILE)
    make_bundle(root / ".contact-inbox")
    (base / "outside").mkdir()
    (base / "outside" / "secret.txt").write_text("outside the site")
    db = base / "data" / "inbox.sqlite3"
    links = {
        "passwd.txt": "/etc/passwd",
        "secret.txt": str(base / "outside" / "secret.txt"),
        "outside-folder": str(base / "outside"),
        "manifest.txt": str(root / ".contact-inbox" / "manifest.json"),
        "database.txt": str(db),
        "about-link.html": str(root / "about" / "index.html"),  # inside, not hidden: served
    }
    for name, target in links.items():
        (root / name).symlink_to(target)
    os.mkfifo(root / "pipe.html")  # not a regular file: opening it would wait for a writer
    yield root, db


@pytest.fixture(scope="module")
def served(site) -> Iterator[InProcessInbox]:
    root, db = site
    inbox = open_in_process(db, site=root, served_at=("127.0.0.1", 8000))
    yield inbox
    inbox.close()


@pytest.mark.parametrize(
    "path",
    ["/passwd.txt", "/secret.txt", "/outside-folder/secret.txt", "/manifest.txt",
     "/database.txt", "/pipe.html"],
)  # fmt: skip
def test_links_out_of_the_folder_or_to_hidden_files_are_not_served(served, path):
    answer = served.client.get(path)

    assert answer.status_code == 404
    assert b"custom not found" in answer.data
    for leaked in (b"root:", b"outside the site", b"rate_limit", b"SQLite"):
        assert leaked not in answer.data


def test_a_link_to_a_page_inside_the_site_is_served(served):
    answer = served.client.get("/about-link.html")

    assert answer.status_code == 200 and b"about us" in answer.data


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/", 200), ("GET", "/about/", 200), ("GET", "/feeds/all.atom.xml", 200),
     ("GET", "/nope/", 404), ("GET", "/about", 308), ("GET", "/contact/send", 405),
     ("POST", "/contact/send", 403)],
)  # fmt: skip
def test_every_answer_carries_the_headers_the_guard_wrote(served, method, path, status):
    answer = served.client.open(path, method=method)

    assert answer.status_code == status
    for name, value in security_headers(CSP).items():
        assert answer.headers[name] == value, name
    owners_rule = answer.headers.get("Cache-Control") == "max-age=600"
    assert owners_rule == path.startswith("/feeds/")


def test_the_allowed_origins_are_the_declared_ones_not_the_requests_host(served):
    forged = served.post(
        VALID, origin="http://rebound.example.test:8000",
        headers={"Host": "rebound.example.test:8000"},
    )  # fmt: skip
    own = served.post(VALID, origin="http://127.0.0.1:8000")
    declared = served.post(VALID, origin=SITE_ORIGIN)

    assert (forged.status_code, own.status_code, declared.status_code) == (403, 303, 303)
    # Made with the app, never completed later: no request meets an unfinished list.
    assert isinstance(served.app.config["CONTACT_ALLOWED_ORIGINS"], frozenset)


def test_on_every_interface_this_machines_addresses_may_post(tmp_path):
    import psutil

    inbox = open_in_process(
        tmp_path / "i.sqlite3", make_bundle(tmp_path / "bundle"), served_at=("0.0.0.0", 8000)
    )
    ours = next(
        a.address for addresses in psutil.net_if_addrs().values() for a in addresses
        if a.family == 2 and not a.address.startswith("127.")
    )  # fmt: skip
    try:
        lan = inbox.post(VALID, origin=f"http://{ours}:8000", headers={"Host": f"{ours}:8000"})
        other = inbox.post(
            VALID, origin="http://198.51.100.9:8000", headers={"Host": "198.51.100.9:8000"}
        )
    finally:
        inbox.close()

    assert (lan.status_code, other.status_code) == (303, 403)


def test_the_real_server_sends_the_headers_and_no_link_target(tmp_path, site):
    root, _ = site
    inbox = start_inbox(tmp_path / "inbox.sqlite3", site=root)
    try:
        page = inbox.request("GET", "/about/")
        missing = inbox.request("GET", "/passwd.txt")
    finally:
        inbox.stop()

    assert page.status == 200 and page.headers["content-security-policy"] == CSP
    assert page.headers["x-content-type-options"] == "nosniff"
    assert missing.status == 404 and "root:" not in missing.body
    assert missing.headers["x-content-type-options"] == "nosniff"
