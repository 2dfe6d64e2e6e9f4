"""Pelican glue: each article gets its share links and its preview image's absolute address.

Computed once every generator is done, when an article's content has its final links, so the
preview image can be the first picture of the post (an embed's poster, say) as the site serves
it. Only a picture of the site itself is used: a preview from another host would have link-
preview crawlers fetch it there.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pelican import signals

from .links import absolute, sharing

DEFAULTS: dict[str, Any] = {
    "SHARE_ENABLED": True,
    "SHARE_LINKS": ["email", "mastodon", "linkedin", "facebook", "x"],  # [] for none
    "SHARE_MASTODON_SERVERS": ["mastodon.social", "mastodon.online"],  # suggested servers
    "SHARE_SERVICES": {},  # {"key": ("Label", "https://...{url}...{title}")}: add or correct
    "SHARE_DEFAULT_IMAGE": None,  # a site path, e.g. "images/shop.jpg", for posts without one
    "SHARE_SITE_URL": None,  # default: SITEURL when absolute, else site.url of privacy.yml
}
_IMAGE = re.compile(r"<img\b[^>]*?\bsrc=\"([^\"]+)\"", re.IGNORECASE)


def register() -> None:
    signals.initialized.connect(initialize)
    signals.all_generators_finalized.connect(add_sharing)


def initialize(pelican: Any) -> None:
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


def add_sharing(generators: list) -> None:
    for generator in generators:
        settings = generator.settings
        articles = getattr(generator, "articles", [])
        if not articles or not settings.get("SHARE_ENABLED", True):
            continue
        site = _site_url(settings)
        if site:
            for article in articles:
                _share(article, settings, site)


def _share(article: Any, settings: dict, site: str) -> None:
    title = re.sub(r"<[^>]+>", "", str(article.title))
    url = absolute(site, article.url)
    article.share_url = url
    article.share = sharing(
        url,
        title,
        list(settings["SHARE_LINKS"]),
        list(settings["SHARE_MASTODON_SERVERS"]),
        dict(settings["SHARE_SERVICES"]),
    )
    image = _own_image(article, site, settings)
    article.share_image = absolute(site, image) if image else None


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
