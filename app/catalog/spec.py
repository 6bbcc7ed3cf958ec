"""The service catalog as data: what a catalog file may say, checked field by field.

A catalog file (``format: loket-catalog/1``) describes one office and the service standards
(*standar pelayanan*) it publishes: requirements, procedure, time to complete, fee, product,
complaint channels, and the stages and counters a visit passes through. A stations file
(``format: loket-stations/1``) says which PCs an office has and what devices they drive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.catalog.source import Fields, FileProblems, Problem, load_yaml
from app.errors import LoketError
from app.i18n import tr
from app.office_settings import KEYS, parse_settings
from db.enums import DeviceKind, StationKind, TimeUnit, Zone
from devices.connection import BadConnection
from devices.connection import parse as parse_connection

CATALOG_FORMAT = "loket-catalog/1"
STATIONS_FORMAT = "loket-stations/1"

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,47}$")
PREFIX = re.compile(r"^[A-Z]{1,3}$")

OFFICE_KINDS = ("samsat", "bapenda", "bppd", "bps", "dpmptsp", "other")
CHANNEL_KINDS = (
    "room", "box", "phone", "whatsapp", "sms", "email", "website", "form", "fax", "letter",
    "instagram", "facebook", "twitter", "sp4n", "other",
)
FEE_KINDS = ("free", "fixed", "regulation", "tariff", "not_stated")
TIME_FROM = ("ticket", "complete")
UNITS = tuple(u.value for u in TimeUnit)


@dataclass(frozen=True)
class TimeStandard:
    """How long a service may take, as the standard states it (``min_value`` for ranges)."""

    value: int
    unit: TimeUnit
    min_value: int | None = None
    per_count: int | None = None
    per_what: str = ""
    start: str = "ticket"
    note: str = ""

    def describe(self, lang: str | None = None) -> str:
        unit = tr(f"unit.{self.unit.value}", lang)
        amount = f"{self.min_value}-{self.value}" if self.min_value else str(self.value)
        text = f"{amount} {unit}"
        if self.per_count:
            text += " " + tr("time.per", lang, n=self.per_count, what=self.per_what)
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "unit": self.unit.value,
            "min": self.min_value,
            "per": {"count": self.per_count, "of": self.per_what} if self.per_count else None,
            "from": self.start,
            "note": self.note,
            "text": self.describe(),
        }


REQUIREMENT_KINDS = ("document", "step")


@dataclass(frozen=True)
class Variant:
    """One case of a service a requirement may apply to only (``for: badan``): its code
    and the words that follow "untuk"/"for" ("Wajib Pajak badan")."""

    code: str
    name: str
    name_en: str = ""


@dataclass(frozen=True)
class Requirement:
    """What a visitor brings (``document``), or a step done at the office (``step``: the
    vehicle's physical check), needed in every case or for one ``variant`` only."""

    code: str
    text: str
    variant: str = ""
    kind: str = "document"
    variant_name: str = ""
    variant_name_en: str = ""

    def to_json(self) -> dict[str, str]:
        """As ``Service.requirements`` keeps it: the variant's words beside its code, so
        every screen names the variant without reading the catalog file again."""
        out = {"code": self.code, "text": self.text}
        if self.variant:
            out["for"] = self.variant
            out["for_name"] = self.variant_name
            if self.variant_name_en:
                out["for_name_en"] = self.variant_name_en
        if self.kind != "document":
            out["kind"] = self.kind
        return out


@dataclass(frozen=True)
class ServiceSpec:
    code: str
    name: str
    prefix: str
    stages: tuple[str, ...]
    time: TimeStandard | None
    fee: dict[str, Any]
    line: int
    name_en: str = ""
    group: str = ""
    product: tuple[str, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    variants: tuple[Variant, ...] = ()
    procedure: tuple[str, ...] = ()
    legal_basis: tuple[str, ...] = ()
    kiosk: bool = True


@dataclass(frozen=True)
class StageSpec:
    code: str
    name: str
    name_en: str = ""


@dataclass(frozen=True)
class CounterSpec:
    code: str
    name: str
    number: int
    stages: tuple[str, ...]
    call_name: str = ""


@dataclass(frozen=True)
class OfficeSpec:
    code: str
    name: str
    kind: str
    zone: Zone
    address: str
    complaint_channels: tuple[dict[str, str], ...]
    complaint_response: dict[str, Any] | None
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CatalogSpec:
    file: str
    office: OfficeSpec
    source: dict[str, Any]
    stages: tuple[StageSpec, ...]
    counters: tuple[CounterSpec, ...]
    services: tuple[ServiceSpec, ...]


@dataclass(frozen=True)
class StationSpec:
    code: str
    kind: StationKind
    name: str
    counter: str | None
    devices: dict[str, str]
    settings: dict[str, Any]
    line: int


@dataclass(frozen=True)
class OfficeStations:
    office: str
    line: int
    stations: tuple[StationSpec, ...]


@dataclass(frozen=True)
class StationsSpec:
    file: str
    offices: tuple[OfficeStations, ...]


# --- parsing -----------------------------------------------------------------------------


# Lengths of the database columns the fields go to: a longer text passes YAML and fails
# the import on PostgreSQL, so the check says it first.
CODE_LEN = 32
SERVICE_CODE_LEN = 48
NAME_LEN = 200
SERVICE_NAME_LEN = 300
CALL_NAME_LEN = 100
CONNECTION_LEN = 500


def _code(f: Fields, key: str = "code", max_len: int = CODE_LEN) -> str:
    value = f.text(key, max_len=max_len)
    if value and not CODE.match(value):
        f.problem(f.line_of(key), "catalog.code", value=value)
    return value


def _stage_list(f: Fields, stage_codes: set[str]) -> list[str]:
    """A counter's or service's ``stages``: each one defined, none twice."""
    stages = f.texts("stages")
    line = f.line_of("stages")
    for stage in stages:
        if stage and stage not in stage_codes:
            f.problem(line, "catalog.unknown_stage", code=stage)
    _unique(f.sink, f.file, "stage", [(stage, line) for stage in stages])
    return stages


def _settings(f: Fields, key: str) -> dict[str, Any]:
    """A free mapping of settings: kept as it is, but no control character in any text."""
    raw = f.raw(key)
    if not isinstance(raw, dict):
        return {}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, str):
            f.clean(value, f.line_of(key), path)
        elif isinstance(value, dict):
            for k, v in value.items():
                f.clean(str(k), f.line_of(key), path)
                walk(v, f"{path}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{path}[{i + 1}]")

    walk(raw, f.name(key))
    return dict(raw)


def _unique(sink: list[Problem], file: str, what: str, items: list[tuple[str, int]]) -> None:
    first: dict[str, int] = {}
    for code, line in items:
        if not code:
            continue
        if code in first:
            sink.append(Problem(file, line, "catalog.duplicate",
                                {"what": what, "code": code, "first": first[code]}))
        else:
            first[code] = line


def _money(f: Fields, key: str) -> Decimal | None:
    raw = f.raw(key)
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        f.problem(f.line_of(key), "catalog.money", field=f.name(key), value=raw)
        return None
    text = str(raw).replace(".", "").replace("_", "") if isinstance(raw, str) else str(raw)
    if not text.isdigit():
        f.problem(f.line_of(key), "catalog.money", field=f.name(key), value=raw)
        return None
    return Decimal(text)


def _time_standard(f: Fields) -> TimeStandard | None:
    t = f.sub("time_standard", required=False)
    if t is None or not t.ok:
        return None
    value = t.integer("value")
    unit = t.choice("unit", UNITS)
    low = t.integer("min", required=False)
    start = t.choice("from", TIME_FROM, required=False, default="ticket") or "ticket"
    note = t.text("note", required=False)
    per_count, per_what = None, ""
    per = t.sub("per", required=False)
    if per is not None and per.ok:
        per_count = per.integer("count")
        per_what = per.text("of")
        per.finish()
    t.finish()
    if value is None or unit is None:
        return None
    if low is not None and low > value:
        t.problem(t.line_of("min"), "catalog.range", low=low, high=value)
    return TimeStandard(value, TimeUnit(unit), low, per_count, per_what, start, note)


def _fee(f: Fields) -> dict[str, Any]:
    fee = f.sub("fee")
    if fee is None or not fee.ok:
        return {"kind": "not_stated"}
    kind = fee.choice("kind", FEE_KINDS) or "not_stated"
    out: dict[str, Any] = {"kind": kind}
    if kind == "fixed":
        amount = _money(fee, "amount")
        if amount is None and fee.raw("amount") is None:
            fee.problem(fee.line, "catalog.missing", field=fee.name("amount"))
        out["amount"] = str(amount) if amount is not None else None
    else:
        fee.raw("amount")
    if kind == "tariff":
        out["table"] = fee.text("table")
    else:
        fee.raw("table")
    out["reference"] = fee.text("reference", required=kind == "regulation")
    out["note"] = fee.text("note", required=False)
    fee.finish()
    return out


def _variants(f: Fields) -> tuple[Variant, ...]:
    """A service's ``variants``: code -> name, or code -> {name, name_en}."""
    v = f.sub("variants", required=False)
    if v is None or not v.ok:
        return ()
    out = []
    for code, value in v.data.items():
        line = v.line_of(code)
        if not CODE.match(code) or len(code) > CODE_LEN:
            v.problem(line, "catalog.code", value=code)
        if isinstance(value, dict):
            n = Fields(value, v.name(code), f.file, f.sink, line)
            name = n.text("name", max_len=NAME_LEN)
            name_en = n.text("name_en", required=False, max_len=NAME_LEN)
            n.finish()
        else:
            name, name_en = v.text(code, max_len=NAME_LEN), ""
        out.append(Variant(code, name, name_en))
    return tuple(out)


def _requirements(f: Fields, variants: tuple[Variant, ...]) -> tuple[Requirement, ...]:
    out: list[Requirement] = []
    codes: list[tuple[str, int]] = []
    declared = {v.code: v for v in variants}
    for n, (item, line, path) in enumerate(f.items("requirements", required=False), start=1):
        if isinstance(item, str):
            out.append(Requirement(f"r{n}", f.clean(item.strip(), line, path)))
            continue
        r = Fields(item, path, f.file, f.sink, line)
        if not r.ok:
            continue
        code = r.text("code", required=False) or f"r{n}"
        if not CODE.match(code):
            r.problem(r.line_of("code"), "catalog.code", value=code)
        codes.append((code, line))
        variant_code = r.text("for", required=False)
        variant = declared.get(variant_code)
        if variant_code and variant is None:
            r.problem(r.line_of("for"), "catalog.unknown_variant", code=variant_code,
                      field=f.name("variants"))
        kind = r.choice("kind", REQUIREMENT_KINDS, required=False,
                        default="document") or "document"
        out.append(Requirement(code, r.text("text"), variant_code, kind,
                               variant.name if variant else "",
                               variant.name_en if variant else ""))
        r.finish()
    _unique(f.sink, f.file, "requirement", codes)
    return tuple(out)


# an office's settings that its catalog may not give: the day close's own record, and what
# the catalog says in its own words elsewhere (hours:)
NOT_IN_SETTINGS = ("closed_on", "hours")


def _office_settings(o: Fields) -> dict[str, Any]:
    """``office.settings``: what the office's IT person may set (app/office_settings.py KEYS:
    the lock screen, the voice, the catch-up window, ...), each key known, each value read
    by the parser the office reads it with (checked by the caller)."""
    settings = _settings(o, "settings")
    lines = getattr(o.raw("settings"), "key_lines", {})
    for key in list(settings):
        if key not in KEYS or key in NOT_IN_SETTINGS:
            o.problem(lines.get(key, o.line_of("settings")), "catalog.unknown_field",
                      field=f"{o.name('settings')}.{key}",
                      known=", ".join(k for k in KEYS if k not in NOT_IN_SETTINGS))
            del settings[key]
    return settings


def _office(f: Fields) -> OfficeSpec:
    o = f.sub("office")
    if o is None or not o.ok:
        return OfficeSpec("", "", "other", Zone.WIB, "", (), None)
    code = _code(o)
    name = o.text("name", max_len=NAME_LEN)
    kind = o.choice("kind", OFFICE_KINDS, required=False, default="other") or "other"
    zone = o.choice("zone", tuple(z.value for z in Zone)) or "WIB"
    address = o.text("address", required=False)
    channels: list[dict[str, str]] = []
    for item, line, path in o.items("complaint_channels", required=False):
        c = Fields(item, path, f.file, f.sink, line)
        if not c.ok:
            continue
        channel = {"kind": c.choice("kind", CHANNEL_KINDS) or "other", "value": c.text("value")}
        label = c.text("label", required=False)
        if label:
            channel["label"] = label
        channels.append(channel)
        c.finish()
    response: dict[str, Any] | None = None
    r = o.sub("complaint_response", required=False)
    if r is not None and r.ok:
        response = {
            "value": r.integer("value"),
            "unit": r.choice("unit", UNITS),
            "working_days_only": r.boolean("working_days_only", default=False),
            "steps": [],
        }
        for item, line, path in r.items("steps", required=False):
            s = Fields(item, path, f.file, f.sink, line)
            if not s.ok:
                continue
            response["steps"].append({
                "text": s.text("text"),
                "value": s.integer("value"),
                "unit": s.choice("unit", UNITS),
            })
            s.finish()
        r.finish()
    settings = _office_settings(o)
    hours = o.sub("hours", required=False)
    if hours is not None and hours.ok:
        settings["hours"] = {"open": hours.text("open"), "close": hours.text("close")}
        hours.finish()
    try:  # the parser the office reads them with: a setting it refuses is refused here
        parse_settings(settings)
    except LoketError as error:
        key = str(error.params.get("key", ""))
        line = getattr(o.raw("settings"), "key_lines", {}).get(key) or o.line_of(key)
        o.sink.append(Problem(o.file, line, error.key, dict(error.params)))
    o.finish()
    return OfficeSpec(code, name, kind, Zone(zone), address, tuple(channels), response, settings)


def _stages(f: Fields) -> tuple[StageSpec, ...]:
    out, codes = [], []
    for item, line, path in f.items("stages"):
        s = Fields(item, path, f.file, f.sink, line)
        if not s.ok:
            continue
        code = _code(s)
        codes.append((code, line))
        out.append(StageSpec(code, s.text("name", max_len=NAME_LEN),
                             s.text("name_en", required=False, max_len=NAME_LEN)))
        s.finish()
    _unique(f.sink, f.file, "stage", codes)
    return tuple(out)


def _counters(f: Fields, stage_codes: set[str]) -> tuple[CounterSpec, ...]:
    out, codes = [], []
    for item, line, path in f.items("counters"):
        c = Fields(item, path, f.file, f.sink, line)
        if not c.ok:
            continue
        code = _code(c)
        codes.append((code, line))
        stages = _stage_list(c, stage_codes)
        number = c.integer("number", positive=False)
        if number is not None and number < 0:
            c.problem(c.line_of("number"), "catalog.positive", field=c.name("number"))
        out.append(CounterSpec(code, c.text("name", max_len=NAME_LEN), number or 0,
                               tuple(stages),
                               c.text("call_name", required=False, max_len=CALL_NAME_LEN)))
        c.finish()
    _unique(f.sink, f.file, "counter", codes)
    return tuple(out)


def _services(f: Fields, stage_codes: set[str]) -> tuple[ServiceSpec, ...]:
    out, codes = [], []
    for item, line, path in f.items("services"):
        s = Fields(item, path, f.file, f.sink, line)
        if not s.ok:
            continue
        code = _code(s, max_len=SERVICE_CODE_LEN)
        codes.append((code, line))
        prefix = s.text("prefix")
        if prefix and not PREFIX.match(prefix):
            s.problem(s.line_of("prefix"), "catalog.prefix", value=prefix)
        stages = _stage_list(s, stage_codes)
        variants = _variants(s)
        product_raw = s.raw("product")
        product: tuple[str, ...] | None = (
            (s.clean(product_raw.strip(), s.line_of("product"), s.name("product")),)
            if isinstance(product_raw, str) else None)
        if product is None:
            s._seen.discard("product")
            product = tuple(s.texts("product", required=False))
        out.append(ServiceSpec(
            code=code,
            name=s.text("name", max_len=SERVICE_NAME_LEN),
            name_en=s.text("name_en", required=False, max_len=SERVICE_NAME_LEN),
            group=s.text("group", required=False, max_len=NAME_LEN),
            prefix=prefix,
            stages=tuple(stages),
            time=_time_standard(s),
            fee=_fee(s),
            product=product,
            requirements=_requirements(s, variants),
            variants=variants,
            procedure=tuple(s.texts("procedure", required=False)),
            legal_basis=tuple(s.texts("legal_basis", required=False)),
            kiosk=s.boolean("kiosk", default=True),
            line=line,
        ))
        s.finish()
    _unique(f.sink, f.file, "service", codes)
    return tuple(out)


def _source(f: Fields) -> dict[str, Any]:
    s = f.sub("source", required=False)
    if s is None or not s.ok:
        return {}
    out: dict[str, Any] = {k: s.text(k, required=k == "title")
                           for k in ("title", "number", "issued_by", "seed")}
    issued = s.date("date")
    out["date"] = issued.isoformat() if issued else None
    s.finish()
    return out


def _check_format(f: Fields, wanted: str, expected: str | None = None) -> None:
    found = f.raw("format")
    if found != wanted:
        f.problem(f.line_of("format") if "format" in f.data else f.line, "catalog.format",
                  found=found, expected=expected or wanted)


def parse_catalog(data: Any, file: str) -> CatalogSpec:
    sink: list[Problem] = []
    f = Fields(data, "", file, sink, 1)
    if f.ok:
        _check_format(f, CATALOG_FORMAT, f"{CATALOG_FORMAT}, {STATIONS_FORMAT}")
    source = _source(f)
    office = _office(f)
    stages = _stages(f)
    stage_codes = {s.code for s in stages}
    counters = _counters(f, stage_codes)
    services = _services(f, stage_codes)
    served = {code for c in counters for code in c.stages}
    for stage in stages:
        if stage.code not in served and counters:
            sink.append(Problem(file, f.line_of("stages"), "catalog.unserved_stage",
                                {"code": stage.code}))
    f.finish()
    if sink:
        raise FileProblems(sink)
    return CatalogSpec(file, office, source, stages, counters, services)


def parse_stations(data: Any, file: str) -> StationsSpec:
    sink: list[Problem] = []
    f = Fields(data, "", file, sink, 1)
    if f.ok:
        _check_format(f, STATIONS_FORMAT)
    offices = []
    kinds = tuple(k.value for k in StationKind)
    devices_known = tuple(k.value for k in DeviceKind)
    for item, line, path in f.items("offices"):
        o = Fields(item, path, file, sink, line)
        if not o.ok:
            continue
        office = o.text("office")
        stations, codes = [], []
        for s_item, s_line, s_path in o.items("stations"):
            s = Fields(s_item, s_path, file, sink, s_line)
            if not s.ok:
                continue
            code = _code(s)
            codes.append((code, s_line))
            kind = s.choice("kind", kinds) or "kiosk"
            counter = s.text("counter", required=kind == "counter") or None
            devices: dict[str, str] = {}
            d = s.sub("devices", required=False)
            if d is not None and d.ok:
                for dev_kind in devices_known:
                    conn = d.text(dev_kind, required=False, max_len=CONNECTION_LEN)
                    if conn:
                        try:
                            parse_connection(conn, DeviceKind(dev_kind))
                        except BadConnection as exc:
                            d.problem(d.line_of(dev_kind), "catalog.device", value=conn,
                                      reason=exc.reason)
                        devices[dev_kind] = conn
                d.finish()
            settings = _settings(s, "settings")
            stations.append(StationSpec(code, StationKind(kind),
                                        s.text("name", required=False, max_len=NAME_LEN),
                                        counter, devices, settings, s_line))
            s.finish()
        _unique(sink, file, "station", codes)
        offices.append(OfficeStations(office, line, tuple(stations)))
        o.finish()
    f.finish()
    if sink:
        raise FileProblems(sink)
    return StationsSpec(file, tuple(offices))


def read_files(paths: list[Path]) -> list[CatalogSpec | StationsSpec]:
    """Load and validate several files; every problem of every file in one
    :class:`FileProblems`."""
    specs, problems = [], []
    for path in paths:
        try:
            specs.append(read_file(path))
        except FileProblems as exc:
            problems.extend(exc.problems)
    if problems:
        raise FileProblems(problems)
    return specs


def check_references(specs: list[CatalogSpec | StationsSpec],
                     known: dict[str, set[str]]) -> None:
    """Refuse (:class:`FileProblems`) a stations file that names an office or a counter
    that neither a catalog file of ``specs`` nor the database (``known``: office code ->
    its counters' codes) has: what an import of ``specs`` would fail on."""
    offices = {code: set(counters) for code, counters in known.items()}
    for spec in specs:
        if isinstance(spec, CatalogSpec):
            offices.setdefault(spec.office.code, set()).update(c.code for c in spec.counters)
    problems = []
    for spec in specs:
        if not isinstance(spec, StationsSpec):
            continue
        for group in spec.offices:
            if group.office not in offices:
                problems.append(Problem(spec.file, group.line, "catalog.office_unknown",
                                        {"code": group.office}))
                continue
            for st in group.stations:
                if st.counter and st.counter not in offices[group.office]:
                    problems.append(Problem(spec.file, st.line, "catalog.counter_unknown",
                                            {"code": st.counter, "office": group.office}))
    if problems:
        raise FileProblems(problems)


def read_file(path: Path) -> CatalogSpec | StationsSpec:
    """Load and validate one catalog or stations file; raises :class:`FileProblems`."""
    data = load_yaml(path)
    fmt = data.get("format") if isinstance(data, dict) else None
    if fmt == STATIONS_FORMAT:
        return parse_stations(data, str(path))
    return parse_catalog(data, str(path))
