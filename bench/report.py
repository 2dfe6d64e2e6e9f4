"""The benchmark's Markdown report: one table of medians and ratios, the targets, the machine."""

from __future__ import annotations

from dataclasses import dataclass

from bench.audit import Audit
from bench.suite import PUBLISH, Results

TARGET_COLD = 1.05
TARGET_AUDIT = 0.03
TARGET_EDITED = 0.4
TARGET_MEMORY = 1.2


@dataclass(frozen=True)
class Context:
    """How the run was made, for the notes under the table."""

    articles: int
    rounds: int
    pages: int
    machine: str
    load_before: str
    load_after: str
    weight: str


def ratio(b: float, a: float) -> str:
    return f"{b / a:.2f}x" if a else "n/a"


def render(results: Results, audit: Audit, context: Context) -> str:
    med = results.median
    rows = [
        ("1st build: cold (no cache, no output)", "cold", "s"),
        ("2nd build: nothing changed, content cache warm", "cached", "s"),
        ("3rd build: one article changed", "edited", "s"),
        ("4th build: nothing changed", "unchanged", "s"),
    ]
    lines = [
        "| what | plain Pelican | this site | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    if results.has(PUBLISH):
        rows.append(
            ("publish build, cold: feeds, absolute URLs (+ .gz and .br copies)", PUBLISH, "s")
        )
    for label, step, _ in rows:
        a, b = med("plain", step), med("site", step)
        lines.append(f"| {label} | {a:.2f} s | {b:.2f} s | {ratio(b, a)} |")
    mem_a, mem_b = results.peak_memory("plain"), results.peak_memory("site")
    memory = f"{mem_a:.0f} MiB | {mem_b:.0f} MiB | {ratio(mem_b, mem_a)}"
    lines.append(f"| peak memory (max RSS), development builds | {memory} |")
    if results.has(PUBLISH):
        pub_a, pub_b = (results.peak_memory(key, (PUBLISH,)) for key in ("plain", "site"))
        memory = f"{pub_a:.0f} MiB | {pub_b:.0f} MiB | {ratio(pub_b, pub_a)}"
        lines.append(f"| peak memory (max RSS), publish build | {memory} |")
    if audit.seconds is None:
        lines.append("| audit alone, pages per second | — | n/a | n/a |")
    else:
        share = audit.seconds / med("site", "cold")
        process = f"; {audit.process_seconds:.2f} s with start-up" if audit.process_seconds else ""
        lines.append(
            f"| audit alone, pages per second | — | {audit.pages_per_second:,.0f} pages/s "
            f"({audit.seconds:.2f} s{process}) | {share:.1%} of the cold build |"
        )

    cold_ratio = med("site", "cold") / med("plain", "cold")
    edited_share = med("site", "edited") / med("site", "cold")
    memory_ratio = mem_b / mem_a
    targets = [
        (
            "full site cold build ≤ 1.05x plain Pelican",
            f"{cold_ratio:.2f}x",
            cold_ratio <= TARGET_COLD,
        ),
        (
            "rebuild after one edit ≤ 0.4x the cold build",
            f"{edited_share:.2f}x",
            edited_share <= TARGET_EDITED,
        ),
        ("peak memory ≤ 1.2x plain Pelican", f"{memory_ratio:.2f}x", memory_ratio <= TARGET_MEMORY),
    ]
    if audit.seconds is None:
        targets.append(("audit ≤ 3% of the build", f"n/a ({audit.missing})", None))
    else:
        share = audit.seconds / med("site", "cold")
        targets.append(("audit ≤ 3% of the build", f"{share:.1%}", share <= TARGET_AUDIT))
    lines += ["", "| target | measured | holds |", "| --- | ---: | :---: |"]
    for label, value, holds in targets:
        mark = "n/a" if holds is None else ("yes" if holds else "**no**")
        lines.append(f"| {label} | {value} | {mark} |")

    steps = [step for _, step, _ in rows]
    cpu = ", ".join(
        f"{step} {ratio(med('site', step, 'cpu_seconds'), med('plain', step, 'cpu_seconds'))}"
        for step in steps
    )
    cold_pairs = zip(results.samples["plain", "cold"], results.samples["site", "cold"], strict=True)
    per_round = ", ".join(ratio(b.seconds, a.seconds) for a, b in cold_pairs)
    publish_note = (
        " The publish build's compression worker runs beside it as a process of its own, whose"
        " memory the peak (the largest process's) does not add."
        if results.has(PUBLISH)
        else ""
    )
    lines += [
        "",
        f"{context.articles:,} synthetic articles ({context.pages:,} HTML pages in the full site), "
        f"medians of {context.rounds} alternating rounds. CPU-time ratios (user + system, less "
        f"sensitive to other load): {cpu}. Cold build, round by round: {per_round}."
        f"{publish_note}",
        "",
        context.weight,
        "",
        f"Machine: {context.machine}; load average {context.load_before} before, "
        f"{context.load_after} after.",
    ]
    return "\n".join(lines) + "\n"
