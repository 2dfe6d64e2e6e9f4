"""Helpers for the WordPress importer tests: the fixture, the real CLI, folder snapshots."""

from __future__ import annotations

import contextlib
import hashlib
import io
import subprocess
from pathlib import Path

from sitebuild import Build, copy_content
from warmpython import run_module

FIXTURES = Path(__file__).resolve().parent / "wordpress_import" / "fixtures"
FIXTURE = FIXTURES / "discreet-blog.xml"


def run_import(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run wp-import's command line, `wordpress_import.cli.main`, from `cwd` in this process
    (a process each cost a third of a second of start-up): its exit status and what it printed.
    What only a separate process shows (a time bound on a hang, signals) uses
    `run_import_process`."""
    from wordpress_import.cli import main

    argv = [str(arg) for arg in args]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:  # --help
            status = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["wp-import", *argv], status, out.getvalue(), err.getvalue())


def run_import_process(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run wp-import as the owner does, a separate process, from `cwd`; fails after 120 s."""
    return run_module("wordpress_import.cli", [*map(str, args)], cwd=cwd, timeout=120)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to prove a failed import changed nothing."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def minimal_wxr(items: str, *, channel_extra: str = "") -> str:
    """A small but well-formed export around the given <item> elements."""
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Test blog</title>
	<link>https://blog.example</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://blog.example</wp:base_site_url>
	<wp:base_blog_url>https://blog.example</wp:base_blog_url>
	{channel_extra}
{items}
</channel>
</rss>
"""


def post(
    post_id: int,
    *,
    title: str = "A post",
    content: str = "Text.",
    slug: str | None = None,
    date: str = "2012-06-28 10:15:00",
    status: str = "publish",
    post_type: str = "post",
) -> str:
    slug = f"post-{post_id}" if slug is None else slug
    return f"""	<item>
		<title><![CDATA[{title}]]></title>
		<link>https://blog.example/{date[:4]}/{date[5:7]}/{slug}/</link>
		<dc:creator><![CDATA[admin]]></dc:creator>
		<guid isPermaLink="false">https://blog.example/?p={post_id}</guid>
		<content:encoded><![CDATA[{content}]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>{post_id}</wp:post_id>
		<wp:post_date><![CDATA[{date}]]></wp:post_date>
		<wp:post_name><![CDATA[{slug}]]></wp:post_name>
		<wp:status><![CDATA[{status}]]></wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type><![CDATA[{post_type}]]></wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>
		<category domain="category" nicename="news"><![CDATA[News]]></category>
	</item>
"""


def large_export(blocks: int) -> str:
    """A large export that exercises every part of the importer with many repeats, as a big
    block-editor blog does: one long block-editor post (every block in a comment pair), one long
    classic post (paragraphs by blank lines, shortcodes, some left open), many posts with the
    same slug, and galleries of many uploads. Starts with WordPress's generator comment."""
    block_post = "\n\n".join(
        f'<!-- wp:paragraph --><p>Block {n} links <a href="https://blog.example//{n}/">an old'
        f' page</a><sup data-fn="f{n}" class="fn"><a href="#f{n}">{n}</a></sup></p>'
        "<!-- /wp:paragraph -->\n\n"
        f'<!-- wp:image --><figure class="wp-block-image"><img src="https://blog.example/'
        f'wp-content/uploads/2020/01/photo-{n % 50}-300x200.jpg" alt=""/></figure>'
        "<!-- /wp:image -->\n\n"
        f"<!-- wp:list --><ul><li>one {n}</li><li>two<ul><li>three</li></ul></li></ul>"
        "<!-- /wp:list -->\n\n"
        f"<!-- wp:table --><figure><table><tbody><tr><td>a | {n}</td><td>b</td></tr></tbody>"
        "</table></figure><!-- /wp:table -->\n\n<!-- wp:latest-posts /-->"
        for n in range(blocks)
    )
    footnotes = ",".join(f'{{"id":"f{n}","content":"Note {n}"}}' for n in range(blocks))
    classic_post = "\n\n".join(
        f"Paragraph {n}\nwith a line break, [embed]https://video.example/{n} left open, "
        f"[caption id={n}] and [unknown-{n} a=1] <!--more and <b>bold</b>"
        for n in range(blocks)
    )
    same_slug = "".join(
        post(1000 + n, title="Hello world", slug="hello-world", content=f"[gallery] {n}")
        for n in range(blocks // 10)
    )
    uploads = "".join(
        f"""	<item><title>Photo {n}</title><wp:post_id>{5000 + n}</wp:post_id>
		<wp:post_type>attachment</wp:post_type><wp:post_parent>{1000 + n % 10}</wp:post_parent>
		<wp:attachment_url>https://blog.example/wp-content/uploads/2020/01/photo-{n}.jpg</wp:attachment_url>
	</item>
"""
        for n in range(blocks // 10)
    )
    meta = (
        "<wp:postmeta><wp:meta_key>footnotes</wp:meta_key>"
        f"<wp:meta_value><![CDATA[[{footnotes}]]]></wp:meta_value></wp:postmeta>\n\t</item>"
    )
    items = (
        post(1, title="Blocks", content=block_post).replace("</item>", meta)
        + post(2, title="Classic", content=classic_post)
        + same_slug
        + uploads
    )
    generator = '<!-- generator="WordPress/6.4" created="2024-01-01 00:00" -->\n<rss'
    return minimal_wxr(items).replace("<rss", generator, 1)


def import_like_an_owner(workdir: Path, *, first_without_force: bool = True) -> Path:
    """wp-import refuses to replace the kit's sample About page, then is told to; the owner
    copies the files the report lists. Tests that only need the imported site skip the refusal
    (`first_without_force=False`)."""
    content = copy_content(workdir / "content")
    if first_without_force:
        before = snapshot(content)
        refused = run_import(FIXTURE, "--content", content, cwd=workdir)
        assert refused.returncode == 2 and "about.md: already exists" in refused.stderr
        assert snapshot(content) == before
    done = run_import(FIXTURE, "--content", content, "--force", cwd=workdir)
    assert done.returncode == 0, done.stderr
    for destination in copy_the_listed_files(done.stdout, content):
        assert destination.is_relative_to(content / "wp-content"), destination
    return content


# The owner's copies of the old blog's files: a picture where the file is a picture (a cover must
# be one, or the build stops), tiny and its own for each file; stand-in bytes otherwise.
_PICTURES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".gif": "GIF", ".webp": "WEBP"}


def _picture(kind: str, name: str) -> bytes:
    from PIL import Image

    colour = tuple(hashlib.sha256(name.encode()).digest()[:3])
    out = io.BytesIO()
    Image.new("RGB", (24, 16), colour).save(out, kind)
    return out.getvalue()


def copy_the_listed_files(report: str, content: Path) -> list[Path]:
    """Step 3 of docs/wordpress-import.md: put each file the report lists under *Files to copy*
    at the path it shows. Returns those paths; each must be inside content/."""
    placed = []
    for line in report.splitlines():
        if line.startswith("- ") and " → " in line and " (used by " in line:
            destination = Path(line.split(" → ", 1)[1].split(" (used by ", 1)[0])
            assert destination.resolve().is_relative_to(content.resolve()), line
            destination.parent.mkdir(parents=True, exist_ok=True)
            kind = _PICTURES.get(destination.suffix.lower())
            copy = _picture(kind, str(destination)) if kind else b"the owner's copy of the file"
            destination.write_bytes(copy)
            placed.append(destination)
    return placed


def expected_heading(build: Build, target: str) -> str:
    """The <h1> the reader should land on, worked out from the target's own source."""
    if target.startswith("{filename}"):
        source = build.content / target.removeprefix("{filename}/")
        return next(
            line.removeprefix("Title: ")
            for line in source.read_text(encoding="utf-8").splitlines()
            if line.startswith("Title: ")
        )
    if target.startswith("{category}"):
        return "Category: " + target.removeprefix("{category}")
    if target.startswith("{tag}"):
        return "Tag: " + target.removeprefix("{tag}")
    if target.startswith("{author}"):
        return "Posts by " + target.removeprefix("{author}")
    if target == "{index}":
        return "Latest posts"
    return ""
