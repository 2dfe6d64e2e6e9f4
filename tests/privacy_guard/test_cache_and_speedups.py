"""The scan cache and the parallel scan give the same findings as a plain scan."""

from __future__ import annotations

from guard_vectors import CAUGHT, CLEAN, HARD_CAUGHT, NORMALISED, QUIET, SIGNATURES
from guardkit import SITE, page, write_files
from privacy_guard import audit as audit_module
from privacy_guard.audit import audit, judge, scan_folder
from privacy_guard.cache import ScanCache
from privacy_guard.policy import AuditPolicy, Recipient
from privacy_guard.quick import provably_clean

TRACKED = page(head='<script src="https://www.googletagmanager.com/gtag/js"></script>')


SCRIPTED = page(head='<script src="/js/app.js"></script>')  # first party, but needs the parser


def test_unchanged_files_are_not_scanned_again(tmp_path):
    output = write_files(tmp_path / "out", {"a.html": TRACKED, "b.html": SCRIPTED})
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
    files = {f"p{i:03}/index.html": (TRACKED if i % 7 == 0 else SCRIPTED) for i in range(40)}
    output = write_files(tmp_path / "out", files)
    monkeypatch.setattr(audit_module, "PARALLEL_MIN_FILES", 10)
    policy = AuditPolicy.build(site_urls=[SITE])
    parallel = audit(output, policy, workers=2)
    sequential = audit(output, policy, workers=1)
    assert parallel.findings == sequential.findings
    assert len(parallel.findings) == 6


def quick_and_full(tmp_path, files):
    output = write_files(tmp_path / "out", files)
    policy = AuditPolicy.build(site_urls=[SITE])
    quick = judge(scan_folder(output, trusted=policy.first_party_hosts), policy)
    full = judge(scan_folder(output), policy)
    return quick, full


def test_parser_skip_changes_no_finding(tmp_path):
    """Every vector, disguise, signature and look-alike page: same findings with the shortcut."""
    snippets = [case[2] for case in CAUGHT + HARD_CAUGHT] + [c[1] for c in NORMALISED + CLEAN]
    snippets += [case[1] for case in QUIET]
    snippets += [f"<script>{case[1]}</script>" for case in SIGNATURES]
    snippets += [
        '<meta property="og:image" content="https://cdn.example-cdn.test/card.png">',
        "<!-- gtag('config', 'G-1') -->",
        '<a href="/x" ping="https://track.example-ads.test/p">x</a>',
        '<img src="https:cdn.example-cdn.test/a.png" alt="">',
        '<img src="HTTPS://CDN.Example-CDN.test/a.png" alt="">',
        '<img src="https://example-shop.test@cdn.example-cdn.test/a.png" alt="">',
        '<a href="https://example.org/" style="background:url(//cdn.example-cdn.test/b.png)">x</a>',
        '<a title="x > y" href="https://example.org/"><img src="//cdn.example-cdn.test/c.png"></a>',
        '<img src="https://cdn.example-cdn.test&period;/a.png" alt="">',
        "<link title=<a href=https://cdn.example-cdn.test/x.css rel=stylesheet>",
        "<link title= <a href=https://cdn.example-cdn.test/y.css rel=stylesheet>",
        '<link title="<a " href="https://cdn.example-cdn.test/z.css" rel=stylesheet>',
        '<a href="https://example.org/">fine</a><a rel="me" href="https://example.net/">too</a>',
        # What a parser finds without a "//" in the page: decoded contents and data: URLs.
        "<template>PGlmcmFtZSBzcmM9Imh0dHBzOi8vY2RuLmV4YW1wbGUtY2RuLnRlc3QvZiI+PC9pZnJhbWU+</template>",
        '<iframe src="data:text/html,%3Cimg%20src%3D%22https%3A%2F%2Fcdn.example-cdn.test%2Fa%22%3E">',  # noqa: E501
        '<object data="data:image/svg+xml;base64,PHN2Zz48aW1hZ2UgaHJlZj0iaHR0cHM6Ly9jZG4uZXhhbXBsZS1jZG4udGVzdC9pLnBuZyIvPjwvc3ZnPg=="></object>',  # noqa: E501
        '<div data-embed="PGlmcmFtZSBzcmM9Imh0dHBzOi8vY2RuLmV4YW1wbGUtY2RuLnRlc3QvZiI+PC9pZnJhbWU+">x</div>',  # noqa: E501
        '<iframe data-src-cmplz="https://cdn.example-cdn.test/e" src="about:blank"></iframe>',
    ]
    files = {f"p{n:03}/index.html": page(body=snippet) for n, snippet in enumerate(snippets)}
    quick, full = quick_and_full(tmp_path, files)
    trusted = frozenset({"example-shop.test"})
    skipped = [t for t in files.values() if provably_clean(t.encode(), trusted) is not None]
    assert len(skipped) >= 4  # the shortcut was really taken
    assert quick.findings == full.findings
    assert quick.errors >= len(CAUGHT + HARD_CAUGHT) - 1  # html-manifest has no snippet
    assert quick.uses_javascript == full.uses_javascript
    assert [s.head_meta for s in quick.scans] == [s.head_meta for s in full.scans]


def test_ordinary_pages_skip_the_parser():
    ordinary = page(
        head='<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
        '<meta name="referrer" content="no-referrer">'
        '<link rel="stylesheet" href="https://example-shop.test/theme/css/site.css">',
        body='<p>Read <a href="https://example.org/a?b=1&amp;c=2">this</a> &mdash; '
        '<a href="//example.net/" class="x">that</a>.</p><img src="/a.png" alt="">',
    ).encode()
    trusted = frozenset({"example-shop.test"})
    assert provably_clean(ordinary, trusted) == frozenset({"csp", "referrer"})
    assert provably_clean(ordinary, frozenset()) is None  # the stylesheet host is not trusted


def test_cache_is_dropped_when_the_first_party_hosts_change(tmp_path):
    """A page skipped the parser because its hosts were first party: not under a new policy."""
    text = page(head='<link rel="stylesheet" href="https://static.example-shop.test/a.css">')
    output = write_files(tmp_path / "out", {"a.html": text})
    cache_file = tmp_path / "privacy_guard.json"
    owned = AuditPolicy.build(site_urls=[SITE], first_party_hosts=["static.example-shop.test"])
    cache = ScanCache(cache_file, "v")
    assert audit(output, owned, cache).errors == 0
    cache.save()
    again = ScanCache(cache_file, "v")
    assert audit(output, owned, again).cached_files == 1
    again.save()
    narrower = audit(output, AuditPolicy.build(site_urls=[SITE]), ScanCache(cache_file, "v"))
    assert (narrower.cached_files, narrower.errors) == (0, 1)


HEAD_CSP = (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  '
    '<meta http-equiv="Content-Security-Policy" content="default-src \'self\' '
    "https://example-shop.test; img-src 'self' data: https://cdn.example-cdn.test\">"
    '<meta name="referrer" content="no-referrer">\n<title>T</title>\n</head>\n<body>\n'
)


def test_the_policy_meta_at_the_start_of_head_skips_the_parser():
    """The hosts a CSP <meta> names load nothing: where the theme writes it, no parse needed."""
    themed = (HEAD_CSP + '<p><a href="https://example.org/">x</a></p>\n</body></html>').encode()
    trusted = frozenset({"example-shop.test"})
    assert provably_clean(themed, trusted) == frozenset({"csp", "referrer"})
    loading = HEAD_CSP + '<img src="https://cdn.example-cdn.test/a.png" alt="">\n</body></html>'
    assert provably_clean(loading.encode(), trusted) is None


def test_a_policy_meta_anywhere_else_still_needs_the_parser(tmp_path):
    """Inside another tag's attribute value its "content" may be that tag's loading URL."""
    csp = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\''
    disguised = [
        page(body=f"<img alt='{csp} ' src='https://cdn.example-cdn.test/a.png'\">"),
        page(head=csp + ' https://cdn.example-cdn.test">'),  # after <title>: not the start
        HEAD_CSP.replace("<head>", "<head><img alt='")
        + "<img src='https://cdn.example-cdn.test/b.png'>\n</body></html>",
    ]
    trusted = frozenset({"example-shop.test"})
    assert all(provably_clean(text.encode(), trusted) is None for text in disguised)
    files = {f"p{n}/index.html": text for n, text in enumerate(disguised)}
    quick, full = quick_and_full(tmp_path, files)
    assert quick.findings == full.findings
    assert quick.errors >= 2


def test_parser_skip_changes_no_finding_on_the_built_sites(tmp_path, site):
    """Every page our own build writes: the shortcut's verdict and the parser's agree, under
    the site's own hosts and under none (where every absolute URL names another host)."""
    pages = {str(path.relative_to(site.output)): path.read_bytes() for path in site.html_files()}
    output = write_files(tmp_path / "out", pages)
    for policy in (AuditPolicy.build(site_urls=[SITE]), AuditPolicy()):
        quick = judge(scan_folder(output, trusted=policy.first_party_hosts), policy)
        full = judge(scan_folder(output), policy)
        assert quick.findings == full.findings
        assert [s.head_meta for s in quick.scans] == [s.head_meta for s in full.scans]
    skipped = [p for p in pages.values() if provably_clean(p, frozenset({"example-shop.test"}))]
    assert skipped  # ordinary pages do take the shortcut
