"""The configuration in force on this PC, where each value came from, secrets masked."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

import app.setup.messages  # noqa: F401  (registers the setup.* messages)
from app.config import CONFIG_ENV, DB_ENV, config_path, fallback_db_url
from app.i18n import tr
from app.setup import secrets
from app.setup.configfile import SetupConfig, load

MASK = "***"


def _database_from_url(url: str) -> dict[str, Any]:
    from db.engine import BadDatabaseURL, parse_url

    try:
        parsed = parse_url(url)
    except BadDatabaseURL:
        parsed = None
    if parsed is None:  # shown as given (masked); the command that uses it refuses it
        return {"kind": None, "url": _mask_url(url)}
    if parsed.get_backend_name() == "sqlite":
        return {"kind": "sqlite", "path": parsed.database, "url": url}
    return {"kind": "postgresql", "host": parsed.host, "port": parsed.port or 5432,
            "name": parsed.database, "user": parsed.username,
            "password": MASK if parsed.password else None,
            "url": parsed.set(drivername="postgresql").render_as_string(hide_password=True)}


def _mask_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@", 1)[-1] if "@" in url else url


def effective(cli_db: str | None = None, *, path: Path | None = None,
              keystore: secrets.KeyStore | bool | None = True) -> dict[str, Any]:
    """``loket config show``: every value in force and its source (``--db``, ``LOKET_DB``,
    ``file``, ``keyring``, ``default``, or ``demo`` when only the demo's database exists, as
    :func:`app.config.resolve_db_url` would then use it). Raises LoketError for a bad
    configuration file."""
    path = path or config_path()
    cfg: SetupConfig | None = load(path)
    sources: dict[str, str] = {}
    warnings: list[str] = []
    out: dict[str, Any] = {
        "file": str(path), "file_exists": path.exists(),
        "file_from": CONFIG_ENV if os.environ.get(CONFIG_ENV, "").strip() else "default",
        "station": {}, "database": {}, "devices": {}, "sources": sources,
        "warnings": warnings,
    }
    if cfg is not None:
        station = {"role": cfg.role, "office": cfg.office, "counter": cfg.counter or None,
                   "code": cfg.code or None}
        out["station"] = station
        sources.update({f"station.{k}": "file" for k, v in station.items() if v})
        out["devices"] = dict(cfg.devices)
        sources.update({f"devices.{k}": "file" for k in cfg.devices})
    env = os.environ.get(DB_ENV, "").strip()
    if cli_db:
        out["database"] = _database_from_url(cli_db)
        sources["database"] = "--db"
    elif env:
        out["database"] = _database_from_url(env)
        sources["database"] = DB_ENV
    elif cfg is not None:
        db = cfg.database
        sources["database"] = "file"
        if db.kind == "sqlite":
            out["database"] = {"kind": "sqlite", "path": db.path, "url": db.url()}
        else:
            password = None
            if db.password_store == "file":
                password = MASK
                sources["database.password"] = "file"
                warnings.append(tr("setup.warn.password_in_file"))
            elif db.password_store == "keyring":
                store = secrets.system_keystore() if keystore is True else keystore or None
                try:
                    found = store.get(db.account) if store is not None else None
                except secrets.KeyStoreError as exc:
                    found = None
                    warnings.append(tr("setup.warn.keystore", reason=str(exc)))
                if found is not None:
                    password = MASK
                    sources["database.password"] = "keyring"
                else:
                    warnings.append(tr("setup.warn.password_not_stored", account=db.account))
            out["database"] = {"kind": "postgresql", "host": db.host, "port": db.port,
                               "name": db.name, "user": db.user, "password": password,
                               "password_store": db.password_store or None,
                               "url": db.masked_url()}
    else:
        url, is_demo = fallback_db_url()
        out["database"] = _database_from_url(url)
        sources["database"] = "demo" if is_demo else "default"
    return out
