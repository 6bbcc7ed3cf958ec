"""Messages of the PC set-up (Indonesian first, then English)."""

from __future__ import annotations

from app import i18n

MESSAGES: dict[str, tuple[str, str]] = {
    "setup.bad_file": (
        "berkas konfigurasi {file} tidak dapat dibaca: {reason}",
        "the configuration file {file} cannot be read: {reason}",
    ),
    "setup.bad_value": (
        "{file}: {key}: {reason}",
        "{file}: {key}: {reason}",
    ),
    "setup.unknown_key": (
        "kunci tidak dikenal (dikenal: {known})",
        "unknown key (known: {known})",
    ),
    "setup.missing": (
        "wajib diisi",
        "required",
    ),
    "setup.bad_role": (
        "{value!r} bukan peran PC yang dikenal ({choices})",
        "{value!r} is not a known PC role ({choices})",
    ),
    "setup.bad_code": (
        "{value!r} bukan kode yang sah (huruf, angka, tanda hubung; paling panjang 32)",
        "{value!r} is not a valid code (letters, digits, hyphens; at most 32)",
    ),
    "setup.counter_required": (
        "PC loket perlu kode loketnya (station.counter)",
        "a counter PC needs its counter code (station.counter)",
    ),
    "setup.bad_kind": (
        "{value!r} bukan jenis basis data yang dikenal (sqlite, postgresql)",
        "{value!r} is not a known database kind (sqlite, postgresql)",
    ),
    "setup.path_relative": (
        "{value!r}: tulis jalur lengkap berkas basis data (mis. C:\\ProgramData\\Loket\\"
        "loket.sqlite3 atau /var/lib/loket/loket.sqlite3)",
        "{value!r}: give the full path of the database file (e.g. C:\\ProgramData\\Loket\\"
        "loket.sqlite3 or /var/lib/loket/loket.sqlite3)",
    ),
    "setup.bad_port": (
        "{value!r} bukan nomor port (1-65535)",
        "{value!r} is not a port number (1-65535)",
    ),
    "setup.bad_text": (
        "{value!r} tidak sah: harus teks satu baris tanpa spasi di awal atau akhir",
        "{value!r} is not valid: one line of text without leading or trailing spaces",
    ),
    "setup.bad_store": (
        "{value!r} bukan tempat kata sandi yang dikenal (keyring, file)",
        "{value!r} is not a known password store (keyring, file)",
    ),
    "setup.bad_device": (
        "{value!r}: {reason}",
        "{value!r}: {reason}",
    ),
    "setup.unknown_device": (
        "{value!r} bukan jenis perangkat yang dikenal ({choices})",
        "{value!r} is not a known device kind ({choices})",
    ),
    "setup.password_missing": (
        "kata sandi basis data {who} tidak ada di penyimpanan kunci pengguna ini: jalankan "
        "'loket config password' sebagai pengguna yang menjalankan stasiun",
        "the database password of {who} is not in this user's key store: run "
        "'loket config password' as the user who runs the station",
    ),
    "setup.keyring_failed": (
        "penyimpanan kunci sistem menolak kata sandi: {reason}",
        "the system key store refused the password: {reason}",
    ),
    "setup.no_config": (
        "PC ini belum disiapkan: tidak ada {file} (jalankan loket-station untuk wizard "
        "penyiapan)",
        "this PC is not set up: no {file} (run loket-station for the set-up wizard)",
    ),
    "setup.not_postgresql": (
        "kata sandi hanya disimpan untuk basis data PostgreSQL; {file} memakai {kind}",
        "a password is kept only for a PostgreSQL database; {file} uses {kind}",
    ),
    "setup.write_failed": (
        "berkas konfigurasi {file} tidak dapat ditulis: {reason}",
        "the configuration file {file} cannot be written: {reason}",
    ),
    "setup.schema_newer": (
        "basis data ini dari versi Loket yang lebih baru ({current}); pasang versi itu",
        "this database is from a newer Loket ({current}); install that version",
    ),
    "setup.schema_needed": (
        "Skema basis data {status}: tekan 'Siapkan basis data' (loket db upgrade)",
        "The database schema is {status}: press 'Prepare the database' (loket db upgrade)",
    ),
    "setup.password_in_file": (
        "peringatan: penyimpanan kunci sistem tidak tersedia; kata sandi disimpan di {file} "
        "(hanya dapat dibaca pemiliknya)",
        "warning: no system key store; the password is kept in {file} (readable by its "
        "owner only)",
    ),
    "setup.warn.password_in_file": (
        "kata sandi basis data disimpan di berkas konfigurasi, bukan di penyimpanan kunci",
        "the database password is kept in the configuration file, not in a key store",
    ),
    "setup.warn.keystore": ("penyimpanan kunci: {reason}", "key store: {reason}"),
    "setup.warn.password_not_stored": (
        "kata sandi basis data {account} tidak ada di penyimpanan kunci pengguna ini",
        "the database password of {account} is not in this user's key store",
    ),
}

i18n.register(MESSAGES)
