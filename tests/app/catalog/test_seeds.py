"""Every seed's service standard loads, with the time standards its document states."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.access import Actor
from app.catalog.service import import_file, list_services
from app.catalog.spec import CatalogSpec, read_file
from app.demo import catalog_files
from app.store import Store
from db.models import AuditEntry, Counter, Office

# (office, service) -> (value, unit, min) as the seed documents state them
STATED = {
    ("SAMSAT-PTK1", "STNK-PERPANJANGAN"): (30, "minutes", None),
    ("SAMSAT-PTK1", "STNK-HILANG"): (30, "minutes", None),
    ("BPPD-MALANG", "NPWPD"): (1, "hours", None),
    ("BPPD-MALANG", "SKPD"): (20, "minutes", None),
    ("BPPD-MALANG", "KERINGANAN"): (1, "months", None),
    ("BPPD-MALANG", "PEMBAYARAN"): (10, "minutes", None),
    ("BPPD-MALANG", "TUNGGAKAN"): (20, "minutes", None),
    ("BPPD-MALANG", "PERFORASI"): (15, "minutes", None),
    ("BPPD-MALANG", "KEBERATAN"): (7, "working_days", None),
    ("BPPD-MALANG", "ETAX"): (25, "minutes", None),
    ("BAPENDA-BATU", "PBB-OP-BARU"): (3, "months", None),
    ("BAPENDA-BATU", "PBB-MUTASI"): (3, "months", None),
    ("BAPENDA-BATU", "PBB-PENGURANGAN"): (1, "months", None),
    ("BAPENDA-BATU", "PBB-RESTITUSI"): (12, "months", None),
    ("BAPENDA-BATU", "PBB-BUKA-BLOKIR"): (7, "working_days", None),
    ("BAPENDA-BATU", "BPHTB"): (3, "working_days", None),
    ("BAPENDA-BATU", "NPWPD-DAFTAR"): (3, "days", None),
    ("BAPENDA-BATU", "NPWPD-NONAKTIF"): (3, "days", None),
    ("BAPENDA-BATU", "LAPORAN-USAHA"): (30, "minutes", None),
    ("BAPENDA-BATU", "AIR-TANAH"): (30, "minutes", None),
    ("BAPENDA-BATU", "REKLAME-PERMANEN"): (3, "days", None),
    ("BAPENDA-BATU", "REKLAME-INSIDENTAL"): (30, "minutes", None),
    ("BAPENDA-BATU", "PERFORASI"): (3, "days", 1),
    ("BPS-BANTEN", "PENJUALAN-PRODUK"): (10, "working_days", None),
}


def test_five_seed_catalogs_ship() -> None:
    offices = {read_file(p).office.code for p in catalog_files()}
    assert offices == {"SAMSAT-PTK1", "BPPD-MALANG", "BAPENDA-BATU", "BPS-BANTEN",
                       "BAPENDA-BANTEN-FO"}


def test_every_seed_service_has_its_stated_time_standard(catalog_store: Store) -> None:
    with catalog_store.uow(read_only=True) as uow:
        rows = list_services(uow)
    got = {(r["office"], r["code"]): r for r in rows}
    for key, (value, unit, low) in STATED.items():
        ts = got[key]["time_standard"]
        assert (ts["value"], ts["unit"], ts["min"]) == (value, unit, low), key
    assert len([k for k in got if k[0] == "BPPD-MALANG"]) == 8  # Malang's eight services
    # tax clearance: the SIPEKA flow states no time standard, and we do not invent one
    assert got[("BAPENDA-BANTEN-FO", "TAX-CLEARANCE")]["time_standard"] is None


def test_details_the_officers_rely_on(catalog_store: Store) -> None:
    with catalog_store.uow(read_only=True) as uow:
        rows = {(r["office"], r["code"]): r for r in list_services(uow)}
        samsat = uow.session.scalar(select(Office).where(Office.code == "SAMSAT-PTK1"))
        counters = {c.code: [s.code for s in c.stages] for c in uow.session.scalars(
            select(Counter).where(Counter.office_id == samsat.id))}
        response, channels = samsat.complaint_response, samsat.complaint_channels
    stnk = rows[("SAMSAT-PTK1", "STNK-PERPANJANGAN")]
    assert stnk["stages"] == ["cek-fisik", "loket-1", "loket-2", "loket-3"]
    assert stnk["prefix"] == "A"
    assert stnk["fee"]["kind"] == "tariff"
    assert stnk["time_standard"]["text"] == "30 menit"
    assert counters == {"CF": ["cek-fisik"], "L1": ["loket-1"], "L2": ["loket-2"],
                        "L3": ["loket-3"]}
    perf = rows[("BPPD-MALANG", "PERFORASI")]["time_standard"]
    assert perf["per"] == {"count": 1000, "of": "lembar"}
    assert rows[("BPS-BANTEN", "PENJUALAN-PRODUK")]["time_standard"]["from"] == "complete"
    assert response["value"] == 24
    assert {"kind": "whatsapp", "value": "0811 567 4181"} in channels


def test_reimport_is_idempotent(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        (result,) = import_file(uow, catalog_files()[0], actor=Actor("admin"))
    assert (result.created, result.updated, result.deactivated) == (0, 0, 0)


def test_service_removed_from_file_is_deactivated_not_deleted(
    catalog_store: Store, tmp_path: Path
) -> None:
    source = next(p for p in catalog_files() if "samsat" in p.name)
    text = source.read_text(encoding="utf-8")
    cut = text.index("  - code: STNK-HILANG")
    edited = tmp_path / "samsat.yaml"
    edited.write_text(text[:cut], encoding="utf-8")
    with catalog_store.uow() as uow:
        (result,) = import_file(uow, edited, actor=Actor("admin"))
    assert result.deactivated == 1
    with catalog_store.uow(read_only=True) as uow:
        active = {r["code"] for r in list_services(uow, "SAMSAT-PTK1")}
        every = {r["code"] for r in list_services(uow, "SAMSAT-PTK1", include_inactive=True)}
        audit = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.actor == "admin")).all()
    assert active == {"STNK-PERPANJANGAN"}
    assert every == {"STNK-PERPANJANGAN", "STNK-HILANG"}
    assert [a.action for a in audit] == ["catalog.import"]
    assert audit[0].after["deactivated"] == 1


def test_changed_stage_order_is_applied(catalog_store: Store, tmp_path: Path) -> None:
    source = next(p for p in catalog_files() if "batu" in p.name)
    text = source.read_text(encoding="utf-8").replace(
        "  - code: PERFORASI\n    name: Perforasi Benda Berharga\n    name_en: Perforation of"
        " valuables\n    group: Perforasi\n    prefix: F\n    stages: [perforasi]",
        "  - code: PERFORASI\n    name: Perforasi Benda Berharga\n    name_en: Perforation of"
        " valuables\n    group: Perforasi\n    prefix: F\n    stages: [pelayanan-pdl, perforasi]",
    )
    edited = tmp_path / "batu.yaml"
    edited.write_text(text, encoding="utf-8")
    with catalog_store.uow() as uow:
        (result,) = import_file(uow, edited, actor=Actor("admin"))
    assert result.updated == 1
    with catalog_store.uow(read_only=True) as uow:
        row = next(r for r in list_services(uow, "BAPENDA-BATU") if r["code"] == "PERFORASI")
    assert row["stages"] == ["pelayanan-pdl", "perforasi"]


@pytest.mark.parametrize("path", catalog_files(), ids=lambda p: p.stem)
def test_every_requirement_has_a_unique_code(path: Path) -> None:
    spec = read_file(path)
    assert isinstance(spec, CatalogSpec)
    for service in spec.services:
        codes = [r.code for r in service.requirements]
        assert len(codes) == len(set(codes)), service.code
        assert service.requirements, service.code
