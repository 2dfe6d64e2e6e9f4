"""Search with no third party and no script (plugins/site_search): the index the build writes,
the query's safety, and the inbox's answer to GET /search in the site's theme, never logged."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup
from contact_form.app import create_app
from contact_form.runtime import open_inbox
from florist import FIRST_ARTICLE
from plugin_support import BuildStopped
from site_search.index import Document, update_index
from site_search.plugin import initialize
from site_search.query import match_expression, open_index, search, words_of
from sitebuild import EXAMPLE_SITE, Build


def test_typed_words_never_become_fts5_syntax() -> None:
    assert words_of('privacy AND "cookies" -tracking NEAR(a b) col:x*') == [
        "privacy", "AND", "cookies", "tracking", "NEAR", "a", "b", "col", "x",
    ]  # fmt: skip
    assert match_expression(["a", "pri"]) == '"a" AND "pri"*'


def test_the_index_rewrites_only_what_changed(tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite3"
    docs = [Document(f"Post {n}", f"p{n}/", "en", "2026-01-01", "", f"<p>word{n}</p>")
            for n in range(3)]  # fmt: skip
    assert update_index(index, docs) == 3
    assert update_index(index, docs) == 0
    docs[1] = Document("Post 1", "p1/", "en", "2026-01-01", "", "<p>changed café</p>")
    assert update_index(index, docs[:2]) == 2  # one rewritten, one gone
    with open_index(index) as connection:
        assert search(connection, "cafe").hits[0].url == "p1/"  # accents folded
        assert search(connection, "word2").total == 0


def test_hits_come_in_rank_order_page_by_page(tmp_path: Path) -> None:
    """Titles and snippets are made apart from the ranking; each page keeps the ranked order."""
    index = tmp_path / "index.sqlite3"
    # The more often "tulips" is in a post, the higher it ranks; in the title counts most.
    docs = [Document(f"Post {n}", f"p{n}/", "en", "2026-01-01", "", "<p>tulips </p>" * n + "x")
            for n in range(1, 6)]  # fmt: skip
    docs.append(Document("Tulips", "title/", "en", "2026-01-01", "", "<p>x</p>"))
    update_index(index, docs)
    with open_index(index) as connection:
        pages = [search(connection, "tulip", page=n, per_page=2) for n in (1, 2, 3)]
    assert [hit.url for page in pages for hit in page.hits] == [
        "title/", "p5/", "p4/", "p3/", "p2/", "p1/",
    ]  # fmt: skip
    assert pages[0].hits[0].title_html == "<mark>Tulips</mark>"
    assert all("<mark>tulips</mark>" in hit.snippet_html for page in pages[1:] for hit in page.hits)


@pytest.fixture(scope="module")
def client(florist_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The inbox application itself, in this process, serving the florist site."""
    db = tmp_path_factory.mktemp("search-inbox") / "inbox.sqlite3"
    inbox = open_inbox(db=db, bundle=None, site=florist_site.output)
    assert inbox.search is not None
    yield create_app(inbox).test_client()
    inbox.store.close()


def results(client: Any, query: str) -> tuple[Any, BeautifulSoup]:
    response = client.get(query)
    return response, BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_searching_privacy_finds_the_first_article_with_a_highlighted_snippet(client: Any) -> None:
    response, page = results(client, "/search?q=privacy")
    assert response.status_code == 200
    hits = page.select("ol.search-results > li")
    assert hits and hits[0].select_one("h2 a")["href"] == FIRST_ARTICLE
    assert hits[0].select("mark") and hits[0].select_one("mark").get_text().lower() == "privacy"
    assert page.select_one("#search-q")["value"] == "privacy"
    # In the site's theme: its header, sidebar and footer, its one stylesheet, no script.
    assert page.select_one(".site-logo img")["alt"] == "Lindenblatt Flowers"
    assert page.select_one("aside.furniture") and page.select_one("footer.site-footer")
    assert not page.select("script")
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"


def test_results_come_in_pages(florist_site: Build, tmp_path: Path) -> None:
    inbox = open_inbox(db=tmp_path / "inbox.sqlite3", bundle=None, site=florist_site.output)
    assert inbox.search is not None
    paged = type(inbox.search)(inbox.search.directory,
                               type(inbox.search.manifest)(per_page=1, languages=("en",)),
                               inbox.search.shells, inbox.search.template)  # fmt: skip
    status, html = paged.answer({"q": "bouquet", "page": "2"})
    page = BeautifulSoup(html, "html.parser")
    assert status == 200 and len(page.select("ol.search-results > li")) == 1
    assert page.select_one("a[rel=prev]")["href"] == "/search?q=bouquet&page=1"
    assert page.select_one("a[rel=next]")["href"] == "/search?q=bouquet&page=3"
    assert "Page 2 of 3" in page.select_one(".pagination").get_text()
    inbox.store.close()


def test_a_hits_date_is_written_as_the_sites_pages_write_it(
    client: Any, florist_site: Build
) -> None:
    """The florist is a German business with an English site: "15 June 2012", as its pages
    say, not the US English "June 15, 2012" of a results page that knew no country."""
    _, page = results(client, "/search?q=privacy")
    hit = page.select_one("ol.search-results li")
    assert hit.a["href"] == FIRST_ARTICLE
    on_the_post = florist_site.page(FIRST_ARTICLE).select_one("article .meta time")
    assert hit.time.get_text() == on_the_post.get_text() == "15 June 2012"


def test_no_result_an_empty_query_and_odd_input_all_answer_kindly(client: Any) -> None:
    _, page = results(client, "/search?q=zzzunknown")
    assert "No post contains “zzzunknown”." in page.get_text()
    _, page = results(client, "/search")
    assert "Type one or more words" in page.get_text()
    response, page = results(client, '/search?q="><script>alert(1)</script>&page=x')
    assert response.status_code == 200 and not page.select("script")
    assert page.select_one("#search-q")["value"] == '"><script>alert(1)</script>'


def test_a_query_is_never_logged(client: Any) -> None:
    seen: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    handler = Catch(level=logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        client.get("/search?q=secretword4711")
        client.get("/search?q=secretword4711&page=2")
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    assert not [line for line in seen if "secretword4711" in line]


def test_the_bundle_holds_the_index_and_the_page_but_the_site_does_not_show_them(
    florist_site: Build, client: Any
) -> None:
    folder = florist_site.output / ".contact-inbox" / "search"
    assert {p.name for p in folder.iterdir()} == {
        "index.sqlite3", "manifest.json", "page-en.html", "results.html.j2",
    }  # fmt: skip
    assert client.get("/.contact-inbox/search/index.sqlite3").status_code == 404


SENTENCE = "We neither store nor log what you search for on this site."


def test_the_privacy_policy_says_queries_are_neither_stored_nor_logged(
    florist_site: Build, bare_site: Build
) -> None:
    policy = " ".join(florist_site.page("/privacy/").get_text().split())
    assert SENTENCE in policy
    # Where no server answers the search (static hosting), the policy does not mention it.
    assert SENTENCE not in " ".join(bare_site.page("/privacy/").get_text().split())


INBOX_ELSEWHERE = "https://inbox.example-shop.test/contact/send"


@pytest.mark.parametrize(
    ("settings", "refused"),
    [
        ({"SITEURL": "https://example-shop.test", "CONTACT_FORM_ACTION": INBOX_ELSEWHERE}, True),
        # A development build: the site's host is the declaration's site.url.
        ({"SITEURL": "", "CONTACT_FORM_ACTION": INBOX_ELSEWHERE}, True),
        ({"SITEURL": "", "CONTACT_FORM_ACTION": "https://example-shop.test/contact/send"}, False),
        ({"SITEURL": "https://example-shop.test", "CONTACT_FORM_ACTION": "/contact/send"}, False),
        # Static pages, the inbox on a server of its own: the search is a link to the archives.
        ({"SEARCH_SERVER": False, "CONTACT_FORM_ACTION": INBOX_ELSEWHERE}, False),
    ],
)
def test_a_search_the_inbox_on_another_host_cannot_answer_stops_the_build(
    caplog: pytest.LogCaptureFixture, settings: dict[str, Any], refused: bool
) -> None:
    # Pelican hands the glue its settings at `initialized`; nothing else of Pelican is needed.
    pelican = SimpleNamespace(settings={"PATH": str(EXAMPLE_SITE), **settings})
    if not refused:
        initialize(pelican)
        return
    with pytest.raises(BuildStopped):
        initialize(pelican)
    assert [record.getMessage() for record in caplog.records] == [
        "SEARCH_SERVER: the contact inbox answers the search, and it runs on "
        "inbox.example-shop.test (CONTACT_FORM_ACTION), not on the site's host "
        "example-shop.test, where the search form sends /search; set SEARCH_SERVER = False (the "
        "form becomes a link to the archives), or post the form to the site's own host"
    ]
