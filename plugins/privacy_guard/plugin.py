"""Pelican glue: settings, the CSP context variables, and the audit after every build.

Works on any Pelican site. How it reports, and why:

- The report is printed (stderr), never logged at warning level: a stale
  declaration or a third-party og:image must show without failing `make html`,
  which fails on any logged warning (strict-build, `pelican --fatal warnings`).
- Errors end the build with PrivacyGuardFailed, a one-line message after the
  printed report: `pelican` logs it and exits 1, strict-build prints it and
  keeps the previous output/. Logging an error instead would leave a plain
  `pelican` build exiting 0.
- PRIVACY_GUARD_FAIL_ON_WARNINGS = True makes warnings fail too (e.g. in publishconf.py).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import blinker
from jinja2 import TemplateError
from markupsafe import Markup
from pelican import signals
from pelican.generators import PelicanTemplateNotFound
from pelican.writers import Writer
from strict_build import expected_failures
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

DEFAULTS: dict[str, Any] = {
    "PRIVACY_GUARD_ENABLED": True,
    "PRIVACY_GUARD_DECLARATION": None,  # default: privacy.yml in the content folder, if there
    "PRIVACY_GUARD_SITE_URLS": [],  # more first-party origins (SITEURL counts already)
    "PRIVACY_GUARD_FORM_ACTION": [],  # more origins forms may post to (CONTACT_FORM_ACTION counts)
    "PRIVACY_GUARD_CSP_EXTRA": {},  # e.g. {"script-src": ["'unsafe-inline'"]} for a legacy theme
    "PRIVACY_GUARD_INJECT_META": True,  # add CSP/referrer <meta> to pages whose theme lacks them
    "PRIVACY_GUARD_HEADERS": True,  # write _headers, .htaccess and the nginx snippet
    "PRIVACY_GUARD_REPORT_URL": "privacy/report/",
    "PRIVACY_GUARD_REPORT_SAVE_AS": "privacy/report/index.html",  # "" to skip the page
    "PRIVACY_GUARD_REPORT_TEMPLATE": "privacy_report",
    "PRIVACY_GUARD_FAIL_ON_WARNINGS": False,
    "PRIVACY_GUARD_MAX_FILES_SHOWN": 20,  # the printed report's limit; the CLI shows all
    "PRIVACY_GUARD_CACHE": None,  # None: follow Pelican's CACHE_CONTENT / LOAD_CONTENT_CACHE
    "PRIVACY_GUARD_WORKERS": 1,  # more: scan large sites in that many forked processes
}


# Sent after each build's audit: sender the Pelican object; contacted: ids of the declared
# recipients whose hosts the built files make the browser contact; uses_javascript.
audited = blinker.signal("privacy_guard.audited")


class PrivacyGuardFailed(Exception):
    """The audit found errors (the report above says where), or the declaration is unusable."""

    exitcode = 1


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
    expected_failures.install()
    signals.initialized.connect(set_defaults)
    signals.generator_init.connect(prepare)
    signals.all_generators_finalized.connect(remember_generator)
    signals.finalized.connect(finish)


def set_defaults(pelican: Any) -> None:
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


def _setting(settings: dict, name: str) -> Any:
    return settings.get(name, DEFAULTS[name])


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
        try:
            declaration = load(declaration_file)
        except DeclarationUnavailable as e:
            raise PrivacyGuardFailed(f"privacy guard: unusable declaration: {e}") from e
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
            raise PrivacyGuardFailed(
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
        raise _broken_report_template(name, error) from None


def _broken_report_template(name: str, error: TemplateError) -> PrivacyGuardFailed:
    where = in_template(error) or f"{error}; correct the template and build again"
    return PrivacyGuardFailed(f"privacy guard: report template {name!r}: {where}")


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
    if result.errors or result.warnings:
        shown = _setting(settings, "PRIVACY_GUARD_MAX_FILES_SHOWN")
        print(render_text(result, shown, strict), file=sys.stderr, end="")
    else:
        print(summary_line(result), file=sys.stderr)
    if result.errors or (strict and result.warnings):
        raise PrivacyGuardFailed(summary_line(result, strict))
    problems = contradictions(run.declaration_file, run.declared_storage, result.uses_javascript)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        count = len(problems)
        raise PrivacyGuardFailed(
            f"privacy guard FAILED: the policy and this build disagree in {count} "
            f"place{'s' if count != 1 else ''} above"
        )


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
        raise _broken_report_template(template.name, error) from None
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
