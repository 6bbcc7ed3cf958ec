"""``loket application|complaint|holiday ...``: thin wrappers over this package's services.

    loket application register SERVICE --name NAME --subject TEXT [--nik NIK]
          [--contact C] [--amount RP] [--holder WHO] [--received-at ISO] [--pdf FILE]
    loket application show NUMBER [--pdf FILE]
    loket application forward NUMBER --to WHO [--note TEXT]
    loket application finish NUMBER [--outcome done|rejected] [--note TEXT]
    loket application overdue [--at ISO] [--soon N]
    loket complaint register --channel KIND --text TEXT [--reporter R] [--contact C]
    loket complaint show|step|answer|close|overdue ...
    loket holiday add DATE NAME [--office CODE]
    loket holiday list --year Y [--office CODE]

Every command takes ``--json``; bad input ends with exit status 2 and changes nothing.
``register --ticket`` (today's number, ``A-001``, or a visit id) registers for that visit:
only when a casework counter has called or is serving it, unless a supervisor (``--as``)
adds ``--override`` (audited).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from app.cli.common import (
    Parents,
    SubParsers,
    add_visit,
    emit,
    open_store,
    visit_of,
    write_output,
)
from app.cli.login import actor
from app.cli.words import day, moment, names_for, phrase, word
from app.errors import LoketError


def parse_moment(value: str | None) -> datetime | None:
    """A moment typed with its zone (``2026-11-23T09:00+07:00``), in UTC; None if empty."""
    from app.inputs import check_moment

    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise LoketError("casework.bad_time", value=value[:40]) from None
    if moment.tzinfo is None:
        raise LoketError("casework.bad_time", value=value[:40])
    return check_moment(moment, value[:40]).astimezone(UTC)


def _fields(pairs: list[tuple[str, str]]) -> list[str]:
    """``  name   value`` lines, the names (message keys) in words and aligned."""
    width = max(len(phrase(key)) for key, _ in pairs)
    return [f"  {phrase(key):<{width}}  {value}".rstrip() for key, value in pairs]


def _app_lines(args: argparse.Namespace, data: dict[str, Any]) -> str:
    service = names_for(args).services.get(data["service"]) or data["service_name"]
    applicant = f"{data['applicant']['name']} {data['applicant']['nik'] or ''}"
    pairs = [("cli.out.applicant", applicant),
             ("cli.out.subject", data["subject"]),
             ("cli.out.received", phrase("cli.out.received_by", at=moment(data["received_at"]),
                                         by=data["received_by"])),
             ("cli.out.due", f"{day(data['due_on'])} ({data['time_standard']})"),
             ("cli.out.holder", data["holder"])]
    if data["decided_by"]:
        pairs.append(("cli.out.decided_by", data["decided_by"]))
    lines = [f"{data['number']}  {service}  {data['status_text']}", *_fields(pairs)]
    lines += [f"  {s['position']}. {moment(s['at'])} {s['from'] or '-'} -> {s['to']} "
              f"[{word('casework.status', s['status'])}] {s['note']}".rstrip()
              for s in data["steps"]]
    return "\n".join(lines)


def _write_pdf(path: str | None, pdf: bytes) -> None:
    if path:
        write_output(path, pdf)


# --- applications -----------------------------------------------------------------------


def cmd_app_register(args: argparse.Namespace) -> int:
    from app.casework import applications as A

    with open_store(args) as store:
        visit_id = visit_of(store, args)
        with store.uow() as uow:
            info = A.register_application(
                uow, args.service, office_code=args.office, applicant_name=args.name,
                applicant_nik=args.nik, applicant_contact=args.contact or "",
                subject=args.subject, amount=args.amount, holder=args.holder,
                received_at=parse_moment(args.received_at), actor=actor(args),
                visit_id=visit_id, override=args.override)
        if args.pdf:
            with store.uow(read_only=True) as uow:
                _write_pdf(args.pdf, A.receipt_pdf(uow, info.number, office_code=args.office))
    data = info.to_json()
    emit(args, data, lambda: _app_lines(args, data))
    return 0


def cmd_app_show(args: argparse.Namespace) -> int:
    from app.casework import applications as A

    with open_store(args) as store, store.uow(read_only=True) as uow:
        info = A.show(uow, args.number, office_code=args.office)
        if args.pdf:
            _write_pdf(args.pdf, A.receipt_pdf(uow, args.number, office_code=args.office))
    data = info.to_json()
    emit(args, data, lambda: _app_lines(args, data))
    return 0


def cmd_app_forward(args: argparse.Namespace) -> int:
    from app.casework import applications as A

    with open_store(args) as store, store.uow() as uow:
        info = A.forward(uow, args.number, to=args.to, note=args.note or "",
                         office_code=args.office, actor=actor(args))
    data = info.to_json()
    emit(args, data, lambda: _app_lines(args, data))
    return 0


def cmd_app_finish(args: argparse.Namespace) -> int:
    from app.casework import applications as A

    with open_store(args) as store, store.uow() as uow:
        info = A.finish(uow, args.number, outcome=args.outcome, note=args.note or "",
                        office_code=args.office, actor=actor(args))
    data = info.to_json()
    emit(args, data, lambda: _app_lines(args, data))
    return 0


def cmd_app_overdue(args: argparse.Namespace) -> int:
    from app.casework import applications as A

    now = parse_moment(args.at)
    with open_store(args) as store, store.uow(read_only=True) as uow:
        late = A.overdue(uow, office_code=args.office, now=now)
        soon = A.due_soon(uow, office_code=args.office, now=now,
                          within_working_days=args.soon) if args.soon is not None else []
    data = {"overdue": [x.to_json() for x in late], "due_soon": [x.to_json() for x in soon]}

    def human() -> str:
        lines = [f"! {x['number']}  {day(x['due_on'])}  {x['holder']}  {x['subject']}"
                 for x in data["overdue"]]
        lines += [f"  {x['number']}  {day(x['due_on'])}  {x['holder']}  {x['subject']}"
                  for x in data["due_soon"]]
        return "\n".join(lines) or "-"

    emit(args, data, human)
    return 0


# --- complaints ------------------------------------------------------------------------


def _complaint_lines(data: dict[str, Any]) -> str:
    from app.labels import channel_label

    pairs = [("cli.out.reporter", f"{data['reporter'] or '-'} {data['contact']}"),
             ("cli.out.content", data["text"]),
             ("cli.out.received", moment(data["received_at"])),
             ("cli.out.deadline", moment(data["due_at"]))]
    if data["answer"]:
        pairs.append(("cli.out.answer", f"{moment(data['answered_at'])}: {data['answer']}"))
    if data["resolution"]:
        pairs.append(("cli.out.resolved",
                      f"{moment(data['resolved_at'])}: {data['resolution']}"))
    lines = [f"{data['number']}  {channel_label(data['channel'])}  {data['status_text']}",
             *_fields(pairs)]
    lines += [f"  {s['position']}. [{'x' if s['done_at'] else ' '}] {moment(s['due_at'])} "
              f"{s['text']}" for s in data["steps"]]
    return "\n".join(lines)


def _complaint_cmd(action: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        with open_store(args) as store:
            info = _complaint_action(store, args, action)
        data = info.to_json()
        emit(args, data, lambda: _complaint_lines(data))
        return 0

    return run


def _complaint_action(store: Any, args: argparse.Namespace, action: str) -> Any:
    from app.casework import complaints as C

    visit_id = visit_of(store, args) if action == "register" else None
    with store.uow(read_only=action == "show") as uow:
        if action == "register":
            return C.register_complaint(
                uow, channel=args.channel, text=args.text, reporter=args.reporter or "",
                contact=args.contact or "", office_code=args.office,
                received_at=parse_moment(args.received_at), actor=actor(args),
                visit_id=visit_id, override=args.override)
        if action == "show":
            return C.show(uow, args.number, office_code=args.office)
        if action == "step":
            return C.complete_step(uow, args.number, args.position, note=args.note or "",
                                   office_code=args.office, actor=actor(args))
        if action == "answer":
            return C.answer(uow, args.number, args.text, office_code=args.office,
                            actor=actor(args))
        return C.close(uow, args.number, args.resolution, office_code=args.office,
                       actor=actor(args))


def cmd_complaint_overdue(args: argparse.Namespace) -> int:
    from app.casework import complaints as C

    with open_store(args) as store, store.uow(read_only=True) as uow:
        late = C.overdue(uow, office_code=args.office, now=parse_moment(args.at))
    data = {"overdue": [x.to_json() for x in late]}
    def human() -> str:
        from app.labels import channel_label

        return "\n".join(
            f"! {x['number']}  {names_for(args).when(x['due_at'])}  "
            f"{channel_label(x['channel'])}  {x['text'][:60]}"
            for x in data["overdue"]) or "-"

    emit(args, data, human)
    return 0


# --- holidays --------------------------------------------------------------------------


def cmd_holiday_add(args: argparse.Namespace) -> int:
    from app.casework import holidays as H

    when = H.parse_day(args.date)
    with open_store(args) as store, store.uow() as uow:
        info = H.add_holiday(uow, when, args.name, office_code=args.office, actor=actor(args))
    data = info.to_json()
    emit(args, data, lambda: f"{day(data['day'])}  {data['name']}  "
                              f"{data['office'] or phrase('cli.out.all_offices')}")
    return 0


def cmd_holiday_list(args: argparse.Namespace) -> int:
    from app.casework import holidays as H

    with open_store(args) as store, store.uow(read_only=True) as uow:
        days = H.list_days_off(uow, args.year, office_code=args.office)
    data = {"year": args.year, "days": [d.to_json() for d in days]}
    def human() -> str:
        from datetime import date

        from app.labels import holiday_kind_label

        lines = []
        for d in data["days"]:
            when = date.fromisoformat(d["day"])
            lines.append(f"{day(when)} {phrase(f'cli.out.weekday.{when.weekday()}'):<7} "
                         f"{holiday_kind_label(d['source']):<16} {d['office'] or '':<14} "
                         f"{d['name']}")
        return "\n".join(lines)

    emit(args, data, human)
    return 0


# --- parser ------------------------------------------------------------------------------


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket application|complaint|holiday ...`` to the ``loket`` parser."""
    q = parents.acting

    application = sub.add_parser("application", help="long-running applications").\
        add_subparsers(dest="application_cmd", required=True)
    p = application.add_parser("register", parents=q, help="receive an application")
    p.add_argument("service", metavar="SERVICE")
    p.add_argument("--name", required=True, help="applicant's name")
    p.add_argument("--nik", help="applicant's NIK (optional)")
    p.add_argument("--contact", help="telephone or e-mail")
    p.add_argument("--subject", required=True, help="what is applied for")
    p.add_argument("--amount", help="assessed amount in rupiah (objections)")
    p.add_argument("--holder", help="who holds the file first (default: the receiver)")
    p.add_argument("--received-at", metavar="ISO", help="when received, with zone")
    p.add_argument("--pdf", metavar="FILE", help="also write the receipt PDF here")
    add_visit(p)
    p.set_defaults(func=cmd_app_register)
    p = application.add_parser("show", parents=q, help="an application and its trail")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--pdf", metavar="FILE", help="write the receipt PDF here")
    p.set_defaults(func=cmd_app_show)
    p = application.add_parser("forward", parents=q, help="hand the file on (disposition)")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--to", required=True, help="who receives the file")
    p.add_argument("--note")
    p.set_defaults(func=cmd_app_forward)
    p = application.add_parser("finish", parents=q, help="record the decision")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--outcome", default="done", help="done (selesai) or rejected (ditolak)")
    p.add_argument("--note", help="result or reason")
    p.set_defaults(func=cmd_app_finish)
    p = application.add_parser("overdue", parents=q, help="overdue (and due soon) applications")
    p.add_argument("--at", metavar="ISO", help="as at this moment (default: now)")
    p.add_argument("--soon", type=int, metavar="N", help="also list those due within N "
                                                         "working days")
    p.set_defaults(func=cmd_app_overdue)

    complaint = sub.add_parser("complaint", help="complaints (pengaduan)").add_subparsers(
        dest="complaint_cmd", required=True)
    p = complaint.add_parser("register", parents=q, help="register a complaint")
    p.add_argument("--channel", required=True, help="one of the office's channels "
                                                    "(room, phone, whatsapp, email...)")
    p.add_argument("--text", required=True)
    p.add_argument("--reporter")
    p.add_argument("--contact")
    p.add_argument("--received-at", metavar="ISO")
    add_visit(p)
    p.set_defaults(func=_complaint_cmd("register"))
    p = complaint.add_parser("show", parents=q, help="a complaint with its steps")
    p.add_argument("number", metavar="NUMBER")
    p.set_defaults(func=_complaint_cmd("show"))
    p = complaint.add_parser("step", parents=q, help="mark an SOP step done")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("position", type=int, metavar="STEP")
    p.add_argument("--note")
    p.set_defaults(func=_complaint_cmd("step"))
    p = complaint.add_parser("answer", parents=q, help="record the answer to the reporter")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--text", required=True)
    p.set_defaults(func=_complaint_cmd("answer"))
    p = complaint.add_parser("close", parents=q, help="record the resolution and close")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--resolution", required=True)
    p.set_defaults(func=_complaint_cmd("close"))
    p = complaint.add_parser("overdue", parents=q, help="complaints past their due time")
    p.add_argument("--at", metavar="ISO", help="as at this moment (default: now)")
    p.set_defaults(func=cmd_complaint_overdue)

    holiday = sub.add_parser("holiday", help="local days off").add_subparsers(
        dest="holiday_cmd", required=True)
    p = holiday.add_parser("add", parents=q, help="add a local day off (all offices "
                                                  "without --office)")
    p.add_argument("date", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(func=cmd_holiday_add)
    p = holiday.add_parser("list", parents=q, help="national and local days off of a year")
    p.add_argument("--year", type=int, required=True)
    p.set_defaults(func=cmd_holiday_list)
