"""``loket print ticket`` and ``loket devices ...`` from the command line."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta

import pytest

from app.access import Actor
from app.cli import main
from app.store import Store
from devices.escpos_parse import decode
from tests.helpers import run_json, snapshot

run = run_json


def test_print_a_ticket_to_a_file_writes_its_exact_bytes(capsys, url: str, tmp_path) -> None:
    _, issued, _ = run(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", "--office",
                       "SAMSAT-PTK1", "--priority", "lansia")
    target = tmp_path / "a001.bin"
    code, data, _ = run(capsys, url, "print", "ticket", "A-001", "--office", "SAMSAT-PTK1",
                        "--to", f"escpos+file://{target}?width=58")
    assert code == 0
    assert (data["ticket"], data["state"], data["visit_id"]) == ("A-001", "done", issued["id"])
    [receipt] = decode(target.read_bytes())
    assert receipt.qr == [f"LOKET1|SAMSAT-PTK1|{issued['id']}|A-001"]
    assert "PRIORITAS: LANSIA" in receipt.text
    assert target.stat().st_size < 1024
    # again by visit id, as a reprint
    code, data, _ = run(capsys, url, "print", "ticket", str(issued["id"]), "--to",
                        f"escpos+file://{target}", "--reprint")
    assert code == 0 and "** CETAK ULANG **" in decode(target.read_bytes())[0].text


def _sim(name: str, fault: str = ""):
    """The in-process simulator behind ``sim://?name=NAME``, fresh for this test."""
    from db.enums import DeviceKind
    from devices.connection import parse
    from devices.registry import forget_simulators, simulator

    forget_simulators()
    connection = f"sim://?name={name}" + (f"&fault={fault}" if fault else "")
    return connection, simulator(DeviceKind.TICKET_PRINTER,
                                 parse(connection, DeviceKind.TICKET_PRINTER))


def test_a_printer_in_trouble_says_the_ticket_is_retried_and_only_that(
        capsys, url: str, monkeypatch) -> None:
    """The reported case: the message invited a reprint while the job waited for its
    retry; following it printed each ticket twice. Now it says the one thing that
    happens, and printing the ticket again is refused."""
    run(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", "--office", "SAMSAT-PTK1")
    connection, sim = _sim("cli-retry", "cover_open")
    code, data, err = run(capsys, url, "print", "ticket", "A-001", "--office", "SAMSAT-PTK1",
                          "--to", connection)
    assert code == 1
    assert (data["state"], data["condition"]) == ("queued", "cover_open")
    assert err.count("\n") == 1 and "A-001" in err and "tutup printer terbuka" in err
    assert "akan dicoba lagi otomatis" in err and "jangan dicetak ulang" in err
    assert "tekan cetak ulang" not in err and "cover_open" not in err
    # following the message (running it again) prints nothing: exit 2, one line
    code, _, err = run(capsys, url, "print", "ticket", "A-001", "--office", "SAMSAT-PTK1",
                       "--to", connection)
    assert code == 2 and err.count("\n") == 1
    assert "sudah di antrian cetak" in err and "akan dicoba lagi otomatis" in err
    sim.set_fault(None)  # the cover is closed, the backoff over: the spool prints it, once
    with Store.open(url) as store, store.uow() as uow:
        from db.models import DeviceJob

        uow.session.get(DeviceJob, data["job"]).next_attempt_at -= timedelta(minutes=1)
        uow.commit()
    assert main(["--db", url, "print", "spool", "--once", "--json"]) == 0
    [line] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert (line["job"], line["state"]) == (data["job"], "done")
    [receipt] = sim.receipts
    assert receipt.qr[0].endswith("|A-001") and "CETAK ULANG" not in receipt.text
    monkeypatch.setenv("LOKET_LANG", "en")
    code, _, err = run(capsys, url, "print", "ticket", "A-001", "--office", "SAMSAT-PTK1",
                       "--to", connection)
    assert code == 2 and "has already printed" in err and "press reprint" in err


def test_a_ticket_that_may_have_printed_asks_for_a_reprint_and_only_that(
        capsys, url: str) -> None:
    """Paper out half-way through: it may have printed, so nothing retries it; the message
    says to press reprint, and the reprint comes out marked."""
    from devices.escpos_sim import Fault

    run(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", "--office", "SAMSAT-PTK1")
    connection, sim = _sim("cli-flagged")
    sim.plan = lambda moment, n: Fault.PAPER_OUT if (moment, n) == ("receipt", 1) else None
    code, data, err = run(capsys, url, "print", "ticket", "A-001", "--office", "SAMSAT-PTK1",
                          "--to", connection)
    assert code == 1 and data["state"] == "failed" and err.count("\n") == 1
    assert "tekan cetak ulang" in err and "tidak akan dicoba lagi otomatis" in err
    assert "kertas printer habis" in err and "jangan dicetak ulang" not in err
    assert main(["--db", url, "print", "spool", "--once", "--json"]) == 0
    assert capsys.readouterr().out == ""  # the spool leaves it to a person
    code, _, err = run(capsys, url, "print", "ticket", "A-001", "--office", "SAMSAT-PTK1",
                       "--to", connection)
    assert code == 2 and "mungkin sudah tercetak" in err and "--reprint" in err
    code, again, _ = run(capsys, url, "print", "ticket", "A-001", "--office", "SAMSAT-PTK1",
                         "--to", connection, "--reprint")
    assert code == 0 and (again["job"], again["state"]) == (data["job"], "done")
    [receipt] = sim.receipts  # the first was swallowed with the paper
    assert "** CETAK ULANG **" in receipt.text
    code, failed, _ = run(capsys, url, "print", "failed")
    assert code == 0 and failed == []


def test_spool_leaves_a_job_another_sender_is_sending(capsys, url: str) -> None:
    from app.output import tickets as ticket_print
    from app.spool import Spool

    run(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", "--office", "SAMSAT-PTK1")
    connection, sim = _sim("cli-leased")
    with Store.open(url) as store:
        sender = Spool(store)
        job = ticket_print.queue_ticket(store, 1, connection, sender=sender)
        assert main(["--db", url, "print", "spool", "--once", "--json"]) == 0
        assert capsys.readouterr().out == ""  # neither flagged nor sent
        code, _, err = run(capsys, url, "print", "ticket", "A-001", "--office",
                           "SAMSAT-PTK1", "--to", connection, "--reprint")
        assert code == 2 and "sedang dikirim ke printer" in err
        claim = sender.held(job)
        assert claim is not None and sender.send(claim).state == "done"
    assert len(sim.receipts) == 1


@pytest.mark.parametrize("argv", [
    ["print", "ticket", "A-001", "--office", "SAMSAT-PTK1", "--to", "escpos+tcp://h:port"],
    ["print", "ticket", "Z-999", "--office", "SAMSAT-PTK1", "--to", "sim://"],
    ["devices", "simulate", "plotter", "--listen", "pty"],
    ["devices", "simulate", "ticket_printer", "--listen", "udp://x"],
])
def test_bad_input_exits_2_with_one_line_and_changes_nothing(capsys, url: str, argv) -> None:
    run(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", "--office", "SAMSAT-PTK1")
    before = snapshot(url)
    code = main(["--db", url, *argv])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("loket: ") and err.count("\n") == 1
    assert snapshot(url) == before


def test_devices_check_reports_every_configured_device(capsys, url: str) -> None:
    with Store.open(url) as store:
        from app.catalog.service import import_file
        from resources import path

        with store.uow() as uow:
            import_file(uow, path("demo", "stations.yaml"), actor=Actor("admin"))
    code, data, _ = run(capsys, url, "devices", "check", "--office", "SAMSAT-PTK1")
    assert code == 0
    assert {(d["station"], d["kind"]) for d in data} >= {("KIOSK-1", "ticket_printer")}
    assert all(d["usable"] for d in data)


@contextlib.contextmanager
def simulator_process(kind: str, *extra: str) -> Iterator[tuple[subprocess.Popen, int]]:
    """``loket devices simulate KIND --listen tcp://127.0.0.1:PORT`` as its own process."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "devices", "simulate", kind, "--listen",
         f"tcp://127.0.0.1:{port}", *extra], stdout=subprocess.PIPE, text=True)
    try:
        yield proc, port
    finally:
        proc.terminate()
        proc.wait(10)


def test_simulator_process_serves_a_ticket_printer() -> None:
    """``loket devices simulate`` in its own process; python-escpos prints to it over TCP."""
    with simulator_process("ticket_printer", "--duration", "20") as (proc, port):
        assert f"127.0.0.1:{port}" in proc.stdout.readline()  # ready, at its address
        from db.enums import DeviceKind
        from devices.registry import open_device

        printer = open_device(DeviceKind.TICKET_PRINTER, f"escpos+tcp://127.0.0.1:{port}")
        assert printer.state().usable
        printer.send(b"\x1b@Halo simulator\n\x1dV\x00")
        assert proc.stdout.readline().strip() == "Halo simulator"


def test_simulator_process_serves_a_perforator() -> None:
    """``loket devices simulate perforator`` answers the line protocol over TCP."""
    with simulator_process("perforator", "--speed", "600000") as (proc, port):
        assert str(port) in proc.stdout.readline()
        from db.enums import DeviceKind
        from devices.registry import open_device

        machine = open_device(DeviceKind.PERFORATOR, f"perforator+tcp://127.0.0.1:{port}")
        try:
            assert machine.state().usable
        finally:
            machine.close()


def test_spool_once_sends_what_is_due_and_failed_lists_the_rest(capsys, url: str,
                                                                 tmp_path) -> None:
    from app.output import tickets as ticket_print

    run(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", "--office", "SAMSAT-PTK1")
    run(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", "--office", "SAMSAT-PTK1")
    good, bad = tmp_path / "good.bin", tmp_path / "missing-folder" / "bad.bin"
    with Store.open(url) as store:
        first = ticket_print.queue_ticket(store, 1, f"escpos+file://{good}")
        second = ticket_print.queue_ticket(store, 2, f"escpos+file://{bad}")
    assert main(["--db", url, "print", "spool", "--once", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(d["job"], d["state"]) for d in lines} == {(first, "done"), (second, "queued")}
    assert decode(good.read_bytes())[0].qr[0].endswith("|1|A-001")
    code, failed, _ = run(capsys, url, "print", "failed")
    assert code == 0 and failed == []
