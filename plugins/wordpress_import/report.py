"""The import report: what was imported, which files to copy, and every change post by post."""

from __future__ import annotations

from .plan import Plan


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
        "",
        "## Files to copy",
        "",
    ]
    if plan.files:
        out.append(
            "Nothing was downloaded. Copy each file from the old site's uploads to the path shown "
            "so that it is published at its old address:"
        )
        out.append("")
        for url, use in sorted(plan.files.items()):
            users = ", ".join(dict.fromkeys(use.used_by))
            out.append(f"- {url} → {content_dir}/{use.path} (used by {users})")
    else:
        out.append("None: the posts use no files of the old site.")
    out += ["", "## Changes, post by post", ""]
    changed = plan.changed
    if not changed:
        out.append("No post needed a change.")
    for doc in changed:
        out.append(f"### {doc.item.label} → {content_dir}/{doc.path}")
        out += [f"- {note}" for note in doc.notes]
        out.append("")
    out += ["", "## Not imported", ""]
    not_imported = [*plan.skipped]
    if comments:
        not_imported.append(f"{comments} comment(s): comments are not imported")
    out += [f"- {line}" for line in not_imported] or ["Nothing was left out."]
    return "\n".join(out).rstrip() + "\n"
