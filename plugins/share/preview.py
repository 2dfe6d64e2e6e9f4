"""The words a link preview and a search engine show for a post: its summary as plain text.

An embed card (plugins/embeds) or an imported post's embed placeholder (wp-import) in the
summary is the card's furniture, "Listen on Spotify open.spotify.com/track/…", not the post's
words: it is left out. No Pelican here.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

# What embeds and wp-import put where a player was: a card, or a block with a plain link.
NOT_PROSE = "figure.embed, .embed-placeholder"


def description_text(summary_html: str) -> str:
    """`summary_html` as one line of text, without embed cards and embed placeholders."""
    tree = LexborHTMLParser(summary_html)
    body = tree.body
    if body is None:
        return ""
    for node in body.css(NOT_PROSE):
        node.decompose()
    # Each block's text whole ("<em>new</em>," stays "new,"), blocks apart by a space.
    blocks = [node.text(separator="") for node in body.iter(include_text=True)]
    return " ".join(" ".join(blocks).split())
