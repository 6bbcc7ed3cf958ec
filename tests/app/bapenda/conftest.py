"""Shared pieces of the bapenda tests."""

from __future__ import annotations

from datetime import UTC, datetime

from app.bapenda.taxpayers import Registration

BATU = "BAPENDA-BATU"
MALANG = "BPPD-MALANG"
# Monday 23 November 2026, 09:00 WIB
MONDAY_9 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
NIK_SITI = "3579014507900002"  # Kota Batu, woman born 5 July 1990
NIK_BUDI = "3573011203850001"  # Kota Malang, man born 12 March 1985

BATU_ALL_P = ["form-pendaftaran", "ktp", "kk", "izin-usaha", "pas-foto"]
BATU_ALL_B = ["form-pendaftaran", "ktp", "kk", "izin-usaha", "akte-pendirian"]
MALANG_ALL = ["ktp-fotokopi", "formulir"]


def personal(**kw) -> Registration:
    values = {"kind": "P", "nik": NIK_SITI, "name": "Siti Rahmawati", "tax_type": "restoran",
              "address": "Jl. Bromo 3, Sisir", "district": "1", "village": "2",
              "requirements": BATU_ALL_P}
    values.update(kw)
    return Registration(**values)


def business(**kw) -> Registration:
    values = {"kind": "B", "nik": NIK_BUDI, "name": "Budi Santoso",
              "business_name": "Hotel Kusuma Agrowisata", "tax_type": "hotel",
              "address": "Jl. Abdul Gani Atas, Ngaglik", "district": "01", "village": "05",
              "nib": "9120001234567", "npwp": "01.234.567.8-901.000",
              "requirements": BATU_ALL_B}
    values.update(kw)
    return Registration(**values)
