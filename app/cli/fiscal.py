"""``loket fiscal ...``: tax clearance from the command line (thin wrappers over
:mod:`app.fiscal.arrears` and :mod:`app.fiscal.clearance`).

Exit status: 0 done (``verify``: the letter is valid); 1 ``verify`` of a letter that was
revoked; 2 bad input, a refused file or an unknown code (nothing changed).

``check --ticket`` (today's number, ``A-001``, or a visit id) logs the check for that visit:
only when a clearance counter has called or is serving it, unless a supervisor (``--as`` or
``--officer``) adds ``--override`` (audited).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import (
    EXIT_BAD_INPUT,
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
from app.errors import LoketError

if TYPE_CHECKING:
    from app.access import Actor

EXIT_REVOKED = 1
# app.fiscal.extract.SOURCES, written out: that module loads SQLAlchemy (through app.inputs),
# which ``loket --help`` must not (tests/app/test_cli_start.py checks the two agree)
SOURCES = ("pkb", "pbb", "pajak-daerah")


def _officer(args: argparse.Namespace, session: Any) -> Actor:
    """(name, user id) of the verified person acting (``--as`` with its password, or
    ``loket login``: app/cli/login.py). ``--officer`` may only name that same person: a
    letter never carries, and a check never acts with, the rights of someone else."""
    who = actor(args)
    named = getattr(args, "officer", None)
    if named and named != who.name:
        raise LoketError("session.other_user", session=who.name, name=named)
    return who


def _as_of(text: str | None) -> date | None:
    from app.fiscal.extract import parse_date

    return parse_date(text) if text else None


def cmd_import(args: argparse.Namespace) -> int:
    from app.fiscal import arrears
    from app.fiscal.extract import SOURCE_NAMES, ExtractRefused

    data = arrears.read_file(args.file)
    as_of = _as_of(args.as_of)
    with open_store(args) as store, store.uow() as uow:
        who = _officer(args, uow.session)
        try:
            result = arrears.import_extract(
                uow, data, file_name=Path(args.file).name, source=args.source, as_of=as_of,
                office_code=args.office, actor=who)
        except ExtractRefused as exc:
            if args.json:
                emit(args, {"imported": False, "file_name": exc.name,
                             "errors": [p.to_json() for p in exc.problems]}, lambda: "")
            say(exc.message())
            return EXIT_BAD_INPUT
    out = {"imported": True, **result.to_json()}
    replaced, batch = result.replaced, result.batch
    emit(args, out, lambda: (
        phrase("cli.out.fiscal_imported", source=SOURCE_NAMES[batch.source], rows=batch.rows,
               as_of=day(batch.as_of))
        + (phrase("cli.out.fiscal_replaced", as_of=day(replaced.as_of), rows=replaced.rows)
           if replaced else "")))
    return 0


def cmd_batches(args: argparse.Namespace) -> int:
    from app.fiscal import arrears

    with open_store(args) as store, store.uow(read_only=True) as uow:
        batches = arrears.list_batches(uow, office_code=args.office,
                                       include_replaced=args.all)
    data = [b.to_json() for b in batches]

    def human() -> str:
        from app.fiscal.extract import SOURCE_NAMES

        return "\n".join(
            phrase("cli.out.batch", id=d["batch_id"],
                   source=SOURCE_NAMES.get(d["source"], d["source"]), as_of=day(d["as_of"]),
                   rows=d["rows"], file=d["file_name"])
            + (phrase("cli.out.batch_replaced") if d["replaced_at"] else "") for d in data)

    emit(args, data, human)
    return 0


def _key(args: argparse.Namespace) -> tuple[str, str]:
    for kind in ("nik", "npwpd", "nop", "plate"):
        value = getattr(args, kind, None)
        if value is not None:
            return kind, value
    raise LoketError("fiscal.key_kind", value="")  # pragma: no cover - argparse requires one


def _human_check(data: dict[str, Any]) -> str:
    key = data["key"]
    lines = [f"{word('cli.out.key', key['kind'])} {key['display']} "
             f"{data['subject_name']}".rstrip(),
             phrase("cli.out.fiscal_result", check=data["check_id"],
                    result=word("cli.out.result", data["result"]))]
    for a in data["arrears"]:
        lines.append(f"  {a['source_name']:<13} {a['tax']:<20} {a['period']:<8} "
                     f"{a['amount_text']:>16}  {phrase('cli.out.months', months=a['months_late'])}")
    if data["arrears"]:
        lines.append(f"  {phrase('cli.out.total'):<43} {data['totals']['amount_text']:>16}")
    for s in data["sources"]:
        lines.append("  " + phrase("cli.out.fiscal_source", source=s["source_name"],
                                   as_of=day(s["as_of"])))
    if data.get("letter_code"):
        lines.append(phrase("cli.out.verify_code", code=data["letter_code"]))
    return "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> int:
    from app.fiscal import clearance
    from app.output.tickets import find_visit

    kind, value = _key(args)
    with open_store(args) as store:
        visit_id = find_visit(store, args.ticket, office_code=args.office) if args.ticket \
            else None
        with store.uow() as uow:
            who = _officer(args, uow.session)
            result = clearance.check(uow, kind, value, purpose=args.purpose, officer=who,
                                     office_code=args.office, name=args.name,
                                     visit_id=visit_id, override=args.override)
        data = result.to_json()
        if args.letter or args.out:
            with store.uow() as uow:
                letter = clearance.issue_letter(uow, result.check_id, actor=who)
            data["letter_code"] = letter.display_code
            data["letter"] = letter.to_json()
            if args.out:
                write_output(args.out, letter.pdf)
                data["letter"]["file"] = args.out
    emit(args, data, lambda: _human_check(data))
    return 0


def cmd_letter(args: argparse.Namespace) -> int:
    from app.fiscal import clearance

    with open_store(args) as store, store.uow() as uow:
        who = _officer(args, uow.session)
        letter = clearance.issue_letter(uow, args.check_id, actor=who)
    data = letter.to_json()
    if args.out:
        write_output(args.out, letter.pdf)
        data["file"] = args.out
    emit(args, data, lambda: f"{letter.display_code} ({word('cli.out.letter', letter.kind)})")
    return 0


def cmd_reprint(args: argparse.Namespace) -> int:
    from app.fiscal import clearance

    with open_store(args) as store, store.uow(read_only=True) as uow:
        name, pdf = clearance.letter_pdf_of(uow, args.code, actor=actor(args))
    out = args.out or name
    write_output(out, pdf)
    emit(args, {"file": out, "bytes": len(pdf)}, lambda: out)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from app.fiscal import clearance

    with open_store(args) as store, store.uow(read_only=True) as uow:
        try:
            data = clearance.verify(uow, args.code)
        except LoketError as exc:
            if args.json:
                emit(args, {"valid": False, "code": args.code, "error": exc.key,
                             "reason": exc.message()}, lambda: "")
            raise
    if not data["valid"]:
        say(data["reason"])
    subject = data["subject"]
    emit(args, data, lambda: (
        f"{data['code']}: {phrase('cli.out.valid' if data['valid'] else 'cli.out.invalid')} - "
        f"{word('cli.out.letter', data['kind'])} "
        f"{word('cli.out.key', subject.get('kind', '')) if subject.get('kind') else ''} "
        f"{subject.get('display', '')} {subject.get('name', '')}, "
        f"{word('cli.out.result', data['result'])}, {data['office_name']} "
        f"{moment(data['issued_at_local'])}"))
    return 0 if data["valid"] else EXIT_REVOKED


def cmd_revoke(args: argparse.Namespace) -> int:
    from app.fiscal import clearance

    with open_store(args) as store, store.uow() as uow:
        who = _officer(args, uow.session)
        data = clearance.revoke(uow, args.code, reason=args.reason, actor=who)
    emit(args, data, lambda: phrase("cli.out.revoked", code=data["code"]))
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from app.fiscal import clearance

    with open_store(args) as store, store.uow(read_only=True) as uow:
        rows = clearance.check_log(uow, office_code=args.office, limit=args.limit)
    emit(args, rows, lambda: "\n".join(
        f"{r['check_id']:>6} {moment(r['checked_at_local'])} {r['officer']:<12} "
        f"{word('cli.out.key', r['key_kind']):<14} {r['key_value']:<18} "
        f"{word('cli.out.result', r['result']):<32} {r['purpose']}" for r in rows))
    return 0


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket fiscal ...`` to the ``loket`` parser."""
    common, reporting = parents.common, parents.reporting
    q = parents.acting
    fiscal = sub.add_parser("fiscal", help="tax clearance: arrears data, checks, letters"
                            ).add_subparsers(dest="fiscal_cmd", required=True)

    p = fiscal.add_parser("import", parents=q,
                          help="import a CSV extract of arrears (replaces that source's data)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--source", choices=SOURCES,
                   help="the system the extract comes from (else the file's 'sumber' column)")
    p.add_argument("--as-of", dest="as_of", metavar="DATE",
                   help="the date of the extract (default: today)")
    p.add_argument("--officer", metavar="USER", help="the officer (a user name)")
    p.set_defaults(func=cmd_import)

    p = fiscal.add_parser("batches", parents=q, help="the imported extracts")
    p.add_argument("--all", action="store_true", help="include replaced extracts")
    p.set_defaults(func=cmd_batches)

    p = fiscal.add_parser("check", parents=q, help="check a subject for arrears (logged)")
    keys = p.add_mutually_exclusive_group(required=True)
    keys.add_argument("--nik", metavar="NIK")
    keys.add_argument("--npwpd", metavar="NPWPD")
    keys.add_argument("--nop", metavar="NOP")
    keys.add_argument("--plate", "--nopol", dest="plate", metavar="PLATE")
    p.add_argument("--purpose", required=True, metavar="TEXT",
                   help="what the check is for, e.g. the permit applied for")
    p.add_argument("--officer", metavar="USER", help="the officer (a user name)")
    p.add_argument("--name", metavar="NAME", help="the applicant's name as stated")
    p.add_argument("--letter", action="store_true",
                   help="issue the letter (certificate if clear, arrears list if not)")
    p.add_argument("--out", metavar="FILE", help="write the letter's PDF here (implies --letter)")
    p.add_argument("--ticket", metavar="TICKET",
                   help="for this visit: today's number (A-001) or the visit id")
    add_override(p)
    p.set_defaults(func=cmd_check)

    p = fiscal.add_parser("letter", parents=q, help="issue the letter of a check of today")
    p.add_argument("check_id", type=int, metavar="CHECK")
    p.add_argument("--officer", metavar="USER")
    p.add_argument("--out", metavar="FILE")
    p.set_defaults(func=cmd_letter)

    p = fiscal.add_parser("reprint", parents=q, help="write an issued letter's PDF again")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--out", metavar="FILE")
    p.set_defaults(func=cmd_reprint)

    p = fiscal.add_parser("verify", parents=[common, reporting],
                          help="is this verification code a letter Loket issued?")
    p.add_argument("code", metavar="CODE")
    p.set_defaults(func=cmd_verify)

    p = fiscal.add_parser("revoke", parents=q, help="withdraw an issued letter")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--reason", required=True)
    p.add_argument("--officer", metavar="USER")
    p.set_defaults(func=cmd_revoke)

    p = fiscal.add_parser("log", parents=q, help="the latest checks (who, why, result)")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_log)
