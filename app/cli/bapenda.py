"""``loket npwpd ...`` and ``loket tax ...``: thin wrappers over the bapenda services.

    loket npwpd register --kind P --nik 3579... --name "Siti" --tax-type restoran \\
        --address "Jl. Bromo 3" --district 01 --village 02 --all-requirements --json
    loket npwpd deactivate P.2.0000001.01.02 --reason usaha-tutup
    loket npwpd card P.2.0000001.01.02 --to card+pdf:///srv/kartu     (print or reprint)
    loket npwpd show P.2.0000001.01.02 --json
    loket tax assess --npwpd P.2.0000001.01.02 --principal 1500000 --period 2026-10
    loket tax bill --number SKPD/000001/2026 --on 2026-12-01 --json
    loket tax pay --number SKPD/000001/2026 --method billing --reference 3579... --json

``--ticket`` (today's number, ``A-001``, or a visit id) does the work for that visit: only
when a counter of the desk has called or is serving it, unless a supervisor (``--as``) adds
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
    add_visit,
    emit,
    open_store,
    say,
    visit_of,
)
from app.cli.login import actor
from app.cli.words import day, moment, phrase, word


def cmd_npwpd_register(args: argparse.Namespace) -> int:
    from app.bapenda import taxpayers as tp

    with open_store(args) as store:
        requirements: list[str] | None = list(args.requirement or [])
        if args.all_requirements:
            with store.uow(read_only=True) as uow:
                requirements = [i.code for i in tp.registration_checklist(
                    uow, args.kind, office_code=args.office)]
        reg = tp.Registration(
            kind=args.kind, nik=args.nik, name=args.name, tax_type=args.tax_type,
            address=args.address, district=args.district, village=args.village,
            business_name=args.business_name or "", nib=args.nib or "", npwp=args.npwp or "",
            phone=args.phone or "", requirements=requirements)
        visit_id = visit_of(store, args)
        with store.uow() as uow:
            info = tp.register(uow, reg, office_code=args.office, actor=actor(args),
                               visit_id=visit_id, override=args.override)
        data: dict[str, Any] = info.to_json()
        code = 0
        if args.card_to:
            result = tp.print_card(store, info.npwpd, args.card_to, office_code=args.office,
                                   actor=actor(args), override=args.override)
            data["card"] = result.to_json()
            code = _card_outcome(info.npwpd, result)
    emit(args, data, lambda: phrase("cli.out.npwpd", npwpd=data["npwpd"], name=data["name"],
                                    tax=data["tax_type_name"], letter=data["letter_number"]))
    return code


def _card_outcome(npwpd: str, result: Any) -> int:
    if result.state == "done":
        return 0
    from app.i18n import tr

    reason = tr("bapenda.card_failed", npwpd=npwpd, condition=result.condition, job=result.id)
    say(reason)
    return EXIT_DEVICE_TROUBLE


def cmd_npwpd_deactivate(args: argparse.Namespace) -> int:
    from app.bapenda import taxpayers as tp

    with open_store(args) as store:
        visit_id = visit_of(store, args)
        with store.uow() as uow:
            info = tp.deactivate(uow, args.npwpd, args.reason, note=args.note or "",
                                 requirements=args.requirement, office_code=args.office,
                                 actor=actor(args), visit_id=visit_id, override=args.override)
    data = info.to_json()
    emit(args, data, lambda: phrase("cli.out.deactivated", npwpd=data["npwpd"],
                                    reason=data["deactivation_label"]))
    return 0


def cmd_npwpd_card(args: argparse.Namespace) -> int:
    from app.bapenda import taxpayers as tp

    with open_store(args) as store:
        with store.uow(read_only=True) as uow:
            earlier = tp.card_jobs(uow, args.npwpd, office_code=args.office)
        result = tp.print_card(store, args.npwpd, args.to, office_code=args.office,
                               reprint=bool(earlier), actor=actor(args),
                               override=args.override)
    data = {"npwpd": args.npwpd, "connection": args.to, "reprint": bool(earlier)} \
        | result.to_json()
    code = _card_outcome(args.npwpd, result)
    emit(args, data, lambda: phrase("cli.out.job", what=args.npwpd, job=result.id,
                                    state=_job_state(result.state)))
    return code


def cmd_npwpd_show(args: argparse.Namespace) -> int:
    from app.bapenda import taxpayers as tp

    with open_store(args) as store, store.uow(read_only=True) as uow:
        data = tp.show(uow, args.npwpd, office_code=args.office).to_json()
        texts: dict[str, str] = {}
        zone: Any = None
        if not args.json:  # what the text shows: requirements by their text, the office's zone
            from app.queue.config import resolve_office

            texts = {i.code: i.text for i in tp.registration_checklist(
                uow, data["kind"], office_code=data["office"])}
            zone = resolve_office(uow.session, data["office"]).zone
    emit(args, data, lambda: _taxpayer_text(data, texts, zone))
    return 0


def _job_state(state: str) -> str:
    from app.labels import job_state_label

    return job_state_label(state)


def _local(text: str | None) -> str:
    """A local time the service wrote (``2026-12-07 05:47 WIB``) as the screens write it."""
    from datetime import datetime

    if not text:
        return ""
    stamp, _, zone = text.rpartition(" ")
    try:
        return f"{moment(datetime.fromisoformat(stamp))} {zone}"
    except ValueError:
        return text


def _taxpayer_text(data: dict[str, Any], texts: dict[str, str], zone: Any) -> str:
    """A taxpayer as field names in words and its values, the empty ones left out:
    requirements by their catalog text, documents by their kind's word."""
    district = " ".join(x for x in (data["district"], data.get("district_name") or "") if x)
    values = {
        **data, "district": district,
        "status": word("cli.out.taxpayer_status", data["status"]),
        "registered": " ".join(x for x in (_local(data.get("registered_local")),
                                           data.get("registered_by") or "") if x),
        "deactivated": moment(data.get("deactivated_at"), zone)
        if data.get("deactivated_at") else "",
        "requirements": "; ".join(texts.get(c, c) for c in data["requirements"]),
        "documents": "; ".join(
            f"{word('cli.out.document', d['kind'])} {d['number']}" for d in data["documents"]),
    }
    width = max(len(phrase(f"cli.out.taxpayer.{k}")) for k in TAXPAYER_FIELDS)
    return "\n".join(f"{phrase(f'cli.out.taxpayer.{k}'):<{width}}  {values[k]}"
                     for k in TAXPAYER_FIELDS if values.get(k) not in (None, "", []))


# what ``npwpd show`` prints, in this order (``cli.out.taxpayer.<field>`` names each)
TAXPAYER_FIELDS = ("npwpd", "kind_name", "name", "owner_name", "nik", "nib", "npwp",
                   "tax_type_name", "address", "district", "village", "phone", "status",
                   "registered", "deactivated", "deactivation_label", "deactivation_note",
                   "requirements", "letter_number", "documents")


def cmd_tax_assess(args: argparse.Namespace) -> int:
    from app.bapenda import assessments as asm

    with open_store(args) as store, store.uow() as uow:
        info = asm.assess(uow, args.npwpd, principal=args.principal, period=args.period,
                          kind=args.kind, tax_type=args.tax_type, due_on=args.due,
                          issued_on=args.issued, number=args.number, office_code=args.office,
                          actor=actor(args))
    data = info.to_json()
    emit(args, data, lambda: phrase("cli.out.assessed", number=data["number"],
                                    npwpd=data["npwpd"], amount=_rupiah(data["principal"]),
                                    due=day(data["due_on"])))
    return 0


def _bill_text(data: dict[str, Any]) -> str:
    lines = [f"{data['assessment']['number']}  {data['assessment']['npwpd']}  "
             f"{data['assessment']['name']}  "
             f"({phrase('cli.out.months_late', months=data['months_late'])})"]
    lines += [f"  {line['description']:<48} {line['amount_text']:>16}"
              for line in data["lines"]]
    lines.append(f"  {phrase('cli.out.total'):<48} {data['total_text']:>16}")
    return "\n".join(lines)


def _rupiah(amount: Any) -> str:
    from app.money import format_rupiah

    return format_rupiah(int(amount))


def cmd_tax_bill(args: argparse.Namespace) -> int:
    from app.bapenda import assessments as asm

    with open_store(args) as store, store.uow(read_only=True) as uow:
        data = asm.bill(uow, args.number, on=args.on, office_code=args.office).to_json()
    emit(args, data, lambda: _bill_text(data))
    return 0


def cmd_tax_lookup(args: argparse.Namespace) -> int:
    from app.bapenda import assessments as asm

    with open_store(args) as store, store.uow(read_only=True) as uow:
        found = asm.lookup_assessment(uow, args.ref, office_code=args.office,
                                      unpaid_only=args.unpaid)
    data = [a.to_json() for a in found]
    emit(args, data, lambda: "\n".join(
        f"{a['number']:<24} {a['kind']:<6} {a['period']:<8} {_rupiah(a['principal']):>14} "
        f"{day(a['due_on'])}  {phrase('cli.out.lunas' if a['paid_at'] else 'cli.out.unpaid')}"
        for a in data))
    return 0


def cmd_tax_pay(args: argparse.Namespace) -> int:
    from app.bapenda import assessments as asm

    with open_store(args) as store:
        visit_id = visit_of(store, args)
        with store.uow() as uow:
            data = asm.pay(uow, args.number, method=args.method,
                           reference=args.reference or "", office_code=args.office,
                           actor=actor(args), issue_stpd=args.stpd, visit_id=visit_id,
                           override=args.override).to_json()
    emit(args, data, lambda: _bill_text(data) + f"\n  SSPD {data['sspd']}")
    return 0


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket npwpd ...`` and ``loket tax ...`` to the ``loket`` parser."""
    q = parents.acting
    npwpd = sub.add_parser("npwpd", help="regional taxpayers (NPWPD)").add_subparsers(
        dest="npwpd_cmd", required=True)
    p = npwpd.add_parser("register", parents=q, help="register a taxpayer, get its NPWPD")
    p.add_argument("--kind", required=True, help="P (pribadi) or B (badan usaha)")
    p.add_argument("--nik", required=True, help="the taxpayer's or the owner's NIK")
    p.add_argument("--name", required=True, help="the taxpayer's or the owner's name")
    p.add_argument("--business-name", help="B: the business's name")
    p.add_argument("--tax-type", required=True, help="hotel, restoran, hiburan, reklame, ...")
    p.add_argument("--address", required=True)
    p.add_argument("--district", required=True, help="district (kecamatan) code")
    p.add_argument("--village", required=True, help="village (kelurahan/desa) code")
    p.add_argument("--nib")
    p.add_argument("--npwp")
    p.add_argument("--phone")
    p.add_argument("--requirement", action="append", metavar="CODE",
                   help="a requirement checked (repeatable)")
    p.add_argument("--all-requirements", action="store_true",
                   help="every requirement of the service is checked")
    p.add_argument("--card-to", metavar="CONNECTION", help="print the card at once")
    add_visit(p)
    p.set_defaults(func=cmd_npwpd_register)

    p = npwpd.add_parser("deactivate", parents=q, help="deactivate an NPWPD with its reason")
    p.add_argument("npwpd", metavar="NPWPD")
    p.add_argument("--reason", required=True,
                   help="usaha-tutup, pindah-alamat, meninggal, ganda, lainnya (with --note)")
    p.add_argument("--note")
    p.add_argument("--requirement", action="append", metavar="CODE",
                   help="a requirement of the deactivation service checked (repeatable)")
    add_visit(p)
    p.set_defaults(func=cmd_npwpd_deactivate)

    p = npwpd.add_parser("card", parents=q, help="print (or reprint) the NPWPD card")
    p.add_argument("npwpd", metavar="NPWPD")
    p.add_argument("--to", required=True, metavar="CONNECTION",
                   help="card printer, e.g. card+printer://Evolis or card+pdf:///srv/kartu")
    add_override(p)
    p.set_defaults(func=cmd_npwpd_card)

    p = npwpd.add_parser("show", parents=q, help="a taxpayer and its documents")
    p.add_argument("npwpd", metavar="NPWPD")
    p.set_defaults(func=cmd_npwpd_show)

    tax = sub.add_parser("tax", help="regional tax assessments and payments").add_subparsers(
        dest="tax_cmd", required=True)
    p = tax.add_parser("assess", parents=q, help="issue an assessment (SKPD by default)")
    p.add_argument("--npwpd", required=True)
    p.add_argument("--principal", required=True, help="whole rupiah, e.g. 1500000 or 1.500.000")
    p.add_argument("--period", required=True, help="masa pajak: YYYY-MM or YYYY")
    p.add_argument("--kind", default="SKPD", help="SKPD, STPD or SPTPD")
    p.add_argument("--tax-type", help="default: the taxpayer's")
    p.add_argument("--due", metavar="DATE", help="due date (default: one month after issue)")
    p.add_argument("--issued", metavar="DATE", help="issue date (default: today)")
    p.add_argument("--number", help="the assessment's number (default: the office's format)")
    p.set_defaults(func=cmd_tax_assess)

    p = tax.add_parser("lookup", parents=q, help="assessments by number or NPWPD")
    p.add_argument("ref", metavar="NUMBER_OR_NPWPD")
    p.add_argument("--unpaid", action="store_true", help="only those not paid")
    p.set_defaults(func=cmd_tax_lookup)

    p = tax.add_parser("bill", parents=q, help="what paying an assessment costs on a day")
    p.add_argument("--number", required=True)
    p.add_argument("--on", metavar="DATE", help="payment date (default: today)")
    p.set_defaults(func=cmd_tax_bill)

    p = tax.add_parser("pay", parents=q, help="take the payment of an assessment, issue SSPD")
    p.add_argument("--number", required=True)
    p.add_argument("--method", required=True, help="cash, transfer or billing")
    p.add_argument("--reference", help="transfer or billing code reference")
    p.add_argument("--stpd", action="store_true",
                   help="late SPTPD: pay the principal, claim the interest with a new STPD")
    add_visit(p)
    p.set_defaults(func=cmd_tax_pay)
