"""``loket report daily``: the supervisor's report of a day or a period.

- ``loket report daily --date 2026-11-23 [--to 2026-11-30] [--office CODE] --json`` prints
  the report as one JSON document (:meth:`app.reports.daily.DailyReport.to_json`);
- ``--pdf FILE`` writes the A4 PDF, ``--xlsx FILE`` the workbook (both may be given; with
  ``--json`` too, the JSON says which files were written under ``"written"``);
- ``loket report summarize [--office CODE] [--from DATE] [--to DATE] [--rebuild] [--json]``
  writes the per-day summaries of closed days (:mod:`app.reports.summaries`) for a nightly
  job: by default yesterday's, of every office; ``--rebuild`` recomputes days that have
  one (after a bulk load or a change made outside the application).
"""

from __future__ import annotations

import argparse
from datetime import date

from app.cli.common import Parents, SubParsers, emit, open_store, write_output
from app.cli.words import period, phrase


def _day(text: str, option: str) -> date:
    """A day typed for a report: ``YYYY-MM-DD``, years 2000-2100 (beyond them the period's
    arithmetic overflows)."""
    from app.inputs import check_day
    from app.reports.daily import parse_day

    return check_day(parse_day(text), option)


def cmd_report_daily(args: argparse.Namespace) -> int:
    from app.document_archive import letterhead
    from app.errors import LoketError
    from app.queue import engine as q
    from app.reports.daily import check_period, daily_report

    start = _day(args.date, "--date")
    end = _day(args.to, "--to") if args.to else start
    check_period(start, end)
    if not (args.json or args.pdf or args.xlsx):
        raise LoketError("report.no_output")
    with open_store(args) as store, store.uow(read_only=True) as uow:
        report = daily_report(uow, args.office, start, end, survey_code=args.survey,
                              weight=args.weight)
        head = letterhead(q.resolve_office(uow.session, report.office))
    written = []
    if args.pdf:
        from app.reports.pdf import report_pdf

        write_output(args.pdf, report_pdf(report, head, printed_at=report.as_of))
        written.append(args.pdf)
    if args.xlsx:
        from app.reports.xlsx import report_xlsx

        write_output(args.xlsx, report_xlsx(report))
        written.append(args.xlsx)
    data = report.to_json()
    if written:
        data["written"] = written
    emit(args, data, lambda: "\n".join(f"{report.office} {report.period_label}: {path}"
                                        for path in written))
    return 0


def cmd_report_summarize(args: argparse.Namespace) -> int:
    from app.reports.daily import check_period
    from app.reports.summaries import summarize

    start = _day(args.date_from, "--from") if args.date_from else None
    end = _day(args.to, "--to") if args.to else None
    if start and end:
        check_period(start, end)
    with open_store(args) as store:
        done = summarize(store, args.office, start, end, rebuild=args.rebuild)
    emit(args, {"offices": [d.to_json() for d in done]}, lambda: "\n".join(
        phrase("cli.out.summarized", office=d.office, period=period(d.start, d.end),
               written=d.written, present=d.present)
        + (phrase("cli.out.open_days", count=len(d.open_days)) if d.open_days else "")
        for d in done))
    return 0


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket report ...`` to the ``loket`` parser."""
    common, reporting, office = parents.common, parents.reporting, parents.office
    report = sub.add_parser("report", help="the supervisor's reports").add_subparsers(
        dest="report_cmd", required=True)
    p = report.add_parser("daily", parents=[common, reporting, office],
                          help="the report of a day (or of --date .. --to): JSON, PDF, XLSX")
    p.add_argument("--date", required=True, metavar="DATE", help="YYYY-MM-DD (office day)")
    p.add_argument("--to", metavar="DATE", help="last day of a period, YYYY-MM-DD")
    p.add_argument("--pdf", metavar="FILE", help="write the A4 PDF")
    p.add_argument("--xlsx", metavar="FILE", help="write the XLSX workbook")
    p.add_argument("--survey", default="skm-2017", metavar="CODE",
                   help="survey of the IKM (default skm-2017)")
    p.add_argument("--weight", default="exact", choices=("exact", "rounded"),
                   help="IKM weight: exact 1/n (default) or the rounded one (0.111)")
    p.set_defaults(func=cmd_report_daily)
    p = report.add_parser("summarize", parents=[common, reporting, office],
                          help="write the per-day summaries of closed days (nightly job)")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="first day, YYYY-MM-DD (default: the last day)")
    p.add_argument("--to", metavar="DATE", help="last day, YYYY-MM-DD (default: yesterday)")
    p.add_argument("--rebuild", action="store_true",
                   help="recompute days that already have a summary")
    p.set_defaults(func=cmd_report_summarize)
