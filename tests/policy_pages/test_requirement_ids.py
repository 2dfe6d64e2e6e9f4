"""The requirement ids in the code and the checklist (policy-requirements.md) stay in step.

The checklist is the research the policy pages answer to; a section builder that claims an id
the checklist lacks, or a checklist row that no code decides, means the two have drifted apart
(issue 13: the shared checklist had lost fourteen ids the code used). No build needed: the ids
are read from the code itself.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from policy_pages.catalog import CATALOG
from policy_pages.coverage import FURTHER_PROCESSING
from sitebuild import ROOT

# A verbatim copy of shared/policy-requirements.md, so the tests need nothing outside the repo.
CHECKLIST = Path(__file__).parent / "fixtures" / "policy-requirements.md"
POLICY_CODE = ROOT / "plugins" / "policy_pages"
# A disclosure's id: area.name (gdpr.rights.access has two dots). Section 1.8's site.* rows
# are the privacy guard's and the declaration check's checks of the built site, no disclosure.
DISCLOSURE_ID = re.compile(r"(?:#req-)?((?:meta|gdpr|uk|ccpa|caloppa|pipeda|cookies|imprint)"
                           r"\.[a-z0-9_]+(?:\.[a-z0-9_]+)?)")  # fmt: skip


def checklist_ids(section: str = "") -> list[str]:
    """The ids of the checklist's table rows, in order (those of one `### 1.x` section)."""
    text = CHECKLIST.read_text(encoding="utf-8")
    if section:
        text = text.split(f"### {section}")[1].split("\n### ")[0]
    return re.findall(r"^\| ([a-z]+\.[a-z0-9_.]+) \|", text, re.MULTILINE)


def ids_in_code() -> dict[str, str]:
    """Every string in the policy pages' code that is a requirement id, with where it is."""
    found: dict[str, str] = {}
    for path in sorted(POLICY_CODE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                match = DISCLOSURE_ID.fullmatch(node.value)
                if match:
                    found.setdefault(match[1], f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_id_the_code_uses_has_a_checklist_row() -> None:
    rows = set(checklist_ids())
    missing = {rid: where for rid, where in ids_in_code().items() if rid not in rows}
    assert not missing, f"ids without a row in {CHECKLIST.name}: {missing}"


def test_every_disclosure_row_is_decided_by_the_code() -> None:
    decided = [requirement.id for requirement in CATALOG] + [FURTHER_PROCESSING]
    site_checks = set(checklist_ids("1.8"))
    rows = [rid for rid in checklist_ids() if rid not in site_checks]
    assert sorted(rows) == sorted(decided)
    assert len(decided) == len(set(decided)), "an id twice in policy_pages.catalog.CATALOG"


def test_no_id_has_two_rows() -> None:
    rows = checklist_ids()
    assert sorted(rid for rid in set(rows) if rows.count(rid) > 1) == []


def test_the_scan_finds_ids_where_the_code_writes_them() -> None:
    """The scan is no test that cannot fail: it sees the ids written in meets= and in links."""
    found = ids_in_code()
    assert found["cookies.withdraw"].startswith("plugins/policy_pages/")
    assert "gdpr.complaint_no_lead_authority" in found
    assert "ccpa.categories_collected" in found  # written as "#req-ccpa.categories_collected"
