"""What the scanners see (references) and what the audit concludes (findings).

Scanning is kept apart from judging: a file's references do not depend on the
declaration, so they can be cached by content hash and judged again when the
declaration changes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Context(StrEnum):
    """How a reference reaches a host."""

    LOAD = "load"  # the visitor's browser (or feed reader) fetches it
    CRAWLER = "crawler"  # only link-preview crawlers fetch it (og:image...)
    COMMENT = "comment"  # inside an ordinary comment: dead today, one edit from live


@dataclass(frozen=True, slots=True)
class Reference:
    """One place in a file that would make a client contact a host, or run tracker code.

    Only absolute URLs are kept: a relative URL always stays on the site.
    A signature reference has `family` set and no host.
    """

    line: int
    kind: str  # script, stylesheet, image, iframe, form-action, js-url, signature...
    url: str = ""
    host: str = ""
    context: Context = Context.LOAD
    family: str = ""  # tracker script family of a signature (e.g. "matomo")
    matched: str = ""  # the signature text that matched (e.g. "_paq")

    def to_list(self) -> list:
        return [
            self.line,
            self.kind,
            self.url,
            self.host,
            self.context.value,
            self.family,
            self.matched,
        ]

    @classmethod
    def from_list(cls, row: list) -> Reference:
        line, kind, url, host, context, family, matched = row
        return cls(line, kind, url, host, Context(context), family, matched)


@dataclass(frozen=True, slots=True)
class FileScan:
    """Everything the audit needs to know about one output file."""

    path: str  # relative to the output folder, with forward slashes
    file_type: str  # html, css, js, svg, feed, xml, manifest
    references: tuple[Reference, ...] = ()
    uses_javascript: bool = False
    head_meta: frozenset[str] = frozenset()  # "csp" and/or "referrer" when the page has them

    def to_dict(self) -> dict:
        return {
            "type": self.file_type,
            "refs": [ref.to_list() for ref in self.references],
            "js": self.uses_javascript,
            "meta": sorted(self.head_meta),
        }

    @classmethod
    def from_dict(cls, path: str, data: dict) -> FileScan:
        return cls(
            path=path,
            file_type=data["type"],
            references=tuple(Reference.from_list(row) for row in data["refs"]),
            uses_javascript=data["js"],
            head_meta=_shared(frozenset(data["meta"])),
        )


_SHARED_META: dict[frozenset[str], frozenset[str]] = {}


def _shared(meta: frozenset[str]) -> frozenset[str]:
    """The one frozenset of each combination: thousands of cached pages share a few."""
    return _SHARED_META.setdefault(meta, meta)


class Severity(StrEnum):
    ERROR = "error"  # fails the build
    WARNING = "warning"  # reported, does not fail a normal build
    INFO = "info"  # declared third party: allowed, and reported as declared


@dataclass(frozen=True, slots=True)
class Finding:
    file: str  # output-relative path, or the declaration's path for a stale host
    line: int | None
    severity: Severity
    kind: str
    url: str | None
    host: str | None
    entity: str | None  # company/product from the tracker dataset or the signature table
    category: str | None
    declared: bool
    message: str  # what was found, one line
    hint: str = ""  # how to fix it
    recipient: str | None = None  # declaration recipient id that covers the host

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data
