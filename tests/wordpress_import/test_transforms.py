"""The body pipeline on small inputs: shortcodes, wpautop, trackers, Markdown."""

from __future__ import annotations

import pytest
from wordpress_import.attachments import Attachment, Attachments
from wordpress_import.blog import Blog
from wordpress_import.body import convert_body
from wordpress_import.links import OldSite
from wordpress_import.shortcodes import parse_attributes

SITE = OldSite("https://blog.example")


def convert(raw: str, attachments: list[Attachment] | None = None, footnotes: str = ""):
    blog = Blog(
        SITE,
        Attachments(attachments or [], address=SITE.file_url),
        lambda path: "{filename}/articles/other.md" if path == "/?p=5" else None,
    )
    return convert_body(raw, post_id="9", blog=blog, footnotes=footnotes)


def test_wpautop_makes_paragraphs_and_line_breaks_but_leaves_pre_alone() -> None:
    body = convert("One\ntwo\n\nThree\n<pre>a\n\nb</pre>\nFour")
    assert body.markdown == "One  \ntwo\n\nThree\n\n```\na\n\nb\n```\n\nFour\n"


def test_block_editor_content_keeps_its_own_paragraphs() -> None:
    raw = "<!-- wp:paragraph -->\n<p>One\nline</p>\n<!-- /wp:paragraph -->\n\nTwo"
    assert convert(raw).markdown == "One\nline\n\nTwo\n"  # no <br>, no <p> added


@pytest.mark.parametrize(
    "raw",
    [
        "[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ]",
        "[youtube=https://youtu.be/dQw4w9WgXcQ&amp;w=640]",
        "[youtube dQw4w9WgXcQ]",
        "[embed width=500]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
        '<p><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe></p>',
        '<iframe data-src="https://www.youtube.com/embed/dQw4w9WgXcQ" src="about:blank"></iframe>',
    ],
)
def test_every_youtube_form_becomes_the_same_card(raw: str) -> None:
    """The provider's link alone on its line: the embeds plugin makes its card at build time."""
    body = convert(raw)
    assert body.markdown == "<https://www.youtube.com/watch?v=dQw4w9WgXcQ>\n"
    assert body.cards == 1 and len(body.notes) == 1
    assert body.notes[0].startswith(
        "a YouTube embed (https://www.youtube.com/watch?v=dQw4w9WgXcQ) became the site's card"
    )


def test_vimeo_by_id_and_by_player_url() -> None:
    player = '<iframe src="https://player.vimeo.com/video/76979871?h=abc"></iframe>'
    for raw in ("[vimeo id=76979871]", "[vimeo 76979871]", player):
        assert convert(raw).markdown == "<https://vimeo.com/76979871>\n", raw


def test_a_frame_the_site_has_no_card_for_becomes_a_link_in_a_box() -> None:
    body = convert('<iframe src="https://maps.example.net/embed?q=shop"></iframe>')
    assert body.markdown.startswith(
        '<p class="embed-placeholder"><a href="https://maps.example.net/embed?q=shop">'
    )
    assert body.notes == ["replaced an embedded frame from maps.example.net with a link"]


def test_a_url_inside_a_sentence_is_not_an_embed() -> None:
    body = convert("See https://www.youtube.com/watch?v=dQw4w9WgXcQ for more.")
    assert body.cards == 0 and not body.notes


def test_caption_with_its_text_after_the_image() -> None:
    raw = (
        '[caption id="a" width="300"]<img src="https://blog.example/wp-content/uploads/a.jpg" '
        'alt="A" /> A <em>fine</em> day[/caption]'
    )
    body = convert(raw)
    # a caption with emphasis of its own is not wrapped in more emphasis
    assert body.markdown == "![A](/wp-content/uploads/a.jpg)\n\nA *fine* day\n"
    assert body.files == {
        "https://blog.example/wp-content/uploads/a.jpg": "/wp-content/uploads/a.jpg"
    }


def test_old_style_caption_attribute() -> None:
    raw = '[caption caption="Old style"]<img src="/wp-content/uploads/b.png" alt="" />[/caption]'
    assert convert(raw).markdown == "![b](/wp-content/uploads/b.png)\n\n*Old style*\n"


def test_gallery_without_ids_shows_the_post_own_attachments() -> None:
    files = [
        Attachment("1", "https://blog.example/wp-content/uploads/x.jpg", "X", "9"),
        Attachment("2", "https://blog.example/wp-content/uploads/y.jpg", "Y", "8"),
    ]
    body = convert('[gallery columns="3"]', files)
    assert body.markdown == "![X](/wp-content/uploads/x.jpg)\n"
    missing = convert('[gallery ids="1,77"]', files)
    assert any("77" in note for note in missing.notes)


def test_jetpack_image_cdn_copies_are_the_blog_own_files() -> None:
    body = convert('<img src="https://i0.wp.com/blog.example/wp-content/uploads/c.jpg?resize=1" />')
    assert body.markdown == "![c](/wp-content/uploads/c.jpg)\n"
    assert body.files == {
        "https://i0.wp.com/blog.example/wp-content/uploads/c.jpg?resize=1": (
            "/wp-content/uploads/c.jpg"
        )
    }


@pytest.mark.parametrize(
    ("raw", "note"),
    [
        ('<img src="https://example.net/t.gif" width="1" height="1">', "tracking pixel"),
        ('<img src="https://example.net/t.gif" style="width:1px;height:1px">', "tracking pixel"),
        ('<img src="https://www.facebook.com/tr?id=1" width="300">', "tracking pixel"),
        ('<img src="https://secure.gravatar.com/avatar/x">', "Gravatar"),
        ('<script src="https://www.googletagmanager.com/gtag/js"></script>', "script"),
        ("<script>ga('send','pageview')</script>", "inline script"),
        ('<link href="https://fonts.googleapis.com/css?family=X" rel="stylesheet">', "web-font"),
        ('<div class="addtoany_share_save_container"><a href="#">Share</a></div>', "share"),
        ('<a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a>', "share"),
        ('<form action="https://x.us1.list-manage.com/subscribe"><input name="e"></form>', "form"),
        ('<object data="https://cdn.example.net/a.swf"></object>', "plug-in"),
        ('<button onclick="share()">Share</button>', "<button>"),
    ],
)
def test_trackers_are_removed_and_reported(raw: str, note: str) -> None:
    body = convert("Before.\n\n" + raw + "\n\nAfter.")
    assert body.markdown == "Before.\n\nAfter.\n"
    assert len(body.notes) == 1 and note in body.notes[0]


def test_third_party_audio_becomes_a_link_and_own_audio_stays() -> None:
    own = convert('[audio src="https://blog.example/wp-content/uploads/s.mp3"]')
    assert own.markdown == '<audio controls=""><source src="/wp-content/uploads/s.mp3"/></audio>\n'
    other = convert('[audio src="https://cdn.example.net/s.mp3"]')
    assert 'href="https://cdn.example.net/s.mp3"' in other.markdown
    assert "<audio" not in other.markdown


def test_links_to_old_posts_are_resolved_and_fragments_kept_out_of_the_way() -> None:
    body = convert(
        '<a href="https://www.blog.example/?p=5">other</a> '
        '<a href="https://blog.example/some/page/">page</a>'
    )
    assert body.markdown == "[other]({filename}/articles/other.md) [page](/some/page/)\n"


def test_shortcode_attributes_are_read_like_wordpress() -> None:
    named, positional = parse_attributes(' a="1 2" b=\'3\' c=4 "five" six')
    assert named == {"a": "1 2", "b": "3", "c": "4"}
    assert positional == ["five", "six"]


def test_empty_editor_paragraphs_disappear() -> None:
    assert convert("<p>&nbsp;</p>\n<p>Text</p>\n<p> </p>").markdown == "Text\n"


def test_more_tag_gives_the_teaser() -> None:
    body = convert("Teaser <b>bold</b>.\n<!--more-->\nRest.")
    assert body.teaser == "Teaser **bold**.\n"
    assert body.markdown == "Teaser **bold**.\n\nRest.\n"
