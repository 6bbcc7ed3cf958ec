"""Messages of the domain layer in Indonesian (first) and English.

The domain raises errors by key with parameters; whoever shows them (the command line, a
station) renders them in the user's language. The Qt stations translate their own widget
text with Qt's tools; this table is for what ``app/`` says, which has no Qt.
"""

from __future__ import annotations

import os
from datetime import date, datetime

LANGUAGES = ("id", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # database and schema
    "db.bad_url": (
        "alamat basis data tidak valid: {url!r} (contoh: sqlite:///C:/Loket/loket.sqlite3 "
        "atau postgresql://user:sandi@server/loket)",
        "invalid database URL: {url!r} (e.g. sqlite:///C:/Loket/loket.sqlite3 "
        "or postgresql://user:password@server/loket)",
    ),
    "db.unreachable": (
        "tidak dapat terhubung ke basis data {url}: {reason}",
        "cannot connect to the database {url}: {reason}",
    ),
    "db.no_file": (
        "basis data {path} tidak ditemukan; buat dengan: loket --db sqlite:///{path} db "
        "upgrade (atau loket demo untuk kantor contoh)",
        "database {path} not found; create it with: loket --db sqlite:///{path} db upgrade "
        "(or loket demo for the demo office)",
    ),
    "db.using_demo": (
        "memakai basis data demo {path} ({default} belum ada; pilih yang lain dengan --db)",
        "using the demo database {path} ({default} does not exist; choose another with --db)",
    ),
    "db.schema_empty": (
        "basis data belum disiapkan; jalankan: loket db upgrade",
        "the database has no schema yet; run: loket db upgrade",
    ),
    "db.schema_outdated": (
        "skema basis data ({current}) lebih lama dari versi program ({head}); "
        "jalankan: loket db upgrade",
        "the database schema ({current}) is older than this program ({head}); "
        "run: loket db upgrade",
    ),
    "db.schema_newer": (
        "skema basis data ({current}) lebih baru dari program ini ({head}); perbarui Loket",
        "the database schema ({current}) is newer than this program ({head}); update Loket",
    ),
    # users
    "user.bad_name": (
        "nama pengguna {name!r} tidak valid: 3-32 huruf kecil, angka, titik, garis bawah "
        "atau tanda hubung, diawali huruf atau angka",
        "invalid user name {name!r}: 3-32 lower-case letters, digits, dots, underscores "
        "or hyphens, starting with a letter or digit",
    ),
    "user.bad_role": (
        "peran {role!r} tidak dikenal; pilih salah satu: {choices}",
        "unknown role {role!r}; choose one of: {choices}",
    ),
    "user.exists": ("pengguna {name!r} sudah ada", "user {name!r} already exists"),
    "user.unknown": ("pengguna {name!r} tidak ditemukan", "no user {name!r}"),
    "user.password_short": (
        "kata sandi terlalu pendek: minimal {min} karakter",
        "password too short: at least {min} characters",
    ),
    "user.password_mismatch": (
        "kedua kata sandi tidak sama",
        "the two passwords do not match",
    ),
    "user.password_missing": (
        "kata sandi tidak diberikan: ketik di terminal atau gunakan --password-stdin",
        "no password given: type it at a terminal or use --password-stdin",
    ),
    "user.locked": (
        "akun {name!r} terkunci sampai {until} karena terlalu banyak percobaan gagal",
        "account {name!r} is locked until {until} after too many failed attempts",
    ),
    "user.bad_login": ("nama pengguna atau kata sandi salah", "wrong user name or password"),
    "user.inactive": ("akun {name!r} tidak aktif", "account {name!r} is disabled"),
    "user.wrong_office": (
        "akun {name!r} terdaftar di kantor lain ({office}), bukan di kantor ini",
        "account {name!r} belongs to another office ({office}), not this one",
    ),
    "user.role_refused": (
        "akun {name!r} adalah petugas loket: di sini hanya supervisor atau administrator "
        "yang dapat masuk",
        "account {name!r} is a counter officer: only a supervisor or an administrator can "
        "sign in here",
    ),
    # offices
    "office.unknown": ("kantor {code!r} tidak ditemukan", "no office {code!r}"),
    "office.required": (
        "ada beberapa kantor; sebutkan dengan --office (pilihan: {choices})",
        "there are several offices; name one with --office (choices: {choices})",
    ),
    # dates on screens (printed documents write theirs in words: printing/dates.py)
    "date.range": ("{start} s.d. {end}", "{start} to {end}"),
    "office.none": (
        "belum ada kantor di basis data ini; muat katalog kantor dulu: loket catalog import "
        "resources/catalog/samsat-kalbar-pontianak-1.yaml (atau katalog kantor Anda)",
        "this database has no office yet; import an office catalog first: loket catalog "
        "import resources/catalog/samsat-kalbar-pontianak-1.yaml (or your office's catalog)",
    ),
    "office.closed": (
        "kantor {code} sedang tutup (jam layanan {hours}, waktu setempat {local})",
        "office {code} is closed (service hours {hours}, local time {local})",
    ),
    # queue
    "queue.unknown_service": (
        "layanan {code!r} tidak ada di kantor {office}",
        "no service {code!r} at office {office}",
    ),
    "queue.unknown_counter": (
        "loket {code!r} tidak ada di kantor {office}",
        "no counter {code!r} at office {office}",
    ),
    "queue.unknown_stage": (
        "tahap {code!r} tidak ada di kantor {office}",
        "no stage {code!r} at office {office}",
    ),
    "queue.unknown_ticket": (
        "nomor antrian {ticket!r} tidak ditemukan hari ini di kantor {office}",
        "ticket {ticket!r} not found today at office {office}",
    ),
    "queue.bad_priority": (
        "alasan prioritas {reason!r} tidak dikenal; pilih: {choices}",
        "unknown priority reason {reason!r}; choose: {choices}",
    ),
    "queue.counter_idle": (
        "loket {counter} tidak sedang melayani siapa pun",
        "counter {counter} is not serving anyone",
    ),
    "queue.counter_busy": (
        "loket {counter} masih melayani {ticket}; selesaikan, parkir atau kembalikan dulu",
        "counter {counter} is still serving {ticket}; finish, hold or return it first",
    ),
    "queue.counter_closed": (
        "loket {counter} tidak aktif", "counter {counter} is not active",
    ),
    "queue.not_waiting": (
        "{ticket} tidak sedang menunggu di tahap yang dilayani loket {counter}",
        "{ticket} is not waiting at a stage counter {counter} serves",
    ),
    "queue.not_held": (
        "{ticket} tidak sedang diparkir di loket {counter}",
        "{ticket} is not on hold at counter {counter}",
    ),
    "queue.not_called": (
        "{ticket} belum dipanggil; hanya nomor yang dipanggil bisa dipanggil ulang atau dilewati",
        "{ticket} has not been called; only a called ticket can be recalled or skipped",
    ),
    "queue.bad_outcome": (
        "hasil {outcome!r} tidak dikenal; pilih: {choices}",
        "unknown outcome {outcome!r}; choose: {choices}",
    ),
    "queue.no_target": (
        "sebutkan tahap tujuan atau loket tujuan",
        "name a target stage or a target counter",
    ),
    "queue.target_stage": (
        "loket {counter} tidak melayani tahap {stage}",
        "counter {counter} does not serve stage {stage}",
    ),
    "queue.not_stuck": (
        "{ticket} tidak sedang dilayani di loket mana pun",
        "{ticket} is not being served at any counter",
    ),
    "queue.appointment_unknown": (
        "kode booking {code!r} tidak ditemukan atau sudah dipakai",
        "booking code {code!r} not found or already used",
    ),
    "queue.appointment_day": (
        "kode booking {code!r} untuk tanggal {day}, bukan hari ini",
        "booking code {code!r} is for {day}, not today",
    ),
    "queue.nobody": ("tidak ada yang menunggu", "nobody is waiting"),
    "queue.bad_time": ("waktu {value!r} tidak valid: {reason}", "invalid time {value!r}: {reason}"),
    # catalog files
    "catalog.file_missing": ("berkas tidak ditemukan", "file not found"),
    "catalog.yaml": ("bukan YAML yang sah: {reason}", "not valid YAML: {reason}"),
    "catalog.format": (
        "format berkas tidak dikenal {found!r}; harus salah satu dari: {expected}",
        "unknown file format {found!r}; must be one of: {expected}",
    ),
    "catalog.missing": ("kolom wajib {field!r} tidak ada", "required field {field!r} is missing"),
    "catalog.unknown_field": (
        "kolom {field!r} tidak dikenal (yang dikenal: {known})",
        "unknown field {field!r} (known: {known})",
    ),
    "catalog.type": (
        "{field!r} harus berupa {expected}, bukan {found}",
        "{field!r} must be {expected}, not {found}",
    ),
    "catalog.empty": ("{field!r} tidak boleh kosong", "{field!r} must not be empty"),
    "catalog.choice": (
        "{field!r} bernilai {value!r}; harus salah satu dari: {choices}",
        "{field!r} is {value!r}; must be one of: {choices}",
    ),
    "catalog.code": (
        "kode {value!r} tidak valid: huruf, angka dan tanda hubung saja",
        "invalid code {value!r}: letters, digits and hyphens only",
    ),
    "catalog.prefix": (
        "awalan nomor antrian {value!r} tidak valid: 1-3 huruf besar",
        "invalid ticket prefix {value!r}: 1-3 capital letters",
    ),
    "catalog.duplicate": (
        "{what} {code!r} ditulis dua kali (pertama di baris {first})",
        "{what} {code!r} appears twice (first on line {first})",
    ),
    "catalog.unknown_stage": (
        "tahap {code!r} tidak didefinisikan di 'stages'",
        "stage {code!r} is not defined under 'stages'",
    ),
    "catalog.unknown_counter": (
        "loket {code!r} tidak didefinisikan di 'counters'",
        "counter {code!r} is not defined under 'counters'",
    ),
    "catalog.unserved_stage": (
        "tidak ada loket yang melayani tahap {code!r}",
        "no counter serves stage {code!r}",
    ),
    "catalog.positive": (
        "{field!r} harus bilangan bulat positif",
        "{field!r} must be a positive whole number",
    ),
    "catalog.range": (
        "batas bawah waktu ({low}) lebih besar dari batas atas ({high})",
        "the lower time bound ({low}) is larger than the upper one ({high})",
    ),
    "catalog.money": (
        "{field!r} harus jumlah rupiah bulat, bukan {value!r}",
        "{field!r} must be a whole number of rupiah, not {value!r}",
    ),
    "catalog.device": (
        "alamat perangkat {value!r} tidak valid: {reason}",
        "invalid device address {value!r}: {reason}",
    ),
    "catalog.more": ("(dan {n} kesalahan lain)", "(and {n} more errors)"),
    # type names used in catalog.type
    "type.text": ("teks", "text"),
    "type.number": ("bilangan bulat", "a whole number"),
    "type.list": ("daftar", "a list"),
    "type.mapping": ("pasangan kolom: nilai", "a mapping of field: value"),
    "type.bool": ("ya/tidak (true/false)", "true/false"),
    "type.date": ("tanggal (YYYY-MM-DD)", "a date (YYYY-MM-DD)"),
    # time standards
    "unit.minutes": ("menit", "minutes"),
    "unit.hours": ("jam", "hours"),
    "unit.days": ("hari", "days"),
    "unit.working_days": ("hari kerja", "working days"),
    "unit.months": ("bulan", "months"),
    "time.none": ("tidak ditetapkan", "not set"),
    "time.per": ("per {n} {what}", "per {n} {what}"),
    # command line
    "cli.bad_args": ("argumen tidak valid: {reason}", "invalid arguments: {reason}"),
    "cli.interrupted": ("dibatalkan", "cancelled"),
    "cli.no_display": (
        "tidak ada layar: jalankan di desktop, atau set QT_QPA_PLATFORM=offscreen untuk uji",
        "no display: run on a desktop, or set QT_QPA_PLATFORM=offscreen for a test",
    ),
    # devices and printing
    "device.bad_connection": (
        "alamat perangkat {value!r} tidak valid: {reason}",
        "invalid device address {value!r}: {reason}",
    ),
    "device.unknown_kind": (
        "jenis perangkat {kind!r} tidak dikenal; pilih: {choices}",
        "unknown device kind {kind!r}; choose: {choices}",
    ),
    "device.bad_listen": (
        "alamat {value!r} tidak bisa dipakai: gunakan pty atau tcp://HOST:PORT",
        "cannot listen on {value!r}: use pty or tcp://HOST:PORT",
    ),
    "device.no_simulator_process": (
        "simulator {kind} tidak berjalan sebagai proses; gunakan sim://?dir=FOLDER",
        "the {kind} simulator does not run as a process; use sim://?dir=FOLDER",
    ),
    "print.failed": (
        "tiket {ticket} mungkin tidak tercetak ({condition}); nomornya tetap berlaku; tidak "
        "dicoba lagi otomatis: periksa printer, lalu tekan cetak ulang (tugas cetak {job})",
        "ticket {ticket} may not have printed ({condition}); the number stays valid; it is not "
        "retried automatically: check the printer, then press reprint (print job {job})",
    ),
    # stations
    "station.counter_required": (
        "stasiun loket memerlukan --counter KODE",
        "a counter station needs --counter CODE",
    ),
    "station.not_available": (
        "stasiun {kind!r} belum tersedia; pilih: {choices}",
        "station {kind!r} is not available yet; choose: {choices}",
    ),
    # the counter desk
    "desk.unknown_visit": ("kunjungan {visit} tidak ditemukan", "no visit {visit}"),
    "desk.visit_closed": (
        "kunjungan {ticket} sudah selesai; persyaratannya tidak bisa diubah lagi",
        "visit {ticket} is closed; its requirements can no longer be changed",
    ),
    "file.cannot_write": ("berkas {file} tidak dapat ditulis: {reason}",
                         "cannot write the file {file}: {reason}"),
    "desk.cancel_needs_supervisor": (
        "tagihan {ticket} belum dibayar: pembatalan perlu supervisor (nama, kata sandi dan "
        "alasan)",
        "the bill of {ticket} is unpaid: cancelling needs a supervisor (name, password and "
        "reason)",
    ),
    # the work of a stage (app/queue/stage_work.py)
    "work.missing": (
        "{ticket} belum bisa meninggalkan tahap {stage}: {missing}",
        "{ticket} cannot leave the stage {stage} yet: {missing}",
    ),
    "work.not_here": (
        "{work} untuk {ticket} hanya bisa dilakukan oleh loket yang sedang memanggil atau "
        "melayani nomor itu; {ticket} {where}",
        "{work} for {ticket} can only be done by the counter calling or serving that number; "
        "{ticket} {where}",
    ),
    "work.where.waiting": ("sedang menunggu di tahap {stage}", "is waiting at the stage {stage}"),
    "work.where.called": ("sedang dipanggil di {counter} (tahap {stage})",
                          "is being called at {counter} (stage {stage})"),
    "work.where.serving": ("sedang dilayani di {counter} (tahap {stage})",
                           "is being served at {counter} (stage {stage})"),
    "work.where.held": ("sedang ditahan di {counter} (tahap {stage})",
                        "is on hold at {counter} (stage {stage})"),
    "work.where.closed": ("sudah selesai", "is already closed"),
    "work.name.samsat-check": ("Cek fisik", "The vehicle check"),
    "work.name.samsat-registration": ("Pendaftaran STNK", "The STNK registration"),
    "work.name.samsat-payment": ("Pembayaran STNK", "The STNK payment"),
    "work.name.samsat-handover": ("Penyerahan STNK", "The STNK hand-over"),
    "work.name.npwpd": ("Pendaftaran NPWPD", "The NPWPD registration"),
    "work.name.tax-payment": ("Pembayaran pajak", "The tax payment"),
    "work.name.perforation": ("Perforasi", "The perforation"),
    "work.name.fiscal": ("Pemeriksaan fiskal", "The tax clearance check"),
    "work.name.casework": ("Permohonan/pengaduan", "The application or complaint"),
    "desk.unknown_requirement": (
        "persyaratan {code!r} bukan persyaratan layanan {ticket}",
        "{code!r} is not a requirement of the service of {ticket}",
    ),
    # identifiers typed at the counters
    "id.nik.empty": ("NIK belum diisi", "the NIK is empty"),
    "id.nik.digits": ("NIK hanya berisi angka: {value!r}", "a NIK has digits only: {value!r}"),
    "id.nik.length": ("NIK harus 16 angka, bukan {length}: {value!r}",
                      "a NIK has 16 digits, not {length}: {value!r}"),
    "id.nik.province": ("kode provinsi {code} pada NIK {value} tidak dikenal",
                        "unknown province code {code} in NIK {value}"),
    "id.nik.region": ("kode kabupaten/kota atau kecamatan pada NIK {value} tidak boleh 00",
                      "the regency or district code in NIK {value} cannot be 00"),
    "id.nik.birth_date": ("tanggal lahir pada NIK {value} tidak valid",
                          "the birth date in NIK {value} is not valid"),
    "id.nik.serial": ("nomor urut pada NIK {value} tidak boleh 0000",
                      "the serial in NIK {value} cannot be 0000"),
    "id.plate.empty": ("nomor polisi belum diisi", "the plate number is empty"),
    "id.plate.format": (
        "nomor polisi {value!r} tidak sesuai format, contoh: KB 1234 AB",
        "plate {value!r} is not in the format, e.g. KB 1234 AB"),
    "id.plate.military": ("pelat TNI/Polri {value!r} tidak dilayani di Samsat",
                          "TNI/Polri plate {value!r} is not served at Samsat"),
    "id.plate.state": ("pelat RI {value!r} (kendaraan negara) tidak dilayani di loket ini",
                       "RI plate {value!r} (state vehicle) is not served at this counter"),
    "id.plate.diplomatic": ("pelat korps diplomatik {value!r} tidak dilayani di loket ini",
                            "diplomatic plate {value!r} is not served at this counter"),
    "id.nop.empty": ("NOP belum diisi", "the NOP is empty"),
    "id.nop.digits": ("NOP hanya berisi angka: {value!r}", "a NOP has digits only: {value!r}"),
    "id.nop.length": ("NOP harus 18 angka, bukan {length}: {value!r}",
                      "a NOP has 18 digits, not {length}: {value!r}"),
    "id.nop.province": ("kode provinsi {code} pada NOP {value} tidak dikenal",
                        "unknown province code {code} in NOP {value}"),
}


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add an area's messages (``app/<area>/messages.py`` calls this when imported).

    A key may be registered once only, so two areas can never silently disagree."""
    clash = sorted(set(messages) & set(MESSAGES))
    if clash:
        raise ValueError(f"message keys registered twice: {', '.join(clash)}")
    for key, texts in messages.items():
        if len(texts) != len(LANGUAGES):
            raise ValueError(f"message {key!r} needs a text in each of {LANGUAGES}")
    MESSAGES.update(messages)


def language() -> str:
    """The language for messages: ``LOKET_LANG`` (``id`` or ``en``), Indonesian by default."""
    lang = os.environ.get("LOKET_LANG", "id").strip().lower()[:2]
    return lang if lang in LANGUAGES else "id"


# one short date per language on every screen: (strftime, Qt's QDateEdit pattern)
DATE_FORMATS: dict[str, tuple[str, str]] = {
    "id": ("%d-%m-%Y", "dd-MM-yyyy"),  # 06-12-2026
    "en": ("%d/%m/%Y", "dd/MM/yyyy"),  # 06/12/2026
}


def short_date(day: date, lang: str | None = None) -> str:
    """A day as every screen writes it: ``06-12-2026`` in Indonesian, ``06/12/2026`` in
    English (a datetime: its day, in whatever zone it is given)."""
    return day.strftime(DATE_FORMATS[lang or language()][0])


def short_date_time(moment: datetime, lang: str | None = None) -> str:
    """A moment as every screen writes it: :func:`short_date` and the time, ``06-12-2026
    14:05`` (give it in the office's zone: it is written as it is)."""
    return f"{short_date(moment, lang)} {moment:%H:%M}"


def date_range(start: date, end: date, lang: str | None = None) -> str:
    """One day, or ``06-12-2026 s.d. 08-12-2026`` (``06/12/2026 to 08/12/2026``)."""
    lang = lang or language()
    if start == end:
        return short_date(start, lang)
    return tr("date.range", lang, start=short_date(start, lang), end=short_date(end, lang))


def date_pattern(lang: str | None = None) -> str:
    """Qt's display pattern for a date picker (``QDateEdit.setDisplayFormat``), the same
    order and separator as :func:`short_date`."""
    return DATE_FORMATS[lang or language()][1]


class Text:
    """A message not rendered yet: a key and its parameters, rendered in the reader's
    language when shown, also as a parameter of another message (a refusal that lists
    the missing steps reads in one language, whichever is asked)."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str | None = None) -> str:
        return tr(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Text({self.key!r}, {self.params!r})"


def _rendered(value: object, lang: str) -> object:
    """A parameter as the reader reads it: a message in their language, a day in their
    date format (a refusal about a period reads as the screen's date picker does)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return short_date(value, lang)
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, (list, tuple)) and any(isinstance(v, Text) for v in value):
        return "; ".join(str(_rendered(v, lang)) for v in value)
    return value


def tr(key: str, lang: str | None = None, /, **params: object) -> str:
    """Render message ``key`` in ``lang`` (default: :func:`language`); a :class:`Text`
    parameter (or a list of them, joined by "; ") is rendered in the same language."""
    lang = lang or language()
    texts = MESSAGES[key]
    template = texts[LANGUAGES.index(lang)]
    return template.format(**{k: _rendered(v, lang) for k, v in params.items()})
