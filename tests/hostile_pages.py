"""The default site plus two articles that do everything the site promises never to do.

The browser suite inspects them with the very code that inspects the real site, to prove each of
its checks can fail, and hands the tracker page to the privacy guard to compare the two views.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild import Build, copy_content, run_build, write_article

TRACKER_PAGE = "/2020/01/tracker-injected/"
TRACKER_FILE = "2020/01/tracker-injected/index.html"
# Each way a page makes the visitor's browser fetch from another host, and the host it reaches.
INJECTED_LOADS = {
    "https://tracker.example/t.js": "tracker.example",
    "https://pixel.example/p.gif": "pixel.example",
    "https://fonts.example/css2": "fonts.example",
}
TRACKER_ARTICLE = """\
Title: A page with a tracker
Date: 2020-01-15 10:00
Slug: tracker-injected
Summary: A page into which the test injects third-party loads.

An ordinary paragraph.

<script src="https://tracker.example/t.js"></script>

<img src="https://pixel.example/p.gif" alt="A tracking pixel">

<link rel="stylesheet" href="https://fonts.example/css2">
"""

MISBEHAVING_PAGE = "/2020/01/misbehaving/"
MISBEHAVING_ARTICLE = """\
Title: A page that misbehaves
Date: 2020-01-16 10:00
Slug: misbehaving
Summary: A page that stores things, logs errors, and breaks its links and layout.

<script>
localStorage.setItem("visitor", "42");
sessionStorage.setItem("visit", "1");
localStorage.setItem("fleeting", "1");
localStorage.removeItem("fleeting");
document.cookie = "tracking=1; path=/";
console.error("deliberate console error");
fetch("/no-such-data.json");
</script>

<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">

<p style="color: #333333">Dark grey text: readable on white, unreadable on the dark scheme.</p>

<div style="width: 900px">A block wider than any phone.</div>

[A broken link](/no-such-page/) and [an anchor that is not there](#nowhere).
"""


# The privacy guard's build step would (rightly) refuse this site; it is built anyway so that the
# guard's command line and the browser can both judge it. Pelican ignores the setting until the
# guard's plugin is there.
BUILD_ANYWAY = {"PRIVACY_GUARD_ENABLED": False}


def build_hostile_site(workdir: Path) -> Build:
    content = copy_content(workdir / "content")
    write_article(content, "2020/tracker-injected.md", TRACKER_ARTICLE)
    write_article(content, "2020/misbehaving.md", MISBEHAVING_ARTICLE)
    return run_build(workdir, content=content, overrides=BUILD_ANYWAY)
