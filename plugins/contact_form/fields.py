"""The contact form's field definitions: the one source both the form page and the inbox use.

The Pelican plugin reads them from the ``CONTACT_FIELDS`` setting and writes them into the
inbox manifest; the inbox reads them back through the same function, so the page and the
server can never disagree about what a valid message is. Pure Python: no Pelican import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from languages.strings import N_
from plugin_support import DiscreetError

FIELD_TYPES = ("text", "email", "textarea")
MAX_MAXLENGTH = 100_000
NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,39}")
DEFAULT_HONEYPOT = "website"
_KEYS = ("name", "label", "type", "required", "maxlength", "autocomplete")


class FieldDefinitionError(DiscreetError):
    """Field definitions that cannot work; ``str()`` gives one line per problem."""

    problems: list[str]


@dataclass(frozen=True)
class Field:
    """One form field. Single-line fields (all but textarea) may reach an e-mail header."""

    name: str
    label: str
    type: str = "text"
    required: bool = False
    maxlength: int = 200
    autocomplete: str | None = None

    @property
    def single_line(self) -> bool:
        return self.type != "textarea"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# The kit's labels are marked for the catalogues; a label of the owner's own stays as written.
DEFAULT_FIELDS: tuple[Field, ...] = (
    Field("name", N_("Your name"), "text", required=False, maxlength=100, autocomplete="name"),
    Field("email", N_("Your e-mail address"), "email", required=True, maxlength=254,
          autocomplete="email"),
    Field("subject", N_("Subject"), "text", required=False, maxlength=150, autocomplete="off"),
    Field("message", N_("Your message"), "textarea", required=True, maxlength=5000),
)  # fmt: skip


def email_field(fields: Sequence[Field]) -> Field:
    """The one e-mail field (``parse_fields`` guarantees there is exactly one)."""
    return next(field for field in fields if field.type == "email")


def parse_fields(
    raw: Any, where: str = "CONTACT_FIELDS", honeypot: str = DEFAULT_HONEYPOT
) -> tuple[Field, ...]:
    """Check raw definitions (list of mappings) and build Fields, or raise with every problem."""
    if raw is None:
        raw = DEFAULT_FIELDS  # still checked: the honeypot may take one of their names
    if not isinstance(raw, Sequence) or isinstance(raw, str | bytes) or not raw:
        raise FieldDefinitionError(
            [f"{where}: expected a non-empty list of field mappings, got {raw!r}"]
        )
    problems: list[str] = []
    fields: list[Field] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        path = f"{where}[{index}]"
        if isinstance(item, Field):
            item = item.as_dict()
        if not isinstance(item, Mapping):
            problems.append(f"{path}: expected a mapping with name, label, type, ... got {item!r}")
            continue
        field = _parse_one(item, path, problems)
        if field is None:
            continue
        if field.name in seen:
            problems.append(f"{path}.name: {field.name!r} is used twice; give each field its own")
        elif field.name == honeypot:
            problems.append(
                f"{path}.name: {field.name!r} is the honeypot's name; choose another name"
            )
        seen.add(field.name)
        fields.append(field)
    emails = [field.name for field in fields if field.type == "email"]
    if not problems and len(emails) != 1:
        problems.append(
            f"{where}: expected exactly one field of type 'email' (replies, export and erasure "
            f"find a person by it), found {len(emails)}"
        )
    if not problems and not any(field.name == emails[0] and field.required for field in fields):
        problems.append(f"{where}: the e-mail field {emails[0]!r} must have required: true")
    if problems:
        raise FieldDefinitionError(problems)
    return tuple(fields)


def _parse_one(item: Mapping[str, Any], path: str, problems: list[str]) -> Field | None:
    before = len(problems)
    unknown = sorted(set(item) - set(_KEYS))
    if unknown:
        problems.append(f"{path}: unknown key(s) {', '.join(map(str, unknown))}; known: "
                        f"{', '.join(_KEYS)}")  # fmt: skip
    name: object = item.get("name")
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        problems.append(
            f"{path}.name: expected lower-case letters, digits and _ starting with a letter "
            f"(at most 40), got {name!r}"
        )
    label: object = item.get("label")
    if not isinstance(label, str) or not label.strip():
        problems.append(f"{path}.label: expected the text shown next to the field, got {label!r}")
    kind = item.get("type", "text")
    if kind not in FIELD_TYPES:
        problems.append(f"{path}.type: expected one of {', '.join(FIELD_TYPES)}, got {kind!r}")
    required = item.get("required", False)
    if not isinstance(required, bool):
        problems.append(f"{path}.required: expected true or false, got {required!r}")
    maxlength = item.get("maxlength", 200)
    if (
        isinstance(maxlength, bool)
        or not isinstance(maxlength, int)
        or not 1 <= maxlength <= MAX_MAXLENGTH
    ):
        problems.append(
            f"{path}.maxlength: expected a whole number from 1 to {MAX_MAXLENGTH}, "
            f"got {maxlength!r}"
        )
    autocomplete = item.get("autocomplete")
    if autocomplete is not None and not isinstance(autocomplete, str):
        problems.append(
            f"{path}.autocomplete: expected an HTML autocomplete token, got {autocomplete!r}"
        )
    if len(problems) > before or not isinstance(name, str) or not isinstance(label, str):
        return None
    return Field(name, label.strip(), kind, required, maxlength, autocomplete)


def body_limit(fields: Sequence[Field]) -> int:
    """Largest request body a legitimate form can send, in bytes.

    Each character is at most 4 UTF-8 bytes, each byte at most 3 once percent-encoded (or a
    multipart header); a fixed allowance covers the honeypot, separators and boundaries.
    """
    return 4096 + sum(len(field.name) + 256 + field.maxlength * 12 for field in fields)


Labels = tuple[tuple[str, ...], tuple[str, ...]]  # the required fields' labels, the optional's


def published_fields(settings: Mapping[str, Any], lang: str | None = None) -> Labels | None:
    """The contact form's required and optional field labels, for the privacy policy's "must
    you give it?" (GDPR Art. 13(2)(e)); None when the fields are invalid (the contact form
    plugin reports that itself). `lang`: the labels as the form in that language shows them
    (the theme's catalogue, as contact_form.html translates them); None: as written."""
    shown = published_fields_in(settings, (lang,))
    return None if shown is None else shown[lang]


def published_fields_in(
    settings: Mapping[str, Any], languages: Sequence[str | None]
) -> dict[str | None, Labels] | None:
    """published_fields in each of `languages` (None: as written), the fields read once."""
    try:
        fields = parse_fields(
            settings.get("CONTACT_FIELDS"),
            honeypot=settings.get("CONTACT_HONEYPOT") or DEFAULT_HONEYPOT,
        )
    except FieldDefinitionError:
        return None
    labels = {}
    for lang in languages:
        shown: Callable[[str], str] = _as_written
        if lang is not None:
            from languages.catalogues import gettext_for

            shown = gettext_for(Path(str(settings.get("THEME") or "theme"), "translations"), lang)
        labels[lang] = (
            tuple(shown(field.label) for field in fields if field.required),
            tuple(shown(field.label) for field in fields if not field.required),
        )
    return labels


def _as_written(label: str) -> str:
    return label
