"""The blog archive: monthly and yearly pages, the archives index, lists, pagination, neighbours."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sitebuild import Build, copy_content, run_build, write_article

ARTICLE_URL = "/2012/06/what-your-customers-keep-telling-facebook-google-and-amazon/"


def listed_urls(build: Build, url_path: str) -> list[str]:
    return [a["href"] for a in build.page(url_path).select("main a")]


def test_month_archive_is_titled_archive_for_june_2012_and_lists_the_article(site: Build) -> None:
    page = site.page("/2012/06/")
    assert page.find("h1").get_text() == "Archive for June 2012"
    assert page.title.get_text().startswith("Archive for June 2012")
    assert ARTICLE_URL in listed_urls(site, "/2012/06/")


def test_year_archive_lists_the_article(site: Build) -> None:
    page = site.page("/2012/")
    assert page.find("h1").get_text() == "Archive for 2012"
    assert ARTICLE_URL in listed_urls(site, "/2012/")


def test_archives_index_lists_every_article_by_year_and_month_with_counts(site: Build) -> None:
    page = site.page("/archives/")
    year = page.select_one("section.archive-year")
    assert year.h2.a["href"] == "/2012/"
    assert year.h2.select_one(".count").get_text() == "(1)"
    month = year.find("h3")
    assert month.a.get_text() == "June 2012" and month.a["href"] == "/2012/06/"
    assert month.select_one(".count").get_text() == "(1)"
    assert ARTICLE_URL in [a["href"] for a in year.select(".archive-list a")]


@pytest.mark.parametrize(
    "url_path", ["/category/privacy/", "/tag/privacy/", "/author/example-shop/"]
)
def test_category_tag_and_author_pages_list_the_article(site: Build, url_path: str) -> None:
    assert len(site.page(url_path).find_all("h1")) == 1
    assert ARTICLE_URL in listed_urls(site, url_path)


@pytest.mark.parametrize(
    ("index_path", "term_path"),
    [
        ("/categories/", "/category/privacy/"),
        ("/tags/", "/tag/small-business/"),
        ("/authors/", "/author/example-shop/"),
    ],
)
def test_term_indexes_link_every_term(site: Build, index_path: str, term_path: str) -> None:
    assert term_path in listed_urls(site, index_path)


def german_locale() -> str | None:
    names = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    return next((n for n in names if n.lower().replace("-", "") in {"de_de.utf8"}), None)


def test_month_names_stay_english_whatever_the_system_locale(tmp_path: Path) -> None:
    locale_name = german_locale()
    if locale_name is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide the de_DE.UTF-8 locale (see .ci/run)")
        pytest.skip("no German locale installed here; CI installs one")
    build = run_build(tmp_path, env={"LC_ALL": locale_name, "LANG": locale_name})
    assert build.returncode == 0, build.log
    assert build.page("/2012/06/").find("h1").get_text() == "Archive for June 2012"
    assert "15 June 2012" in build.page(ARTICLE_URL).select_one(".post time").get_text()


def many_articles(content: Path, count: int) -> None:
    for n in range(1, count + 1):
        write_article(
            content,
            f"bulk/post-{n:02d}.md",
            f"Title: Bulk post {n}\nDate: 2013-03-{n:02d} 10:00\nCategory: Notes\n"
            f"Tags: bulk\nAuthor: Erika Example\n\nBody of bulk post {n}.\n",
        )


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """25 articles in March 2013: enough to paginate every list at ten per page."""
    workdir = tmp_path_factory.mktemp("big")
    content = copy_content(workdir / "content")
    many_articles(content, 25)
    build = run_build(workdir, content=content)
    assert build.returncode == 0, build.log
    return build


@pytest.mark.parametrize(
    "first_page",
    ["/", "/category/notes/", "/tag/bulk/", "/author/erika-example/", "/2013/03/", "/2013/"],
)
def test_every_list_paginates(big_site: Build, first_page: str) -> None:
    seen: list[str] = []
    url = first_page
    for number in (1, 2, 3):
        page = big_site.page(url)
        assert f"Page {number} of 3" in page.select_one("nav.pagination").get_text()
        seen += [a["href"] for a in page.select(".post-list h2 a")]
        next_link = page.select_one('nav.pagination a[rel="next"]')
        if number < 3:
            url = next_link["href"]
            assert url == f"{first_page}page/{number + 1}/"
        else:
            assert next_link is None
    bulk = [href for href in seen if "/bulk-post-" in href]
    assert len(set(bulk)) == 25


def test_articles_link_to_their_neighbours(big_site: Build) -> None:
    middle = big_site.page("/2013/03/bulk-post-10/")
    assert middle.select_one('.post-nav a[rel="prev"]')["href"] == "/2013/03/bulk-post-9/"
    assert middle.select_one('.post-nav a[rel="next"]')["href"] == "/2013/03/bulk-post-11/"
    newest = big_site.page("/2013/03/bulk-post-25/")
    assert newest.select_one('.post-nav a[rel="next"]') is None
