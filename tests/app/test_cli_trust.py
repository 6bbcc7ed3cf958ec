"""Issue 15, parts 3 and 4: every input checked, every write all-or-nothing.

Each reproduction of the issue: bad input ends with exit 2 and one line on stderr; an
unexpected failure with exit 1, one line naming the log, the traceback in the log; and in
both cases no table changed.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import sqlalchemy.exc

import resources
from app.cli import log_path, main
from app.errors import LoketError
from app.store import Store
from tests.helpers import snapshot

OFFICE = ["--office", "SAMSAT-PTK1"]
SAMSAT = str(resources.path("catalog", "samsat-kalbar-pontianak-1.yaml"))

NEW_OFFICE = """\
format: loket-catalog/1
office: {code: UJI, name: Kantor Uji, zone: WITA}
stages:
  - {code: loket-1, name: Loket 1}
counters:
  - {code: L1, name: Loket 1, number: 1, stages: [loket-1]}
services:
  - {code: LAYANAN, name: Layanan Uji, prefix: A, stages: [loket-1], fee: {kind: free}}
"""

STATIONS_OF = """\
format: loket-stations/1
offices:
  - office: {office}
    stations:
      - {{code: kiosk-1, kind: kiosk, name: Kios}}
"""


def run(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> str:
    """Run ``argv``: exit 2, one line on stderr, nothing written; the line."""
    before = snapshot(url)
    code, out, err = run(capsys, url, *argv)
    assert (code, out, err.count("\n")) == (2, "", 1), err
    assert err.startswith("loket: ")
    assert snapshot(url) == before
    return err


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


# --- 3. recovery ---------------------------------------------------------------------------


@pytest.fixture
def called(capsys, url: str) -> str:
    """A visit called at the cek fisik counter just now: what a bad --after would take."""
    assert run(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", *OFFICE)[0] == 0
    assert run(capsys, url, "ticket", "call-next", "--counter", "CF", *OFFICE)[0] == 0
    return url


@pytest.mark.parametrize("after", ["0", "-5", "99999999999999999999", "1e3", "", "10081"])
def test_recover_after_is_bounded(capsys, called: str, after: str) -> None:
    err = refused(capsys, called, "queue", "recover", "--after", after, *OFFICE)
    assert "--after" in err


def test_recover_after_one_minute_leaves_a_fresh_call(capsys, called: str) -> None:
    before = snapshot(called)
    code, out, err = run(capsys, called, "queue", "recover", "--after", "1", *OFFICE, "--json")
    assert code == 0, err
    assert '"tickets": []' in out
    assert snapshot(called) == before


def test_recover_stale_checks_its_argument(catalog_store: Store) -> None:
    from app.queue import engine

    for minutes in (0, -5, 10**12):
        with catalog_store.uow() as uow, pytest.raises(LoketError) as info:
            engine.recover_stale(uow, office_code="SAMSAT-PTK1", after_minutes=minutes)
        assert info.value.key == "input.number_range"


def test_watch_intervals_are_bounded(capsys, url: str) -> None:
    refused(capsys, url, "queue", "watch", "--recover-every", "0", *OFFICE)
    refused(capsys, url, "queue", "watch", "--for", "nan", *OFFICE)
    refused(capsys, url, "queue", "watch", "--for", "inf", *OFFICE)


# --- 4. catalogs ---------------------------------------------------------------------------


def test_multi_file_import_is_all_or_nothing(capsys, url: str, tmp_path: Path) -> None:
    good = _file(tmp_path, "a.yaml", NEW_OFFICE)
    bad = _file(tmp_path, "b.yaml", STATIONS_OF.format(office="TIDAK-ADA"))
    err = refused(capsys, url, "catalog", "check", good, bad)
    assert "b.yaml:3: kantor 'TIDAK-ADA' tidak ditemukan" in err
    err = refused(capsys, url, "catalog", "import", good, bad)
    assert "b.yaml:3: kantor 'TIDAK-ADA' tidak ditemukan" in err


def test_stations_may_name_an_office_of_the_same_import(capsys, url: str,
                                                        tmp_path: Path) -> None:
    """One transaction: the catalog creates the office the stations file names, whatever
    the order of the files."""
    stations = _file(tmp_path, "b.yaml", STATIONS_OF.format(office="UJI"))
    office = _file(tmp_path, "a.yaml", NEW_OFFICE)
    code, _, err = run(capsys, url, "catalog", "check", stations, office)
    assert code == 0, err
    code, out, err = run(capsys, url, "catalog", "import", stations, office, "--json")
    assert code == 0, err
    assert '"kind": "stations", "office": "UJI", "created": 1' in out


def test_check_knows_the_offices_of_the_database(capsys, url: str, tmp_path: Path) -> None:
    stations = _file(tmp_path, "s.yaml", STATIONS_OF.format(office="SAMSAT-PTK1"))
    assert run(capsys, url, "catalog", "check", stations)[0] == 0
    counter = _file(tmp_path, "c.yaml", STATIONS_OF.format(office="SAMSAT-PTK1").replace(
        "kind: kiosk, name: Kios", "kind: counter, counter: L9"))
    err = refused(capsys, url, "catalog", "check", counter)
    assert "c.yaml:5: loket 'L9' tidak ditemukan di kantor 'SAMSAT-PTK1'" in err


def test_a_counter_with_a_stage_twice_is_refused_by_check(capsys, url: str,
                                                          tmp_path: Path) -> None:
    twice = _file(tmp_path, "twice.yaml", NEW_OFFICE.replace("stages: [loket-1]}",
                                                             "stages: [loket-1, loket-1]}", 1))
    err = refused(capsys, url, "catalog", "check", twice)
    assert "twice.yaml:6: stage 'loket-1' ditulis dua kali" in err
    refused(capsys, url, "catalog", "import", twice)


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("name: Kantor Uji", 'name: "Kantor\\0Uji"', "2: 'office.name' berisi karakter kendali "
                                                     "U+0000"),
        ("name: Layanan Uji", 'name: "Layanan\\x1bUji"', "8: 'services[1].name' berisi "
                                                        "karakter kendali U+001B"),
        ("code: UJI", "code: " + "U" * 33, "2: 'office.code' terlalu panjang: 33 karakter"),
        ("name: Loket 1, number: 1", "name: Loket 1, number: 99999999999",
         "6: 'counters[1].number' terlalu besar"),
        ("code: LAYANAN", "code: " + "L" * 49, "8: 'services[1].code' terlalu panjang"),
        ("name: Layanan Uji", "name: " + "x" * 301, "8: 'services[1].name' terlalu panjang"),
    ],
)
def test_check_catches_what_the_database_would_refuse(capsys, url: str, tmp_path: Path,
                                                     old: str, new: str, needle: str) -> None:
    path = _file(tmp_path, "uji.yaml", NEW_OFFICE.replace(old, new, 1))
    assert needle in refused(capsys, url, "catalog", "check", path)
    assert needle in refused(capsys, url, "catalog", "import", path)


def test_every_problem_of_every_file_is_counted(capsys, url: str, tmp_path: Path) -> None:
    one = _file(tmp_path, "a.yaml", NEW_OFFICE.replace("prefix: A", "prefix: a1"))
    two = _file(tmp_path, "b.yaml", NEW_OFFICE.replace("zone: WITA", "zone: XX"))
    err = refused(capsys, url, "catalog", "import", one, two)
    assert "a.yaml:8:" in err and "(dan 1 kesalahan lain)" in err


# --- 4. dates, text and numbers on the command line ---------------------------------------


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["report", "daily", "--date", "9999-12-31", "--json"], "--date: tanggal 9999-12-31"),
        (["report", "daily", "--date", "2026-11-23", "--to", "9999-12-31", "--json"],
         "--to: tanggal 9999-12-31"),
        (["report", "summarize", "--from", "0001-01-01"], "--from: tanggal 0001-01-01"),
        (["ikm", "report", "--from", "2026-01-01", "--to", "9999-12-31"],
         "--to: tanggal 9999-12-31 di luar rentang"),
        (["ikm", "report", "--from", "1999-12-31", "--to", "2026-01-01"],
         "--from: tanggal 1999-12-31 di luar rentang"),
        (["ikm", "report", "--from", "kemarin", "--to", "2026-01-01"],
         "--from: tanggal 'kemarin' tidak valid"),
        (["appointment", "book", "STNK-HILANG", "--at", "9999-12-31T09:00+07:00",
          "--code", "K1"], "--at: tanggal 9999-12-31"),
        (["holiday", "add", "9999-12-31", "Libur"], "9999-12-31: tanggal 9999-12-31 di luar"),
    ],
)
def test_far_dates_are_refused(capsys, url: str, argv: list[str], needle: str) -> None:
    assert needle in refused(capsys, url, *argv, *OFFICE)


def test_a_far_tariff_date_is_refused(capsys, url: str) -> None:
    assert "--on: tanggal 9999-12-31 di luar rentang" in refused(
        capsys, url, "tariff", "stnk", "--plate", "KB 1234 AB", "--on", "9999-12-31")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["ticket", "issue", "STNK-HILANG\x00"], "argumen ke-5 berisi karakter kendali U+0000"),
        (["appointment", "book", "STNK-HILANG", "--at", "2026-11-23T09:00+07:00",
          "--code", "K1", "--name", "Budi\x00"], "--name berisi karakter kendali U+0000"),
        (["ticket", "priority", "A-001", "--reason=lansia\n"],
         "--reason berisi karakter kendali U+000A"),
        (["catalog", "list", "--office", "SAMSAT\x7f"], "--office berisi karakter kendali "
                                                        "U+007F"),
    ],
)
def test_control_characters_are_refused_before_anything_runs(capsys, url: str,
                                                             argv: list[str],
                                                             needle: str) -> None:
    assert needle in refused(capsys, url, *argv)


def test_english_on_request(capsys, url: str, monkeypatch) -> None:
    monkeypatch.setenv("LOKET_LANG", "en")
    err = refused(capsys, url, "report", "daily", "--date", "9999-12-31", "--json", *OFFICE)
    assert "--date: the date 9999-12-31 is out of range, years 2000 to 2100 only" in err


def test_numbers_that_no_column_holds_are_refused(capsys, url: str) -> None:
    err = refused(capsys, url, "application", "overdue", "--soon", "99999999999", *OFFICE)
    assert "--soon harus antara" in err


# --- 4. unexpected failures ----------------------------------------------------------------


def test_a_database_error_mid_command_is_one_line_and_rolls_back(
        capsys, url: str, home: Path, monkeypatch) -> None:
    """The visit is written, then the database fails: exit 1, one line naming the log,
    the traceback in the log, nothing kept."""
    from app.queue import tickets

    def fail(*args, **kwargs):
        raise sqlalchemy.exc.OperationalError("INSERT INTO audit_log", {},
                                              OSError("disk I/O error"))

    monkeypatch.setattr(tickets, "record_change", fail)  # after the visit's INSERT
    before = snapshot(url)
    code, out, err = run(capsys, url, "ticket", "issue", "STNK-HILANG", *OFFICE)
    assert (code, out, err.count("\n")) == (1, "", 1)
    assert err.startswith("loket: loket ticket issue gagal karena kesalahan basis data "
                          "(OSError); transaksi dibatalkan; rincian di ")
    assert str(log_path()) in err and log_path().is_relative_to(home)
    log = log_path().read_text(encoding="utf-8")
    assert "Traceback" in log and "disk I/O error" in log and "'STNK-HILANG'" in log
    assert snapshot(url) == before


def test_a_bug_is_one_line_too(capsys, url: str, home: Path, monkeypatch) -> None:
    from app.queue import engine

    monkeypatch.setattr(engine, "status", lambda *a, **k: 1 / 0)
    code, _, err = run(capsys, url, "queue", "status", *OFFICE)
    assert (code, err.count("\n")) == (1, 1)
    assert "loket queue status gagal karena kesalahan tak terduga (ZeroDivisionError)" in err
    assert "ZeroDivisionError" in log_path().read_text(encoding="utf-8")


def test_a_read_only_database_is_one_line(capsys, url: str, home: Path) -> None:
    """The issue's case on PostgreSQL: every transaction read-only (a standby, a role
    without rights)."""
    if not url.startswith("postgresql"):
        pytest.skip("a read-only transaction setting is PostgreSQL's")
    sep = "&" if "?" in url else "?"
    read_only = f"{url}{sep}options=-c%20default_transaction_read_only%3Don"
    before = snapshot(url)
    code, _, err = run(capsys, read_only, "ticket", "issue", "STNK-HILANG", *OFFICE)
    assert (code, err.count("\n")) == (1, 1), err
    assert "kesalahan basis data (ReadOnlySqlTransaction)" in err
    assert snapshot(url) == before
