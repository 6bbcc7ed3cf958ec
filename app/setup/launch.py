"""Starting this PC's station, without Qt: which ``loket station`` its configuration means
and the station's way into its database.

Both the command layer (``loket station``, the ``loket-station`` launcher in
:mod:`app.cli.launcher`) and the set-up wizard's callers use these, so the wizard never
needs the command line and the command line never holds this logic twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.errors import LoketError

if TYPE_CHECKING:
    from app.setup.configfile import SetupConfig
    from app.store import Store


def station_argv(cfg: SetupConfig, kind: str | None = None, *,
                 windowed: bool = False, quit_after: float | None = None) -> list[str]:
    """The ``loket station ...`` arguments for this configuration (``kind`` another role's
    shortcut on this PC; ``setup`` means the configured role)."""
    role = kind if kind and kind != "setup" else cfg.role
    argv = ["station", role, "--office", cfg.office]
    if role == cfg.role:  # another role's shortcut on this PC: not this PC's counter/station
        if cfg.counter and role in ("counter", "survey"):
            argv += ["--counter", cfg.counter]
        if cfg.code:
            argv += ["--station", cfg.code]
    if windowed:
        argv.append("--windowed")
    if quit_after is not None:
        argv += ["--quit-after", str(quit_after)]
    return argv


def open_station_store(db: str | None, office: str | None) -> tuple[Store, str]:
    """Open the station's database (``db`` as ``--db``: None is ``LOKET_DB``, the
    configuration file or the default) and find its office; a server lost half-way through
    counts as unreachable (``db.unreachable``, which the station's connecting screen
    retries), never as a traceback. The caller closes the store."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    from app.config import resolve_db_url
    from app.queue.config import resolve_office
    from app.store import Store

    store: Store | None = None
    try:
        store = Store.open(resolve_db_url(db), create=False)
        with store.uow(read_only=True) as uow:
            return store, resolve_office(uow.session, office).code
    except (OperationalError, InterfaceError) as exc:
        if store is not None:
            store.close()
        reason = str(exc.orig or exc).strip().splitlines()[0]
        raise LoketError("db.unreachable", url=_safe_url(db), reason=reason) from None
    except BaseException:
        if store is not None:
            store.close()
        raise


def _safe_url(db: str | None) -> str:
    """The database's URL without its password, for a message."""
    from sqlalchemy.engine import make_url

    from app.config import resolve_db_url

    try:
        return make_url(resolve_db_url(db)).render_as_string(hide_password=True)
    except Exception:  # only for a message: the URL was parsed once already
        return "?"
