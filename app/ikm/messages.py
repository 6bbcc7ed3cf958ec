"""Messages of the survey and the IKM."""

from app.i18n import register

register({
    "survey.unknown": ("survei {code!r} tidak dikenal; pilihan: {choices}",
                       "unknown survey {code!r}; choices: {choices}"),
    "survey.answers_count": (
        "elemen {element!r} harus punya tepat 4 jawaban (nilai 1-4), bukan {count}",
        "element {element!r} needs exactly 4 answers (values 1-4), not {count}"),
    "survey.grades": (
        "nilai mutu harus A, B, C, D dengan batas bawah menurun dan D mulai 25.00",
        "grades must be A, B, C, D with falling lower bounds and D starting at 25.00"),
    "survey.number": ("{field!r} harus angka desimal seperti \"88.31\", bukan {value!r}",
                      "{field!r} must be a decimal number such as \"88.31\", not {value!r}"),
    "ikm.no_answers": ("belum ada jawaban survei untuk dihitung",
                       "there are no survey answers to compute"),
    "ikm.bad_answer": (
        "responden {row}: elemen {element!r} harus dijawab 1, 2, 3 atau 4, bukan {value!r}",
        "respondent {row}: element {element!r} must be answered 1, 2, 3 or 4, not {value!r}"),
    "ikm.missing_answer": ("responden {row}: elemen {element!r} belum dijawab",
                           "respondent {row}: element {element!r} is not answered"),
    "ikm.unknown_element": ("responden {row}: elemen {element!r} tidak ada di survei {survey}",
                            "respondent {row}: element {element!r} is not in survey {survey}"),
    "ikm.bad_weight": ("bobot {value!r} tidak dikenal; pilih exact (1/n) atau rounded",
                       "unknown weight {value!r}; choose exact (1/n) or rounded"),
})

register({
    "ikm.file_missing": ("berkas {file} tidak ditemukan", "file {file} not found"),
    "ikm.file_kind": ("berkas {file} harus .csv atau .xlsx", "file {file} must be .csv or .xlsx"),
    "ikm.file_unreadable": ("berkas {file} tidak bisa dibaca: {reason}",
                            "cannot read file {file}: {reason}"),
    "ikm.file_header": (
        "berkas {file}: kolom elemen tidak lengkap, yang belum ada: {missing} "
        "(kolom dinamai dengan id elemen survei {survey})",
        "file {file}: element columns missing: {missing} "
        "(columns are named by the element ids of survey {survey})"),
    "ikm.file_unknown_column": (
        "berkas {file}: kolom {column!r} tidak dikenal; kolom yang boleh: {known}",
        "file {file}: unknown column {column!r}; allowed columns: {known}"),
    "ikm.file_rows": ("berkas {file} tidak dimuat, {count} baris salah: {first}",
                      "file {file} not loaded, {count} bad rows: {first}"),
    "ikm.row_value": ("baris {line}: {column} harus 1, 2, 3 atau 4, bukan {value!r}",
                      "row {line}: {column} must be 1, 2, 3 or 4, not {value!r}"),
    "ikm.row_missing": ("baris {line}: {column} kosong", "row {line}: {column} is empty"),
    "ikm.row_control": ("baris {line}: {column} berisi karakter kendali {char}",
                        "row {line}: {column} contains the control character {char}"),
    "ikm.row_date": ("baris {line}: tanggal {value!r} tidak valid (contoh 2026-12-01 atau "
                     "01-12-2026)",
                     "row {line}: date {value!r} is not valid (e.g. 2026-12-01 or 01-12-2026)"),
    "ikm.file_empty": ("berkas {file} tidak berisi jawaban", "file {file} holds no answers"),
})

register({
    "survey.already_answered": (
        "nomor {ticket} sudah mengisi survei; satu kunjungan satu jawaban",
        "ticket {ticket} has already answered the survey; one answer per visit"),
    "survey.not_finished": (
        "nomor {ticket} belum selesai dilayani (sekarang: {place}); survei bisa diisi "
        "setelah tahap terakhir, {last}, dimulai",
        "ticket {ticket} is still on its way through the service (now: {place}); the "
        "survey opens once its last stage, {last}, has started"),
    "survey.cancelled": (
        "kunjungan {ticket} dibatalkan sebelum tahap terakhir; jika Anda dilayani dengan "
        "nomor lain, isi survei dengan nomor itu",
        "visit {ticket} was cancelled before its last stage; if you were served under "
        "another number, answer with that number"),
    "survey.no_show": (
        "nomor {ticket} tidak hadir saat dipanggil; survei diisi oleh pengunjung yang "
        "sudah dilayani",
        "ticket {ticket} did not come when called; the survey is for visitors who were "
        "served"),
    "survey.not_served": (
        "nomor {ticket} ditutup tanpa dilayani; survei diisi oleh pengunjung yang sudah "
        "dilayani",
        "ticket {ticket} was closed without being served; the survey is for visitors who "
        "were served"),
    "survey.bad_respondent": ("{field} {value!r} bukan pilihan yang ada ({choices})",
                              "{field} {value!r} is not one of the choices ({choices})"),
    "survey.bad_rating": ("nilai cepat harus 1-4, bukan {value!r}",
                          "a quick rating is 1-4, not {value!r}"),
    "ikm.unknown_service": ("baris {line}: layanan {service!r} tidak ada di kantor {office}",
                            "row {line}: no service {service!r} at office {office}"),
    "ikm.bad_period": ("periode tidak valid: {start} sampai {end}",
                       "invalid period: {start} to {end}"),
})
