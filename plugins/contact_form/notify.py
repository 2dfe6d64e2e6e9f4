"""SMTP notification to the owner, configured only by environment variables.

By default the e-mail says only that message #N arrived, so no personal data leaves the
server; CONTACT_SMTP_INCLUDE_MESSAGE=1 puts the message in it (with Reply-To the sender).
"""

from __future__ import annotations

import ipaddress
import re
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.header import Header
from email.message import EmailMessage
from email.policy import SMTP, SMTPUTF8, Policy
from email.utils import getaddresses, make_msgid

from plugin_support import DiscreetError

from .store import Message

SECURITY_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("", "0", "false", "no", "off")


class NotifyConfigError(DiscreetError):
    """Environment variables that cannot configure SMTP; one line per problem."""


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str
    sender: str
    recipient: str
    user: str | None = None
    password: str | None = None
    timeout: float = 20.0
    include_message: bool = False
    retry_seconds: float = 60.0

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SmtpConfig | None:
        """None when CONTACT_SMTP_HOST is unset: notifications are then off."""
        host = env.get("CONTACT_SMTP_HOST", "").strip()
        if not host:
            return None
        problems: list[str] = []
        if not _host_name(host):
            problems.append(
                f"CONTACT_SMTP_HOST: expected a host name or IP address such as "
                f"mail.example.com (the port goes in CONTACT_SMTP_PORT), got {host!r}"
            )
        security = env.get("CONTACT_SMTP_SECURITY", "starttls").strip().lower()
        if security not in SECURITY_MODES:
            problems.append(
                f"CONTACT_SMTP_SECURITY: expected one of {', '.join(SECURITY_MODES)}, "
                f"got {security!r}"
            )
            security = "starttls"
        port = _number(env, "CONTACT_SMTP_PORT", DEFAULT_PORTS[security], problems, int, 65535)
        timeout = _number(env, "CONTACT_SMTP_TIMEOUT", 20.0, problems, float, 600)
        retry = _number(env, "CONTACT_SMTP_RETRY_SECONDS", 60.0, problems, float, 86400)
        sender = env.get("CONTACT_SMTP_FROM", "").strip()
        recipient = env.get("CONTACT_SMTP_TO", "").strip()
        for name, value in (("CONTACT_SMTP_FROM", sender), ("CONTACT_SMTP_TO", recipient)):
            if not _one_address(value):
                problems.append(f"{name}: expected one e-mail address, got {value!r}")
        include_word = env.get("CONTACT_SMTP_INCLUDE_MESSAGE", "").strip().lower()
        if include_word not in (*TRUE_WORDS, *FALSE_WORDS):
            problems.append(
                f"CONTACT_SMTP_INCLUDE_MESSAGE: expected one of {', '.join(TRUE_WORDS)} or "
                f"{', '.join(FALSE_WORDS[1:])}, got {include_word!r}"
            )
        user = env.get("CONTACT_SMTP_USER") or None
        password = env.get("CONTACT_SMTP_PASSWORD") or None
        if bool(user) != bool(password):
            problems.append("CONTACT_SMTP_USER and CONTACT_SMTP_PASSWORD: set both or neither")
        if problems:
            raise NotifyConfigError("\n".join(problems))
        include = include_word in TRUE_WORDS
        return cls(
            host, int(port), security, sender, recipient, user, password, timeout, include, retry
        )


def _number(env, name, default, problems, kind, maximum):
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = -1
    if not value > 0:  # NaN as well
        problems.append(f"{name}: expected a positive number, got {raw!r}")
        return default
    if value > maximum:  # inf as well
        problems.append(f"{name}: expected at most {maximum}, got {raw!r}")
        return default
    return value


def _host_name(host: str) -> bool:
    """A name or an IP address: no scheme, no port, no spaces (smtplib would just fail)."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return re.fullmatch(r"[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9])?", host) is not None


def _one_address(value: str) -> bool:
    """One address, with or without a display name; "a@x, b@y" or "@" are not."""
    if any(c in value for c in "\r\n"):
        return False
    pairs = getaddresses([value])
    if len(pairs) != 1:
        return False
    local, _, domain = pairs[0][1].rpartition("@")
    return bool(local and domain) and not any(c.isspace() for c in pairs[0][1])


# Visitor text bound for a header: C0/C1 controls, DEL and Unicode line or paragraph separators.
_NOT_IN_HEADERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# An address that stands alone in a header: no spaces, quotes, brackets, commas or controls.
_PLAIN_ADDRESS = re.compile(r"[^\s\"<>()\[\],;:\\@]+@[^\s\"<>()\[\],;:\\@]+")


@dataclass(frozen=True)
class EncodedHeader:
    """A header holding visitor text, written by us as RFC 2047 encoded words.

    Python's header parser decodes encoded words it is given (a subject made of
    ``=?utf-8?b?...?=``) back into CR/LF, and the folder of Python 3.11.7 and 3.12.1 then writes
    them out raw: a new header line of the visitor's choosing. An object with ``name`` and
    ``fold()`` is stored and written as it is (EmailPolicy's header object protocol), so the
    email package never parses visitor text, on any Python.
    """

    name: str
    value: str  # printable ASCII (UTF-8 only in an address sent with SMTPUTF8), folded

    @classmethod
    def text(cls, name: str, text: str) -> EncodedHeader:
        return cls(name, _encoded_words(name, text))

    def fold(self, *, policy: Policy) -> str:
        return f"{self.name}: {self.value.replace(chr(10), policy.linesep)}{policy.linesep}"

    def __str__(self) -> str:
        return self.value


def _encoded_words(name: str, text: str) -> str:
    """Visitor text as encoded words only, never raw: nothing in it is read as syntax."""
    clean = _NOT_IN_HEADERS.sub(" ", text)
    return Header(clean, "utf-8", header_name=name).encode(linesep="\n")


def _reply_address(address: str, smtputf8: bool) -> str | None:
    """The sender's address as a header may carry it, or None when it cannot."""
    if not _PLAIN_ADDRESS.fullmatch(address) or _NOT_IN_HEADERS.search(address):
        return None
    if address.isascii() or smtputf8:
        return address
    local, _, domain = address.rpartition("@")
    if not local.isascii():  # only SMTPUTF8 carries a non-ASCII local part
        return None
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        return None


def build_email(config: SmtpConfig, message: Message, *, smtputf8: bool = False) -> EmailMessage:
    """The notification for one stored message.

    Visitor text reaches headers only through EncodedHeader. ``smtputf8``: the mail server
    takes UTF-8 headers, so a non-ASCII address can be the Reply-To.
    """
    mail = EmailMessage(policy=SMTPUTF8 if smtputf8 else SMTP)
    mail["From"] = config.sender
    mail["To"] = config.recipient
    mail["Message-ID"] = make_msgid(domain=config.sender.rpartition("@")[2])
    received = message.received_at.strftime("%Y-%m-%d %H:%M UTC")
    command = f"contact-inbox show {message.id}"
    if not config.include_message:
        mail["Subject"] = f"New contact message #{message.id}"
        mail.set_content(f"A message arrived on {received}.\nRead it on the server: {command}\n")
        return mail
    subject = message.fields.get("subject", "")
    title = f"Contact #{message.id}: {subject}" if subject else f"Contact #{message.id}"
    mail["Subject"] = EncodedHeader.text("Subject", title)
    lines = [f"Received {received} (#{message.id}).", ""]
    address = _reply_address(message.email, smtputf8)
    if address is not None:
        name = message.fields.get("name", "").strip()
        phrase = f"{_encoded_words('Reply-To', name)} " if name else ""
        mail["Reply-To"] = EncodedHeader("Reply-To", f"{phrase}<{address}>")
    elif message.email:
        lines += ["Reply by hand: this address cannot be a Reply-To here, as the mail server "
                  "does not take international addresses (SMTPUTF8).", ""]  # fmt: skip
    lines += [f"{name}: {value}" for name, value in message.fields.items()]
    text = "\n".join(lines) + "\n"
    mail.set_content(text, cte=None if text.isascii() else "quoted-printable")
    return mail


def send(config: SmtpConfig, message: Message) -> None:
    """Deliver the notification for one message; raises OSError or smtplib.SMTPException when
    it cannot. The e-mail is built once the server said whether it takes SMTPUTF8."""
    context = ssl.create_default_context()
    if config.security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            config.host, config.port, timeout=config.timeout, context=context
        )
    else:
        client = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
    with client:
        if config.security == "starttls":
            client.starttls(context=context)
        if config.user and config.password:
            client.login(config.user, config.password)
        client.ehlo_or_helo_if_needed()
        smtputf8 = client.has_extn("smtputf8")
        mail = build_email(config, message, smtputf8=smtputf8)
        international = smtputf8 and not str(mail.get("Reply-To", "")).isascii()
        client.send_message(mail, mail_options=["SMTPUTF8"] if international else [])
