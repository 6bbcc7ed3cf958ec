"""A requirement for one variant of a service names the variant by the catalog's words, and a
step done at the office is told from a document to bring (issue 17)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from app import labels
from app.catalog.source import FileProblems
from app.catalog.spec import CatalogSpec, read_file
from app.demo import catalog_files
from app.desk.requirements import requirements_of
from app.store import Store
from db.models import Office, Service

GOOD = """\
format: loket-catalog/1
office:
  code: UJI
  name: Kantor Uji
  zone: WITA
stages:
  - {code: loket-1, name: Loket 1}
counters:
  - {code: L1, name: Loket 1, number: 1, stages: [loket-1]}
services:
  - code: LAYANAN
    name: Layanan Uji
    prefix: A
    stages: [loket-1]
    fee: {kind: free}
    variants:
      badan: {name: Wajib Pajak badan, name_en: business taxpayers}
      orang: Wajib Pajak perorangan
    requirements:
      - {code: ktp, text: Fotokopi KTP}
      - {code: akte, text: Akte pendirian, for: badan}
      - {code: foto, text: Pas foto, for: orang}
      - {code: cek, text: Cek fisik, kind: step}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _problems(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    with pytest.raises(FileProblems) as info:
        read_file(_write(tmp_path, text))
    return [(p.line, p.key) for p in info.value.problems]


def test_variants_are_named_beside_the_requirements(tmp_path: Path) -> None:
    spec = read_file(_write(tmp_path, GOOD))
    assert isinstance(spec, CatalogSpec)
    service = spec.services[0]
    assert [(v.code, v.name, v.name_en) for v in service.variants] == [
        ("badan", "Wajib Pajak badan", "business taxpayers"),
        ("orang", "Wajib Pajak perorangan", "")]
    stored = [r.to_json() for r in service.requirements]
    assert stored == [
        {"code": "ktp", "text": "Fotokopi KTP"},
        {"code": "akte", "text": "Akte pendirian", "for": "badan",
         "for_name": "Wajib Pajak badan", "for_name_en": "business taxpayers"},
        {"code": "foto", "text": "Pas foto", "for": "orang",
         "for_name": "Wajib Pajak perorangan"},
        {"code": "cek", "text": "Cek fisik", "kind": "step"},
    ]
    assert labels.requirement_text(stored[1], "id") == "Akte pendirian (untuk Wajib Pajak badan)"
    assert labels.requirement_text(stored[1], "en") == "Akte pendirian (for business taxpayers)"
    # no English name: the Indonesian one, in an English sentence
    assert labels.requirement_text(stored[2], "en") == "Pas foto (for Wajib Pajak perorangan)"
    assert labels.requirement_text(stored[0], "id") == "Fotokopi KTP"
    assert [labels.is_step(r) for r in stored] == [False, False, False, True]


@pytest.mark.parametrize(
    ("old", "new", "line", "key"),
    [
        ("for: badan}", "for: bdan}", 21, "catalog.unknown_variant"),
        ("kind: step}", "kind: langkah}", 23, "catalog.choice"),
        ("      orang: Wajib Pajak perorangan\n", "      orang: ''\n", 18, "catalog.empty"),
        ("{name: Wajib Pajak badan, name_en", "{nama: Wajib Pajak badan, name_en", 17,
         "catalog.unknown_field"),
        ("      orang: Wajib", "      orang_x: Wajib", 18, "catalog.code"),
        ("    variants:\n      badan: {name: Wajib Pajak badan, name_en: business taxpayers}\n"
         "      orang: Wajib Pajak perorangan\n", "    variants: [badan]\n", 16,
         "catalog.type"),
    ],
)
def test_each_variant_problem_names_its_line(tmp_path: Path, old: str, new: str, line: int,
                                             key: str) -> None:
    assert old in GOOD
    assert (line, key) in _problems(tmp_path, GOOD.replace(old, new, 1))


def test_a_variant_needs_declaring(tmp_path: Path) -> None:
    text = GOOD.replace("    variants:\n      badan: {name: Wajib Pajak badan, name_en: "
                        "business taxpayers}\n      orang: Wajib Pajak perorangan\n", "")
    problems = _problems(tmp_path, text)
    assert problems == [(18, "catalog.unknown_variant"), (19, "catalog.unknown_variant")]
    with pytest.raises(FileProblems) as info:
        read_file(_write(tmp_path, text))
    assert "'badan'" in info.value.problems[0].message("en")
    assert "variants" in info.value.problems[0].message("id")


@pytest.mark.parametrize("path", catalog_files(), ids=lambda p: p.stem)
def test_every_seed_variant_has_a_name(path: Path) -> None:
    spec = read_file(path)
    assert isinstance(spec, CatalogSpec)
    for service in spec.services:
        for r in service.requirements:
            if r.variant:
                assert r.variant_name and r.variant_name_en, (service.code, r.code)


def test_the_physical_check_is_a_step_not_a_document(catalog_store: Store) -> None:
    with catalog_store.uow(read_only=True) as uow:
        office = uow.session.scalars(select(Office).where(Office.code == "SAMSAT-PTK1")).one()
        for service in uow.session.scalars(select(Service).where(
                Service.office_id == office.id)):
            steps = [r["code"] for r in service.requirements if labels.is_step(r)]
            assert steps == ["cek-fisik"], service.code


def test_the_counter_checklist_names_variants(catalog_store: Store) -> None:
    with catalog_store.uow(read_only=True) as uow:
        office = uow.session.scalars(select(Office).where(Office.code == "BPPD-MALANG")).one()
        service = uow.session.scalars(select(Service).where(
            Service.office_id == office.id, Service.code == "PEMBAYARAN")).one()
        items = dict(requirements_of(service))
    assert items["ktp-fotokopi"] == "Fotokopi KTP (untuk pajak yang ditetapkan dengan SKPD)"
    assert items["bphtb-sspd"] == "SSPD BPHTB (untuk BPHTB)"
    assert not any("assessment)" in text for text in items.values())
