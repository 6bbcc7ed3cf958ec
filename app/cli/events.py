"""``loket events prune``: the live events older than the catch-up window go (a nightly job).

``loket events prune [--office CODE] [--keep-days N] [--json]`` deletes, in short batches
(:mod:`app.queue.event_log`), the events older than each office's ``events_keep_days`` (7
days unless set), or than ``--keep-days``; with ``--office`` that office's only, else every
office's and the events of no office. Like ``loket report summarize`` it needs no one signed
in: it removes only what no station reads any more, and is audited per office as this PC's
user.
"""

from __future__ import annotations

import argparse

from app.cli.common import Parents, SubParsers, bounded, emit, open_store, pc_user
from app.i18n import register as register_messages
from app.i18n import tr

KEEP_DAYS = (1, 365)  # app.office_settings.EVENTS_KEEP_BOUNDS, written out: --help loads no
# service (tests/app/queue/test_event_log.py checks the two agree)

register_messages({
    "cli.events_pruned": ("{office}: {deleted} peristiwa dihapus (sebelum {before})",
                          "{office}: {deleted} events deleted (before {before})"),
    "cli.events_total": ("jumlah: {deleted} peristiwa dalam {batches} kelompok, kelompok "
                         "terlama {longest} ms",
                         "total: {deleted} events in {batches} batches, the longest "
                         "{longest} ms"),
    "cli.events_no_office": ("tanpa kantor", "no office"),
})


def cmd_events_prune(args: argparse.Namespace) -> int:
    from app.access import Actor
    from app.queue.event_log import prune_events

    with open_store(args) as store:
        result = prune_events(store, office_code=args.office, keep_days=args.keep_days,
                              actor=Actor.system(pc_user()))
    data = result.to_json()
    emit(args, data, lambda: "\n".join([
        *(tr("cli.events_pruned", office=o["office"] or tr("cli.events_no_office"),
             deleted=o["deleted"], before=o["before"]) for o in data["offices"]),
        tr("cli.events_total", deleted=data["deleted"], batches=data["batches"],
           longest=f"{data['longest_batch_ms']:.1f}")]))
    return 0


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket events prune`` to the ``loket`` parser."""
    events = sub.add_parser("events", help="the live events the stations catch up from")
    commands = events.add_subparsers(dest="events_cmd", required=True)
    p = commands.add_parser("prune", parents=[parents.common, parents.reporting],
                            help="delete the events older than the catch-up window "
                                 "(nightly job)")
    p.add_argument("--office", metavar="CODE",
                   help="only this office's events (default: every office's)")
    p.add_argument("--keep-days", dest="keep_days", type=bounded(int, *KEEP_DAYS),
                   metavar="N", help=f"keep the last N days ({KEEP_DAYS[0]}-{KEEP_DAYS[1]}; "
                                     "default: the office setting events_keep_days, 7)")
    p.set_defaults(func=cmd_events_prune)
