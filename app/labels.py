"""Words for the codes the database stores, in the reader's language, from one place.

A widget never shows a stored code (``called``, ``ticket_printer``, ``loket-1``): it asks
this module for the word, in the language of :func:`app.i18n.language` (``LOKET_LANG``,
Indonesian by default, English) or the one given::

    from app import labels

    labels.status_label("called")               # "Dipanggil" / "Called"
    labels.status_label(VisitStatus.NO_SHOW)    # "Tidak hadir" / "No-show"
    labels.device_kind_label("ticket_printer")  # "Printer tiket" / "Ticket printer"
    labels.device_state_label("paper_out")      # "Kertas habis" / "Out of paper"
    labels.sla_label("over")                    # "Lewat standar waktu" / "Over the time standard"
    labels.priority_label("lansia")             # "Lanjut usia" / "Elderly"
    labels.catalog_name(stage.name, stage.name_en)  # a stage, counter or service: its name
    labels.requirement_text(requirement)  # "Pas foto ... (untuk Wajib Pajak perorangan)"

Every function takes the code (a string or the enum member, :mod:`db.enums` and
:class:`devices.base.Condition`) and an optional ``lang`` (``"id"`` or ``"en"``); an unknown
code comes back as it is, so a code added tomorrow shows as itself rather than failing.

- :func:`status_label`: a visit's or a stage record's status (:class:`db.enums.VisitStatus`)
- :func:`device_kind_label`: :class:`db.enums.DeviceKind`
- :func:`device_state_label`: a device's condition (:class:`devices.base.Condition`)
- :func:`job_state_label`: a print job (:class:`db.enums.JobState`)
- :func:`payment_method_label`: :class:`db.enums.PaymentMethod`
- :func:`complaint_status_label`: :class:`db.enums.ComplaintStatus`
- :func:`holiday_kind_label`: :class:`db.enums.HolidayKind`
- :func:`role_label`: a user's role (:class:`db.enums.Role`)
- :func:`station_kind_label`: :class:`db.enums.StationKind`
- :func:`time_unit_label`: :class:`db.enums.TimeUnit` (the ``unit.*`` messages)
- :func:`zone_label`: :class:`db.enums.Zone` (``WIB`` stays ``WIB``: it is a word already)
- :func:`sla_label`: a visit against its time standard (``near``, ``over``)
- :func:`priority_label`: a priority reason (``lansia``, ``disabilitas``, ``hamil``, ``anak``)
- :func:`case_kind_label`: ``complaint`` or ``application``

Stages, counters and services have no code-to-word table: their words are the catalog's,
the ``name`` of their row (``name_en`` when the reader reads English and the row has one):
:func:`catalog_name`. A requirement for one variant of a service only (``for: badan``) is
named by the catalog's ``variants`` too, kept beside the code in ``Service.requirements``:
:func:`requirement_text`; :func:`is_step` tells a step done at the office (the vehicle's
physical check) from a document to bring. Which table a kind of code reads is
:data:`TABLES`; the messages are registered with :func:`app.i18n.register` under
``label.<table>.<code>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from app import i18n
from db.enums import (
    ComplaintStatus,
    DeviceKind,
    HolidayKind,
    JobState,
    PaymentMethod,
    Role,
    StationKind,
    TimeUnit,
    VisitStatus,
    Zone,
)
from devices.base import Condition

__all__ = [
    "TABLES", "case_kind_label", "catalog_name", "complaint_status_label", "device_kind_label",
    "device_state_label", "holiday_kind_label", "is_step", "job_state_label", "known", "label",
    "payment_method_label", "priority_label", "requirement_text", "role_label", "sla_label",
    "station_kind_label", "status_label", "time_unit_label", "zone_label",
]

_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "status": {
        VisitStatus.WAITING: ("Menunggu", "Waiting"),
        VisitStatus.CALLED: ("Dipanggil", "Called"),
        VisitStatus.SERVING: ("Sedang dilayani", "Being served"),
        VisitStatus.HELD: ("Ditahan", "On hold"),
        VisitStatus.DONE: ("Selesai", "Done"),
        VisitStatus.INCOMPLETE: ("Berkas tidak lengkap", "Documents incomplete"),
        VisitStatus.CANCELLED: ("Dibatalkan", "Cancelled"),
        VisitStatus.NO_SHOW: ("Tidak hadir", "No-show"),
        VisitStatus.NOT_SERVED: ("Tidak terlayani", "Not served"),
        VisitStatus.TRANSFERRED: ("Dialihkan", "Transferred"),
    },
    "device": {
        DeviceKind.TICKET_PRINTER: ("Printer tiket", "Ticket printer"),
        DeviceKind.CARD_PRINTER: ("Printer kartu", "Card printer"),
        DeviceKind.PERFORATOR: ("Mesin perforasi", "Perforation machine"),
        DeviceKind.DOCUMENT_PRINTER: ("Printer dokumen", "Document printer"),
    },
    "condition": {
        Condition.READY: ("Siap", "Ready"),
        Condition.BUSY: ("Sibuk", "Busy"),
        Condition.OFFLINE: ("Mati / tidak tersambung", "Offline"),
        Condition.PAPER_OUT: ("Kertas habis", "Out of paper"),
        Condition.PAPER_LOW: ("Kertas hampir habis", "Paper low"),
        Condition.COVER_OPEN: ("Penutup terbuka", "Cover open"),
        Condition.JAMMED: ("Macet", "Jammed"),
        Condition.MEDIA_OUT: ("Bahan habis", "Out of media"),
        Condition.TIMEOUT: ("Tidak menjawab", "Not answering"),
        Condition.UNREACHABLE: ("Tidak terjangkau", "Unreachable"),
        Condition.UNKNOWN: ("Tidak diketahui (dianggap siap)", "Unknown (assumed ready)"),
    },
    "job": {
        JobState.QUEUED: ("Menunggu dicetak", "Queued"),
        JobState.SENT: ("Terkirim", "Sent"),
        JobState.DONE: ("Tercetak", "Printed"),
        JobState.FAILED: ("Gagal", "Failed"),
    },
    "payment": {
        PaymentMethod.CASH: ("Tunai", "Cash"),
        PaymentMethod.TRANSFER: ("Transfer", "Transfer"),
        PaymentMethod.BILLING: ("Kode billing", "Billing code"),
    },
    "complaint": {
        ComplaintStatus.RECEIVED: ("Diterima", "Received"),
        ComplaintStatus.IN_PROGRESS: ("Sedang ditangani", "In progress"),
        ComplaintStatus.ANSWERED: ("Dijawab", "Answered"),
        ComplaintStatus.CLOSED: ("Ditutup", "Closed"),
    },
    "holiday": {
        HolidayKind.NATIONAL: ("Libur nasional", "National holiday"),
        HolidayKind.JOINT_LEAVE: ("Cuti bersama", "Joint leave"),
        HolidayKind.LOCAL: ("Libur daerah", "Local holiday"),
    },
    "role": {
        Role.OFFICER: ("Petugas loket", "Counter officer"),
        Role.SUPERVISOR: ("Supervisor", "Supervisor"),
        Role.ADMIN: ("Administrator", "Administrator"),
    },
    "station": {
        StationKind.KIOSK: ("Kios antrian", "Ticket kiosk"),
        StationKind.COUNTER: ("Loket", "Counter"),
        StationKind.DISPLAY: ("Layar antrian", "Queue display"),
        StationKind.SUPERVISOR: ("Papan supervisor", "Supervisor board"),
        StationKind.SURVEY: ("Tablet survei", "Survey tablet"),
    },
    "sla": {
        "near": ("Mendekati standar waktu", "Near the time standard"),
        "over": ("Lewat standar waktu", "Over the time standard"),
    },
    "priority": {  # app.queue.tickets.PRIORITY_REASONS
        "lansia": ("Lanjut usia", "Elderly"),
        "disabilitas": ("Penyandang disabilitas", "Person with a disability"),
        "hamil": ("Ibu hamil", "Pregnant woman"),
        "anak": ("Anak-anak", "Child"),
    },
    "channel": {  # how a complaint came in (an office's complaint_channels kinds)
        "room": ("Ruang pengaduan", "Complaints desk"),
        "box": ("Kotak saran", "Suggestion box"),
        "phone": ("Telepon", "Telephone"),
        "whatsapp": ("WhatsApp", "WhatsApp"),
        "email": ("Surel", "E-mail"),
        "website": ("Laman web", "Website"),
        "fax": ("Faksimile", "Fax"),
        "form": ("Formulir", "Form"),
        "letter": ("Surat", "Letter"),
        "facebook": ("Facebook", "Facebook"),
        "instagram": ("Instagram", "Instagram"),
        "sp4n": ("SP4N-LAPOR!", "SP4N-LAPOR!"),
        "other": ("Lainnya", "Other"),
    },
    "case": {
        "complaint": ("Pengaduan", "Complaint"),
        "application": ("Permohonan", "Application"),
    },
}

# the kind of code -> the table of its words (``label.<table>.<code>``)
TABLES: dict[str, str] = {name: name for name in _WORDS} | {"unit": "unit"}

i18n.register({f"label.{table}.{code!s}": texts
               for table, words in _WORDS.items() for code, texts in words.items()})
i18n.register({"label.requirement.for": ("{text} (untuk {variant})", "{text} (for {variant})")})


def _code(code: object) -> str:
    return code.value if isinstance(code, Enum) else str(code)


def _key(table: str, value: str) -> str:
    return f"unit.{value}" if table == "unit" else f"label.{table}.{value}"


def known(table: str, code: object) -> bool:
    """Whether ``table`` has a word for ``code`` (else :func:`label` shows the code)."""
    return code is not None and _key(table, _code(code)) in i18n.MESSAGES


def label(table: str, code: object, lang: str | None = None) -> str:
    """The word for ``code`` in ``table`` (a key of :data:`TABLES`); the code itself when
    the table has no word for it (``None`` is the empty string)."""
    if code is None:
        return ""
    value = _code(code)
    if not known(table, value):
        return value
    return i18n.tr(_key(table, value), lang)


def status_label(code: VisitStatus | str | None, lang: str | None = None) -> str:
    """A visit's or a stage record's status: ``called`` -> "Dipanggil"."""
    return label("status", code, lang)


def device_kind_label(kind: DeviceKind | str | None, lang: str | None = None) -> str:
    """A kind of device: ``ticket_printer`` -> "Printer tiket"."""
    return label("device", kind, lang)


def device_state_label(condition: Condition | str | None, lang: str | None = None) -> str:
    """A device's condition: ``paper_out`` -> "Kertas habis"."""
    return label("condition", condition, lang)


def job_state_label(state: JobState | str | None, lang: str | None = None) -> str:
    """A print job's state: ``failed`` -> "Gagal"."""
    return label("job", state, lang)


def payment_method_label(method: PaymentMethod | str | None, lang: str | None = None) -> str:
    """How a bill was paid: ``billing`` -> "Kode billing"."""
    return label("payment", method, lang)


def complaint_status_label(status: ComplaintStatus | str | None,
                           lang: str | None = None) -> str:
    """Where a complaint stands: ``in_progress`` -> "Sedang ditangani"."""
    return label("complaint", status, lang)


def holiday_kind_label(kind: HolidayKind | str | None, lang: str | None = None) -> str:
    """A day off: ``joint_leave`` -> "Cuti bersama"."""
    return label("holiday", kind, lang)


def role_label(role: Role | str | None, lang: str | None = None) -> str:
    """A user's role: ``officer`` -> "Petugas loket"."""
    return label("role", role, lang)


def station_kind_label(kind: StationKind | str | None, lang: str | None = None) -> str:
    """A kind of station (PC): ``display`` -> "Layar antrian"."""
    return label("station", kind, lang)


def time_unit_label(unit: TimeUnit | str | None, lang: str | None = None) -> str:
    """The unit of a time standard: ``working_days`` -> "hari kerja"."""
    return label("unit", unit, lang)


def zone_label(zone: Zone | str | None, lang: str | None = None) -> str:
    """An office's time zone, as Indonesians write it in either language: ``WITA``."""
    return "" if zone is None else _code(zone)


def sla_label(state: str | None, lang: str | None = None) -> str:
    """A visit against its time standard: ``near`` or ``over``."""
    return label("sla", state, lang)


def priority_label(reason: str | None, lang: str | None = None) -> str:
    """Why a visitor was given priority: ``lansia`` -> "Lanjut usia"."""
    return label("priority", reason, lang)


def case_kind_label(kind: str | None, lang: str | None = None) -> str:
    """A long-running case: ``complaint`` -> "Pengaduan", ``application`` -> "Permohonan"."""
    return label("case", kind, lang)


def channel_label(kind: str | None, lang: str | None = None) -> str:
    """How a complaint came in: ``phone`` -> Telepon."""
    return label("channel", kind, lang)


def catalog_name(name: str, name_en: str | None = "", lang: str | None = None) -> str:
    """A stage's, counter's or service's word: its catalog ``name``, or ``name_en`` when the
    reader reads English and the catalog gives one. Never the row's code."""
    if (lang or i18n.language()) == "en" and name_en:
        return name_en
    return name


def requirement_text(item: Mapping[str, Any] | str, lang: str | None = None) -> str:
    """A requirement of ``Service.requirements`` as people read it: its text, and for a
    requirement of one variant only the variant's catalog name ("Fotokopi KTP (untuk pajak
    yang ditetapkan dengan SKPD)"). A row saved before the catalog named its variants
    shows the variant's code, as every label here shows a code it has no word for."""
    if not isinstance(item, Mapping):
        return str(item)
    text = str(item.get("text", ""))
    variant = item.get("for")
    if not variant:
        return text
    name = catalog_name(str(item.get("for_name") or variant), item.get("for_name_en"), lang)
    return i18n.tr("label.requirement.for", lang, text=text, variant=name)


def is_step(item: Mapping[str, Any] | str) -> bool:
    """Whether a requirement is a step done at the office (catalog ``kind: step``, the
    vehicle's physical check), not a document the visitor brings."""
    return isinstance(item, Mapping) and item.get("kind") == "step"
