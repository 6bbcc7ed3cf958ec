"""``loket demo``: set up the demo office (its own SQLite file) and open its stations."""

from __future__ import annotations

import argparse

from app.cli.common import (
    EXIT_OK,
    Parents,
    SubParsers,
    bounded,
    emit,
    pc_user,
)
from app.cli.words import phrase


def cmd_demo(args: argparse.Namespace) -> int:
    from app import demo
    from app.store import Store

    url = args.db or demo.default_url()
    with Store.open(url, check_schema=False) as store:
        summary = demo.prepare(store, actor=pc_user())
        if args.no_window:
            emit(args, summary, lambda: _describe(summary))
            return EXIT_OK
        from ui.demo import run_demo

        return run_demo(store, summary, quit_after=args.quit_after, autopilot=args.autopilot)


def _describe(summary: dict) -> str:
    """The demo's summary in the reader's language: the database (a SQLite file by its
    path), the offices, services and users, and the command that starts each station."""
    from sqlalchemy.engine import make_url

    url = make_url(summary["database"])
    where = url.database if url.get_backend_name() == "sqlite" and url.database else str(
        summary["database"])
    lines = [f"Demo: {where}",
             "  " + phrase("cli.out.demo_offices", offices=", ".join(summary["offices"])),
             "  " + phrase("cli.out.demo_services", count=summary["services"]),
             "  " + phrase("cli.out.demo_users", users=", ".join(summary["users"]),
                           password=summary["password"])]
    if summary.get("stations"):
        lines.append("  " + phrase("cli.out.demo_stations", office=summary["office"]))
        lines.extend(f"    {s['role']}: {s['command']}" for s in summary["stations"])
    return "\n".join(lines)


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket demo`` to the ``loket`` parser."""
    common, reporting = parents.common, parents.reporting
    p = sub.add_parser("demo", parents=[common, reporting],
                       help="set up and open the demo office (SQLite, simulated devices)")
    p.add_argument("--no-window", action="store_true", help="prepare the demo data only")
    p.add_argument("--autopilot", action="store_true",
                   help="visitors keep arriving and unattended counters serve them")
    p.add_argument("--quit-after", type=bounded(float, 0, 7 * 86400), metavar="SECONDS",
                   help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_demo)
