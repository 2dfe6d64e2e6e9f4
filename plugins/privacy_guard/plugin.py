"""Pelican glue: settings, the CSP context variables, and the audit after every build.

Works on any Pelican site. How it reports, and why:

- The report is printed (stderr), never logged at warning level: a stale
  declaration or a third-party og:image must show without failing `make html`,
  which fails on any logged warning (strict-build, `pelican --fatal warnings`).
- Errors stop the build (plugin_support.stop_build), a one-line message after
  the printed report: `pelican` logs it and exits 1, strict-build prints it and
  keeps the previous output/. Logging an error instead would leave a plain
  `pelican` build exiting 0.
- PRIVACY_GUARD_FAIL_ON_WARNINGS = True makes warnings fail too (e.g. in publishconf.py).

Other plugins read what the guard publishes in the build's context, never its settings:
REPORT_PAGE_URL (privacy_guard/__init__.py) is the transparency report's URL when the guard
writes that page.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

import blinker
from jinja2 import TemplateError
from markupsafe import Markup
from pelican import signals
from pelican.generators import PelicanTemplateNotFound
from pelican.writers import Writer
from plugin_support import Setting, setting_problems, stop_build, with_defaults
from plugin_support.finalized import on_finalized
from plugin_support.settings import count, flag, list_of, path_or_none, text
from strict_build import deferred
from strict_build.template_errors import in_template

from . import REPORT_PAGE_URL, csp
from .audit import AuditResult, audit, judge
from .cache import ScanCache
from .contradictions import DeclaredStorage, contradictions
from .declaration_policy import DeclarationUnavailable, load, policy_from_declaration
from .entities import dataset_version
from .headers import security_headers, write_header_files
from .inject import head_tags, insert_into_head
from .known_scripts import describe
from .policy import AuditPolicy
from .report import render_text, summary_line
from .scan import file_type, scan_file
from .transparency import Script, build_report

logger = logging.getLogger(__name__)


def _csp_extra(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(name, str) and list_of(text)(sources) for name, sources in value.items()
    )


def _flag_or_none(value: Any) -> bool:
    return value is None or isinstance(value, bool)


_ON_OFF = "True or False"
_URLS = 'a list of origins as text, e.g. ["https://shop.example.com"]'
SETTINGS: dict[str, Setting] = {
    "PRIVACY_GUARD_ENABLED": Setting(True, flag, _ON_OFF),
    # None: privacy.yml in the content folder, if there
    "PRIVACY_GUARD_DECLARATION": Setting(
        None, path_or_none, 'a path as text, e.g. "content/privacy.yml"'
    ),
    # more first-party origins (SITEURL counts already)
    "PRIVACY_GUARD_SITE_URLS": Setting([], list_of(text), _URLS),
    # more origins forms may post to (CONTACT_FORM_ACTION counts)
    "PRIVACY_GUARD_FORM_ACTION": Setting([], list_of(text), _URLS),
    # e.g. {"script-src": ["'unsafe-inline'"]} for a legacy theme
    "PRIVACY_GUARD_CSP_EXTRA": Setting(
        {}, _csp_extra, """a mapping of directives to sources, e.g. {"script-src": ["'self'"]}"""
    ),
    # add CSP/referrer <meta> to pages whose theme lacks them
    "PRIVACY_GUARD_INJECT_META": Setting(True, flag, _ON_OFF),
    # write _headers, .htaccess and the nginx snippet
    "PRIVACY_GUARD_HEADERS": Setting(True, flag, _ON_OFF),
    "PRIVACY_GUARD_REPORT_URL": Setting(
        "privacy/report/", text, 'a URL path as text, e.g. "privacy/report/"'
    ),
    # "" to skip the page
    "PRIVACY_GUARD_REPORT_SAVE_AS": Setting(
        "privacy/report/index.html",
        lambda value: isinstance(value, str),
        'a file path as text, e.g. "privacy/report/index.html", or "" for no report page',
    ),
    "PRIVACY_GUARD_REPORT_TEMPLATE": Setting(
        "privacy_report", text, 'a template name as text, e.g. "privacy_report"'
    ),
    "PRIVACY_GUARD_FAIL_ON_WARNINGS": Setting(False, flag, _ON_OFF),
    # the printed report's limit; the CLI shows all
    "PRIVACY_GUARD_MAX_FILES_SHOWN": Setting(20, count, "a whole number, e.g. 20"),
    # None: follow Pelican's CACHE_CONTENT / LOAD_CONTENT_CACHE
    "PRIVACY_GUARD_CACHE": Setting(None, _flag_or_none, "True, False or None"),
    # more: scan large sites in that many forked processes
    "PRIVACY_GUARD_WORKERS": Setting(1, count, "a whole number, e.g. 2"),
}


# Sent after each build's audit: sender the Pelican object; contacted: ids of the declared
# recipients whose hosts the built files make the browser contact; uses_javascript.
audited = blinker.signal("privacy_guard.audited")


@dataclass
class _Run:
    """What one build needs from its start to its `finalized` signal."""

    context: dict
    policy: AuditPolicy
    csp_meta: str
    csp_header: str
    storage: tuple
    recipient_names: dict
    declared_storage: tuple = ()
    declaration_file: str = ""
    generator: Any = None


_RUNS: dict[int, _Run] = {}  # by id(settings): the dict every generator of a build shares


def register() -> None:
    signals.initialized.connect(set_defaults)
    signals.generator_init.connect(prepare)
    signals.all_generators_finalized.connect(remember_generator)
    on_finalized("audit", finish)


def set_defaults(pelican: Any) -> None:
    """Fill in the defaults; stop before anything is built when a setting is wrong."""
    with_defaults(pelican.settings, SETTINGS)
    problems = setting_problems(pelican.settings, "PRIVACY_GUARD_", SETTINGS)
    if problems:
        count = len(problems)
        stop_build(
            logger,
            problems,
            f"privacy guard: {count} setting{'s' if count != 1 else ''} above to correct",
        )


def _setting(settings: dict, name: str) -> Any:
    return settings.get(name, SETTINGS[name].default)


def _stop(summary: str) -> NoReturn:
    """End the build; what is wrong was printed (the report) or is the summary itself."""
    stop_build(logger, [], summary)


def prepare(generator: Any) -> None:
    """Once per build: read the declaration, give templates the CSP before they render."""
    settings, context = generator.settings, generator.context
    if not _setting(settings, "PRIVACY_GUARD_ENABLED"):
        return
    run = _RUNS.get(id(settings))
    if run is not None and run.context is context:
        return
    run = _new_run(settings, context)
    _RUNS[id(settings)] = run
    context["PRIVACY_GUARD_CSP"] = run.csp_meta
    context["PRIVACY_GUARD_HEAD"] = Markup(head_tags(run.csp_meta))


def _new_run(settings: dict, context: dict) -> _Run:
    declaration_file = _declaration_file(settings)
    site_urls = [*_setting(settings, "PRIVACY_GUARD_SITE_URLS")]
    if str(settings.get("SITEURL", "")).startswith(("http://", "https://")):
        site_urls.append(settings["SITEURL"])
    storage: tuple = ()
    names: dict = {}
    declared_storage: tuple = ()
    if declaration_file is None:
        policy = AuditPolicy.build(site_urls=site_urls)
    else:
        problems: list[str] = []
        try:
            declaration = load(declaration_file)
        except DeclarationUnavailable as error:
            problems = [str(problem) for problem in error.problems]
        if problems:  # outside the except block, which strict-build would append to each line
            count = len(problems)
            stop_build(
                logger,
                problems,
                f"privacy guard: the declaration cannot be used: {count} "
                f"problem{'s' if count != 1 else ''} above",
            )
        policy = policy_from_declaration(declaration, str(declaration_file), site_urls)
        storage = tuple(getattr(declaration, "storage", None) or ())
        names = {recipient.id: recipient.name for recipient in declaration.recipients}
        declared_storage = tuple(
            DeclaredStorage(i, item.name, str(item.type), item.provider == "first_party")
            for i, item in enumerate(storage)
        )
    form_targets = [settings.get("CONTACT_FORM_ACTION", ""), *_setting(
        settings, "PRIVACY_GUARD_FORM_ACTION")]  # fmt: skip
    form_origins = [found for url in form_targets if url and (found := csp.origin(url))]
    limited = policy.host_directives
    allowed = {*policy.first_party_hosts, *(h for h in policy.declared_hosts if h not in limited)}
    directives = csp.directives(
        allowed, form_origins, _setting(settings, "PRIVACY_GUARD_CSP_EXTRA"), limited
    )
    return _Run(
        context=context,
        policy=policy,
        csp_meta=csp.render(directives),
        csp_header=csp.render(directives, header=True),
        storage=storage,
        recipient_names=names,
        declared_storage=declared_storage,
        declaration_file=str(declaration_file or ""),
    )


def _declaration_file(settings: dict) -> Path | None:
    configured = _setting(settings, "PRIVACY_GUARD_DECLARATION")
    if configured:
        path = Path(configured)
        if not path.is_file():
            _stop(
                f"privacy guard: PRIVACY_GUARD_DECLARATION {configured!r} is not a file; "
                f"give the path of privacy.yml or remove the setting"
            )
        return path
    default = Path(settings.get("PATH", "content")) / "privacy.yml"
    return default if default.is_file() else None


def remember_generator(generators: list) -> None:
    """Keep a generator: the report page renders through Pelican's own Jinja environment."""
    for generator in generators:
        run = _RUNS.get(id(generator.settings))
        if run is not None and hasattr(generator, "get_template"):
            run.generator = generator
            _announce_report_page(run, generator)
            return


def _announce_report_page(run: _Run, generator: Any) -> None:
    """Tell listeners such as the sitemap that the report page will be written.

    The page can only be rendered after the audit, at the very end of the build, when the
    sitemap is already written; announcing it before any page is written puts it in the sitemap
    with every other page. It is announced only when the theme can render it, and its URL is
    published in the context for the pages that link to it.
    """
    run.context.pop(REPORT_PAGE_URL, None)
    save_as = _setting(generator.settings, "PRIVACY_GUARD_REPORT_SAVE_AS")
    if not save_as or not _report_template(run):
        return
    run.context[REPORT_PAGE_URL] = _setting(generator.settings, "PRIVACY_GUARD_REPORT_URL")
    path = os.path.join(generator.output_path, save_as)
    signals.content_written.send(path, context=run.context)


def _report_template(run: _Run) -> Any:
    """The theme's report template, or None for a theme that has none (any other theme).

    Only a missing template falls back: a broken one stops the build, or the build would pass
    without the report that the privacy policy promises.
    """
    name = _setting(run.generator.settings, "PRIVACY_GUARD_REPORT_TEMPLATE")
    try:
        return run.generator.get_template(name)
    except PelicanTemplateNotFound:
        return None
    except TemplateError as error:
        _broken_report_template(name, error)


def _broken_report_template(name: str, error: TemplateError) -> NoReturn:
    where = in_template(error) or f"{error}; correct the template and build again"
    _stop(f"privacy guard: report template {name!r}: {where}")


def finish(pelican: Any) -> None:
    """After everything is written: audit, write the report page and headers, then judge."""
    settings = pelican.settings
    if not _setting(settings, "PRIVACY_GUARD_ENABLED"):
        return
    run = _RUNS.pop(id(settings), None) or _new_run(settings, {})
    output = Path(pelican.output_path)
    cache = _cache(settings)
    result = audit(output, run.policy, cache, _setting(settings, "PRIVACY_GUARD_WORKERS"))
    # What the audit proves, for plugins whose pages state it (the privacy policy says which
    # companies' servers the browser contacts): sent before the report page is written, so a
    # page a listener rewrites says the same as the report.
    audited.send(
        pelican,
        contacted=frozenset(use.recipient.id for use in result.third_parties if use.recipient),
        uses_javascript=result.uses_javascript,
    )
    result = _write_report_page(run, settings, output, result)
    if cache is not None:
        cache.save()
    if _setting(settings, "PRIVACY_GUARD_INJECT_META"):
        _inject_meta(output, result, run.csp_meta)
    if _setting(settings, "PRIVACY_GUARD_HEADERS"):
        write_header_files(output, security_headers(run.csp_header))
    strict = bool(_setting(settings, "PRIVACY_GUARD_FAIL_ON_WARNINGS"))
    failed = bool(result.errors or (strict and result.warnings))
    if result.errors or result.warnings:
        shown = _setting(settings, "PRIVACY_GUARD_MAX_FILES_SHOWN")
        report = render_text(result, shown, strict)
    else:
        report = summary_line(result)
    if failed:
        print(report, file=sys.stderr, end="" if report.endswith("\n") else "\n")
        _stop(summary_line(result, strict))
    problems = contradictions(run.declaration_file, run.declared_storage, result.uses_javascript)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        count = len(problems)
        _stop(
            f"privacy guard FAILED: the policy and this build disagree in {count} "
            f"place{'s' if count != 1 else ''} above"
        )
    # "passed" only once the whole build has: a strict build may still fail after the guard.
    deferred.say_after_success(report)


def _cache(settings: dict) -> ScanCache | None:
    enabled = _setting(settings, "PRIVACY_GUARD_CACHE")
    if enabled is None:
        enabled = settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")
    if not enabled:
        return None
    path = Path(settings.get("CACHE_PATH", "cache")) / "privacy_guard.json"
    return ScanCache(path, dataset_version())


def _write_report_page(run: _Run, settings: dict, output: Path, result: AuditResult):
    """Render /privacy/report/ from this audit, then audit that page too."""
    save_as = _setting(settings, "PRIVACY_GUARD_REPORT_SAVE_AS")
    if not save_as or run.generator is None:
        return result
    template = _report_template(run)
    if template is None:
        return result
    report = build_report(
        result, _build_date(), run.storage, run.recipient_names, _scripts(output, result)
    )
    writer = Writer(str(output), settings=settings)
    try:
        writer.write_file(save_as, template, run.context, settings.get("RELATIVE_URLS", False),
                          url=_setting(settings, "PRIVACY_GUARD_REPORT_URL"),
                          privacy_report=report)  # fmt: skip
    except TemplateError as error:  # e.g. it extends or includes a template that is missing
        _broken_report_template(template.name, error)
    path = save_as.replace(os.sep, "/")
    page = scan_file(path, (output / save_as).read_bytes(), file_type(save_as) or "html")
    scans = [scan for scan in result.scans if scan.path != path] + [page]
    return replace(judge(scans, run.policy), seconds=result.seconds,
                   cached_files=result.cached_files)  # fmt: skip


def _scripts(output: Path, result: AuditResult) -> list[Script]:
    """The site's own script files, each named and explained when the guard knows its bytes."""
    found = []
    for scan in result.scans:
        if scan.file_type != "js":
            continue
        found.append(Script(scan.path, describe((output / scan.path).read_bytes()) or ""))
    return found


def _build_date() -> datetime:
    """Now, or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def _inject_meta(output: Path, result: AuditResult, csp_meta: str) -> None:
    for scan in result.scans:
        if scan.file_type != "html":
            continue
        missing = {"csp", "referrer"} - scan.head_meta
        if missing:
            path = output / scan.path
            path.write_bytes(insert_into_head(path.read_bytes(), head_tags(csp_meta, missing)))
