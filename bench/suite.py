"""The benchmark schedule: four builds in a row from a fresh clone, A and B alternating.

Within every step the two builds run back to back, and the one that goes first swaps every round
(A B, then B A, ...), so a machine that slows down or speeds up during the run (other jobs, CPU
boost, page cache) costs both sides alike; medians over the rounds drop the odd outlier.
After the four development builds, each round makes one cold publish build of each side.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import edit_one_article
from bench.runs import Sample, measure
from bench.sites import ROOT, Site

# The builds a fresh clone goes through: the first with nothing, the second with a warm content
# cache (for the full site, into the empty other half of strict-build's double buffer), the third
# after one article was edited, the fourth with nothing changed: the steady state.
STEPS = ("cold", "cached", "edited", "unchanged")
PUBLISH = "publish"  # `make publish` from a fresh clone, against plain Pelican with feeds


@dataclass
class Results:
    """Every sample, by site key ("plain", "site") and step."""

    samples: dict[tuple[str, str], list[Sample]] = field(default_factory=lambda: defaultdict(list))

    def median(self, site: str, step: str, what: str = "seconds") -> float:
        return statistics.median(getattr(s, what) for s in self.samples[site, step])

    def peak_memory(self, site: str, steps: tuple[str, ...] = STEPS) -> float:
        return max(s.max_rss_mib for step in steps for s in self.samples[site, step])

    def has(self, step: str) -> bool:
        return bool(self.samples.get(("site", step)))


def run_rounds(
    plain: Site,
    site: Site,
    content: Path,
    rounds: int,
    progress: Callable[[str], None] = print,
    publish: tuple[Site, Site] | None = None,
) -> Results:
    """``publish``: plain Pelican's and the site's publish builds, one cold build a round."""
    results = Results()
    for number in range(rounds):
        first = number % 2 == 0
        order = (plain, site) if first else (site, plain)
        steps = [(step, order) for step in STEPS]
        if publish is not None:
            steps.append((PUBLISH, publish if first else publish[::-1]))
        for step, sides in steps:
            if step == "edited":
                edit_one_article(content, number)
            for side in sides:
                if step in ("cold", PUBLISH):
                    side.forget()
                sample = measure(side.command(), cwd=ROOT)
                results.samples[side.key, step].append(sample)
                progress(
                    f"round {number + 1}/{rounds} {step:>9} {side.label:<13} "
                    f"{sample.seconds:6.2f} s  cpu {sample.cpu_seconds:6.2f} s  "
                    f"{sample.max_rss_mib:6.1f} MiB"
                )
    return results
