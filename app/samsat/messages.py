"""Messages of the Samsat STNK flow (key -> (Indonesian, English))."""

from __future__ import annotations

from app import i18n

MESSAGES: dict[str, tuple[str, str]] = {
    # the register: vehicles and owners
    "samsat.vehicle.unknown": ("kendaraan {plate} belum terdaftar",
                               "vehicle {plate} is not registered"),
    "samsat.vehicle.exists": ("kendaraan {plate} sudah terdaftar",
                              "vehicle {plate} is already registered"),
    "samsat.person.unknown": ("NIK {nik} belum terdaftar", "NIK {nik} is not registered"),
    "samsat.person.exists": ("NIK {nik} sudah terdaftar atas nama {name}",
                             "NIK {nik} is already registered as {name}"),
    "samsat.owner.unknown": ("pemilik dengan NIK {nik} belum terdaftar; daftarkan dahulu",
                             "no owner with NIK {nik} is registered; register them first"),
    "samsat.field.empty": ("{field} belum diisi", "{field} is empty"),
    "samsat.field.too_long": ("{field} terlalu panjang (paling banyak {max} karakter)",
                              "{field} is too long (at most {max} characters)"),
    "samsat.phone.format": ("nomor telepon hanya angka, spasi, + dan -: {value!r}",
                            "a phone number has digits, spaces, + and - only: {value!r}"),
    "samsat.chassis.format": (
        "nomor rangka harus 6-25 huruf dan angka: {value!r}",
        "a chassis number has 6-25 letters and digits: {value!r}"),
    "samsat.engine.format": (
        "nomor mesin harus 4-25 huruf dan angka: {value!r}",
        "an engine number has 4-25 letters and digits: {value!r}"),
    "samsat.chassis.taken": ("nomor rangka {value} sudah tercatat untuk kendaraan {plate}",
                             "chassis number {value} is already recorded for vehicle {plate}"),
    "samsat.engine.taken": ("nomor mesin {value} sudah tercatat untuk kendaraan {plate}",
                            "engine number {value} is already recorded for vehicle {plate}"),
    "samsat.category": ("jenis kendaraan harus R2, R3 atau R4, bukan {value!r}",
                        "the vehicle category is R2, R3 or R4, not {value!r}"),
    "samsat.usage": ("penggunaan harus pribadi, umum atau dinas, bukan {value!r}",
                     "usage is pribadi, umum or dinas, not {value!r}"),
    "samsat.swdkllj_class": ("golongan SWDKLLJ {value!r} tidak dikenal; pilih: {choices}",
                             "unknown SWDKLLJ class {value!r}; choose: {choices}"),
    "samsat.njkb": ("NJKB harus jumlah rupiah bulat lebih dari nol: {value!r}",
                    "the NJKB is a whole number of rupiah above zero: {value!r}"),
    "samsat.bobot": ("bobot harus angka lebih dari nol dan paling besar 5 (mis. 1 atau 1,05): "
                     "{value!r}",
                     "the bobot is a number above zero and at most 5 (e.g. 1 or 1.05): "
                     "{value!r}"),
    "samsat.year_made": ("tahun pembuatan harus antara 1900 dan {max}: {value!r}",
                         "the year made is between 1900 and {max}: {value!r}"),
    "samsat.engine_cc": ("isi silinder harus bilangan bulat 1-20000 cc: {value!r}",
                         "the engine size is a whole number of 1-20000 cc: {value!r}"),
    "samsat.ownership_order": ("urutan kepemilikan harus bilangan bulat 1-99: {value!r}",
                               "the ownership order is a whole number 1-99: {value!r}"),
    "samsat.date": ("{field}: tanggal tidak sah (tulis TTTT-BB-HH atau HH-BB-TTTT): {value!r}",
                    "{field}: not a date (write YYYY-MM-DD or DD-MM-YYYY): {value!r}"),
    "samsat.dates.order": (
        "masa berlaku STNK ({stnk}) tidak boleh sebelum jatuh tempo pajak ({tax})",
        "the STNK validity ({stnk}) cannot end before the tax due date ({tax})"),
    "samsat.dates.span": (
        "masa berlaku STNK ({stnk}) lebih dari 5 tahun setelah jatuh tempo pajak ({tax})",
        "the STNK validity ({stnk}) is more than 5 years after the tax due date ({tax})"),
    # the visit
    "samsat.visit.unknown": ("kunjungan {visit} tidak ditemukan", "visit {visit} not found"),
    "samsat.visit.closed": ("kunjungan {ticket} sudah ditutup", "visit {ticket} is closed"),
    "samsat.visit.not_stnk": ("layanan {service} bukan layanan STNK",
                              "service {service} is not an STNK service"),
    # cek fisik
    "samsat.check.missing": ("cek fisik kendaraan untuk {ticket} belum dicatat",
                             "no vehicle check is recorded for {ticket}"),
    "samsat.check.mismatch": (
        "cek fisik tidak sesuai ({detail}); kunjungan {ticket} berhenti di loket 1",
        "the vehicle check does not match ({detail}); visit {ticket} stops at loket 1"),
    "samsat.check.other_vehicle": (
        "cek fisik dicatat untuk kendaraan {checked}, bukan {plate}",
        "the check was recorded for vehicle {checked}, not {plate}"),
    "samsat.check.chassis_differs": ("nomor rangka {read} berbeda dengan register {register}",
                                     "chassis number {read} differs from the register "
                                     "{register}"),
    "samsat.check.engine_differs": ("nomor mesin {read} berbeda dengan register {register}",
                                    "engine number {read} differs from the register "
                                    "{register}"),
    "samsat.check.after_registration": (
        "kunjungan {ticket} sudah didaftarkan; cek fisik tidak dapat diubah",
        "visit {ticket} is registered; its vehicle check cannot change"),
    # loket 1
    "samsat.owner.mismatch": ("NIK {nik} bukan pemilik terdaftar kendaraan {plate}",
                              "NIK {nik} is not the registered owner of vehicle {plate}"),
    "samsat.requirements.missing": ("persyaratan belum lengkap: {missing}",
                                    "requirements missing: {missing}"),
    "samsat.case.exists": ("kunjungan {ticket} sudah didaftarkan untuk kendaraan {plate}",
                           "visit {ticket} is already registered for vehicle {plate}"),
    "samsat.case.missing": ("kunjungan {ticket} belum didaftarkan di loket 1",
                            "visit {ticket} has not been registered at loket 1"),
    # loket 2
    "samsat.payment.method": ("cara bayar harus cash, transfer atau billing, bukan {value!r}",
                              "the payment method is cash, transfer or billing, not {value!r}"),
    "samsat.payment.reference": ("pembayaran {method} memerlukan nomor referensi",
                                 "a {method} payment needs a reference number"),
    "samsat.payment.reference_format": (
        "nomor referensi hanya huruf, angka, / dan -, paling banyak 64: {value!r}",
        "a reference has letters, digits, / and - only, at most 64: {value!r}"),
    "samsat.payment.done": ("kunjungan {ticket} sudah dibayar (kuitansi {receipt})",
                            "visit {ticket} is already paid (receipt {receipt})"),
    "samsat.payment.tendered": ("uang diterima {tendered} kurang dari tagihan {total}",
                                "the amount tendered {tendered} is less than the bill {total}"),
    "samsat.payment.tendered_invalid": ("jumlah uang diterima tidak sah: {value!r}",
                                        "not a valid amount tendered: {value!r}"),
    "samsat.payment.tendered_cash_only": ("uang diterima hanya untuk pembayaran tunai",
                                          "an amount tendered is for cash payments only"),
    "samsat.payment.bill_changed": (
        "tagihan berubah dari {expected} menjadi {total}; tampilkan ulang tagihan",
        "the bill changed from {expected} to {total}; show the bill again"),
    "samsat.payment.empty": ("tidak ada tagihan untuk kendaraan {plate}",
                             "nothing is owed for vehicle {plate}"),
    "samsat.payment.bad_bill": ("tagihan kendaraan {plate} tidak sah: {reason}",
                                "the bill of vehicle {plate} is not valid: {reason}"),
    "samsat.number_format": (
        "format nomor {series} di pengaturan kantor (samsat_numbers) tidak sah: {format!r}",
        "the {series} number format in the office settings (samsat_numbers) is not valid: "
        "{format!r}"),
    # loket 3
    "samsat.handover.unpaid": ("kunjungan {ticket} belum dibayar di loket 2",
                               "visit {ticket} has not been paid at loket 2"),
    "samsat.handover.done": ("STNK untuk {ticket} sudah diserahkan pada {at}",
                             "the STNK of {ticket} was handed over at {at}"),
    "samsat.handover.not_endorsed": (
        "STNK belum disahkan dan dicap; belum dapat diserahkan",
        "the STNK is not endorsed and stamped; it cannot be handed over yet"),
    # what a stage still needs before the visit leaves it (app/samsat/rules.py)
    "samsat.step.check": ("cek fisik {ticket} belum disimpan (isi nomor rangka dan mesin, "
                          "lalu Simpan cek fisik)",
                          "the vehicle check of {ticket} is not saved (enter the chassis and "
                          "engine numbers, then Save)"),
    "samsat.step.requirements": (
        "persyaratan belum dicentang: {missing} (jika memang tidak ada, pilih Berkas tidak "
        "lengkap)",
        "requirements not ticked: {missing} (if they are really missing, choose Incomplete "
        "file)"),
    "samsat.step.register": ("{ticket} belum didaftarkan di loket 1 (Daftarkan)",
                             "{ticket} has not been registered at loket 1 (Register)"),
    "samsat.step.pay": ("tagihan {ticket} belum dibayar (Bayar); tagihan yang tidak dibayar "
                        "hanya bisa dibatalkan oleh supervisor dengan alasan",
                        "the bill of {ticket} is not paid (Pay); an unpaid bill can only be "
                        "cancelled by a supervisor, with a reason"),
    "samsat.step.cancel_case": (
        "tagihan {ticket} belum dibayar; pembatalan harus dilakukan supervisor dengan alasan "
        "(loket samsat cancel)",
        "the bill of {ticket} is not paid; a supervisor must cancel it with a reason "
        "(loket samsat cancel)"),
    "samsat.step.paid_not_cancelled": (
        "{ticket} sudah membayar; tidak bisa dibatalkan, lanjutkan ke loket 3",
        "{ticket} has paid; it cannot be cancelled, send it on to loket 3"),
    "samsat.step.handover": ("STNK {ticket} belum dicatat diserahkan (Serahkan STNK)",
                             "the STNK of {ticket} is not recorded as handed over (Hand over)"),
    "samsat.case.cancelled": ("tagihan {ticket} sudah dibatalkan supervisor",
                              "the bill of {ticket} was cancelled by a supervisor"),
    "samsat.cancel.paid": ("{ticket} sudah membayar; tagihan yang sudah dibayar tidak bisa "
                           "dibatalkan", "{ticket} has paid; a paid bill cannot be cancelled"),
    "samsat.cancel.note": ("dibatalkan supervisor: {reason}",
                           "cancelled by a supervisor: {reason}"),
    "samsat.handover.missing": ("STNK untuk {ticket} belum dicatat diserahkan",
                                "the STNK of {ticket} has not been recorded as handed over"),
    # the day-end recap
    "samsat.officer.unknown": ("petugas {name} tidak dikenal", "unknown officer {name}"),
}

i18n.register(MESSAGES)

# field names as the forms label them (used in the messages above)
FIELDS = {
    "name": "nama", "address": "alamat", "phone": "nomor telepon", "make": "merek",
    "model": "tipe", "body_type": "model/jenis", "color": "warna", "fuel": "bahan bakar",
    "chassis_no": "nomor rangka", "engine_no": "nomor mesin",
    "swdkllj_class": "golongan SWDKLLJ", "tax_due_on": "tanggal jatuh tempo pajak",
    "stnk_valid_until": "masa berlaku STNK", "handed_to": "nama penerima",
    "date": "tanggal", "note": "catatan", "reason": "alasan",
}
