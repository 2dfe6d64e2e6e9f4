"""The scan cache and the parallel scan give the same findings as a plain scan."""

from __future__ import annotations

from guardkit import SITE, page, write_files
from privacy_guard import audit as audit_module
from privacy_guard.audit import audit
from privacy_guard.cache import ScanCache
from privacy_guard.policy import AuditPolicy, Recipient

TRACKED = page(head='<script src="https://www.googletagmanager.com/gtag/js"></script>')


def test_unchanged_files_are_not_scanned_again(tmp_path):
    output = write_files(tmp_path / "out", {"a.html": TRACKED, "b.html": page()})
    cache_file = tmp_path / "cache" / "privacy_guard.json"
    policy = AuditPolicy.build(site_urls=[SITE])

    first = ScanCache(cache_file, "v")
    cold = audit(output, policy, first)
    first.save()
    warm_cache = ScanCache(cache_file, "v")
    warm = audit(output, policy, warm_cache)
    assert (cold.cached_files, warm.cached_files) == (0, 2)
    assert warm.findings == cold.findings

    (output / "b.html").write_text(TRACKED)  # changed: scanned again
    changed = audit(output, policy, ScanCache(cache_file, "v"))
    assert changed.cached_files == 1
    assert [f.file for f in changed.findings] == ["a.html", "b.html"]


def test_cached_scans_are_judged_again_under_a_new_policy(tmp_path):
    output = write_files(tmp_path / "out", {"a.html": TRACKED})
    cache_file = tmp_path / "privacy_guard.json"
    cache = ScanCache(cache_file, "v")
    audit(output, AuditPolicy.build(site_urls=[SITE]), cache)
    cache.save()
    declared = AuditPolicy.build(
        site_urls=[SITE],
        declared_hosts={"www.googletagmanager.com": Recipient("gtm", "Google", "Statistics")},
    )
    result = audit(output, declared, ScanCache(cache_file, "v"))
    assert result.cached_files == 1 and result.errors == 0


def test_a_cache_from_another_engine_or_dataset_is_ignored(tmp_path):
    output = write_files(tmp_path / "out", {"a.html": TRACKED})
    cache_file = tmp_path / "privacy_guard.json"
    cache = ScanCache(cache_file, "dataset-1")
    audit(output, AuditPolicy(), cache)
    cache.save()
    assert audit(output, AuditPolicy(), ScanCache(cache_file, "dataset-2")).cached_files == 0
    cache_file.write_text("{not json")
    assert audit(output, AuditPolicy(), ScanCache(cache_file, "dataset-1")).cached_files == 0


def test_parallel_scan_matches_the_sequential_one(tmp_path, monkeypatch):
    files = {f"p{i:03}/index.html": (TRACKED if i % 7 == 0 else page()) for i in range(40)}
    output = write_files(tmp_path / "out", files)
    monkeypatch.setattr(audit_module, "PARALLEL_MIN_FILES", 10)
    policy = AuditPolicy.build(site_urls=[SITE])
    parallel = audit(output, policy, workers=2)
    sequential = audit(output, policy, workers=1)
    assert parallel.findings == sequential.findings
    assert len(parallel.findings) == 6
