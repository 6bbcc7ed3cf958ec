"""Messages of long-running applications, complaints and local holidays (Indonesian, English)."""

from __future__ import annotations

from app import i18n

MESSAGES: dict[str, tuple[str, str]] = {
    "casework.calendar_broken": (
        "kalender hari kerja rusak: tidak ada hari kerja setelah {day}",
        "the working-day calendar is broken: no working day after {day}",
    ),
    "casework.bad_standard": (
        "standar waktu tidak valid: {value} {unit}",
        "invalid time standard: {value} {unit}",
    ),
    "casework.not_long_running": (
        "layanan dengan standar waktu {value} {unit} bukan permohonan berjangka; "
        "daftarkan hanya layanan dalam hari, hari kerja atau bulan",
        "a service with a time standard of {value} {unit} is not a long-running "
        "application; only services in days, working days or months can be registered",
    ),
    "casework.no_standard": (
        "layanan {code} tidak mempunyai standar waktu penyelesaian",
        "service {code} has no time standard",
    ),
    "casework.unknown_service": (
        "layanan {code!r} tidak ada di kantor {office} (pilihan: {choices})",
        "no service {code!r} at office {office} (choices: {choices})",
    ),
    "casework.name_required": ("nama pemohon belum diisi", "the applicant's name is empty"),
    "casework.subject_required": (
        "perihal permohonan belum diisi", "the subject of the application is empty",
    ),
    "casework.too_long": (
        "{field} terlalu panjang: paling banyak {max} karakter",
        "{field} is too long: at most {max} characters",
    ),
    "casework.bad_amount": (
        "nilai {value!r} tidak valid: rupiah utuh, tidak negatif (contoh: 2.500.000)",
        "invalid amount {value!r}: whole rupiah, not negative (e.g. 2.500.000)",
    ),
    "casework.amount_required": (
        "nilai ketetapan wajib diisi untuk {service}: di atas {threshold} diputus oleh "
        "{above}",
        "the assessed amount is needed for {service}: above {threshold} it is decided by "
        "{above}",
    ),
    "casework.future_time": (
        "waktu diterima {at} ada di masa depan", "the time received {at} is in the future",
    ),
    "casework.unknown_application": (
        "permohonan {number!r} tidak ditemukan di kantor {office}",
        "no application {number!r} at office {office}",
    ),
    "casework.finished": (
        "permohonan {number} sudah {status}; tidak dapat diubah lagi",
        "application {number} is already {status}; it cannot be changed",
    ),
    "casework.to_required": (
        "tujuan disposisi belum diisi", "whom to forward the file to is empty",
    ),
    "casework.same_holder": (
        "berkas sudah dipegang oleh {holder}", "the file is already held by {holder}",
    ),
    "casework.bad_outcome": (
        "hasil {outcome!r} tidak dikenal; pilih: {choices}",
        "unknown outcome {outcome!r}; choose one of: {choices}",
    ),
    "casework.reason_required": (
        "alasan penolakan wajib diisi", "a rejection needs its reason",
    ),
    "casework.bad_time": (
        "waktu {value!r} tidak valid (contoh: 2026-12-01T09:00+07:00)",
        "invalid time {value!r} (e.g. 2026-12-01T09:00+07:00)",
    ),
    "casework.bad_date": (
        "tanggal {value!r} tidak valid (contoh: 2026-12-31)",
        "invalid date {value!r} (e.g. 2026-12-31)",
    ),
    "casework.deciders_bad": (
        "tabel pemutus permohonan tidak dapat dibaca: {summary}",
        "the table of deciders cannot be read: {summary}",
    ),
    # application statuses
    "casework.status.received": ("diterima", "received"),
    "casework.status.in_progress": ("diproses", "in progress"),
    "casework.status.done": ("selesai", "done"),
    "casework.status.rejected": ("ditolak", "rejected"),
    # complaints
    "complaint.bad_channel": (
        "saluran pengaduan {channel!r} tidak ada di kantor {office} (pilihan: {choices})",
        "office {office} has no complaint channel {channel!r} (choices: {choices})",
    ),
    "complaint.text_required": ("isi pengaduan belum diisi", "the complaint text is empty"),
    "complaint.unknown": (
        "pengaduan {number!r} tidak ditemukan di kantor {office}",
        "no complaint {number!r} at office {office}",
    ),
    "complaint.unknown_step": (
        "pengaduan {number} tidak mempunyai langkah {position} (ada {count} langkah)",
        "complaint {number} has no step {position} (it has {count} steps)",
    ),
    "complaint.step_done": (
        "langkah {position} pengaduan {number} sudah selesai pada {at}",
        "step {position} of complaint {number} was already done at {at}",
    ),
    "complaint.closed": (
        "pengaduan {number} sudah ditutup", "complaint {number} is already closed",
    ),
    "complaint.answer_required": (
        "isi tanggapan belum diisi", "the answer is empty",
    ),
    "complaint.not_answered": (
        "pengaduan {number} belum ditanggapi; catat tanggapan sebelum menutup",
        "complaint {number} has not been answered yet; record the answer before closing",
    ),
    "complaint.resolution_required": (
        "hasil penyelesaian belum diisi", "the resolution is empty",
    ),
    "complaint.status.received": ("diterima", "received"),
    "complaint.status.in_progress": ("diproses", "in progress"),
    "complaint.status.answered": ("ditanggapi", "answered"),
    "complaint.status.closed": ("selesai", "closed"),
    # holidays
    "holiday.name_required": ("nama hari libur belum diisi", "the holiday's name is empty"),
    "holiday.exists": (
        "{day} sudah tercatat sebagai hari libur: {name}",
        "{day} is already recorded as a day off: {name}",
    ),
    "holiday.unknown": (
        "{day} tidak tercatat sebagai hari libur tambahan", "{day} is not an added day off",
    ),
    "holiday.bad_year": ("tahun {value!r} tidak valid", "invalid year {value!r}"),
    # what the desk still needs before the visit leaves it (app/casework/rules.py)
    "casework.step.application": (
        "permohonan {ticket} belum didaftarkan (Daftarkan dan cetak tanda terima)",
        "the application of {ticket} has not been registered (Register and print the "
        "receipt)",
    ),
    "casework.step.complaint": (
        "pengaduan {ticket} belum dicatat (Catat pengaduan)",
        "the complaint of {ticket} has not been recorded (Record the complaint)",
    ),
}

i18n.register(MESSAGES)
