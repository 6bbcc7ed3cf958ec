"""Messages of the perforation service (Indonesian first, then English)."""

from __future__ import annotations

from app.i18n import MESSAGES, register

_MESSAGES: dict[str, tuple[str, str]] = {
    "perforation.config": (
        "berkas pengaturan perforasi {file}, entri {entry}: {reason}",
        "perforation settings file {file}, entry {entry}: {reason}",
    ),
    "perforation.no_standard": (
        "belum ada standar waktu perforasi untuk kantor {office} pada {day}",
        "no perforation time standard for office {office} on {day}",
    ),
    "perforation.npwpd.empty": ("NPWPD wajib diisi", "the NPWPD is required"),
    "perforation.npwpd.invalid": (
        "NPWPD {value!r} tidak valid: 5-40 huruf/angka dengan titik, tanda hubung atau garis "
        "miring, sedikitnya 5 angka",
        "invalid NPWPD {value!r}: 5-40 letters/digits with dots, hyphens or slashes, "
        "at least 5 digits",
    ),
    "perforation.name.empty": ("nama wajib pajak wajib diisi", "the taxpayer's name is required"),
    "perforation.name.invalid": (
        "nama wajib pajak tidak valid: 2-200 karakter dan memuat huruf",
        "invalid taxpayer name: 2-200 characters including letters",
    ),
    "perforation.media.unknown": (
        "jenis media {value!r} tidak dikenal; pilihan: {choices}",
        "unknown media {value!r}; choose one of: {choices}",
    ),
    "perforation.series.empty": ("seri wajib diisi", "the series is required"),
    "perforation.series.invalid": (
        "seri {value!r} tidak valid: 1-16 huruf/angka, boleh titik, tanda hubung atau garis "
        "miring, tanpa spasi",
        "invalid series {value!r}: 1-16 letters/digits, dots, hyphens or slashes, no spaces",
    ),
    "perforation.serial.empty": ("nomor seri {field} wajib diisi",
                                 "the {field} serial is required"),
    "perforation.serial.invalid": (
        "nomor seri {field} {value!r} tidak valid: hanya angka, 0 sampai 999.999.999",
        "invalid {field} serial {value!r}: digits only, 0 to 999,999,999",
    ),
    "perforation.range.reversed": (
        "nomor seri akhir ({last}) lebih kecil dari nomor seri awal ({first})",
        "the last serial ({last}) is before the first ({first})",
    ),
    "perforation.range.too_long": (
        "rentang {first}-{last} berisi {count} lembar; paling banyak {max} lembar per "
        "permohonan",
        "the range {first}-{last} holds {count} sheets; at most {max} per request",
    ),
    "perforation.sheets.empty": ("jumlah lembar wajib diisi", "the number of sheets is required"),
    "perforation.sheets.invalid": (
        "jumlah lembar {value!r} tidak valid: bilangan bulat 1 sampai {max}",
        "invalid number of sheets {value!r}: a whole number from 1 to {max}",
    ),
    "perforation.sheets.over_range": (
        "jumlah lembar ({sheets}) lebih banyak dari nomor seri {first}-{last} ({count} lembar)",
        "{sheets} sheets are more than serials {first}-{last} hold ({count})",
    ),
    "perforation.sheets.unexplained": (
        "jumlah lembar ({sheets}) tidak sama dengan nomor seri {first}-{last} ({count} lembar); "
        "perbaiki atau tuliskan keterangannya",
        "{sheets} sheets do not match serials {first}-{last} ({count}); correct them or "
        "explain why",
    ),
    "perforation.note.invalid": (
        "keterangan terlalu pendek atau terlalu panjang (3-500 karakter)",
        "the note is too short or too long (3-500 characters)",
    ),
    "perforation.face_value.empty": ("nilai nominal per lembar wajib diisi",
                                     "the face value per sheet is required"),
    "perforation.face_value.invalid": (
        "nilai nominal {value!r} tidak valid: rupiah bulat lebih dari 0 sampai "
        "Rp1.000.000.000 (contoh 5000 atau 5.000)",
        "invalid face value {value!r}: whole rupiah above 0, at most Rp1.000.000.000 "
        "(e.g. 5000 or 5.000)",
    ),
    "perforation.overlap": (
        "nomor seri {first}-{last} seri {series} ({media}) wajib pajak {npwpd} sudah diajukan "
        "atau diperforasi pada permohonan {number} ({other_first}-{other_last})",
        "serials {first}-{last} of series {series} ({media}) of taxpayer {npwpd} were already "
        "requested or perforated in request {number} ({other_first}-{other_last})",
    ),
    "perforation.unknown": ("permohonan perforasi {ref!r} tidak ditemukan",
                            "no perforation request {ref!r}"),
    "perforation.bad_state": (
        "permohonan {number} berstatus {status}; tindakan ini tidak dapat dilakukan",
        "request {number} is {status}; this cannot be done now",
    ),
    "perforation.count.done": (
        "permohonan {number} sudah selesai dihitung ({counted} lembar)",
        "request {number} has been counted already ({counted} sheets)",
    ),
    "perforation.count.bad": (
        "jumlah hitungan {value!r} tidak valid: bilangan bulat 0 sampai {max}",
        "invalid count {value!r}: a whole number from 0 to {max}",
    ),
    "perforation.count.machine_busy": (
        "mesin perforasi masih mengerjakan job {job} ({counted}/{sheets}); tunggu lalu coba lagi",
        "the perforation machine is still running job {job} ({counted}/{sheets}); wait and "
        "retry",
    ),
    "perforation.count.refused": (
        "mesin perforasi menolak job: {reason}",
        "the perforation machine refused the job: {reason}",
    ),
    "perforation.device.bad_connection": (
        "koneksi mesin perforasi {value!r} tidak dapat dipakai: {reason}",
        "perforation machine connection {value!r} cannot be used: {reason}",
    ),
    "perforation.damaged.invalid": (
        "jumlah lembar rusak {value!r} tidak valid: bilangan bulat 0 sampai {max} "
        "(jumlah terhitung)",
        "invalid number of damaged sheets {value!r}: a whole number from 0 to {max} "
        "(the count)",
    ),
    "perforation.stopped": (
        "hitungan berhenti: {condition} pada lembar ke-{at} (nomor seri {serial}); {counted} "
        "lembar terhitung. Atasi gangguan lalu tekan Hitung lagi untuk melanjutkan",
        "the count stopped: {condition} at sheet {at} (serial {serial}); {counted} sheets "
        "counted. Clear the fault and count again to resume",
    ),
    "perforation.device_failed": (
        "mesin perforasi bermasalah ({condition}: {detail}); {counted} lembar terkonfirmasi. "
        "Hitungan dapat diulang",
        "perforation machine trouble ({condition}: {detail}); {counted} sheets confirmed. "
        "The count can be retried",
    ),
    "perforation.aborted": (
        "job dihentikan di mesin; {counted} lembar terhitung. Hitungan dapat diulang untuk "
        "sisanya",
        "the job was ended at the machine; {counted} sheets counted. Count again for the rest",
    ),
    "perforation.pickup_by.invalid": (
        "nama pengambil tidak valid: 2-200 karakter dan memuat huruf",
        "invalid name of the person collecting: 2-200 characters including letters",
    ),
    "perforation.npwpd.none": (
        "tidak ada benda berharga terperforasi untuk NPWPD {npwpd}",
        "no perforated valuables for NPWPD {npwpd}",
    ),
    "perforation.count.no_job": (
        "tidak ada job perforasi yang masih terbuka untuk permohonan {number}",
        "no perforation job of request {number} is still open",
    ),
    "perforation.count.end_needs_device": (
        "--end memerlukan --device (mesin yang memegang job)",
        "--end needs --device (the machine holding the job)",
    ),
    "perforation.condition.jammed": ("kertas macet", "paper jam"),
    "perforation.condition.media_out": ("media habis di pengumpan", "feeder empty"),
    "perforation.condition.cover_open": ("penutup mesin terbuka", "cover open"),
    "perforation.condition.timeout": ("mesin tidak menjawab", "the machine does not answer"),
    "perforation.condition.offline": ("mesin terputus", "the machine is offline"),
    "perforation.condition.unreachable": ("mesin tidak dapat dihubungi",
                                          "the machine cannot be reached"),
    "perforation.condition.busy": ("mesin sibuk", "the machine is busy"),
    "perforation.condition.unknown": ("gangguan tidak dikenal", "unknown trouble"),
    # what the desk still needs before the visit leaves it (app/perforation/rules.py)
    "perforation.step.request": (
        "belum ada permohonan perforasi untuk {ticket} (Simpan permohonan)",
        "no perforation request has been saved for {ticket} (Save request)",
    ),
    "perforation.step.count": (
        "lembar permohonan {number} belum selesai dihitung ({status}): hitung sampai selesai "
        "atau cocokkan hasil hitungan",
        "the sheets of request {number} are not all counted ({status}): count to the end or "
        "reconcile what was counted",
    ),
}

if "perforation.config" not in MESSAGES:
    register(_MESSAGES)
