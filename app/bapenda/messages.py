"""Messages of the bapenda services (NPWPD, assessments, payments), Indonesian first."""

from __future__ import annotations

from app import i18n

MESSAGES: dict[str, tuple[str, str]] = {
    # the formats file
    "bapenda.formats_file": (
        "berkas format NPWPD {file}: {entry}: {reason}",
        "NPWPD formats file {file}: {entry}: {reason}",
    ),
    "bapenda.no_format": (
        "tidak ada format nomor {what} yang berlaku pada {on} untuk kantor {office}",
        "no {what} number format in force on {on} for office {office}",
    ),
    "bapenda.serial_exhausted": (
        "nomor urut {what} habis: {serial} tidak muat dalam {width} angka; ubah format di "
        "resources/npwpd/formats.yaml",
        "{what} serials exhausted: {serial} does not fit in {width} digits; change the "
        "format in resources/npwpd/formats.yaml",
    ),
    # registration input
    "bapenda.bad_kind": (
        "jenis wajib pajak {value!r} tidak dikenal; pilih P (pribadi) atau B (badan usaha)",
        "unknown taxpayer kind {value!r}; choose P (personal) or B (business)",
    ),
    "bapenda.bad_tax_type": (
        "jenis pajak {value!r} tidak dikenal; pilih: {choices}",
        "unknown tax type {value!r}; choose: {choices}",
    ),
    "bapenda.name_required": ("nama wajib pajak belum diisi", "the taxpayer's name is empty"),
    "bapenda.name_long": (
        "nama terlalu panjang ({length} karakter, paling banyak {max})",
        "name too long ({length} characters, at most {max})",
    ),
    "bapenda.business_name_required": (
        "nama badan usaha belum diisi", "the business name is empty",
    ),
    "bapenda.address_required": ("alamat belum diisi", "the address is empty"),
    "bapenda.bad_district": (
        "kode kecamatan {value!r} tidak valid: {reason}",
        "invalid district code {value!r}: {reason}",
    ),
    "bapenda.bad_village": (
        "kode kelurahan/desa {value!r} tidak valid: {reason}",
        "invalid village code {value!r}: {reason}",
    ),
    "bapenda.code_digits": ("{width} angka", "{width} digits"),
    "bapenda.code_unknown": ("tidak ada di daftar kantor: {choices}",
                             "not in the office's list: {choices}"),
    "bapenda.bad_nib": (
        "NIB {value!r} tidak valid: 13 angka", "invalid NIB {value!r}: 13 digits",
    ),
    "bapenda.bad_npwp": (
        "NPWP {value!r} tidak valid: 15 atau 16 angka",
        "invalid NPWP {value!r}: 15 or 16 digits",
    ),
    "bapenda.bad_phone": (
        "nomor telepon {value!r} tidak valid", "invalid telephone number {value!r}",
    ),
    "bapenda.requirements_missing": (
        "persyaratan belum lengkap: {missing}", "requirements missing: {missing}",
    ),
    "bapenda.unknown_requirement": (
        "persyaratan {code!r} tidak ada pada layanan {service}; pilihan: {choices}",
        "no requirement {code!r} in service {service}; choices: {choices}",
    ),
    "bapenda.nik_registered": (
        "NIK {nik} sudah terdaftar sebagai wajib pajak pribadi {npwpd} untuk {tax_type}",
        "NIK {nik} is already registered as personal taxpayer {npwpd} for {tax_type}",
    ),
    # look-up and deactivation
    "bapenda.unknown_npwpd": (
        "NPWPD {value!r} tidak ditemukan di kantor {office}",
        "NPWPD {value!r} not found at office {office}",
    ),
    "bapenda.bad_reason": (
        "alasan penonaktifan {value!r} tidak dikenal; pilih: {choices}",
        "unknown deactivation reason {value!r}; choose: {choices}",
    ),
    "bapenda.reason_note_required": (
        "alasan 'lainnya' perlu keterangan", "reason 'lainnya' needs a note",
    ),
    "bapenda.already_inactive": (
        "NPWPD {npwpd} sudah nonaktif sejak {since}", "NPWPD {npwpd} is inactive since {since}",
    ),
    "bapenda.inactive": (
        "NPWPD {npwpd} nonaktif: tidak dapat diberi ketetapan baru",
        "NPWPD {npwpd} is inactive: no new assessment",
    ),
    "bapenda.no_card_printer": (
        "stasiun ini tidak punya printer kartu; sebutkan dengan --to",
        "this station has no card printer; name one with --to",
    ),
    "bapenda.card_failed": (
        "kartu NPWPD {npwpd} belum tercetak ({condition}); tugas cetak {job} disimpan, "
        "cetak ulang bila printer siap: loket npwpd card {npwpd} --to ...",
        "NPWPD card {npwpd} was not printed ({condition}); print job {job} is kept, print it "
        "again when the printer is ready: loket npwpd card {npwpd} --to ...",
    ),
    # assessments
    "bapenda.bad_assessment_kind": (
        "jenis ketetapan {value!r} tidak dikenal; pilih: {choices}",
        "unknown assessment kind {value!r}; choose: {choices}",
    ),
    "bapenda.bad_period": (
        "masa pajak {value!r} tidak valid: tulis TTTT-BB (contoh 2026-10) atau TTTT",
        "invalid tax period {value!r}: write YYYY-MM (e.g. 2026-10) or YYYY",
    ),
    "bapenda.bad_amount": (
        "jumlah {value!r} tidak valid: rupiah utuh lebih dari nol, contoh 1.500.000",
        "invalid amount {value!r}: whole rupiah above zero, e.g. 1.500.000",
    ),
    "bapenda.bad_date": (
        "tanggal {value!r} tidak valid: tulis TTTT-BB-HH", "invalid date {value!r}: YYYY-MM-DD",
    ),
    "bapenda.due_before_issue": (
        "jatuh tempo {due} sebelum tanggal terbit {issued}",
        "due date {due} is before the issue date {issued}",
    ),
    "bapenda.number_taken": (
        "nomor ketetapan {number} sudah dipakai di kantor {office}",
        "assessment number {number} is already used at office {office}",
    ),
    "bapenda.bad_number": (
        "nomor ketetapan {value!r} tidak valid", "invalid assessment number {value!r}",
    ),
    "bapenda.unknown_assessment": (
        "ketetapan {value!r} tidak ditemukan di kantor {office}",
        "no assessment {value!r} at office {office}",
    ),
    "bapenda.already_paid": (
        "ketetapan {number} sudah dibayar pada {paid} (pembayaran {payment})",
        "assessment {number} was paid on {paid} (payment {payment})",
    ),
    "bapenda.bad_method": (
        "cara bayar {value!r} tidak dikenal; pilih: {choices}",
        "unknown payment method {value!r}; choose: {choices}",
    ),
    "bapenda.reference_required": (
        "pembayaran dengan {method} perlu nomor referensi (kode billing)",
        "a {method} payment needs a reference (billing code)",
    ),
    "bapenda.bad_reference": (
        "nomor referensi {value!r} tidak valid: huruf, angka dan - / . saja, paling "
        "banyak 100", "invalid reference {value!r}: letters, digits and - / . only, at most 100",
    ),
    "bapenda.paid_before_issue": (
        "tanggal bayar {on} sebelum ketetapan terbit ({issued})",
        "payment date {on} is before the assessment was issued ({issued})",
    ),
    "bapenda.nothing_found": (
        "tidak ada ketetapan untuk {value!r}", "no assessment for {value!r}",
    ),
    # what the desk still needs before the visit leaves it (app/bapenda/rules.py)
    "bapenda.step.register": (
        "belum ada NPWPD yang didaftarkan untuk {ticket} (Daftarkan)",
        "no NPWPD has been registered for {ticket} (Register)",
    ),
    "bapenda.step.card": (
        "kartu NPWPD {npwpd} belum tercetak (Cetak kartu; jika gagal, Cetak ulang kartu)",
        "the NPWPD card {npwpd} has not been printed (Print card; if it failed, Reprint card)",
    ),
    "bapenda.step.deactivate": (
        "belum ada NPWPD yang dinonaktifkan untuk {ticket} (Nonaktifkan)",
        "no NPWPD has been deactivated for {ticket} (Deactivate)",
    ),
    "bapenda.step.deactivate_or_apply": (
        "belum ada NPWPD yang dinonaktifkan untuk {ticket} (Nonaktifkan), dan permohonan "
        "penonaktifannya belum didaftarkan (Permohonan: Daftarkan dan cetak tanda terima)",
        "no NPWPD has been deactivated for {ticket} (Deactivate), and its deactivation request "
        "has not been registered (Applications: Register and print the receipt)",
    ),
    "bapenda.step.pay": (
        "pembayaran {ticket} belum dicatat (Bayar)",
        "the payment of {ticket} has not been recorded (Pay)",
    ),
}

i18n.register(MESSAGES)
