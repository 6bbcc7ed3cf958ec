"""Messages of the tariff tables and the STNK bill (Indonesian first, then English)."""

from __future__ import annotations

from app import i18n

MESSAGES: dict[str, tuple[str, str]] = {
    "tariff.no_tables": ("tidak ada tabel tarif (*.yaml) di folder {folder}",
                         "no tariff tables (*.yaml) in the folder {folder}"),
    "tariff.bad_table": (
        "tabel tarif tidak dapat dibaca: {summary}",
        "the tariff table cannot be read: {summary}",
    ),
    "tariff.unknown_table": (
        "tabel tarif {name!r} tidak ada ({path})",
        "no tariff table {name!r} ({path})",
    ),
    "tariff.wrong_kind": (
        "tabel tarif {name!r} berjenis {found!r}, bukan {expected!r}",
        "tariff table {name!r} is of kind {found!r}, not {expected!r}",
    ),
    "tariff.no_rule": (
        "tabel tarif {name!r} tidak punya aturan yang berlaku pada {on}",
        "tariff table {name!r} has no rule in force on {on}",
    ),
    "tariff.rate": (
        "{field!r} harus persentase antara 0% dan 100%, misalnya \"1,5%\", bukan {value!r}",
        "{field!r} must be a percentage between 0% and 100%, e.g. \"1.5%\", not {value!r}",
    ),
    "tariff.money": (
        "{field!r} harus jumlah rupiah bulat tidak negatif, bukan {value!r}",
        "{field!r} must be a whole, non-negative number of rupiah, not {value!r}",
    ),
    "tariff.until_before_from": (
        "{field!r}: valid_until {until} lebih awal dari valid_from {start}",
        "{field!r}: valid_until {until} is before valid_from {start}",
    ),
    "tariff.same_start": (
        "{field!r} mulai berlaku pada tanggal yang sama ({start}) dengan entri di baris {other}",
        "{field!r} starts on the same day ({start}) as the entry on line {other}",
    ),
    "tariff.overlap": (
        "{field!r} (berlaku {start} s.d. {until}) tumpang tindih dengan entri di baris "
        "{other} yang berlaku mulai {other_start}",
        "{field!r} (in force {start} to {until}) overlaps the entry on line {other}, "
        "in force from {other_start}",
    ),
    "tariff.brackets": (
        "{field!r}: tingkat denda harus dimulai dari hari ke-1 dan naik berurutan",
        "{field!r}: fine brackets must start at day 1 and rise in order",
    ),
    "tariff.missing_key": (
        "{field!r} harus memuat {item!r}",
        "{field!r} must contain {item!r}",
    ),
    "tariff.bad_date": (
        "tanggal {value!r} tidak valid: tulis YYYY-MM-DD, misalnya 2026-12-01",
        "invalid date {value!r}: write YYYY-MM-DD, e.g. 2026-12-01",
    ),
    "tariff.unknown_vehicle": (
        "kendaraan dengan nomor polisi {plate} tidak terdaftar",
        "no registered vehicle with plate {plate}",
    ),
    "tariff.unknown_usage": (
        "penggunaan kendaraan {value!r} tidak dikenal; pilih salah satu: {choices}",
        "unknown vehicle usage {value!r}; choose one of: {choices}",
    ),
    "tariff.unknown_category": (
        "jenis kendaraan {value!r} tidak dikenal; pilih salah satu: {choices}",
        "unknown vehicle category {value!r}; choose one of: {choices}",
    ),
    "tariff.unknown_class": (
        "golongan SWDKLLJ {value!r} tidak ada di tabel {table!r}; pilihan: {choices}",
        "SWDKLLJ class {value!r} is not in table {table!r}; choices: {choices}",
    ),
    "tariff.bad_facts": (
        "data kendaraan {plate} tidak lengkap atau tidak sah: {reason}",
        "the vehicle data of {plate} is incomplete or invalid: {reason}",
    ),
    "tariff.unknown_province": (
        "tidak ada tabel PKB untuk provinsi {province} (berkas {name}.yaml)",
        "no PKB table for province {province} (file {name}.yaml)",
    ),
}

i18n.register(MESSAGES)
