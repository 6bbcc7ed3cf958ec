"""Messages of the tax clearance work (Indonesian first, English second)."""

from __future__ import annotations

from app import i18n

MESSAGES: dict[str, tuple[str, str]] = {
    # the CSV extract
    "fiscal.file_missing": ("berkas {path!r} tidak ditemukan", "file {path!r} not found"),
    "fiscal.file_encoding": (
        "berkas {name} bukan teks UTF-8 (byte ke-{position} tidak valid); simpan ulang "
        "sebagai CSV UTF-8",
        "file {name} is not UTF-8 text (invalid byte at {position}); save it again as "
        "CSV UTF-8",
    ),
    "fiscal.file_empty": ("berkas {name} kosong", "file {name} is empty"),
    "fiscal.file_no_rows": (
        "berkas {name} hanya berisi baris judul, tidak ada data tunggakan",
        "file {name} has only the header row and no arrears",
    ),
    "fiscal.file_invalid": (
        "berkas {name} ditolak, tidak ada yang disimpan ({count} kesalahan):",
        "file {name} refused, nothing was stored ({count} errors):",
    ),
    "fiscal.line": ("baris {line}: {reason}", "line {line}: {reason}"),
    "fiscal.more_errors": (
        "... dan {count} kesalahan lain", "... and {count} more errors"),
    "fiscal.header_unknown": (
        "kolom {column!r} tidak dikenal (yang dikenal: {known})",
        "unknown column {column!r} (known: {known})",
    ),
    "fiscal.header_twice": ("kolom {column!r} ditulis dua kali", "column {column!r} appears twice"),
    "fiscal.header_missing": (
        "kolom wajib {column!r} tidak ada di baris judul",
        "required column {column!r} is missing from the header row",
    ),
    "fiscal.header_no_key": (
        "baris judul harus memuat minimal satu kolom kunci: nik, npwpd, nop atau nopol",
        "the header row needs at least one key column: nik, npwpd, nop or nopol",
    ),
    "fiscal.control": ("berisi karakter kendali {char} yang tidak diizinkan",
                       "contains the control character {char}, which is not allowed"),
    "fiscal.columns": (
        "jumlah kolom {found}, seharusnya {expected} seperti baris judul",
        "{found} columns, the header row has {expected}",
    ),
    "fiscal.csv_syntax": ("CSV tidak sah: {reason}", "invalid CSV: {reason}"),
    "fiscal.field": ("{column}: {reason}", "{column}: {reason}"),
    "fiscal.empty": ("{column} belum diisi", "{column} is empty"),
    "fiscal.too_long": (
        "{column} terlalu panjang ({length} karakter, paling banyak {max})",
        "{column} is too long ({length} characters, at most {max})",
    ),
    "fiscal.no_key": (
        "tidak ada NIK, NPWPD, NOP maupun nomor polisi; minimal satu harus diisi",
        "no NIK, NPWPD, NOP or plate; at least one is needed",
    ),
    "fiscal.key_for_source": (
        "tunggakan {source} harus memuat {column}",
        "a {source} arrear needs the {column}",
    ),
    "fiscal.npwpd": (
        "NPWPD {value!r} tidak valid: huruf, angka, titik, garis miring dan tanda hubung, "
        "4-40 karakter",
        "invalid NPWPD {value!r}: letters, digits, dots, slashes and dashes, 4-40 characters",
    ),
    "fiscal.amount": (
        "jumlah {value!r} tidak valid: rupiah utuh lebih dari nol, mis. 1250000 atau 1.250.000",
        "invalid amount {value!r}: whole rupiah above zero, e.g. 1250000 or 1.250.000",
    ),
    "fiscal.date": (
        "tanggal {value!r} tidak valid: tulis 2025-03-31 atau 31-03-2025",
        "invalid date {value!r}: write 2025-03-31 or 31-03-2025",
    ),
    "fiscal.period": (
        "masa pajak {value!r} tidak valid: tahun (2025) atau bulan (2025-03 / 03-2025)",
        "invalid tax period {value!r}: a year (2025) or a month (2025-03 / 03-2025)",
    ),
    "fiscal.source": (
        "sumber {value!r} tidak dikenal; pilih: {choices}",
        "unknown source {value!r}; choose: {choices}",
    ),
    "fiscal.source_mismatch": (
        "sumber {value!r} tidak sama dengan --source {source}",
        "source {value!r} differs from --source {source}",
    ),
    "fiscal.source_missing": (
        "sumber data tidak diketahui: beri --source (pkb, pbb, pajak-daerah) atau kolom sumber",
        "the source is unknown: give --source (pkb, pbb, pajak-daerah) or a source column",
    ),
    "fiscal.source_mixed": (
        "berkas berisi beberapa sumber ({sources}); satu berkas untuk satu sumber",
        "the file holds several sources ({sources}); one file per source",
    ),
    "fiscal.duplicate_row": (
        "tunggakan yang sama sudah ada di baris {first}",
        "the same arrear is already on line {first}",
    ),
    # importing
    "fiscal.duplicate_file": (
        "berkas ini (sha256 {sha}) sudah diimpor pada {at} oleh {by} sebagai {name}; "
        "tidak diimpor lagi",
        "this file (sha256 {sha}) was already imported on {at} by {by} as {name}; "
        "not imported again",
    ),
    "fiscal.older_extract": (
        "data {source} per {as_of} lebih lama dari data yang berlaku (per {current}); "
        "tidak diimpor",
        "the {source} extract as of {as_of} is older than the current one (as of {current}); "
        "not imported",
    ),
    "fiscal.future_as_of": (
        "tanggal data {as_of} belum terjadi (hari ini {today})",
        "the extract date {as_of} is in the future (today is {today})",
    ),
    # checking
    "fiscal.key_kind": (
        "jenis kunci {value!r} tidak dikenal; pilih: nik, npwpd, nop, nopol",
        "unknown key kind {value!r}; choose: nik, npwpd, nop, plate",
    ),
    "fiscal.purpose_missing": (
        "keperluan pemeriksaan belum diisi (mis. izin usaha pada SIPEKA)",
        "the purpose of the check is empty (e.g. a SIPEKA permit application)",
    ),
    "fiscal.purpose_long": (
        "keperluan terlalu panjang: paling banyak {max} karakter",
        "the purpose is too long: at most {max} characters",
    ),
    "fiscal.check_stale": (
        "pemeriksaan {id} dilakukan pada {day}; surat hanya untuk pemeriksaan hari ini, "
        "periksa ulang",
        "check {id} was made on {day}; a letter is only issued for a check of today, "
        "check again",
    ),
    "fiscal.unknown_check": (
        "pemeriksaan nomor {id} tidak ditemukan", "no check number {id}"),
    "fiscal.no_data": (
        "belum ada data tunggakan yang diimpor; surat tidak dapat diterbitkan",
        "no arrears data has been imported; no letter can be issued",
    ),
    "fiscal.letter_exists": (
        "surat untuk pemeriksaan {id} sudah diterbitkan dengan kode {code}",
        "a letter for check {id} was already issued with code {code}",
    ),
    "fiscal.unknown_officer": (
        "petugas {name!r} tidak terdaftar sebagai pengguna aktif",
        "officer {name!r} is not an active user",
    ),
    # verification
    "fiscal.code_format": (
        "kode verifikasi {value!r} tidak valid: 12 huruf/angka, mis. ABCD-EFGH-JKMN",
        "invalid verification code {value!r}: 12 letters/digits, e.g. ABCD-EFGH-JKMN",
    ),
    "fiscal.code_unknown": (
        "kode verifikasi {code} tidak terdaftar: surat ini tidak diterbitkan oleh Loket",
        "verification code {code} is not on record: this letter was not issued by Loket",
    ),
    "fiscal.revoked": (
        "surat {code} telah dicabut pada {at} oleh {by}: {reason}",
        "letter {code} was revoked on {at} by {by}: {reason}",
    ),
    "fiscal.already_revoked": (
        "surat {code} sudah dicabut sebelumnya", "letter {code} was already revoked"),
    "fiscal.reason_missing": (
        "alasan pencabutan belum diisi", "the reason for revoking is empty"),
    # what the desk still needs before the visit leaves it (app/fiscal/rules.py)
    "fiscal.step.check": (
        "pemeriksaan tunggakan untuk {ticket} belum dicatat (Periksa)",
        "the arrears check for {ticket} has not been recorded (Check)",
    ),
}

i18n.register(MESSAGES)
