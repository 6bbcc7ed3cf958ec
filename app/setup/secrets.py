"""The database password in the operating system's key store, through ``keyring``.

Windows Credential Manager, macOS Keychain, or the Secret Service (GNOME Keyring, KWallet)
on a Linux desktop. Where none is available (a bare Linux PC, or the ``keyring`` package is
not installed) :func:`system_keystore` returns None and the caller keeps the password in the
configuration file instead, readable by its owner only.

Windows Credential Manager keeps a password per user: store it as the user who runs the
stations (``loket config password``).
"""

from __future__ import annotations

from typing import Protocol

SERVICE = "Loket"


class KeyStoreError(Exception):
    """The key store refused (locked, no backend, denied)."""


class KeyStore(Protocol):
    name: str

    def get(self, account: str) -> str | None: ...

    def set(self, account: str, password: str) -> None: ...

    def delete(self, account: str) -> None: ...


def account(user: str, host: str, port: int, name: str) -> str:
    """The key store's user name for one database login: ``loket@10.0.0.5:5432/loket``."""
    return f"{user}@{host}:{port}/{name}"


class SystemKeyStore:
    """``keyring``'s recommended backend for this system."""

    def __init__(self, backend: object) -> None:
        self._backend = backend
        self.name = f"{type(backend).__module__}.{type(backend).__name__}"

    def get(self, account: str) -> str | None:
        import keyring.errors

        try:
            return self._backend.get_password(SERVICE, account)  # type: ignore[attr-defined]
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(str(exc) or type(exc).__name__) from None

    def set(self, account: str, password: str) -> None:
        import keyring.errors

        try:
            self._backend.set_password(SERVICE, account, password)  # type: ignore[attr-defined]
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(str(exc) or type(exc).__name__) from None

    def delete(self, account: str) -> None:
        import keyring.errors

        try:
            self._backend.delete_password(SERVICE, account)  # type: ignore[attr-defined]
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(str(exc) or type(exc).__name__) from None


class MemoryKeyStore:
    """A key store in memory (tests; ``LOKET_KEYSTORE=memory`` is not offered to users)."""

    name = "memory"

    def __init__(self) -> None:
        self.items: dict[str, str] = {}

    def get(self, account: str) -> str | None:
        return self.items.get(account)

    def set(self, account: str, password: str) -> None:
        self.items[account] = password

    def delete(self, account: str) -> None:
        self.items.pop(account, None)


# tests replace this to stand in for the system's key store
override: KeyStore | None = None
disabled: bool = False


def system_keystore() -> KeyStore | None:
    """The OS key store, or None where there is none usable."""
    if override is not None:
        return override
    if disabled:
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # the keyring package is not installed
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration must not stop a station
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:  # ChainerBackend with nothing to chain
        return None
    return SystemKeyStore(backend)
