"""``loket npwpd ...`` and ``loket tax ...``: JSON out; bad input exits 2 changing nothing.

The command line acts for the person signed in (app/cli_login.py): registering and the card
are counter work (the officer ``petugas``), deactivating is a cancellation (the supervisor
``pengawas``); the ``url`` fixture signs in the catalogs' admin."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from app.access import Actor
from tests.app.bapenda.conftest import BATU, NIK_BUDI, NIK_SITI
from tests.helpers import login, run_json, snapshot

REGISTER = ("npwpd", "register", "--office", BATU, "--kind", "P", "--nik", NIK_SITI,
            "--name", "Siti Rahmawati", "--tax-type", "restoran", "--address", "Jl. Bromo 3",
            "--district", "01", "--village", "02", "--all-requirements", "--as", "petugas")


def test_register_show_card_deactivate(capsys, url: str, tmp_path: Path) -> None:
    login(url, "petugas")
    code, data, err = run_json(capsys, url, *REGISTER)
    assert code == 0, err
    npwpd = data["npwpd"]
    assert npwpd.startswith("P.2.") and npwpd.endswith(".01.02")
    assert data["registered_by"] == "petugas" and data["letter_number"]

    code, shown, _ = run_json(capsys, url, "npwpd", "show", npwpd, "--office", BATU)
    assert code == 0 and shown["name"] == "Siti Rahmawati" and shown["status"] == "active"
    assert [d["kind"] for d in shown["documents"]] == ["npwpd_letter"]

    folder = tmp_path / "kartu"
    code, card, _ = run_json(capsys, url, "npwpd", "card", npwpd, "--office", BATU,
                             "--to", f"card+pdf://{folder}")
    assert code == 0 and card["state"] == "done" and card["reprint"] is False
    assert npwpd in PdfReader(folder / f"npwpd-{npwpd}.pdf").pages[0].extract_text()
    code, again, _ = run_json(capsys, url, "npwpd", "card", npwpd, "--office", BATU,
                              "--to", f"card+pdf://{folder}")
    assert code == 0 and again["reprint"] is True and again["job"] == card["job"] + 1

    login(url, "pengawas")
    code, done, _ = run_json(capsys, url, "npwpd", "deactivate", npwpd, "--office", BATU,
                             "--reason", "pindah-alamat")
    assert code == 0 and done["status"] == "inactive"
    before = snapshot(url)
    code, _, err = run_json(capsys, url, "npwpd", "deactivate", npwpd, "--office", BATU,
                            "--reason", "ganda")
    assert code == 2 and "sudah nonaktif" in err and len(err.strip().splitlines()) == 1
    assert snapshot(url) == before


def test_a_failed_card_exits_1_and_keeps_the_job(capsys, url: str) -> None:
    login(url, "petugas")
    code, data, _ = run_json(capsys, url, *REGISTER)
    code, card, err = run_json(capsys, url, "npwpd", "card", data["npwpd"], "--office", BATU,
                               "--to", "sim://?fault=offline")
    assert code == 1 and card["state"] == "failed"
    assert f"tugas cetak {card['job']} disimpan" in err


def test_refused_registrations_exit_2_and_change_nothing(capsys, url: str) -> None:
    login(url, "petugas")
    before = snapshot(url)
    bad = list(REGISTER)
    bad[bad.index(NIK_SITI)] = "3579014507900000"  # serial 0000
    code, out, err = run_json(capsys, url, *bad)
    assert code == 2 and out is None and "NIK" in err
    no_reqs = [a for a in REGISTER if a != "--all-requirements"]
    code, _, err = run_json(capsys, url, *no_reqs, "--requirement", "ktp")
    assert code == 2 and "persyaratan belum lengkap" in err
    code, _, err = run_json(capsys, url, "npwpd", "show", "P.9.9999999.99.99", "--office", BATU)
    assert code == 2
    assert snapshot(url) == before


def test_assess_bill_pay_and_pay_twice(capsys, url: str) -> None:
    _, tp_data, _ = run_json(capsys, url, "npwpd", "register", "--office", BATU, "--kind", "B",
                             "--nik", NIK_BUDI, "--name", "Budi", "--business-name",
                             "Parkir Alun-alun", "--tax-type", "parkir", "--address",
                             "Jl. Sudiro", "--district", "1", "--village", "3",
                             "--all-requirements")
    npwpd = tp_data["npwpd"]
    assert npwpd.startswith("B.6.")
    code, skpd, err = run_json(capsys, url, "tax", "assess", "--office", BATU, "--npwpd", npwpd,
                               "--principal", "1.200.000", "--period", "2026-01",
                               "--issued", "2026-01-10", "--due", "2099-12-31")
    assert code == 0, err
    number = skpd["number"]
    code, bill, _ = run_json(capsys, url, "tax", "bill", "--office", BATU, "--number", number,
                             "--on", "2026-06-01")
    assert code == 0 and bill["months_late"] == 0 and bill["total"] == 1_200_000
    code, late, _ = run_json(capsys, url, "tax", "assess", "--office", BATU, "--npwpd", npwpd,
                             "--principal", "500000", "--period", "2026-02",
                             "--issued", "2026-02-10", "--due", "2026-03-10")
    code, late_bill, _ = run_json(capsys, url, "tax", "bill", "--office", BATU, "--number",
                                  late["number"], "--on", "2026-06-01")
    assert [line["code"] for line in late_bill["lines"]] == ["pokok", "bunga"]
    assert late_bill["months_late"] == 3 and late_bill["total"] == 515_000
    code, found, _ = run_json(capsys, url, "tax", "lookup", npwpd, "--office", BATU)
    assert [a["number"] for a in found] == [late["number"], number]  # oldest due first

    code, paid, err = run_json(capsys, url, "tax", "pay", "--office", BATU, "--number", number,
                               "--method", "billing", "--reference", "0012345")
    assert code == 0, err
    assert paid["total"] == 1_200_000 and paid["sspd"] and paid["reference"] == "0012345"
    before = snapshot(url)
    code, _, err = run_json(capsys, url, "tax", "pay", "--office", BATU, "--number", number,
                            "--method", "cash")
    assert code == 2 and "sudah dibayar" in err
    code, _, err = run_json(capsys, url, "tax", "pay", "--office", BATU, "--number",
                            late["number"], "--method", "billing")
    assert code == 2 and "kode billing" in err
    assert snapshot(url) == before


# --- the desk's work for a visit (issue 14) -------------------------------------------------


def _users(url: str) -> None:
    from app import users
    from app.store import Store

    with Store.open(url) as store:
        for name, role in (("rina", "officer"), ("kepala", "supervisor")):
            with store.uow() as uow:
                users.add_user(uow, name, role, "rahasia-123", actor=Actor("admin"))


def _ticket(capsys, url: str, *argv: str) -> dict:
    """``loket ticket ARGV --as rina``: the test has signed rina in (login)."""
    code, data, err = run_json(capsys, url, "ticket", *argv, "--as", "rina")
    assert code == 0, err
    return data


def _refused(capsys, url: str, *argv: str, access: str | None = None) -> str:
    """The command exits 2 with one line on stderr and changes nothing; the line.

    ``access``: the act refused to the person (app/access.py): then the one thing kept is
    its ``access.refused`` audit entry."""
    before = snapshot(url)
    code, out, err = run_json(capsys, url, *argv)
    assert code == 2 and out is None and len(err.strip().splitlines()) == 1, err
    if access is None:
        assert snapshot(url) == before
    else:
        assert snapshot(url) == {**before, "audit_log": before["audit_log"] + 1}
        assert _last_audit(url) == ("access.refused", access)
    return err


def _last_audit(url: str) -> tuple[str, str | None]:
    """(action, act) of the newest audit entry."""
    from sqlalchemy import select

    from app.store import Store
    from db.models import AuditEntry

    with Store.open(url) as store, store.uow(read_only=True) as uow:
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        return entry.action, (entry.after or {}).get("act")


def _overrides(url: str) -> list[tuple[str, dict]]:
    from sqlalchemy import select

    from app.store import Store
    from db.models import AuditEntry

    with Store.open(url) as store, store.uow(read_only=True) as uow:
        return [(e.actor, e.after) for e in uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "work.override")
            .order_by(AuditEntry.id))]


MALANG_REGISTER = [("BPPD-MALANG" if a == BATU else a) for a in REGISTER if a != "petugas"]
# an officer asking for an override (a supervisor's act) is refused by app/access.py
NOT_AN_OVERRIDE = "rina (petugas) tidak boleh bekerja pada kunjungan di luar tahapnya"


def test_register_for_a_visit_only_at_its_counter_or_by_override(capsys, url: str,
                                                                 tmp_path: Path) -> None:
    _users(url)
    login(url, "rina")
    ticket = _ticket(capsys, url, "issue", "NPWPD", "--office", "BPPD-MALANG")["ticket"]
    register = [*MALANG_REGISTER[:-1], "--ticket", ticket, "--as"]
    err = _refused(capsys, url, *register, "rina")
    assert "hanya bisa dilakukan oleh loket yang sedang memanggil" in err
    assert f"{ticket} sedang menunggu di tahap Loket Pelayanan" in err
    err = _refused(capsys, url, *register, "rina", "--override", access="override")
    assert NOT_AN_OVERRIDE in err
    assert _overrides(url) == []
    login(url, "kepala")
    code, data, err = run_json(capsys, url, *register, "kepala", "--override")
    assert code == 0, err
    assert _overrides(url) == [("kepala", {"work": "npwpd", "ticket": ticket})]
    # the card of a visit still waiting is that visit's work too
    card = ("npwpd", "card", data["npwpd"], "--office", "BPPD-MALANG", "--to",
            f"card+pdf://{tmp_path}", "--as")
    login(url, "rina")
    assert "sedang menunggu" in _refused(capsys, url, *card, "rina")
    login(url, "kepala")
    code, printed, err = run_json(capsys, url, *card, "kepala", "--override")
    assert code == 0 and printed["state"] == "done", err


def test_at_the_counter_the_visit_leaves_once_registered_and_carded(capsys, url: str,
                                                                    tmp_path: Path) -> None:
    _users(url)
    login(url, "rina")
    office = ("--office", "BPPD-MALANG")
    ticket = _ticket(capsys, url, "issue", "NPWPD", *office)["ticket"]
    _ticket(capsys, url, "call", ticket, "--counter", "L1", *office)
    err = _refused(capsys, url, "ticket", "finish", "--counter", "L1", *office)
    assert f"belum ada NPWPD yang didaftarkan untuk {ticket}" in err
    code, data, err = run_json(capsys, url, *MALANG_REGISTER, "rina", "--ticket", ticket,
                               "--card-to", f"card+pdf://{tmp_path}")
    assert code == 0 and data["card"]["state"] == "done", err
    finished = _ticket(capsys, url, "finish", "--counter", "L1", *office)
    assert finished["outcome"] == "done" and _overrides(url) == []


def test_pay_and_deactivate_for_a_waiting_visit_are_refused(capsys, url: str) -> None:
    _users(url)
    login(url, "rina")
    office = ("--office", "BPPD-MALANG")
    _, data, _ = run_json(capsys, url, *MALANG_REGISTER, "rina")
    _, skpd, _ = run_json(capsys, url, "tax", "assess", *office, "--npwpd", data["npwpd"],
                          "--principal", "1.000.000", "--period", "2026-01")
    ticket = _ticket(capsys, url, "issue", "PEMBAYARAN", *office)["ticket"]
    pay = ("tax", "pay", *office, "--number", skpd["number"], "--method", "cash",
           "--ticket", ticket, "--as")
    assert "Pembayaran pajak untuk" in _refused(capsys, url, *pay, "rina")
    assert NOT_AN_OVERRIDE in _refused(capsys, url, *pay, "rina", "--override",
                                       access="override")
    # deactivating is a cancellation (a supervisor's); for a waiting visit it is refused
    login(url, "kepala")
    deactivate = ("npwpd", "deactivate", data["npwpd"], *office, "--reason", "usaha-tutup",
                  "--ticket", ticket, "--as", "kepala")
    assert "sedang menunggu di tahap Loket Pembayaran" in _refused(capsys, url, *deactivate)
    code, paid, err = run_json(capsys, url, *pay, "kepala", "--override")
    assert code == 0 and paid["total"] == 1_000_000, err
    assert _overrides(url) == [("kepala", {"work": "tax-payment", "ticket": ticket})]
