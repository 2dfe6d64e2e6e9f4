"""The contact form in a real Chromium: a filled-in form lands on the thanks page and in the inbox,
with or without JavaScript; the browser itself stops an empty required field; and a keyboard
alone reaches every field and the button, with visible focus, never the honeypot.

What the form must contain comes from the build's inbox manifest (fields, honeypot, URLs)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import uuid
from typing import Any
from urllib.parse import urlsplit

import pytest
from browsing import guarded_context
from sitebuild import parse_html
from siteserver import ServedSite

CONTACT_INBOX = [sys.executable, "-m", "contact_form.cli"]  # the `contact-inbox` command
FORM = "form.contact-form"
SUBMIT = f"{FORM} button[type=submit]"
CONTROLS = ("input", "textarea", "select", "button")

pytestmark = pytest.mark.browser

# Everything about the focused element that the tab walk needs.
FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    name: el.getAttribute("name") || "",
    in_form: Boolean(el.closest("form.contact-form")),
    focus_visible: el.matches(":focus-visible"),
    ring: [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow],
  };
}
"""
UNFOCUSED_RING = """
(el) => {
  el.blur();
  const style = getComputedStyle(el);
  return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow];
}
"""


@pytest.fixture(scope="module")
def manifest(served_site: ServedSite) -> dict[str, Any]:
    """The form as the build described it to the inbox."""
    path = served_site.site / ".contact-inbox" / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8"))


def inbox_listing(served: ServedSite) -> str:
    result = subprocess.run(
        [*CONTACT_INBOX, "list", "--db", str(served.db)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def sample_values(manifest: dict[str, Any], marker: str) -> dict[str, str]:
    """A valid value for every field, each carrying ``marker`` so the inbox entry is findable."""
    values = {}
    for field in manifest["fields"]:
        if field["type"] == "email":
            values[field["name"]] = f"visitor-{marker}@example.com"
        elif field["type"] == "textarea":
            values[field["name"]] = f"Hello from the browser test {marker}.\nA second line."
        else:
            values[field["name"]] = f"{field['label']} {marker}"
    return values


def field(name: str) -> str:
    return f'{FORM} [name="{name}"]'


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_filled_in_form_lands_on_the_thanks_page_and_in_the_inbox(
    browser: Any, served_site: ServedSite, manifest: dict[str, Any], javascript: bool
) -> None:
    marker = uuid.uuid4().hex[:10]
    values = sample_values(manifest, marker)
    options = {"java_script_enabled": javascript}
    with guarded_context(browser, served_site.base_url, **options) as (context, recorder):
        page = context.new_page()
        page.goto(served_site.url(manifest["page_url"]))
        for name, value in values.items():
            page.fill(field(name), value)
        with page.expect_navigation() as navigation:
            page.click(SUBMIT)
        response = navigation.value
        assert response is not None and response.status == 200
        assert urlsplit(page.url).path == manifest["thanks_url"]
        thanks = parse_html(served_site.site / manifest["thanks_url"].strip("/") / "index.html")
        assert page.inner_text("h1") == thanks.h1.get_text(strip=True)
        assert recorder.posts == [served_site.url(manifest["action"])]
        assert recorder.third_party() == [] and recorder.failed == []
        assert recorder.console_errors == []
    email = next(f["name"] for f in manifest["fields"] if f["type"] == "email")
    listing = inbox_listing(served_site)
    assert any(values[email] in line for line in listing.splitlines()), listing


def refused_fields(page: Any) -> list[str]:
    """Press Send and return the fields the browser refused the form for.

    When the browser's own validation stops a submission, it fires `invalid` at each field at
    fault during the click itself, and sends nothing: so no waiting to see whether a request
    goes out."""
    page.evaluate(
        """() => {
          window.__refused = [];
          document.querySelector("form.contact-form").addEventListener(
            "invalid", (event) => window.__refused.push(event.target.name), { capture: true });
        }"""
    )
    page.click(SUBMIT)
    return page.evaluate("() => window.__refused")


def test_the_browser_stops_an_empty_required_field(
    browser: Any, served_site: ServedSite, manifest: dict[str, Any]
) -> None:
    required = [f["name"] for f in manifest["fields"] if f["required"]]
    assert required, "the form has no required field to leave empty"
    before = inbox_listing(served_site)
    with guarded_context(browser, served_site.base_url) as (context, recorder):
        page = context.new_page()
        for empty in required:
            values = sample_values(manifest, "never-sent")
            page.goto(served_site.url(manifest["page_url"]))
            for name, value in values.items():
                if name != empty:
                    page.fill(field(name), value)
            assert refused_fields(page) == [empty]
            state = page.eval_on_selector(
                field(empty),
                "el => ({missing: el.validity.valueMissing, message: el.validationMessage,"
                " focused: document.activeElement === el})",
            )
            assert state["missing"] and state["message"], (empty, state)
            assert state["focused"], f"the browser did not take the visitor to {empty}"
            assert recorder.posts == [], f"the form was sent with {empty} empty"
            assert urlsplit(page.url).path == manifest["page_url"]
    assert inbox_listing(served_site) == before


def test_the_browser_stops_an_address_that_is_not_an_email(
    browser: Any, served_site: ServedSite, manifest: dict[str, Any]
) -> None:
    email = next(f["name"] for f in manifest["fields"] if f["type"] == "email")
    values = {**sample_values(manifest, "never-sent"), email: "not an address"}
    with guarded_context(browser, served_site.base_url) as (context, recorder):
        page = context.new_page()
        page.goto(served_site.url(manifest["page_url"]))
        for name, value in values.items():
            page.fill(field(name), value)
        assert refused_fields(page) == [email]
        assert page.eval_on_selector(field(email), "el => el.validity.typeMismatch")
        assert recorder.posts == []


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two computed colours such as "rgb(179, 38, 30)"."""

    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_reaches_every_field_and_the_button_with_visible_focus_never_the_honeypot(
    browser: Any, served_site: ServedSite, manifest: dict[str, Any], scheme: str
) -> None:
    options = {"color_scheme": scheme}
    with guarded_context(browser, served_site.base_url, **options) as (context, _):
        page = context.new_page()
        page.goto(served_site.url(manifest["page_url"]))
        reached = []
        for _ in range(100):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is None:  # past the last element of the page
                break
            reached.append(focused)
        controls = [r for r in reached if r["in_form"] and r["tag"] in CONTROLS]
        expected = [f["name"] for f in manifest["fields"]]
        assert [r["name"] for r in controls[:-1]] == expected
        assert controls[-1]["tag"] == "button"
        assert manifest["honeypot"] not in {r["name"] for r in reached}
        for control in controls:
            assert control["focus_visible"], f"{control['name'] or 'button'}: no :focus-visible"
            selector = field(control["name"]) if control["name"] else SUBMIT
            unfocused = page.eval_on_selector(selector, UNFOCUSED_RING)
            assert control["ring"] != unfocused, f"{selector}: focus looks the same as no focus"
            style, width, colour, shadow = control["ring"]
            assert (style != "none" and float(width.removesuffix("px")) >= 2) or shadow != "none"
            if style != "none":  # WCAG 1.4.11: a focus ring needs 3:1 against the page
                background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
                assert contrast(colour, background) >= 3, (selector, colour, background)
