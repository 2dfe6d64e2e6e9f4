"""Pelican glue: each article gets its share links and its preview image's absolute address.

Computed once every generator is done, when an article's content has its final links, so the
preview image can be the first picture of the post (an embed's poster, say) as the site serves
it. Only a picture of the site itself is used: a preview from another host would have link-
preview crawlers fetch it there.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pelican import signals
from pelican.contents import Article
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.settings import flag, list_of, text, text_or_none

from .links import SERVICES, Sharing, absolute, sharing
from .preview import description_text

log = logging.getLogger(__name__)


def _service(value: Any) -> bool:
    """("Label", "https://...{url}...") : a label and an address with the post's {url}."""
    return (isinstance(value, list | tuple) and len(value) == 2 and all(map(text, value))
            and "{url}" in value[1])  # fmt: skip


def _services(value: Any) -> bool:
    return isinstance(value, dict) and all(
        text(key) and _service(entry) for key, entry in value.items()
    )


def _absolute_or_none(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.startswith(("https://", "http://")))


SETTINGS: dict[str, Setting] = {
    "SHARE_ENABLED": Setting(True, flag, "True or False"),
    # Which links, in this order; [] for none. "mastodon" is the list of servers below.
    "SHARE_LINKS": Setting(
        ["email", "mastodon", "linkedin", "facebook", "x"],
        list_of(text),
        f'a list of names, e.g. ["email", "mastodon"]; known: {", ".join(SERVICES)}, mastodon '
        "(or a key of SHARE_SERVICES)",
    ),
    "SHARE_MASTODON_SERVERS": Setting(
        ["mastodon.social", "mastodon.online"],
        list_of(text),
        'a list of server names, e.g. ["mastodon.social"]',
    ),
    # Add or correct a service: {"key": ("Label", "https://...{url}...{title}")}.
    "SHARE_SERVICES": Setting(
        {}, _services, '{"key": ("Label", "https://...?u={url}")}, each address with {url}'
    ),
    # A site path, e.g. "images/shop.jpg", the preview picture of posts without one.
    "SHARE_DEFAULT_IMAGE": Setting(None, text_or_none, 'a site path, e.g. "images/shop.jpg"'),
    # None: SITEURL when absolute, else site.url of privacy.yml.
    "SHARE_SITE_URL": Setting(
        None, _absolute_or_none, 'an absolute address, e.g. "https://example.com", or None'
    ),
}
_IMAGE = re.compile(r"<img\b[^>]*?\bsrc=\"([^\"]+)\"", re.IGNORECASE)


class _OnRead:
    """An attribute worked out on every read. Unlike a property, a value set on the post wins
    (Pelican sets every metadata line as an attribute: a post's `Share:` line must not fail)."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute = compute

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        return self if instance is None else self.compute(instance)


def register() -> None:
    # The meta description, worked out when a post's page is rendered: computed for every
    # article in every build, it made each build compute each post's summary (Pelican's link
    # resolution and HTML truncation), pages that fast_build then skips included.
    Article.description_text = _OnRead(_description)
    # The links and the preview picture likewise, from what add_sharing leaves on each post
    # (the site's address, which carries it into fast_build's fingerprint): the picture is
    # found in the post's final HTML, which made every build resolve every post's links.
    Article.share_url = _OnRead(_address)
    Article.share = _OnRead(_links)
    Article.share_image = _OnRead(_preview_image)
    signals.initialized.connect(initialize)
    signals.all_generators_finalized.connect(add_sharing)


def initialize(pelican: Any) -> None:
    settings = pelican.settings
    with_defaults(settings, SETTINGS)
    problems = setting_problems(settings, "SHARE_", SETTINGS) or _unknown_links(settings)
    if problems:
        stop_build(log, problems)


def _unknown_links(settings: dict) -> list[str]:
    """A name in SHARE_LINKS that no service answers to would silently give no link."""
    known = [*SERVICES, "mastodon", *settings["SHARE_SERVICES"]]
    problems = []
    for name in settings["SHARE_LINKS"]:
        if name not in known:
            guess = difflib.get_close_matches(name, known, n=1)
            hint = f"did you mean {guess[0]}?" if guess else f"known: {', '.join(known)}"
            problems.append(f"SHARE_LINKS: {name!r} is no service; {hint}")
    return problems


def add_sharing(generators: list) -> None:
    for generator in generators:
        settings = generator.settings
        articles = getattr(generator, "articles", [])
        if not articles or not settings.get("SHARE_ENABLED", True):
            continue
        site = _site_url(settings)
        if site:
            for article in articles:
                _share(article, site)


def _description(article: Article) -> str:
    """The summary's words without embed cards: the post's meta and og:description."""
    return description_text(str(article.summary or ""))


def _share(article: Any, site: str) -> None:
    # Only the site: the post's own URL, which Pelican formats anew on every read until
    # fast_build freezes it, is read when the page is rendered.
    article.share_site = site


def _address(article: Any) -> str | None:
    site = getattr(article, "share_site", None)
    return absolute(site, article.url) if site is not None else None


def _links(article: Any) -> Sharing | None:
    """The post's share links (the template reads them once, into a variable)."""
    url = article.share_url
    if url is None:
        return None
    settings = article.settings
    return sharing(
        url,
        re.sub(r"<[^>]+>", "", str(article.title)),
        list(settings["SHARE_LINKS"]),
        list(settings["SHARE_MASTODON_SERVERS"]),
        dict(settings["SHARE_SERVICES"]),
    )


def _preview_image(article: Any) -> str | None:
    site = getattr(article, "share_site", None)
    if site is None:
        return None
    image = _own_image(article, site, article.settings)
    return absolute(site, image) if image else None


def _own_image(article: Any, site: str, settings: dict) -> str | None:
    """The post's `Image:` metadata, else its first picture, else the default; the site's own."""
    candidates = [getattr(article, "image", None)]
    found = _IMAGE.search(article.content or "")
    candidates.append(found.group(1) if found else None)
    candidates.append(settings.get("SHARE_DEFAULT_IMAGE"))
    own = urlsplit(site).hostname
    for candidate in candidates:
        if candidate and (urlsplit(candidate).hostname in (None, own)):
            return str(candidate)
    return None


def _site_url(settings: dict) -> str | None:
    configured = settings.get("SHARE_SITE_URL") or settings.get("SITEURL", "")
    if str(configured).startswith(("https://", "http://")):
        return str(configured)
    path = Path(settings.get("PATH", "content")) / "privacy.yml"
    if not path.is_file():
        return None
    from declaration import DeclarationError, load_declaration

    try:
        return str(load_declaration(path).site.url)
    except DeclarationError:
        return None  # the policy pages plugin names the declaration's problems
