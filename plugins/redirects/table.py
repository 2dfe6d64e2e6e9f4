"""Read content/redirects.yml: old address -> target, each with its line, checked strictly.

No Pelican here: the table is plain data, so it can be tested and reused alone. Lines come from
PyYAML's node marks, so every complaint names the line to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from plugin_support import DiscreetError

if TYPE_CHECKING:
    import yaml


class RedirectsError(DiscreetError):
    """A problem in the redirects file: file, line, what was expected and how to fix it."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source, self.line, self.message = source, line, message
        super().__init__([f"{source}:{line}: {message}" if line else f"{source}: {message}"])


@dataclass(frozen=True)
class Redirect:
    source: str  # the old address: a path, maybe with ?query
    target: str  # a path on this site or a {link} form for the plugin to resolve
    line: int

    @property
    def is_query(self) -> bool:
        """?p=123 forms: no file can answer them, only server rules."""
        return "?" in self.source


def load_redirects(path: Path) -> list[Redirect]:
    """The redirects in `path`, in file order; [] when the file does not exist."""
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise RedirectsError(source, None, f"cannot read the file ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RedirectsError(
            source,
            data.count(b"\n", 0, exc.start) + 1,
            f"byte 0x{data[exc.start]:02x} is not UTF-8 text; save the file as UTF-8",
        ) from None
    import yaml  # here, not at the top: a site without a redirects file never loads PyYAML

    # libyaml's loader when PyYAML was built with it (much faster on the large tables an import
    # writes), with the same node marks, so the lines in errors stay right.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.reader.ReaderError as exc:  # a character YAML forbids: no mark, a position
        raise RedirectsError(
            source,
            text.count("\n", 0, exc.position) + 1,
            f"the character U+{exc.character:04X} may not be in YAML text; remove it",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise RedirectsError(
            source,
            mark.line + 1 if mark else None,
            f"not valid YAML ({problem}); write one `/old/path/: target` per line",
        ) from None
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise RedirectsError(
            source, root.start_mark.line + 1, "expected a mapping of `/old/path/: target` lines"
        )
    redirects: list[Redirect] = []
    seen: dict[str, tuple[int, str]] = {}  # by the page it writes: line, address as written
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        old = _scalar(source, key_node, "the old address")
        target = _scalar(source, value_node, f"the target of {old}")
        _check_source(source, line, old)
        page = _page_key(old)
        if page in seen:
            first, written = seen[page]
            also = f", as {written}" if written != old else ""
            raise RedirectsError(
                source, line, f"{old} is listed twice (first on line {first}{also}); keep one"
            )
        _check_target(source, value_node.start_mark.line + 1, old, target)
        seen[page] = (line, old)
        redirects.append(Redirect(old, target, line))
    return redirects


def _scalar(source: str, node: yaml.Node, what: str) -> str:
    import yaml  # loaded by load_redirects already

    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise RedirectsError(
            source, node.start_mark.line + 1, f"{what} must be a single non-empty text"
        )
    return str(node.value).strip()


def _check_source(source: str, line: int, old: str) -> None:
    """An old address is a root-relative path on this site that cannot escape the output."""
    parts = urlsplit(old)
    segments = unquote(parts.path).split("/")  # the page is written at the decoded path
    if old.startswith("//"):
        raise RedirectsError(
            source,
            line,
            f"“{old}” starts with //, which a browser reads as the address of another site "
            f"({parts.netloc}); write it with one slash: /{old.lstrip('/')}",
        )
    if not old.startswith("/") or parts.netloc or parts.fragment:
        raise RedirectsError(
            source, line, f"“{old}” should be a path on this site starting with /, like /2012/06/x/"
        )
    if _has_control_character(old):
        raise RedirectsError(source, line, _control_message(repr(old)))
    if _leaves_its_folder(old):
        raise RedirectsError(source, line, f"“{old}” may not contain .. or backslashes")
    if any(len(segment.encode()) > 255 for segment in segments):
        raise RedirectsError(
            source,
            line,
            f"a part of “{old}” between slashes is longer than the 255 bytes a file name may "
            "have, so no redirect page can be written for it; shorten it or remove the line",
        )


def _check_target(source: str, line: int, old: str, target: str) -> None:
    """A target is a {link} for the plugin to resolve, or a plain path inside this site."""
    if not target.startswith(("/", "{")):
        raise RedirectsError(
            source,
            line,
            f"the target of {old} is “{target}”; expected a path starting with / "
            "or a link such as {filename}/articles/post.md",
        )
    kind, brace, name = target[1:].partition("}")
    if target.startswith("{") and brace and not name.strip() and kind not in ("index", "feed"):
        example = {"filename": "/articles/post.md", "static": "/images/photo.jpg"}
        raise RedirectsError(
            source,
            line,
            f"the target of {old} is “{target}”, but {{{kind}}} names nothing; "
            f"write {{{kind}}}{example.get(kind, 'Name')}",
        )
    if target.startswith("/") and "?" in target:
        raise RedirectsError(
            source,
            line,
            f"the target of {old} is “{target}”, but a static site answers no ?query "
            "(such targets can loop); write the path of the page it should reach",
        )
    if target.startswith("/") and "#" in target:
        raise RedirectsError(
            source,
            line,
            f"the target of {old} is “{target}”, but not every server's rule can carry a "
            f"#fragment; write {target.partition('#')[0]}",
        )
    if target.startswith("/") and _has_control_character(target):
        raise RedirectsError(source, line, _control_message(f"the target of {old}, {target!r},"))
    if target.startswith("/") and _leaves_its_folder(target):
        raise RedirectsError(
            source,
            line,
            f"the target of {old} is “{target}”, which may not contain .. or backslashes; "
            "write the page's path from the site's root",
        )


def _leaves_its_folder(path: str) -> bool:
    """Whether a path, once decoded as the server and the build decode it, climbs out."""
    decoded = unquote(urlsplit(path).path)
    return ".." in decoded.split("/") or "\\" in path + decoded


def _has_control_character(path: str) -> bool:
    """A line break or tab (even as %0A): no redirect page's folder or server rule can hold it."""
    return any(ord(c) < 32 or ord(c) == 127 for c in path + unquote(path))


def _control_message(what: str) -> str:
    return (
        f"{what} holds a control character (a line break, a tab...), which no redirect page "
        "or server rule can hold; remove it"
    )


def _page_key(old: str) -> str:
    """/x and /x/, /café/ and /caf%C3%A9/ are one redirect page: one key for all its spellings."""
    path, sep, query = old.partition("?")
    path = unquote(path)
    if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        path += "/"
    return path + sep + query
