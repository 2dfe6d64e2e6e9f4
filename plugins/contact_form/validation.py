"""Check a decoded submission against the field definitions.

Answers for each field either a clean value or one message the visitor can act on. The same
``Field`` definitions built the form page, so the browser's HTML5 checks and these agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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


def _as_written(message: str) -> str:
    return message


def check_submission(
    fields: Sequence[Field],
    pairs: Sequence[tuple[str, str]],
    gettext: Callable[[str], str] = _as_written,
) -> Checked:
    """Validate every defined field; unknown names in ``pairs`` are ignored. `gettext`: the
    theme's catalogue in the language of the page that posted, for labels and messages."""
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
        label = gettext(definition.label)
        problem = (
            gettext("%(label)s: send it once, not %(count)s times.")
            % {"label": label, "count": len(values)}
            if len(values) > 1
            else _problem(definition, value, label, gettext)
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
                checked.errors[definition.name] = gettext(
                    "%(label)s: please give exactly one e-mail address, like name@example.com."
                ) % {"label": label}
                continue
        checked.values[definition.name] = value
    return checked


def normalized_address(text: str) -> str:
    """The address as the inbox stores it; export and erase look people up by the same form."""
    return validate_email(text, check_deliverability=False).normalized


def _problem(
    definition: Field, value: str, label: str, gettext: Callable[[str], str]
) -> str | None:
    if not value.strip():
        if not definition.required:
            return None
        return gettext("%(label)s: please fill this in.") % {"label": label}
    if len(value) > definition.maxlength:
        return gettext("%(label)s: at most %(most)s characters, please (this has %(count)s).") % {
            "label": label,
            "most": definition.maxlength,
            "count": len(value),
        }
    if definition.single_line and _LINE_BREAK.search(value):
        return gettext("%(label)s: please keep this on one line.") % {"label": label}
    if _CONTROL.search(value) or (not definition.single_line and "\r" in value):
        return gettext("%(label)s: contains control characters; please type it again.") % {
            "label": label
        }
    return None
