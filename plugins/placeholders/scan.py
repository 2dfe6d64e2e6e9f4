"""Find the kit's example values in an owner's declaration, settings and content."""

from __future__ import annotations

import hashlib
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from declaration import DeclarationError
from declaration.errors import Loc, dotted
from declaration.yaml_source import read_source

MARK = re.compile(r"#\s*PLACEHOLDER\b")
# What names Example Shop, the kit's example business, and nothing real: its names, street,
# phone, register entry, VAT ID, host and domain. Generic values of the example (Berlin, DE,
# GmbH, a real supervisory authority) are left out on purpose: a business in Berlin writes Berlin.
# tests/placeholders keeps this list in step with the example declaration.
EXAMPLE_VALUES = (
    "Example Shop",
    "example-shop.test",
    "Erika Example",
    "Examplestraße",
    "Amtsgericht Example",
    "HRB 00000",
    "DE000000000",
    "+49 30 0000 0000",
    "Example Hosting AG",
    "hosting.example.test",
)
# The kit's example post and About page as it ships them, by the SHA-256 of their text (lines
# stripped of trailing spaces): a file still equal to one was never made the owner's own.
# tests/placeholders keeps these in step with tests/sites/example-shop, a copy of the kit's.
KIT_FILE = "the kit's example"
KIT_EXAMPLES = {
    "b8de5b431568632dca42bee87f50bc89fd83aadd66fa60d8e8906c80808a0310": "post",
    "d376e3446e4640842ff16d9fd7fba2db3b1ca3ca1b3f1ef16af85a6d0bfe7d47": "page",
}
_EXAMPLE = re.compile("|".join(re.escape(value) for value in EXAMPLE_VALUES), re.IGNORECASE)
# The case-insensitive regex tries a match at nearly every letter of a file; on text of ASCII
# characters only, str.lower() compares exactly as its IGNORECASE does (Unicode adds equivalents
# such as the long s for "s"), and a plain substring search is much faster.
_LOWERED = tuple(value.lower() for value in EXAMPLE_VALUES)
_SETTING = re.compile(r"^\s*([A-Z][A-Z0-9_]*)\s*=")
CONTENT_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".rst", ".yml", ".yaml")


@dataclass(frozen=True, order=True)
class Placeholder:
    """One value still to replace: where it stands and what it is."""

    file: str
    line: int
    field: str
    value: str

    def __str__(self) -> str:
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        if self.field.startswith(KIT_FILE):
            return f"{self.file}:{self.line} {shown!r} is {self.field}, unchanged: write your own"
        return f"{self.file}:{self.line} {self.field}: {shown!r} is the kit's example"


def example_in(text: str) -> str | None:
    """The first example value `text` holds, as written there."""
    found = _EXAMPLE.search(text)
    return found.group(0) if found else None


def examples_in(text: str) -> list[str]:
    """Every example value `text` holds, each once, as written there."""
    return list(dict.fromkeys(found.group(0) for found in _EXAMPLE.finditer(text)))


def _may_name_example(text: str) -> bool:
    """Whether `text` may hold an example value: False only where it holds none."""
    if text.isascii():
        lowered = text.lower()
        return any(value in lowered for value in _LOWERED)
    return _EXAMPLE.search(text) is not None


def text_fingerprint(text: str) -> str:
    """The SHA-256 of a file's text, the same whatever its line endings and trailing spaces."""
    lines = (line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _leaves(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*loc, index))
    else:
        yield loc, data


def _value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def in_declaration(path: Path) -> list[Placeholder]:
    """Values on lines marked # PLACEHOLDER, and leaves that hold an example value. A file that
    cannot be read reports nothing here: the declaration's own check names its problems."""
    try:
        source = read_source(path)
    except DeclarationError:
        return []
    text = path.read_text(encoding="utf-8")
    by_line: dict[int, Loc] = {}
    for loc, written_at in source.lines.items():
        if loc and len(loc) >= len(by_line.get(written_at, ())):
            by_line[written_at] = loc
    found: dict[tuple[int, str], Placeholder] = {}
    for number, written in enumerate(text.splitlines(), start=1):
        if MARK.search(written) and number in by_line:
            loc = by_line[number]
            value = _value_at(source.data, loc)
            shown = " ".join(map(str, value)) if isinstance(value, list) else str(value)
            found[(number, dotted(loc))] = Placeholder(str(path), number, dotted(loc), shown)
    for loc, value in _leaves(source.data):
        if isinstance(value, str) and example_in(value):
            line = source.line_of(loc)
            found.setdefault((line, dotted(loc)), Placeholder(str(path), line, dotted(loc), value))
    return sorted(found.values())


def in_settings(path: Path) -> list[Placeholder]:
    """Settings whose line is marked # PLACEHOLDER (the kit's tagline, say)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    found = []
    for number, line in enumerate(lines, start=1):
        setting = _SETTING.match(line)
        if setting and MARK.search(line):
            value = line.split("=", 1)[1].split("#", 1)[0].strip()
            found.append(Placeholder(str(path), number, setting.group(1), value.strip("\"'")))
    return found


def in_content(folder: Path, skip: Iterable[Path] = ()) -> list[Placeholder]:
    """Lines of posts, pages and other text sources that name the example business."""
    skipped = {_identity(p) for p in skip}
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in CONTENT_SUFFIXES or "policy-versions" in path.parts:
            continue
        identity = _identity(path)
        if identity is None or identity in skipped:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the build names a file it cannot read
        kind = KIT_EXAMPLES.get(text_fingerprint(text))
        if kind is not None:
            title = re.search(r"^Title:\s*(.+)$", text, re.M)
            shown = title.group(1).strip() if title else path.name
            found.append(Placeholder(str(path), 1, f"{KIT_FILE} {kind}", shown))
            continue
        if not _may_name_example(text):
            continue  # one search a file: most files name no example, and a blog has thousands
        for number, line in enumerate(text.splitlines(), start=1):
            found += [Placeholder(str(path), number, "text", v) for v in examples_in(line)]
    return found


def _identity(path: Path) -> tuple[int, int] | None:
    """The file `path` names (device, inode), or None if it names no regular file: one stat,
    where resolving the path read every folder on the way (a blog has thousands of posts)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISREG(status.st_mode) else None


def find_placeholders(
    declaration: Path, settings_files: Iterable[Path] = (), content: Path | None = None
) -> list[Placeholder]:
    """Every placeholder of a site: its declaration, its settings files and its content."""
    found = in_declaration(declaration)
    for settings in settings_files:
        found += in_settings(settings)
    if content is not None:
        found += in_content(content, skip=[declaration])
    return found
