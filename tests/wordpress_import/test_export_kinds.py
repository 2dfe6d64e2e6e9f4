"""Exports of each kind a real blog gives (block editor, WordPress.com, old WXR 1.0 and 1.1),
imported by following the README's steps and nothing else, then built: the build passes, and
what the posts held is on the pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from sitebuild import Build, copy_content, parse_html, run_build
from wxrtools import FIXTURES, run_import

KINDS = ("block-editor", "wordpress-com", "wxr-1.1")


def import_as_the_readme_says(export: Path, site: Path) -> tuple[Path, str]:
    """Step 2, `make import` (again with FORCE=1 when it refuses to replace the kit's sample
    pages, as the README says), and step 3: put every file the report lists where it says."""
    content = copy_content(site / "content")
    result = run_import(export, "--content", content, cwd=site)
    if result.returncode == 2 and "already exists" in result.stderr:
        result = run_import(export, "--content", content, "--force", cwd=site)
    assert result.returncode == 0, result.stderr
    for line in result.stdout.splitlines():
        if line.startswith("- ") and " → " in line and " (used by " in line:
            destination = Path(line.split(" → ", 1)[1].split(" (used by ", 1)[0])
            assert destination.resolve().is_relative_to(content.resolve()), line
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(b"the owner's copy of the old file")
    return content, (site / "wordpress-import-report.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Build, str]]:
    built = {}
    for kind in KINDS:
        site = tmp_path_factory.mktemp(kind)
        content, report = import_as_the_readme_says(FIXTURES / f"{kind}.xml", site)
        built[kind] = (run_build(site, content=content), report)
    return built


@pytest.mark.parametrize("kind", KINDS)
def test_the_readme_steps_are_enough_for_the_build_to_pass(
    sites: dict[str, tuple[Build, str]], kind: str
) -> None:
    build, _ = sites[kind]
    assert build.returncode == 0, build.log


def test_what_markdown_cannot_say_is_on_the_page(sites: dict[str, tuple[Build, str]]) -> None:
    build, _ = sites["block-editor"]
    page = build.page("/2024/02/everything/").main
    assert [page.find(tag).get_text() for tag in ("sub", "sup", "del", "s")] == [
        "2",
        "2",
        "Monday",
        "Tuesday",
    ]
    assert page.find("details").summary.get_text() == "Allergens"
    assert page.find("details").strong.get_text() == "traces of nuts"
    footnote = page.select_one("div.footnote li").get_text(" ", strip=True)
    assert footnote.startswith("Except on holidays")
    assert page.find("tfoot").get_text(" ", strip=True) == "Both 7 €"
    assert "a | b" in [td.get_text() for td in page.find_all("td")]
    steps = page.find("ol").find_all("li", recursive=False)
    assert steps[0].pre.get_text() == "flour 500 g\nwater 350 g\n"
    assert steps[1].get_text(" ", strip=True) == "Knead it by hand"
    assert "Open Monday to Saturday, 7 to 18." in page.get_text()  # the reusable block


def test_files_are_published_where_the_report_put_them(
    sites: dict[str, tuple[Build, str]],
) -> None:
    build, report = sites["block-editor"]
    page = build.page("/2024/02/everything/").main
    sources = [el["src"] for el in page.find_all(["img", "source"])]
    assert "/wp-content/uploads/files/2019/menu.png" in sources
    assert "/wp-content/uploads/theme/img/logo.png" in sources
    assert "/wp-content/uploads/2024/02/jingle.mp3" in sources
    assert "/wp-content/uploads/2024/02/oven.mp4" in sources
    assert "/wp-content/uploads/2024/02/oven-front.jpg" in sources  # the cover's picture
    for source in sources:
        assert build.file_for(source).is_file(), source
    assert "- https://shop.example/theme/img/logo.png → " in report
    assert all(img["alt"].strip() for img in page.find_all("img"))
    assert "it is “fresh bread rolls” now, from its file name" in report


def test_the_featured_image_is_the_cover_image(sites: dict[str, tuple[Build, str]]) -> None:
    build, report = sites["block-editor"]
    source = (build.content / "articles" / "everything.md").read_text(encoding="utf-8")
    assert "\nImage: /wp-content/uploads/2024/02/window.jpg\n" in source
    assert build.file_for("/wp-content/uploads/2024/02/window.jpg").is_file()
    assert "its featured image is its cover image here" in report


def test_a_double_slash_in_an_old_link_is_one_slash(sites: dict[str, tuple[Build, str]]) -> None:
    for kind, page in (("block-editor", "/about-us/"), ("wordpress-com", "/about/")):
        build, _ = sites[kind]
        table = yaml.safe_load((build.content / "redirects.yml").read_text(encoding="utf-8"))
        assert not [old for old in table if "//" in old], kind
        links = _links(build)
        assert page in links and not any(href.startswith("//") for href in links), kind


def _links(build: Build) -> set[str]:
    return {
        a["href"] for path in build.html_files() for a in parse_html(path).find_all("a", href=True)
    }


def test_old_addresses_the_site_takes_are_named_by_the_report_and_the_build(
    sites: dict[str, tuple[Build, str]],
) -> None:
    build, report = sites["block-editor"]
    assert "- /tags/: the site's list of tags (was “Tags”, now at /tags-page/)" in report
    assert "- /archives/: the site's archive of all posts (was “Archives”" in report
    assert "the site's own pages answer 2 old address(es)" in build.stderr
    assert "  /tags/ (line " in build.stderr and "  /archives/ (line " in build.stderr
    assert build.page("/tags-page/").h1.get_text() == "Tags"


def test_a_wordpress_com_blog_keeps_its_uploads_and_its_links_to_wordpress_com(
    sites: dict[str, tuple[Build, str]],
) -> None:
    build, report = sites["wordpress-com"]
    assert (
        "- https://cornerbakery.files.wordpress.com/2023/05/loaf.jpg → "
        f"{build.content}/wp-content/uploads/2023/05/loaf.jpg"
    ) in report
    page = build.page("/2023/05/ψωμί-με-προζύμι/").main
    images = [img["src"] for img in page.find_all("img")]
    assert images == [
        "/wp-content/uploads/2023/05/loaf.jpg",
        "/wp-content/uploads/2023/05/crumb.jpg",
    ]
    assert (
        page.find("a", string="WordPress.com support")["href"] == "https://wordpress.com/support/"
    )
    old = build.page("/2023/05/04/ψωμί-με-προζύμι/")  # the Greek old address still leads there
    refresh = old.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert unquote(refresh).endswith("url=/2023/05/ψωμί-με-προζύμι/")


def test_old_exports_with_repeating_post_ids_import_every_item(
    sites: dict[str, tuple[Build, str]],
) -> None:
    build, report = sites["wxr-1.1"]
    assert build.page("/2011/04/opening-times/").h1.get_text() == "Opening times"
    assert build.page("/prices/").h1.get_text() == "Prices"
    table = yaml.safe_load((build.content / "redirects.yml").read_text(encoding="utf-8"))
    assert table["/?p=7"] == "{filename}/articles/opening-times.md"
    assert table["/?page_id=7"] == "{filename}/pages/prices.md"
    assert "shares wp:post_id 7 with “Opening times”" in report


def test_a_wxr_1_0_export_keeps_its_tags_and_both_posts_of_one_id(tmp_path: Path) -> None:
    """WXR 1.0 writes every category twice (plain, for feed readers) and calls tags "tag"."""
    result = run_import(FIXTURES / "wxr-1.0.xml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    articles = tmp_path / "content" / "articles"
    rye = (articles / "rye-is-back.md").read_text(encoding="utf-8")
    assert "\nCategory: Flour\nTags: rye\n" in rye
    assert "Ground on **Tuesdays**." in rye
    assert (articles / "spelt-too.md").is_file()
    table = yaml.safe_load((tmp_path / "content" / "redirects.yml").read_text(encoding="utf-8"))
    assert "/tag/rye/" in table and not [old for old in table if "//" in old]
