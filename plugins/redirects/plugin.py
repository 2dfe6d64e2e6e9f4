"""The thin Pelican side of the redirects: resolve targets to URLs, write pages and rules."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pelican import signals
from pelican.urlwrappers import Author, Category, Tag
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.finalized import on_finalized
from plugin_support.settings import text, text_or_none

from . import NGINX_DEFAULT
from .rules import htaccess_block, merge_htaccess, netlify, nginx
from .table import Redirect, RedirectsError, load_redirects

logger = logging.getLogger(__name__)

_RULES_FILE = 'a file name as text, e.g. "_redirects", or None to write no such file'
SETTINGS: dict[str, Setting] = {
    # inside PATH (content/)
    "REDIRECTS_FILE": Setting("redirects.yml", text, 'a file name as text, e.g. "redirects.yml"'),
    # theme/templates/redirect.html
    "REDIRECTS_TEMPLATE": Setting("redirect", text, 'a template name as text, e.g. "redirect"'),
    "REDIRECTS_NETLIFY_FILE": Setting("_redirects", text_or_none, _RULES_FILE),
    "REDIRECTS_NGINX_FILE": Setting(NGINX_DEFAULT, text_or_none, _RULES_FILE),
    "REDIRECTS_HTACCESS_FILE": Setting(".htaccess", text_or_none, _RULES_FILE),
}

_generators: list[Any] = []
_NEXT_PAGE = re.compile(r"^page/\d+/?$")


class _Skip(Exception):
    """The target does not exist in this build by design (feeds off): no redirect, no error."""


def check_settings(pelican: Any) -> None:
    """Fill in the defaults; stop before anything is built when a setting is wrong."""
    with_defaults(pelican.settings, SETTINGS)
    problems = setting_problems(pelican.settings, "REDIRECTS_", SETTINGS)
    if problems:
        stop_build(logger, problems)


def remember_generators(generators: list[Any]) -> None:
    """Keep the generators: their context knows every article, page, category and template.
    Templates learn now, before any page is written, how many old addresses the site redirects
    (`redirected_addresses`): the 404 page mentions moved addresses only when there are some."""
    _generators[:] = generators
    if generators:
        settings = generators[0].settings
        table = Path(settings["PATH"]) / settings["REDIRECTS_FILE"]
        try:
            count = len(load_redirects(table))
        except RedirectsError:
            count = 0  # reported, with its line, when the redirects are written
        generators[0].context["redirected_addresses"] = count


def write_redirects(pelican: Any) -> None:
    settings = pelican.settings
    conf = {name: settings.get(name, setting.default) for name, setting in SETTINGS.items()}
    table = Path(settings["PATH"]) / conf["REDIRECTS_FILE"]
    try:
        redirects = load_redirects(table)
    except RedirectsError as exc:
        logger.error("%s", exc)
        return
    if not redirects or not _generators:
        return
    generator = _generators[0]
    output = Path(pelican.output_path)
    source = f"{Path(settings['PATH']).name}/{conf['REDIRECTS_FILE']}"
    template = generator.get_template(conf["REDIRECTS_TEMPLATE"])
    pairs: list[tuple[str, str]] = []
    answered: list[str] = []  # old addresses that the site's own pages answer
    for redirect in redirects:
        try:
            url, title = _resolve(redirect, str(table), settings, generator.context)
        except _Skip:
            continue
        except RedirectsError as exc:
            logger.error("%s", exc)
            continue
        if not _exists(output, url):
            logger.error(
                "%s:%d: %s leads to %s, which this site does not have; "
                "fix the target or remove the line",
                table,
                redirect.line,
                redirect.source,
                url,
            )
            continue
        if unquote(redirect.source.partition("?")[0]) == url and not redirect.is_query:
            continue  # the old address is the new one
        if not redirect.is_query:
            page = _page_file(output, redirect.source)
            if page.exists():  # the site itself serves this address: it wins
                if not _is_page_of(redirect.source, url):
                    answered.append(f"  {redirect.source} (line {redirect.line}) leads to {url}")
                continue
            failure = _write_page(page, template, generator.context, settings, url, title, redirect)
            if failure:
                logger.error(
                    "%s:%d: no redirect page can be written for %s (%s): a file of the site "
                    "stands where its folder would be; fix the old address or remove the line",
                    table,
                    redirect.line,
                    redirect.source,
                    failure,
                )
                continue
        pairs.append((redirect.source, url))
    _write_rules(output, conf, pairs, source)
    if answered:
        # Printed, not logged as a warning: it needs no fix, and a warning fails `make html`.
        print(
            f"redirects: the site's own pages answer {len(answered)} old address(es) of "
            f"{source}, so these do not redirect:",
            *answered,
            sep="\n",
            file=sys.stderr,
        )


def _resolve(
    redirect: Redirect, table: str, settings: dict[str, Any], context: dict[str, Any]
) -> tuple[str, str]:
    """The root-relative URL and a title for a target written as a path or a {link}."""
    target = redirect.target
    if target.startswith("/"):
        return target, target
    kind, _, value = target[1:].partition("}")
    value = value.strip()
    if kind in ("filename", "static", "attach"):
        key = value.lstrip("/")
        store = context.get("generated_content" if kind == "filename" else "static_content", {})
        content = store.get(key)
        url = getattr(content, "url", "") if content is not None else ""
        if not url or getattr(content, "status", "published") == "draft":
            raise RedirectsError(
                table,
                redirect.line,
                f"{redirect.source} leads to {target}, which is not a published part of the "
                "site; fix the path or remove the line",
            )
        return "/" + url, getattr(content, "title", url)
    if kind in ("category", "tag", "author"):
        wrapper = {"category": Category, "tag": Tag, "author": Author}[kind]
        return "/" + wrapper(value, settings).url, value
    if kind == "index":
        return "/", settings.get("SITENAME", "Home")
    if kind in ("feed", "category_feed", "tag_feed"):
        return _feed(kind, value, settings), "feed"
    raise RedirectsError(
        table,
        redirect.line,
        f"the target {target} of {redirect.source} is not understood; use a path, or "
        "{filename}, {category}, {tag}, {author}, {index}, {feed}, {category_feed}, {tag_feed}",
    )


def _feed(kind: str, value: str, settings: dict[str, Any]) -> str:
    """A feed's URL from the feed settings; feeds turned off mean nothing to redirect to."""
    pattern = None
    if kind == "category_feed":
        pattern = settings.get("CATEGORY_FEED_ATOM")
        slug = Category(value, settings).slug
    elif kind == "tag_feed":
        pattern = settings.get("TAG_FEED_ATOM")
        slug = Tag(value, settings).slug
    else:
        slug = ""
    if pattern:
        return "/" + pattern.format(slug=slug)
    whole = settings.get("FEED_ALL_RSS" if value == "rss" else "FEED_ALL_ATOM")
    whole = whole or settings.get("FEED_ALL_ATOM")
    if not whole:
        raise _Skip
    return "/" + whole


def _is_page_of(source: str, url: str) -> bool:
    """/page/2/ for /, /category/x/page/3/ for /category/x/: the site's own next pages of the
    very list the old address led to, which is as good as the redirect."""
    rest = unquote(source).removeprefix(url.rstrip("/") + "/")
    return rest != unquote(source) and _NEXT_PAGE.match(rest) is not None


def _exists(output: Path, url: str) -> bool:
    return _page_file(output, url).exists()


def _page_file(output: Path, path: str) -> Path:
    """Where a server looks for a path: the file itself, or index.html in its folder."""
    relative = unquote(path.partition("?")[0]).lstrip("/")
    last = relative.rsplit("/", 1)[-1]
    if not relative or relative.endswith("/") or "." not in last:
        return output / relative / "index.html"
    return output / relative


def _write_page(
    page: Path,
    template: Any,
    context: dict[str, Any],
    settings: dict[str, Any],
    url: str,
    title: str,
    redirect: Redirect,
) -> str | None:
    """Write the page; the reason it cannot be written (a file where a folder goes), if so."""
    siteurl = settings.get("SITEURL", "")
    html = template.render(
        context,
        output_file=str(page),
        redirect_url=siteurl + url,
        redirect_title=title,
        redirect_from=redirect.source,
    )
    try:
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(html, encoding="utf-8")
    except (FileExistsError, NotADirectoryError) as exc:  # e.g. /robots.txt/x/
        return exc.strerror
    return None


def _write_rules(
    output: Path, conf: dict[str, Any], pairs: list[tuple[str, str]], source: str
) -> None:
    if not pairs:
        return
    if conf["REDIRECTS_NETLIFY_FILE"]:
        (output / conf["REDIRECTS_NETLIFY_FILE"]).write_text(netlify(pairs, source), "utf-8")
    if conf["REDIRECTS_NGINX_FILE"]:
        (output / conf["REDIRECTS_NGINX_FILE"]).write_text(nginx(pairs, source), "utf-8")
    if conf["REDIRECTS_HTACCESS_FILE"]:
        htaccess = output / conf["REDIRECTS_HTACCESS_FILE"]
        existing = htaccess.read_text("utf-8") if htaccess.exists() else ""
        htaccess.write_text(merge_htaccess(existing, htaccess_block(pairs, source)), "utf-8")


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.all_generators_finalized.connect(remember_generators)
    on_finalized("write", write_redirects)
