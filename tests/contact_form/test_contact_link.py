"""Which article endings already count as a link to the contact page."""

from __future__ import annotations

import pytest
from contact_form.contact_link import ends_with_link_to

ARTICLE = "articles/2012/post.md"
PAGE = "pages/contact.md"


@pytest.mark.parametrize(
    ("html", "siteurl", "expected"),
    [
        ('<p>Text.</p>\n<p><a href="{filename}/pages/contact.md">Contact us!</a></p>', "", True),
        ('<p>x</p><p><a href="{filename}../../pages/contact.md">Write</a></p>', "", True),
        ('<p>x</p><p><a href="|filename|/pages/contact.md#form">Write</a></p>', "", True),
        ('<p>x</p><p>Questions? <a href="/contact/">Ask us</a>.</p>', "", True),
        ('<p>x</p><p><a href="https://shop.test/contact/">Ask</a></p>', "https://shop.test", True),
        ('<p>x</p><p><a href="../../contact/index.html">Ask</a></p>', "", True),
        ('<p>x</p><p><a href="/cont&#97;ct/">Ask</a></p>', "", True),
        ('<p>x</p><p><a href="{filename}/pages/cont%61ct.md">Write</a></p>', "", True),
        ('<p><a href="/contact/">Contact</a> early.</p><p>Last words.</p>', "", False),
        ('<p>x</p><p><a href="{filename}/pages/about.md">About</a></p>', "", False),
        ('<p>x</p><p><a href="/contact-lenses/">Lenses</a></p>', "", False),
        (
            '<p>x</p><p><a href="https://other.test/contact/">Them</a></p>',
            "https://shop.test",
            False,
        ),
        ("<p>No links at all.</p>", "", False),
        ("", "", False),
    ],
)
def test_ends_with_link_to_contact(html, siteurl, expected):
    assert ends_with_link_to(html, ARTICLE, PAGE, "contact/", siteurl) is expected
