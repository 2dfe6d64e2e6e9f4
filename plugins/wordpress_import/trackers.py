"""Leave trackers behind: nothing in an imported body may load anything from another host.

Each rule replaces or removes one kind of thing and says so in a note for the report:
video embeds become a plain link in a local placeholder block, other iframes a link, Gravatar
images, tracking pixels, share widgets, scripts, stylesheets (Google Fonts) and forms go away,
and any other image from another host is shown as a link instead of being loaded. Images and
files of the old blog itself are kept and pointed at local paths, to be copied by the owner.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, Tag

from .blog import Blog
from .cards import card_note, card_of
from .known import (
    AVATAR_HOSTS,
    FONT_HOSTS,
    PIXEL_HOSTS,
    SHARE_CLASS_PARTS,
    SHARE_LINK_PREFIXES,
    host_matches,
)
from .links import file_path, host_of, looks_like_file

_CSS_URL = re.compile(r"url\(\s*['\"]?((?:https?:)?//[^'\")\s]+)", re.I)
_PX = re.compile(r"(?:^|;)\s*(width|height)\s*:\s*(\d+)px", re.I)
_LAZY_SRC = ("data-lazy-src", "data-src", "data-original")
_REMOVED_WHOLE = (
    "script",
    "noscript",
    "style",
    "link",
    "meta",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "base",
)


@dataclass
class CleanResult:
    notes: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # old URL -> address here, to copy
    cards: int = 0  # embeds that became the site's embed cards


class BodyCleaner:
    """Rewrite one parsed body in place, with what the import knows of the whole blog."""

    def __init__(self, blog: Blog) -> None:
        self.blog = blog
        self.site = blog.site
        self.resolve = blog.resolve

    def clean(self, soup: BeautifulSoup) -> CleanResult:
        result = self._result = CleanResult()
        self._notes = result.notes
        self._files = result.files
        for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
        for el in soup.find_all(_REMOVED_WHOLE):
            if el.parent is not None:  # not already gone with a removed ancestor
                self._remove_element(el)
        for el in soup.find_all(True):
            if el.parent is not None and self._is_share_widget(el):
                self._note(f"removed share buttons ({self._share_name(el)})")
                el.decompose()
        for el in soup.find_all("iframe"):
            self._replace_iframe(soup, el)
        for el in soup.find_all(style=lambda style: bool(style and _CSS_URL.search(style))):
            self._background_pictures(soup, el)
        for el in soup.find_all("img"):
            self._image(soup, el)
        for el in soup.find_all(["audio", "video"]):
            self._media(soup, el)
        for el in soup.find_all("a"):
            self._link(el)
        styled = soup.find_all(style=True)
        for el in styled:
            del el["style"]
        styled += soup.find_all(["font", "center"])
        if styled:
            self._note(
                f"dropped the old theme's styling of {len(styled)} element(s) (colours, fonts, "
                "sizes, alignment): the site's stylesheet styles every post alike"
            )
        return result

    def _background_pictures(self, soup: BeautifulSoup, el: Tag) -> None:
        """A background picture (a block-editor cover) that is one of the blog's own files is
        kept as an image at the start of its element; one from another host is dropped."""
        for url in _CSS_URL.findall(_attr(el, "style")):
            if self.site.file_url(url) is not None:
                el.insert(0, soup.new_tag("img", attrs={"src": url, "alt": ""}))
                self._note("a background picture became an image at the start of its block")
            else:
                self._note(f"dropped a background picture from {host_of(url)}")

    def _note(self, text: str) -> None:
        self._notes.append(text)

    def _remove_element(self, el: Tag) -> None:
        name = el.name
        url = _attr(el, "src") or _attr(el, "href") or _attr(el, "data") or _attr(el, "action")
        host = host_of(url) if url else ""
        text = el.get_text() if name == "style" else ""
        if name == "link" and host_matches(host, FONT_HOSTS):
            self._note(f"removed a web-font stylesheet from {host} (Google Fonts or similar)")
        elif name == "style" and any(h in text for h in FONT_HOSTS):
            self._note("removed a <style> block that imported Google Fonts")
        elif name == "script":
            self._note(f"removed a script from {host}" if host else "removed an inline script")
        elif name == "noscript":
            self._note("removed a <noscript> block (usually a tracking pixel)")
        elif name == "form":
            where = f" that sent data to {host}" if host else ""
            self._note(f"removed a form{where}: use the site's contact page instead")
        elif name in ("object", "embed", "applet"):
            self._note(f"removed an <{name}> plug-in embed" + (f" from {host}" if host else ""))
        else:
            self._note(f"removed a <{name}> element" + (f" from {host}" if host else ""))
        el.decompose()

    def _is_share_widget(self, el: Tag) -> bool:
        classes = _attr(el, "class").lower() + " " + _attr(el, "id").lower()
        if any(part in classes for part in SHARE_CLASS_PARTS):
            return True
        if el.name == "a":
            target = re.sub(r"^(https?:)?//(www\.)?", "", _attr(el, "href").strip())
            return target.lower().startswith(tuple(p.lower() for p in SHARE_LINK_PREFIXES))
        return False

    def _share_name(self, el: Tag) -> str:
        if el.name == "a":
            return host_of(_attr(el, "href")) or "link"
        return _attr(el, "class") or _attr(el, "id") or el.name

    def _replace_iframe(self, soup: BeautifulSoup, el: Tag) -> None:
        src = _source(el)
        embed = card_of(src) if src else None
        if embed is not None:
            self._result.cards += 1
            self._note(card_note(embed, _attr(el, "title").strip()))
            block = soup.new_tag("p")
            link = soup.new_tag("a", href=embed.link)
            link.string = embed.link
            block.append(link)
            _put_block(el, block)  # the same paragraph as cards.card_html()
            return
        host = host_of(src)
        own = self.site.own_path(src) if src else None
        if src and own is None and host:
            self._note(f"replaced an embedded frame from {host} with a link")
            _put_block(el, _placeholder(soup, src, f"Open the embedded content on {host}"))
        else:
            self._note("removed an embedded frame of the old blog itself")
            el.decompose()

    def _image(self, soup: BeautifulSoup, el: Tag) -> None:
        src = _source(el)
        host = host_of(src)
        for attr in ("srcset", "sizes", *_LAZY_SRC):
            if attr in el.attrs:
                del el[attr]
        if host_matches(host, AVATAR_HOSTS):
            self._note("removed a Gravatar image")
            el.decompose()
        elif _is_pixel(el) or (host_matches(host, PIXEL_HOSTS) and self.site.is_third_party(src)):
            self._note(f"removed a tracking pixel from {host or 'the page'}")
            el.decompose()
        elif self.site.is_third_party(src):
            alt = _attr(el, "alt").strip()
            self._note(f"showed an image from {host} as a link instead of loading it")
            label = f"Image: {alt} ({host})" if alt else f"Image on {host}"
            if el.find_parent("a"):
                el.replace_with(label)
            else:
                link = soup.new_tag("a", href=src)
                link.string = label
                el.replace_with(link)
        elif src:
            el["src"] = local = self._local(src)
            if not _attr(el, "alt").strip():
                el["alt"] = self._alt_for(local)

    def _alt_for(self, address: str) -> str:
        """Text for an image that has none: Pelican refuses a page with an empty alt, and a
        reader who cannot see the picture deserves at least its name."""
        text, source = self.blog.attachments.describe(address)
        self._note(
            f"an image ({address}) had no alt text; it is “{text}” now, from {source}: "
            "describe the picture in a few words where that says too little"
        )
        return text

    def _media(self, soup: BeautifulSoup, el: Tag) -> None:
        sources = [s for s in [el, *el.find_all("source")] if _attr(s, "src")]
        third = [_attr(s, "src") for s in sources if self.site.is_third_party(_attr(s, "src"))]
        if third:
            host = host_of(third[0])
            self._note(f"replaced an {el.name} player loading from {host} with a link")
            _put_block(el, _placeholder(soup, third[0], f"Play the {el.name} on {host}"))
            return
        for s in sources:
            s["src"] = self._local(_attr(s, "src"))
        poster = _attr(el, "poster")
        if poster:
            if self.site.is_third_party(poster):
                del el["poster"]
            else:
                el["poster"] = self._local(poster)
        el.attrs = {k: v for k, v in el.attrs.items() if k in ("src", "controls", "poster")}
        el["controls"] = ""

    def _link(self, el: Tag) -> None:
        href, hash_, fragment = _attr(el, "href").partition("#")
        path = self.site.own_path(href) if href else None
        if path is None:
            return
        new = self.resolve(path)
        if new is not None:
            target = new
        elif "/wp-content/" in path or looks_like_file(path):
            target = self._local(href)
        else:
            target = path
        el["href"] = target + hash_ + fragment

    def _local(self, url: str) -> str:
        """Point at the old blog's file by its address on this site, and list it to be copied."""
        address = self.site.file_url(url)
        if address is None:
            return url
        if file_path(address):
            self._files.setdefault(url, address)
        return address


def _attr(el: Tag, name: str) -> str:
    """An attribute's text, '' when absent; a multi-valued one (class) joined by spaces."""
    value = el.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def _source(el: Tag) -> str:
    """The real URL of an element, looking past lazy-loading placeholders."""
    for attr in _LAZY_SRC:
        if _attr(el, attr):
            return _attr(el, attr).strip()
    return _attr(el, "src").strip()


def _is_pixel(el: Tag) -> bool:
    """A 0x0 or 1x1 image is there to be counted, not seen."""
    sizes = {k: _attr(el, k) for k in ("width", "height")}
    for key, value in _PX.findall(_attr(el, "style")):
        sizes[key.lower()] = value
    try:
        return all(int(str(v).strip().removesuffix("px")) <= 1 for v in sizes.values())
    except ValueError:
        return False


def _put_block(el: Tag, block: Tag) -> None:
    """Put a block where an inline element was, without nesting it in the paragraph around it."""
    target = el
    while target.parent is not None and target.parent.name in ("p", "span", "center", "div"):
        if not _alone(target):
            break
        target = target.parent
    enclosing = target.find_parent("p")
    if enclosing is None:
        target.replace_with(block)
    else:
        enclosing.insert_after(block)
        target.decompose()


def _alone(el: Tag) -> bool:
    """Whether `el` is its parent's only child but for blank text (looking only at its
    neighbours: a parent may hold thousands of children)."""
    for sibling in (el.previous_sibling, el.next_sibling):
        if sibling is not None and (isinstance(sibling, Tag) or str(sibling).strip()):
            return False
    return True


def _placeholder(soup: BeautifulSoup, href: str, label: str) -> Tag:
    """A first-party block standing where the embed was: a link, styled by the site's CSS."""
    block = soup.new_tag("p", attrs={"class": "embed-placeholder"})
    link = soup.new_tag("a", href=href)
    icon = soup.new_tag("span", attrs={"aria-hidden": "true"})
    icon.string = "▶ "
    link.append(icon)
    link.append(html.unescape(label))
    block.append(link)
    return block
