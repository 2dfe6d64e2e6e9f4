"""The redirects plugin's Pelican-free parts: the table's checks and the server rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from redirects.rules import htaccess_block, merge_htaccess, netlify, nginx
from redirects.table import RedirectsError, load_redirects


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "redirects.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_entries_keep_their_lines(tmp_path: Path) -> None:
    table = load_redirects(write(tmp_path, "# c\n/a/: /b/\n\n'/?p=1': '{index}'\n"))
    assert [(r.source, r.target, r.line, r.is_query) for r in table] == [
        ("/a/", "/b/", 2, False),
        ("/?p=1", "{index}", 4, True),
    ]


def test_no_file_means_no_redirects(tmp_path: Path) -> None:
    assert load_redirects(tmp_path / "missing.yml") == []


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("/a/: /b/\n/a/: /c/\n", 2, "listed twice (first on line 1)"),
        ("/a/: /b/\n/a: /c/\n", 2, "/a is listed twice (first on line 1, as /a/)"),
        ("/café/: /b/\n/caf%C3%A9/: /c/\n", 2, "listed twice (first on line 1, as /café/)"),
        ("/a/: /b/\nold/: /c/\n", 2, "starting with /"),
        ("/a/: /b/\n/../etc/: /c/\n", 2, "may not contain .."),
        ("/a/: /b/\n/%2e%2E/etc/: /c/\n", 2, "may not contain .."),
        ("'/?p=1': '/?p=2'\n", 1, "a static site answers no ?query"),
        ("/a/: /%2e%2e/elsewhere/\n", 1, "may not contain .."),
        # /../content/privacy.yml "existed" (content/ is beside output/): a dead redirect
        ("/a/: /../content/privacy.yml\n", 1, "may not contain .."),
        # /?p=1 -> /?p=2 -> /?p=1 passed (the home page exists) and looped in the server rules
        ("'/?p=1': '/?p=2'\n'/?p=2': '/?p=1'\n", 1, "a static site answers no ?query"),
        ("/a/: '{category}'\n/b/: /c/\n", 1, "{category} names nothing; write {category}Name"),
        ("/a/: '{tag}  '\n", 1, "{tag} names nothing"),
        ("/a/: '{filename}'\n", 1, "{filename} names nothing"),
        ("/a/: /about/#team\n", 1, "write /about/"),
        ('"/x\\n/* https://elsewhere.example/ 301!": /b/\n', 1, "a line break, a tab"),
        ('/a/: "/b\\tc/"\n', 1, "a line break, a tab"),
        ("/a%0A/: /b/\n", 1, "a line break, a tab"),
        ("/a/: /b/\n/x/" + "é" * 128 + "/: /c/\n", 2, "longer than the 255 bytes"),
        ("/a/: https://elsewhere.example/\n", 1, "expected a path starting with /"),
        ("/a/: [1, 2]\n", 1, "single non-empty text"),
        ("/a/: /b/\n  bad: : indent\n", 2, "not valid YAML"),
        ("- /a/\n", 1, "expected a mapping"),
    ],
)
def test_mistakes_name_the_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    with pytest.raises(RedirectsError) as caught:
        load_redirects(write(tmp_path, text))
    assert str(caught.value).startswith(f"{tmp_path / 'redirects.yml'}:{line}: ")
    assert words in str(caught.value)


PAIRS = [
    ("/2012/06/28/hello/", "/2012/06/hello/"),
    ("/tag/café/", "/tag/cafe/"),
    ("/?p=12", "/2012/06/hello/"),
]


def test_netlify_rules_encode_paths_use_query_syntax_and_are_forced() -> None:
    """Forced (`!`): Netlify would serve the redirect page, or the home page for ?p=12."""
    lines = netlify(PAIRS, "content/redirects.yml").splitlines()
    assert lines[1:] == [
        "/2012/06/28/hello/  /2012/06/hello/  301!",
        "/tag/caf%C3%A9/  /tag/cafe/  301!",
        "/ p=12  /2012/06/hello/  301!",
    ]


def test_nginx_rules_match_paths_exactly_and_queries_whole() -> None:
    text = nginx(PAIRS, "content/redirects.yml")
    assert 'location = "/tag/café/" { return 301 "/tag/cafe/"; }' in text
    assert 'set $discreet_old_query "$uri?$args";' in text
    assert 'if ($discreet_old_query = "/?p=12") { return 301 "/2012/06/hello/"; }' in text


def test_htaccess_block_rules() -> None:
    block = htaccess_block(PAIRS, "content/redirects.yml")
    assert "RewriteRule ^2012/06/28/hello/?$ /2012/06/hello/ [R=301,L,NE]" in block
    assert (
        "RewriteCond %{QUERY_STRING} ^p=12$\nRewriteRule ^$ /2012/06/hello/? [R=301,L,NE]" in block
    )


def test_htaccess_merge_keeps_other_lines_and_replaces_only_our_block() -> None:
    headers = "Header set Content-Security-Policy \"default-src 'self'\"\n"
    first = merge_htaccess(headers, htaccess_block(PAIRS[:1], "x"))
    assert first.startswith(headers)
    second = merge_htaccess(first + "ErrorDocument 404 /404.html\n", htaccess_block(PAIRS[1:], "x"))
    assert second.count("# BEGIN Discreet redirects") == 1
    assert "28/hello" not in second and "tag/caf" in second
    assert second.startswith(headers) and second.endswith("ErrorDocument 404 /404.html\n")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"/a/: /b/\n/caf\xe9/: /c/\n", "2: byte 0xe9 is not UTF-8 text; save the file as UTF-8"),
        (b"/a/: /b/\n\x00\n", "2: the character U+0000 may not be in YAML text; remove it"),
    ],
    ids=["latin-1", "control-character"],
)
def test_bytes_that_are_not_text_name_their_line(tmp_path: Path, data: bytes, expected: str):
    path = tmp_path / "redirects.yml"
    path.write_bytes(data)
    with pytest.raises(RedirectsError) as caught:
        load_redirects(path)
    assert str(caught.value) == f"{path}:{expected}"
