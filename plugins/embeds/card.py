"""The embed card: a poster served by the site, the title, the provider and a plain link.

One piece of HTML for every provider, styled by the theme (.embed in site.css): the whole card
is a link to the original, so it works with no script at all and contacts no other host until
the visitor follows it. A click-to-load card also carries a hidden button that the site's small
first-party script (click-to-load.js) reveals, and which swaps the card for the provider's
player only when pressed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from languages.strings import N_

from .media import MEDIA_FOLDER, MediaRecord
from .providers import Embed

Gettext = Callable[[str], str]


_ACTIONS = {
    "video": N_("Watch on {provider}"),
    "audio": N_("Listen on {provider}"),
    "post": N_("Read on {provider}"),
    "map": N_("Open in {provider}"),
}
_UNTITLED = {
    "video": N_("A video on {provider}"),
    "audio": N_("A recording on {provider}"),
    "post": N_("A post on {provider}"),
    "map": N_("Map of {place}"),
}
_LOAD_WORDS = {
    "video": N_("Load video"),
    "audio": N_("Load player"),
    "post": N_("Load post"),
    "map": N_("Load map"),
}
# What the provider's player does once loaded, by what the declaration says it stores.
CONSENT_LINES = {
    "cookies": N_("({provider} sets cookies; see our {link}privacy policy{end})"),
    "storage": N_("({provider} stores data on your device; see our {link}privacy policy{end})"),
    "none": N_("({provider} receives your IP address; see our {link}privacy policy{end})"),
}
_PLAYER_TITLE = N_("{provider} player: {title}")


@dataclass(frozen=True)
class ClickToLoad:
    """What the consent line says: the player, what it stores, where to read more."""

    player: str
    stores: str  # a key of CONSENT_LINES
    policy_url: str  # the recipient's section of the privacy policy


def card_html(
    embed: Embed,
    record: MediaRecord | None,
    click_to_load: ClickToLoad | None = None,
    static_prefix: str = "{static}",
    gettext: Gettext = str,
) -> str:
    """The card for `embed`, in the page's language (`gettext`); without a record, a neutral
    poster in the same frame."""
    provider = embed.provider
    title = _title(embed, record, gettext)
    classes = f"embed embed-{provider.kind} embed-{_css_name(provider.name)}"
    poster = (
        f'<img class="embed-poster" src="{static_prefix}/{MEDIA_FOLDER}/{escape(record.poster)}" '
        f'alt="" width="{record.width}" height="{record.height}" loading="lazy" decoding="async">'
        if record
        else '<span class="embed-poster embed-poster-neutral">'
        f'<span class="embed-poster-name">{escape(provider.name)}</span></span>'
    )
    action = gettext(_ACTIONS[provider.kind]).format(provider=provider.name)
    parts = [
        f'<figure class="{classes}" data-embed="{escape(embed.key)}">',
        f'<a class="embed-open" href="{escape(embed.link)}">',
        f'<span class="embed-frame embed-{provider.ratio}">{poster}'
        '<span class="embed-action" aria-hidden="true"></span></span>',
        '<span class="embed-text">',
        f'<span class="embed-title">{escape(title)}</span>',
        f'<span class="embed-provider">{escape(action)}</span>',
        f'<span class="embed-url">{escape(_display_url(embed.link))}</span>',
        "</span></a>",
    ]
    if click_to_load is not None:
        parts.append(_consent_line(embed, title, click_to_load, gettext))
    if record and record.credit:
        credit = escape(record.credit)
        if record.credit_url:
            credit = f'<a href="{escape(record.credit_url)}">{credit}</a>'
        parts.append(f'<figcaption class="embed-credit">{credit}</figcaption>')
    parts.append("</figure>")
    return "".join(parts)


def _title(embed: Embed, record: MediaRecord | None, gettext: Gettext) -> str:
    """The record's title; for a map, "Map of" its place; else words naming the provider."""
    if embed.location is not None:
        place = record.title if record else embed.location.title
        return gettext(_UNTITLED["map"]).format(place=place)
    if record:
        return record.title
    return gettext(_UNTITLED[embed.provider.kind]).format(provider=embed.provider.name)


def _consent_line(embed: Embed, title: str, load: ClickToLoad, gettext: Gettext) -> str:
    """Hidden until the script runs: without JavaScript the card stays a plain link."""
    name = escape(embed.provider.name)
    player_title = gettext(_PLAYER_TITLE).format(provider=embed.provider.name, title=title)
    words = escape(gettext(CONSENT_LINES[load.stores])).format(
        provider=name, link=f'<a href="{escape(load.policy_url)}">', end="</a>"
    )
    return (
        '<p class="embed-consent" hidden>'
        f'<button type="button" class="embed-load" data-embed-src="{escape(load.player)}" '
        f'data-embed-title="{escape(player_title)}">'
        f"{escape(gettext(_LOAD_WORDS[embed.provider.kind]))}</button> "
        f"<span>{words}</span></p>"
    )


def _css_name(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


def _display_url(link: str) -> str:
    """The link as people read it: no scheme, no www., at most 60 characters."""
    parts = urlsplit(link)
    shown = (parts.hostname or "").removeprefix("www.") + parts.path
    if parts.query:
        shown += "?" + parts.query
    return shown if len(shown) <= 60 else shown[:59] + "…"
