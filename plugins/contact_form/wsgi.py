"""Production entry point for a WSGI server: the factory ``contact_form.wsgi:create_app()``.

    waitress-serve --call contact_form.wsgi:create_app
    gunicorn --workers 1 --threads 8 'contact_form.wsgi:create_app()'

Importing this module does nothing. ``create_app()`` reads the environment: CONTACT_INBOX_BUNDLE
(the deployed site's ``.contact-inbox`` folder), CONTACT_INBOX_DB, CONTACT_INBOX_PROXIES (how
many X-Forwarded-For hops to believe, for servers that do not do it themselves, e.g. gunicorn;
waitress has its own ``--trusted-proxy``), CONTACT_INBOX_ALLOW_ORIGINS (space-separated,
optional) and the CONTACT_SMTP_* variables, then starts the background thread. Run exactly one
process (threads are fine): the rate limit and the background thread live in it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

from flask import Flask

from . import app
from .runtime import InboxError, checked_origins, open_inbox


def create_app(env: Mapping[str, str] | None = None) -> Flask:
    """The inbox as the environment (`env`, default os.environ) configures it, running.

    A setting it cannot use ends the process with one line: the WSGI server would otherwise
    print a traceback and keep restarting a worker that cannot work.
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    env = os.environ if env is None else env
    try:
        inbox = open_inbox(
            db=None,
            bundle=None,
            site=None,
            env=env,
            extra_origins=checked_origins(
                env.get("CONTACT_INBOX_ALLOW_ORIGINS", "").split(), "CONTACT_INBOX_ALLOW_ORIGINS"
            ),
            proxies=_proxies(env),
        )
    except InboxError as error:
        sys.exit(f"contact-inbox: {error}")
    inbox.maintenance.start()
    return app.create_app(inbox)


def _proxies(env: Mapping[str, str]) -> int:
    text = env.get("CONTACT_INBOX_PROXIES", "0").strip() or "0"
    if not text.isdigit():
        raise InboxError("CONTACT_INBOX_PROXIES: expected a whole number, 0 or more")
    return int(text)
