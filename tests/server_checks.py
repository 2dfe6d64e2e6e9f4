"""The checks every server of the built site must pass, as real HTTP requests.

A test module starts its server once (a module fixture `served`) and subclasses ServerChecks,
so nginx, Apache, Caddy and `contact-inbox serve --site` answer the very same questions.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup
from deploy.site import HSTS, LONG_CACHE, REVALIDATE
from deploykit import ACME_TOKEN, SITEURL, Deployed
from inbox_harness import VALID, stored, wait_for
from webservers import Client, Reply
from wxrtools import expected_heading

PAGE = "/2012/06/why-we-left-the-big-networks/"  # an imported post at its own address
OLD_PAGE = "/2012/06/28/why-we-left-the-big-networks/"  # its old WordPress permalink
ASSET = "/theme/css/site.css"
MISSING = "/no-such-page/"
DOT_PATHS = ("/.contact-inbox/manifest.json", "/.contact-inbox/", "/.htaccess",
             "/.git/config", "/theme/.hidden", "/.well-known/.hidden")  # fmt: skip


@dataclass
class Served:
    """One running server in front of the built site, and what the checks need to know of it."""

    name: str
    site: Client  # the site at its own name (HTTPS, except serve --site)
    deployed: Deployed
    check_output: str  # what the server's own config check said
    inbox_db: Path  # where the inbox behind it stores messages
    subnet: int  # this server's visitors come from 127.0.<subnet>.x (own rate-limit keys)
    http: Client | None = None  # the plain-HTTP port, which moves everything to HTTPS
    access_log: Path | None = None  # None: the server keeps no access log at all
    hsts: bool = True

    def visitor(self, number: int) -> str:
        return f"127.0.{self.subnet}.{number}"

    def get(self, target: str, **headers: str) -> Reply:
        return self.site.request(target, headers=headers)

    def post(self, form: dict[str, str], visitor: int, **headers: str) -> Reply:
        body = urlencode(form).encode()
        return self.site.request(
            "/contact/send",
            method="POST",
            body=body,
            source=self.visitor(visitor),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": SITEURL,
                     **headers},
        )  # fmt: skip

    def hashed_asset(self) -> str:
        css = self.deployed.build.output / "theme" / "css"
        [hashed] = [
            p for p in css.glob("site.*.css") if re.fullmatch(r"site\.[0-9a-f]+\.css", p.name)
        ]
        return "/" + hashed.relative_to(self.deployed.build.output).as_posix()


class SiteChecks:
    """What any host of the site must do. Subclass in a module that defines `served`."""

    def test_its_config_check_passed(self, served: Served) -> None:
        assert served.check_output is not None

    def test_every_kind_of_answer_carries_the_security_headers(self, served: Served) -> None:
        expected = dict(served.deployed.deployment.site.headers)
        assert {"Content-Security-Policy", "Referrer-Policy", "Permissions-Policy",
                "X-Content-Type-Options"} <= set(expected)  # fmt: skip
        assert "frame-ancestors 'none'" in expected["Content-Security-Policy"]
        answers = {
            "page": served.get(PAGE),
            "asset": served.get(ASSET),
            "hashed asset": served.get(served.hashed_asset()),
            "404": served.get(MISSING),
            "redirect": served.get(OLD_PAGE),
            "query redirect": served.get("/?p=12"),
            "dot-path": served.get("/.contact-inbox/manifest.json"),
            "form": served.post({}, visitor=200),
        }
        for kind, answer in answers.items():
            for name, value in expected.items():
                assert answer.all(name) == [value], (served.name, kind, name, answer.all(name))
            if served.hsts:
                assert answer.all("Strict-Transport-Security") == [HSTS], (served.name, kind)

    def test_pages_revalidate_and_hashed_theme_files_are_kept_a_year(self, served: Served) -> None:
        for target in (PAGE, "/", ASSET, "/feeds/all.atom.xml"):
            assert served.get(target).all("Cache-Control") == [REVALIDATE], (served.name, target)
        for encoding in ("identity", "br"):
            hashed = served.get(served.hashed_asset(), **{"Accept-Encoding": encoding})
            assert hashed.status == 200, (served.name, encoding, hashed.status)
            assert hashed.all("Cache-Control") == [LONG_CACHE], (served.name, encoding)

    def test_the_browser_gets_the_compressed_copy_it_accepts(self, served: Served) -> None:
        output = served.deployed.build.output
        hashed = served.hashed_asset()
        for target, file in ((PAGE, output / PAGE.strip("/") / "index.html"),
                             (hashed, output / hashed.lstrip("/"))):  # fmt: skip
            plain = served.get(target, **{"Accept-Encoding": "identity"})
            assert plain.body == file.read_bytes() and not plain.header("Content-Encoding")
            answers = [plain]
            for accepts, encoding, suffix in (("gzip, deflate, br", "br", ".br"),
                                              ("gzip", "gzip", ".gz")):  # fmt: skip
                answer = served.get(target, **{"Accept-Encoding": accepts})
                assert answer.header("Content-Encoding") == encoding, (target, accepts)
                assert answer.body == file.with_name(file.name + suffix).read_bytes()
                answers.append(answer)
            for answer in answers:
                assert answer.header("Content-Type") == plain.header("Content-Type"), target
                vary = [v.strip().lower() for v in ",".join(answer.all("Vary")).split(",")]
                assert "accept-encoding" in vary, (served.name, target, answer.all("Vary"))
        assert served.get(PAGE).header("Content-Type").startswith("text/html")

    def test_a_missing_page_gets_the_site_404(self, served: Served) -> None:
        answer = served.get(MISSING)
        assert answer.status == 404
        assert BeautifulSoup(answer.body, "html.parser").h1.get_text() == "Page not found"

    def test_every_old_address_answers_301_to_the_right_page(self, served: Served) -> None:
        build, moved = served.deployed.build, 0
        for old, target in served.deployed.table.items():
            answer = served.get(quote(old, safe="/?=&%"))
            if answer.status != 200:  # 200: the old address is the page itself (for the record)
                assert answer.status == 301, (served.name, old, answer.status)
                location = urlsplit(urljoin(f"{SITEURL}{old}", answer.header("Location")))
                assert location.hostname == urlsplit(SITEURL).hostname, (served.name, old)
                answer = served.get(location.path)
                assert answer.status == 200, (served.name, old, location.path)
                moved += 1
            if not answer.header("Content-Type").startswith("text/html"):
                assert "xml" in answer.header("Content-Type"), (served.name, old)  # a feed
                continue
            soup = BeautifulSoup(answer.body, "html.parser")
            assert not soup.find("meta", attrs={"http-equiv": "refresh"}), (served.name, old)
            heading = expected_heading(build, target)
            if heading:
                assert soup.h1.get_text(" ", strip=True).startswith(heading), (served.name, old)
        assert moved >= 25, "the fixture has dozens of old addresses"

    def test_dot_paths_are_refused_but_well_known_is_served(self, served: Served) -> None:
        for path in DOT_PATHS:
            assert served.get(path).status in (403, 404), (served.name, path)
        token = served.get(ACME_TOKEN)
        assert token.status == 200 and token.body == b"token for Let's Encrypt\n"

    def test_plain_http_moves_to_https_but_answers_lets_encrypt(self, served: Served) -> None:
        if served.http is None:
            return  # serve --site speaks plain HTTP on purpose: development only
        moved = served.http.request(PAGE + "?x=1")
        assert moved.status in (301, 308)  # both permanent; 308 (Caddy's) also keeps a POST
        location = urlsplit(moved.header("Location"))
        assert (location.scheme, location.hostname) == ("https", served.site.host), served.name
        assert location.port in (None, served.site.port), served.name  # None: 443 (Caddy)
        assert (location.path, location.query) == (PAGE, "x=1"), served.name
        # Let's Encrypt's check over HTTP: the token itself, or a move to HTTPS it follows.
        token = served.http.request(ACME_TOKEN)
        if token.status in (301, 308):
            assert urlsplit(token.header("Location")).path == ACME_TOKEN, served.name
            token = served.get(ACME_TOKEN)
        assert token.status == 200 and token.body == b"token for Let's Encrypt\n"


class FormChecks:
    """What a host that passes the contact form to the inbox must do."""

    def test_a_form_post_is_stored_and_the_owner_notified(self, served: Served) -> None:
        subject = f"Through {served.name} {uuid.uuid4().hex[:8]}"
        answer = served.post({**VALID, "subject": subject}, visitor=1)
        assert answer.status == 303, answer.body[:300]
        refused = served.post({**VALID, "email": "not an address"}, visitor=1)
        for reply in (answer, refused):  # the error page may hold what the visitor typed
            assert reply.all("Cache-Control") == ["no-store"], (served.name, reply.status)
        assert urlsplit(answer.header("Location")).path == "/contact/thanks/"
        [message] = [m for m in stored(served.inbox_db) if m.fields.get("subject") == subject]
        mailbox = served.deployed.mailbox
        wait_for(lambda: any(f"#{message.id}" in str(m["Subject"]) for m in mailbox.messages),
                 what=f"the e-mail about message #{message.id}")  # fmt: skip

    def test_a_forged_forwarded_for_does_not_reach_the_rate_limit(self, served: Served) -> None:
        limit = served.deployed.rate_limit
        incomplete = {"message": "no e-mail address"}  # refused (400) after the rate limit
        for attempt in range(limit):
            forged = {"X-Forwarded-For": f"203.0.113.{attempt}"}
            assert served.post(incomplete, visitor=2, **forged).status == 400, attempt
        assert (
            served.post(incomplete, visitor=2, **{"X-Forwarded-For": "198.51.100.7"}).status == 429
        )
        # The limit knows visitors by their real address: another one is not held back.
        assert served.post(incomplete, visitor=3).status == 400

    def test_the_body_size_is_limited(self, served: Served) -> None:
        limit = served.deployed.deployment.site.inbox.body_limit
        too_big = {**VALID, "message": "x" * (limit + 1)}
        answer = served.post(too_big, visitor=4)
        assert answer.status == 413, (answer.status, answer.body[:300])

    def test_the_form_address_is_never_in_an_access_log(self, served: Served) -> None:
        served.post({**VALID, "subject": "not logged"}, visitor=5)
        served.get(PAGE)
        if served.access_log is None:
            return  # nothing is logged at all
        log = served.access_log
        # Servers log after answering: wait for the page's line (it proves the file is right).
        wait_for(lambda: PAGE in log.read_text(errors="replace"), what=f"{PAGE} in {log}")
        assert "/contact/send" not in log.read_text(errors="replace")

    def test_the_search_is_answered_by_the_inbox_and_never_logged(self, served: Served) -> None:
        """The site's search (plugins/site_search): the server passes GET /search to the inbox,
        which answers in the site's theme, and no log keeps what was searched for."""
        answer = served.get("/search?q=privacy+secretword")
        assert answer.status == 200, (served.name, answer.body[:300])
        assert b"<mark>" in answer.body or b"No post contains" in answer.body, answer.body[:600]
        assert answer.all("Cache-Control") == ["no-store"], served.name
        found = served.get("/search?q=privacy")
        assert b"<mark>" in found.body, served.name
        served.get(PAGE)
        if served.access_log is None:
            return
        log = served.access_log
        wait_for(lambda: PAGE in log.read_text(errors="replace"), what=f"{PAGE} in {log}")
        assert "secretword" not in log.read_text(errors="replace")


class ServerChecks(SiteChecks, FormChecks):
    """A server in front of the site and its inbox."""
