"""An owner imports the fixture into the real site and builds it: old links land on the right
posts, the text survives, and nothing in the built site loads from another host."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuild import Build, parse_html, run_build
from wxrtools import expected_heading, import_like_an_owner

SITEURL = "https://example-shop.test"  # publishconf.py's
FEEDS = ("{feed}", "{category_feed}", "{tag_feed}")


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    workdir = tmp_path_factory.mktemp("wordpress-site")
    content = import_like_an_owner(workdir)
    dev = run_build(workdir / "dev", content=content, output=workdir / "dev" / "output")
    assert dev.returncode == 0, dev.log
    published = run_build(
        workdir / "pub",
        content=content,
        output=workdir / "pub" / "output",
        settings="publishconf.py",
        # The owner runs `make fetch-media` (the network) for the embed cards' posters before
        # publishing; without them the cards show a neutral poster, which is all these tests need.
        overrides={"EMBEDS_REQUIRE_POSTERS": False},
    )
    assert published.returncode == 0, published.log
    return {"dev": dev, "published": published}


@pytest.fixture(scope="module")
def table(builds: dict[str, Build]) -> dict[str, str]:
    return yaml.safe_load((builds["dev"].content / "redirects.yml").read_text(encoding="utf-8"))


def follow(build: Build, path: str, hops: int = 3) -> tuple[str, BeautifulSoup]:
    """Where a browser ends up from `path`, following meta refreshes like a reader would."""
    soup = build.page(path)
    for _ in range(hops):
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        if refresh is None:
            return path, soup
        url = refresh["content"].split("url=", 1)[1]
        path = unquote(urlsplit(url).path)
        if path.endswith(".xml"):
            return path, BeautifulSoup("", "html.parser")  # a feed: nothing more to follow
        soup = build.page(path)
    raise AssertionError(f"{path}: more than {hops} redirects")


@pytest.mark.parametrize("build_name", ["dev", "published"])
def test_every_old_path_lands_on_the_right_page(
    builds: dict[str, Build], table: dict[str, str], build_name: str
) -> None:
    build = builds[build_name]
    checked = 0
    for old, target in table.items():
        if "?" in old or (target.startswith(FEEDS) and build_name == "dev"):
            continue  # ?query forms: server rules only (below); dev builds have no feeds
        if target.startswith(FEEDS):
            final, _ = follow(build, old)
            assert final.startswith("/feeds/") and build.file_for(final).is_file(), old
            continue
        final, soup = follow(build, old)
        heading = expected_heading(build, target)
        if heading:
            assert soup.h1 and soup.h1.get_text(" ", strip=True).startswith(heading), (old, final)
        else:
            assert final == target, old
        checked += 1
    assert checked >= 25  # the fixture has dozens of old paths: never pass on an empty table


def test_redirect_pages_are_first_party_noindex_with_canonical_and_a_visible_link(
    builds: dict[str, Build],
) -> None:
    soup = builds["published"].page("/2012/07/13/the-week-in-video/")
    new = f"{SITEURL}/2012/07/the-week-in-video/"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.find("link", rel="canonical")["href"] == new
    assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={new}"
    assert soup.main.find("a", href=new).get_text() == "The week in video"


def test_the_new_addresses_follow_the_old_permalinks(builds: dict[str, Build]) -> None:
    build = builds["dev"]
    for path in (
        "/2012/06/why-we-left-the-big-networks/",
        "/2012/07/cafe-culture-and-privacy/",
        "/2013/01/привет-мир/",
        "/about/",
        "/team/",
    ):
        soup = build.page(path)
        assert soup.find("meta", attrs={"http-equiv": "refresh"}) is None, path
    assert not (build.output / "staff-notes").exists()


def query_rules(build: Build) -> dict[str, tuple[str, str, str]]:
    """For each ?query old address: the target in _redirects, nginx and .htaccess."""
    out = build.output
    netlify = {}
    for line in (out / "_redirects").read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) == 4:
            netlify[f"{fields[0]}?{fields[1]}"] = unquote(fields[2])
    nginx = {}
    for line in (out / "nginx-redirects.conf").read_text(encoding="utf-8").splitlines():
        if line.startswith("if ($discreet_old_query = "):
            old, new = line.split('"')[1], line.split('"')[3]
            nginx[old] = unquote(new)
    apache = {}
    lines = (out / ".htaccess").read_text(encoding="utf-8").splitlines()
    for cond, rule in itertools.pairwise(lines):
        if cond.startswith("RewriteCond %{QUERY_STRING} ^"):
            query = cond.split("^", 1)[1].rstrip("$").replace("\\", "")
            apache["/?" + query] = unquote(rule.split()[2].rstrip("?").replace("\\%", "%"))
    return {old: (netlify.get(old), nginx.get(old), apache.get(old)) for old in netlify}


def test_query_addresses_get_server_rules_to_the_right_page(
    builds: dict[str, Build], table: dict[str, str]
) -> None:
    build = builds["dev"]
    rules = query_rules(build)
    queries = {old: target for old, target in table.items() if "?" in old}
    dev_queries = {o: t for o, t in queries.items() if not t.startswith(FEEDS)}
    assert set(dev_queries) <= set(rules)
    for old, target in dev_queries.items():
        netlify, nginx, apache = rules[old]
        assert netlify == nginx == apache, old
        final, soup = follow(build, netlify)
        heading = expected_heading(build, target)
        if heading:
            assert soup.h1.get_text(" ", strip=True).startswith(heading), old
        else:
            assert final == target, old
    assert rules["/?p=40"][0] == "/2013/01/привет-мир/"


def test_text_survives(builds: dict[str, Build]) -> None:
    build = builds["dev"]
    text = build.page("/2013/01/привет-мир/").main.get_text(" ", strip=True)
    assert "Ми відправляємо до Києва. Ελληνικά too: καλημέρα! 日本語も少し。 Emoji stay: 🎉" in text
    assert "Questions? <Write to us> & we answer within a day. 5 < 6 is still true." in text
    cafe = build.page("/2012/07/cafe-culture-and-privacy/")
    assert cafe.h1.get_text() == "Café culture & privacy: a love story"
    assert "Prices start at 12\xa0€." in cafe.main.get_text()
    picture = cafe.find("img", alt="The roastery in Zürich")  # the owner's copy, in variants
    assert picture.parent.name == "picture"
    assert PurePosixPath(picture["src"]).stem.startswith("roastery-640x480-")
    assert (build.output / "wp-content/uploads/2012/07/roastery-640x480.jpg").is_file()
    video = build.page("/2012/07/the-week-in-video/")
    cards = video.find_all("figure", class_="embed")
    assert len(cards) == 5  # one card per video, whatever form its embed had
    assert cards[0].find("a", class_="embed-open")["href"] == (
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )


def test_old_policy_and_private_texts_are_not_published(builds: dict[str, Build]) -> None:
    for path in builds["published"].output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert "We use Google Analytics" not in text, path
            assert "Only for us." not in text, path


LOADERS = {
    "img": "src",
    "iframe": "src",
    "script": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "embed": "src",
    "object": "data",
    "track": "src",
}


def test_nothing_in_the_built_site_loads_from_another_host(builds: dict[str, Build]) -> None:
    build = builds["published"]
    offenders = []
    for page in build.html_files():
        soup = parse_html(page)
        for tag, attr in LOADERS.items():
            for el in soup.find_all(tag):
                url = el.get(attr) or ""
                host = urlsplit(url).hostname
                if host and f"https://{host}" != SITEURL:
                    offenders.append(f"{page.relative_to(build.output)}: <{tag}> {url}")
        for link in soup.find_all("link", rel=True):
            host = urlsplit(link.get("href", "")).hostname
            if host and f"https://{host}" != SITEURL:
                offenders.append(f"{page.relative_to(build.output)}: <link> {link['href']}")
        assert soup.find("script") is None, page
    assert offenders == []


def test_the_privacy_guard_passes_on_the_imported_site(builds: dict[str, Build]) -> None:
    build = builds["published"]
    result = subprocess.run(
        [sys.executable, "-m", "privacy_guard.cli", str(build.output), "--site-url", SITEURL],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
