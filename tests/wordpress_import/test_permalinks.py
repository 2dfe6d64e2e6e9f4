"""Permalink structures are read back from the posts' links, wherever the blog lived."""

from __future__ import annotations

from pathlib import Path

import pytest
from wordpress_import.plan import plan_import
from wordpress_import.wxr import read_export
from wxrtools import minimal_wxr, post


def plan_for(tmp_path: Path, items: str, *, base: str = "https://blog.example"):
    text = minimal_wxr(items).replace(
        "<wp:base_blog_url>https://blog.example</wp:base_blog_url>",
        f"<wp:base_blog_url>{base}</wp:base_blog_url>",
    )
    export = tmp_path / "export.xml"
    export.write_text(text, encoding="utf-8")
    return plan_import(read_export(export))


def with_link(item: str, link: str) -> str:
    start = item.index("<link>") + len("<link>")
    return item[:start] + link + item[item.index("</link>") :]


@pytest.mark.parametrize(
    ("link", "structure"),
    [
        ("https://blog.example/2012/06/28/hello/", "/%year%/%monthnum%/%day%/%postname%/"),
        ("https://blog.example/2012/06/hello/", "/%year%/%monthnum%/%postname%/"),
        ("https://blog.example/hello/", "/%postname%/"),
        ("https://blog.example/archives/7", "/archives/%post_id%"),
        ("https://blog.example/news/hello/", "/%category%/%postname%/"),
        ("https://blog.example/?p=7", "/?p=%post_id%"),
    ],
)
def test_structure_is_found_and_the_old_link_redirects(
    tmp_path: Path, link: str, structure: str
) -> None:
    plan = plan_for(tmp_path, with_link(post(7, slug="hello"), link))
    assert plan.structure == structure
    old = link.removeprefix("https://blog.example")
    assert plan.redirects.entries[old].target == "{filename}/articles/hello.md"


def test_a_blog_in_a_subfolder_keeps_its_folder_in_old_addresses(tmp_path: Path) -> None:
    item = with_link(post(7, slug="hello"), "https://blog.example/blog/2012/06/hello/")
    plan = plan_for(tmp_path, item, base="https://blog.example/blog")
    assert plan.structure == "/%year%/%monthnum%/%postname%/"
    entries = plan.redirects.entries
    for old in ("/blog/2012/06/hello/", "/blog/?p=7", "/blog/2012/06/28/hello/"):
        assert entries[old].target == "{filename}/articles/hello.md", old
    assert entries["/blog/category/news/"].target == "{category}News"
    assert entries["/blog/feed/"].target == "{feed}rss"
