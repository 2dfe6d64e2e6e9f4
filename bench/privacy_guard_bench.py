"""How long the privacy guard's audit takes next to the Pelican build it checks.

    .venv/bin/python -m bench.privacy_guard_bench [--articles 2000] [--settings publishconf.py]

Builds a site of N generated articles (plus the real content) with plain
Pelican and the project's settings (the guard disabled), then audits the
output: cold, cold in one process, and warm from the scan cache. Prints the
times and the audit/build ratio; the issue's target is under 3 %.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from privacy_guard.audit import audit, judge, scan_folder
from privacy_guard.cache import ScanCache
from privacy_guard.feeds import forget_entries
from privacy_guard.policy import AuditPolicy

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "coffee", "roast", "order", "delivery", "customer", "privacy", "archive", "bean", "grinder",
    "espresso", "filter", "shop", "season", "harvest", "origin", "farm", "tasting", "notes",
    "kettle", "water", "temperature", "brew", "ratio", "cup", "morning",
]  # fmt: skip


def write_articles(content: Path, count: int) -> None:
    rng = random.Random(2012)
    folder = content / "articles" / "generated"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        year, month, day = 2005 + number % 20, 1 + number % 12, 1 + number % 28
        paragraphs = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 120))).capitalize() + "."
            for _ in range(rng.randint(3, 7))
        ]
        body = "\n\n".join(paragraphs)
        links = f"Read [the previous post](/{year}/) or [a source](https://example.org/{number})."
        text = (
            f"Title: Generated post {number}\nDate: {year}-{month:02d}-{day:02d} 10:00\n"
            f"Category: {rng.choice(['Privacy', 'Coffee', 'Shop', 'News'])}\n"
            f"Tags: {rng.choice(WORDS)}, {rng.choice(WORDS)}\n\n{body}\n\n{links}\n"
        )
        (folder / f"post-{number:05d}.md").write_text(text, encoding="utf-8")


def pelican_build(content: Path, output: Path, settings: str, cache: Path) -> float:
    overrides = {"PRIVACY_GUARD_ENABLED": False, "CACHE_PATH": str(cache)}
    command = [
        sys.executable, "-m", "pelican", str(content), "-o", str(output),
        "-s", str(ROOT / settings), "-q",
        "-e", *(f"{key}={json.dumps(value)}" for key, value in overrides.items()),
    ]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def timed_audit(
    output: Path, policy: AuditPolicy, shortcut: bool = True, **options
) -> tuple[float, float, int]:
    """Wall time, CPU time (this process and its workers), files audited."""
    forget_entries()
    before, started = os.times(), time.perf_counter()
    if shortcut:
        result = audit(output, policy, **options)
    else:  # every page through the parser: a site whose pages all have scripts
        result = judge(scan_folder(output, **options), policy)
    wall, after = time.perf_counter() - started, os.times()
    cpu = sum(after[:4]) - sum(before[:4])  # user + system, self + children
    return wall, cpu, result.files_scanned


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--settings", default="publishconf.py")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        content = work / "content"
        shutil.copytree(ROOT / "content", content)
        write_articles(content, args.articles)
        output = work / "output"
        build = pelican_build(content, output, args.settings, work / "pelican-cache")
        policy = AuditPolicy.build(site_urls=["https://example-shop.test"])
        timed_audit(output, policy)  # imports and the dataset, as a long-running build has them
        runs = {
            "cold, one process": timed_audit(output, policy, workers=1),
            "cold, 2 processes": timed_audit(output, policy, workers=2),
            "cold, all parsed": timed_audit(output, policy, shortcut=False, workers=1),
        }
        cache_file = work / "guard-cache" / "privacy_guard.json"
        first = ScanCache(cache_file, "bench")
        audit(output, policy, first)
        first.save()
        runs["warm (scan cache)"] = timed_audit(
            output, policy, cache=ScanCache(cache_file, "bench")
        )
        pages = sum(1 for _ in output.rglob("*.html"))
        size = sum(path.stat().st_size for path in output.rglob("*") if path.is_file())
    files = runs["cold, one process"][2]
    print(f"site: {args.articles} generated articles, {pages} pages, {files} files audited, "
          f"{size / 1e6:.1f} MB ({args.settings}); load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")  # fmt: skip
    print(f"pelican build (cold, guard off): {build:6.2f} s wall")
    for name, (wall, cpu, _) in runs.items():
        print(f"audit, {name:18} {wall:6.3f} s wall ({wall / build:6.2%} of the build), "
              f"{cpu:6.3f} s CPU")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
