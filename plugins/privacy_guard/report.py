"""The audit as people and programs read it: text grouped by file, or JSON."""

from __future__ import annotations

import json
from itertools import groupby

from .audit import AuditResult
from .findings import Severity

_SHOWN = (Severity.ERROR, Severity.WARNING)  # declared third parties go in the summary


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def summary_line(result: AuditResult, fail_on_warnings: bool = False) -> str:
    """One line for a build log."""
    declared = sum(1 for use in result.third_parties if use.declared)
    undeclared = len(result.third_parties) - declared
    verdict = "FAILED" if result.errors or (fail_on_warnings and result.warnings) else "passed"
    return (
        f"privacy guard {verdict}: {_plural(result.errors, 'error')}, "
        f"{_plural(result.warnings, 'warning')}; {_plural(result.files_scanned, 'file')} "
        f"scanned ({_plural(result.pages_scanned, 'page')}); third-party hosts: "
        f"{declared} declared, {undeclared} undeclared; in {result.seconds:.2f} s"
        + (
            f" ({_plural(result.cached_files, 'unchanged file')} reused)"
            if result.cached_files
            else ""
        )
    )


def render_text(
    result: AuditResult, max_files: int | None = None, fail_on_warnings: bool = False
) -> str:
    """Errors and warnings grouped by file with line numbers, then the declared hosts."""
    lines = [summary_line(result, fail_on_warnings)]
    shown = [finding for finding in result.findings if finding.severity in _SHOWN]
    files = [(path, list(group)) for path, group in groupby(shown, key=lambda f: f.file)]
    for path, findings in files[:max_files]:
        lines += ["", path]
        for finding in findings:
            where = f"line {finding.line}" if finding.line is not None else "declaration"
            lines.append(f"  {where}: {finding.severity.value}: {finding.message}")
    if max_files is not None and len(files) > max_files:
        hidden = files[max_files:]
        count = sum(len(findings) for _, findings in hidden)
        lines += [
            "",
            f"... and {_plural(count, 'more finding')} in {_plural(len(hidden), 'more file')} "
            f"(the privacy-guard command or --format json lists them all)",
        ]
    hints = dict.fromkeys(finding.hint for finding in shown if finding.hint)
    if hints:
        lines += ["", "how to fix:"] + [f"  - {hint}" for hint in hints]
    declared = [(use, use.recipient) for use in result.third_parties if use.recipient]
    if declared:
        lines += ["", "declared third parties:"]
        lines += [
            f"  {use.host}: {recipient.name} ({recipient.purpose}), {_plural(use.files, 'file')}"
            for use, recipient in declared
        ]
    return "\n".join(lines) + "\n"


def render_json(result: AuditResult) -> str:
    summary = {
        "passed": result.errors == 0,
        "errors": result.errors,
        "warnings": result.warnings,
        "declared": result.count(Severity.INFO),
        "files_scanned": result.files_scanned,
        "pages_scanned": result.pages_scanned,
        "uses_javascript": result.uses_javascript,
        "tracker_families": list(result.tracker_families),
        "third_party_hosts": [
            {
                "host": use.host,
                "entity": use.entity.label if use.entity else None,
                "category": use.entity.category if use.entity else None,
                "declared": use.declared,
                "recipient": use.recipient.id if use.recipient else None,
                "files": use.files,
            }
            for use in result.third_parties
        ],
        "seconds": round(result.seconds, 3),
    }
    findings = [finding.to_dict() for finding in result.findings]
    return json.dumps({"findings": findings, "summary": summary}, indent=2) + "\n"
