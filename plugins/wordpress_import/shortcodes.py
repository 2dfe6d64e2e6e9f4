"""Expand the WordPress shortcodes and auto-embeds that old posts use into plain HTML.

WordPress stores shortcodes ([caption], [gallery], [embed], [youtube], [audio], [video]...) and
bare URLs on a line of their own, and renders them only when a page is shown. We expand them to
the HTML WordPress would have produced (an <iframe> for a video, <figure> for a caption...), so
that one later pass (trackers.py) treats embeds the same whichever way the author wrote them.
Shortcodes we do not know are left as they are and reported, since only the owner can say what
they should become.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from .media import Video, video_from_id, video_from_url

KNOWN = ("caption", "wp_caption", "gallery", "embed", "youtube", "vimeo", "audio", "video")

# One known shortcode: optional escaping bracket, name, attributes, then either "/]", "]...[/name]"
# or a bare "]"; modelled on WordPress's get_shortcode_regex().
_SHORTCODE = re.compile(
    r"\[(?P<escape>\[?)(?P<name>" + "|".join(KNOWN) + r")(?![\w-])"
    r"(?P<attrs>[^\]/]*(?:/(?!\])[^\]/]*)*?)"
    r"(?:(?P<selfclose>/)\]|\](?:(?P<content>.*?)\[/(?P=name)\])?)"
    r"(?P<escape_end>\]?)",
    re.DOTALL,
)
# Attribute forms accepted by WordPress's shortcode_parse_atts().
_ATTR = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)
# Something that looks like another plugin's shortcode: [name attr=...] or [/name].
_UNKNOWN = re.compile(r"\[/?([a-z][\w-]*)(?:\s+[\w-]+=[^\]]*)?\]")
_BARE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
_CAPTION_PARTS = re.compile(r"((?:<a\s[^>]+>\s*)?<img\s[^>]+>(?:\s*</a>)?)(.*)", re.DOTALL | re.I)


@dataclass(frozen=True)
class Attachment:
    """An uploaded file as the export describes it (for [gallery] and [audio]/[video])."""

    post_id: str
    url: str
    title: str
    parent: str


class ShortcodeExpander:
    """Expand the shortcodes of one post; `notes` collects what changed, for the report."""

    def __init__(
        self,
        post_id: str,
        attachments: dict[str, Attachment],
    ) -> None:
        self.post_id = post_id
        self.attachments = attachments
        self.notes: list[str] = []

    def expand(self, text: str) -> str:
        text = _BARE_URL_LINE.sub(self._bare_url, text)
        text = _SHORTCODE.sub(self._one, text)
        for name in sorted({m.group(1) for m in _UNKNOWN.finditer(text)} - set(KNOWN)):
            if _looks_like_shortcode(text, name):
                self.notes.append(
                    f"shortcode [{name}] has no equivalent here; it was left as text: "
                    "rewrite or remove it"
                )
        return text

    def _bare_url(self, match: re.Match[str]) -> str:
        """WordPress turns a URL alone on its line into an embed; we keep a video or a link."""
        url = html.unescape(match.group(1))
        video = video_from_url(url)
        if video:
            return _iframe(video)
        self.notes.append(f"auto-embed of {url} became a plain link")
        return f'<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>'

    def _one(self, match: re.Match[str]) -> str:
        if match.group("escape") and match.group("escape_end"):
            return match.group(0)[1:-1]  # [[name]] is how authors write a literal [name]
        name = match.group("name")
        raw_attrs = html.unescape(match.group("attrs") or "")
        content = match.group("content") or ""
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
        return match.group("escape") + expanded + match.group("escape_end")

    def _caption(self, attrs: dict[str, str], _p: list[str], content: str, _r: str) -> str:
        parts = _CAPTION_PARTS.match(content.strip())
        figure, caption = (parts.group(1), parts.group(2).strip()) if parts else (content, "")
        caption = caption or html.escape(attrs.get("caption", ""))
        figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
        return f'<figure class="wp-caption">{figure}{figcaption}</figure>'

    def _gallery(self, attrs: dict[str, str], _p: list[str], _c: str, _r: str) -> str:
        ids = [i.strip() for i in (attrs.get("ids") or attrs.get("include") or "").split(",")]
        chosen = [self.attachments[i] for i in ids if i in self.attachments]
        if not chosen and not any(ids):
            chosen = [a for a in self.attachments.values() if a.parent == self.post_id]
        missing = [i for i in ids if i and i not in self.attachments]
        if missing:
            self.notes.append(
                f"gallery names attachment(s) {', '.join(missing)} that the export lacks; "
                "they were left out"
            )
        self.notes.append(f"gallery of {len(chosen)} image(s) became a list of images")
        images = "".join(
            f'<p><img src="{html.escape(a.url)}" alt="{html.escape(a.title)}"></p>' for a in chosen
        )
        return f'<div class="gallery">{images}</div>'

    def _embed(self, attrs: dict[str, str], _p: list[str], content: str, _r: str) -> str:
        url = html.unescape(content.strip() or attrs.get("src", ""))
        video = video_from_url(url)
        if video:
            return _iframe(video)
        self.notes.append(f"[embed] of {url} became a plain link")
        return f'<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>'

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
        value = self._video_shortcode_value(attrs, positional, raw)
        video = video_from_url(value) or video_from_id(provider, value)
        if video is None or video.provider != provider:
            self.notes.append(f"[{provider.lower()}] shortcode without a usable video: {raw!r}")
            return ""
        return _iframe(video)

    def _audio(self, attrs: dict[str, str], _p: list[str], _c: str, _r: str) -> str:
        return _media_element("audio", attrs, ("src", "mp3", "m4a", "ogg", "wav", "wma"))

    def _self_hosted_video(self, attrs: dict[str, str], _p: list[str], _c: str, _r: str) -> str:
        return _media_element("video", attrs, ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"))


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


def _iframe(video: Video) -> str:
    """The embed WordPress would have rendered; trackers.py turns it into a link."""
    if video.provider == "YouTube":
        src = f"https://www.youtube.com/embed/{video.video_id}"
    else:
        src = f"https://player.vimeo.com/video/{video.video_id}"
    return f'<iframe src="{src}"></iframe>'


def _media_element(tag: str, attrs: dict[str, str], source_keys: tuple[str, ...]) -> str:
    sources = [attrs[k] for k in source_keys if attrs.get(k)]
    if not sources:
        return ""
    inner = "".join(f'<source src="{html.escape(s)}">' for s in sources)
    return f"<{tag} controls>{inner}</{tag}>"


def _looks_like_shortcode(text: str, name: str) -> bool:
    """`[note]` in prose is text; `[name attr=...]` or a closing `[/name]` is a shortcode."""
    return bool(re.search(rf"\[{re.escape(name)}\s+[\w-]+=|\[/{re.escape(name)}\]", text))
