"""The waiting room's running text is the office's data (app/access.py: a supervisor's
act): an officer or a name that is no user changes nothing but the one ``access.refused``
audit entry; a supervisor's change is audited by user id. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.access import Actor
from app.i18n import tr
from app.stations import supervisor as supervision
from app.store import Store
from db.models import AuditEntry, Office, User
from tests.helpers import only_the_refusal_is_kept

OFFICE = "SAMSAT-PTK1"
DATA = tr("access.act.data", "id")


def _text(store: Store) -> str:
    with store.uow(read_only=True) as uow:
        office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
        return str((office.settings or {}).get("running_text") or "")


@pytest.mark.parametrize("who", ["petugas", "kasi"])
def test_only_a_supervisor_changes_the_running_text(catalog_store: Store,
                                                     catalog_db_url: str, who: str) -> None:
    def change() -> None:
        with catalog_store.uow() as uow:
            supervision.set_running_text(uow, OFFICE, "Loket tutup", actor=Actor(who))

    err, entry = only_the_refusal_is_kept(catalog_store, catalog_db_url, change)
    assert _text(catalog_store) == ""
    if who == "petugas":
        refused = f"petugas (petugas) tidak boleh {DATA}: "
        assert err.key == "access.role"
        assert err.message("id").startswith(refused)
        assert "supervisor" in err.message("id").removeprefix(refused)
    else:
        assert err.key == "access.unknown"
    assert entry.actor == who and entry.after["act"] == "data"

    with catalog_store.uow() as uow:
        supervision.set_running_text(uow, OFFICE, "  Loket   tutup ", actor=Actor("pengawas"))
    assert _text(catalog_store) == "Loket tutup"
    with catalog_store.uow(read_only=True) as uow:
        entry = uow.session.scalar(select(AuditEntry).where(
            AuditEntry.action == "office.running_text"))
        pengawas = uow.session.scalar(select(User.id).where(User.username == "pengawas"))
    assert (entry.actor, entry.user_id) == ("pengawas", pengawas)
