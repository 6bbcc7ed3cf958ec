"""``loket ikm ...``: the satisfaction index from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path


def cmd_ikm_compute(args: argparse.Namespace) -> int:
    from app.cli import _emit
    from app.ikm.answers_file import read_answers
    from app.ikm.compute import compute_ikm
    from app.ikm.survey import load_survey

    survey = load_survey(args.survey)
    rows = read_answers(Path(args.answers), survey)
    result = compute_ikm(survey, [r.answers for r in rows], weight=args.weight)
    data = result.to_json()

    def human() -> str:
        lines = [f"{survey.name}: {result.respondents} responden, bobot {result.weight}"]
        for element in survey.elements:
            lines.append(f"  {element.name:<45} NRR {result.nrr_decimal(element.id)}")
        lines.append(f"IKM {result.converted} — {result.grade} ({result.label})")
        return "\n".join(lines)

    _emit(args, data, human)
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser,
             reporting: argparse.ArgumentParser, office: argparse.ArgumentParser) -> None:
    ikm = sub.add_parser("ikm", help="satisfaction index (IKM)").add_subparsers(
        dest="ikm_cmd", required=True)
    p = ikm.add_parser("compute", parents=[reporting],
                       help="the IKM of a file of answers (CSV or XLSX), without a database")
    p.add_argument("--answers", required=True, metavar="FILE")
    p.add_argument("--survey", default="skm-2017", help="survey definition (default skm-2017)")
    p.add_argument("--weight", choices=("exact", "rounded"), default="exact",
                   help="exact 1/n (default) or the survey's rounded weight (0.111)")
    p.set_defaults(func=cmd_ikm_compute)
