"""``loket samsat ...``: thin wrappers over the Samsat STNK services (app/samsat/flow.py).

``--ticket`` takes today's number at the office (``A-001``) or a visit id; ``--as NAME``
says who does it (the officer's user name, for the audit log and the day-end recap).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import Parents, SubParsers, add_override, emit, open_store, write_output
from app.cli.login import actor
from app.cli.words import phrase, word


def _visit_id(uow: Any, args: argparse.Namespace) -> int:
    from app.samsat import flow

    ticket = str(args.ticket).strip()
    if ticket.isdigit():
        return int(ticket)
    return flow.visit_id_for_ticket(uow, ticket, office_code=args.office)


def cmd_vehicle_show(args: argparse.Namespace) -> int:
    from app.identifiers import parse_plate
    from app.samsat import registry

    with open_store(args) as store, store.uow(read_only=True) as uow:
        vehicle = registry.find_vehicle(uow.session, args.plate)
        if vehicle is None:
            from app.errors import LoketError

            raise LoketError("samsat.vehicle.unknown", plate=str(parse_plate(args.plate)))
        data = registry.vehicle_json(vehicle)
    emit(args, data, lambda: _vehicle_text(data))
    return 0


def _vehicle_text(data: dict[str, Any]) -> str:
    """A vehicle as field names in words and its values, the empty ones left out."""
    from app.cli.words import day
    from app.money import format_rupiah

    values = {**data, "njkb": format_rupiah(int(data["njkb"])),
              "tax_due_on": day(data["tax_due_on"]),
              "stnk_valid_until": day(data["stnk_valid_until"])}
    owner = data.get("owner")
    if owner:
        values["owner"] = " ".join(x for x in (owner["name"], owner["nik"], owner["address"])
                                   if x)
    width = max(len(phrase(f"cli.out.vehicle.{k}")) for k in VEHICLE_FIELDS)
    return "\n".join(f"{phrase(f'cli.out.vehicle.{k}'):<{width}}  {values[k]}"
                     for k in VEHICLE_FIELDS if values.get(k) not in (None, ""))


# what ``vehicle show`` prints, in this order (``cli.out.vehicle.<field>`` names each)
VEHICLE_FIELDS = ("plate", "category", "swdkllj_class", "usage", "make", "model", "body_type",
                  "year_made", "engine_cc", "color", "fuel", "chassis_no", "engine_no", "njkb",
                  "bobot", "ownership_order", "tax_due_on", "stnk_valid_until", "owner")


def cmd_vehicle_add(args: argparse.Namespace) -> int:
    from app.samsat import registry

    data = registry.VehicleData(
        plate=args.plate, category=args.category, swdkllj_class=args.swdkllj_class,
        njkb=args.njkb, tax_due_on=args.tax_due_on, stnk_valid_until=args.stnk_valid_until,
        chassis_no=args.chassis, engine_no=args.engine, owner_nik=args.owner_nik,
        usage=args.usage, bobot=args.bobot, ownership_order=args.ownership_order,
        make=args.make, model=args.model, year_made=args.year_made,
        engine_cc=args.engine_cc, color=args.color, fuel=args.fuel)
    with open_store(args) as store, store.uow() as uow:
        vehicle = registry.register_vehicle(uow, data, actor=actor(args))
        out = registry.vehicle_json(vehicle)
    emit(args, out, lambda: phrase("cli.out.vehicle_added", plate=out["plate"], id=out["id"]))
    return 0


def cmd_person_add(args: argparse.Namespace) -> int:
    from app.samsat import registry

    with open_store(args) as store, store.uow() as uow:
        person = registry.register_person(
            uow, registry.PersonData(args.nik, args.name, args.address, args.phone),
            actor=actor(args))
        out = {"id": person.id, "nik": person.nik, "name": person.name}
    emit(args, out, lambda: phrase("cli.out.person_added", nik=out["nik"], name=out["name"]))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from app.samsat import flow

    with open_store(args) as store, store.uow() as uow:
        result = flow.record_check(uow, _visit_id(uow, args), chassis=args.chassis,
                                   engine=args.engine, plate=args.plate, actor=actor(args),
                                   note=args.note or "", override=args.override)
    data = result.to_json()
    verdict = {True: "cli.out.check_passed", False: "cli.out.check_failed",
               None: "cli.out.check_unknown"}[result.passed]
    emit(args, data, lambda: phrase(verdict, ticket=result.ticket)
         + (f" ({'; '.join(str(p) for p in result.problems)})" if result.problems else ""))
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    from app.samsat import flow

    with open_store(args) as store, store.uow() as uow:
        view = flow.register_case(uow, _visit_id(uow, args), plate=args.plate, nik=args.nik,
                                  actor=actor(args), override=args.override)
    data = view.to_json()
    vehicle = view.vehicle
    assert vehicle is not None  # a case just registered has its vehicle
    emit(args, data, lambda: phrase("cli.out.case_registered", ticket=view.ticket,
                                plate=vehicle["plate"]))
    return 0


def cmd_case(args: argparse.Namespace) -> int:
    from app.samsat import flow

    with open_store(args) as store, store.uow(read_only=True) as uow:
        view = flow.case_view(uow, _visit_id(uow, args))
    data = view.to_json()
    emit(args, data, lambda: f"{view.ticket}: {word('cli.out.case', view.status)}"
         + (f" - {view.stop_reason}" if view.stop_reason else ""))
    return 0


def cmd_pay(args: argparse.Namespace) -> int:
    from app.money import format_rupiah
    from app.samsat import flow

    with open_store(args) as store, store.uow() as uow:
        result = flow.record_payment(uow, _visit_id(uow, args), method=args.method,
                                     reference=args.reference or "",
                                     amount_tendered=args.tendered, actor=actor(args),
                                     override=args.override)
    data = result.to_json()
    if args.pdf_dir:
        folder = Path(args.pdf_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for name, pdf in (("skpd", result.skpd_pdf), ("kuitansi", result.receipt_pdf)):
            path = folder / f"{name}-{result.ticket}-{result.payment_id}.pdf"
            path.write_bytes(pdf)
            data[f"{name}_pdf"] = str(path)

    def human() -> str:
        lines = [f"{ln.description:<34} {format_rupiah(ln.amount):>14}" for ln in result.lines]
        lines.append(f"{phrase('cli.out.total'):<34} {format_rupiah(result.total):>14}")
        lines.append(phrase("cli.out.paid", skpd=result.skpd_number,
                        receipt=result.receipt_number))
        return "\n".join(lines)

    emit(args, data, human)
    return 0


def cmd_handover(args: argparse.Namespace) -> int:
    from app.samsat import flow

    with open_store(args) as store, store.uow() as uow:
        result = flow.record_handover(uow, _visit_id(uow, args), handed_to=args.to,
                                      endorsed=args.endorsed, stamped=args.stamped,
                                      actor=actor(args), note=args.note or "",
                                      override=args.override)
    data = result.to_json()
    t = result.timing
    verdict = {"within": "cli.out.within", "over": "cli.out.over",
               "unknown": "cli.out.no_time_standard"}[t.verdict]
    standard = f"{t.standard_minutes:g}" if t.standard_minutes is not None else "-"
    emit(args, data, lambda: phrase("cli.out.handover", ticket=result.ticket, to=result.handed_to,
                                minutes=f"{t.minutes:.0f}",
                                verdict=phrase(verdict, standard=standard)))
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    from app.samsat import flow

    with open_store(args) as store, store.uow() as uow:
        view = flow.cancel_case(uow, _visit_id(uow, args), reason=args.reason,
                                actor=actor(args))
    data = view.to_json()
    emit(args, data, lambda: phrase("cli.out.bill_cancelled", ticket=view.ticket,
                                reason=args.reason.strip()))
    return 0


def cmd_recap(args: argparse.Namespace) -> int:
    from app.clock import local_day, utcnow
    from app.money import format_rupiah
    from app.queue.engine import resolve_office
    from app.samsat import recap
    from app.samsat.registry import parse_date

    with open_store(args) as store, store.uow(read_only=True) as uow:
        if args.date:
            day = parse_date(args.date, "date")
        else:
            day = local_day(utcnow(), resolve_office(uow.session, args.office).zone)
        result = recap.day_recap(uow, args.office, args.officer, day)
        pdf = recap.recap_pdf(uow, result) if args.pdf else None
    data = result.to_json()
    if pdf is not None:
        write_output(args.pdf, pdf)
        data["pdf"] = str(args.pdf)

    def human() -> str:
        from app.cli.words import day
        from app.labels import payment_method_label

        lines = [phrase("cli.out.recap", officer=result.officer_name or result.officer,
                    day=day(result.day), count=result.count)]
        lines += [f"  {payment_method_label(m.method):<14} {m.count:>4} "
                  f"{format_rupiah(m.total):>16}" for m in result.methods]
        lines.append(f"  {phrase('cli.out.total'):<14} {result.count:>4} "
                     f"{format_rupiah(result.total):>16}")
        return "\n".join(lines)

    emit(args, data, human)
    return 0


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket samsat ...`` to the ``loket`` parser."""
    acting = parents.acting
    samsat = sub.add_parser("samsat", help="Samsat STNK: cek fisik, loket 1-3").add_subparsers(
        dest="samsat_cmd", required=True)

    vehicle = samsat.add_parser("vehicle", help="the vehicle register").add_subparsers(
        dest="samsat_vehicle_cmd", required=True)
    p = vehicle.add_parser("show", parents=acting, help="a registered vehicle by plate")
    p.add_argument("--plate", required=True, help="e.g. 'KB 1234 AB'")
    p.set_defaults(func=cmd_vehicle_show)
    p = vehicle.add_parser("add", parents=acting, help="register a vehicle")
    p.add_argument("--plate", required=True)
    p.add_argument("--category", required=True, help="R2, R3 or R4")
    p.add_argument("--swdkllj-class", required=True, help="a class of the SWDKLLJ table")
    p.add_argument("--njkb", required=True, help="whole rupiah")
    p.add_argument("--tax-due-on", required=True, metavar="DATE")
    p.add_argument("--stnk-valid-until", required=True, metavar="DATE")
    p.add_argument("--chassis", required=True)
    p.add_argument("--engine", required=True)
    p.add_argument("--owner-nik")
    p.add_argument("--usage", default="pribadi")
    p.add_argument("--bobot", default="1")
    p.add_argument("--ownership-order", default="1")
    for name in ("make", "model", "color", "fuel"):
        p.add_argument(f"--{name}", default="")
    p.add_argument("--year-made")
    p.add_argument("--engine-cc")
    p.set_defaults(func=cmd_vehicle_add)

    person = samsat.add_parser("person", help="vehicle owners").add_subparsers(
        dest="samsat_person_cmd", required=True)
    p = person.add_parser("add", parents=acting, help="register an owner by NIK")
    p.add_argument("--nik", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--address", default="")
    p.add_argument("--phone", default="")
    p.set_defaults(func=cmd_person_add)

    p = samsat.add_parser("check", parents=acting, help="cek fisik: record the numbers read")
    p.add_argument("--ticket", required=True, help="A-001 (today) or a visit id")
    p.add_argument("--chassis", required=True)
    p.add_argument("--engine", required=True)
    p.add_argument("--plate", help="the vehicle's plate (else found by chassis number)")
    p.add_argument("--note")
    add_override(p)
    p.set_defaults(func=cmd_check)

    p = samsat.add_parser("register", parents=acting,
                          help="loket 1: register the visit's vehicle and owner")
    p.add_argument("--ticket", required=True)
    p.add_argument("--plate", required=True)
    p.add_argument("--nik", required=True)
    add_override(p)
    p.set_defaults(func=cmd_register)

    p = samsat.add_parser("case", parents=acting, help="the visit's STNK case")
    p.add_argument("--ticket", required=True)
    p.set_defaults(func=cmd_case)

    p = samsat.add_parser("pay", parents=acting, help="loket 2: record the payment")
    p.add_argument("--ticket", required=True)
    p.add_argument("--method", required=True, help="cash, transfer or billing")
    p.add_argument("--reference", help="bank or billing reference (needed unless cash)")
    p.add_argument("--tendered", help="cash handed over, for the change")
    p.add_argument("--pdf-dir", help="also write the SKPD and receipt PDFs here")
    add_override(p)
    p.set_defaults(func=cmd_pay)

    p = samsat.add_parser("handover", parents=acting, help="loket 3: STNK handed over")
    p.add_argument("--ticket", required=True)
    p.add_argument("--to", required=True, metavar="NAME", help="who received the STNK")
    p.add_argument("--endorsed", action="store_true", help="the STNK is endorsed (disahkan)")
    p.add_argument("--stamped", action="store_true", help="the STNK is stamped (dicap)")
    p.add_argument("--note")
    add_override(p)
    p.set_defaults(func=cmd_handover)

    p = samsat.add_parser("cancel", parents=acting,
                          help="supervisor: cancel the visit's unpaid bill, with a reason")
    p.add_argument("--ticket", required=True)
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_cancel)

    p = samsat.add_parser("recap", parents=acting, help="an officer's day-end recap")
    p.add_argument("--officer", required=True, metavar="NAME", help="user name")
    p.add_argument("--date", help="the office's day (default: today)")
    p.add_argument("--pdf", metavar="FILE", help="write the A4 recap here")
    p.set_defaults(func=cmd_recap)
