"""Pictures that load fast (plugins/pictures): covers from `Image:`, responsive AVIF and WebP
variants with a JPEG or PNG fallback, their sizes given, lazy below the fold, made once."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from florist import COVER_POST, FLORIST_SETTINGS, FLORIST_SITE, PICTURES_POST
from pictures.transform import find_images
from pictures.variants import Encoding, VariantCache
from PIL import Image
from sitebuild import Build, run_build

PHOTO = FLORIST_SITE / "images" / "lavender.jpg"  # 1200 by 900


def photo_with_gps(path: Path) -> Path:
    """The lavender photo turned on its side by its EXIF orientation, with a GPS position."""
    image = Image.open(PHOTO)
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to show
    exif.get_ifd(0x8825)[2] = (52.0, 31.0, 12.0)  # GPSLatitude
    image.save(path, exif=exif, quality=70)
    return path


def test_variants_are_made_once_in_every_format_and_width(tmp_path: Path) -> None:
    cache = VariantCache(tmp_path / "cache", Encoding(widths=(480, 800, 1600)))
    source = photo_with_gps(tmp_path / "field.jpg")
    picture = cache.pictures([source])[0][source]
    assert (picture.width, picture.height) == (900, 1200)  # the recorded orientation applied
    assert list(picture.variants) == ["avif", "webp", "jpeg"]
    assert [v.width for v in picture.variants["avif"]] == [480, 800, 900]  # never enlarged
    folder = tmp_path / "cache" / picture.folder
    for name in picture.files():
        written = Image.open(folder / name)
        assert written.format in ("AVIF", "WEBP", "JPEG")
        assert not written.getexif().get_ifd(0x8825), f"{name} carries the GPS position"
    before = {name: (folder / name).stat().st_mtime_ns for name in picture.files()}
    again, _ = VariantCache(tmp_path / "cache", Encoding(widths=(480, 800, 1600))).pictures(
        [source]
    )
    assert again[source] == picture
    assert before == {name: (folder / name).stat().st_mtime_ns for name in picture.files()}
    out = tmp_path / "site"
    cache.publish(picture, out)
    assert (out / picture.folder / picture.files()[0]).stat().st_ino == (
        folder / picture.files()[0]
    ).stat().st_ino  # a hard link, not a copy


def test_a_transparent_png_keeps_png_as_its_fallback(tmp_path: Path) -> None:
    source = FLORIST_SITE / "images" / "freshness.png"
    picture = VariantCache(tmp_path).pictures([source])[0][source]
    assert picture.fallback == "png" and "png" in picture.variants


def test_a_file_that_is_no_picture_is_named(tmp_path: Path) -> None:
    fake = tmp_path / "cover.jpg"
    fake.write_text("not a picture", encoding="utf-8")
    found, failed = VariantCache(tmp_path / "cache").pictures([fake])
    assert found == {} and failed[fake].startswith(f"{fake}: not a picture Pillow can read")


def test_images_inside_a_picture_are_left_alone() -> None:
    html = '<p><img src="a.jpg" alt="a"></p><picture><img src="b.jpg"></picture><img src="c.png">'
    assert [image.src for image in find_images(html)] == ["a.jpg", "c.png"]


def test_a_post_shows_its_cover_with_its_size_and_every_format(florist_site: Build) -> None:
    cover = florist_site.page(COVER_POST).select_one("article.post picture.cover")
    types = [source["type"] for source in cover.select("source")]
    assert types == ["image/avif", "image/webp"]
    image = cover.img
    assert (image["width"], image["height"]) == ("1600", "1000")
    assert image["alt"] == "A field of red, pink and white tulips under a blue sky"
    assert (image["fetchpriority"], image["loading"]) == ("high", "eager")
    assert image["src"].endswith("/tulips-1200.jpg")
    for source in cover.select("source"):
        for candidate in source["srcset"].split(", "):
            path, width = candidate.split(" ")
            assert (florist_site.output / path.lstrip("/")).is_file(), path
            assert width in ("480w", "800w", "1200w", "1600w")
    # Link previews use the 1200-pixel fallback, an address of this site.
    preview = florist_site.page(COVER_POST).select_one('meta[property="og:image"]')["content"]
    assert preview.endswith("/tulips-1200.jpg") and preview.startswith(
        "https://lindenblatt-flowers.test/"
    )


def test_lists_show_covers_as_thumbnails_only_the_first_at_once(florist_site: Build) -> None:
    thumbnails = florist_site.page("/").select(".post-list picture.cover-thumb img")
    assert len(thumbnails) == 3  # three posts have a cover
    assert thumbnails[0]["fetchpriority"] == "high"
    assert all(t["loading"] == "lazy" for t in thumbnails[1:])
    assert all(t["sizes"] == "(min-width: 44rem) 12rem, 33vw" for t in thumbnails)


def test_content_pictures_get_variants_and_load_lazily_below_the_fold(florist_site: Build) -> None:
    pictures = florist_site.page(PICTURES_POST).select(".post-body picture img")
    assert [p["alt"] for p in pictures] == [
        "How fresh a bouquet stays over seven days",
        "Lavender in the field before the harvest",
    ]
    first, later = pictures
    assert (first["fetchpriority"], first["loading"]) == ("high", "eager")
    assert later["loading"] == "lazy"
    assert first["src"].endswith(".png") and later["src"].endswith(".jpg")
    assert (first["width"], first["height"]) == ("900", "420")


def test_every_page_fetches_one_picture_first_and_the_others_lazily(florist_site: Build) -> None:
    """Only the first picture near the top of a page is eager and high priority: on a list,
    a post's summary keeps none of its own (the home page showed the first cover and the
    bouquet post's chart both eager). The header's logo is the theme's, not a picture."""
    wrong = {}
    for path in sorted(florist_site.output.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        images = [img for img in page.select("img") if not img.find_parent(class_="site-logo")]
        first = [img for img in images if img.get("fetchpriority") == "high"]
        others = [img for img in images if img not in first]
        if (
            len(first) > 1
            or any(img.get("loading") != "eager" for img in first)
            or any(img.get("loading") != "lazy" for img in others)
        ):
            wrong[path.relative_to(florist_site.output).as_posix()] = [
                f"{img.get('alt')!r}: {img.get('loading')}, {img.get('fetchpriority')}"
                for img in images
            ]
    assert wrong == {}
    assert florist_site.page("/").select('img[fetchpriority="high"]')  # the first cover


def test_a_cover_that_does_not_exist_stops_the_build_naming_the_post(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FLORIST_SITE, content)
    post = content / "articles" / "2026" / "lavender-harvest.md"
    post.write_text(post.read_text().replace("lavender.jpg", "lavendel.jpg"), encoding="utf-8")
    build = run_build(tmp_path, content=content, overrides=FLORIST_SETTINGS)
    assert build.returncode != 0
    assert (
        "articles/2026/lavender-harvest.md: Image: '{static}/images/lavendel.jpg' is not a "
        "picture in content/; give the path of a JPEG or PNG file in the content folder"
    ) in build.log
    assert "Traceback" not in build.log
