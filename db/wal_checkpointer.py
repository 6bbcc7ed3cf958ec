"""WAL checkpoints beside the writers instead of inside them.

SQLite copies its write-ahead log back into the database file (a checkpoint) from within
the commit that crosses ``wal_autocheckpoint`` pages: every thousand pages or so one
unlucky "call next" also writes and syncs the database file, several milliseconds more
than the press itself. Here a helper thread of the process does that work shortly after
commits instead, with its own connection and a PASSIVE checkpoint, which neither takes
the write lock nor waits for readers; the writers' connections keep a much larger
``wal_autocheckpoint`` only as a safety net should the helper fall behind.

The thread starts with the first commit and ends by itself after a quiet spell, so a
process that stops writing (or a test that made a database) leaves nothing running.
"""

from __future__ import annotations

import atexit
import os
import sqlite3
import threading
from pathlib import Path

from db.per_file import PerFile

# pages: what a writer's own commit checkpoints only when the helper has fallen this far
SAFETY_NET_PAGES = 10_000


class WalCheckpointer:
    """The helper of one database file in this process."""

    def __init__(self, database: Path, *, delay: float = 0.2, idle: float = 10.0) -> None:
        self.database = database
        self.delay = delay  # after a commit, wait this long so that a burst shares one pass
        self.idle = idle  # with no commit for this long the thread ends
        self.passes = 0
        self.last: tuple[int, int, int] | None = None  # (busy, wal frames, frames copied)
        self.checkpointed = threading.Event()  # set after every pass (tests wait on it)
        self.ended = threading.Event()  # set when the thread has ended after a quiet spell
        self._dirty = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._pid = os.getpid()

    def committed(self) -> None:
        """A write transaction of this process committed: checkpoint soon."""
        if self._stopping.is_set():  # the process is ending; the writers' safety net is enough
            return
        self._dirty.set()
        with self._lock:
            if self._pid != os.getpid():  # a forked child does not have the parent's thread
                self._thread, self._pid = None, os.getpid()
            if self._thread is None:
                self.ended.clear()
                self._thread = threading.Thread(target=self._run, name="loket-wal-checkpoint",
                                                daemon=True)
                self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """A last pass and the helper's connection closed (at the process's exit)."""
        with self._lock:
            thread = self._thread
            self._stopping.set()
        self._dirty.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    @property
    def running(self) -> bool:
        with self._lock:
            return self._thread is not None

    def _run(self) -> None:
        conn = sqlite3.connect(self.database, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 1000")
            while True:
                if not self._dirty.wait(self.idle):
                    with self._lock:
                        if not self._dirty.is_set():  # a commit may have come just now
                            self._thread = None
                            self.ended.set()
                            return
                    continue
                # commits during the delay are covered by this pass; stopping cuts it short
                self._stopping.wait(self.delay)
                self._dirty.clear()
                self._checkpoint(conn)
                if self._stopping.is_set():
                    with self._lock:
                        self._thread = None
                        self.ended.set()
                    return
        except Exception:  # the safety net takes over: never kill a station
            with self._lock:
                self._thread = None
                self.ended.set()
        finally:
            conn.close()

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        try:
            row = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.OperationalError:  # locked by a checkpoint of another process
            row = None
        if row is not None:
            self.last = (int(row[0]), int(row[1]), int(row[2]))
        self.passes += 1
        self.checkpointed.set()


checkpointer_for = PerFile(WalCheckpointer)


@atexit.register
def _stop_all() -> None:
    for helper in checkpointer_for.made():
        helper.stop()
