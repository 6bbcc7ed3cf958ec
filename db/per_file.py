"""One helper object per SQLite database file in this process, made on first use.

The writers' gate and the checkpoint helper must be shared by every engine and connection
of a process that opens the same file, however its path was spelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


class PerFile(Generic[T]):
    def __init__(self, make: Callable[[Path], T]) -> None:
        self._make = make
        self._made: dict[Path, T] = {}
        self._lock = threading.Lock()

    def __call__(self, database: str) -> T:
        path = Path(database).resolve()
        with self._lock:
            made = self._made.get(path)
            if made is None:
                made = self._made[path] = self._make(path)
            return made

    def made(self) -> list[T]:
        with self._lock:
            return list(self._made.values())
