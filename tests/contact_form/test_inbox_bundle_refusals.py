"""A damaged inbox bundle stops `contact-inbox serve` with one line naming the file and key."""

from __future__ import annotations

import json

import pytest
from contact_form.bundle import FORM_TEMPLATE, MANIFEST
from inbox_harness import cli


def change_manifest(**changes):
    def change(bundle):
        manifest = json.loads((bundle / MANIFEST).read_text(encoding="utf-8"))
        manifest.update(changes)
        for key, value in changes.items():
            if value is None:
                del manifest[key]
        (bundle / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")

    return change


def break_form_template(bundle):
    (bundle / FORM_TEMPLATE).write_text("<form>{% if %}</form>", encoding="utf-8")


DAMAGE = {
    "notice is text": (change_manifest(notice="x"), "notice"),
    "rate limit unreadable": (change_manifest(rate_limit="lots"), "rate_limit"),
    "action not a URL": (change_manifest(action="http://[bad/contact/send"), "action"),
    "action missing": (change_manifest(action=None), "action: missing"),
    "allowed origins a number": (change_manifest(allowed_origins=5), "allowed_origins"),
    "allowed origin not a URL": (change_manifest(allowed_origins=["http://[x"]), "allowed_origins"),
    "honeypot a number": (change_manifest(honeypot=5), "honeypot"),
    "form template broken": (break_form_template, FORM_TEMPLATE),
}


@pytest.mark.parametrize("case", DAMAGE, ids=list(DAMAGE))
def test_damaged_bundle_stops_serve_with_one_line(tmp_path, bundle, case):
    damage, words = DAMAGE[case]
    damage(bundle)

    result = cli("serve", "--port", "0", "--db", str(tmp_path / "i.sqlite3"), "--bundle",
                 str(bundle))  # fmt: skip

    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert words in result.stderr and str(bundle) in result.stderr, result.stderr
