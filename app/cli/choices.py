"""A refusal of an unknown office, service or counter names the valid ones.

The services refuse such a code by key (``office.unknown``, ``queue.unknown_service``,
``queue.unknown_counter``) with the code alone; the command line, where the person typing
needs the right code, adds the codes the database does have: ``kantor 'NOWHERE' tidak
ditemukan (pilihan: BAPENDA-PTK, SAMSAT-PTK1)``. Read after the command's unit of work
was rolled back, in a read-only one of its own; if that reading fails, the refusal is said
as it was.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.errors import LoketError
from app.i18n import register, tr

if TYPE_CHECKING:
    from app.store import UnitOfWork

register({
    "cli.choices": ("{message} (pilihan: {choices})", "{message} (choices: {choices})"),
})

# the refusals that get their list, each with what names the office in its parameters
UNKNOWN = ("office.unknown", "queue.unknown_service", "queue.unknown_counter")


def valid_codes(uow: UnitOfWork, error: LoketError) -> list[str]:
    """The codes that would have been accepted instead of the one ``error`` refuses, sorted
    as the catalog has them (offices and counters by code, services in the catalog's
    order); empty for any other refusal."""
    from app.catalog.service import known_offices, list_services

    if error.key == "office.unknown":
        return sorted(known_offices(uow))
    office = error.params.get("office")
    if not isinstance(office, str):
        return []
    if error.key == "queue.unknown_service":
        return [row["code"] for row in list_services(uow, office) if row["stages"]]
    if error.key == "queue.unknown_counter":
        return sorted(known_offices(uow).get(office, ()))
    return []


def refusal(args: argparse.Namespace, error: LoketError) -> str:
    """``error`` in words; an unknown office, service or counter with the valid codes of
    the command's database (``args.cli_store``, when the command opened one)."""
    text = error.message()
    store = getattr(args, "cli_store", None)
    if error.key not in UNKNOWN or "choices" in error.params or store is None:
        return text
    try:
        with store.uow(read_only=True) as uow:
            codes = valid_codes(uow, error)
    except Exception:  # the refusal is what matters; the list is a courtesy
        return text
    finally:
        store.close()
    return tr("cli.choices", message=text, choices=", ".join(codes)) if codes else text
