"""Dates the Indonesian way, for printed documents (no locale needed on the PC)."""

from __future__ import annotations

from datetime import date

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")


def long_date(day: date) -> str:
    """``23 November 2026``"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def day_and_date(day: date) -> str:
    """``Senin, 23 November 2026``"""
    return f"{DAYS[day.weekday()]}, {long_date(day)}"
