"""The share addresses of an article, and the absolute address of its preview image.

Each address opens the service's own share page with the article's address (and title) filled
in; the visitor's browser goes there only when they follow the link. Mastodon has no central
site: the visitor picks their own server, whose /share page (Mastodon's SharesController, route
`/share?text=`) takes the text. The addresses are settings (SHARE_SERVICES), so an owner can
correct one the service changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urljoin

# Each address as the provider's own documentation gives it, where one could be found (checked
# 2026-12-04); where none could, the comment says so, and SHARE_SERVICES corrects an address.
SERVICES: dict[str, tuple[str, str]] = {
    # RFC 6068: mailto's `subject` and `body` header fields.
    "email": ("E-mail", "mailto:?subject={title}&body={url}"),
    # No LinkedIn document found gives a share address: LinkedIn's Share Plugin page
    # (https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/plugins/
    # share-plugin, checked 2026-12-04) documents only its script (`IN/Share`, `data-url`), which
    # this kit does not load. The address below is widely used for such links, in no LinkedIn
    # document found.
    "linkedin": ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
    # Meta documents only the Share Dialog (https://developers.facebook.com/docs/sharing/
    # reference/share-dialog, checked 2026-12-04): /dialog/share?app_id=...&href=..., which
    # needs a Facebook app's id. No Meta document found describes sharer.php, the address that
    # needs none; with an app of your own, SHARE_SERVICES can use the documented dialog.
    "facebook": ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    # X's Web Intent (https://docs.x.com/x-for-websites/post-button/guides/web-intent, checked
    # 2026-12-04): https://x.com/intent/tweet with `text` and `url`, each URL-encoded.
    "x": ("X", "https://x.com/intent/tweet?text={title}&url={url}"),
}
MASTODON_SHARE = "https://{server}/share?text={text}"


@dataclass(frozen=True)
class ShareLink:
    key: str  # email, linkedin, ...
    label: str
    href: str


@dataclass(frozen=True)
class Sharing:
    links: tuple[ShareLink, ...]
    mastodon: tuple[ShareLink, ...]  # one per suggested server; empty when Mastodon is off
    text: str  # what a Mastodon post would say: the title and the address


def sharing(
    url: str,
    title: str,
    chosen: list[str],
    mastodon_servers: list[str],
    services: dict[str, tuple[str, str]] | None = None,
) -> Sharing:
    """The share links for one article at the absolute address `url`."""
    table = {**SERVICES, **(services or {})}
    values = {"url": quote(url, safe=""), "title": quote(title, safe="")}
    links = tuple(
        ShareLink(key, table[key][0], table[key][1].format(**values))
        for key in chosen
        if key in table
    )
    text = f"{title} {url}"
    mastodon: tuple[ShareLink, ...] = ()
    if "mastodon" in chosen:
        mastodon = tuple(
            ShareLink("mastodon", server, MASTODON_SHARE.format(server=server,
                                                                text=quote(text, safe="")))
            for server in mastodon_servers
        )  # fmt: skip
    return Sharing(links, mastodon, text)


def absolute(site_url: str, path: str) -> str:
    """`path` (root-relative, relative or absolute) as an absolute address on the site."""
    return urljoin(site_url.rstrip("/") + "/", path)
