"""The queue's live events as a Qt signal, for every station.

On PostgreSQL a ``QSocketNotifier`` on the feed's LISTEN connection wakes the station the
moment a change commits (no polling delay); a slow timer is the safety net that also notices
a lost connection coming back. On SQLite a timer polls the feed's cheap change marker. The
station sees only :attr:`LiveEvents.received` and never knows which database it has.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from app.queue.feed import EventFeed, EventInfo
from app.store import Store

SAFETY_NET_MS = 2000


class LiveEvents(QObject):
    received = Signal(object)  # EventInfo, one emission per event, in order

    def __init__(self, store: Store, office_code: str | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed = EventFeed(store, office_code)
        self._notifier: QSocketNotifier | None = None
        self._fileno: int | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_ready)
        self._watch()
        self._timer.start(SAFETY_NET_MS if self._fileno is not None
                          else int(EventFeed.poll_interval * 1000))

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

    def close(self) -> None:
        self._timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self.feed.close()
