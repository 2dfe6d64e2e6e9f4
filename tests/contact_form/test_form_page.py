"""The built contact pages: the form from the field definitions, the honeypot, the notice."""

from __future__ import annotations

import json
import re

import pytest
from sitebuild import EXAMPLE_SITE, ROOT, Build, copy_content, run_build, write_article


def form_of(build: Build, path: str = "/contact/"):
    return build.page(path).find("form", class_="contact-form")


def test_contact_page_keeps_the_owners_text_above_the_form(site):
    page = site.page("/contact/")
    intro = page.find("p", string=re.compile("We would like to hear from you"))
    form = page.find("form", class_="contact-form")

    assert intro is not None and form is not None
    assert intro in form.find_all_previous("p")


def test_form_posts_to_the_same_site_action_and_needs_no_script(site):
    form = form_of(site)

    assert form["method"] == "post"
    assert form["action"] == "/contact/send"
    for html in site.html_files():
        assert "<script" not in html.read_text(encoding="utf-8")


def test_default_fields_with_html5_validation(site):
    form = form_of(site)
    expected = {
        # name: (tag, type, required, maxlength, autocomplete)
        "name": ("input", "text", False, "100", "name"),
        "email": ("input", "email", True, "254", "email"),
        "subject": ("input", "text", False, "150", "off"),
        "message": ("textarea", None, True, "5000", None),
    }
    controls = [c for c in form.find_all(["input", "textarea"]) if c["name"] != "website"]

    assert [c["name"] for c in controls] == list(expected)
    for control in controls:
        tag, kind, required, maxlength, autocomplete = expected[control["name"]]
        assert control.name == tag
        assert control.get("type") == kind
        assert control.has_attr("required") is required
        assert control["maxlength"] == maxlength
        assert control.get("autocomplete") == autocomplete
        label = form.find("label", attrs={"for": control["id"]})
        assert label is not None and label.get_text(strip=True)
        assert ("(optional)" in label.get_text()) is (not required)


def test_honeypot_is_hidden_from_screen_readers_keyboards_and_eyes(site):
    form = form_of(site)
    trap = form.find("input", attrs={"name": "website"})
    wrapper = trap.find_parent("div")

    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"
    assert not trap.has_attr("required")
    assert wrapper.get("aria-hidden") == "true"
    assert wrapper.has_attr("inert")
    assert "contact-hp" in wrapper["class"]
    css = (site.output / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    rule = re.search(r"\.contact-hp\s*\{([^}]*)\}", css)
    assert rule is not None
    assert "position: absolute" in rule.group(1) and "left: -10000px" in rule.group(1)


def test_notice_next_to_the_submit_button_gives_purpose_retention_and_policy_link(site):
    form = form_of(site)
    button = form.find("button", attrs={"type": "submit"})
    notice = form.find(id="contact-notice")

    assert button.find_parent("p").find_previous_sibling("p") is notice
    assert button["aria-describedby"] == "contact-notice"
    text = " ".join(notice.get_text().split())
    # The same period and starting point as the privacy policy states.
    assert "We delete it 6 months after we receive your message." in text
    assert "answer the questions you send us" in text
    assert notice.find("a")["href"] == "/privacy/#purpose-contact_form"


def test_thanks_and_error_pages_are_built(site):
    thanks = site.page("/contact/thanks/")
    error = site.page("/contact/error/")

    assert "your message has arrived" in thanks.find("h1").get_text()
    assert "6 months" in thanks.get_text()
    assert error.find("h1").get_text() == "Your message was not sent"
    assert error.find("a", href="/contact/") is not None
    for page in (thanks, error):
        assert page.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None
        assert page.find("nav", class_="site-nav") is not None  # the site's own look


def test_thanks_and_error_pages_stay_out_of_the_sitemap(site):
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")

    assert "<loc>/contact/</loc>" in sitemap
    assert "/contact/thanks/" not in sitemap and "/contact/error/" not in sitemap


def test_navigation_links_the_contact_page_on_every_page(site):
    for html in site.html_files():
        if ".contact-inbox" in html.parts:
            continue
        page = site.page("/" + html.relative_to(site.output).as_posix())
        nav = page.find("nav", class_="site-nav")
        assert nav is not None and nav.find("a", href="/contact/") is not None, html


def test_bundle_holds_the_same_field_definitions_as_the_form(site):
    bundle = site.output / ".contact-inbox"
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    form = form_of(site)

    for field in manifest["fields"]:
        control = form.find(attrs={"name": field["name"]})
        assert control is not None
        assert int(control["maxlength"]) == field["maxlength"]
        assert control.has_attr("required") is field["required"]
    assert manifest["action"] == form["action"]
    assert manifest["notice"]["retention_iso"] == "P6M"
    assert (bundle / "declaration.yml").read_text(encoding="utf-8") == (
        EXAMPLE_SITE / "privacy.yml"
    ).read_text(encoding="utf-8")
    assert (bundle / "form.html.j2").read_text(encoding="utf-8") == (
        ROOT / "theme" / "templates" / "contact_form.html"
    ).read_text(encoding="utf-8")


def test_first_article_keeps_its_own_single_contact_link(site):
    [article] = [p for p in site.html_files() if p.parts[-4:-3] == ("2012",)]
    body = site.page("/" + article.relative_to(site.output).as_posix()).find(class_="post-body")
    links = body.find_all("a", string="Contact us!")

    assert len(links) == 1 and links[0]["href"] == "/contact/"
    assert body.find_all("p")[-1].find("a") is links[0]


CUSTOM_FIELDS = [
    {"name": "email", "label": "E-mail", "type": "email", "required": True, "maxlength": 120},
    {"name": "order", "label": "Order number", "maxlength": 20},
    {"name": "message", "label": "Question", "type": "textarea", "required": True,
     "maxlength": 800},
]  # fmt: skip


@pytest.fixture(scope="module")
def more_articles(tmp_path_factory):
    """The site with three more articles, a custom link text and custom form fields."""
    workdir = tmp_path_factory.mktemp("more")
    content = copy_content(workdir / "content")
    write_article(content, "2024/plain.md", "Title: Plain\nDate: 2024-01-02\n\nNo link here.\n")
    write_article(
        content,
        "2024/own-link.md",
        "Title: Own link\nDate: 2024-01-03\n\nText.\n\n"
        "[Write to us]({filename}../../pages/contact.md)\n",
    )
    write_article(
        content,
        "2024/early-link.md",
        "Title: Early link\nDate: 2024-01-04\n\n[Contact](/contact/) early.\n\nLast words.\n",
    )
    overrides = {"CONTACT_LINK_TEXT": "Get in touch", "CONTACT_FIELDS": CUSTOM_FIELDS}
    build = run_build(workdir, content=content, overrides=overrides)
    assert build.returncode == 0, build.log
    return build


@pytest.mark.parametrize(
    ("url", "added"),
    [
        ("/2024/01/plain/", True),
        ("/2024/01/own-link/", False),
        ("/2024/01/early-link/", True),
        ("/2012/06/what-your-customers-keep-telling-facebook-google-and-amazon/", False),
    ],
)
def test_every_article_ends_with_exactly_one_contact_link(more_articles, url, added):
    body = more_articles.page(url).find(class_="post-body")
    last = body.find_all("p")[-1]
    added_links = body.find_all("a", string="Get in touch")

    assert last.find("a")["href"] == "/contact/"
    assert len(added_links) == (1 if added else 0)
    if added:
        assert "contact-link" in last["class"]


def test_published_site_uses_absolute_urls(published_site):
    form = form_of(published_site)
    notice = form.find(id="contact-notice")

    assert form["action"] == "https://example-shop.test/contact/send"
    assert notice.find("a")["href"] == "https://example-shop.test/privacy/#purpose-contact_form"


def test_custom_fields_build_the_form(more_articles):
    form = form_of(more_articles)
    names = [c["name"] for c in form.find_all(["input", "textarea"]) if c["name"] != "website"]
    assert names == ["email", "order", "message"]
    assert form.find(attrs={"name": "order"})["maxlength"] == "20"


# Each refusal: the setting's bad value and what the build must say. Refusals of different
# settings that the plugin reports together (all kinds at `initialized`; fields, rate and
# declaration when it writes the form) share one build, which must name every one of them.
REFUSALS = {
    "kinds": [
        ({"CONTACT_FORM_ACTION": 5}, ["CONTACT_FORM_ACTION: expected"]),
        ({"CONTACT_THANKS_URL": None}, ["CONTACT_THANKS_URL: expected"]),
        ({"CONTACT_ERROR_URL": ""}, ["CONTACT_ERROR_URL: expected"]),
        ({"CONTACT_PRIVACY_URL": 3}, ["CONTACT_PRIVACY_URL: expected"]),
        ({"CONTACT_LINK_TEXT": None}, ["CONTACT_LINK_TEXT: expected"]),
        ({"CONTACT_DECLARATION": 5}, ["CONTACT_DECLARATION: expected"]),
        ({"CONTACT_HONEYPOT": ""}, ["CONTACT_HONEYPOT: expected"]),
        ({"CONTACT_ALLOWED_ORIGINS": "https://shop.example.com"}, ["CONTACT_ALLOWED_ORIGINS: "]),
        ({"CONTACT_RATE_LIMT": "1 per hour"}, ["CONTACT_RATE_LIMT: unknown setting"]),
    ],
    # Pelican's own words named no setting ("Failed to overwrite ... set override=True").
    "thanks-page-twice": [
        ({"CONTACT_ERROR_URL": "contact/thanks/"}, ["CONTACT_ERROR_URL: "]),
        ({"CONTACT_ALLOWED_ORIGINS": ["shop.example.com"]}, ["CONTACT_ALLOWED_ORIGINS: "]),
    ],
    "outside-the-site": [({"CONTACT_THANKS_URL": "../../escape/"}, ["CONTACT_THANKS_URL: "])],
    "contact-page-twice": [({"CONTACT_ERROR_URL": "contact/"}, ["CONTACT_ERROR_URL: "])],
    "fields-rate-declaration": [
        (
            {"CONTACT_FIELDS": [{"name": "email", "label": "", "type": "mail"}]},
            ["CONTACT_FIELDS[0].label: expected", "CONTACT_FIELDS[0].type: expected one of"],
        ),
        ({"CONTACT_RATE_LIMIT": "lots"}, ["CONTACT_RATE_LIMIT: rate limit 'lots'"]),
        ({"CONTACT_DECLARATION": "/nonexistent/privacy.yml"}, ["/nonexistent/privacy.yml"]),
    ],
    "no-email-field-zero-rate": [
        (
            {"CONTACT_FIELDS": [{"name": "message", "label": "M", "type": "textarea"}]},
            ["expected exactly one field of type 'email'"],
        ),
        ({"CONTACT_RATE_LIMIT": "0 per minute"}, ["CONTACT_RATE_LIMIT: rate limit '0 per minute'"]),
    ],
    "honeypot-named-like-a-field": [
        ({"CONTACT_HONEYPOT": "email"}, ["'email' is the honeypot's name"]),
    ],
}


@pytest.mark.parametrize("refusals", REFUSALS.values(), ids=list(REFUSALS))
def test_bad_settings_fail_the_build_with_one_line_each(tmp_path, refusals):
    overrides = {}
    for setting, _ in refusals:
        assert not overrides.keys() & setting.keys(), f"one build, one value per setting: {setting}"
        overrides |= setting
    build = run_build(tmp_path, overrides=overrides)

    assert build.returncode != 0
    for setting, expected in refusals:
        for words in expected:
            assert words in build.log, f"{setting}: {words!r} not said\n{build.log}"
    assert "Traceback" not in build.log
    assert not (tmp_path / "output").exists()
