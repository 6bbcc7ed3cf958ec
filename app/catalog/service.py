"""Putting a validated catalog into the database, and reading the services back out.

Importing is idempotent: records are matched by code and updated; stages and services that
disappeared from the file are deactivated, never deleted, since past visits refer to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import access, audit
from app.access import Act, Actor
from app.catalog.source import FileProblems, Problem
from app.catalog.spec import (
    CatalogSpec,
    StationsSpec,
    TimeStandard,
    check_references,
    read_file,
)
from app.errors import LoketError
from app.labels import catalog_name
from app.queue.config import forget as forget_counter_config
from app.queue.config import time_standard_of
from app.store import UnitOfWork
from db.enums import DeviceKind
from db.models import (
    Counter,
    Office,
    Service,
    ServiceStage,
    Stage,
    Station,
    StationDevice,
)


@dataclass(frozen=True)
class ImportResult:
    file: str
    kind: str  # "catalog" or "stations"
    office: str
    created: int
    updated: int
    deactivated: int

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "kind": self.kind,
            "office": self.office,
            "created": self.created,
            "updated": self.updated,
            "deactivated": self.deactivated,
        }


class _Tally:
    def __init__(self) -> None:
        self.created = self.updated = self.deactivated = 0

    def set(self, obj: Any, **values: Any) -> bool:
        changed = False
        for key, value in values.items():
            if getattr(obj, key) != value:
                setattr(obj, key, value)
                changed = True
        return changed


def _by_code(session: Session, model: Any, office_id: int) -> dict[str, Any]:
    rows = session.scalars(select(model).where(model.office_id == office_id))
    return {row.code: row for row in rows}


def import_catalog(uow: UnitOfWork, spec: CatalogSpec, *, actor: Actor,
                   commit: bool = True) -> ImportResult:
    """Load one validated catalog; ``commit=False`` leaves the commit to the caller (an
    import of several files commits once)."""
    s = uow.session
    tally = _Tally()
    o = spec.office
    office = s.scalar(select(Office).where(Office.code == o.code))
    who = access.require(s, actor, Act.CATALOG, office_id=office.id if office else None)
    office_values = dict(
        name=o.name, kind=o.kind, zone=o.zone, address=o.address,
        complaint_channels=list(o.complaint_channels), complaint_response=o.complaint_response,
        source=spec.source or None, active=True,
    )
    if office is None:
        office = Office(code=o.code, settings=dict(o.settings), **office_values)
        s.add(office)
        s.flush()
        tally.created += 1
    else:
        settings = {**office.settings, **o.settings}
        if tally.set(office, settings=settings, **office_values):
            tally.updated += 1

    stages = _by_code(s, Stage, office.id)
    for pos, st in enumerate(spec.stages):
        row = stages.get(st.code)
        if row is None:
            row = stages[st.code] = Stage(office_id=office.id, code=st.code)
            s.add(row)
            tally.created += 1
            tally.set(row, name=st.name, name_en=st.name_en, position=pos, active=True)
        elif tally.set(row, name=st.name, name_en=st.name_en, position=pos, active=True):
            tally.updated += 1
    wanted = {st.code for st in spec.stages}
    for code, row in stages.items():
        if code not in wanted and row.active:
            row.active = False
            tally.deactivated += 1
    s.flush()

    counters = _by_code(s, Counter, office.id)
    for pos, c in enumerate(spec.counters):
        row = counters.get(c.code)
        new_stages = [stages[code] for code in c.stages]
        if row is None:
            row = Counter(office_id=office.id, code=c.code, name=c.name,
                          display_number=c.number, call_name=c.call_name, position=pos)
            row.stages = new_stages
            s.add(row)
            tally.created += 1
            continue
        changed = tally.set(row, name=c.name, display_number=c.number, call_name=c.call_name,
                            position=pos, active=True)
        if [st.code for st in row.stages] != list(c.stages):
            row.stages = new_stages
            changed = True
        tally.updated += changed
    wanted = {c.code for c in spec.counters}
    for code, row in counters.items():
        if code not in wanted and row.active:
            row.active = False
            tally.deactivated += 1
    s.flush()

    services = _by_code(s, Service, office.id)
    for pos, sv in enumerate(spec.services):
        values = _service_values(sv.time, pos)
        values.update(
            name=sv.name, name_en=sv.name_en, group=sv.group, prefix=sv.prefix,
            requirements=[r.to_json() for r in sv.requirements], procedure=list(sv.procedure),
            fee=sv.fee, product=list(sv.product), legal_basis=list(sv.legal_basis),
            kiosk=sv.kiosk, active=True,
        )
        row = services.get(sv.code)
        is_new = row is None
        if row is None:
            row = Service(office_id=office.id, code=sv.code, **values)
            s.add(row)
            tally.created += 1
            changed = False
        else:
            changed = tally.set(row, **values)
        if [link.stage.code for link in row.stage_links] != list(sv.stages):
            row.stage_links.clear()
            s.flush()
            row.stage_links.extend(
                ServiceStage(position=i, stage=stages[code]) for i, code in enumerate(sv.stages)
            )
            changed = not is_new
        if changed:
            tally.updated += 1
    wanted = {sv.code for sv in spec.services}
    for code, row in services.items():
        if code not in wanted and row.active:
            row.active = False
            tally.deactivated += 1
    s.flush()

    result = ImportResult(spec.file, "catalog", o.code, tally.created, tally.updated,
                          tally.deactivated)
    forget_counter_config()
    audit.record(s, actor=who.name, action="catalog.import", entity="office", entity_id=o.code,
                 office_id=office.id, after=result.to_json())
    if commit:
        uow.commit()
    return result


def _service_values(time: TimeStandard | None, position: int) -> dict[str, Any]:
    return dict(
        time_value=time.value if time else None,
        time_unit=time.unit if time else None,
        time_min_value=time.min_value if time else None,
        time_per={"count": time.per_count, "of": time.per_what} if time and time.per_count
        else None,
        time_from=time.start if time else "ticket",
        time_note=time.note if time else "",
        position=position,
    )


def import_stations(uow: UnitOfWork, spec: StationsSpec, *, actor: Actor,
                    commit: bool = True) -> list[ImportResult]:
    s = uow.session
    problems: list[Problem] = []
    plans = []
    for group in spec.offices:
        office = s.scalar(select(Office).where(Office.code == group.office))
        if office is None:
            problems.append(Problem(spec.file, group.line, "office.unknown",
                                    {"code": group.office}))
            continue
        access.require(s, actor, Act.CONFIGURE, office_id=office.id)
        counters = _by_code(s, Counter, office.id)
        for st in group.stations:
            if st.counter and st.counter not in counters:
                problems.append(Problem(spec.file, st.line, "catalog.unknown_counter",
                                        {"code": st.counter}))
        plans.append((office, counters, group))
    if problems:
        raise FileProblems(problems)

    results = []
    for office, counters, group in plans:
        tally = _Tally()
        existing = _by_code(s, Station, office.id)
        for st in group.stations:
            counter = counters[st.counter] if st.counter else None
            row = existing.get(st.code)
            if row is None:
                row = Station(office_id=office.id, code=st.code, kind=st.kind)
                s.add(row)
                tally.created += 1
                changed = False
            else:
                changed = False
            changed |= tally.set(row, kind=st.kind, name=st.name,
                                 counter_id=counter.id if counter else None,
                                 settings=dict(st.settings))
            current = {d.kind.value: d.connection for d in row.devices}
            if current != st.devices:
                row.devices = [StationDevice(kind=DeviceKind(k), connection=v)
                               for k, v in st.devices.items()]
                changed = True
            if changed and row.id is not None:
                tally.updated += 1
        s.flush()
        result = ImportResult(spec.file, "stations", office.code, tally.created, tally.updated, 0)
        audit.record(s, actor=actor.name, action="stations.import", entity="office",
                     entity_id=office.code, office_id=office.id, after=result.to_json())
        results.append(result)
    if commit:
        uow.commit()
    return results


def import_file(uow: UnitOfWork, path: Path, *, actor: Actor) -> list[ImportResult]:
    """Validate ``path`` completely, then load it in one transaction (all or nothing)."""
    spec = read_file(path)
    if isinstance(spec, StationsSpec):
        return import_stations(uow, spec, actor=actor)
    return [import_catalog(uow, spec, actor=actor)]


def known_offices(uow: UnitOfWork) -> dict[str, set[str]]:
    """Every office of the database with its counters' codes (for
    :func:`app.catalog.spec.check_references`)."""
    out: dict[str, set[str]] = {
        code: set() for code in uow.session.scalars(select(Office.code))}
    rows = uow.session.execute(select(Office.code, Counter.code).join(
        Counter, Counter.office_id == Office.id))
    for office, counter in rows:
        out[office].add(counter)
    return out


def import_files(uow: UnitOfWork, specs: list[CatalogSpec | StationsSpec], *,
                 actor: Actor) -> list[ImportResult]:
    """Load several validated files in ONE transaction: catalogs first (so a stations file
    may name an office that a catalog of the same import creates), then stations. What
    would fail is refused before the first write; anything that still fails rolls back
    every file."""
    check_references(specs, known_offices(uow))
    results = [import_catalog(uow, spec, actor=actor, commit=False)
               for spec in specs if isinstance(spec, CatalogSpec)]
    for spec in specs:
        if isinstance(spec, StationsSpec):
            results.extend(import_stations(uow, spec, actor=actor, commit=False))
    uow.commit()
    return results


# --- reading back ------------------------------------------------------------------------


def list_services(
    uow: UnitOfWork, office_code: str | None = None, *, include_inactive: bool = False
) -> list[dict[str, Any]]:
    s = uow.session
    query = (
        select(Service, Office.code, Office.name)
        .join(Office, Office.id == Service.office_id)
        .options(selectinload(Service.stage_links).selectinload(ServiceStage.stage))
        .order_by(Office.code, Service.position)
    )
    if office_code:
        if s.scalar(select(Office.id).where(Office.code == office_code)) is None:
            raise LoketError("office.unknown", code=office_code)
        query = query.where(Office.code == office_code)
    if not include_inactive:
        query = query.where(Service.active.is_(True))
    out = []
    for service, code, office_name in s.execute(query):
        time = time_standard_of(service)
        out.append({
            "office": code,
            "office_name": office_name,
            "code": service.code,
            "name": service.name,
            "name_en": service.name_en,
            "prefix": service.prefix,
            "stages": service.stage_codes,
            "stage_names": [catalog_name(link.stage.name, link.stage.name_en)
                            for link in service.stage_links],
            "time_standard": time.to_json() if time else None,
            "fee": service.fee,
            "requirements": len(service.requirements),
            "active": service.active,
        })
    return out
