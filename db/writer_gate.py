"""A first-come, first-served gate in front of SQLite's write lock.

SQLite lets one writer in at a time; the others sleep in its busy handler for 1, 2, 5, 10,
... up to 100 ms between tries, so under load a writer can wait tens of milliseconds after
the lock was freed and an unlucky one can lose every race. Loket's writers are short (a call
next is a few inserts), so instead every writing transaction first takes an exclusive lock
on a small file beside the database (``flock``; the kernel wakes the next waiter the moment
it is released) and a thread lock for the threads of one process. SQLite's own locking still
guards the data: the gate only decides who goes next.

The wait is bounded like SQLite's busy timeout: past it the writer fails with SQLite's own
"database is locked" error. Windows has no ``flock``: there only the thread lock is used and
processes fall back to SQLite's busy handler.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from db.per_file import PerFile
from db.wal_checkpointer import WalCheckpointer

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class WriterGate:
    """The gate of one database file in this process."""

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + "-writer.lock")
        self._threads = threading.Lock()
        self._fd: int | None = None
        self._pid = 0

    def _file(self) -> int:
        # after a fork the descriptor is shared with the parent: one lock for two processes
        if self._fd is None or self._pid != os.getpid():
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            self._pid = os.getpid()
        return self._fd

    def acquire(self, timeout: float) -> None:
        if not self._threads.acquire(timeout=timeout):
            raise sqlite3.OperationalError("database is locked (writer gate)")
        if fcntl is None:
            return
        try:
            fd = self._file()
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._wait(fd, timeout)
        except BaseException:
            self._threads.release()
            raise

    def _wait(self, fd: int, timeout: float) -> None:
        """Block in the kernel on a helper thread so that the caller can give up in time.

        A caller that gives up leaves the thread lock to the helper, which releases both
        locks once it gets the file: nobody else in this process touches the descriptor
        while a blocked ``flock`` is pending on it.
        """
        got = threading.Event()
        guard = threading.Lock()
        abandoned = False

        def wait() -> None:
            fcntl.flock(fd, fcntl.LOCK_EX)
            with guard:
                if abandoned:
                    fcntl.flock(fd, fcntl.LOCK_UN)
                    self._threads.release()
                else:
                    got.set()

        threading.Thread(target=wait, name="loket-writer-gate", daemon=True).start()
        if got.wait(timeout):
            return
        with guard:
            if got.is_set():
                return
            abandoned = True
        raise sqlite3.OperationalError("database is locked (writer gate)")

    def release(self) -> None:
        if fcntl is not None and self._fd is not None and self._pid == os.getpid():
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._threads.release()


gate_for = PerFile(WriterGate)


class GatedConnection(sqlite3.Connection):
    """A sqlite3 connection that gives the gate back when its transaction ends."""

    loket_gate: WriterGate | None = None
    loket_holding = False
    loket_checkpointer: WalCheckpointer | None = None

    def enter_gate(self, timeout: float) -> None:
        if self.loket_gate is not None and not self.loket_holding:
            self.loket_gate.acquire(timeout)
            self.loket_holding = True

    def leave_gate(self) -> None:
        if self.loket_holding:
            self.loket_holding = False
            assert self.loket_gate is not None  # held only after enter_gate acquired it
            self.loket_gate.release()

    def commit(self) -> None:
        wrote = self.loket_holding
        try:
            super().commit()
        finally:
            if not self.in_transaction:
                self.leave_gate()
        if wrote and self.loket_checkpointer is not None:
            self.loket_checkpointer.committed()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self.leave_gate()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self.leave_gate()
