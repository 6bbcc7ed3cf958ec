"""``loket ticket|queue|counter|appointment ...``: the office's queue from the command line,
the same engine calls as the kiosk and the counters."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.cli.common import (
    EXIT_OK,
    Parents,
    SubParsers,
    bounded,
    emit,
    open_store,
)
from app.cli.login import actor
from app.errors import LoketError
from app.i18n import tr

MAX_RECOVER_AFTER = 7 * 24 * 60  # app.queue.engine.MAX_RECOVER_AFTER_MINUTES


def _print_ticket(args: argparse.Namespace, info: Any, fn_name: str = "") -> int:
    if info is None:
        emit(args, {"ticket": None}, lambda: tr("queue.nobody"))
        return EXIT_OK
    data = info.to_json()
    emit(args, data, lambda: _ticket_text(args, data, fn_name))
    return EXIT_OK


def _ticket_text(args: argparse.Namespace, data: dict[str, Any], fn_name: str) -> str:
    """What a queue action did, in words: the ticket, its stage and counter by name, its
    status by its label."""
    from app.cli.words import status

    names = _names(args)
    parts = [data.get("ticket"), names.stage(data.get("stage")),
             names.counter(data.get("counter"))]
    if data.get("next_stage"):
        parts.append(tr("cli.out.next_stage", stage=names.stage(data["next_stage"])))
    parts.append(status(data.get("status")) if data.get("status") else "")
    text = "  ".join(str(x) for x in parts if x)
    return f"{tr('cli.out.' + fn_name)}: {text}" if fn_name else text


def _names(args: argparse.Namespace) -> Any:
    from app.cli.words import names_for

    return names_for(args)


def _office_text(args: argparse.Namespace, fn_name: str, data: Any) -> str:
    """A day closed or opened again, or the visits a recovery sent back, in words."""
    from app.cli.words import day

    if fn_name == "close_day":
        return tr("cli.out.day_closed", day=day(data.get("day")),
                  count=len(data.get("not_served") or []))
    if fn_name == "open_day":
        return tr("cli.out.day_opened", day=_names(args).office_name)
    return tr("cli.out.recovered", tickets=", ".join(data["tickets"]) or tr("cli.out.none"))


def cmd_ticket_issue(args: argparse.Namespace) -> int:
    from app.queue import engine

    with open_store(args) as store, store.uow() as uow:
        info = engine.issue_ticket(uow, args.service, office_code=args.office,
                                   priority=args.priority, actor=actor(args, anonymous=True))
    data = info.to_json()
    emit(args, data, lambda: tr("cli.out.issued", ticket=data["ticket"],
                                 service=_names(args).service(data["service"]),
                                ahead=data["ahead"], eta=data["eta_minutes"]))
    return EXIT_OK


def _counter_cmd(fn_name: str, *extra: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.queue import engine

        fn = getattr(engine, fn_name)
        kwargs = {k: getattr(args, k) for k in extra if getattr(args, k, None) is not None}
        positional = [args.ticket] if fn_name in ("call_ticket", "resume") else []
        with open_store(args) as store, store.uow() as uow:
            info = fn(uow, args.counter, *positional, office_code=args.office,
                      actor=actor(args), **kwargs)
        return _print_ticket(args, info, fn_name)

    return run


def _ticket_cmd(fn_name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.queue import engine

        fn = getattr(engine, fn_name)
        with open_store(args) as store, store.uow() as uow:
            if fn_name == "take_over":
                info = fn(uow, args.ticket, args.counter, office_code=args.office,
                          actor=actor(args))
            elif fn_name == "grant_priority":
                info = fn(uow, args.ticket, args.reason, office_code=args.office,
                          actor=actor(args))
            else:
                info = fn(uow, args.ticket, office_code=args.office,
                          actor=actor(args, anonymous=fn_name == "check_in"))
        return _print_ticket(args, info, fn_name)

    return run


def cmd_ticket_require(args: argparse.Namespace) -> int:
    """Tick (or untick) requirements of a visit's checklist, as the loket 1 console does."""
    from app.desk import visit as desk
    from app.output import tickets as ticket_print

    with open_store(args) as store:
        visit_id = ticket_print.find_visit(store, args.ticket, office_code=args.office)
        states: tuple = ()
        with store.uow() as uow:
            for code in args.codes:
                states = desk.set_requirement(uow, visit_id, code, not args.uncheck,
                                              actor=actor(args))
    data = {"visit_id": visit_id, "requirements": [
        {"code": r.code, "text": r.text, "checked": r.checked} for r in states]}
    emit(args, data, lambda: "\n".join(
        f"[{'x' if r.checked else ' '}] {r.text}" for r in states))
    return EXIT_OK


def cmd_queue_status(args: argparse.Namespace) -> int:
    from app.queue import engine

    with open_store(args) as store, store.uow(read_only=True) as uow:
        data = engine.status(uow, office_code=args.office)

    def human() -> str:
        from app import labels
        from app.cli.words import day, status

        names = _names(args)
        lines = [f"{names.office_name} {day(data['day'])}"]
        lines += [f"  {names.stage(s['stage']):<32} {tr('cli.out.waiting', count=s['waiting'])}"
                  for s in data["stages"]]
        for c in data["counters"]:
            serving = (tr("cli.out.serving", ticket=c["serving"]["ticket"])
                       + f" ({status(c['serving']['status'])})") if c.get("serving") else ""
            held = tr("cli.out.held", tickets=", ".join(c["held"])) if c["held"] else ""
            state = tr("cli.out.open" if c.get("open") else "cli.out.closed")
            lines.append(f"  {names.counter(c['counter']):<32} " + "  ".join(
                x for x in (f"{state:<6}", serving, held) if x))
        lines += [f"  ! {f['ticket']} {labels.sla_label(f['state'])}" for f in data["flagged"]]
        return "\n".join(line.rstrip() for line in lines)

    emit(args, data, human)
    return EXIT_OK


def _office_cmd(fn_name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.queue import engine

        fn = getattr(engine, fn_name)
        kwargs: dict[str, Any] = {}
        if fn_name == "recover_stale" and args.after is not None:
            kwargs["after_minutes"] = args.after
        with open_store(args) as store, store.uow() as uow:
            result = fn(uow, office_code=args.office, actor=actor(args), **kwargs)
        data = {"office": args.office, "tickets": result} if isinstance(result, list) else result
        emit(args, data, lambda: _office_text(args, fn_name, data))
        return EXIT_OK

    return run


def cmd_queue_watch(args: argparse.Namespace) -> int:
    """Follow the office's live events (one JSON document per line) and, every
    ``--recover-every`` seconds, return visits of silent counters to the queue: the automatic
    recovery, for an office server or the supervisor's PC."""
    import time

    from app.queue import engine
    from app.queue.feed import EventFeed

    with open_store(args) as store:
        feed = EventFeed(store, args.office)
        deadline = time.monotonic() + args.duration if args.duration else None
        next_recovery = time.monotonic()
        try:
            while deadline is None or time.monotonic() < deadline:
                if time.monotonic() >= next_recovery:
                    with store.uow() as uow:
                        engine.recover_stale(uow, office_code=args.office,
                                             actor=engine.Actor.system("watch"))
                    next_recovery = time.monotonic() + args.recover_every
                wait = next_recovery - time.monotonic()
                if deadline is not None:
                    wait = min(wait, deadline - time.monotonic())
                for event in feed.wait(max(wait, 0.0)):
                    print(json.dumps(event.to_json(), ensure_ascii=False, default=str),
                          flush=True)
        finally:
            feed.close()
    return EXIT_OK


def cmd_counter_open(args: argparse.Namespace) -> int:
    from app.queue import engine

    with open_store(args) as store, store.uow() as uow:
        data = engine.set_counter_open(uow, args.counter, args.counter_cmd == "open",
                                       office_code=args.office, actor=actor(args))
    key = "cli.out.counter_open" if data["open"] else "cli.out.counter_closed"
    emit(args, data, lambda: tr(key, counter=_names(args).counter(data["counter"])))
    return EXIT_OK


def cmd_appointment_book(args: argparse.Namespace) -> int:
    from app.inputs import check_moment
    from app.queue import engine

    try:
        at = datetime.fromisoformat(args.at)
    except ValueError as exc:
        raise LoketError("queue.bad_time", value=args.at, reason=str(exc)) from None
    if at.tzinfo is None:
        raise LoketError("queue.bad_time", value=args.at, reason="+07:00 / +08:00 / +09:00")
    check_moment(at, "--at")
    with open_store(args) as store, store.uow() as uow:
        data = engine.book_appointment(uow, args.service, at, args.code.upper(),
                                       office_code=args.office, name=args.name or "",
                                       actor=actor(args))
    emit(args, data, lambda: tr("cli.out.booked", code=data["code"],
                                service=_names(args).service(data["service"]),
                                at=_names(args).when(data["at"])))
    return EXIT_OK


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket ticket|queue|counter|appointment ...`` to the ``loket`` parser."""
    common, office = parents.common, parents.office
    q = parents.acting

    ticket = sub.add_parser("ticket", help="queue tickets").add_subparsers(dest="ticket_cmd",
                                                                           required=True)
    p = ticket.add_parser("issue", parents=q, help="take a number for a service")
    p.add_argument("service")
    p.add_argument("--priority", metavar="REASON", help="lansia, disabilitas, hamil, anak")
    p.set_defaults(func=cmd_ticket_issue)
    counter_actions = {
        "call-next": ("call_next", (), "call the next visitor"),
        "call": ("call_ticket", (), "call one waiting ticket"),
        "recall": ("recall", (), "call the current visitor again"),
        "start": ("start", (), "the called visitor has arrived"),
        "skip": ("skip", (), "the called visitor did not come (no-show)"),
        "hold": ("hold", (), "park the current visitor"),
        "resume": ("resume", (), "resume a parked visitor"),
        "return": ("return_to_queue", (), "put the current visitor back in the queue"),
        "transfer": ("transfer", ("to_stage", "to_counter"), "send to another stage/counter"),
        "finish": ("finish", ("outcome",), "end this stage (done, incomplete, cancelled)"),
    }
    for name, (fn_name, extra, help_text) in counter_actions.items():
        p = ticket.add_parser(name, parents=q, help=help_text)
        if fn_name in ("call_ticket", "resume"):
            p.add_argument("ticket")
        p.add_argument("--counter", required=True, metavar="CODE")
        if "to_stage" in extra:
            p.add_argument("--to-stage", dest="to_stage", metavar="STAGE")
            p.add_argument("--to-counter", dest="to_counter", metavar="CODE")
        if "outcome" in extra:
            p.add_argument("--outcome", default="done", help="done, incomplete or cancelled")
        p.set_defaults(func=_counter_cmd(fn_name, *extra))
    for name, fn_name, help_text in (
        ("take-back", "take_back", "supervisor: a stuck visit goes back to its queue"),
        ("take-over", "take_over", "a counter takes over a stuck visit"),
        ("priority", "grant_priority", "grant the priority lane"),
        ("checkin", "check_in", "turn a booking code into a ticket"),
    ):
        p = ticket.add_parser(name, parents=q, help=help_text)
        p.add_argument("ticket", metavar="CODE" if name == "checkin" else "TICKET")
        if name == "take-over":
            p.add_argument("--counter", required=True, metavar="CODE")
        if name == "priority":
            p.add_argument("--reason", required=True)
        p.set_defaults(func=_ticket_cmd(fn_name))

    p = ticket.add_parser("require", parents=q,
                          help="tick requirements of a visit's checklist (loket 1)")
    p.add_argument("ticket", metavar="TICKET")
    p.add_argument("codes", nargs="+", metavar="CODE", help="requirement codes of the service")
    p.add_argument("--uncheck", action="store_true", help="untick instead")
    p.set_defaults(func=cmd_ticket_require)

    queue = sub.add_parser("queue", help="the office's queue").add_subparsers(
        dest="queue_cmd", required=True)
    p = queue.add_parser("status", parents=q, help="waiting per stage, serving per counter")
    p.set_defaults(func=cmd_queue_status)
    p = queue.add_parser("close-day", parents=q, help="close the day: open visits not served")
    p.set_defaults(func=_office_cmd("close_day"))
    p = queue.add_parser("open-day", parents=q, help="undo a day close")
    p.set_defaults(func=_office_cmd("open_day"))
    p = queue.add_parser("recover", parents=q, help="return visits of silent counters")
    p.add_argument("--after", type=bounded(int, 1, MAX_RECOVER_AFTER), metavar="MINUTES",
                   help=f"silent for this many minutes (1-{MAX_RECOVER_AFTER}; default: the "
                        "office setting, 15)")
    p.set_defaults(func=_office_cmd("recover_stale"))

    p = queue.add_parser("watch", parents=[common, office],
                         help="print live events as JSON lines; recover silent counters")
    p.add_argument("--recover-every", type=bounded(float, 1, 86400), default=60.0,
                   metavar="SECONDS")
    p.add_argument("--for", dest="duration", type=bounded(float, 0, 7 * 86400),
                   metavar="SECONDS",
                   help="stop after this long (default: run until interrupted)")
    p.set_defaults(func=cmd_queue_watch)

    counter = sub.add_parser("counter", help="open or close a counter").add_subparsers(
        dest="counter_cmd", required=True)
    for name in ("open", "close"):
        p = counter.add_parser(name, parents=q)
        p.add_argument("counter", metavar="CODE")
        p.set_defaults(func=cmd_counter_open)

    appointment = sub.add_parser("appointment", help="bookings").add_subparsers(
        dest="appointment_cmd", required=True)
    p = appointment.add_parser("book", parents=q, help="book a visit for a time")
    p.add_argument("service")
    p.add_argument("--at", required=True, help="ISO time with zone, e.g. 2026-11-23T09:00+07:00")
    p.add_argument("--code", required=True)
    p.add_argument("--name")
    p.set_defaults(func=cmd_appointment_book)
