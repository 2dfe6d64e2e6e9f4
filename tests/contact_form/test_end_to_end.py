"""The whole path on a really built site: page, form, inbox, thanks, list, erase."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from inbox_harness import cli, start_inbox


@pytest.fixture
def served_site(site, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(site.output, output)
    inbox = start_inbox(tmp_path / "data" / "inbox.sqlite3", site=output)
    yield inbox
    inbox.stop()


def fill(form, values: dict[str, str]) -> list[tuple[str, str]]:
    """What a browser sends for this form: every control by name, in order."""
    pairs = []
    for control in form.find_all(["input", "textarea"]):
        value = values.get(control["name"], control.get("value", ""))
        pairs.append((control["name"], value))
    return pairs


def test_message_sent_through_the_contact_page_is_listed_then_erased(served_site):
    origin = f"http://127.0.0.1:{served_site.port}"
    page = served_site.request("GET", "/contact/")
    form = BeautifulSoup(page.body, "html.parser").find("form", class_="contact-form")
    pairs = fill(form, {"email": "visitor@example.com", "message": "Hello from the page"})

    answer = served_site.post(
        pairs, path=urlsplit(form["action"]).path, origin=origin,
        headers={"Referer": f"{origin}/contact/"},
    )  # fmt: skip
    thanks = served_site.request("GET", urlsplit(answer.headers["location"]).path)

    assert page.status == 200
    assert answer.status == 303
    assert thanks.status == 200 and "your message has arrived" in thanks.body
    listing = cli("list", "--db", str(served_site.db))
    assert "visitor@example.com" in listing.stdout
    erased = cli("erase", "--email", "visitor@example.com", "--db", str(served_site.db))
    assert "erased 1 message(s)" in erased.stdout
    assert "visitor@example.com" not in cli("list", "--db", str(served_site.db)).stdout


def test_error_page_has_the_sites_look_and_the_refilled_form(served_site):
    origin = f"http://127.0.0.1:{served_site.port}"
    answer = served_site.post(
        {"email": "two@example.com, three@example.com", "message": "Keep <this> text"},
        origin=origin,
    )
    page = BeautifulSoup(answer.body, "html.parser")

    assert answer.status == 400
    assert page.find("nav", class_="site-nav") is not None
    assert page.find("footer", class_="site-footer") is not None
    assert page.find(id="contact-email")["value"] == "two@example.com, three@example.com"
    assert page.find(id="contact-message").get_text().strip() == "Keep <this> text"
    assert page.find(class_="contact-reason") is not None
    assert page.find(id="contact-notice").find("a")["href"] == "/privacy/#purpose-contact_form"


def test_the_404_page_of_the_site_answers_misses(served_site):
    answer = served_site.request("GET", "/no/such/page/")

    assert answer.status == 404
    assert BeautifulSoup(answer.body, "html.parser").find("nav", class_="site-nav") is not None
