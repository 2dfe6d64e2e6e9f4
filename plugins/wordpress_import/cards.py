"""Embeds that the site shows as its own embed cards (plugins/embeds), one implementation for
imported and new posts alike: the provider's link, alone in a paragraph, is what the build turns
into a card (a poster served by the site, the title, a plain link), contacting nobody until a
reader clicks. Which links qualify is the embeds plugin's recogniser's to say."""

from __future__ import annotations

import html

from embeds.providers import Embed, recognise

__all__ = ["Embed", "card_html", "card_note", "card_of"]


def card_of(url: str) -> Embed | None:
    """The card a link, a player's address or an embed's URL stands for, if any."""
    return recognise(html.unescape(url.strip()))


def card_html(embed: Embed) -> str:
    """The paragraph the build makes a card of: the provider's own link, alone."""
    link = html.escape(embed.link)
    return f'<p><a href="{link}">{link}</a></p>'


def card_note(embed: Embed, title: str = "") -> str:
    named = f"“{title}”, " if title else ""
    return (
        f"a {embed.provider.name} embed ({named}{embed.link}) became the site's card for it, "
        "which loads nothing from there until a reader clicks"
    )
