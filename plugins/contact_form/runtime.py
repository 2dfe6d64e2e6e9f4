"""Assemble an inbox from paths and the environment (shared by the CLI and the WSGI entry).

The database lives outside the site and the repository by default: in the user's data
directory (``$XDG_DATA_HOME/discreet/contact-inbox.sqlite3`` on Linux), or where
``--db``/CONTACT_INBOX_DB says.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path

from deploy.host_rules import HostRulesError, load_host_rules
from platformdirs import user_data_path
from plugin_support import DiscreetError

from .app import Inbox
from .background import Maintenance
from .bundle import BUNDLE_DIR, BundleError, load_bundle
from .notify import NotifyConfigError, SmtpConfig
from .policy import ContactPolicyError, load_policy, origin_of
from .store import DAMAGED_HINT, Store, StoreError

DB_ENV = "CONTACT_INBOX_DB"
BUNDLE_ENV = "CONTACT_INBOX_BUNDLE"


class InboxError(DiscreetError):
    """A user mistake the CLI reports in one line (exit status 2)."""


def default_db_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get(DB_ENV):
        return Path(env[DB_ENV]).expanduser()
    return user_data_path("discreet", appauthor=False) / "contact-inbox.sqlite3"


def bundle_dir(
    bundle: Path | None, site: Path | None, env: Mapping[str, str] | None = None
) -> Path:
    """--bundle, else $CONTACT_INBOX_BUNDLE, else <site>/.contact-inbox, else the default."""
    env = os.environ if env is None else env
    if bundle is not None:
        return Path(bundle)
    if env.get(BUNDLE_ENV):
        return Path(env[BUNDLE_ENV]).expanduser()
    return Path(site or "output") / BUNDLE_DIR


def checked_origins(origins: Sequence[str], source: str) -> tuple[str, ...]:
    """Origins the inbox will really match; one it cannot read would be silently ignored."""
    for origin in origins:
        if not origin_of(origin):
            raise InboxError(
                f"{source}: expected an origin like https://shop.example.com, got {origin!r}"
            )
    return tuple(origins)


def open_store(db: Path | None, *, must_exist: bool = False) -> Store:
    """The inbox database; ``must_exist`` (every command but `serve`): never create one, and
    refuse a damaged one, whose answers (an export, a count of erased messages) would be short.
    """
    path = Path(db) if db is not None else default_db_path()
    if path.is_dir():
        raise InboxError(f"{path}: is a folder; give the database file's path, e.g. "
                         f"{path / 'contact-inbox.sqlite3'}")  # fmt: skip
    for folder in path.parents:
        if folder.exists() and not folder.is_dir():
            raise InboxError(f"{path}: {folder} is not a folder; give another --db path")
    if must_exist and not path.exists():
        raise InboxError(
            f"{path}: no inbox database here; pass --db PATH or set {DB_ENV} to the one "
            "`contact-inbox serve` uses"
        )
    try:
        store = Store(path, create=not must_exist)
        if must_exist:  # a command that reads: what it answers must be whole
            store.check_intact()
        return store
    except StoreError as error:
        raise InboxError(str(error)) from error
    except sqlite3.Error as error:
        raise database_error(path, error) from error
    except OSError as error:
        raise InboxError(f"{path}: cannot open the inbox database ({error})") from error


def database_error(path: Path, error: sqlite3.Error) -> InboxError:
    """One line for a database SQLite cannot use: damaged, or not writable for this user."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF  # primary result code
    if code == sqlite3.SQLITE_NOTADB:
        return InboxError(
            f"{path}: not an SQLite database; pass --db with the inbox database's path "
            f"(or, if it is the inbox: {DAMAGED_HINT})"
        )
    if code == sqlite3.SQLITE_CORRUPT:
        return InboxError(f"{path}: the inbox database is damaged ({error}); {DAMAGED_HINT}")
    return InboxError(
        f"{path}: cannot use the inbox database ({error}); check that this user may write "
        "the file and its folder"
    )


def open_inbox(
    *,
    db: Path | None,
    bundle: Path | None,
    site: Path | None,
    env: Mapping[str, str] | None = None,
    extra_origins: tuple[str, ...] = (),
    proxies: int = 0,
) -> Inbox:
    """Load bundle, declaration and SMTP settings; any problem raises one InboxError."""
    env = os.environ if env is None else env
    if site is not None and not Path(site, "index.html").is_file():
        raise InboxError(f"{site}: no index.html; build the site first (make html)")
    from site_search.serve import SearchBundleError, load_search

    try:
        loaded = load_bundle(bundle_dir(bundle, site, env))
        policy = load_policy(loaded.declaration_path)
        smtp = SmtpConfig.from_env(env)
        rules = load_host_rules(Path(site)) if site is not None else None
        search = load_search(loaded.directory)  # None: the build made no search
    except (
        BundleError, ContactPolicyError, NotifyConfigError, HostRulesError, SearchBundleError
    ) as error:  # fmt: skip
        raise InboxError(str(error)) from error
    db_path = Path(db) if db is not None else default_db_path(env)
    if site is not None and Path(site).resolve() in path_parents(db_path):
        raise InboxError(
            f"{db_path}: the database must not live inside the served site {site}; "
            "pass --db with a path elsewhere"
        )
    store = open_store(db_path)
    try:
        store.check_intact()
    except StoreError as error:
        raise InboxError(str(error)) from error
    except sqlite3.Error as error:
        raise database_error(db_path, error) from error
    return Inbox(
        store=store,
        bundle=loaded,
        policy=policy,
        maintenance=Maintenance(store, policy.cutoff, smtp),
        site_root=Path(site).resolve() if site is not None else None,
        site_rules=rules,
        extra_origins=extra_origins,
        proxies=proxies,
        search=search,
    )


def path_parents(path: Path) -> list[Path]:
    return list(Path(path).resolve().parents)
