"""``loket tariff ...`` commands: thin wrappers over the services of this package.

- ``loket tariff stnk --plate "KB 1234 AB" [--on 2026-12-01] [--json]``: the itemised STNK
  bill the payment panel shows (JSON: ``{"plate", "on", "lines": [...], "total",
  "settles"}``, amounts in whole rupiah as integers).
- ``loket tariff check [--dir FOLDER] [--json]``: load and check every tariff table.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.common import Parents, SubParsers, emit, open_store
from app.cli.words import day, phrase
from app.errors import LoketError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day(text: str) -> date:
    """``YYYY-MM-DD`` or LoketError ``tariff.bad_date``."""
    from app.inputs import check_day

    value = (text or "").strip()
    if _DATE.match(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return check_day(day, "--on")
    raise LoketError("tariff.bad_date", value=value[:40])


def cmd_tariff_stnk(args: argparse.Namespace) -> int:
    from app.tariffs.stnk import bill_for_plate

    on = parse_day(args.on) if args.on is not None else date.today()
    with open_store(args) as store, store.uow(read_only=True) as uow:
        bill = bill_for_plate(uow.session, args.plate, on)
    emit(args, bill.to_json(), lambda: _bill_text(bill))
    return 0


def _bill_text(bill: Any) -> str:
    """The bill as an aligned table, its headings in the reader's language (the lines and
    their legal bases are the tariff tables' own words)."""
    from app.money import format_rupiah

    head = (phrase("cli.out.year"), phrase("cli.out.item"), phrase("cli.out.amount"))
    rows = [(str(line.year or ""), line.description, format_rupiah(line.amount))
            for line in bill.lines]
    total = ("", phrase("cli.out.total").upper(), format_rupiah(bill.total))
    widths = [max(len(r[i]) for r in [head, *rows, total]) for i in range(3)]

    def fmt(row: tuple[str, str, str]) -> str:
        return (f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  "
                f"{row[2]:>{widths[2]}}").rstrip()

    rule = "-" * (sum(widths) + 4)
    return "\n".join([phrase("cli.out.stnk_bill", plate=bill.plate, on=day(bill.on)), "",
                      fmt(head), rule, *(fmt(row) for row in rows), rule, fmt(total), "",
                      phrase("cli.out.basis"),
                      *(f"  {line.description}: {line.rule}" for line in bill.lines)])


def cmd_tariff_check(args: argparse.Namespace) -> int:
    from app.tariffs.rules import TariffTables

    checked = TariffTables(Path(args.dir) if args.dir else None).check()
    emit(args, {"checked": checked}, lambda: "\n".join(f"{name}: OK" for name in checked))
    return 0


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket tariff ...`` to the ``loket`` parser."""
    common, reporting = parents.common, parents.reporting
    tariff = sub.add_parser("tariff", help="tariffs and bills").add_subparsers(
        dest="tariff_cmd", required=True)
    p = tariff.add_parser("stnk", parents=[common, reporting],
                          help="the itemised STNK bill of a vehicle (PKB, SWDKLLJ, PNBP)")
    p.add_argument("--plate", required=True, metavar="PLATE", help='e.g. "KB 1234 AB"')
    p.add_argument("--on", metavar="DATE", help="day of payment, YYYY-MM-DD (default today)")
    p.set_defaults(func=cmd_tariff_stnk)
    p = tariff.add_parser("check", parents=[reporting],
                          help="load and check every tariff table (resources/tariffs)")
    p.add_argument("--dir", metavar="FOLDER", help="another folder of tables to check")
    p.set_defaults(func=cmd_tariff_check)
