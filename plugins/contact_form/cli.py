"""``contact-inbox``: run the inbox, and answer the rights of the people who wrote.

serve | list | show ID | export --email ADDR | erase --email ADDR | purge
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import signal
import socket
import sqlite3
import sys
import unicodedata
from collections.abc import Sequence
from datetime import UTC
from pathlib import Path
from typing import NoReturn

from email_validator import EmailNotValidError

from .app import create_app, origins_served_at, url_host
from .fields import body_limit
from .runtime import (
    DB_ENV,
    InboxError,
    bundle_dir,
    checked_origins,
    database_error,
    default_db_path,
    open_inbox,
    open_store,
)
from .store import CHECKPOINT_WAIT, Lingering, Message, StoreError, now_utc
from .validation import normalized_address


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        status = args.command(args)
        sys.stdout.flush()  # a full disk shows here, not as a message at interpreter exit
        return status
    except BrokenPipeError:  # the reader stopped, as `| head` does: nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except InboxError as error:
        print(f"contact-inbox: {error}", file=sys.stderr)
        return 2
    except sqlite3.Error as error:  # e.g. a damaged page met halfway through `list`
        print(f"contact-inbox: {database_error(args.db or default_db_path(), error)}",
              file=sys.stderr)  # fmt: skip
        return 2
    except StoreError as error:  # a row that does not read as a message
        print(f"contact-inbox: {args.db or default_db_path()}: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # every file we read is checked; this is the output
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"contact-inbox: cannot write the output ({error.strerror})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


class _OneLineParser(argparse.ArgumentParser):
    """Usage mistakes get one line, like every other error (the usage is in --help)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}; see {self.prog} --help\n")


def _parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog="contact-inbox", description="The self-hosted inbox behind the contact form."
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    db_help = f"the inbox database (default: ${DB_ENV}, else the user data directory)"

    def command(name: str, handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", type=Path, help=db_help)
        sub.set_defaults(command=handler)
        return sub

    serve = command("serve", _serve, "run the inbox (and with --site, the built site too)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    serve.add_argument("--site", type=Path, help="the built site to serve too, e.g. output")
    _bundle_option(serve)
    serve.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="URL",
        help="another origin whose pages may post the form (repeatable)",
    )
    serve.add_argument(
        "--trusted-proxy",
        metavar="ADDRESS",
        help="the reverse proxy's address (e.g. 127.0.0.1); its X-Forwarded-For is believed",
    )
    serve.add_argument("--threads", type=int, default=8)
    command("list", _list, "list the stored messages")
    show = command("show", _show, "print one message")
    show.add_argument("id", type=_message_id)
    export = command("export", _export, "all messages of one person as JSON (access requests)")
    export.add_argument("--email", required=True, type=_address)
    erase = command("erase", _erase, "delete all messages of one person (erasure requests)")
    erase.add_argument("--email", required=True, type=_address)
    _wait_option(erase)
    purge = command("purge", _purge, "delete messages older than the declared retention now")
    purge.add_argument("--site", type=Path, help="the built site whose bundle to read")
    _bundle_option(purge)
    _wait_option(purge)
    return parser


def _wait_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        type=_seconds,
        default=CHECKPOINT_WAIT,
        metavar="SECONDS",
        help="how long to wait for other programs reading the database to let the deleted "
        f"text go (default {CHECKPOINT_WAIT:g})",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 3600:
        raise argparse.ArgumentTypeError(f"expected seconds from 0 to 3600, got {text!r}")
    return value


def _message_id(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if not 1 <= number < 2**63:
        raise argparse.ArgumentTypeError(
            f"expected a message number as `contact-inbox list` shows it, got {text!r}"
        )
    return number


def _address(text: str) -> str:
    """The address as the inbox stored it, so that a request finds every message."""
    try:
        return normalized_address(text.strip())
    except EmailNotValidError as error:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not one e-mail address ({error}); give it as name@example.com"
        ) from error


def _bundle_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bundle",
        type=Path,
        help="the build's inbox bundle (default: $CONTACT_INBOX_BUNDLE, else "
        "<site>/.contact-inbox, else output/.contact-inbox)",
    )


def _serve(args: argparse.Namespace) -> int:
    from waitress.server import create_server

    from .proxy import WsgiApp, behind_proxy

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    if not 0 <= args.port <= 65535:
        raise InboxError(f"--port {args.port}: expected 0 to 65535 (0 picks a free port)")
    if args.threads < 1:
        raise InboxError(f"--threads {args.threads}: expected at least 1 (requests would wait)")
    if args.trusted_proxy and args.trusted_proxy != "*":
        try:
            ipaddress.ip_address(args.trusted_proxy)
        except ValueError as error:
            raise InboxError(
                f"--trusted-proxy: expected the proxy's IP address (e.g. 127.0.0.1), "
                f"got {args.trusted_proxy!r}"
            ) from error
    inbox = open_inbox(
        db=args.db,
        bundle=args.bundle,
        site=args.site,
        extra_origins=checked_origins(args.allow_origin, "--allow-origin"),
    )
    # Listen first: `--port 0` picks the port, and with --site the pages served from that
    # address are one of the form's origins, which the application is made with.
    sockets, port = _listen(args.host, args.port)
    served = origins_served_at(args.host, port) if args.site is not None else frozenset()
    app: WsgiApp = create_app(inbox, served)
    if args.trusted_proxy:  # translated by proxy.behind_proxy, not by waitress (see there)
        app = behind_proxy(app, args.trusted_proxy)
    try:
        server = create_server(
            app,
            sockets=sockets,
            threads=args.threads,
            # waitress would buffer up to 1 GiB before the application could say 413; bodies a
            # little over the form's limit still get the application's own 413 page.
            max_request_body_size=16 * body_limit(inbox.bundle.manifest.fields),
            # Without a trusted proxy waitress removes X-Forwarded-For; with one, behind_proxy does.
            clear_untrusted_proxy_headers=not args.trusted_proxy,
        )
    except OSError as error:
        _close(sockets)
        raise InboxError(f"cannot listen on {args.host}:{port}: {error}") from error
    inbox.maintenance.start()
    url = f"http://{url_host(args.host)}:{port}/"
    print(f"contact-inbox: serving {url} database {inbox.store.path}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        inbox.maintenance.stop()
    return 0


def _listen(host: str, port: int) -> tuple[list[socket.socket], int]:
    """A bound socket for each address `host` names (as waitress would bind them), all on one
    port: `port`, or with 0 the one the system picks for the first."""
    try:
        found = socket.getaddrinfo(host or None, port, socket.AF_UNSPEC, socket.SOCK_STREAM,
                                   socket.IPPROTO_TCP, socket.AI_PASSIVE)  # fmt: skip
    except (socket.gaierror, UnicodeError) as error:
        raise InboxError(
            f"--host {host}: cannot listen there ({error}); give an address of this machine, "
            "e.g. 127.0.0.1"
        ) from error
    sockets: list[socket.socket] = []
    addresses = dict.fromkeys((family, address) for family, *_, address in found)
    try:
        for family, address in addresses:
            listener = socket.socket(family, socket.SOCK_STREAM)
            sockets.append(listener)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:  # an IPv6 socket answers IPv6 only, as waitress's
                listener.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            listener.bind((address[0], port, *address[2:]))  # IPv6: its flow and scope
            port = listener.getsockname()[1]
    except OSError as error:
        _close(sockets)
        raise InboxError(f"cannot listen on {host}:{port}: {error}") from error
    return sockets, port


def _close(sockets: list[socket.socket]) -> None:
    for listener in sockets:
        listener.close()


def _list(args: argparse.Namespace) -> int:
    store = open_store(args.db, must_exist=True)
    messages = store.messages()
    for message in messages:
        summary = message.fields.get("subject") or _first_line(message)
        print(f"{message.id:>6}  {_when(message)}  {_visible(message.email)}  {_visible(summary)}")
    discarded = store.discarded()
    spam = ", ".join(f"{reason} {count}" for reason, count in discarded.items()) or "none"
    given_up = store.given_up_notifications()
    print(
        f"{len(messages)} message(s); discarded: {spam}; "
        f"notifications pending: {store.pending_notifications()}"
        + (f", given up: {given_up} (see the inbox's log)" if given_up else ""),
        file=sys.stderr,
    )
    return 0


def _show(args: argparse.Namespace) -> int:
    message = open_store(args.db, must_exist=True).message(args.id)
    if message is None:
        raise InboxError(f"no message #{args.id}; `contact-inbox list` shows the ids")
    print(f"Message:   #{message.id}")
    print(f"Received:  {_when(message)}")
    print(f"E-mail:    {_visible(message.email)}")
    for name, value in message.fields.items():
        if "\n" in value:
            lines = (_visible(line, single_line=False) for line in value.split("\n"))
            print(f"{_visible(name)}:\n" + "\n".join(f"  {line}" for line in lines))
        else:
            print(f"{_visible(name)}: {_visible(value)}")
    return 0


def _export(args: argparse.Namespace) -> int:
    messages = open_store(args.db, must_exist=True).messages_from(args.email)
    document = {
        "email": args.email,
        "exported_at": now_utc().isoformat(timespec="seconds"),
        "messages": [message.as_dict() for message in messages],
    }
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    print()
    print(f"exported {len(messages)} message(s) from {args.email}", file=sys.stderr)
    return 0


def _erase(args: argparse.Namespace) -> int:
    store = open_store(args.db, must_exist=True)
    try:
        count = store.erase(args.email, args.wait)
    except Lingering as lingering:
        return _lingering(store, lingering, f"erase --email {args.email}")
    print(f"erased {count} message(s) from {args.email}; no copy remains in {store.path}")
    return 0


def _lingering(store, lingering: Lingering, command: str) -> int:
    """Deleted, but not yet gone from the files: say so, and how to finish (exit status 1)."""
    print(
        f"contact-inbox: deleted {lingering.deleted} message(s), but their text is still in "
        f"{store.path} and its -wal file: another program has been reading the database for "
        f"over {lingering.waited:g} s (an sqlite3 shell, a backup?); close it, then run "
        f"`contact-inbox {command}` again to finish",
        file=sys.stderr,
    )
    return 1


def _purge(args: argparse.Namespace) -> int:
    from .bundle import BundleError, load_bundle
    from .policy import ContactPolicyError, load_policy

    store = open_store(args.db, must_exist=True)
    try:  # the bundle, not a bare declaration: its errors say to build the site
        policy = load_policy(load_bundle(bundle_dir(args.bundle, args.site)).declaration_path)
    except (BundleError, ContactPolicyError, OSError) as error:
        raise InboxError(str(error)) from error
    cutoff = policy.cutoff(now_utc())
    try:
        count = store.purge_before(cutoff, args.wait)
    except Lingering as lingering:
        return _lingering(store, lingering, "purge")
    print(
        f"deleted {count} message(s) received before {cutoff:%Y-%m-%d %H:%M} UTC "
        f"(retention {policy.retention_text}, {policy.retention_iso})"
    )
    return 0


# Bidirectional formatting characters: they reorder what follows them on the line, so a name
# could show as another, or push text over the columns of `list`.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible in a one-line value: controls, format characters (zero-width space, joiners, word
# joiner, byte-order mark...), line and paragraph separators, unassigned and private code points.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})


def _visible(text: str, *, single_line: bool = True) -> str:
    """``text`` as a terminal shows it truthfully: what could spoof or hide is written as \\u
    escapes. In a message's lines only bidirectional and control characters are, so that
    joiners keep their place in emoji and in scripts that need them."""

    def shown(char: str) -> str:
        hidden = char in _BIDI or (
            unicodedata.category(char) in _HIDDEN_CATEGORIES
            if single_line
            else unicodedata.category(char) == "Cc" and char != "\t"
        )
        return f"\\u{ord(char):04x}" if hidden else char

    if text.isascii() and text.isprintable():
        return text
    return "".join(shown(char) for char in text)


def _when(message: Message) -> str:
    return message.received_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def _first_line(message: Message) -> str:
    text = next((value for value in message.fields.values() if "\n" in value), "")
    first = text.split("\n", 1)[0] if text else ""
    return first[:60]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
