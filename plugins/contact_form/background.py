"""The inbox's background duties: retention purge and notification delivery from the outbox.

One daemon thread. It purges at start and then every ``purge_every``; it delivers pending
notifications as soon as a message is stored (``wake``) and retries failed ones with a
growing delay, so a mail server that is down delays the e-mail and loses nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from .notify import SmtpConfig, send
from .store import PendingNotification, Store, now_utc

log = logging.getLogger("contact_inbox")
MAX_RETRY_DELAY = timedelta(hours=6)
# With the default 60 s first delay, doubling up to 6 hours: about two days of trying.
MAX_ATTEMPTS = 14


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
        """Send every due notification once; returns how many were sent.

        Each message is handled on its own: whatever goes wrong with one is counted against it
        alone, so the others in the round are sent all the same.
        """
        if self.smtp is None:
            return 0
        sent = 0
        lease = timedelta(seconds=self.smtp.timeout * 3 + 30)
        for pending in self.store.claim_due(lease):
            try:
                send(self.smtp, pending.message)
            except Exception as error:  # one message's failure, of any kind, holds back no other
                self._failed(pending, f"{type(error).__name__}: {error}")
                continue
            self.store.notification_sent(pending.message.id)
            sent += 1
            log.info("notification for message #%d sent", pending.message.id)
        return sent

    def _failed(self, pending: PendingNotification, error: str) -> None:
        """Count the failure; retry later with a growing delay, or give up in one line."""
        assert self.smtp is not None
        message_id, attempt = pending.message.id, pending.attempts + 1
        if attempt >= MAX_ATTEMPTS:
            self.store.notification_given_up(message_id, error)
            log.error(
                "notification for message #%d given up after %d attempts (%s); the message "
                "is stored: contact-inbox show %d",
                message_id, attempt, _one_line(error), message_id,
            )  # fmt: skip
            return
        delay = min(timedelta(seconds=self.smtp.retry_seconds * 2**pending.attempts),
                    MAX_RETRY_DELAY)  # fmt: skip
        self.store.notification_failed(message_id, error, now_utc() + delay)
        log.warning(
            "notification for message #%d failed (attempt %d of %d: %s); retry in %ds",
            message_id, attempt, MAX_ATTEMPTS, _one_line(error), delay.total_seconds(),
        )  # fmt: skip

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


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]
