"""Many kiosks and counters at once, as separate OS processes, on PostgreSQL and SQLite.

No number is handed out twice or skipped, no ticket is called by two counters, and every
issued ticket is accounted for.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter as Tally

import pytest
from sqlalchemy import func, select

from app.access import Actor
from app.catalog.service import import_catalog
from app.catalog.spec import parse_catalog
from app.store import Store
from db.models import StageRecord, Visit, VisitTransition
from tests.app.queue import workers

SIZES = {"postgresql": (4, 150, 20), "sqlite": (3, 150, 6)}  # kiosks, tickets each, counters


def _office(store: Store, counters: int) -> None:
    data = {
        "format": "loket-catalog/1",
        "office": {"code": workers.OFFICE, "name": "Uji konkuren", "zone": "WIB"},
        "stages": [{"code": "loket", "name": "Loket"}],
        "counters": [{"code": f"L{i:02d}", "name": f"Loket {i}", "number": i,
                      "stages": ["loket"]} for i in range(1, counters + 1)],
        "services": [{"code": "LAYANAN", "name": "Layanan", "prefix": "A",
                      "stages": ["loket"], "fee": {"kind": "free"}}],
    }
    with store.uow() as uow:
        import_catalog(uow, parse_catalog(data, "uji.yaml"), actor=Actor("admin"))


@pytest.mark.slow
def test_concurrent_kiosks_and_counters(db_url: str) -> None:
    backend = "postgresql" if db_url.startswith("postgresql") else "sqlite"
    kiosks, each, counters = SIZES[backend]
    with Store.open(db_url) as store:
        _office(store, counters)
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(kiosks + counters)
    kiosks_done = ctx.Event()
    out = ctx.Queue()
    kiosk_procs = [ctx.Process(target=workers.kiosk, args=(db_url, start, each, out))
                   for _ in range(kiosks)]
    counter_procs = [ctx.Process(target=workers.counter,
                                 args=(db_url, start, f"L{i:02d}", kiosks_done, out))
                     for i in range(1, counters + 1)]
    for p in kiosk_procs + counter_procs:
        p.start()
    results = []
    for _ in kiosk_procs:
        results.append(out.get(timeout=300))
    kiosks_done.set()
    for _ in counter_procs:
        results.append(out.get(timeout=300))
    for p in kiosk_procs + counter_procs:
        p.join(timeout=60)
        assert p.exitcode == 0

    issued = [t for kind, tickets in results if kind == "kiosk" for t in tickets]
    served = [t for kind, tickets in results if kind == "counter" for t in tickets]
    total = kiosks * each
    assert len(issued) == total
    assert len(set(issued)) == total  # never a shared number
    assert sorted(issued) == [f"A-{n:03d}" for n in range(1, total + 1)]  # and no gap
    assert Tally(served) == Tally(issued)  # every ticket served exactly once
    assert sum(1 for kind, tickets in results if kind == "counter" and tickets) > 1

    with Store.open(db_url) as store, store.uow(read_only=True) as uow:
        s = uow.session
        assert s.scalar(select(func.count()).select_from(Visit)) == total
        assert s.scalar(select(func.count()).select_from(Visit).where(
            Visit.status != "done")) == 0
        calls = s.execute(select(VisitTransition.stage_record_id, func.count())
                          .where(VisitTransition.action == "called")
                          .group_by(VisitTransition.stage_record_id)).all()
        assert len(calls) == total
        assert {n for _, n in calls} == {1}  # no stage record called twice
        assert s.scalar(select(func.count(func.distinct(StageRecord.counter_id)))) > 1
