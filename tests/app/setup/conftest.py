"""Every set-up test runs in its own LOKET_HOME, with no LOKET_DB, and a key store in memory
unless it says otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.setup import secrets


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("LOKET_HOME", str(folder))
    monkeypatch.delenv("LOKET_DB", raising=False)
    monkeypatch.delenv("LOKET_CONFIG", raising=False)
    return folder


@pytest.fixture(autouse=True)
def keystore(monkeypatch: pytest.MonkeyPatch) -> secrets.MemoryKeyStore:
    store = secrets.MemoryKeyStore()
    monkeypatch.setattr(secrets, "override", store)
    return store
