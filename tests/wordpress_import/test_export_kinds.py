"""Exports of each kind a real blog gives (block editor, WordPress.com, old WXR 1.0 and 1.1),
imported by following the README's steps and nothing else, then built: the build passes, and
what the posts held is on the pages."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import pytest
import yaml
from sitebuild import Build, copy_content, parse_html, run_build
from wxrtools import FIXTURES, copy_the_listed_files, run_import

KINDS = ("block-editor", "wordpress-com", "wxr-1.1")


def import_as_the_readme_says(export: Path, site: Path) -> tuple[Path, str]:
    """Step 2, `make import` (again with FORCE=1 when it refuses to replace the kit's sample
    pages, as the README says), and step 3: put every file the report lists where it says."""
    content = copy_content(site / "content")
    result = run_import(export, "--content", content, cwd=site)
    if result.returncode == 2 and "already exists" in result.stderr:
        result = run_import(export, "--content", content, "--force", cwd=site)
    assert result.returncode == 0, result.stderr
    copy_the_listed_files(result.stdout, content)
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
    media = [source["src"] for source in page.select("audio source, video source")]
    assert media == [
        "/wp-content/uploads/2024/02/jingle.mp3",
        "/wp-content/uploads/2024/02/oven.mp4",
    ]
    # Pictures reach the page as the pictures plugin's variants of the owner's copies, named
    # after them; the copies themselves are published at the addresses the posts now use.
    pictures = [img["src"] for img in page.select("picture img")]
    assert [PurePosixPath(src).stem.rsplit("-", 1)[0] for src in pictures] == [
        "window",  # the cover
        "window-1024x768",
        "fresh-bread-rolls",
        "menu",
        "logo",
        "oven-front",  # the video's poster
    ]
    copies = [
        "/wp-content/uploads/files/2019/menu.png",
        "/wp-content/uploads/theme/img/logo.png",
        "/wp-content/uploads/2024/02/oven-front.jpg",
    ]
    for address in [*media, *pictures, *copies]:
        assert build.file_for(address).is_file(), address
    assert "- https://shop.example/theme/img/logo.png → " in report
    assert all(img["alt"].strip() for img in page.find_all("img")[1:])  # all but the cover
    assert "it is “fresh bread rolls” now, from its file name" in report


# The featured image becomes the cover, described as in the media library, or decorative (no
# Image_alt:) where the media library has no alt text.
COVERS = {
    "block-editor": (
        "/2024/02/everything/",
        "Image: /wp-content/uploads/2024/02/window.jpg\nImage_alt: Loaves in the shop window\n",
        "Loaves in the shop window",
        "(Image_alt: Loaves in the shop window)",
    ),
    "wordpress-com": (
        "/2023/05/ψωμί-με-προζύμι/",
        "Image: /wp-content/uploads/2023/05/loaf.jpg\nSlug: ",
        "",
        "with no alt text, as the media library has none: it counts as decorative",
    ),
}


@pytest.mark.parametrize("kind", COVERS)
def test_the_featured_image_is_the_cover_with_the_media_library_alt_text(
    sites: dict[str, tuple[Build, str]], kind: str
) -> None:
    build, report = sites[kind]
    address, lines, alt, words = COVERS[kind]
    slug = address.rstrip("/").rsplit("/", 1)[1]
    source = (build.content / "articles" / f"{slug}.md").read_text(encoding="utf-8")
    assert "\n" + lines in source
    image = lines.split("\n", 1)[0].removeprefix("Image: ")
    assert build.file_for(image).is_file()
    assert build.page(address).select_one("picture.cover img")["alt"] == alt
    assert words in report


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


def test_an_old_slug_leads_to_the_post(sites: dict[str, tuple[Build, str]]) -> None:
    """WordPress sends a changed slug's old addresses on (_wp_old_slug); so does the site."""
    build, _ = sites["block-editor"]
    refresh = build.page("/2024/02/what-the-editor-does/").find("meta", {"http-equiv": "refresh"})
    assert refresh["content"].endswith("url=/2024/02/everything/")


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
    pictures = [img["src"] for img in page.select("picture img")]
    # the cover and the two pictures of the text, the owner's copies made into variants
    assert [PurePosixPath(src).stem.rsplit("-", 1)[0] for src in pictures] == [
        "loaf",
        "loaf",
        "crumb",
    ]
    for address in (
        "/wp-content/uploads/2023/05/loaf.jpg",
        "/wp-content/uploads/2023/05/crumb.jpg",
    ):
        assert build.file_for(address).is_file(), address
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
