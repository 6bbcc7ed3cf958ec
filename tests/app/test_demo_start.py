"""Starting by hand after ``loket demo``: the commands it prints, the demo database chosen
when no other exists, and refusals that say the command that helps."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.errors import LoketError
from app.queue.config import resolve_office
from app.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_database_with_no_office_asks_for_a_catalog(db_url: str) -> None:
    with Store.open(db_url) as store, store.uow(read_only=True) as uow, \
            pytest.raises(LoketError) as info:
        resolve_office(uow.session, None)
    assert info.value.key == "office.none"
    message = info.value.message()
    assert "loket catalog import resources/catalog/" in message
    assert ".yaml" in message
    assert "pilihan: )" not in message


def test_a_command_on_a_database_with_no_office_says_import_a_catalog(capsys,
                                                                       db_url: str) -> None:
    code, out, err = run(capsys, "--db", db_url, "ticket", "issue", "STNK-HILANG")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "loket catalog import resources/catalog/" in err
