"""Check a decoded submission against the field definitions.

Answers for each field either a clean value or one message the visitor can act on. The same
``Field`` definitions built the form page, so the browser's HTML5 checks and these agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email

from .fields import Field

# C0 controls, DEL and C1 controls (U+009B is a terminal's CSI when `show` prints a message);
# tab is allowed everywhere, a line feed only in multi-line fields.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029\x85]")


@dataclass
class Checked:
    """Outcome of a check: ``values`` holds what the visitor typed (cleaned where valid)."""

    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    email: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


def check_submission(fields: Sequence[Field], pairs: Sequence[tuple[str, str]]) -> Checked:
    """Validate every defined field; unknown names in ``pairs`` are ignored."""
    sent: dict[str, list[str]] = {}
    for name, value in pairs:
        sent.setdefault(name, []).append(value)
    checked = Checked(values={})
    for definition in fields:
        values = sent.get(definition.name, [])
        raw = values[0] if values else ""
        # Browsers send a textarea's line breaks as CRLF but count them as one character.
        value = raw.replace("\r\n", "\n") if not definition.single_line else raw
        checked.values[definition.name] = value
        problem = (
            f"{definition.label}: send it once, not {len(values)} times."
            if len(values) > 1
            else _problem(definition, value)
        )
        if problem:
            checked.errors[definition.name] = problem
            continue
        if definition.single_line:
            value = value.strip()
        if definition.type == "email" and value:
            try:
                value = checked.email = normalized_address(value)
            except EmailNotValidError:
                checked.errors[definition.name] = (
                    f"{definition.label}: please give exactly one e-mail address, "
                    "like name@example.com."
                )
                continue
        checked.values[definition.name] = value
    return checked


def normalized_address(text: str) -> str:
    """The address as the inbox stores it; export and erase look people up by the same form."""
    return validate_email(text, check_deliverability=False).normalized


def _problem(definition: Field, value: str) -> str | None:
    label = definition.label
    if not value.strip():
        return f"{label}: please fill this in." if definition.required else None
    if len(value) > definition.maxlength:
        return (
            f"{label}: at most {definition.maxlength} characters, please (this has {len(value)})."
        )
    if definition.single_line and _LINE_BREAK.search(value):
        return f"{label}: please keep this on one line."
    if _CONTROL.search(value) or (not definition.single_line and "\r" in value):
        return f"{label}: contains control characters; please type it again."
    return None
