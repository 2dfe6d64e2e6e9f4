"""The inbox's background duties: retention purge and notification delivery from the outbox.

One daemon thread. It purges at start and then every ``purge_every``; it delivers pending
notifications as soon as a message is stored (``wake``) and retries failed ones with a
growing delay, so a mail server that is down delays the e-mail and loses nothing.
"""

from __future__ import annotations

import logging
import smtplib
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from .notify import SmtpConfig, build_email, send
from .store import Store, now_utc

log = logging.getLogger("contact_inbox")
MAX_RETRY_DELAY = timedelta(hours=6)


class Maintenance:
    def __init__(
        self,
        store: Store,
        cutoff: Callable[[datetime], datetime],
        smtp: SmtpConfig | None,
        purge_every: timedelta = timedelta(hours=1),
    ) -> None:
        self.store = store
        self.cutoff = cutoff
        self.smtp = smtp
        self.purge_every = purge_every
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_purge = now_utc()

    def purge(self) -> int:
        count = self.store.purge_before(self.cutoff(now_utc()))
        if count:
            log.info("retention: deleted %d message(s) past the declared period", count)
        self._next_purge = now_utc() + self.purge_every
        return count

    def deliver_due(self) -> int:
        """Send every due notification once; returns how many were sent."""
        if self.smtp is None:
            return 0
        sent = 0
        lease = timedelta(seconds=self.smtp.timeout * 3 + 30)
        for pending in self.store.claim_due(lease):
            message_id = pending.message.id
            try:
                send(self.smtp, build_email(self.smtp, pending.message))
            except (OSError, smtplib.SMTPException) as error:
                delay = min(
                    timedelta(seconds=self.smtp.retry_seconds * 2**pending.attempts),
                    MAX_RETRY_DELAY,
                )
                self.store.notification_failed(
                    message_id, f"{type(error).__name__}: {error}", now_utc() + delay
                )
                log.warning(
                    "notification for message #%d failed (attempt %d: %s); retry in %ds",
                    message_id, pending.attempts + 1, type(error).__name__,
                    delay.total_seconds(),
                )  # fmt: skip
                continue
            self.store.notification_sent(message_id)
            sent += 1
            log.info("notification for message #%d sent", message_id)
        return sent

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self.purge()
        self._thread = threading.Thread(target=self._run, name="contact-inbox", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if now_utc() >= self._next_purge:
                    self.purge()
                self.deliver_due()
            except Exception:  # the thread's top level: log it, keep the inbox alive, retry later
                log.exception("background round failed")
            self._wake.wait(timeout=self._pause())
            self._wake.clear()
        self.store.close()

    def _pause(self) -> float:
        pause = (self._next_purge - now_utc()).total_seconds()
        if self.smtp is not None:
            pause = min(pause, self.smtp.retry_seconds)
        return max(0.05, pause)
