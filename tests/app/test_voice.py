"""The spoken call: Indonesian number reading, segment lists, and the shipped WAV files."""

from __future__ import annotations

import wave

import pytest

import resources
from app.stations.voice import (
    announcement,
    number_segments,
    number_words,
    segments_needed,
    spoken_text,
)

VOICE_DIR = resources.path("voice", "id")

# Written out by hand, as an Indonesian reads them (not derived from the code under test).
KNOWN = {
    0: "nol", 1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam",
    7: "tujuh", 8: "delapan", 9: "sembilan", 10: "sepuluh", 11: "sebelas",
    12: "dua belas", 13: "tiga belas", 15: "lima belas", 19: "sembilan belas",
    20: "dua puluh", 21: "dua puluh satu", 30: "tiga puluh", 45: "empat puluh lima",
    99: "sembilan puluh sembilan", 100: "seratus", 101: "seratus satu",
    110: "seratus sepuluh", 111: "seratus sebelas", 112: "seratus dua belas",
    119: "seratus sembilan belas", 120: "seratus dua puluh",
    123: "seratus dua puluh tiga", 200: "dua ratus", 201: "dua ratus satu",
    210: "dua ratus sepuluh", 311: "tiga ratus sebelas", 517: "lima ratus tujuh belas",
    999: "sembilan ratus sembilan puluh sembilan",
    1000: "seribu", 1001: "seribu satu", 1010: "seribu sepuluh", 1011: "seribu sebelas",
    1100: "seribu seratus", 1111: "seribu seratus sebelas",
    1234: "seribu dua ratus tiga puluh empat", 2000: "dua ribu",
    2019: "dua ribu sembilan belas", 3005: "tiga ribu lima",
    7070: "tujuh ribu tujuh puluh", 9999: "sembilan ribu sembilan ratus sembilan puluh sembilan",
}
DIGITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def read(n: int) -> str:
    return " ".join(number_words(n))


@pytest.mark.parametrize(("n", "expected"), sorted(KNOWN.items()))
def test_known_readings(n: int, expected: str) -> None:
    assert read(n) == expected


@pytest.mark.parametrize("n", range(1000))
def test_structure_below_thousand(n: int) -> None:
    text = read(n)
    words = text.split()
    assert (text == "nol") == (n == 0)
    assert "satu ratus" not in text and "satu puluh" not in text and "satu belas" not in text
    assert "nol" not in words or n == 0
    hundreds, rest = divmod(n, 100)
    tens, unit = divmod(rest, 10)
    if hundreds == 1:
        assert words[0] == "seratus"
    elif hundreds:
        assert words[:2] == [DIGITS[hundreds], "ratus"]
    tail = " ".join(words[(1 if hundreds == 1 else 2) if hundreds else 0:])
    if rest == 10:
        assert tail == "sepuluh"
    elif rest == 11:
        assert tail == "sebelas"
    elif 12 <= rest <= 19:
        assert tail == f"{DIGITS[unit]} belas"
    elif tens >= 2:
        assert tail == f"{DIGITS[tens]} puluh" + (f" {DIGITS[unit]}" if unit else "")
    elif rest:
        assert tail == DIGITS[unit]
    else:
        assert tail == ("nol" if n == 0 else "")


@pytest.mark.parametrize("n", [*range(1000, 10000, 97), 1999, 5000, 9001])
def test_thousands_read_thousand_then_the_rest(n: int) -> None:
    thousands, rest = divmod(n, 1000)
    head = "seribu" if thousands == 1 else f"{DIGITS[thousands]} ribu"
    assert read(n) == (head if rest == 0 else f"{head} {read(rest)}")
    assert "satu ribu" not in read(n)


@pytest.mark.parametrize("bad", [-1, 10000, 123456])
def test_out_of_range_numbers_are_refused(bad: int) -> None:
    with pytest.raises(ValueError):
        number_words(bad)


def test_segments_join_back_to_the_reading() -> None:
    for n in range(10000):
        assert " ".join(s.replace("_", " ") for s in number_segments(n)) == read(n)


@pytest.mark.parametrize(("ticket", "number", "call_name", "expected"), [
    ("A-001", 2, "", "a satu silakan_menuju loket dua"),
    ("A-123", 2, "", "a seratus dua_puluh tiga silakan_menuju loket dua"),
    ("B-010", 2, "", "b sepuluh silakan_menuju loket dua"),
    ("AB-999", 2, "", "a b sembilan ratus sembilan_puluh sembilan silakan_menuju loket dua"),
    ("A-007", 3, "", "a tujuh silakan_menuju loket tiga"),
    ("A-1234", 11, "", "a seribu dua ratus tiga_puluh empat silakan_menuju loket sebelas"),
    ("A-005", 0, "tempat cek fisik", "a lima silakan_menuju tempat_cek_fisik"),
    ("A-005", 0, "Tempat  Cek Fisik ", "a lima silakan_menuju tempat_cek_fisik"),
    ("A-005", 1, "tempat cek fisik", "a lima silakan_menuju loket satu"),
    ("T-020", 0, "", "t dua_puluh"),
])
def test_announcement_sequences(ticket: str, number: int, call_name: str,
                                expected: str) -> None:
    assert announcement(ticket, number, call_name) == [
        "chime", "nomor_antrian", *expected.split()]


def test_brief_example_exactly() -> None:
    assert announcement("A-123", 2) == ["chime", "nomor_antrian", "a", "seratus", "dua_puluh",
                                        "tiga", "silakan_menuju", "loket", "dua"]


@pytest.mark.parametrize(("ticket", "number", "call_name"), [
    ("A!-001", 1, ""), ("A-", 1, ""), ("", 1, ""), ("A-12a", 1, ""), ("A-10000", 1, ""),
    ("Ä-001", 1, ""), ("A-001", -1, ""), ("A-001", 0, "cek-fisik!"),
])
def test_what_cannot_be_spoken_raises(ticket: str, number: int, call_name: str) -> None:
    with pytest.raises(ValueError):
        announcement(ticket, number, call_name)


def test_every_segment_of_every_call_is_known_and_recorded() -> None:
    needed = segments_needed()
    files = {p.stem for p in VOICE_DIR.glob("*.wav")}
    assert needed <= files, sorted(needed - files)
    used: set[str] = set()
    for prefix in ("A", "B", "T", "AB", "XYZ"):
        for n in range(1000):
            for number, call_name in ((1, ""), (2, ""), (3, ""), (4, ""),
                                      (0, "tempat cek fisik")):
                used.update(announcement(f"{prefix}-{n:03d}", number, call_name))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        used.update(announcement(f"{letter.upper()}-1", 1))
    assert used <= needed, sorted(used - needed)
    assert used <= files


def test_segment_vocabulary_is_small_and_textual() -> None:
    needed = segments_needed()
    assert len(needed) < 60
    for segment in needed - {"chime"}:
        assert spoken_text(segment).strip()


@pytest.mark.parametrize("segment", sorted(segments_needed()))
def test_wav_files_are_short_mono_16_bit(segment: str) -> None:
    with wave.open(str(VOICE_DIR / f"{segment}.wav"), "rb") as w:
        assert w.getnchannels() == 1
        assert w.getsampwidth() == 2
        assert w.getframerate() == 22050
        seconds = w.getnframes() / w.getframerate()
        assert 0.1 < seconds < 2.5


def test_voice_folder_stays_small() -> None:
    assert sum(p.stat().st_size for p in VOICE_DIR.glob("*.wav")) < 2_000_000
