"""``loket print ...`` and ``loket devices ...``: printing, device health, simulators."""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from datetime import UTC, datetime
from typing import Any

from app.cli.common import EXIT_DEVICE_TROUBLE, Parents, SubParsers, emit, open_store, say
from app.cli.login import actor
from app.cli.words import phrase, word
from app.errors import LoketError
from app.i18n import tr


def job_state_label(state: str) -> str:
    from app.labels import job_state_label as label

    return label(state)


def device_kind_label(kind: str) -> str:
    from app.labels import device_kind_label as label

    return label(kind)


def device_state_label(condition: object) -> str:
    from app.labels import device_state_label as label

    return label(condition)  # type: ignore[arg-type]


def cmd_print_ticket(args: argparse.Namespace) -> int:
    """Print a ticket once, or reprint it (marked); the message on a failure says exactly
    what happens next: retried automatically, or waiting for someone to press reprint."""
    from app.access import Actor
    from app.output import tickets as ticket_print

    with open_store(args) as store:
        visit_id = ticket_print.find_visit(store, args.ticket, office_code=args.office)
        who = actor(args, anonymous=True)
        result = ticket_print.print_ticket(  # by name, as before: the job's audit has no id
            store, visit_id, args.to, reprint=args.reprint, actor=Actor(who.name))
        with store.uow(read_only=True) as uow:
            from db.models import Visit

            ticket = uow.session.get(Visit, visit_id).ticket  # type: ignore[union-attr]
    data = {"visit_id": visit_id, "ticket": ticket, "connection": args.to} | result.to_json()
    if result.state != "done":
        from app.spool import condition_words

        key = "print.retrying" if result.state == "queued" else "print.press_reprint"
        reason = tr(key, ticket=ticket, condition=condition_words(result.condition),
                    job=result.id)
        say(reason)
    emit(args, data, lambda: phrase("cli.out.job", what=ticket,
                                state=job_state_label(result.state), job=result.id))
    return 0 if result.state == "done" else EXIT_DEVICE_TROUBLE


def cmd_print_spool(args: argparse.Namespace) -> int:
    """Run the spool: flag jobs whose sender's lease ran out (it may have printed), then
    send due jobs as they fall due (each result one JSON line with --json). A job another
    sender is sending is left alone. ``--once`` sends what is due now and stops."""
    from app.spool import Spool

    with open_store(args) as store:
        spool = Spool(store, connections=set(args.connection) if args.connection else None)
        deadline = time.monotonic() + args.duration if args.duration else None
        wake = threading.Event()
        while True:
            for job_id in spool.recover():
                _line(args, {"job": job_id, "state": "failed", "error": "unconfirmed"})
            for result in spool.run_due():
                _line(args, result.to_json())
            if args.once or (deadline is not None and time.monotonic() >= deadline):
                return 0
            due = spool.next_due_at()
            wait = 1.0 if due is None else max(0.05, min(
                1.0, (due - datetime.now(UTC)).total_seconds()))
            if deadline is not None:
                wait = max(0.0, min(wait, deadline - time.monotonic()))
            wake.wait(wait)  # new jobs are looked for every second at most


def _line(args: argparse.Namespace, data: dict[str, Any]) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False), flush=True)
    else:
        print(phrase("cli.out.job_line", job=data["job"], state=job_state_label(data["state"]),
                  error=_error(data.get("error"))).rstrip(), flush=True)


def _error(error: object) -> str:
    """Why a print job failed, in words when it is a device condition."""
    if not error:
        return ""
    from app.spool import condition_words

    error = str(error)
    return str(condition_words(error)) if error in CONDITIONS else word("cli.out.error", error)


# devices.base.Condition's values, written out (importing devices would load the drivers)
CONDITIONS = frozenset({"ready", "busy", "offline", "paper_out", "paper_low", "cover_open",
                        "jammed", "media_out", "timeout", "unreachable", "unknown"})


def cmd_print_failed(args: argparse.Namespace) -> int:
    """Jobs given up or unconfirmed: what to reprint."""
    from app.queue.engine import resolve_office
    from app.spool import failed_jobs

    with open_store(args) as store, store.uow(read_only=True) as uow:
        office_id = resolve_office(uow.session, args.office).id if args.office else None
        jobs = failed_jobs(uow, office_id=office_id)
        data = [{"job": j.id, "kind": j.job_kind, "visit_id": j.visit_id,
                 "connection": j.connection, "attempts": j.attempts, "error": j.last_error,
                 "at": j.updated_at.isoformat()} for j in jobs]
    emit(args, data, lambda: "\n".join(
        phrase("cli.out.failed_job", job=d["job"], kind=word("cli.out.jobkind", d["kind"]),
               visit=d["visit_id"] or "-", error=_error(d["error"])) for d in data)
        or phrase("cli.out.no_failed_jobs"))
    return 0


def cmd_devices_check(args: argparse.Namespace) -> int:
    from app.output import devices as devices_service

    with open_store(args) as store, store.uow(read_only=True) as uow:
        reports = devices_service.check(uow, office_code=args.office,
                                        station_code=args.station)
    data = [r.to_json() for r in reports]
    emit(args, data, lambda: "\n".join(
        f"{r.office:<16} {r.station:<12} {device_kind_label(r.kind):<18} "
        f"{device_state_label(r.state.condition):<24} {r.connection} {r.state.detail}".rstrip()
        for r in reports))
    return 0 if all(r.state.usable for r in reports) else EXIT_DEVICE_TROUBLE


def _listen(value: str) -> tuple[str, Any]:
    if value == "pty":
        if sys.platform == "win32":
            raise LoketError("device.bad_listen", value=value)
        return "pty", None
    if value.startswith("tcp://"):
        host, _, port = value[6:].rpartition(":")
        if host and port.isdigit() and 0 <= int(port) < 65536:
            return "tcp", (host, int(port))
    raise LoketError("device.bad_listen", value=value)


def cmd_devices_simulate(args: argparse.Namespace) -> int:
    """Run a simulator as its own process, for a multi-PC office test."""
    from db.enums import DeviceKind

    kinds = {"ticket_printer": DeviceKind.TICKET_PRINTER, "perforator": DeviceKind.PERFORATOR,
             "card_printer": DeviceKind.CARD_PRINTER}
    kind = kinds.get(args.kind.replace("-", "_"))
    if kind is None:
        raise LoketError("device.unknown_kind", kind=args.kind, choices=", ".join(kinds))
    if kind is DeviceKind.CARD_PRINTER:
        raise LoketError("device.no_simulator_process", kind=args.kind)
    if kind is DeviceKind.PERFORATOR:
        from devices.perforator_sim import serve

        try:
            serve(args.listen, speed=args.speed or 600.0, faults=args.fault or "")
        except ValueError as exc:
            raise LoketError("device.bad_listen", value=f"{args.listen} {args.fault or ''}"
                             .strip() + f": {exc}") from exc
        return 0
    mode, address = _listen(args.listen)
    from devices.escpos_sim import EscposSimulator, Fault

    if args.fault and args.fault not in {f.value for f in Fault}:
        raise LoketError("device.bad_connection", value=args.fault,
                         reason="fault: " + ", ".join(f.value for f in Fault))
    sim = EscposSimulator(fault=Fault(args.fault) if args.fault else None)
    server = sim.serve_pty() if mode == "pty" else sim.serve_tcp(*address)
    print(phrase("cli.out.simulator", address=server.address), flush=True)
    deadline = time.monotonic() + args.duration if args.duration else None
    shown = 0
    try:
        while deadline is None or time.monotonic() < deadline:
            if sim.wait_for_receipts(shown + 1, 0.5):
                for receipt in sim.receipts[shown:]:
                    print(receipt.text + "\n" + "=" * 32, flush=True)
                shown = len(sim.receipts)
    finally:
        server.stop()
    return 0


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket print ...`` and ``loket devices ...`` to the ``loket`` parser."""
    common, reporting, office = parents.common, parents.reporting, parents.office
    printing = sub.add_parser("print", help="print or reprint").add_subparsers(
        dest="print_cmd", required=True)
    p = printing.add_parser("ticket", parents=[common, reporting, office],
                            help="print (or reprint) one ticket")
    p.add_argument("ticket", metavar="TICKET", help="visit id, or today's number (A-001)")
    p.add_argument("--to", required=True, metavar="CONNECTION",
                   help="printer, e.g. escpos+tcp://192.168.1.50 or escpos+file:///tmp/t.bin")
    p.add_argument("--reprint", action="store_true",
                   help="reprint, marked CETAK ULANG: takes over a job waiting or flagged")
    p.set_defaults(func=cmd_print_ticket)
    p = printing.add_parser("spool", parents=[common, reporting],
                            help="send queued print jobs, retrying, until stopped")
    p.add_argument("--connection", action="append", metavar="CONNECTION",
                   help="only jobs for this device (repeatable): a station's own printers")
    p.add_argument("--once", action="store_true", help="send what is due now, then stop")
    p.add_argument("--duration", type=float, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_print_spool)
    p = printing.add_parser("failed", parents=[common, reporting],
                            help="print jobs given up or unconfirmed, to reprint")
    p.add_argument("--office", metavar="CODE")
    p.set_defaults(func=cmd_print_failed)

    devices = sub.add_parser("devices", help="printers and machines").add_subparsers(
        dest="devices_cmd", required=True)
    p = devices.add_parser("check", parents=[common, reporting],
                           help="ask every configured device how it is (exit 1 if one is not)")
    p.add_argument("--office", metavar="CODE")
    p.add_argument("--station", metavar="CODE")
    p.set_defaults(func=cmd_devices_check)
    p = devices.add_parser("simulate", help="run a device simulator as its own process")
    p.add_argument("kind", metavar="KIND", help="ticket_printer or perforator")
    p.add_argument("--listen", required=True, metavar="WHERE", help="pty or tcp://HOST:PORT")
    p.add_argument("--fault", help="ticket printer: offline, paper_out, paper_low, cover_open, "
                   "timeout; perforator: jam@N, media@N, cover[@N], silent[@N]")
    p.add_argument("--speed", type=float, help="sheets per minute (perforator)")
    p.add_argument("--duration", type=float, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_devices_simulate)
