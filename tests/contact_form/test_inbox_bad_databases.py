"""A --db that is not this inbox's database is refused in one line and left exactly as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from contact_form.store import Store
from inbox_harness import cli, stored

COMMANDS = (
    ("list",),
    ("show", "1"),
    ("export", "--email", "ada@example.com"),
    ("erase", "--email", "ada@example.com"),
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def another_programs_database(path: Path) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        db.execute("INSERT INTO moz_places (url) VALUES ('https://example.com/')")
    return path


def newer_inbox_database(path: Path) -> Path:
    stored(path)  # a real inbox database, created by the store
    db = sqlite3.connect(path, isolation_level=None)
    try:  # all in the main file, so that its digest says it all
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA user_version = 99")
    finally:
        db.close()
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (another_programs_database, "not a contact inbox"),
        (newer_inbox_database, "newer contact-inbox"),
    ],
)
def test_a_database_that_is_not_ours_is_refused_untouched(tmp_path, bundle, make, words):
    db = make(tmp_path / "other.sqlite3")
    before = digest(db)

    serve = ("serve", "--port", "0", "--bundle", str(bundle))
    for command in (*COMMANDS, serve):
        result = cli(*command, "--db", str(db))
        assert result.returncode == 2, (command, result.stderr)
        assert words in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr

    assert digest(db) == before


def test_a_database_from_before_schema_versions_is_still_opened(tmp_path):
    db = tmp_path / "inbox.sqlite3"
    with sqlite3.connect(db) as old:  # the tables as the first release created them
        old.execute(
            "CREATE TABLE messages (id INTEGER PRIMARY KEY, received_at TEXT NOT NULL, "
            "email TEXT NOT NULL, fields TEXT NOT NULL)"
        )
        old.execute(
            "INSERT INTO messages VALUES (1, '2026-01-01T00:00:00+00:00', 'ada@example.com', "
            """'{"message": "hello"}')"""
        )

    result = cli("list", "--db", str(db))

    assert result.returncode == 0, result.stderr
    assert "ada@example.com" in result.stdout


def damaged_database(path: Path) -> Path:
    """An inbox whose message pages were overwritten, as a failing disk leaves it."""
    store = Store(path)
    for number in range(60):
        fields = {"email": "ada@example.com", "message": f"message {number} " + "x" * 2000}
        store.add_message("ada@example.com", fields, notify=False, received_at=None)
    store.close()
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = DELETE")
    finally:
        db.close()
    with path.open("r+b") as raw:
        raw.seek(8 * 4096)
        raw.write(bytes(range(256)) * 64)
    return path


def test_a_damaged_database_gets_one_line_from_every_command(tmp_path, bundle):
    db = damaged_database(tmp_path / "inbox.sqlite3")

    serve = ("serve", "--port", "0", "--bundle", str(bundle))
    for command in (*COMMANDS[:1], *COMMANDS[2:], serve):
        result = cli(*command, "--db", str(db))
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1 and "damaged" in result.stderr, result.stderr


def test_a_db_path_that_is_a_folder_or_under_a_file_is_explained(tmp_path, bundle):
    (tmp_path / "notes.txt").write_text("not a folder")
    serve = ("serve", "--port", "0", "--bundle", str(bundle))
    cases = [
        (("list",), tmp_path, "is a folder"),
        (serve, tmp_path, "is a folder"),
        (serve, tmp_path / "notes.txt" / "inbox.sqlite3", "notes.txt is not a folder"),
    ]
    for command, db, words in cases:
        result = cli(*command, "--db", str(db))
        assert result.returncode == 2, result.stdout
        assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("column", "value"), [("fields", "not json"), ("fields", "[1, 2]"), ("received_at", "today")]
)
def test_a_row_changed_by_another_program_is_named_in_one_line(tmp_path, column, value):
    db = tmp_path / "inbox.sqlite3"
    store = Store(db)
    store.add_message("ada@example.com", {"message": "hello"}, notify=False, received_at=None)
    store.close()
    with closing(sqlite3.connect(db)) as edit, edit:
        edit.execute(f"UPDATE messages SET {column} = ? WHERE id = 1", (value,))

    for command in (("list",), ("show", "1"), ("export", "--email", "ada@example.com")):
        result = cli(*command, "--db", str(db))
        assert result.returncode == 2, (command, result.stdout)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1 and "message #1" in result.stderr, result.stderr
