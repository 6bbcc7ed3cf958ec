"""``loket ikm ...``: the satisfaction index from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import Parents, SubParsers, emit, open_store
from app.cli.login import actor
from app.cli.words import names_for, period, phrase


def cmd_ikm_compute(args: argparse.Namespace) -> int:
    from app.ikm.answers_file import read_answers
    from app.ikm.compute import compute_ikm
    from app.ikm.survey import load_survey

    survey = load_survey(args.survey)
    rows = read_answers(Path(args.answers), survey)
    result = compute_ikm(survey, [r.answers for r in rows], weight=args.weight)
    data = result.to_json()

    def human() -> str:
        lines = [phrase("cli.out.ikm_head", survey=survey.name,
                        respondents=result.respondents, weight=result.weight)]
        for element in survey.elements:
            lines.append(f"  {element.name:<45} NRR {result.nrr_decimal(element.id)}")
        lines.append(f"IKM {result.converted} — {result.grade} ({result.label})")
        return "\n".join(lines)

    emit(args, data, human)
    return 0


def cmd_ikm_import(args: argparse.Namespace) -> int:
    from app.ikm.responses import import_answers

    with open_store(args) as store, store.uow() as uow:
        count = import_answers(uow, args.office, Path(args.file), survey_code=args.survey,
                               actor=actor(args))
    emit(args, {"file": args.file, "imported": count},
         lambda: phrase("cli.out.ikm_imported", count=count, file=args.file))
    return 0


def cmd_ikm_report(args: argparse.Namespace) -> int:
    from app.ikm.responses import ikm_report
    from app.ikm.survey import load_survey
    from app.inputs import parse_day

    start, end = parse_day(args.date_from, "--from"), parse_day(args.date_to, "--to")
    with open_store(args) as store, store.uow(read_only=True) as uow:
        report = ikm_report(uow, args.office, start, end, survey_code=args.survey,
                            weight=args.weight, service=args.service, counter=args.counter,
                            officer=args.officer)
    survey = load_survey(args.survey)

    def human() -> str:
        head = phrase("cli.out.ikm_report", office=names_for(args).office_name,
                      period=period(start, end), visitors=report.visitors,
                      needed=report.sample_needed)
        if report.result is None:
            return head + "\n" + phrase("cli.out.ikm_none")
        r = report.result
        enough = "cli.out.enough" if report.sample_reached else "cli.out.not_enough"
        lines = [head, phrase("cli.out.respondents", count=r.respondents,
                              enough=phrase(enough))]
        for element in survey.elements:
            lines.append(f"  {element.name:<45} NRR {r.nrr_decimal(element.id)}")
        lines.append(f"IKM {r.converted} — {r.grade} ({r.label}), "
                     + phrase("cli.out.weight", weight=r.weight))
        return "\n".join(lines)

    emit(args, report.to_json(), human)
    return 0


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket ikm ...`` to the ``loket`` parser."""
    common, reporting, office = parents.common, parents.reporting, parents.office
    ikm = sub.add_parser("ikm", help="satisfaction index (IKM)").add_subparsers(
        dest="ikm_cmd", required=True)
    p = ikm.add_parser("compute", parents=[reporting],
                       help="the IKM of a file of answers (CSV or XLSX), without a database")
    p.add_argument("--answers", required=True, metavar="FILE")
    p.add_argument("--survey", default="skm-2017", help="survey definition (default skm-2017)")
    p.add_argument("--weight", choices=("exact", "rounded"), default="exact",
                   help="exact 1/n (default) or the survey's rounded weight (0.111)")
    p.set_defaults(func=cmd_ikm_compute)

    p = ikm.add_parser("import", parents=[common, reporting, office],
                       help="load paper questionnaires (CSV or XLSX), all rows or none")
    p.add_argument("file")
    p.add_argument("--survey", default="skm-2017")
    p.set_defaults(func=cmd_ikm_import)

    p = ikm.add_parser("report", parents=[common, reporting, office],
                       help="the IKM of a period from the database")
    p.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    p.add_argument("--to", dest="date_to", required=True, metavar="DATE")
    p.add_argument("--survey", default="skm-2017")
    p.add_argument("--weight", choices=("exact", "rounded"), default="exact")
    p.add_argument("--service", help="only this service's visits")
    p.add_argument("--counter", help="only visits served at this loket")
    p.add_argument("--officer", help="only visits served by this officer (user name)")
    p.set_defaults(func=cmd_ikm_report)
