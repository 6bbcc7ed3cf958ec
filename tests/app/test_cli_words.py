"""The command line's text output reads as words (issue 17): what ``loket ...`` prints
without ``--json``, after a scripted office day through every area, in Indonesian and in
English, holds no stage, counter, service or requirement code of an office and no visit
status or device kind value written with ``-`` or ``_`` (``no_show``, ``ticket_printer``);
in Indonesian, no English function word. ``--json`` keeps the codes (the areas' own tests).

The check is tests/ui/test_no_codes.py's, for text: a code that is an ordinary word of the
catalog's own texts (the service ``NPWPD``) is that word wherever it shows; codes are
matched case-sensitively, as whole words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from app import users
from app.access import Actor
from app.catalog.service import import_file
from app.cli import main
from app.store import Store
from db.enums import DeviceKind, VisitStatus
from db.models import Counter, Office, Service, Stage
from resources import path
from tests.app.bapenda.conftest import NIK_BUDI, NIK_SITI
from tests.app.samsat.conftest import RENEWAL_REQUIREMENTS
from tests.helpers import login

OFFICES = ("SAMSAT-PTK1", "BAPENDA-BATU", "BPPD-MALANG", "BAPENDA-BANTEN-FO")
PTK = ("--office", "SAMSAT-PTK1")
BATU = ("--office", "BAPENDA-BATU")
MALANG = ("--office", "BPPD-MALANG")
BANTEN = ("--office", "BAPENDA-BANTEN-FO")
PLATE, NIK = "KB 1234 AB", "6171011508900001"
CHASSIS, ENGINE = "MH1JFM110FK123456", "JFM1E1123456"
FISCAL = Path(path("fiscal", "pkb-contoh.csv"))

# the same words as tests/ui/test_no_codes.ENGLISH: English that Indonesian never uses
ENGLISH = ("the", "and", "of", "is", "are", "to", "with", "for", "your", "please", "not",
           "yet", "from", "this", "that", "at", "be", "has", "have")
_ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(ENGLISH) + r")(?![\w-])")


def _whole(code: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(code)}(?![\w-])")


def codes_of(store: Store, offices: tuple[str, ...] = OFFICES) -> set[str]:
    """The codes no text may show: every stage, counter, service and requirement code of
    ``offices`` (less those that are words of the catalog's own texts), and the visit
    status and device kind values written with ``-`` or ``_``."""
    codes: set[str] = set()
    texts: list[str] = []
    with store.uow(read_only=True) as uow:
        s = uow.session
        for code in offices:
            office = s.scalars(select(Office).where(Office.code == code)).one()
            codes |= set(s.scalars(select(Stage.code).where(Stage.office_id == office.id)))
            codes |= set(s.scalars(select(Counter.code).where(Counter.office_id == office.id)))
            for service in s.scalars(select(Service).where(Service.office_id == office.id)):
                codes.add(service.code)
                texts.append(service.name)
                for item in service.requirements:
                    if isinstance(item, dict):
                        codes.add(str(item["code"]))
                        texts.append(f"{item.get('text', '')} {item.get('for_name', '')}")
    joined = " ".join(texts)
    codes = {c for c in codes if not _whole(c).search(joined)}
    return codes | {v.value for v in (*VisitStatus, *DeviceKind) if re.search(r"[-_]", v.value)}


def leaks(text: str, codes: set[str], language: str) -> list[str]:
    """What in ``text`` is a code, or English in Indonesian text."""
    found = []
    for line in text.splitlines():
        if language == "id" and (english := _ENGLISH.search(line)):
            found.append(f"English {english.group(1)!r} in {line!r}")
        found += [f"{code!r} in {line!r}" for code in sorted(codes)
                  if _whole(code).search(line)]
    return found


class Script:
    """Runs ``loket --db URL ...`` in text mode and keeps what each command printed, with
    the office it named (its codes are the ones checked; all offices' when it names none)."""

    def __init__(self, capsys, url: str) -> None:
        self.capsys, self.url = capsys, url
        self.printed: list[tuple[str, str | None, str]] = []

    def __call__(self, *argv: str, code: int = 0, office: str | None = None) -> str:
        """``office``: the one a command works for without naming it (a letter's code)."""
        status = main(["--db", self.url, *argv])
        out, err = self.capsys.readouterr()
        assert status == code, (argv, err)
        if "--office" in argv:
            office = argv[argv.index("--office") + 1]
        self.printed.append((" ".join(argv), office, out))
        return out


def _samsat(run: Script, url: str, tmp_path: Path) -> None:
    with Store.open(url) as store, store.uow() as uow:
        users.add_user(uow, "petugas1", "officer", "rahasia-123", actor=Actor("admin"),
                       office_code="SAMSAT-PTK1")
    with Store.open(url) as store, store.uow() as uow:
        import_file(uow, path("demo", "stations.yaml"), actor=Actor("admin"))
    login(url, "petugas1")
    run("samsat", "person", "add", "--nik", NIK, "--name", "Budi Santoso", *PTK)
    run("samsat", "vehicle", "add", "--plate", PLATE, "--category", "R2", "--swdkllj-class",
        "motor-250", "--njkb", "15.000.000", "--tax-due-on", "2026-11-01",
        "--stnk-valid-until", "2029-11-01", "--chassis", CHASSIS, "--engine", ENGINE,
        "--owner-nik", NIK, "--make", "Honda", *PTK)
    run("samsat", "vehicle", "show", "--plate", PLATE, *PTK)
    run("tariff", "stnk", "--plate", PLATE, "--on", "2026-12-01")
    for counter in ("CF", "L1", "L2", "L3"):
        run("counter", "open", counter, *PTK)
    run("ticket", "issue", "STNK-PERPANJANGAN", *PTK)
    run("ticket", "issue", "STNK-HILANG", *PTK, "--priority", "lansia")
    run("ticket", "issue", "STNK-PERPANJANGAN", *PTK)
    run("queue", "status", *PTK)
    run("ticket", "call-next", "--counter", "CF", *PTK)  # B-001, the priority lane
    run("ticket", "recall", "--counter", "CF", *PTK)
    run("ticket", "skip", "--counter", "CF", *PTK)  # a no-show
    run("ticket", "call-next", "--counter", "CF", *PTK)
    run("ticket", "start", "--counter", "CF", *PTK)
    run("ticket", "hold", "--counter", "CF", *PTK)
    run("ticket", "resume", "A-001", "--counter", "CF", *PTK)
    run("queue", "status", *PTK)
    run("samsat", "check", "--ticket", "A-001", "--chassis", CHASSIS, "--engine", ENGINE,
        "--plate", PLATE, *PTK)
    run("ticket", "finish", "--counter", "CF", *PTK)
    run("ticket", "call-next", "--counter", "L1", *PTK)
    run("ticket", "require", "A-001", *RENEWAL_REQUIREMENTS, *PTK)
    run("samsat", "register", "--ticket", "A-001", "--plate", PLATE, "--nik", NIK, *PTK)
    run("samsat", "case", "--ticket", "A-001", *PTK)
    run("ticket", "finish", "--counter", "L1", *PTK)
    run("ticket", "call-next", "--counter", "L2", *PTK)
    run("samsat", "pay", "--ticket", "A-001", "--method", "transfer", "--reference", "TRF-77",
        *PTK)
    run("ticket", "finish", "--counter", "L2", *PTK)
    run("ticket", "call-next", "--counter", "L3", *PTK)
    run("samsat", "handover", "--ticket", "A-001", "--to", "Budi Santoso", "--endorsed",
        "--stamped", *PTK)
    run("ticket", "finish", "--counter", "L3", *PTK)
    run("samsat", "recap", "--officer", "petugas1", *PTK)
    run("ticket", "call-next", "--counter", "CF", *PTK)
    run("ticket", "transfer", "--counter", "CF", "--to-stage", "loket-1", *PTK)
    run("print", "ticket", "A-002", *PTK, "--to", f"escpos+file://{tmp_path / 't.bin'}")
    run("print", "failed")
    run("devices", "check", *PTK)
    login(url, "pengawas")
    run("ticket", "priority", "A-002", "--reason", "lansia", *PTK)
    run("ticket", "call-next", "--counter", "L1", *PTK)
    run("ticket", "take-back", "A-002", *PTK)
    run("ticket", "call-next", "--counter", "L2", *PTK, code=0)  # nobody: in words too
    run("appointment", "book", "STNK-HILANG", "--at", "2026-12-24T09:00+07:00", "--code",
        "K1", *PTK)
    run("queue", "recover", *PTK)
    run("queue", "status", *PTK)
    run("queue", "close-day", *PTK)
    run("queue", "open-day", *PTK)
    run("complaint", "register", *PTK, "--channel", "whatsapp", "--text", "Antrian lama",
        "--reporter", "Andi", "--received-at", "2026-11-27T10:00+07:00")
    complaint = run("complaint", "overdue", *PTK, "--at", "2026-11-30T11:00+07:00").split()[1]
    run("complaint", "step", complaint, "1", *PTK)
    run("complaint", "answer", complaint, *PTK, "--text", "Sudah ditegur")
    run("complaint", "close", complaint, *PTK, "--resolution", "Jadwal diperbaiki")
    run("complaint", "show", complaint, *PTK)
    run("report", "daily", "--date", "2026-11-23", *PTK, "--pdf", str(tmp_path / "r.pdf"))
    run("report", "summarize", *PTK, "--from", "2026-11-16", "--to", "2026-11-23")
    run("counter", "close", "CF", *PTK)


def _bapenda(run: Script, url: str, tmp_path: Path) -> None:
    login(url, "petugas")
    run("npwpd", "register", *BATU, "--kind", "P", "--nik", NIK_SITI, "--name",
        "Siti Rahmawati", "--tax-type", "restoran", "--address", "Jl. Bromo 3", "--district",
        "01", "--village", "02", "--all-requirements")
    out = run("npwpd", "register", *BATU, "--kind", "B", "--nik", NIK_BUDI, "--name", "Budi",
              "--business-name", "Parkir Alun-alun", "--tax-type", "parkir", "--address",
              "Jl. Sudiro", "--district", "1", "--village", "3", "--all-requirements")
    npwpd = out.split()[0]
    run("npwpd", "show", npwpd, *BATU)
    out = run("tax", "assess", *BATU, "--npwpd", npwpd, "--principal", "500000", "--period",
              "2026-02", "--issued", "2026-02-10", "--due", "2026-03-10")
    number = out.split()[0]
    run("tax", "bill", *BATU, "--number", number, "--on", "2026-06-01")
    run("tax", "lookup", npwpd, *BATU)
    run("tax", "pay", *BATU, "--number", number, "--method", "billing", "--reference",
        "0012345")
    login(url, "pengawas")
    run("npwpd", "deactivate", npwpd, *BATU, "--reason", "usaha-tutup")
    login(url, "petugas")
    out = run("perforation", "request", *MALANG, "--npwpd", "P.2.0001234.01.02", "--name",
              "Rumah Makan Sederhana", "--media", "bon", "--series", "BON-A", "--first", "1",
              "--last", "500", "--sheets", "500", "--face-value", "5.000")
    request = out.split()[0]
    run("perforation", "count", request, *MALANG, "--manual", "500", "--note", "mesin mati")
    login(url, "pengawas")
    run("perforation", "reconcile", request, *MALANG, "--damaged", "2")
    login(url, "petugas")
    run("perforation", "pickup", request, *MALANG, "--by", "Budi")
    run("perforation", "stock", *MALANG, "--npwpd", "P.2.0001234.01.02")
    run("perforation", "show", request, *MALANG)
    run("perforation", "list", *MALANG)
    run("perforation", "media")
    out = run("application", "register", "KEBERATAN", *MALANG, "--name", "Budi Santoso",
              "--nik", "3573010101900001", "--subject", "Keberatan SKPD", "--amount",
              "2.500.000", "--received-at", "2026-11-20T10:00+07:00")
    application = out.split()[0]
    run("application", "forward", application, *MALANG, "--to", "Kabid Pendapatan")
    run("application", "overdue", *MALANG, "--at", "2026-12-20T10:00+07:00", "--soon", "5")
    run("application", "finish", application, *MALANG)
    run("application", "show", application, *MALANG)
    login(url, "admin")
    run("holiday", "add", "2026-04-01", "HUT Kota Malang", *MALANG)
    run("holiday", "list", "--year", "2026", *MALANG)
    login(url, "pengawas")
    run("fiscal", "import", str(FISCAL), "--source", "pkb", *BANTEN)
    run("fiscal", "batches", *BANTEN)
    code = run("fiscal", "check", "--plate", "B 4321 XYZ", "--purpose", "Izin usaha",
               "--letter", *BANTEN).split()[-1]
    # a letter's code names its office: the words of another office's catalog may show
    # (Malang's service TUNGGAKAN is the word of "ADA TUNGGAKAN")
    run("fiscal", "verify", code, office="BAPENDA-BANTEN-FO")
    run("fiscal", "revoke", code, "--reason", "salah ketik", office="BAPENDA-BANTEN-FO")
    run("fiscal", "verify", code, code=1, office="BAPENDA-BANTEN-FO")  # revoked: in words
    run("fiscal", "log", *BANTEN)


def _office(run: Script, tmp_path: Path) -> None:
    survey = tmp_path / "kuesioner.csv"
    ids = ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku",
           "pengaduan", "sarana")
    survey.write_text("\n".join([",".join(["date", *ids]),
                                 ",".join(["2026-11-23", *["4"] * 9]),
                                 ",".join(["2026-11-23", *["3"] * 9])]) + "\n")
    login_admin = ("--office", "SAMSAT-PTK1")
    run("ikm", "import", str(survey), *login_admin)
    run("ikm", "report", *login_admin, "--from", "2026-11-01", "--to", "2026-11-30")
    run("ikm", "compute", "--answers", str(survey))
    run("catalog", "list", *PTK)
    run("catalog", "check", str(path("catalog", "samsat-kalbar-pontianak-1.yaml")))
    run("catalog", "import", str(path("catalog", "samsat-kalbar-pontianak-1.yaml")))
    run("whoami")
    run("db", "upgrade")
    run("user", "list")
    run("db", "status")
    run("config", "show")
    run("tariff", "check")


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_text_output_reads_as_words(capsys, url: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          language: str, home: Path) -> None:
    monkeypatch.setenv("LOKET_LANG", language)
    run = Script(capsys, url)
    _samsat(run, url, tmp_path)
    _bapenda(run, url, tmp_path)
    login(url, "admin")
    _office(run, tmp_path)
    with Store.open(url) as store:
        codes = {office: codes_of(store, (office,)) for office in OFFICES}
    everywhere = set().union(*codes.values())
    found = [f"loket {argv}: {leak}" for argv, office, out in run.printed
             for leak in leaks(out, codes.get(office, everywhere), language)]
    assert found == [], "\n".join(found)
    assert all(out.strip() for _, _, out in run.printed)


def test_the_check_catches_a_code_a_status_and_english(catalog_store: Store) -> None:
    codes = codes_of(catalog_store)
    assert {"cek-fisik", "L1", "STNK-PERPANJANGAN", "bpkb-fotokopi", "no_show",
            "ticket_printer"} <= codes
    assert "called" not in codes  # a plain word in English: only codes with - or _
    assert leaks("A-001  cek-fisik  Dipanggil", codes, "id") == [
        "'cek-fisik' in 'A-001  cek-fisik  Dipanggil'"]
    assert leaks("KIOSK-1 ticket_printer siap", codes, "en") == [
        "'ticket_printer' in 'KIOSK-1 ticket_printer siap'"]
    assert leaks("L1 buka", codes, "id") == ["'L1' in 'L1 buka'"]
    assert leaks("Loket 1 is open", codes, "id") == ["English 'is' in 'Loket 1 is open'"]
    assert leaks("A-001  Cek Fisik Kendaraan  Loket 1  Dipanggil", codes, "id") == []
