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
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, getaddresses, make_msgid

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


def build_email(config: SmtpConfig, message: Message) -> EmailMessage:
    """The notification for one stored message.

    The fields "subject" and "name", when the form has them, reach headers: the inbox refused
    CR/LF in them, and the SMTP policy refuses it again.
    """
    mail = EmailMessage(policy=SMTP)
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
    mail["Subject"] = f"Contact #{message.id}: {subject}" if subject else f"Contact #{message.id}"
    mail["Reply-To"] = formataddr((message.fields.get("name", ""), message.email))
    lines = [f"Received {received} (#{message.id}).", ""]
    lines += [f"{name}: {value}" for name, value in message.fields.items()]
    mail.set_content("\n".join(lines) + "\n")
    return mail


def send(config: SmtpConfig, mail: EmailMessage) -> None:
    """Deliver one e-mail; raises OSError or smtplib.SMTPException when it cannot."""
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
        client.send_message(mail)
