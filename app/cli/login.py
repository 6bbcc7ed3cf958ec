"""Who acts on the command line: ``loket login`` keeps a session for the working day, or a
command names its person with ``--as NAME --password-stdin``.

Invariant: no command that changes the office acts for a name it has not verified. Every
command asks this module for the actor (:func:`actor`: an :class:`app.access.Actor`, handed on
to the services as it is); a name is taken
only with its password (read from stdin) or with a session opened by ``loket login`` whose
token is in this PC's key store (the operating system's; where there is none, a file only
its owner may read in the user's data folder, as for the database password). What that person may do
is then the services' question (:mod:`app.access`); kiosk ticket issue and read-only
commands ask for no one.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.cli.common import EXIT_OK, Parents, SubParsers, emit, open_store, pc_user
from app.errors import LoketError
from app.i18n import register as register_messages
from app.i18n import short_date_time, tr

if TYPE_CHECKING:
    from app.access import Actor
    from app.sessions import SessionInfo
    from app.store import Store

register_messages({
    "session.password_needs_as": (
        "--password-stdin di sini butuh --as NAMA (siapa pemilik kata sandi itu)",
        "--password-stdin here needs --as NAME (whose password it is)",
    ),
    "session.signed_in": ("masuk sebagai {name} ({role}) sampai {until}",
                          "signed in as {name} ({role}) until {until}"),
    "session.signed_out": ("{name} keluar", "{name} signed out"),
    "session.not_signed_in": ("PC ini belum masuk ke basis data ini",
                              "this PC is not signed in to this database"),
    "session.keystore_failed": (
        "tempat kunci sistem menolak ({reason}); sesi disimpan di {file}",
        "the system key store refused ({reason}); the session is kept in {file}",
    ),
})


class TokenStore(Protocol):
    def get(self, account: str) -> str | None: ...

    def set(self, account: str, password: str) -> None: ...

    def delete(self, account: str) -> None: ...


class FileTokenStore:
    """Where the system has no key store: one file per database, readable by its owner."""

    name = "file"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, account: str) -> Path:
        digest = hashlib.sha256(account.encode("utf-8")).hexdigest()[:24]
        return self.folder / f"{digest}.session"

    def get(self, account: str) -> str | None:
        try:
            return self.path(account).read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def set(self, account: str, password: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path(account)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(password)
        os.chmod(path, 0o600)

    def delete(self, account: str) -> None:
        self.path(account).unlink(missing_ok=True)


# tests replace this to keep sessions in memory
override: TokenStore | None = None


def _session_files() -> FileTokenStore:
    from app.config import data_dir

    return FileTokenStore(data_dir() / "sessions")


def token_store() -> TokenStore:
    """Where this PC keeps its sessions: the system's key store, else files."""
    from app.setup import secrets

    if override is not None:
        return override
    return secrets.system_keystore() or _session_files()


def account(store: Store) -> str:
    """The key store's name of this PC's session with ``store``'s database."""
    return f"session {store.safe_url}"


def _saved_token(store: Store) -> str | None:
    from app.setup import secrets

    try:
        return token_store().get(account(store))
    except secrets.KeyStoreError:
        return _session_files().get(account(store))


def _read_line() -> str:
    return sys.stdin.readline().rstrip("\r\n")


def acting(args: argparse.Namespace, store: Store, *,
           anonymous: Actor | None = None) -> Actor:
    """The verified person a command acts for (see the module's docstring).

    ``anonymous``: who acts when no one is named and no one is signed in (kiosk ticket
    issue); otherwise that is a refusal saying how to sign in."""
    from app import sessions, users
    from app.access import Actor

    name = getattr(args, "as_user", None)
    if getattr(args, "password_stdin", False) and (
            name or not getattr(args, "stdin_has_new_password", False)):
        if not name:
            raise LoketError("session.password_needs_as")
        password = _read_line()
        with store.uow() as uow:
            user = users.authenticate(uow, name, password,
                                      office_code=getattr(args, "office", None))
        return Actor(user.username, user.id)
    token = _saved_token(store)
    if token is None:
        if anonymous is not None and not name:
            return anonymous
        raise LoketError("session.none")
    with store.uow(read_only=True) as uow:
        signed_in, _info = sessions.acting(uow, token)
    if name and name != signed_in.name:
        raise LoketError("session.other_user", session=signed_in.name, name=name)
    return signed_in


def actor(args: argparse.Namespace, *, anonymous: bool = False) -> Actor:
    """The verified person the command acts for (``--as NAME --password-stdin`` or ``loket
    login``), asked once per command. ``anonymous``: with nobody named or signed in, act as
    this PC's user, unverified: for what needs no one (kiosk ticket issue) and for setting
    up a fresh database (app.access.BOOTSTRAP)."""
    from app.access import Actor

    cached = getattr(args, "cli_actor", None)
    if cached is not None:
        return cached
    store = getattr(args, "cli_store", None)
    if store is None:
        with open_store(args) as store:
            return actor(args, anonymous=anonymous)
    result = acting(args, store, anonymous=Actor(pc_user()) if anonymous else None)
    args.cli_actor = result
    return result


def bootstrap(store: Store) -> bool:
    """A fresh database (no administrator yet): catalogs and the first users need no one."""
    from app.access import no_admin_yet

    with store.uow(read_only=True) as uow:
        return no_admin_yet(uow.session)


# --- loket login / logout / whoami ---------------------------------------------------------


def _signed_in(info: SessionInfo) -> str:
    return tr("session.signed_in", name=info.username, role=tr(f"role.{info.role}"),
              until=short_date_time(info.expires_at.astimezone()))  # this PC's clock


def cmd_login(args: argparse.Namespace) -> int:
    from app import sessions
    from app.setup import secrets

    with open_store(args) as store:
        if args.password_stdin:
            password = _read_line()
        elif sys.stdin.isatty():
            password = getpass.getpass("Kata sandi / Password: ")
        else:
            raise LoketError("user.password_missing")
        try:
            label = f"{getpass.getuser()}@{os.uname().nodename}"
        except Exception:  # no user or host name in this environment
            label = ""
        with store.uow() as uow:
            token, info = sessions.sign_in(uow, args.name, password, office_code=args.office,
                                           label=label)
        stores = token_store()
        warning = ""
        try:
            stores.set(account(store), token)
        except secrets.KeyStoreError as exc:
            fallback = _session_files()
            fallback.set(account(store), token)
            warning = tr("session.keystore_failed", reason=exc,
                         file=fallback.path(account(store)))
    data = {**info.to_json(), "store": getattr(stores, "name", type(stores).__name__)}
    emit(args, data, lambda: "\n".join(x for x in (warning, _signed_in(info)) if x))
    return EXIT_OK


def cmd_logout(args: argparse.Namespace) -> int:
    from app import sessions
    from app.setup import secrets

    with open_store(args) as store:
        token = _saved_token(store)
        name = None
        if token is not None:
            with store.uow() as uow:
                name = sessions.sign_out(uow, token)
            for where in (token_store(), _session_files()):
                with contextlib.suppress(secrets.KeyStoreError):
                    where.delete(account(store))
    data = {"user": name, "signed_out": token is not None}
    emit(args, data, lambda: tr("session.signed_out", name=name) if token is not None
          else tr("session.not_signed_in"))
    return EXIT_OK


def cmd_whoami(args: argparse.Namespace) -> int:
    from app import sessions

    with open_store(args) as store:
        token = _saved_token(store)
        if token is None:
            raise LoketError("session.not_signed_in")
        with store.uow(read_only=True) as uow:
            _who, info = sessions.acting(uow, token)
    emit(args, info.to_json(), lambda: _signed_in(info))
    return EXIT_OK


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket login``, ``logout`` and ``whoami`` to the ``loket`` parser."""
    common, reporting = parents.common, parents.reporting
    p = sub.add_parser("login", parents=[common, reporting],
                       help="sign in for the working day (a session in this PC's key store)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--office", metavar="CODE", help="the office you work at (checked)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.set_defaults(func=cmd_login)
    p = sub.add_parser("logout", parents=[common, reporting], help="end this PC's session")
    p.set_defaults(func=cmd_logout)
    p = sub.add_parser("whoami", parents=[common, reporting], help="who this PC is signed in as")
    p.set_defaults(func=cmd_whoami)
