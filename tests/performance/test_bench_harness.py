"""The benchmark's own parts: a deterministic corpus, the audit's code path, the report."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from sitebuild import EXAMPLE_SITE, copy_content

from bench import audit
from bench.audit import Audit, time_audit
from bench.corpus import CATEGORIES, generate
from bench.report import Context, render
from bench.runs import BuildError, Sample, measure
from bench.sites import full_site, plain_site, publish_shape
from bench.suite import PUBLISH, STEPS, Results


def test_corpus_is_deterministic_and_spread_out() -> None:
    first, again, other = generate(300), generate(300), generate(300, seed=1)
    assert first == again and first != other
    years = {a.relative_path.split("/")[1] for a in first}
    assert len(years) == 15
    texts = "\n".join(a.text for a in first)
    for category in CATEGORIES:
        assert f"Category: {category}\n" in texts
    for marker in (
        "\n## ",
        "\n- ",
        "\n1. ",
        "```",
        "({filename}/articles/",
        "https://example.org/",
    ):
        assert marker in texts


def fake_guard(folder: Path, exit_code: int) -> Path:
    script = folder / "privacy-guard"
    report = '{"summary": {"seconds": 0.25}}'
    script.write_text(f"#!/bin/sh\necho '{report}'\nexit {exit_code}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


@pytest.mark.parametrize("exit_code", [0, 1])
def test_audit_runs_the_guard_command_line_on_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exit_code: int
) -> None:
    output = tmp_path / "output"
    (output / "a").mkdir(parents=True)
    (output / "index.html").write_text("<p>x</p>", encoding="utf-8")
    (output / "a" / "index.html").write_text("<p>y</p>", encoding="utf-8")
    script = fake_guard(tmp_path, exit_code)
    monkeypatch.setattr(audit, "guard_command", lambda: str(script))
    # the example shop's declaration: tests never read the repository's content/
    result = time_audit(output, rounds=2, declaration=EXAMPLE_SITE / "privacy.yml")
    assert result.pages == 2 and result.seconds == 0.25
    assert result.pages_per_second == 8 and result.process_seconds
    assert result.process_seconds > 0


def test_audit_is_not_available_without_the_guard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit, "guard_command", lambda: None)
    result = time_audit(tmp_path, rounds=1)
    assert result.seconds is None and "not installed" in result.missing


def test_report_table_ratios_and_targets() -> None:
    results = Results()
    for step, (a, b) in zip(STEPS, [(10, 10.4), (5, 6), (5, 3), (5, 3)], strict=True):
        results.samples["plain", step].append(Sample(a, a, 100))
        results.samples["site", step].append(Sample(b, b, 110))
    context = Context(2000, 1, 3600, "test machine", "0.1", "0.2", "Page weight: fine.")
    table = render(results, Audit(None, 3600, "privacy-guard is not installed yet"), context)
    assert "| 1st build: cold (no cache, no output) | 10.00 s | 10.40 s | 1.04x |" in table
    assert "| full site cold build ≤ 1.05x plain Pelican | 1.04x | yes |" in table
    assert "| rebuild after one edit ≤ 0.4x the cold build | 0.29x | yes |" in table
    assert "audit ≤ 3% of the build | n/a (privacy-guard is not installed yet) | n/a |" in table
    with_audit = render(results, Audit(0.2, 3600), context)
    assert (
        "18,000 pages/s" in with_audit and "| audit ≤ 3% of the build | 1.9% | yes |" in with_audit
    )


def test_report_has_the_publish_build_and_each_round_of_the_cold_build() -> None:
    results = Results()
    for step in STEPS:
        for a, b in ((10, 9), (10, 11)):
            results.samples["plain", step].append(Sample(a, a, 70))
            results.samples["site", step].append(Sample(b, b, 90))
    results.samples["plain", PUBLISH] += [Sample(11, 11, 72), Sample(11, 11, 72)]
    results.samples["site", PUBLISH] += [Sample(13, 14, 99), Sample(13, 15, 99)]
    context = Context(2000, 2, 3600, "test machine", "0.1", "0.2", "Page weight: fine.")
    table = render(results, Audit(0.2, 3600), context)
    assert "| publish build, cold: feeds, absolute URLs (+ .gz and .br copies) | 11.00 s |" in table
    assert "| peak memory (max RSS), publish build | 72 MiB | 99 MiB | 1.38x |" in table
    assert "Cold build, round by round: 0.90x, 1.10x." in table


def test_plain_pelicans_publish_build_gets_the_sites_url_and_feeds(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    shape = publish_shape(content / "privacy.yml")
    assert shape["SITEURL"] == "https://example-shop.test" and shape["FEED_ALL_ATOM"]
    plain = plain_site(tmp_path / "plain-publish", content, publish=True)
    assert any(part.startswith("FEED_ALL_ATOM=") for part in plain.command())
    site = full_site(tmp_path / "site-publish", content, publish=True)
    assert str(site.command()[4]).endswith("publishconf.py")


def test_a_builds_peak_memory_is_its_own_not_the_benchmarks(tmp_path: Path) -> None:
    """Linux starts a child's ru_maxrss from its parent's size: the launcher keeps that small."""
    ballast = bytearray(120 * 2**20)
    ballast[::4096] = b"\1" * len(ballast[::4096])  # resident, not just reserved
    sample = measure([sys.executable, "-c", "x = bytearray(30 * 2**20)"], cwd=tmp_path)
    assert 30 < sample.max_rss_mib < 100
    del ballast
    with pytest.raises(BuildError, match="exited 3"):
        measure([sys.executable, "-c", "raise SystemExit(3)"], cwd=tmp_path)
