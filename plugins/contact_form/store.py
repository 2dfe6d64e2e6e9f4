"""The inbox's SQLite store: messages, the notification outbox, and discard counters.

WAL mode with synchronous=FULL, so a message is on disk when the visitor gets the thanks
page; secure_delete, so erased or expired messages do not linger in free pages.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from plugin_support import DiscreetError

SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY,
    received_at TEXT NOT NULL,            -- ISO 8601, UTC
    email TEXT NOT NULL,                  -- the sender's address, as validated
    fields TEXT NOT NULL                  -- JSON object: field name -> value
);
CREATE INDEX IF NOT EXISTS messages_by_email ON messages (lower(email));
CREATE INDEX IF NOT EXISTS messages_by_time ON messages (received_at);
CREATE TABLE IF NOT EXISTS outbox (
    message_id INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT
);
CREATE TABLE IF NOT EXISTS discarded (
    day TEXT NOT NULL,
    reason TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, reason)
);
"""
# PRAGMA user_version of the schema above; 0 is a new file, or one from before versions were
# kept, which has the same tables: it is used as it is, so reading it needs no write access.
SCHEMA_VERSION = 1
TABLES = {"messages", "outbox", "discarded"}
MESSAGE_COLUMNS = ["id", "received_at", "email", "fields"]


# The outbox's next_attempt_at of a notification given up: later than any real moment, so it is
# never due again, and the same text in every database (no schema change).
GIVEN_UP = "9999-12-31T23:59:59.999999+00:00"

DAMAGED_HINT = "restore it from a backup, or salvage it with the sqlite3 tool's .recover"


class StoreError(DiscreetError):
    """A database file the inbox must not use: another program's, a newer inbox's, damaged."""


# How long erase and purge wait for other readers of the database to let the deleted text go.
CHECKPOINT_WAIT = 10.0
BUSY_TIMEOUT_MS = 30_000  # writers queue this long for each other


class Lingering(Exception):
    """Rows were deleted, but another reader keeps their text in the database files."""

    def __init__(self, deleted: int, waited: float) -> None:
        super().__init__(deleted, waited)
        self.deleted = deleted
        self.waited = waited


def now_utc() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Message:
    id: int
    received_at: datetime
    email: str
    fields: dict[str, str]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "received_at": _iso(self.received_at),
            "email": self.email,
            "fields": self.fields,
        }


@dataclass(frozen=True)
class PendingNotification:
    message: Message
    attempts: int


class Store:
    """Thread-safe access to one inbox database; each thread keeps its own connection.

    ``create``: make a new database where no file exists (only `serve` does). A file that is
    there is never turned into a database: an empty one may be a backup that failed to copy.
    """

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self._local = threading.local()
        # Writers queue here rather than in SQLite's busy handler, which sleeps in coarse steps.
        self._write_lock = threading.Lock()
        self._existed = self.path.exists()
        if self._existed:
            self._refuse_empty()
        elif not create:
            raise StoreError(f"{self.path}: no inbox database here")
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        old_umask = os.umask(0o077)  # the database holds personal data: owner-only
        try:
            if self._needs_schema():
                self._connection().executescript(
                    f"BEGIN; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                )
        finally:
            os.umask(old_umask)

    def _refuse_empty(self) -> None:
        """SQLite would take an empty file for a new database and write one into it."""
        if self.path.is_file() and self.path.stat().st_size == 0:
            raise StoreError(
                f"{self.path}: an empty file (0 bytes), not an inbox database; restore the "
                "database from a backup, or delete the file if `contact-inbox serve` should "
                "start a new inbox there"
            )

    def _needs_schema(self) -> bool:
        """Whether the tables must be created; raise StoreError before changing a foreign file.

        A plain connection looks first: the real one switches the file to WAL mode.
        """
        probe = sqlite3.connect(self.path, isolation_level=None)
        try:
            version = int(probe.execute("PRAGMA user_version").fetchone()[0])
            tables = probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            names = sorted(name for (name,) in tables)
            columns = [row[1] for row in probe.execute("PRAGMA table_info(messages)")]
        finally:
            probe.close()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer contact-inbox (schema {version}, this one "
                f"knows {SCHEMA_VERSION}); upgrade Discreet before using this database"
            )
        if not names and self._existed:
            raise StoreError(
                f"{self.path}: an SQLite database with no tables, not an inbox database; pass "
                "--db with the path `contact-inbox serve` uses"
            )
        if names and columns != MESSAGE_COLUMNS:
            raise StoreError(
                f"{self.path}: an SQLite database but not a contact inbox (tables: "
                f"{', '.join(names)}); pass --db with the path `contact-inbox serve` uses"
            )
        return version < SCHEMA_VERSION and not TABLES.issubset(names)

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA secure_delete=ON")
            self._local.db = db
        return db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self._connection()
        with self._write_lock:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def check_intact(self) -> None:
        """Raise StoreError if the file is damaged: messages stored there may never be read."""
        problems = [row[0] for row in self._connection().execute("PRAGMA quick_check(1)")]
        if problems != ["ok"]:
            found = " ".join(problems[0].split())  # SQLite reports over several lines
            raise StoreError(
                f"{self.path}: the inbox database is damaged ({found}); {DAMAGED_HINT}"
            )

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    # -- messages -------------------------------------------------------------------------

    def add_message(
        self, email: str, fields: dict[str, str], *, notify: bool, received_at: datetime | None
    ) -> int:
        """Store a message (and its pending notification) in one committed transaction."""
        moment = received_at or now_utc()
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO messages (received_at, email, fields) VALUES (?, ?, ?)",
                (_iso(moment), email, json.dumps(fields, ensure_ascii=False)),
            )
            message_id = int(cursor.lastrowid or 0)
            if notify:
                db.execute(
                    "INSERT INTO outbox (message_id, next_attempt_at) VALUES (?, ?)",
                    (message_id, _iso(moment)),
                )
        return message_id

    def messages(self) -> list[Message]:
        rows = self._connection().execute("SELECT * FROM messages ORDER BY id").fetchall()
        return [_message(row) for row in rows]

    def message(self, message_id: int) -> Message | None:
        row = (
            self._connection()
            .execute("SELECT * FROM messages WHERE id = ?", (message_id,))
            .fetchone()
        )
        return _message(row) if row else None

    def messages_from(self, email: str) -> list[Message]:
        rows = (
            self._connection()
            .execute("SELECT * FROM messages WHERE lower(email) = lower(?) ORDER BY id", (email,))
            .fetchall()
        )
        return [_message(row) for row in rows]

    def erase(self, email: str, wait: float = CHECKPOINT_WAIT) -> int:
        """Delete every message from ``email`` (and its pending notification), and make sure
        no copy of them remains in the files; raises Lingering when one does after ``wait``."""
        with self._transaction() as db:
            count = db.execute(
                "DELETE FROM messages WHERE lower(email) = lower(?)", (email,)
            ).rowcount
        self._checkpoint(count, wait)
        return count

    def purge_before(self, cutoff: datetime, wait: float = CHECKPOINT_WAIT) -> int:
        """Delete messages received before ``cutoff`` (retention); raises Lingering as erase."""
        with self._transaction() as db:
            count = db.execute(
                "DELETE FROM messages WHERE received_at < ?", (_iso(cutoff),)
            ).rowcount
        if count:
            self._checkpoint(count, wait)
        return count

    def _checkpoint(self, deleted: int, wait: float) -> None:
        """Fold the write-ahead log into the database and empty it, so that deleted rows are
        gone from both files (secure_delete zeroes them in the database's pages).

        A program reading the database holds the old pages, and with them the deleted text,
        until its read ends: SQLite's busy handler waits up to ``wait`` for that, and the
        checkpoint says whether it finished. Its answer is never ignored.
        """
        db = self._connection()
        db.execute(f"PRAGMA busy_timeout = {max(0, int(wait * 1000))}")
        try:
            busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if busy:
            raise Lingering(deleted, wait)

    # -- discarded submissions (honeypot, rate limit) -----------------------------------

    def count_discarded(self, reason: str, moment: datetime | None = None) -> None:
        day = (moment or now_utc()).date().isoformat()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO discarded (day, reason, count) VALUES (?, ?, 1) "
                "ON CONFLICT (day, reason) DO UPDATE SET count = count + 1",
                (day, reason),
            )

    def discarded(self) -> dict[str, int]:
        rows = self._connection().execute(
            "SELECT reason, SUM(count) FROM discarded GROUP BY reason ORDER BY reason"
        )
        return {reason: int(total) for reason, total in rows}

    # -- outbox ---------------------------------------------------------------------------

    def claim_due(self, lease: timedelta, limit: int = 20) -> list[PendingNotification]:
        """Take due notifications; the lease keeps other workers off them meanwhile."""
        now = now_utc()
        with self._transaction() as db:
            rows = db.execute(
                "SELECT m.*, o.attempts FROM outbox o JOIN messages m ON m.id = o.message_id "
                "WHERE o.next_attempt_at <= ? ORDER BY o.next_attempt_at LIMIT ?",
                (_iso(now), limit),
            ).fetchall()
            db.executemany(
                "UPDATE outbox SET next_attempt_at = ? WHERE message_id = ?",
                [(_iso(now + lease), row[0]) for row in rows],
            )
        return [PendingNotification(_message(row[:4]), int(row[4])) for row in rows]

    def notification_sent(self, message_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM outbox WHERE message_id = ?", (message_id,))

    def notification_failed(self, message_id: int, error: str, retry_at: datetime) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                "WHERE message_id = ?",
                (_iso(retry_at), error[:500], message_id),
            )

    def notification_given_up(self, message_id: int, error: str) -> None:
        """No more attempts; the row stays, so `list` can say how many were given up."""
        with self._transaction() as db:
            db.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                "WHERE message_id = ?",
                (GIVEN_UP, error[:500], message_id),
            )

    def pending_notifications(self) -> int:
        query = "SELECT COUNT(*) FROM outbox WHERE next_attempt_at != ?"
        return int(self._connection().execute(query, (GIVEN_UP,)).fetchone()[0])

    def given_up_notifications(self) -> int:
        query = "SELECT COUNT(*) FROM outbox WHERE next_attempt_at = ?"
        return int(self._connection().execute(query, (GIVEN_UP,)).fetchone()[0])


def _message(row: tuple) -> Message:
    try:
        fields = json.loads(row[3])
        if not isinstance(fields, dict):
            raise ValueError(f"fields: expected a JSON object, got {row[3]!r}")
        return Message(
            id=int(row[0]),
            received_at=datetime.fromisoformat(row[1]),
            email=row[2],
            fields={str(name): str(value) for name, value in fields.items()},
        )
    except (ValueError, TypeError) as error:  # a row another program wrote
        raise StoreError(
            f"message #{row[0]} cannot be read ({error}); another program changed it: "
            "correct or delete that row"
        ) from error
