"""``loket perforation ...`` commands of the perforation work: thin wrappers over its services.

    loket perforation request --npwpd X --name N --media bon --series S --first 1 --last 1000
                              --sheets 1000 --face-value 5000 [--note TEXT] --json
    loket perforation count REQUEST --device CONNECTION --json      (exit 1: not finished)
    loket perforation count REQUEST --device CONNECTION --end        (abort the open job)
    loket perforation count REQUEST --manual N --note TEXT           (the machine forgot)
    loket perforation reconcile REQUEST --damaged N [--note TEXT]
    loket perforation pickup REQUEST --by NAME [--pdf FILE]
    loket perforation stock --npwpd X [--json | --pdf FILE]
    loket perforation show REQUEST | list [--open] [--overdue] | media
    loket perforation cancel REQUEST --reason TEXT

``request --ticket`` (today's number, ``A-001``, or a visit id) registers the request for
that visit, and counting a request whose visit is still open is that visit's work: only
when a perforation counter has called or is serving it, unless a supervisor (``--as``) adds
``--override`` (audited).
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import (
    EXIT_DEVICE_TROUBLE,
    Parents,
    SubParsers,
    add_override,
    emit,
    open_store,
    say,
    write_output,
)
from app.cli.login import actor
from app.cli.words import day, moment, phrase, word


def _line(info: Any) -> str:
    good = phrase("cli.out.good", good=info.good) if info.good is not None else ""
    return (phrase("cli.out.perforation", number=info.number,
                   status=word("cli.out.perforation_status", info.status), npwpd=info.npwpd,
                   name=info.name, media=info.media_name, series=info.series,
                   first=info.first, last=info.last, sheets=info.sheets,
                   counted=info.counted, good=good,
                   due=f"{moment(info.due_at)} {info.zone}")
            + (phrase("cli.out.late") if info.overdue else ""))


def cmd_request(args: argparse.Namespace) -> int:
    from app.output.tickets import find_visit
    from app.perforation import service

    with open_store(args) as store:
        visit_id = find_visit(store, args.visit, office_code=args.office) if args.visit \
            else None
        with store.uow() as uow:
            info = service.create_request(
                uow, npwpd=args.npwpd, name=args.name, media=args.media, series=args.series,
                first=args.first, last=args.last, sheets=args.sheets,
                face_value=args.face_value, note=args.note or "", office_code=args.office,
                visit_id=visit_id, actor=actor(args), override=args.override)
    emit(args, info.to_json(), lambda: _line(info))
    return 0


def cmd_count(args: argparse.Namespace) -> int:
    from app.errors import LoketError
    from app.perforation import service
    from app.perforation.counting import count_request, end_count

    if args.end and not args.device:
        raise LoketError("perforation.count.end_needs_device")
    with open_store(args) as store:
        if args.manual is not None:
            with store.uow() as uow:
                info = service.record_manual_count(uow, args.request, args.manual,
                                                   note=args.note or "",
                                                   actor=actor(args),
                                                   office_code=args.office,
                                                   override=args.override)
            emit(args, {"state": "done", "counted": info.counted, "manual": True,
                         "request": info.to_json()}, lambda: _line(info))
            return 0
        if args.end:
            outcome = end_count(store, args.request, args.device, actor=actor(args),
                                office_code=args.office, override=args.override)
            emit(args, outcome.to_json(), lambda: _line(outcome.request))
            return 0 if outcome.state == "aborted" else EXIT_DEVICE_TROUBLE
        outcome = count_request(store, args.request, args.device, actor=actor(args),
                                office_code=args.office, override=args.override)
    if not outcome.done:
        say(outcome.message)
    emit(args, outcome.to_json(), lambda: _line(outcome.request))
    return 0 if outcome.done else EXIT_DEVICE_TROUBLE


def cmd_reconcile(args: argparse.Namespace) -> int:
    from app.perforation import service

    with open_store(args) as store, store.uow() as uow:
        info = service.reconcile(uow, args.request, damaged=args.damaged, note=args.note or "",
                                 actor=actor(args), office_code=args.office)
    emit(args, info.to_json(), lambda: phrase(
        "cli.out.reconciled", number=info.number, sheets=info.sheets, counted=info.counted,
        short=info.short, extra=info.extra, damaged=info.damaged, good=info.good,
        result=word("cli.out.reconcile", info.result)))
    return 0


def cmd_pickup(args: argparse.Namespace) -> int:
    from app.perforation import service

    with open_store(args) as store, store.uow() as uow:
        info, pdf = service.pickup(uow, args.request, by=args.by, actor=actor(args),
                                   office_code=args.office)
    if args.pdf:
        write_output(args.pdf, pdf)
    data = info.to_json() | {"pdf": args.pdf}
    emit(args, data, lambda: phrase("cli.out.picked_up", number=info.number,
                                    by=info.picked_up_by)
         + (f" -> {args.pdf}" if args.pdf else ""))
    return 0


def cmd_stock(args: argparse.Namespace) -> int:
    from app.money import format_rupiah
    from app.perforation import service
    from app.queue.engine import resolve_office
    from printing.perforation_documents import stock_book_pdf

    with open_store(args) as store, store.uow(read_only=True) as uow:
        book = service.stock_book(uow, args.npwpd, office_code=args.office)
        pdf = (stock_book_pdf(book, resolve_office(uow.session, book.office_code))
               if args.pdf else None)
    if pdf is not None:
        write_output(args.pdf, pdf)

    def human() -> str:
        def sheets(count: int) -> str:
            return phrase("cli.out.sheets", count=f"{count:>7}")

        lines = [f"{book.npwpd} {book.name}"]
        for g in book.groups:
            lines.append("  " + phrase("cli.out.series", media=g.media_name, series=g.series))
            for e in g.entries:
                lines.append(f"    {e.number:<16} {e.first:>11}-{e.last:<11} {sheets(e.good)} "
                             f"{format_rupiah(e.value):>16}  {day(e.perforated_on)}")
            lines.append(f"    {phrase('cli.out.total'):<40} {sheets(g.sheets)} "
                         f"{format_rupiah(g.value):>16}")
        lines.append(f"  {phrase('cli.out.grand_total')} "
                     f"{phrase('cli.out.sheets', count=book.sheets)} {format_rupiah(book.value)}")
        return "\n".join(lines)

    emit(args, book.to_json() | {"pdf": args.pdf}, human)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from app.perforation import service

    with open_store(args) as store, store.uow(read_only=True) as uow:
        info = service.get_request(uow, args.request, office_code=args.office)
    emit(args, info.to_json(), lambda: _line(info))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.perforation import service

    with open_store(args) as store, store.uow(read_only=True) as uow:
        rows = service.list_requests(uow, office_code=args.office, status=args.status,
                                     open_only=args.open, overdue_only=args.overdue)
    emit(args, [r.to_json() for r in rows], lambda: "\n".join(_line(r) for r in rows))
    return 0


def cmd_media(args: argparse.Namespace) -> int:
    from datetime import date

    from app.perforation import config

    rows = config.media_choices(date.today())
    emit(args, [m.to_json() for m in rows], lambda: "\n".join(
        f"{m.name} ({m.code})" for m in rows))  # the code is what --media takes
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    from app.perforation import service

    with open_store(args) as store, store.uow() as uow:
        info = service.cancel(uow, args.request, reason=args.reason, actor=actor(args),
                              office_code=args.office)
    emit(args, info.to_json(), lambda: _line(info))
    return 0


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket perforation ...`` to the ``loket`` parser."""
    reporting = parents.reporting
    perf = sub.add_parser("perforation", help="perforation of valuables (perforasi)")
    cmds = perf.add_subparsers(dest="perforation_cmd", required=True)
    acting = parents.acting

    p = cmds.add_parser("request", parents=acting, help="register a perforation request")
    p.add_argument("--npwpd", required=True)
    p.add_argument("--name", required=True, help="taxpayer or business name")
    p.add_argument("--media", required=True, help="bon, parkir, hiburan, reklame (media.yaml)")
    p.add_argument("--series", required=True)
    p.add_argument("--first", required=True, metavar="SERIAL")
    p.add_argument("--last", required=True, metavar="SERIAL")
    p.add_argument("--sheets", required=True, metavar="N")
    p.add_argument("--face-value", dest="face_value", required=True, metavar="RUPIAH",
                   help="face value of one sheet, whole rupiah")
    p.add_argument("--note", help="why the sheets differ from the serial range")
    p.add_argument("--ticket", "--visit", dest="visit", metavar="TICKET",
                   help="the queue visit it belongs to: today's number (A-001) or its id")
    add_override(p)
    p.set_defaults(func=cmd_request)

    p = cmds.add_parser("count", parents=acting,
                        help="count a request on the perforation machine (or by hand)")
    p.add_argument("request", metavar="REQUEST", help="request number or id")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--device", metavar="CONNECTION",
                     help="e.g. perforator+serial:///dev/ttyUSB1, perforator+tcp://10.0.0.9, "
                          "sim://?speed=6000")
    how.add_argument("--manual", metavar="N", help="sheets counted by hand (needs --note)")
    p.add_argument("--note", help="why the count is manual")
    p.add_argument("--end", action="store_true",
                   help="end (abort) the request's job still open on the machine and book "
                        "its final count")
    add_override(p)
    p.set_defaults(func=cmd_count)

    p = cmds.add_parser("reconcile", parents=acting,
                        help="reconcile the count with the request")
    p.add_argument("request", metavar="REQUEST")
    p.add_argument("--damaged", default="0", metavar="N", help="damaged sheets (default 0)")
    p.add_argument("--note")
    p.set_defaults(func=cmd_reconcile)

    p = cmds.add_parser("pickup", parents=acting,
                        help="record the pick-up and issue the pick-up form")
    p.add_argument("request", metavar="REQUEST")
    p.add_argument("--by", required=True, metavar="NAME", help="who collects")
    p.add_argument("--pdf", metavar="FILE", help="also write the pick-up form here")
    p.set_defaults(func=cmd_pickup)

    p = cmds.add_parser("stock", parents=acting,
                        help="stock book of perforated valuables of a taxpayer")
    p.add_argument("--npwpd", required=True)
    p.add_argument("--pdf", metavar="FILE", help="write the stock book as PDF")
    p.set_defaults(func=cmd_stock)

    p = cmds.add_parser("show", parents=acting, help="one request")
    p.add_argument("request", metavar="REQUEST")
    p.set_defaults(func=cmd_show)

    p = cmds.add_parser("list", parents=acting, help="requests of the office")
    p.add_argument("--status")
    p.add_argument("--open", action="store_true", help="only those not picked up")
    p.add_argument("--overdue", action="store_true",
                   help="only those over their time standard")
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("media", parents=[reporting], help="the media a request may name")
    p.set_defaults(func=cmd_media)

    p = cmds.add_parser("cancel", parents=acting, help="withdraw a request not yet counted")
    p.add_argument("request", metavar="REQUEST")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_cancel)
