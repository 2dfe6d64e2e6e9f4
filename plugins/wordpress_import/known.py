"""What old WordPress posts typically carry that tracks readers, by host, path and class name.

Only used to *name* what the importer removes in its report and to catch pixels that are not
1x1; the rule that keeps the site clean is simpler and stricter: nothing in an imported body
may load from another host at all (see trackers.py).
"""

from __future__ import annotations

# Hosts (and their subdomains) whose images are counters or tracking pixels.
PIXEL_HOSTS = frozenset(
    {
        "pixel.wp.com",
        "stats.wordpress.com",
        "stats.wp.com",
        "facebook.com",
        "facebook.net",
        "google-analytics.com",
        "googleadservices.com",
        "googletagmanager.com",
        "doubleclick.net",
        "quantserve.com",
        "scorecardresearch.com",
        "feedburner.com",
        "bat.bing.com",
        "analytics.twitter.com",
        "ads-twitter.com",
        "px.ads.linkedin.com",
        "ct.pinterest.com",
        "mc.yandex.ru",
        "statcounter.com",
        "sitemeter.com",
        "addthis.com",
        "sharethis.com",
        "hotjar.com",
        "mixpanel.com",
    }
)

# Hosts whose <img> is a visitor's avatar, fetched with a hash of their e-mail address.
AVATAR_HOSTS = frozenset({"gravatar.com", "secure.gravatar.com"})

# Links that are share buttons: they hand the page and the reader to a network.
SHARE_LINK_PREFIXES = (
    "facebook.com/sharer",
    "facebook.com/share.php",
    "facebook.com/dialog/share",
    "twitter.com/share",
    "twitter.com/intent/tweet",
    "x.com/intent/tweet",
    "linkedin.com/sharearticle",
    "linkedin.com/shareArticle",
    "pinterest.com/pin/create",
    "plus.google.com/share",
    "reddit.com/submit",
    "tumblr.com/share",
    "addtoany.com/share",
    "api.addthis.com",
    "getpocket.com/save",
)

# Class names of share-button, like-button and related-post widgets that plugins insert.
SHARE_CLASS_PARTS = (
    "sharedaddy",
    "sd-sharing",
    "sd-social",
    "sd-like",
    "jp-relatedposts",
    "wpl-likebox",
    "addtoany",
    "a2a_kit",
    "a2a_dd",
    "addthis",
    "sharethis",
    "st_sharethis",
    "shareaholic",
    "ssba",
    "social-share",
    "share-buttons",
    "sharing-buttons",
    "twitter-share-button",
    "twitter-follow-button",
    "fb-like",
    "fb-share-button",
    "fb-comments",
    "fb-page",
    "in-widget",
    "pin-it-button",
    "g-plusone",
)

FONT_HOSTS = frozenset({"fonts.googleapis.com", "fonts.gstatic.com", "use.typekit.net"})

# Hosts that mirror a blog's own uploads (Jetpack's image CDN): the first path segment is the
# blog's host, so https://i0.wp.com/example.com/wp-content/x.jpg is example.com's file.
MIRROR_HOSTS = frozenset({"i0.wp.com", "i1.wp.com", "i2.wp.com", "i3.wp.com"})


def host_matches(host: str, hosts: frozenset[str]) -> bool:
    """True when `host` is one of `hosts` or a subdomain of one."""
    host = host.lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in hosts)
