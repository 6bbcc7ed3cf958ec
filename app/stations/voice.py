"""What the waiting-room TV says when a ticket is called, as a list of recorded segments.

A call is spoken from short pre-recorded WAV files (one per word or phrase) rather than by
a text-to-speech engine at run time: offices have no speech daemon, and a recording of a
human voice can replace any segment by dropping in a file with the same name.

Segment vocabulary (file stems, ``<stem>.wav``):

- phrases: ``chime``, ``nomor_antrian``, ``silakan_menuju``, ``loket``;
- destinations for counters with no number, one per call name (``tempat_cek_fisik``);
- letters ``a`` .. ``z`` (prefixes are spelled letter by letter);
- numbers: ``nol``, ``satu`` .. ``sembilan``, ``sepuluh``, ``sebelas``, ``belas``,
  ``dua_puluh`` .. ``sembilan_puluh``, ``seratus``, ``ratus``, ``seribu``, ``ribu``
  (25 segments for every number 0..9999). The tens, heard in almost every call, are one
  recording each so "dua puluh" keeps its natural stress; the rarer "dua belas",
  "dua ratus", "dua ribu" are glued from two segments, which keeps the set small (<2 MB).

This module has no Qt: the display plays the list, the tests check it.
"""

from __future__ import annotations

import re

MAX_NUMBER = 9999

UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
         "sembilan")

PHRASES = {
    "chime": "",  # synthesised, not spoken
    "nomor_antrian": "nomor antrian",
    "silakan_menuju": "silakan menuju",
    "loket": "loket",
}

# Call names of counters with no number, as used by the seed catalogs. A new one needs a
# recording (or a generated segment) named by :func:`segment_name`.
DESTINATIONS = ("tempat cek fisik",)

LETTERS = tuple("abcdefghijklmnopqrstuvwxyz")

_TICKET = re.compile(r"^(?:([A-Za-z0-9]*)-)?([A-Za-z]*)(\d+)$")
_CALL_NAME = re.compile(r"^[a-z0-9]+(?: [a-z0-9]+)*$")


def number_words(n: int) -> list[str]:
    """``n`` (0..9999) read aloud, one spoken group per item: 1234 -> ["seribu",
    "dua ratus", "tiga puluh", "empat"].

    Joined with spaces this is the reading; :func:`number_segments` maps it to recordings.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"number_words needs an int, not {type(n).__name__}")
    if not 0 <= n <= MAX_NUMBER:
        raise ValueError(f"cannot read {n}: only 0..{MAX_NUMBER}")
    if n == 0:
        return ["nol"]
    thousands, rest = divmod(n, 1000)
    hundreds, rest = divmod(rest, 100)
    words: list[str] = []
    if thousands:
        words.append("seribu" if thousands == 1 else f"{UNITS[thousands]} ribu")
    if hundreds:
        words.append("seratus" if hundreds == 1 else f"{UNITS[hundreds]} ratus")
    words.extend(_below_hundred(rest))
    return words


def _below_hundred(n: int) -> list[str]:
    if n == 0:
        return []
    if n < 10:
        return [UNITS[n]]
    if n == 10:
        return ["sepuluh"]
    if n == 11:
        return ["sebelas"]
    if n < 20:
        return [f"{UNITS[n - 10]} belas"]
    tens, unit = divmod(n, 10)
    return [f"{UNITS[tens]} puluh"] + ([UNITS[unit]] if unit else [])


def segment_name(words: str) -> str:
    """The file stem of a spoken group or call name: "tempat cek fisik" -> "tempat_cek_fisik"."""
    return "_".join(words.split())


def announcement(ticket: str, counter_number: int, call_name: str = "") -> list[str]:
    """The segments to play for a call, e.g. ("A-123", 2) -> chime, nomor_antrian, a,
    seratus, dua_puluh, tiga, silakan_menuju, loket, dua.

    A counter with a number is "loket <number>" (the number wins over a call name); one with
    number 0 says its call name; with neither, only the ticket is read (the screen shows
    where to go). Leading zeros of the ticket number are not read ("A-007" -> tujuh).
    Raises ValueError for what cannot be spoken.
    """
    segments = ["chime", "nomor_antrian", *ticket_segments(ticket)]
    if isinstance(counter_number, bool) or not isinstance(counter_number, int):
        raise ValueError(f"counter number must be an int: {counter_number!r}")
    if counter_number < 0:
        raise ValueError(f"counter number cannot be negative: {counter_number}")
    if counter_number > 0:
        segments += ["silakan_menuju", "loket", *number_segments(counter_number)]
    elif call_name and call_name.strip():
        segments += ["silakan_menuju", destination_segment(call_name)]
    return segments


def ticket_segments(ticket: str) -> list[str]:
    """A ticket such as "A-123" or "AB-007" as letters then the number's segments."""
    match = _TICKET.match(ticket.strip()) if isinstance(ticket, str) else None
    if not match:
        raise ValueError(f"cannot announce ticket {ticket!r}")
    prefix = (match.group(1) or "") + match.group(2)
    segments = [UNITS[int(ch)] if ch.isdigit() else ch.lower() for ch in prefix]
    return segments + number_segments(int(match.group(3)))


def destination_segment(call_name: str) -> str:
    """The segment of a counter's call name; letters a-z, digits and spaces only."""
    spoken = " ".join(call_name.lower().split())
    if not _CALL_NAME.match(spoken):
        raise ValueError(f"cannot announce call name {call_name!r}")
    return segment_name(spoken)


def number_segments(n: int) -> list[str]:
    """The segments of ``n``: "dua puluh" is one recording, "dua ratus" two ("dua", "ratus")."""
    segments: list[str] = []
    for group in number_words(n):
        words = group.split()
        segments += [segment_name(group)] if words[-1] == "puluh" else words
    return segments


def segments_needed() -> set[str]:
    """Every segment :func:`announcement` can ask for with the known destinations."""
    numbers = {"nol", "sepuluh", "sebelas", "belas", "seratus", "ratus", "seribu", "ribu",
               *UNITS[1:], *(f"{unit}_puluh" for unit in UNITS[2:])}
    destinations = {segment_name(d) for d in DESTINATIONS}
    return set(PHRASES) | set(LETTERS) | numbers | destinations


def spoken_text(segment: str) -> str:
    """What a text-to-speech voice says for a segment (the generator's input)."""
    if segment in PHRASES:
        return PHRASES[segment]
    if segment in LETTERS:
        return segment.upper()  # espeak-ng reads a capital letter by its name: "B" -> "be"
    return segment.replace("_", " ")
