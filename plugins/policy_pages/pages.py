"""The published text of a declaration: the pages that a release freezes.

Two declarations publish the same policy exactly when these documents are
equal; that is what "unreleased changes" means, so comments, formatting, key
order and fields that are never shown (hosts, forms, scripts) need no release.
"""

from __future__ import annotations

from datetime import date

from declaration import Declaration

from .cookies import cookie_statement
from .document import Document
from .legal_notice import legal_notice
from .privacy_policy import privacy_policy


def published_documents(declaration: Declaration, updated: date | None) -> tuple[Document, ...]:
    """The privacy policy, the cookie statement and (when declared) the legal notice; `updated`
    None for a draft, which claims no date."""
    notice = legal_notice(declaration)
    pages = (privacy_policy(declaration, updated), cookie_statement(declaration, updated))
    return pages + ((notice,) if notice else ())
