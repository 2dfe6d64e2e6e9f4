"""Single values of the declaration, each validated with a message in our own words.

Every type here replaces pydantic's own check, so that a wrong value is
reported as what was expected and what to write, never as library jargon. The
JSON Schema each type publishes says the same thing to an editor.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from pydantic import PlainSerializer, PlainValidator, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from .countries import codes, country_problem
from .durations import (
    FIXED_PATTERN,
    STORAGE_PATTERN,
    Duration,
    DurationFormatError,
    parse_duration,
)
from .errors import one_of, quoted
from .languages import language_codes

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
_ID = re.compile(r"[a-z][a-z0-9_]*")
_SLUG = re.compile(r"[a-z0-9][a-z0-9_.-]*")
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_LANGUAGE = re.compile(r"(?P<language>[a-z]{2,3})(?:-[A-Z][a-z]{3})?(?:-(?P<region>[A-Z]{2}))?")
_TAG_PATTERN = "^" + re.sub(r"\?P<\w+>", "", _LANGUAGE.pattern) + "$"  # the same, for JSON Schema
_PHONE = re.compile(r"\+?[0-9][0-9 ()./-]*[0-9]")


def invalid(message: str) -> PydanticCustomError:
    """A validation error whose whole text is ours (braces in `message` are safe)."""
    return PydanticCustomError("discreet", "{message}", {"message": message})


def _scalar(
    check: Callable[[Any], Any],
    schema: dict[str, Any],
    serialize: Callable[[Any], str] | None = None,
) -> tuple[Any, ...]:
    """Metadata for Annotated[...]: our validator, our JSON Schema, optional serializer."""
    extra = (PlainSerializer(serialize, return_type=str),) if serialize else ()
    return (PlainValidator(check), WithJsonSchema(schema), *extra)


def _text(value: object) -> str:
    if not isinstance(value, str):
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise invalid(f'expected text, got {quoted(value)}; put it in quotes: "{value}"')
        if isinstance(value, dict) and value and all(map(is_language_tag, value)):
            raise invalid(
                "is the same in every language (names, addresses, numbers and codes are not "
                "translated); write it once, as plain text"
            )
        raise invalid(f"expected text, got {quoted(value)}")
    if not value.strip():
        raise invalid("is empty; write the text or remove the key if it is optional")
    return value.strip()


def _plain_name(value: object) -> str:
    """Pelican and themes treat SITENAME and AUTHOR as HTML; the declared name becomes both."""
    text = _text(value)
    if "<" in text or ">" in text:
        raise invalid(
            f"{quoted(text)} holds < or >, which every page would read as HTML; "
            "write the name as plain text"
        )
    return text


def _identifier(value: object) -> str:
    text = _text(value)
    if _ID.fullmatch(text):
        return text
    fixed = re.sub(r"[^a-z0-9_]+", "_", text.lower()).strip("_")
    hint = f" (e.g. {fixed})" if fixed and _ID.fullmatch(fixed) else ""
    raise invalid(
        f"{quoted(text)} is not a valid id; use lower-case letters, digits and _, "
        f"starting with a letter{hint}"
    )


def _slug(value: object) -> str:
    text = _text(value)
    if _SLUG.fullmatch(text):
        return text
    raise invalid(
        f"{quoted(text)} is not a valid name; use lower-case letters, digits, _, - and ., "
        "e.g. matomo"
    )


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise invalid(f"expected true or false, got {quoted(value)}")


def _country(value: object) -> str:
    problem = country_problem(value)
    if problem:
        raise invalid(problem)
    return str(value)


def email_problem(text: str) -> str | None:
    """Why `text` is not an e-mail address; None when it is one."""
    try:
        validate_email(text, check_deliverability=False, test_environment=True)
    except EmailNotValidError as error:
        reason = str(error).rstrip(".")
        return (
            f"{quoted(text)} is not a valid e-mail address ({reason[:1].lower() + reason[1:]}); "
            "write it like privacy@example.com"
        )
    return None


def phone_problem(text: str) -> str | None:
    """Why `text` is not a phone number; None when it is one."""
    if _PHONE.fullmatch(text) and sum(ch.isdigit() for ch in text) >= 6:
        return None
    return (
        f"{quoted(text)} is not a phone number; write digits with the country code, "
        'e.g. "+49 30 1234567"'
    )


def _checked_text(problem: Callable[[str], str | None]) -> Callable[[object], str]:
    def check(value: object) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            raise invalid(f'expected text in quotes, got {quoted(value)}; write "{value}"')
        text = _text(value)
        message = problem(text)
        if message:
            raise invalid(message)
        return text

    return check


def _web_url(value: object) -> str:
    text = _text(value)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        fixed = f"https://{text}" if "://" not in text and "." in text else "https://example.com/…"
        raise invalid(f"{quoted(text)} is not a web address; write the full URL, e.g. {fixed}")
    return text


def _site_url(value: object) -> str:
    """The site's own origin, normalised to scheme://host[:port] with a lower-case host."""
    text = _text(value)
    parts = urlsplit(text if "://" in text else f"//{text}")
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        raise invalid(f"{quoted(text)} has an invalid port number") from None
    origin = f"{host}:{port}" if port else host
    if not parts.scheme:
        raise invalid(f"{quoted(text)} is not an absolute URL; write https://{origin or text}")
    local = host in LOCAL_HOSTS
    if parts.scheme != "https" and not (parts.scheme == "http" and local):
        raise invalid(
            f"{quoted(text)} must use https (http only for localhost); write https://{origin}"
        )
    if parts.username or parts.password or host_problem(host, allow_local=True):
        raise invalid(f"{quoted(text)} has no valid host; write it like https://example.com")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise invalid(
            f"{quoted(text)} must be the origin only, without a path, query or fragment; "
            f"write {parts.scheme}://{origin}"
        )
    return f"{parts.scheme}://{origin}"


def host_problem(host: str, allow_local: bool = False, allow_wildcard: bool = False) -> str | None:
    """Why `host` is not a bare, lower-case host name or IP address; None when it is."""
    name = host[2:] if allow_wildcard and host.startswith("*.") else host
    if allow_local and name in LOCAL_HOSTS:
        return None
    try:
        ipaddress.ip_address(name)
        return None
    except ValueError:
        pass
    labels = name.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return "is not a host name"
    return None


def _host(value: object) -> str:
    text = _text(value).lower()
    problem = host_problem(text, allow_wildcard=True)
    if problem is None:
        return text
    bare = urlsplit(text if "://" in text else f"//{text}").hostname
    hint = (
        f"write the bare host: {bare}"
        if bare and bare != text and host_problem(bare) is None
        else "write a bare host like cdn.example.com (or *.example.com for all its subdomains)"
    )
    raise invalid(f"{quoted(text)} {problem}; {hint}")


def _language(value: object) -> str:
    text = _text(value)
    if is_language_tag(text):
        return text
    raise invalid(f"{quoted(text)} is not a language tag; write a code like en, de or en-GB")


def is_language_tag(value: object) -> bool:
    """True for a language tag this declaration accepts (en, de, en-GB, zh-Hant-TW)."""
    match = _LANGUAGE.fullmatch(value) if isinstance(value, str) else None
    region = match and match["region"]
    known = match and match["language"] in language_codes()
    return bool(known and (region is None or region in codes()))


class Translatable:
    """Marks a field of prose, which the owner writes in each of the site's languages.

    `keywords` are plain words of the file that the same field also takes (sources: data_subject,
    browser); they are not prose and are never translated.
    """

    def __init__(self, keywords: tuple[str, ...] = ()) -> None:
        self.keywords = frozenset(keywords)

    def __repr__(self) -> str:
        return f"Translatable({sorted(self.keywords)})"


# Raised for a text-per-language mapping that lacks the language being read, or holds no text
# there: the translations check (translations.py) names each such problem at its own key, so
# messages.py drops this one instead of reporting the same mistake twice.
UNTRANSLATED = "untranslated"


def _prose(value: object, info: ValidationInfo) -> str:
    """A plain text, or a mapping of language tag -> text read in the language being validated
    (the context's `language`; without one, the first written)."""
    if not isinstance(value, dict):
        return _text(value)
    language = (info.context or {}).get("language")
    chosen = value.get(language) if language else next(iter(value.values()), None)
    if not isinstance(chosen, str) or not chosen.strip():
        raise PydanticCustomError(UNTRANSLATED, "no text in this language")
    return chosen.strip()


def prose(*keywords: str) -> tuple[Any, ...]:
    """Metadata for Annotated[str, *prose()]: one text, or one per language."""
    one = {"type": "string", "minLength": 1}
    per_language = {
        "type": "object",
        "description": "The text in each of the site's languages, e.g. {de: ..., en: ...}.",
        "propertyNames": {"pattern": _TAG_PATTERN},
        "additionalProperties": one,
        "minProperties": 1,
    }
    return (
        PlainValidator(_prose),
        WithJsonSchema({"anyOf": [one, per_language]}),
        Translatable(keywords),
    )


def _duration(storage: bool) -> Callable[[object], Duration]:
    def check(value: object) -> Duration:
        try:
            return parse_duration(value, storage=storage)
        except DurationFormatError as error:
            raise invalid(str(error)) from None

    return check


def _value(member: StrEnum) -> str:
    return member.value


def choice(
    enum: type[StrEnum], what: str, several: Callable[[list[Any]], str] | None = None
) -> tuple[Any, ...]:
    """Metadata for Annotated[enum, *choice(enum, what)]: 'did you mean' for near misses;
    `several` explains why a list of values has no place where one is expected."""
    values = [member.value for member in enum]

    def check(value: object) -> StrEnum:
        if isinstance(value, str) and value in values:
            return enum(value)
        if several is not None and isinstance(value, list):
            raise invalid(several(value))
        raise invalid(one_of(value, values, what))

    return _scalar(check, {"type": "string", "enum": values}, _value)


Text = Annotated[str, *_scalar(_text, {"type": "string", "minLength": 1})]
# Prose: text that people read in their own language, written once per language on a site of
# several (a purpose, a label, a consequence); Text stays for what is the same in every language.
Prose = Annotated[str, *prose()]
PlainName = Annotated[
    str, *_scalar(_plain_name, {"type": "string", "minLength": 1, "pattern": "^[^<>]*$"})
]
Slug = Annotated[str, *_scalar(_slug, {"type": "string", "pattern": "^[a-z0-9][a-z0-9_.-]*$"})]
Identifier = Annotated[
    str, *_scalar(_identifier, {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"})
]
Flag = Annotated[bool, *_scalar(_flag, {"type": "boolean"})]
Country = Annotated[str, *_scalar(_country, {"type": "string", "enum": sorted(codes())})]
Email = Annotated[
    str, *_scalar(_checked_text(email_problem), {"type": "string", "format": "email"})
]
Phone = Annotated[
    str,
    *_scalar(
        _checked_text(phone_problem), {"type": "string", "pattern": r"^\+?[0-9][0-9 ()./-]*[0-9]$"}
    ),
]
WebUrl = Annotated[
    str, *_scalar(_web_url, {"type": "string", "format": "uri", "pattern": "^https?://"})
]
SiteUrl = Annotated[
    str,
    *_scalar(
        _site_url,
        {
            "type": "string",
            "pattern": r"^(https://[^/?#]+|http://(localhost|127\.0\.0\.1)(:\d+)?)/?$",
        },
    ),
]
Host = Annotated[str, *_scalar(_host, {"type": "string", "pattern": r"^(\*\.)?[A-Za-z0-9.:-]+$"})]
Language = Annotated[
    str,
    *_scalar(
        _language,
        {"type": "string", "pattern": _TAG_PATTERN},
    ),
]
Period = Annotated[
    Duration,
    *_scalar(_duration(False), {"type": "string", "pattern": FIXED_PATTERN}, lambda d: d.iso),
]
StorageDuration = Annotated[
    Duration,
    *_scalar(_duration(True), {"type": "string", "pattern": STORAGE_PATTERN}, lambda d: d.iso),
]
