"""The embed card: a poster served by the site, the title, the provider and a plain link.

One piece of HTML for every provider, styled by the theme (.embed in site.css): the whole card
is a link to the original, so it works with no script at all and contacts no other host until
the visitor follows it. A click-to-load card also carries a hidden button that the site's small
first-party script (click-to-load.js) reveals, and which swaps the card for the provider's
player only when pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from .media import MEDIA_FOLDER, MediaRecord
from .providers import Embed

OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright"
_ACTIONS = {"video": "Watch on", "audio": "Listen on", "post": "Read on", "map": "Open in"}
_LOAD_WORDS = {
    "video": "Load video",
    "audio": "Load player",
    "post": "Load post",
    "map": "Load map",
}


@dataclass(frozen=True)
class ClickToLoad:
    """What the consent line says: the player, who runs it, what it stores, where to read more."""

    player: str
    storage_words: str  # e.g. "sets cookies"
    policy_url: str  # the recipient's section of the privacy policy


def card_html(
    embed: Embed,
    record: MediaRecord | None,
    click_to_load: ClickToLoad | None = None,
    static_prefix: str = "{static}",
) -> str:
    """The card for `embed`; without a record, a neutral poster in the same frame."""
    provider = embed.provider
    title = record.title if record else _fallback_title(embed)
    classes = f"embed embed-{provider.kind} embed-{_css_name(provider.name)}"
    ratio = provider.ratio
    poster = (
        f'<img class="embed-poster" src="{static_prefix}/{MEDIA_FOLDER}/{escape(record.poster)}" '
        f'alt="" width="{record.width}" height="{record.height}" loading="lazy" decoding="async">'
        if record
        else f'<span class="embed-poster embed-poster-neutral">{escape(provider.name)}</span>'
    )
    parts = [
        f'<figure class="{classes}" data-embed="{escape(embed.key)}">',
        f'<a class="embed-open" href="{escape(embed.link)}">',
        f'<span class="embed-frame embed-{ratio}">{poster}'
        '<span class="embed-action" aria-hidden="true"></span></span>',
        '<span class="embed-text">',
        f'<span class="embed-title">{escape(title)}</span>',
        f'<span class="embed-provider">{_ACTIONS[provider.kind]} {escape(provider.name)}</span>',
        f'<span class="embed-url">{escape(_display_url(embed.link))}</span>',
        "</span></a>",
    ]
    if click_to_load is not None:
        parts.append(_consent_line(embed, title, click_to_load))
    if record and record.credit:
        credit = escape(record.credit)
        if record.credit_url:
            credit = f'<a href="{escape(record.credit_url)}">{credit}</a>'
        parts.append(f'<figcaption class="embed-credit">{credit}</figcaption>')
    parts.append("</figure>")
    return "".join(parts)


def _consent_line(embed: Embed, title: str, load: ClickToLoad) -> str:
    """Hidden until the script runs: without JavaScript the card stays a plain link."""
    name = escape(embed.provider.name)
    return (
        '<p class="embed-consent" hidden>'
        f'<button type="button" class="embed-load" data-embed-src="{escape(load.player)}" '
        f'data-embed-title="{name} player: {escape(title)}">'
        f"{_LOAD_WORDS[embed.provider.kind]}</button> "
        f"<span>({name} {escape(load.storage_words)}; see our "
        f'<a href="{escape(load.policy_url)}">privacy policy</a>)</span></p>'
    )


def _fallback_title(embed: Embed) -> str:
    if embed.location is not None:
        return embed.location.title
    return f"{embed.provider.name} {embed.provider.kind}"


def _css_name(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


def _display_url(link: str) -> str:
    """The link as people read it: no scheme, no www., at most 60 characters."""
    parts = urlsplit(link)
    shown = (parts.hostname or "").removeprefix("www.") + parts.path
    if parts.query:
        shown += "?" + parts.query
    return shown if len(shown) <= 60 else shown[:59] + "…"
