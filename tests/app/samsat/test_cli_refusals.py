"""Every refusal of the STNK flow from the command line: exit 2, one line on stderr naming
the missing step, and nothing changed (row counts of every table before and after); a
refusal of who acts (app/access.py) keeps only its ``access.refused`` audit entry.

The command line acts for the signed-in person (``loket login``, :func:`tests.helpers.login`):
the tests sign in as the officer ``petugas1`` or the supervisor ``kepala`` before acting
``--as`` them."""

from __future__ import annotations

from sqlalchemy import select

from app import users
from app.access import Actor
from app.store import Store
from db.models import AuditEntry
from db.models_samsat import StnkCase
from tests.app.samsat.conftest import CHASSIS, ENGINE, NIK, OFFICE, PLATE, RENEWAL_REQUIREMENTS
from tests.app.samsat.test_cli import _register
from tests.helpers import login, run_json, snapshot

AS = ("--office", OFFICE, "--as", "petugas1")
BOSS = ("--office", OFFICE, "--as", "kepala")


def _ok(capsys, url: str, *argv: str) -> dict:
    code, data, err = run_json(capsys, url, *argv)
    assert code == 0, err
    return data


def _refused(capsys, url: str, needle: str, *argv: str) -> str:
    before = snapshot(url)
    code, out, err = run_json(capsys, url, *argv)
    assert code == 2 and out is None, err
    assert err.count("\n") == 1 and err.startswith("loket: "), err
    assert needle in err, err
    assert snapshot(url) == before
    return err


def _access_refused(capsys, url: str, needle: str, act: str, *argv: str) -> str:
    """Like :func:`_refused`, for a refusal of who acts: the one row more is its
    ``access.refused`` audit entry, naming ``act``."""
    before = snapshot(url)
    code, out, err = run_json(capsys, url, *argv)
    assert code == 2 and out is None, err
    assert err.count("\n") == 1 and err.startswith("loket: "), err
    assert needle in err, err
    assert snapshot(url) == {**before, "audit_log": before["audit_log"] + 1}
    with Store.open(url) as store, store.uow(read_only=True) as uow:
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())
                                    .limit(1)).one()
    assert entry.action == "access.refused" and entry.actor == "petugas1"
    assert entry.after["act"] == act and entry.after["reason"] == "role"
    return err


def _add_supervisor(url: str) -> None:
    """The office's supervisor ``kepala`` (added by the catalogs' admin); the command line
    stays signed in as ``petugas1``."""
    with Store.open(url) as store, store.uow() as uow:
        users.add_user(uow, "kepala", "supervisor", "rahasia-123", actor=Actor("admin"),
                       office_code=OFFICE)


def test_each_stage_refuses_to_let_a_visit_go_without_its_work(capsys, url: str) -> None:
    _register(capsys, url)
    _add_supervisor(url)
    ticket = _ok(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", *AS)["ticket"]
    _ok(capsys, url, "ticket", "call-next", "--counter", "CF", *AS)
    _refused(capsys, url, f"cek fisik {ticket} belum disimpan",
             "ticket", "finish", "--counter", "CF", *AS)
    _ok(capsys, url, "samsat", "check", "--ticket", ticket, "--chassis", CHASSIS, "--engine",
        ENGINE, "--plate", PLATE, *AS)
    _ok(capsys, url, "ticket", "finish", "--counter", "CF", *AS)
    _ok(capsys, url, "ticket", "call-next", "--counter", "L1", *AS)

    # loket 1: 3 of 5 requirements ticked -> refused with the two missing named
    _ok(capsys, url, "ticket", "require", ticket, *RENEWAL_REQUIREMENTS[:3], *AS)
    err = _refused(capsys, url, "persyaratan belum dicentang: SKPD / Notice Pajak Asli, "
                   "Identitas Diri Asli", "ticket", "finish", "--counter", "L1", *AS)
    assert "Berkas tidak lengkap" in err and "belum didaftarkan" in err
    _refused(capsys, url, "persyaratan belum lengkap", "samsat", "register", "--ticket",
             ticket, "--plate", PLATE, "--nik", NIK, *AS)
    _ok(capsys, url, "ticket", "require", ticket, *RENEWAL_REQUIREMENTS[3:], *AS)
    _refused(capsys, url, f"{ticket} belum didaftarkan di loket 1",
             "ticket", "finish", "--counter", "L1", *AS)
    # loket 2's work is not loket 1's: paying now is refused, even with --override by an officer
    _refused(capsys, url, "hanya bisa dilakukan oleh loket yang sedang memanggil",
             "samsat", "pay", "--ticket", ticket, "--method", "cash", *AS)
    _ok(capsys, url, "samsat", "register", "--ticket", ticket, "--plate", PLATE, "--nik", NIK,
        *AS)
    _ok(capsys, url, "ticket", "finish", "--counter", "L1", *AS)
    _ok(capsys, url, "ticket", "call-next", "--counter", "L2", *AS)

    # loket 2: unpaid -> neither done nor cancelled, until a supervisor cancels the bill
    _refused(capsys, url, f"tagihan {ticket} belum dibayar",
             "ticket", "finish", "--counter", "L2", *AS)
    _refused(capsys, url, "pembatalan harus dilakukan supervisor",
             "ticket", "finish", "--counter", "L2", "--outcome", "cancelled", *AS)
    _access_refused(capsys, url, "petugas1 (petugas) tidak boleh membatalkan pembayaran",
                    "cancel", "samsat", "cancel", "--ticket", ticket,
                    "--reason", "wajib pajak batal membayar", *AS)
    login(url, "kepala")
    _refused(capsys, url, "alasan belum diisi", "samsat", "cancel", "--ticket", ticket,
             "--reason", "  ", *BOSS)
    _ok(capsys, url, "samsat", "cancel", "--ticket", ticket, "--reason",
        "wajib pajak batal membayar", *BOSS)
    login(url, "petugas1")
    _refused(capsys, url, "dibatalkan supervisor", "samsat", "pay", "--ticket", ticket,
             "--method", "cash", *AS)
    _ok(capsys, url, "ticket", "finish", "--counter", "L2", "--outcome", "cancelled", *AS)
    with Store.open(url) as store, store.uow(read_only=True) as uow:
        case = uow.session.scalar(select(StnkCase))
        entry = uow.session.scalar(select(AuditEntry).where(
            AuditEntry.action == "samsat.cancelled"))
    assert case.status == "cancelled" and "wajib pajak batal membayar" in case.note
    assert entry.actor == "kepala" and entry.after["reason"] == "wajib pajak batal membayar"


def test_actions_belong_to_the_visit_the_counter_serves(capsys, url: str) -> None:
    _register(capsys, url)
    _add_supervisor(url)
    first = _ok(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", *AS)["ticket"]
    waiting = _ok(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", *AS)["ticket"]
    _ok(capsys, url, "ticket", "call-next", "--counter", "CF", *AS)
    for argv in (["samsat", "check", "--chassis", CHASSIS, "--engine", ENGINE],
                 ["samsat", "register", "--plate", PLATE, "--nik", NIK],
                 ["samsat", "pay", "--method", "cash"],
                 ["samsat", "handover", "--to", "Budi", "--endorsed", "--stamped"]):
        err = _refused(capsys, url, f"{waiting} sedang menunggu di tahap Cek Fisik Kendaraan",
                       *argv, "--ticket", waiting, *AS)
        assert first not in err
        _access_refused(capsys, url, "tidak boleh bekerja pada kunjungan di luar tahapnya: "
                        "perlu peran supervisor", "override",
                        *argv, "--ticket", waiting, "--override", *AS)
    # a supervisor may override: the check is recorded and the override audited
    login(url, "kepala")
    _ok(capsys, url, "samsat", "check", "--ticket", waiting, "--chassis", CHASSIS,
        "--engine", ENGINE, "--plate", PLATE, "--override", *BOSS)
    with Store.open(url) as store, store.uow(read_only=True) as uow:
        entry = uow.session.scalar(select(AuditEntry).where(
            AuditEntry.action == "work.override"))
    assert entry.actor == "kepala" and entry.after == {"work": "samsat-check",
                                                       "ticket": waiting}
    assert entry.before["status"] == "waiting"
