"""Retention and the rights of the people who write: purge, export, erase."""

from __future__ import annotations

import json
from datetime import timedelta

from contact_form.store import Store, now_utc
from inbox_harness import VALID, cli, start_inbox, stored


def seed(db, *rows):
    """Store messages as if they had arrived ``age`` ago: (email, subject, age)."""
    store = Store(db)
    for email, subject, age in rows:
        store.add_message(
            email,
            {**VALID, "email": email, "subject": subject},
            notify=False,
            received_at=now_utc() - age,
        )
    store.close()


def test_purge_deletes_exactly_the_messages_past_the_declared_retention(tmp_path, bundle):
    db = tmp_path / "inbox.sqlite3"
    seed(
        db,
        ("old@example.com", "seven months", timedelta(days=213)),
        ("edge@example.com", "five months", timedelta(days=152)),
        ("new@example.com", "today", timedelta(minutes=1)),
    )

    result = cli("purge", "--db", str(db), "--bundle", str(bundle))

    assert result.returncode == 0, result.stderr
    assert "deleted 1 message(s)" in result.stdout and "P6M" in result.stdout
    assert [m.fields["subject"] for m in stored(db)] == ["five months", "today"]


def test_serve_purges_at_start(tmp_path, bundle):
    db = tmp_path / "inbox.sqlite3"
    seed(
        db,
        ("old@example.com", "ancient", timedelta(days=400)),
        ("n@example.com", "new", timedelta()),
    )

    inbox = start_inbox(db, bundle)
    inbox.stop()

    assert [m.fields["subject"] for m in stored(db)] == ["new"]
    assert "retention: deleted 1 message(s)" in inbox.log


def test_export_gives_all_messages_of_one_person_as_json(inbox):
    inbox.post(VALID)
    inbox.post({**VALID, "email": "grace@example.com", "subject": "Other person"})
    inbox.post({**VALID, "email": "ADA@Example.com", "subject": "Second from Ada"})

    result = cli("export", "--email", "ada@example.com", "--db", str(inbox.db))

    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["email"] == "ada@example.com"
    subjects = [m["fields"]["subject"] for m in document["messages"]]
    assert subjects == ["Opening hours", "Second from Ada"]
    assert all("received_at" in m and "id" in m for m in document["messages"])


def test_erase_removes_every_message_of_one_person_and_nothing_else(inbox):
    inbox.post(VALID)
    inbox.post({**VALID, "email": "grace@example.com", "message": "keep me"})
    inbox.post({**VALID, "email": "Ada@Example.com"})

    result = cli("erase", "--email", "ada@example.com", "--db", str(inbox.db))

    assert result.returncode == 0, result.stderr
    assert "erased 2 message(s)" in result.stdout
    assert [m.email for m in stored(inbox.db)] == ["grace@example.com"]
    assert (
        json.loads(cli("export", "--email", "ada@example.com", "--db", str(inbox.db)).stdout)[
            "messages"
        ]
        == []
    )
    # secure_delete and a checkpoint: the erased text is gone from the files, not just hidden.
    for path in inbox.db.parent.glob(inbox.db.name + "*"):
        assert b"Are you open on Saturdays" not in path.read_bytes()


def test_commands_on_a_missing_database_explain_in_one_line(tmp_path):
    for args in (["list"], ["show", "1"], ["export", "--email", "a@example.com"], ["purge"]):
        result = cli(*args, "--db", str(tmp_path / "nowhere.sqlite3"))
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "no inbox database" in result.stderr
        assert "Traceback" not in result.stderr


def test_show_unknown_id_and_purge_without_bundle_fail_cleanly(inbox, tmp_path):
    unknown = cli("show", "99", "--db", str(inbox.db))
    no_bundle = cli("purge", "--db", str(inbox.db), "--bundle", str(tmp_path / "none"))

    assert unknown.returncode == 2 and "no message #99" in unknown.stderr
    assert no_bundle.returncode == 2 and "Traceback" not in no_bundle.stderr
    assert no_bundle.stderr.count("\n") == 1
    # It said "declaration.yml: file not found; create it from the declaration example".
    assert "build the site first" in no_bundle.stderr, no_bundle.stderr


def test_default_database_lives_in_the_user_data_directory(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg"), "CONTACT_INBOX_DB": ""}
    result = cli("list", env=env)

    assert result.returncode == 2
    assert str(tmp_path / "xdg" / "discreet" / "contact-inbox.sqlite3") in result.stderr


def test_contact_inbox_db_variable_chooses_the_database(inbox):
    inbox.post(VALID)

    result = cli("list", env={"CONTACT_INBOX_DB": str(inbox.db)})

    assert result.returncode == 0 and "ada@example.com" in result.stdout


def test_running_inbox_purges_again_periodically(tmp_path):
    from contact_form.background import Maintenance
    from inbox_harness import wait_for

    db = tmp_path / "inbox.sqlite3"
    store = Store(db)
    maintenance = Maintenance(
        store, lambda now: now - timedelta(days=183), smtp=None, purge_every=timedelta(seconds=0.2)
    )
    maintenance.start()
    try:
        # Arrives after the start-up purge, already past the retention period.
        seed(
            db,
            ("late@example.com", "expired", timedelta(days=200)),
            ("n@example.com", "new", timedelta()),
        )
        wait_for(lambda: [m.fields["subject"] for m in stored(db)] == ["new"], timeout=10,
                 what="the periodic purge")  # fmt: skip
    finally:
        maintenance.stop()


def test_export_and_erase_find_the_person_however_the_address_is_typed(inbox):
    inbox.post(VALID)

    exported = cli("export", "--email", " ada@EXAMPLE.com ", "--db", str(inbox.db))
    erased = cli("erase", "--email", "ada@Example.Com\n", "--db", str(inbox.db))

    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(exported.stdout)["messages"]) == 1
    assert erased.returncode == 0 and "erased 1 message(s)" in erased.stdout, erased.stderr
    assert stored(inbox.db) == []


def test_an_address_that_is_not_one_is_refused_and_nothing_is_erased(inbox):
    inbox.post(VALID)

    for address in ("Ada <ada@example.com>", "ada at example.com", "", "\udcff@example.com"):
        for command in ("export", "erase"):
            result = cli(command, "--email", address, "--db", str(inbox.db))
            assert result.returncode == 2, (command, address, result.stdout)
            assert "Traceback" not in result.stderr, result.stderr
            assert result.stderr.count("\n") == 1 and "--email" in result.stderr, result.stderr
    assert len(stored(inbox.db)) == 1


def test_show_with_an_id_out_of_range_explains_in_one_line(inbox):
    result = cli("show", "99999999999999999999999", "--db", str(inbox.db))

    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "message number" in result.stderr


def test_export_to_a_full_disk_or_a_closed_pipe_ends_without_a_traceback(inbox):
    import subprocess
    import sys

    from inbox_harness import ROOT

    inbox.post(VALID)
    command = [sys.executable, "-m", "contact_form.cli", "export", "--email", "ada@example.com",
               "--db", str(inbox.db)]  # fmt: skip
    with open("/dev/full", "w") as full:  # every write fails with ENOSPC
        to_full = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True,
                                 cwd=ROOT, timeout=60)  # fmt: skip
    reader = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    reader.stdout.close()  # like `| head -0`: nobody reads the export
    _, closed_pipe_err = reader.communicate(timeout=60)

    assert to_full.returncode != 0
    assert "Traceback" not in to_full.stderr and to_full.stderr.count("\n") == 1, to_full.stderr
    assert "No space left" in to_full.stderr
    assert reader.returncode != 0
    assert b"Traceback" not in closed_pipe_err and b"Exception ignored" not in closed_pipe_err
