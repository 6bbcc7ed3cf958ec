"""Card printers: the PDF folder, the simulator and its faults, the OS printer through Qt."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from devices.base import CardPrinter, Condition, Device, DeviceError
from devices.card_printer import (
    FAULTS,
    OsCardPrinter,
    PdfCardPrinter,
    SimCardPrinter,
    open_card_printer,
    print_on,
)
from devices.connection import BadConnection
from printing.card import card_layout
from tests.printing.test_card import make_card

PT = 72 / 25.4


def page_sizes_mm(path: Path) -> list[tuple[float, float]]:
    reader = PdfReader(path)
    return [(float(p.mediabox.width) / PT, float(p.mediabox.height) / PT) for p in reader.pages]


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- opening --------------------------------------------------------------------------------

def test_the_connection_string_picks_the_device(tmp_path: Path) -> None:
    assert isinstance(open_card_printer(f"sim://?dir={tmp_path}"), SimCardPrinter)
    assert isinstance(open_card_printer(f"card+pdf://{tmp_path}"), PdfCardPrinter)
    printer = open_card_printer("card+printer://Evolis Primacy")
    assert isinstance(printer, OsCardPrinter)
    assert printer.printer_name == "Evolis Primacy"
    for device in (printer, open_card_printer(f"card+pdf://{tmp_path}")):
        assert isinstance(device, Device) and isinstance(device, CardPrinter)


@pytest.mark.parametrize("raw", ["escpos+tcp://10.0.0.5", "sim://?fault=on_fire", "card+pdf://"])
def test_unusable_connections_are_refused(raw: str) -> None:
    with pytest.raises(BadConnection):
        open_card_printer(raw)


def test_a_simulator_without_dir_uses_the_temp_folder() -> None:
    import tempfile

    printer = open_card_printer("sim://")
    assert isinstance(printer, SimCardPrinter)
    assert printer.folder == Path(tempfile.gettempdir()) / "loket-card-sim"


# --- PDF folder -----------------------------------------------------------------------------

def test_pdf_printer_writes_one_cr80_pdf_per_card(tmp_path: Path) -> None:
    folder = tmp_path / "kartu"  # made on the first job
    printer = open_card_printer(f"card+pdf://{folder}")
    assert printer.state().condition is Condition.READY
    printer.print_card(make_card())
    printer.print_card(make_card())  # a reprint keeps the first file
    assert files(folder) == ["npwpd-P.2.0001234.01.02-2.pdf", "npwpd-P.2.0001234.01.02.pdf"]
    sizes = page_sizes_mm(folder / "npwpd-P.2.0001234.01.02.pdf")
    assert sizes == [pytest.approx((85.60, 53.98), abs=0.1)] * 2
    text = PdfReader(folder / "npwpd-P.2.0001234.01.02.pdf").pages[0].extract_text()
    assert "P.2.0001234.01.02" in text


def test_pdf_printer_on_a_path_that_is_a_file_fails_and_writes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    printer = open_card_printer(f"card+pdf://{blocker}/kartu")
    assert printer.state().condition is Condition.UNREACHABLE
    with pytest.raises(DeviceError) as failed:
        printer.print_card(make_card())
    assert failed.value.condition is Condition.UNREACHABLE
    assert not failed.value.delivered
    assert files(tmp_path) == ["not-a-folder"]


def test_other_documents_print_with_their_own_name(tmp_path: Path) -> None:
    printer = open_card_printer(f"card+pdf://{tmp_path}")
    printer.print_document(card_layout(make_card())[:1], "kartu depan/1")
    assert files(tmp_path) == ["kartu_depan_1.pdf"]
    with pytest.raises(ValueError):
        printer.print_pages([], "kosong")


# --- simulator ------------------------------------------------------------------------------

def test_simulator_writes_the_pdf_and_a_300_dpi_png_per_side(qapp, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    printer = open_card_printer(f"sim://?dir={tmp_path}")
    assert isinstance(printer, SimCardPrinter)
    card = make_card()
    printer.print_card(card)
    assert files(tmp_path) == ["npwpd-P.2.0001234.01.02-back.png",
                               "npwpd-P.2.0001234.01.02-front.png",
                               "npwpd-P.2.0001234.01.02.pdf"]
    (job,) = printer.printed
    assert job.card == card and len(job.pages) == 2
    assert job.pdf == tmp_path / "npwpd-P.2.0001234.01.02.pdf"
    assert page_sizes_mm(job.pdf) == [pytest.approx((85.60, 53.98), abs=0.1)] * 2
    for preview in job.previews:
        image = QImage(str(preview))
        assert (image.width(), image.height()) == (1011, 638)


@pytest.mark.parametrize(("fault", "condition"), [
    ("offline", Condition.OFFLINE),
    ("card_out", Condition.MEDIA_OUT),
    ("ribbon_out", Condition.PAPER_OUT),
])
def test_simulator_started_in_a_fault_reports_it_and_prints_nothing(
        tmp_path: Path, fault: str, condition: Condition) -> None:
    printer = open_card_printer(f"sim://?dir={tmp_path}&fault={fault}")
    assert printer.state().condition is condition
    assert not printer.state().usable
    with pytest.raises(DeviceError) as failed:
        printer.print_card(make_card())
    assert failed.value.condition is condition
    assert not failed.value.delivered
    assert files(tmp_path) == []
    assert printer.printed == []


def test_injected_faults_fail_the_next_jobs_only(qapp, tmp_path: Path) -> None:
    printer = open_card_printer(f"sim://?dir={tmp_path}")
    assert isinstance(printer, SimCardPrinter)
    printer.inject_fault("card_out", jobs=2)
    assert printer.state().condition is Condition.READY  # the printer does not know yet
    for _ in range(2):
        with pytest.raises(DeviceError) as failed:
            printer.print_card(make_card())
        assert failed.value.condition is Condition.MEDIA_OUT
    assert files(tmp_path) == []
    printer.print_card(make_card())
    assert len(printer.printed) == 1 and len(files(tmp_path)) == 3


def test_a_lasting_fault_can_be_set_and_cleared(qapp, tmp_path: Path) -> None:
    printer = open_card_printer(f"sim://?dir={tmp_path}")
    assert isinstance(printer, SimCardPrinter)
    printer.set_fault("ribbon_out")
    assert printer.state().condition is Condition.PAPER_OUT
    with pytest.raises(DeviceError):
        printer.print_card(make_card())
    printer.set_fault(None)
    printer.print_card(make_card())
    assert len(printer.printed) == 1
    with pytest.raises(BadConnection):
        printer.inject_fault("melted")


def test_every_fault_maps_to_a_condition_that_stops_printing() -> None:
    assert {f: c for f, (c, _) in FAULTS.items() if f in ("offline", "card_out", "ribbon_out")} \
        == {"offline": Condition.OFFLINE, "card_out": Condition.MEDIA_OUT,
            "ribbon_out": Condition.PAPER_OUT}
    from devices.base import DeviceState

    assert not any(DeviceState(c).usable for c, _ in FAULTS.values())


# --- the operating system's printer -----------------------------------------------------------

def test_a_missing_os_printer_is_unreachable(qapp) -> None:
    printer = open_card_printer("card+printer://Tidak Ada Printer Ini")
    state = printer.state()
    assert state.condition is Condition.UNREACHABLE
    assert "Tidak Ada Printer Ini" in state.detail
    with pytest.raises(DeviceError) as failed:
        printer.print_card(make_card())
    assert failed.value.condition is Condition.UNREACHABLE
    assert not failed.value.delivered


def test_no_default_printer_is_unreachable(qapp) -> None:
    from PySide6.QtPrintSupport import QPrinterInfo

    if not QPrinterInfo.defaultPrinter().isNull():
        pytest.skip("this machine has a default printer")
    assert open_card_printer("card+printer://").state().condition is Condition.UNREACHABLE


def test_the_qt_printer_path_draws_cr80_pages(qapp, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "qt.pdf"))
    print_on(printer, card_layout(make_card()), "npwpd-P.2.0001234.01.02")
    # Qt rounds the page to whole points: 85.725 x 53.975 mm
    assert page_sizes_mm(tmp_path / "qt.pdf") == [pytest.approx((85.60, 53.98), abs=0.5)] * 2
    reader = PdfReader(tmp_path / "qt.pdf")
    front = reader.pages[0].extract_text()
    assert "P.2.0001234.01.02" in front
    assert "Rahmawati" in front
    assert reader.metadata is not None and reader.metadata.title == "npwpd-P.2.0001234.01.02"


def test_qt_printer_pdf_carries_the_same_qr(qapp, tmp_path: Path) -> None:
    """Same primitives, same place: the QR read back from the printed page is the payload's."""
    import shutil
    import subprocess

    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter

    from tests.printing.test_card import PAYLOAD, qrcode_matrix, sample_modules, the_qr

    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler's pdftoppm not installed")
    pages = card_layout(make_card())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "qt.pdf"))
    print_on(printer, pages, "kartu")
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1",
                    str(tmp_path / "qt.pdf"), str(tmp_path / "qt")], check=True)
    (png,) = tmp_path.glob("qt*.png")
    image = QImage(str(png))
    read = sample_modules(lambda x, y: image.pixelColor(x, y).lightness(), the_qr(pages[0]),
                          300)
    assert read == qrcode_matrix(PAYLOAD)


def test_closing_is_harmless(tmp_path: Path) -> None:
    printer = open_card_printer(f"card+pdf://{tmp_path}")
    printer.close()
    printer.close()  # nothing held: closing twice and printing after close both work
    printer.print_card(make_card())
    assert len(files(tmp_path)) == 1
