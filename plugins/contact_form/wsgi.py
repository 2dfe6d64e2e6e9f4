"""Production entry point for a WSGI server: ``contact_form.wsgi:application``.

Configured by the environment only: CONTACT_INBOX_BUNDLE (the deployed site's
``.contact-inbox`` folder), CONTACT_INBOX_DB, CONTACT_INBOX_PROXIES (how many X-Forwarded-For
hops to believe, for servers that do not do it themselves, e.g. gunicorn; waitress has its
own ``--trusted-proxy``), CONTACT_INBOX_ALLOW_ORIGINS (space-separated, optional) and
the CONTACT_SMTP_* variables. Run exactly one process (threads are fine): the rate limit and
the background thread live in it.
"""

from __future__ import annotations

import logging
import os
import sys

from .app import create_app
from .runtime import InboxError, checked_origins, open_inbox


def _build():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    try:
        proxies = int(os.environ.get("CONTACT_INBOX_PROXIES", "0") or 0)
    except ValueError:
        proxies = -1
    if proxies < 0:
        sys.exit("contact-inbox: CONTACT_INBOX_PROXIES: expected a whole number, 0 or more")
    try:
        origins = os.environ.get("CONTACT_INBOX_ALLOW_ORIGINS", "").split()
        inbox = open_inbox(
            db=None,
            bundle=None,
            site=None,
            extra_origins=checked_origins(origins, "CONTACT_INBOX_ALLOW_ORIGINS"),
            proxies=proxies,
        )
    except InboxError as error:
        sys.exit(f"contact-inbox: {error}")
    inbox.maintenance.start()
    return create_app(inbox)


application = _build()
