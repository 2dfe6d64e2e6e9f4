"""`python -m bench.profile`: where a build of the full site spends its time, under cProfile.

Builds the synthetic content (BENCH_ARTICLES, default 2,000) three times with the full site's
command, each under cProfile: cold, then the second build (full render into the other half of
strict-build's double buffer), then after one article changed. Prints, for each, the time of the
build's phases and the functions with the most time of their own, and keeps the profiles in
bench/results/ for a closer look (`python -m pstats bench/results/profile-cold.prof`).
cProfile slows Python code about twofold, so read proportions, not seconds.
"""

from __future__ import annotations

import os
import pstats
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.corpus import edit_one_article, write_content
from bench.sites import ROOT, full_site

RESULTS = ROOT / "bench" / "results"
PHASES = {
    "start-up: plugins, policy check (Pelican.__init__)": ("pelican/__init__.py", "__init__"),
    "read sources (Markdown, cache)": ("generators.py", "generate_context"),
    "render and write pages": ("generators.py", "generate_pages"),
    "fingerprint pages (fast_build)": ("fingerprint.py", "page"),
    "links in content resolved (Pelican, on first use)": ("contents.py", "_update_content"),
    "Jinja2 templates": ("environment.py", "render"),
    "content URLs (Pelican)": ("contents.py", "get_url_setting"),
    "sweep stale files (strict-build)": ("staging.py", "sweep"),
    "publish (strict-build)": ("staging.py", "publish"),
    "policy pages (plugin)": ("policy_pages/plugin.py", "generate_output"),
    "contact form: articles' contact link": ("contact_form/plugin.py", "prepare"),
    "privacy guard: audit, report, headers": ("privacy_guard/plugin.py", "finish"),
    "sitemap (plugin)": ("sitemap/sitemap.py", "finalize"),
    "precompressed: final pass": ("precompressed/plugin.py", "finish"),
}


def phase_times(stats: pstats.Stats) -> dict[str, float]:
    found = dict.fromkeys(PHASES, 0.0)
    entries = stats.stats.items()  # type: ignore[attr-defined]
    for (filename, _, function), (_, _, _, cumulative, _) in entries:
        for label, (file_end, name) in PHASES.items():
            if function == name and filename.endswith(file_end):
                found[label] = max(found[label], cumulative)
    return found


def profile_build(label: str, command: list[str]) -> None:
    target = RESULTS / f"profile-{label}.prof"
    profiled = [sys.executable, "-m", "cProfile", "-o", str(target), *command[1:]]
    subprocess.run(profiled, cwd=ROOT, check=True, capture_output=True)
    stats = pstats.Stats(str(target))
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\n## {label} build: {total:.1f} s under cProfile\n")
    print("| phase | seconds | share |\n| --- | ---: | ---: |")
    for phase, seconds in phase_times(stats).items():
        print(f"| {phase} | {seconds:.2f} | {seconds / total:.0%} |")
    print("\nMost time of their own:\n")
    stats.sort_stats("tottime").print_stats(12)


def main() -> int:
    articles = int(os.environ.get("BENCH_ARTICLES") or 2000)
    workdir = Path(tempfile.mkdtemp(prefix="discreet-profile-"))
    RESULTS.mkdir(parents=True, exist_ok=True)
    try:
        content = write_content(ROOT / "content", workdir / "content", articles)
        site = full_site(workdir / "site", content)
        command = site.command()
        profile_build("cold", command)
        profile_build("second", command)
        edit_one_article(content, 1)
        profile_build("edited", command)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
