"""The words of the command line's text output (issue 17): what ``loket ...`` prints without
``--json``, in the reader's language (``LOKET_LANG``: Indonesian by default, English).

A stage, counter or service is shown by its catalog name (:class:`Names`), a status or a
kind of device by its label (:mod:`app.labels`), a day and a moment as every screen writes
them (:func:`day`, :func:`moment`, in the office's zone). JSON output keeps the codes: only
the text a person reads goes through here.

Cheap to import (:mod:`app.i18n` alone, which :mod:`app.cli.common` loads anyway), so an
area module may import it at its top: ``loket --help`` stays cheap; the office's names are
read only when a command prints text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app.i18n import register, short_date, short_date_time, tr

if TYPE_CHECKING:
    from app.store import Store, UnitOfWork

register({
    # the queue
    "cli.out.issued": ("{ticket}  {service}  {ahead} orang di depan, perkiraan {eta} menit",
                       "{ticket}  {service}  {ahead} ahead, about {eta} min"),
    "cli.out.call_next": ("Dipanggil", "Called"),
    "cli.out.call_ticket": ("Dipanggil", "Called"),
    "cli.out.recall": ("Dipanggil ulang", "Called again"),
    "cli.out.start": ("Mulai dilayani", "Service started"),
    "cli.out.skip": ("Dilewati", "Skipped"),
    "cli.out.hold": ("Ditahan", "Put on hold"),
    "cli.out.resume": ("Dilanjutkan", "Resumed"),
    "cli.out.return_to_queue": ("Dikembalikan ke antrian", "Back in the queue"),
    "cli.out.transfer": ("Dialihkan", "Transferred"),
    "cli.out.finish": ("Tahap selesai", "Stage ended"),
    "cli.out.take_back": ("Dikembalikan ke antrian", "Back in the queue"),
    "cli.out.take_over": ("Diambil alih", "Taken over"),
    "cli.out.grant_priority": ("Prioritas diberikan", "Priority granted"),
    "cli.out.check_in": ("Booking menjadi nomor antrian", "Booking turned into a ticket"),
    "cli.out.next_stage": ("lanjut ke {stage}", "next: {stage}"),
    "cli.out.waiting": ("{count} menunggu", "{count} waiting"),
    "cli.out.open": ("buka", "open"),
    "cli.out.closed": ("tutup", "closed"),
    "cli.out.serving": ("melayani {ticket}", "serving {ticket}"),
    "cli.out.held": ("ditahan: {tickets}", "on hold: {tickets}"),
    "cli.out.counter_open": ("{counter}: dibuka", "{counter}: open"),
    "cli.out.counter_closed": ("{counter}: ditutup", "{counter}: closed"),
    "cli.out.booked": ("Booking {code}: {service}, {at}", "Booking {code}: {service}, {at}"),
    "cli.out.day_closed": ("Hari ditutup: {day}, {count} kunjungan tidak terlayani",
                           "Day closed: {day}, visits not served: {count}"),
    "cli.out.day_opened": ("Hari dibuka lagi: {day}", "Day open again: {day}"),
    "cli.out.recovered": ("Kembali ke antrian: {tickets}", "Back in the queue: {tickets}"),
    "cli.out.none": ("tidak ada", "none"),
    # catalogs, the database, users
    "cli.out.imported": ("{file}: {office}, {created} baru, {updated} diubah, "
                         "{deactivated} dinonaktifkan",
                         "{file}: {office}, new {created}, changed {updated}, "
                         "deactivated {deactivated}"),
    "cli.out.db_upgraded": ("{database}: skema {before} menjadi {after}",
                            "{database}: schema {before} now {after}"),
    "cli.out.db_status": ("{database}: {status} (skema {current}, program {head})",
                          "{database}: {status} (schema {current}, program {head})"),
    "cli.out.db.current": ("mutakhir", "up to date"),
    "cli.out.db.empty": ("kosong, belum disiapkan", "empty, no schema yet"),
    "cli.out.db.outdated": ("perlu diperbarui", "needs an upgrade"),
    "cli.out.db.newer": ("lebih baru dari program ini", "newer than this program"),
    "cli.out.roles_head": ("{database}: tabel dimiliki {owner}; audit_log hanya bisa ditambah",
                           "{database}: tables owned by {owner}; audit_log append-only"),
    "cli.out.role_created": ("dibuat", "created"),
    "cli.out.role_exists": ("sudah ada", "exists"),
    "cli.out.role_password_shown": ("kata sandi {password} (hanya ditampilkan sekali ini)",
                                    "password {password} (shown once)"),
    "cli.out.role_password_set": ("kata sandi dipasang", "password set"),
    "cli.out.role_password_kept": ("kata sandi tidak diubah", "password unchanged"),
    "cli.out.role_admin": ("bertindak sebagai {owner} (migrasi, konfigurasi)",
                           "acts as {owner} (migrations, configuration)"),
    "cli.out.role_writes": ("membaca {read} tabel, menulis {count}: {tables}",
                            "reads {read} tables, writes {count}: {tables}"),
    "cli.out.role_reads": ("membaca {read} tabel, tidak menulis apa pun",
                           "reads {read} tables, writes none"),
    # devices and printing
    "cli.out.job": ("{what}: {state} (pekerjaan cetak {job})", "{what}: {state} (print job {job})"),
    "cli.out.job_line": ("Pekerjaan cetak {job}: {state} {error}",
                         "Print job {job}: {state} {error}"),
    "cli.out.failed_job": ("{job:>6} {kind:<16} kunjungan {visit:<6} {error}",
                           "{job:>6} {kind:<16} visit {visit:<6} {error}"),
    "cli.out.error.unconfirmed": ("tidak pasti tercetak (pengirimnya berhenti)",
                                  "not known to be printed (its sender stopped)"),
    "cli.out.jobkind.ticket": ("Tiket antrian", "Queue ticket"),
    "cli.out.jobkind.ticket.reprint": ("Cetak ulang tiket", "Ticket reprint"),
    "cli.out.jobkind.card.npwpd": ("Kartu NPWPD", "NPWPD card"),
    "cli.out.jobkind.card.npwpd.reprint": ("Cetak ulang kartu NPWPD", "NPWPD card reprint"),
    "cli.out.no_failed_jobs": ("Tidak ada pekerjaan cetak yang gagal", "No failed print jobs"),
    "cli.out.simulator": ("Simulator printer tiket siap di {address}",
                          "Ticket printer simulator ready at {address}"),
    # Samsat
    "cli.out.vehicle_added": ("{plate} terdaftar (nomor {id})", "{plate} registered (number {id})"),
    "cli.out.person_added": ("{nik} {name} terdaftar", "{nik} {name} registered"),
    "cli.out.check_passed": ("{ticket}: cek fisik sesuai", "{ticket}: physical check matches"),
    "cli.out.check_failed": ("{ticket}: cek fisik TIDAK SESUAI",
                             "{ticket}: physical check DOES NOT MATCH"),
    "cli.out.check_unknown": ("{ticket}: cek fisik belum dibandingkan",
                              "{ticket}: physical check not compared yet"),
    "cli.out.case_registered": ("{ticket}: terdaftar ({plate})", "{ticket}: registered ({plate})"),
    "cli.out.total": ("Jumlah", "Total"),
    "cli.out.paid": ("SKPD {skpd}  kuitansi {receipt}", "SKPD {skpd}  receipt {receipt}"),
    "cli.out.handover": (
        "{ticket}: STNK diserahkan kepada {to}; {minutes} menit ({verdict})",
        "{ticket}: STNK handed to {to}; {minutes} min ({verdict})"),
    "cli.out.within": ("dalam standar {standard} menit", "within the {standard}-minute standard"),
    "cli.out.over": ("MELEBIHI standar {standard} menit", "OVER the {standard}-minute standard"),
    "cli.out.no_time_standard": ("tanpa standar", "no standard"),
    "cli.out.bill_cancelled": ("{ticket}: tagihan dibatalkan ({reason})",
                               "{ticket}: bill cancelled ({reason})"),
    "cli.out.recap": ("{officer} {day}: {count} pembayaran", "{officer} {day}: payments: {count}"),
    # a Samsat case (app.samsat.flow.CaseView.status)
    "cli.out.case.new": ("Belum didaftarkan", "Not registered yet"),
    "cli.out.case.checked": ("Sudah cek fisik", "Physically checked"),
    "cli.out.case.registered": ("Terdaftar", "Registered"),
    "cli.out.case.paid": ("Sudah dibayar", "Paid"),
    "cli.out.case.handed_over": ("STNK sudah diserahkan", "STNK handed over"),
    "cli.out.case.cancelled": ("Tagihan dibatalkan", "Bill cancelled"),
    # a vehicle's fields (loket samsat vehicle show)
    "cli.out.vehicle.plate": ("Nomor polisi", "Plate"),
    "cli.out.vehicle.category": ("Jenis kendaraan", "Category"),
    "cli.out.vehicle.swdkllj_class": ("Golongan SWDKLLJ", "SWDKLLJ class"),
    "cli.out.vehicle.usage": ("Penggunaan", "Use"),
    "cli.out.vehicle.make": ("Merek", "Make"),
    "cli.out.vehicle.model": ("Tipe", "Model"),
    "cli.out.vehicle.body_type": ("Bentuk", "Body"),
    "cli.out.vehicle.year_made": ("Tahun pembuatan", "Year made"),
    "cli.out.vehicle.engine_cc": ("Isi silinder (cc)", "Engine (cc)"),
    "cli.out.vehicle.color": ("Warna", "Colour"),
    "cli.out.vehicle.fuel": ("Bahan bakar", "Fuel"),
    "cli.out.vehicle.chassis_no": ("Nomor rangka", "Chassis number"),
    "cli.out.vehicle.engine_no": ("Nomor mesin", "Engine number"),
    "cli.out.vehicle.njkb": ("NJKB", "NJKB"),
    "cli.out.vehicle.bobot": ("Bobot", "Weight factor"),
    "cli.out.vehicle.ownership_order": ("Kepemilikan ke-", "Ownership number"),
    "cli.out.vehicle.tax_due_on": ("Jatuh tempo pajak", "Tax due"),
    "cli.out.vehicle.stnk_valid_until": ("STNK berlaku s.d.", "STNK valid until"),
    "cli.out.vehicle.owner": ("Pemilik", "Owner"),
    # Bapenda
    "cli.out.npwpd": ("{npwpd}  {name}  ({tax})  surat {letter}",
                      "{npwpd}  {name}  ({tax})  letter {letter}"),
    "cli.out.deactivated": ("{npwpd}  nonaktif  ({reason})", "{npwpd}  deactivated  ({reason})"),
    "cli.out.assessed": ("{number}  {npwpd}  {amount}  jatuh tempo {due}",
                         "{number}  {npwpd}  {amount}  due {due}"),
    "cli.out.months_late": ("{months} bulan terlambat", "{months} months late"),
    "cli.out.lunas": ("lunas", "paid"),
    "cli.out.taxpayer_status.active": ("aktif", "active"),
    "cli.out.taxpayer_status.inactive": ("nonaktif", "deactivated"),
    "cli.out.document.npwpd_letter": ("Surat NPWPD", "NPWPD letter"),
    # a taxpayer's fields (loket npwpd show)
    "cli.out.taxpayer.npwpd": ("NPWPD", "NPWPD"),
    "cli.out.taxpayer.kind_name": ("Jenis Wajib Pajak", "Kind of taxpayer"),
    "cli.out.taxpayer.name": ("Nama", "Name"),
    "cli.out.taxpayer.owner_name": ("Pemilik", "Owner"),
    "cli.out.taxpayer.nik": ("NIK", "NIK"),
    "cli.out.taxpayer.nib": ("NIB", "NIB"),
    "cli.out.taxpayer.npwp": ("NPWP", "NPWP"),
    "cli.out.taxpayer.tax_type_name": ("Jenis pajak", "Tax"),
    "cli.out.taxpayer.address": ("Alamat", "Address"),
    "cli.out.taxpayer.district": ("Kecamatan", "District"),
    "cli.out.taxpayer.village": ("Kelurahan/desa", "Village"),
    "cli.out.taxpayer.phone": ("Telepon", "Telephone"),
    "cli.out.taxpayer.status": ("Status", "Status"),
    "cli.out.taxpayer.registered": ("Didaftarkan", "Registered"),
    "cli.out.taxpayer.deactivated": ("Dinonaktifkan", "Deactivated"),
    "cli.out.taxpayer.deactivation_label": ("Alasan nonaktif", "Why deactivated"),
    "cli.out.taxpayer.deactivation_note": ("Catatan", "Note"),
    "cli.out.taxpayer.requirements": ("Persyaratan", "Requirements"),
    "cli.out.taxpayer.letter_number": ("Nomor surat", "Letter number"),
    "cli.out.taxpayer.documents": ("Dokumen", "Documents"),
    "cli.out.unpaid": ("belum dibayar", "unpaid"),
    # casework
    "cli.out.applicant": ("pemohon", "applicant"),
    "cli.out.subject": ("perihal", "subject"),
    "cli.out.received": ("diterima", "received"),
    "cli.out.received_by": ("{at} oleh {by}", "{at} by {by}"),
    "cli.out.due": ("jatuh tempo", "due"),
    "cli.out.holder": ("pemegang", "holder"),
    "cli.out.decided_by": ("diputus", "decided by"),
    "cli.out.reporter": ("pelapor", "reporter"),
    "cli.out.content": ("isi", "text"),
    "cli.out.deadline": ("batas", "deadline"),
    "cli.out.answer": ("tanggapan", "answer"),
    "cli.out.resolved": ("selesai", "resolved"),
    "cli.out.all_offices": ("semua kantor", "all offices"),
    **{f"cli.out.weekday.{n}": names for n, names in enumerate((
        ("Senin", "Mon"), ("Selasa", "Tue"), ("Rabu", "Wed"), ("Kamis", "Thu"),
        ("Jumat", "Fri"), ("Sabtu", "Sat"), ("Minggu", "Sun")))},
    # fiscal
    "cli.out.fiscal_imported": ("{source}: {rows} baris, per {as_of}",
                                "{source}: {rows} rows, as of {as_of}"),
    "cli.out.fiscal_replaced": (" (menggantikan data per {as_of}, {rows} baris)",
                                " (replacing the data as of {as_of}, {rows} rows)"),
    "cli.out.batch": ("{id:>5} {source:<20} per {as_of} {rows:>7} baris {file}",
                      "{id:>5} {source:<20} as of {as_of} {rows:>7} rows {file}"),
    "cli.out.batch_replaced": (" (diganti)", " (replaced)"),
    "cli.out.fiscal_result": ("{result} (pemeriksaan {check})", "{result} (check {check})"),
    "cli.out.months": ("{months} bln", "{months} mo"),
    "cli.out.fiscal_source": ("data {source} per {as_of}", "{source} data as of {as_of}"),
    "cli.out.verify_code": ("kode verifikasi: {code}", "verification code: {code}"),
    "cli.out.valid": ("SAH", "VALID"),
    "cli.out.invalid": ("TIDAK BERLAKU", "NOT VALID"),
    "cli.out.revoked": ("{code}: dicabut", "{code}: revoked"),
    # app.fiscal.clearance: a letter's kind, a check's result, the key a check is by
    "cli.out.letter.certificate": ("Surat keterangan bebas tunggakan",
                                   "Certificate of no arrears"),
    "cli.out.letter.arrears": ("Surat keterangan tunggakan", "Statement of arrears"),
    "cli.out.result.clear": ("BEBAS TUNGGAKAN", "NO ARREARS"),
    "cli.out.result.not-clear": ("ADA TUNGGAKAN", "ARREARS"),
    "cli.out.result.no-data": ("DATA TUNGGAKAN BELUM TERSEDIA", "NO ARREARS DATA YET"),
    "cli.out.key.nik": ("NIK", "NIK"),
    "cli.out.key.npwpd": ("NPWPD", "NPWPD"),
    "cli.out.key.nop": ("NOP PBB-P2", "NOP PBB-P2"),
    "cli.out.key.plate": ("Nomor Polisi", "Plate"),
    # perforation
    "cli.out.perforation": (
        "{number} {status}: {npwpd} {name} {media} seri {series} {first}-{last} "
        "({sheets} lembar), terhitung {counted}{good}, batas {due}",
        "{number} {status}: {npwpd} {name} {media} series {series} {first}-{last} "
        "({sheets} sheets), counted {counted}{good}, due {due}"),
    "cli.out.good": (", baik {good}", ", good {good}"),
    "cli.out.late": (" TERLAMBAT", " LATE"),
    "cli.out.reconciled": (
        "{number}: diajukan {sheets}, terhitung {counted}, kurang {short}, lebih {extra}, "
        "rusak {damaged}, baik {good} ({result})",
        "{number}: requested {sheets}, counted {counted}, short {short}, extra {extra}, "
        "damaged {damaged}, good {good} ({result})"),
    "cli.out.picked_up": ("{number}: diambil oleh {by}", "{number}: picked up by {by}"),
    "cli.out.series": ("{media} seri {series}", "{media} series {series}"),
    "cli.out.sheets": ("{count} lembar", "{count} sheets"),
    "cli.out.grand_total": ("Seluruhnya", "Altogether"),
    # a perforation request's status (app.perforation.rules.STATUS_TEXT) and reconciliation
    "cli.out.perforation_status.requested": ("diajukan", "requested"),
    "cli.out.perforation_status.counting": ("sedang dihitung", "being counted"),
    "cli.out.perforation_status.counted": ("selesai dihitung", "counted"),
    "cli.out.perforation_status.interrupted": ("hitungan terhenti", "count interrupted"),
    "cli.out.perforation_status.reconciled": ("sudah dicocokkan", "reconciled"),
    "cli.out.perforation_status.picked_up": ("sudah diambil", "picked up"),
    "cli.out.perforation_status.cancelled": ("dibatalkan", "cancelled"),
    "cli.out.reconcile.sesuai": ("sesuai", "matches"),
    "cli.out.reconcile.selisih": ("selisih", "differs"),
    # IKM
    "cli.out.ikm_head": ("{survey}: {respondents} responden, bobot {weight}",
                         "{survey}: {respondents} respondents, weight {weight}"),
    "cli.out.ikm_imported": ("{count} kuesioner dimuat dari {file}",
                             "questionnaires loaded from {file}: {count}"),
    "cli.out.ikm_report": ("{office} {period}: {visitors} pengunjung, sampel minimal {needed}",
                           "{office} {period}: {visitors} visitors, minimum sample {needed}"),
    "cli.out.ikm_none": ("belum ada jawaban survei", "no survey answers yet"),
    "cli.out.respondents": ("{count} responden ({enough})", "{count} respondents ({enough})"),
    "cli.out.enough": ("cukup", "enough"),
    "cli.out.not_enough": ("belum cukup", "not enough yet"),
    "cli.out.weight": ("bobot {weight}", "weight {weight}"),
    # reports
    "cli.out.summarized": ("{office} {period}: {written} hari diringkas, {present} sudah ada",
                           "{office} {period}: days summarized {written}, already there "
                           "{present}"),
    "cli.out.open_days": (", {count} hari masih ada kunjungan terbuka",
                          ", days with visits still open: {count}"),
    # tariffs
    "cli.out.stnk_bill": ("Tagihan STNK {plate} per {on}", "STNK bill {plate} on {on}"),
    "cli.out.year": ("Tahun", "Year"),
    "cli.out.item": ("Uraian", "Item"),
    "cli.out.amount": ("Jumlah", "Amount"),
    "cli.out.basis": ("Dasar perhitungan:", "How it is worked out:"),
    # where a setting came from (loket config show)
    "cli.out.file_missing": ("(belum ada)", "(missing)"),
    "cli.out.source.file": ("berkas", "file"),
    "cli.out.source.keyring": ("penyimpan kunci sistem", "system key store"),
    "cli.out.source.default": ("bawaan", "default"),
    "cli.out.source.demo": ("basis data demo", "demo database"),
    # the demo
    "cli.out.demo_offices": ("kantor: {offices}", "offices: {offices}"),
    "cli.out.demo_services": ("layanan: {count}", "services: {count}"),
    "cli.out.demo_users": ("pengguna: {users} (kata sandi: {password})",
                           "users: {users} (password: {password})"),
    "cli.out.demo_stations": ("stasiun {office}, satu per jendela atau terminal:",
                              "stations of {office}, one per window or terminal:"),
    # setup
    "cli.out.config_test": ("{database}: {status}; kantor: {offices}",
                            "{database}: {status}; offices: {offices}"),
})


def phrase(key: str, /, **params: object) -> str:
    """The message ``key`` in the reader's language."""
    return tr(key, **params)


def word(prefix: str, code: object) -> str:
    """The word of ``code`` among the messages ``<prefix>.<code>``; the code itself when
    there is none (a status added tomorrow shows as itself rather than failing)."""
    from app.i18n import MESSAGES

    key = f"{prefix}.{code}"
    return tr(key) if key in MESSAGES else str(code)


def day(value: date | str | None) -> str:
    """A day as the screens write it (``06-12-2026`` / ``06/12/2026``); an ISO text is read
    first; none is ``-``."""
    if value is None or value == "":
        return "-"
    if isinstance(value, str):
        if "T" in value or " " in value.strip():
            return moment(value)
        value = date.fromisoformat(value)
    return short_date(value)


def moment(value: datetime | str | None, zone: Any = None) -> str:
    """A moment as the screens write it, in the office's ``zone`` (a moment with no zone
    given is written in the zone it carries: the services give local times with their
    offset); none is ``-``."""
    if value is None or value == "":
        return "-"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if zone is not None and value.tzinfo is not None:
        from app.clock import local

        value = local(value, zone)
    return short_date_time(value)


def period(start: date, end: date) -> str:
    """``06-12-2026 s.d. 08-12-2026`` (one day alone)."""
    from app.i18n import date_range

    return date_range(start, end)


def status(code: object) -> str:
    """A visit's or a stage record's status by its label."""
    from app import labels

    return labels.status_label(code)  # type: ignore[arg-type]


@dataclass
class Names:
    """One office's catalog words: its stages, counters and services by code, in the
    reader's language (a code the catalog does not know shows as itself)."""

    office: str = ""
    office_name: str = ""
    zone: Any = None
    stages: dict[str, str] = field(default_factory=dict)
    counters: dict[str, str] = field(default_factory=dict)
    services: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, uow: UnitOfWork, office_code: str | None) -> Names:
        """The words of ``office_code`` (the one office when None)."""
        from app.labels import catalog_name
        from app.queue.config import resolve_office

        office = resolve_office(uow.session, office_code)
        return cls(
            office=office.code, office_name=office.name, zone=office.zone,
            stages={s.code: catalog_name(s.name, s.name_en) for s in office.stages},
            counters={c.code: c.name for c in office.counters},
            services={s.code: catalog_name(s.name, s.name_en) for s in office.services})

    @classmethod
    def of(cls, store: Store, office_code: str | None) -> Names:
        """:meth:`read` in a read-only unit of work of its own."""
        with store.uow(read_only=True) as uow:
            return cls.read(uow, office_code)

    def stage(self, code: str | None) -> str:
        return "" if not code else self.stages.get(code, code)

    def counter(self, code: str | None) -> str:
        return "" if not code else self.counters.get(code, code)

    def service(self, code: str | None) -> str:
        return "" if not code else self.services.get(code, code)

    def when(self, value: datetime | str | None) -> str:
        """A moment in this office's zone."""
        return moment(value, self.zone)


def names_for(args: Any) -> Names:
    """The words of the command's office (``--office``, else the one office), read once per
    command from its database (``args.cli_store``, :func:`app.cli.common.open_store`), after
    the command's own work: the store is closed again when read."""
    found = getattr(args, "cli_words", None)
    if found is None:
        store = args.cli_store
        try:
            found = Names.of(store, getattr(args, "office", None))
        finally:
            store.close()
        args.cli_words = found
    return found
