"""Worker processes for the concurrency tests: real OS processes, each with its own engine."""

from __future__ import annotations

import random
from typing import Any

from app.queue import engine as q_
from app.store import Store

OFFICE = "UJI-KONKUREN"


def kiosk(url: str, start: Any, count: int, out: Any) -> None:
    issued = []
    with Store.open(url) as store:
        start.wait()
        for _ in range(count):
            with store.uow() as uow:
                info = q_.issue_ticket(uow, "LAYANAN", office_code=OFFICE,
                                       priority="anak" if random.random() < 0.1 else None)
            issued.append(info.ticket)
    out.put(("kiosk", issued))


def counter(url: str, start: Any, code: str, kiosks_done: Any, out: Any) -> None:
    served = []
    with Store.open(url) as store:
        start.wait()
        while True:
            with store.uow() as uow:
                call = q_.call_next(uow, code, office_code=OFFICE, actor=q_.Actor.system(code))
            if call is None:
                if kiosks_done.is_set():
                    # one more look: a ticket may have been committed just before the flag
                    with store.uow() as uow:
                        call = q_.call_next(uow, code, office_code=OFFICE,
                                            actor=q_.Actor.system(code))
                    if call is None:
                        break
                else:
                    kiosks_done.wait(0.02)  # queue empty for now: back off, do not spin
                    continue
            with store.uow() as uow:
                q_.finish(uow, code, office_code=OFFICE, actor=q_.Actor.system(code))
            served.append(call.ticket)
    out.put(("counter", served))
