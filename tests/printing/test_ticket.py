"""The ticket's ESC/POS bytes, read back by the simulator's parser, for both paper widths."""

from __future__ import annotations

from datetime import datetime

import pytest

from devices.escpos_parse import decode
from printing.ticket import (
    MAX_BYTES,
    TicketContent,
    not_open_notice,
    paper_for,
    parse_qr_payload,
    qr_payload,
    render_ticket,
)


def content(**changes) -> TicketContent:
    base = dict(
        office_name="UPT Samsat Pontianak I", office_address="Jl. Sutan Syahrir No. 1, Pontianak",
        ticket="A-123", service_name="Perpanjangan STNK tahunan",
        issued_local=datetime(2026, 11, 23, 9, 5), zone_label="WIB", ahead=3, eta_minutes=7,
        qr=qr_payload("SAMSAT-PTK1", 4711, "A-123"),
        footer=("Simpan tiket ini sampai selesai dilayani.",),
    )
    return TicketContent(**(base | changes))


@pytest.mark.parametrize(("width", "columns"), [(58, 32), (80, 42)])
def test_ticket_reads_back_as_printed(width: int, columns: int) -> None:
    paper = paper_for(width_mm=width)
    assert (paper.width_mm, paper.columns) == (width, columns)
    data = render_ticket(content(priority="lansia"), paper)
    assert len(data) < MAX_BYTES
    [receipt] = decode(data)
    lines = [line.text for line in receipt.lines]
    assert lines[0] == "UPT SAMSAT PONTIANAK I"
    assert "NOMOR ANTRIAN" in lines
    number = next(line for line in receipt.lines if line.text == "A-123")
    assert number.bold and number.width >= 3 and number.align == "center"
    assert "Senin, 23 November 2026" in lines
    assert "Jam diambil : 09:05 WIB" in lines
    assert "Di depan    : 3 orang" in lines
    assert "Perkiraan   : +/- 7 menit" in lines
    priority = next(line for line in receipt.lines if "PRIORITAS" in line.text)
    assert priority.invert and "LANSIA" in priority.text
    assert receipt.qr == ["LOKET1|SAMSAT-PTK1|4711|A-123"]
    text_lines = [line.text for line in receipt.lines if not line.text.startswith("[QR")]
    assert all(len(line) <= columns for line in text_lines)
    assert receipt.unknown == []
    # 80 mm printers in the profiles have a cutter; the 58 mm one feeds instead
    assert receipt.cut is (width == 80)


def test_no_priority_no_reprint_marks_unless_asked() -> None:
    plain = decode(render_ticket(content(), paper_for(width_mm=80)))[0].text
    assert "PRIORITAS" not in plain and "CETAK ULANG" not in plain
    again = decode(render_ticket(content(reprint=True), paper_for(width_mm=80)))[0].text
    assert "** CETAK ULANG **" in again


def test_first_in_line_is_told_so_and_non_ascii_is_transliterated() -> None:
    receipt = decode(render_ticket(content(ahead=0, eta_minutes=0, service_name="Pendaftaran"
                                           " NPWPD — Café"), paper_for(profile="TM-T88V")))[0]
    assert "Perkiraan   : segera dipanggil" in receipt.text
    assert "Pendaftaran NPWPD ? Cafe" in receipt.text


@pytest.mark.parametrize("width", [58, 80])
def test_a_counter_not_open_yet_is_said_instead_of_a_wait(width: int) -> None:
    paper = paper_for(width_mm=width)
    for ahead in (0, 3):  # neither "segera dipanggil" nor "+/- 7 menit" is promised
        data = render_ticket(content(ahead=ahead, not_open_place="Tempat Cek Fisik"), paper)
        [receipt] = decode(data)
        assert "Perkiraan" not in receipt.text and "segera" not in receipt.text
        assert f"Di depan    : {ahead} orang" in receipt.text
        notice = [line for line in receipt.lines if line.bold and line.align == "left"]
        assert " ".join(line.text for line in notice) == (
            "Tempat Cek Fisik belum dibuka; nomor Anda akan dipanggil setelah loket dibuka.")
        assert all(len(line.text) <= paper.columns for line in notice)
        assert receipt.unknown == [] and receipt.qr == ["LOKET1|SAMSAT-PTK1|4711|A-123"]


def test_before_opening_the_ticket_gives_the_opening_time() -> None:
    opens = datetime(2026, 11, 23, 7, 30)
    ticket = content(issued_local=datetime(2026, 11, 23, 6, 27), opens_at=opens, ahead=0)
    assert not_open_notice(ticket) == (
        "Layanan belum dibuka; nomor Anda akan dipanggil setelah loket dibuka pukul 07.30 WIB.")
    text = decode(render_ticket(ticket, paper_for(width_mm=80)))[0].text
    assert "Jam diambil : 06:27 WIB" in text and "segera dipanggil" not in text
    assert "setelah loket dibuka pukul 07.30 WIB." in " ".join(text.split())  # wrapped
    assert not_open_notice(content()) is None


def test_the_whole_worst_case_ticket_stays_under_a_kilobyte() -> None:
    long = content(office_name="Badan Pendapatan Daerah Kota Batu " * 3,
                   office_address="Jl. Panglima Sudirman No. 507, Kota Batu, Jawa Timur " * 3,
                   service_name="Pendaftaran dan penerbitan NPWPD badan usaha " * 3,
                   priority="disabilitas", reprint=True,
                   not_open_place="Loket Pendaftaran dan Penerbitan NPWPD Badan Usaha",
                   footer=("Simpan tiket ini sampai selesai dilayani.",
                           "Pindai kode QR untuk cek antrian & survei."),
                   qr=qr_payload("BAPENDA-BATU-MPP", 99999999, "AB-1234"))
    for width in (58, 80):
        assert len(render_ticket(long, paper_for(width_mm=width))) < MAX_BYTES


def test_qr_payload_round_trip() -> None:
    assert parse_qr_payload(qr_payload("SAMSAT-PTK1", 12, "A-001")) == ("SAMSAT-PTK1", 12, "A-001")
    assert parse_qr_payload("https://example.org") is None
    assert parse_qr_payload("LOKET1|X|notanumber|A-1") is None
