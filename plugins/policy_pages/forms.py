"""What the site's forms ask for: the facts "must you give it?" states for a form's purpose.

GDPR Art. 13(2)(e) asks whether people must give the data and what happens if they
do not. For a purpose with a form, the answer follows from the real form: which
fields it requires and which it leaves optional. The contact form plugin knows its
fields; the Pelican glue passes them here, so the engine stays free of Pelican.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class FormFields:
    required: tuple[str, ...]  # the labels of required fields, as the form shows them
    optional: tuple[str, ...]


Forms = Mapping[str, FormFields]
NO_FORMS: Forms = {}
