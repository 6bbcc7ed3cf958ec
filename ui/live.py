"""The queue's live events as a Qt signal, for every station.

On PostgreSQL a ``QSocketNotifier`` on the feed's LISTEN connection wakes the station the
moment a change commits (no polling delay); a slow timer is the safety net that also notices
a lost connection coming back. On SQLite a timer polls the feed's cheap change marker. The
station sees only :attr:`LiveEvents.received` (or :attr:`LiveEvents.batch`, the same events
a read at a time) and never knows which database it has.

The feed delivers every committed event once (app/queue/feed.py), but a screen must not
depend on that alone: :attr:`LiveEvents.resync` asks the station to read its whole state
again after the feed found the database again and every :attr:`LiveEvents.resync_ms`
(the office's ``live_resync_seconds``, 45 s by default), so no missed or mishandled event
can leave a wrong screen for longer than that.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from app.queue.feed import EventFeed, EventInfo
from app.store import Store

SAFETY_NET_MS = 2000


class LiveEvents(QObject):
    received = Signal(object)  # EventInfo, one emission per event, in order
    # list[EventInfo]: the events of one read together, after their ``received``: a
    # station that reads its whole state after events reads it once for them all
    batch = Signal(list)
    resync = Signal()  # read the whole state again: after a reconnection, and periodically

    def __init__(self, store: Store, office_code: str | None,
                 parent: QObject | None = None, *, resync_ms: int | None = None) -> None:
        super().__init__(parent)
        self.feed = EventFeed(store, office_code)
        self._notifier: QSocketNotifier | None = None
        self._fileno: int | None = None
        self._reconnects = self.feed.reconnects
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_ready)
        self._watch()
        self._timer.start(SAFETY_NET_MS if self._fileno is not None
                          else int(EventFeed.poll_interval * 1000))
        self.resync_ms = resync_ms or int(self.feed.resync_seconds * 1000)
        self._resync = QTimer(self)
        self._resync.timeout.connect(self._on_resync_due)
        self._resync.start(self.resync_ms)

    def _watch(self) -> None:
        fileno = self.feed.fileno()
        if fileno == self._fileno:
            return
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        self._fileno = fileno
        if fileno is not None:
            self._notifier = QSocketNotifier(fileno, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._on_ready)

    def _on_ready(self) -> None:
        events: list[EventInfo] = self.feed.fetch()
        self._watch()  # the listener may have reconnected on a new socket
        for event in events:
            self.received.emit(event)
        if events:
            self.batch.emit(events)
        if self.feed.reconnects != self._reconnects:
            self._reconnects = self.feed.reconnects
            self._resync.start()  # the periodic one counts from here
            self.resync.emit()

    def _on_resync_due(self) -> None:
        if self.feed.online:  # while it is not, the reconnection will ask for it
            self.resync.emit()

    def close(self) -> None:
        self._timer.stop()
        self._resync.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self.feed.close()
