"""Picture bytes per page: what a browser fetches for the pictures of each page of a built site.

The 14 KB budget (tests/performance/test_page_weight.py) holds HTML and CSS; pictures are
budgeted here. For every `<picture>` the browser's choice is worked out as Chromium makes it:
the first source whose type it reads (AVIF), the slot width from `sizes` at the viewport, and
the smallest candidate at least that wide at the device's pixel ratio. "At once" counts the
pictures that load with the page (not `loading="lazy"`); "scrolled" every picture on the page.
Two visitors: a phone (360 px at 2x) and a desktop (1280 px at 1x).

    python -m bench.picture_weight [OUTPUT]   # default: builds the florist fixture first
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
VISITORS = {"phone": (360, 2.0), "desktop": (1280, 1.0)}
BUDGET_AT_ONCE = 150 * 1024  # the pictures a page shows before any scrolling
BUDGET_SCROLLED = 600 * 1024  # every picture of a page
REM = 16.0
CONDITION = re.compile(r"^\(min-width:\s*([\d.]+)(rem|px)\)\s*(.+)$")


@dataclass
class PageWeight:
    page: str
    pictures: int
    at_once: dict[str, int]
    scrolled: dict[str, int]


def length(text: str, viewport: float) -> float:
    """A CSS length of `sizes`: px, rem, vw, or calc(100vw - Nrem)."""
    text = text.strip()
    if text.startswith("calc(") and text.endswith(")"):
        left, _, right = text[5:-1].partition(" - ")
        return length(left, viewport) - length(right, viewport)
    number = float(re.sub(r"[a-z%]+$", "", text))
    if text.endswith("rem"):
        return number * REM
    if text.endswith("vw"):
        return number * viewport / 100
    return number


def slot_width(sizes: str, viewport: float) -> float:
    for part in sizes.split(","):
        part = part.strip()
        match = CONDITION.match(part)
        if match is None:
            return length(part, viewport)
        minimum = float(match.group(1)) * (REM if match.group(2) == "rem" else 1)
        if viewport >= minimum:
            return length(match.group(3), viewport)
    return viewport


def chosen_file(picture, viewport: float, ratio: float) -> str:
    source = picture.find("source") or picture.find("img")
    candidates = []
    for item in source["srcset"].split(","):
        url, width = item.split()
        candidates.append((int(width.rstrip("w")), url))
    candidates.sort()
    needed = slot_width(source.get("sizes", "100vw"), viewport) * ratio
    return next((url for width, url in candidates if width >= needed), candidates[-1][1])


def weigh(output: Path) -> list[PageWeight]:
    weights = []
    for page in sorted(output.rglob("*.html")):
        if any(part.startswith(".") for part in page.relative_to(output).parts):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        pictures = soup.find_all("picture")
        if not pictures:
            continue
        at_once = dict.fromkeys(VISITORS, 0)
        scrolled = dict.fromkeys(VISITORS, 0)
        for picture in pictures:
            lazy = picture.img.get("loading") == "lazy"
            for visitor, (viewport, ratio) in VISITORS.items():
                url = chosen_file(picture, viewport, ratio)
                size = (output / urlsplit(url).path.lstrip("/")).stat().st_size
                scrolled[visitor] += size
                if not lazy:
                    at_once[visitor] += size
        relative = "/" + page.relative_to(output).as_posix().removesuffix("index.html")
        weights.append(PageWeight(relative, len(pictures), at_once, scrolled))
    return weights


def report(weights: list[PageWeight]) -> str:
    lines = [
        "| page | pictures | phone at once | phone scrolled | desktop at once | desktop scrolled |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for w in sorted(weights, key=lambda w: -w.scrolled["desktop"]):
        lines.append(
            f"| {w.page} | {w.pictures} | {w.at_once['phone'] / 1024:.1f} KB | "
            f"{w.scrolled['phone'] / 1024:.1f} KB | {w.at_once['desktop'] / 1024:.1f} KB | "
            f"{w.scrolled['desktop'] / 1024:.1f} KB |"
        )
    worst_once = max((max(w.at_once.values()) for w in weights), default=0)
    worst_all = max((max(w.scrolled.values()) for w in weights), default=0)
    holds = worst_once <= BUDGET_AT_ONCE and worst_all <= BUDGET_SCROLLED
    lines.append("")
    lines.append(
        f"Budget: {BUDGET_AT_ONCE // 1024} KB of pictures at once, {BUDGET_SCROLLED // 1024} KB "
        f"scrolled; the heaviest page: {worst_once / 1024:.1f} KB and {worst_all / 1024:.1f} KB "
        f"({'holds' if holds else 'OVER BUDGET'})."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.picture_weight")
    parser.add_argument("output", nargs="?", type=Path, help="a built site (default: the florist)")
    arguments = parser.parse_args(argv)
    output = arguments.output
    if output is None:
        sys.path.insert(0, str(ROOT / "tests"))
        from florist import build_florist

        output = build_florist(Path(tempfile.mkdtemp(prefix="discreet-pictures-"))).output
    print(report(weigh(output)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
