"""The furniture readers expect (plugins/furniture): a sidebar on every page with recent posts,
categories with counts and the monthly archive list, reading time, related posts by shared tags,
older/newer links, "you are here" in the navigation, and wide tables on a phone; each can be
switched off."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from florist import COVER_POST, FIRST_ARTICLE, TABLE_POST, build_florist
from furniture.engine import Post, reading_minutes, related, sidebar, words
from furniture.tables import wrap_tables
from sitebuild import Build


def post(key: str, day: datetime, *tags: str, category: str = "News") -> Post:
    return Post(key, key.title(), f"{key}/", day, tags, (category, f"category/{category}/"))


def test_related_posts_share_the_most_tags_then_the_nearest_in_time() -> None:
    posts = [
        post("a", datetime(2020, 1, 1), "x", "y"),
        post("b", datetime(2020, 6, 1), "x"),
        post("c", datetime(2021, 1, 1), "x", "y"),
        post("d", datetime(2020, 1, 2), "z"),
        post("e", datetime(2020, 1, 3), "x"),
    ]
    found = related(posts, 2)
    assert [p.key for p in found["a"]] == ["c", "e"]  # c shares two tags; e is nearer than b
    assert "d" not in found  # no tag in common with anyone: no related posts


def test_the_sidebar_lists_recent_months_then_whole_years() -> None:
    posts = [post(f"p{i}", datetime(2010 + i // 12, 1 + i % 12, 5)) for i in range(30)]
    data = sidebar(posts, recent=3, categories=True, months=4,
                   month_url="{date:%Y}/{date:%m}/", year_url="{date:%Y}/")  # fmt: skip
    assert [link.url for link in data.recent] == ["p29/", "p28/", "p27/"]
    assert data.categories[0].count == 30
    # Four months asked for: all six months of 2012 (the last year begun), then whole years.
    assert [(m.period, m.count) for m in data.months][:2] == [((2012, 6), 1), ((2012, 5), 1)]
    assert len(data.months) == 6 and data.months[-1].url == "2012/01/"
    assert [(y.period, y.count, y.url) for y in data.years] == [
        ((2011,), 12, "2011/"),
        ((2010,), 12, "2010/"),
    ]


def test_reading_time_counts_the_words_read_not_the_code() -> None:
    prose = "<p>" + "word " * 400 + "</p>"
    assert words(prose + "<pre><code>" + "x = 1\n" * 500 + "</code></pre>") == 400
    assert reading_minutes(prose, 200) == 2 and reading_minutes("<p>hi</p>", 200) == 1


def test_a_wide_table_scrolls_in_a_box_the_keyboard_reaches() -> None:
    html = wrap_tables("<table><thead><tr><th>Plan</th><th>Price</th></tr></thead></table>")
    assert html.startswith('<div class="table-scroll" tabindex="0" role="region" '
                           'aria-label="Plan, Price"><table>')  # fmt: skip
    captioned = wrap_tables("<table><caption>Prices &amp; plans</caption></table>")
    assert 'aria-label="Prices &amp; plans"' in captioned


def test_every_page_has_the_sidebar_with_the_archive_list(florist_site: Build) -> None:
    pages = florist_site.html_files()
    with_sidebar = [page for page in pages if 'class="furniture"' in page.read_text()]
    # Every page a visitor browses; the thanks and error pages of the form have it too.
    assert len(with_sidebar) == len(pages) > 20
    aside = florist_site.page("/privacy/").select_one("aside.furniture")
    archive = [
        " ".join(li.get_text().split()) for li in aside.select("#furniture-archives ~ ul li")
    ]
    assert archive == ["March 2026 (1)", "February 2026 (2)", "January 2026 (1)", "June 2012 (1)"]
    categories = [
        " ".join(li.get_text().split()) for li in aside.select("#furniture-categories ~ ul li")
    ]
    assert categories == ["Guides (1)", "Prices (1)", "Privacy (1)", "Seasons (2)"]
    recent = [a["href"] for a in aside.select("#furniture-recent ~ ul a")]
    assert recent[0] == COVER_POST and len(recent) == 5


def test_a_post_has_reading_time_related_posts_and_neighbours(florist_site: Build) -> None:
    page = florist_site.page(COVER_POST)
    assert page.select_one(".reading-time").get_text() == "1 min read"
    related_links = [a["href"] for a in page.select("nav.related a")]
    # Tagged tulips, spring, bouquets: the two other bouquet posts, the nearer first.
    assert related_links == [
        "/2026/02/how-to-keep-a-bouquet-fresh-for-a-week/",
        "/2026/01/autumn-bouquets-and-what-they-cost/",
    ]
    assert page.select_one(".post-nav a[rel=prev]")["href"] == "/2026/02/the-lavender-harvest/"


def test_the_navigation_says_where_the_reader_is(florist_site: Build) -> None:
    def current(path: str) -> dict[str, str]:
        nav = florist_site.page(path).select_one(".site-nav")
        return {a.get_text(): a["aria-current"] for a in nav.select("a[aria-current]")}

    assert current("/") == {"Blog": "page"}
    assert current(COVER_POST) == {"Blog": "true"}
    assert current("/archives/") == {"Archives": "page"}
    assert current("/2026/02/") == {"Archives": "true"}
    assert current("/about/") == {"About": "page"}


def test_a_posts_table_and_the_policys_tables_fit_a_phone(florist_site: Build) -> None:
    box = florist_site.page(TABLE_POST).select_one(".post-body .table-scroll")
    assert box["tabindex"] == "0" and box["role"] == "region"
    assert box["aria-label"].startswith("Bouquet, Flowers, Greens")
    tables = florist_site.page("/privacy/").select("table")
    assert tables and all("stacked" in table["class"] for table in tables)
    for table in tables:
        heads = [th.get_text(strip=True) for th in table.select("thead th")]
        for row in table.select("tbody tr"):
            assert [td["data-label"] for td in row.select("td")] == heads[1:]


def test_each_piece_can_be_switched_off(bare_site: Build) -> None:
    page = bare_site.page(COVER_POST)
    assert not page.select("aside.furniture, .reading-time, nav.related, .post-nav")
    assert not page.select(".site-nav [aria-current=true]")
    assert not bare_site.page("/").select(".post-list picture.cover-thumb")
    assert not bare_site.page(TABLE_POST).select(".table-scroll")
    # Static hosting: no server answers /search, so the form is a link to the archives.
    assert not page.select("form[role=search]")
    assert page.select_one("p.site-search a")["href"] == "/archives/"
    assert not (bare_site.output / ".contact-inbox" / "search").exists()


def test_a_mistyped_setting_is_named_with_the_right_one(tmp_path: Path) -> None:
    build = build_florist(tmp_path, {"FURNITURE_RECENTS": 3, "FURNITURE_RELATED": -1},
                          must_pass=False)  # fmt: skip
    assert build.returncode != 0
    assert "FURNITURE_RECENTS: unknown setting; did you mean FURNITURE_RECENT?" in build.log
    assert "FURNITURE_RELATED: expected a whole number, 0 to turn it off;" in build.log


def test_the_first_article_is_in_the_archive_of_june_2012(florist_site: Build) -> None:
    links = [a["href"] for a in florist_site.page("/2012/06/").select(".post-list h2 a")]
    assert links == [FIRST_ARTICLE]
