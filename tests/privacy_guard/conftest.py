"""Fixtures for the privacy guard's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from guardkit import SITE, AuditFiles, write_files
from privacy_guard.audit import AuditResult, audit
from privacy_guard.policy import AuditPolicy


@pytest.fixture
def audit_files(tmp_path: Path) -> AuditFiles:
    """Write {relative path: text} into a fresh output folder and audit it."""

    def run(files: dict[str, str | bytes], policy: AuditPolicy | None = None) -> AuditResult:
        output = write_files(tmp_path / "output", files)
        return audit(output, policy or AuditPolicy.build(site_urls=[SITE]))

    return run
