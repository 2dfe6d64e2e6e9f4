"""Expand the WordPress shortcodes and auto-embeds that old posts use into plain HTML.

WordPress stores shortcodes ([caption], [gallery], [embed], [youtube], [audio], [video]...) and
bare URLs on a line of their own, and renders them only when a page is shown. We expand them to
the HTML WordPress would have produced (an <iframe> for a video, <figure> for a caption...), so
that one later pass (trackers.py) treats embeds the same whichever way the author wrote them.
Shortcodes we do not know are left as they are and reported, since only the owner can say what
they should become.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .attachments import Attachments
from .cards import card_html, card_note, card_of

KNOWN = ("caption", "wp_caption", "gallery", "embed", "youtube", "vimeo", "audio", "video")

# The start of a known shortcode: an optional escaping bracket and the name. The rest is found by
# `_shortcodes` below, as WordPress's get_shortcode_regex() reads it: attributes up to the first
# "]" ("/]" closes it at once), then the content up to the nearest "[/name]", if there is one.
_OPENING = re.compile(r"\[(?P<escape>\[?)(?P<name>" + "|".join(KNOWN) + r")(?![\w-])")
_CLOSING = re.compile(r"\[/(" + "|".join(KNOWN) + r")\]")
# Attribute forms accepted by WordPress's shortcode_parse_atts().
_ATTR = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)
# What only a shortcode looks like, whatever plugin it is from: [name attr=...] or [/name].
# (Not "[name]": that is as often a note in prose.) No "[" inside, so that each try stops at
# the next bracket and the whole search stays linear.
_LOOKS_LIKE_SHORTCODE = re.compile(r"\[(?:/([a-z][\w-]*)|([a-z][\w-]*)\s+[\w-]+=[^\]\[]*)\]")
_YOUTUBE_ID = re.compile(r"[\w-]{11}")
_AUDIO_TYPES = ("mp3", "m4a", "ogg", "wav", "wma", "flac")
_VIDEO_TYPES = ("mp4", "m4v", "webm", "ogv", "wmv", "flv", "mov")
_BARE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
_CAPTION_PARTS = re.compile(r"((?:<a\s[^>]+>\s*)?<img\s[^>]+>(?:\s*</a>)?)(.*)", re.DOTALL | re.I)


class ShortcodeExpander:
    """Expand the shortcodes of one post; `notes` collects what changed, for the report."""

    def __init__(
        self,
        post_id: str,
        attachments: Attachments,
    ) -> None:
        self.post_id = post_id
        self.attachments = attachments
        self.notes: list[str] = []
        self.cards = 0  # embeds that became the site's embed cards

    def expand(self, text: str) -> str:
        text = _BARE_URL_LINE.sub(self._bare_url, text)
        pieces: list[str] = []
        done = 0
        for shortcode in _shortcodes(text):
            pieces += [text[done : shortcode.start], self._one(shortcode)]
            done = shortcode.end
        text = "".join([*pieces, text[done:]])
        found = {m.group(1) or m.group(2) for m in _LOOKS_LIKE_SHORTCODE.finditer(text)}
        for name in sorted(found - set(KNOWN)):
            self.notes.append(
                f"shortcode [{name}] has no equivalent here; it was left as text: "
                "rewrite or remove it"
            )
        return text

    def _bare_url(self, match: re.Match[str]) -> str:
        """WordPress turns a URL alone on its line into an embed; we make the site's card of it,
        or a plain link where the site has no card for that provider."""
        url = html.unescape(match.group(1))
        return self._card_or_link(url, "auto-embed")

    def _card_or_link(self, url: str, what: str) -> str:
        embed = card_of(url)
        if embed is not None:
            self.cards += 1
            self.notes.append(card_note(embed))
            return card_html(embed)
        self.notes.append(f"{what} of {url} became a plain link")
        return f'<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>'

    def _one(self, shortcode: Shortcode) -> str:
        if shortcode.escape and shortcode.escape_end:
            return shortcode.text[1:-1]  # [[name]] is how authors write a literal [name]
        name = shortcode.name
        raw_attrs = html.unescape(shortcode.attrs)
        content = shortcode.content
        attrs, positional = parse_attributes(raw_attrs)
        handlers: dict[str, Callable[[dict[str, str], list[str], str, str], str]] = {
            "caption": self._caption,
            "wp_caption": self._caption,
            "gallery": self._gallery,
            "embed": self._embed,
            "youtube": self._youtube,
            "vimeo": self._vimeo,
            "audio": self._audio,
            "video": self._self_hosted_video,
        }
        expanded = handlers[name](attrs, positional, content, raw_attrs)
        return shortcode.escape + expanded + shortcode.escape_end

    def _caption(self, attrs: dict[str, str], _p: list[str], content: str, _r: str) -> str:
        parts = _CAPTION_PARTS.match(content.strip())
        figure, caption = (parts.group(1), parts.group(2).strip()) if parts else (content, "")
        caption = caption or html.escape(attrs.get("caption", ""))
        figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
        return f'<figure class="wp-caption">{figure}{figcaption}</figure>'

    def _gallery(self, attrs: dict[str, str], _p: list[str], _c: str, _r: str) -> str:
        ids = [i.strip() for i in (attrs.get("ids") or attrs.get("include") or "").split(",")]
        by_id = self.attachments.by_id
        chosen = [by_id[i] for i in ids if i in by_id]
        if not chosen and not any(ids):
            chosen = self.attachments.of_post(self.post_id)
        missing = [i for i in ids if i and i not in by_id]
        if missing:
            self.notes.append(
                f"gallery names attachment(s) {', '.join(missing)} that the export lacks; "
                "they were left out"
            )
        self.notes.append(f"gallery of {len(chosen)} image(s) became a list of images")
        images = "".join(
            f'<p><img src="{html.escape(a.url)}" alt="{html.escape(a.alt or a.title)}"></p>'
            for a in chosen
        )
        return f'<div class="gallery">{images}</div>'

    def _embed(self, attrs: dict[str, str], _p: list[str], content: str, _r: str) -> str:
        url = html.unescape(content.strip() or attrs.get("src", ""))
        return self._card_or_link(url, "[embed]")

    def _youtube(self, attrs: dict[str, str], positional: list[str], _c: str, raw: str) -> str:
        return self._provider_video("YouTube", attrs, positional, raw)

    def _vimeo(self, attrs: dict[str, str], positional: list[str], _c: str, raw: str) -> str:
        return self._provider_video("Vimeo", attrs, positional, raw)

    def _video_shortcode_value(self, attrs: dict[str, str], positional: list[str], raw: str) -> str:
        if raw.strip().startswith("="):  # Jetpack's [youtube=URL&w=640&h=360]
            url = raw.strip()[1:].strip()
            return url if "?" in url else url.split("&", 1)[0]
        return attrs.get("id") or attrs.get("url") or (positional[0] if positional else "")

    def _provider_video(
        self, provider: str, attrs: dict[str, str], positional: list[str], raw: str
    ) -> str:
        value = self._video_shortcode_value(attrs, positional, raw).strip()
        if _YOUTUBE_ID.fullmatch(value) and provider == "YouTube":
            value = f"https://www.youtube.com/watch?v={value}"  # Jetpack's [youtube ID]
        elif value.isdigit() and provider == "Vimeo":
            value = f"https://vimeo.com/{value}"
        embed = card_of(value)
        if embed is None or embed.provider.name != provider:
            self.notes.append(f"[{provider.lower()}] shortcode without a usable video: {raw!r}")
            return ""
        self.cards += 1
        self.notes.append(card_note(embed))
        return card_html(embed)

    def _audio(self, attrs: dict[str, str], positional: list[str], content: str, _r: str) -> str:
        return self._media("audio", attrs, positional, content, _AUDIO_TYPES)

    def _self_hosted_video(
        self, attrs: dict[str, str], positional: list[str], content: str, _r: str
    ) -> str:
        return self._media("video", attrs, positional, content, _VIDEO_TYPES)

    def _media(
        self,
        tag: str,
        attrs: dict[str, str],
        positional: list[str],
        content: str,
        types: tuple[str, ...],
    ) -> str:
        """An <audio> or <video> element, from any of the forms WordPress accepts: src= or one
        attribute per file type, the URL alone ([audio https://...mp3], WordPress.com's
        [audio URL|titles=...]), the URL as the content, or else the first file of that kind
        uploaded to the post (what WordPress itself plays then)."""
        sources = [attrs[k] for k in ("src", *types) if attrs.get(k)]
        sources += [p.split("|", 1)[0] for p in positional if "://" in p or p.startswith("/")]
        if not sources and content.strip().startswith(("http://", "https://", "/")):
            sources.append(content.strip())
        if not sources:
            uploaded = [
                a.url
                for a in self.attachments.of_post(self.post_id)
                if a.url.rsplit(".", 1)[-1].lower() in types
            ]
            sources = uploaded[:1]
        if not sources:
            self.notes.append(
                f"an [{tag}] shortcode named no file, nor has the post any {tag} file uploaded; "
                "it was left out"
            )
            return ""
        inner = "".join(f'<source src="{html.escape(s)}">' for s in sources)
        return f"<{tag} controls>{inner}</{tag}>"


def parse_attributes(text: str) -> tuple[dict[str, str], list[str]]:
    """Named and positional attributes, as WordPress's shortcode_parse_atts() reads them."""
    named: dict[str, str] = {}
    positional: list[str] = []
    text = text.replace("\xa0", " ").replace("\u200b", " ")
    for m in _ATTR.finditer(text):
        if m.group(1):
            named[m.group(1).lower()] = m.group(2)
        elif m.group(3):
            named[m.group(3).lower()] = m.group(4)
        elif m.group(5):
            named[m.group(5).lower()] = m.group(6)
        else:
            value = next(v for v in (m.group(7), m.group(8), m.group(9)) if v is not None)
            positional.append(value)
    return named, positional


@dataclass(frozen=True)
class Shortcode:
    """One known shortcode found in a text, with where it starts and ends."""

    text: str  # all of it, as written
    start: int
    end: int
    name: str
    attrs: str
    content: str
    escape: str  # "[" when written [[name ...]], which means the text "[name ...]"
    escape_end: str


def _shortcodes(text: str) -> Iterator[Shortcode]:
    """The known shortcodes of `text`, left to right, in one pass: the next "]" and the next
    closing tag of each name are looked up, never searched for again from every opening."""
    closings: dict[str, list[int]] = {}
    for closing in _CLOSING.finditer(text):
        closings.setdefault(closing.group(1), []).append(closing.start())
    done = 0
    bracket = -1  # the first "]" at or after the current opening
    for opening in _OPENING.finditer(text):
        if opening.start() < done:
            continue  # inside the previous shortcode's content
        if bracket < opening.end():
            bracket = text.find("]", opening.end())
            if bracket < 0:
                return  # no "]" left: no more shortcodes
        name = opening.group("name")
        attrs, end, content = text[opening.end() : bracket], bracket + 1, ""
        if attrs.endswith("/"):
            attrs = attrs[:-1]
        else:
            later = closings.get(name, [])
            nearest = bisect.bisect_left(later, end)
            if nearest < len(later):
                content = text[end : later[nearest]]
                end = later[nearest] + len(name) + 3
        escape_end = "]" if text.startswith("]", end) else ""
        end += len(escape_end)
        yield Shortcode(
            text=text[opening.start() : end],
            start=opening.start(),
            end=end,
            name=name,
            attrs=attrs,
            content=content,
            escape=opening.group("escape"),
            escape_end=escape_end,
        )
        done = end
