"""The import report: what was imported, which files to copy, and every change post by post."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urljoin

from .plan import FileToCopy, Plan


def render_report(plan: Plan, content_dir: str) -> str:
    export = plan.export
    docs = plan.documents
    articles = [d for d in docs if d.kind == "article"]
    pages = [d for d in docs if d.kind == "page"]
    drafts = lambda ds: sum(not d.published for d in ds)  # noqa: E731
    count, total = plan.structure_share
    queries = sum("?" in path for path in plan.redirects.entries)
    comments = sum(d.item.comments for d in docs)
    out = [
        "# WordPress import report",
        "",
        f"Export: {export.source} ({export.title or 'untitled blog'}, {export.blog_url})",
        f"Imported into {content_dir}/: {len(articles)} posts ({drafts(articles)} drafts), "
        f"{len(pages)} pages ({drafts(pages)} drafts).",
        f"Permalink structure of the old posts: {plan.structure} ({count} of {total} posts). "
        "Posts are now at /YYYY/MM/slug/; every other old address redirects.",
        f"Redirects: {len(plan.redirects.entries)} old addresses in {content_dir}/redirects.yml; "
        f"{queries} of them are ?query forms that only the server rules can redirect.",
        *_cards(plan.cards),
        "",
        "## Files to copy",
        "",
        *_files_to_copy(plan.files, content_dir, export.blog_url),
        "",
        "## Old addresses the site's own pages now answer",
        "",
    ]
    if plan.taken_over:
        out.append(
            "The site shows its own page at these old addresses, so no redirect can be written "
            "there: links to them from other sites show the site's page. Nothing to do unless "
            "such links matter to you (then ask whoever links to use the new address)."
        )
        out.append("")
        out += [
            f"- {t.path}: {t.shown} (was {t.document.item.label}, now at {t.document.address})"
            for t in plan.taken_over
        ]
    else:
        out.append("None.")
    out += ["", "## Changes, post by post", ""]
    changed = plan.changed
    if not changed:
        out.append("No post needed a change.")
    for doc in changed:
        out.append(f"### {doc.item.label} → {content_dir}/{doc.path}")
        out += [f"- {note}" for note in _counted(doc.notes)]
        out.append("")
    out += ["", "## Not imported", ""]
    not_imported = [*plan.skipped]
    if comments:
        not_imported.append(f"{comments} comment(s): comments are not imported")
    not_imported += plan.leftovers
    out += [f"- {line}" for line in not_imported] or ["Nothing was left out."]
    return "\n".join(out).rstrip() + "\n"


def _files_to_copy(files: dict[str, FileToCopy], content_dir: str, blog: str) -> list[str]:
    """One line per file to put in place (a file named by several URLs, e.g. with ?w=604, is
    one file), from the old blog's uploads to the folder the build publishes."""
    if not files:
        return ["None: the posts use no files of the old site."]
    by_destination: dict[str, list[FileToCopy]] = {}
    for use in files.values():
        by_destination.setdefault(use.path, []).append(use)
    lines = [
        "Nothing was downloaded. Copy each file from the old blog's uploads (its wp-content/"
        "uploads/ folder, or the media export of a WordPress.com blog) to the path shown; the "
        "build publishes that folder. Files that were elsewhere on the old site move under "
        "wp-content/uploads/ (the posts point there now).",
        "",
    ]
    for path, uses in sorted(by_destination.items()):
        url = min((use.url for use in uses), key=lambda u: ("?" in u, u))
        users = ", ".join(dict.fromkeys(user for use in uses for user in use.used_by))
        lines.append(f"- {urljoin(blog + '/', url)} → {content_dir}/{path} (used by {users})")
    return lines


def _cards(count: int) -> list[str]:
    if not count:
        return []
    return [
        f"Embeds: {count} became the site's embed cards (a poster served by the site, the "
        "title, a link). Run `make fetch-media` once to fetch their posters and titles: until "
        "then `make html` shows a neutral poster and `make publish` refuses."
    ]


def _counted(notes: list[str]) -> list[str]:
    """Each note once, in first-seen order, with how often it applies when more than once."""
    counts = Counter(notes)
    return [f"{note} ({counts[note]} times)" if counts[note] > 1 else note for note in counts]
