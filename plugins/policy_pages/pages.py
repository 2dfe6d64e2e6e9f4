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
from .facts import NO_FACTS, SiteFacts
from .legal_notice import legal_notice
from .privacy_policy import privacy_policy


def published_documents(
    declaration: Declaration, updated: date | None, facts: SiteFacts = NO_FACTS
) -> tuple[Document, ...]:
    """The privacy policy, the cookie statement and (when required or declared) the legal
    notice; `updated` None for a draft, which claims no date; `facts` are what the built site
    shows (its forms' fields, whom the browser contacts)."""
    notice = legal_notice(declaration)
    pages = (privacy_policy(declaration, updated, facts), cookie_statement(declaration, updated))
    return pages + ((notice,) if notice else ())
