"""Helpers for the privacy guard's tests: real files in a temporary output folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from privacy_guard.audit import AuditResult
from privacy_guard.findings import Finding, Severity

SITE = "https://example-shop.test"


def page(body: str = "", head: str = "") -> str:
    """A small but complete HTML page."""
    return (
        "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>Test</title>\n"
        f"{head}\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def errors(result: AuditResult) -> list[Finding]:
    return [f for f in result.findings if f.severity is Severity.ERROR]


def warnings(result: AuditResult) -> list[Finding]:
    return [f for f in result.findings if f.severity is Severity.WARNING]


AuditFiles = Callable[..., AuditResult]


def write_files(output: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = output / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return output
