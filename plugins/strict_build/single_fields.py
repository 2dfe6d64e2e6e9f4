"""Fields a file may give only once.

Pelican's Markdown reader warns about a second ``Date:`` or ``Slug:`` line, but makes a list of
any field missing from its table: two ``Title:`` lines publish a page titled "['One', 'Two']",
two ``Template:`` or ``Lang:`` lines end the build with "unhashable type: 'list'". Adding them to
the table gets Pelican's own warning, which names the field and the file.
"""

from __future__ import annotations

from pelican import readers

ONCE = ("title", "template", "lang")


def insist_on_one_definition() -> None:
    for name in ONCE:
        readers.DUPLICATES_DEFINITIONS_ALLOWED.setdefault(name, False)
