<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../ui/demo.py" line="65"/>
        <source>time.none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogWindow</name>
    <message>
        <location filename="../../ui/demo.py" line="31"/>
        <location filename="../../ui/demo.py" line="34"/>
        <source>Loket — Kantor Demo</source>
        <translation>Loket — Demo office</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="41"/>
        <source>Pengguna demo: {users} — kata sandi: {password}</source>
        <translation>Demo users: {users} — password: {password}</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="58"/>
        <source>Awalan</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="58"/>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="58"/>
        <source>Waktu penyelesaian</source>
        <translation>Time standard</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="59"/>
        <source>Tahapan</source>
        <translation>Stages</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="59"/>
        <source>Persyaratan</source>
        <translation>Requirements</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../ui/counter.py" line="217"/>
        <source>Loket — {counter}</source>
        <translation>Loket — {counter}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="261"/>
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="294"/>
        <source>Belum ada nomor yang dipanggil.</source>
        <translation>No number called yet.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="329"/>
        <source>Persyaratan (centang yang dibawa)</source>
        <translation>Requirements (tick what was brought)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="336"/>
        <source>Panel kerja</source>
        <translation>Work panel</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="339"/>
        <source>Panel kerja tahap ini akan tampil di sini.</source>
        <translation>This stage&apos;s work panel will appear here.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="345"/>
        <source>Antrean menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="348"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="348"/>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="348"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="349"/>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="349"/>
        <location filename="../../ui/counter.py" line="802"/>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="352"/>
        <source>Ditahan di loket ini</source>
        <translation>Held at this counter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="355"/>
        <source>Lanjutkan</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="364"/>
        <source>Riwayat kunjungan</source>
        <translation>Visit history</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="367"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="367"/>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="367"/>
        <source>Tempat</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="368"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="397"/>
        <location filename="../../ui/counter.py" line="425"/>
        <source>Terjadi kesalahan: {error}</source>
        <translation>An error occurred: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="400"/>
        <source>Konfirmasi</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="413"/>
        <source>Isi nama pengguna dan kata sandi.</source>
        <translation>Enter user name and password.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="429"/>
        <source>Akun {name} terdaftar di kantor {office}, bukan di kantor ini.</source>
        <translation>Account {name} belongs to office {office}, not this one.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="436"/>
        <source>Petugas: {name}</source>
        <translation>Officer: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="440"/>
        <source>Selamat bekerja, {name}.</source>
        <translation>Welcome, {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="497"/>
        <source>{action} belum bisa dilakukan: nomor {ticket} {status}.</source>
        <translation>{action} is not possible yet: number {ticket} {status}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="506"/>
        <source>Tidak ada yang menunggu.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="508"/>
        <source>Memanggil {ticket}.</source>
        <translation>Calling {ticket}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="514"/>
        <source>{ticket} tidak hadir setelah {n} kali panggilan.</source>
        <translation>{ticket} did not come after {n} calls.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="517"/>
        <source>Memanggil ulang {ticket} ({n}).</source>
        <translation>Calling {ticket} again ({n}).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="522"/>
        <source>Melayani {ticket}.</source>
        <translation>Serving {ticket}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="527"/>
        <source>Tandai {ticket} tidak hadir? Nomor ini ditutup.</source>
        <translation>Mark {ticket} as no-show? The number is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="530"/>
        <source>{ticket} ditandai tidak hadir.</source>
        <translation>{ticket} marked as no-show.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="535"/>
        <source>{ticket} ditahan; lanjutkan dari daftar Ditahan.</source>
        <translation>{ticket} is on hold; resume it from the Held list.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="542"/>
        <source>Pilih nomor yang ditahan untuk dilanjutkan.</source>
        <translation>Choose a held number to resume.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="546"/>
        <source>Melanjutkan {ticket}.</source>
        <translation>Resuming {ticket}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="560"/>
        <source>{ticket} dialihkan ke {target}.</source>
        <translation>{ticket} transferred to {target}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="566"/>
        <source>{ticket} dikembalikan ke antrean.</source>
        <translation>{ticket} returned to the queue.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="573"/>
        <source>{ticket} selesai di sini, lanjut ke {stage}.</source>
        <translation>{ticket} done here, on to {stage}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="576"/>
        <source>{ticket} selesai dilayani.</source>
        <translation>{ticket} served.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="582"/>
        <source>Batalkan layanan {ticket}? Nomor ini ditutup.</source>
        <translation>Cancel the service of {ticket}? The number is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="586"/>
        <source>{ticket} dibatalkan.</source>
        <translation>{ticket} cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="592"/>
        <source>Tutup {ticket} sebagai berkas tidak lengkap?</source>
        <translation>Close {ticket} as documents incomplete?</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="596"/>
        <source>{ticket} ditutup: berkas tidak lengkap.</source>
        <translation>{ticket} closed: documents incomplete.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="600"/>
        <source>(semua dicentang)</source>
        <translation>(all ticked)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="602"/>
        <source>Berkas {ticket} tidak lengkap. Yang belum ada:
{missing}

Nomor ini ditutup dan slip kekurangan berkas dicetak. Lanjutkan?</source>
        <translation>The documents of {ticket} are incomplete. Missing:
{missing}

The number is closed and a slip of what is missing is printed. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="612"/>
        <source>{ticket} ditutup: berkas tidak lengkap. Slip dicetak.</source>
        <translation>{ticket} closed: documents incomplete. Slip printed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="615"/>
        <source>{ticket} ditutup: berkas tidak lengkap. Slip disimpan: {path}</source>
        <translation>{ticket} closed: documents incomplete. Slip saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="617"/>
        <source>Printer gagal ({error}). </source>
        <translation>Printer failed ({error}). </translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="679"/>
        <source>Dipanggil, menunggu pengunjung datang</source>
        <translation>Called, waiting for the visitor</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="680"/>
        <source>Sedang dilayani</source>
        <translation>Being served</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="683"/>
        <source>Lansia</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="683"/>
        <source>Disabilitas</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="684"/>
        <source>Ibu hamil</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="684"/>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="691"/>
        <source>Tidak ada nomor yang sedang dilayani</source>
        <translation>No number being served</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="692"/>
        <source>Tekan F1 untuk memanggil nomor berikutnya.</source>
        <translation>Press F1 to call the next number.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="702"/>
        <source>Tahap: {stage}</source>
        <translation>Stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="705"/>
        <source> (dipanggil ulang {n}×)</source>
        <translation> (called again {n}×)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="708"/>
        <source>PRIORITAS: {reason}</source>
        <translation>PRIORITY: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="721"/>
        <source>Sejak ambil nomor: {time}</source>
        <translation>Since the ticket: {time}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="726"/>
        <source>Tanpa waktu standar</source>
        <translation>No time standard</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="728"/>
        <source>Lewat waktu standar {time}</source>
        <translation>Over the time standard by {time}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="731"/>
        <source>Sisa waktu standar {time}</source>
        <translation>Time standard left {time}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="763"/>
        <source>Dicentang oleh {who}, {at}</source>
        <translation>Ticked by {who}, {at}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="769"/>
        <source>Antrean menunggu ({n})</source>
        <translation>Waiting ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="775"/>
        <source> (untuk loket ini)</source>
        <translation> (for this counter)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="795"/>
        <source>Ambil nomor</source>
        <translation>Ticket taken</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="795"/>
        <source>Dipanggil</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="796"/>
        <source>Dipanggil ulang</source>
        <translation>Called again</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="796"/>
        <source>Mulai dilayani</source>
        <translation>Service started</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="797"/>
        <source>Ditahan</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="797"/>
        <source>Dilanjutkan</source>
        <translation>Resumed</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="798"/>
        <source>Dialihkan</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="798"/>
        <source>Keluar (dialihkan)</source>
        <translation>Left (transferred)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="799"/>
        <source>Selesai di tahap</source>
        <translation>Stage finished</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="799"/>
        <source>Masuk tahap</source>
        <translation>Entered stage</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="800"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="800"/>
        <source>Berkas tidak lengkap</source>
        <translation>Documents incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="801"/>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="801"/>
        <source>Tidak hadir</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="802"/>
        <source>Kembali ke antrean</source>
        <translation>Back to the queue</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="803"/>
        <source>Ditarik supervisor</source>
        <translation>Taken back by the supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="803"/>
        <source>Diambil alih</source>
        <translation>Taken over</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="804"/>
        <source>Dipulihkan</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="804"/>
        <source>Tidak terlayani</source>
        <translation>Not served</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="809"/>
        <source>Centang: {code}</source>
        <translation>Ticked: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="810"/>
        <source>Hapus centang: {code}</source>
        <translation>Unticked: {code}</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../ui/display.py" line="99"/>
        <source>Layar antrian</source>
        <translation>Queue display</translation>
    </message>
    <message>
        <location filename="../../ui/display.py" line="148"/>
        <source>Panggilan terakhir</source>
        <translation>Last calls</translation>
    </message>
    <message>
        <location filename="../../ui/display.py" line="150"/>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/display.py" line="177"/>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/display.py" line="179"/>
        <source>Selamat datang. Silakan ambil nomor antrian dan tunggu panggilan.</source>
        <translation>Welcome. Please take a number and wait to be called.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk.py" line="207"/>
        <source>Kios antrian</source>
        <translation>Queue kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="249"/>
        <source>Lansia (60 tahun ke atas)</source>
        <translation>Elderly (60 years and over)</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="250"/>
        <source>Penyandang disabilitas</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="251"/>
        <source>Ibu hamil</source>
        <translation>Pregnant woman</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="252"/>
        <source>Anak-anak</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="257"/>
        <source>kertas printer habis</source>
        <translation>printer out of paper</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="258"/>
        <source>kertas printer hampir habis</source>
        <translation>printer paper low</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="259"/>
        <source>printer tidak siap</source>
        <translation>printer not ready</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="260"/>
        <source>tutup printer terbuka</source>
        <translation>printer cover open</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="261"/>
        <source>kertas printer macet</source>
        <translation>printer paper jammed</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="262"/>
        <source>printer tidak menjawab</source>
        <translation>printer not answering</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="263"/>
        <source>printer tidak terhubung</source>
        <translation>printer not connected</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="264"/>
        <source>gangguan printer</source>
        <translation>printer fault</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="324"/>
        <source>Silakan pilih layanan untuk mengambil nomor antrian</source>
        <translation>Please choose a service to take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="332"/>
        <source>Batalkan prioritas</source>
        <translation>Cancel priority</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="344"/>
        <source>Bawa: %1</source>
        <translation>Bring: %1</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="347"/>
        <location filename="../../ui/kiosk.py" line="698"/>
        <source>Tidak ada persyaratan khusus</source>
        <translation>No special requirements</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="351"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="365"/>
        <source>Belum ada layanan yang dapat diambil di kios ini. Silakan hubungi petugas.</source>
        <translation>No service can be taken at this kiosk yet. Please ask an officer.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="378"/>
        <source>Layanan prioritas: lansia, disabilitas, ibu hamil, anak-anak</source>
        <translation>Priority service: elderly, disabilities, pregnant women, children</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="393"/>
        <source>Layanan prioritas</source>
        <translation>Priority service</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="395"/>
        <source>Pengunjung lanjut usia, penyandang disabilitas, ibu hamil dan anak-anak dilayani lebih dahulu (UU 25/2009). Pilih salah satu:</source>
        <translation>Elderly visitors, people with disabilities, pregnant women and children are served first (Law 25/2009). Choose one:</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="406"/>
        <source>Petugas dapat meminta bukti bila diperlukan.</source>
        <translation>Officers may ask for proof when needed.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="408"/>
        <source>Batal, kembali</source>
        <translation>Cancel, go back</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="432"/>
        <source>Persyaratan yang perlu dibawa:</source>
        <translation>What to bring:</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="436"/>
        <location filename="../../ui/kiosk.py" line="528"/>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="438"/>
        <source>Ambil nomor antrian</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="449"/>
        <source>Mohon tunggu, tiket Anda sedang dicetak...</source>
        <translation>Please wait, your ticket is being printed...</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="467"/>
        <source>Nomor antrian Anda</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="480"/>
        <source>Silakan ambil tiket Anda dan tunggu nomor Anda dipanggil.</source>
        <translation>Please take your ticket and wait for your number to be called.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="495"/>
        <source>Tiket belum tercetak</source>
        <translation>Ticket not printed</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="508"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="521"/>
        <source>Nomor antrian tidak dapat diambil</source>
        <translation>No queue number could be taken</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="525"/>
        <source>Silakan hubungi petugas di meja informasi.</source>
        <translation>Please ask the officer at the information desk.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="542"/>
        <source>Mohon maaf, layanan sedang tutup</source>
        <translation>Sorry, the office is closed</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="597"/>
        <source>Jam layanan: %1 %2</source>
        <translation>Service hours: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="598"/>
        <source>Hari ini tidak ada layanan</source>
        <translation>No service today</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="599"/>
        <source>Hari ini hari libur: %1</source>
        <translation>Today is a day off: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk.py" line="640"/>
        <source>Layar kembali ke awal dalam %n detik.</source>
        <translation>
            <numerusform>The screen returns to the start in %n seconds.</numerusform>
            <numerusform>The screen returns to the start in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="676"/>
        <source>Prioritas: %1. Silakan pilih layanan.</source>
        <translation>Priority: %1. Please choose a service.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="693"/>
        <source>Waktu penyelesaian: %1</source>
        <translation>Time to complete: %1</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="736"/>
        <source>kios ini tidak memiliki printer tiket</source>
        <translation>this kiosk has no ticket printer</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="758"/>
        <source>PRIORITAS: %1</source>
        <translation>PRIORITY: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk.py" line="761"/>
        <source>Di depan Anda: %n orang</source>
        <translation>
            <numerusform>Ahead of you: %n people</numerusform>
            <numerusform>Ahead of you: %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk.py" line="763"/>
        <source>Perkiraan menunggu: ± %n menit</source>
        <translation>
            <numerusform>Estimated wait: about %n minutes</numerusform>
            <numerusform>Estimated wait: about %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="764"/>
        <source>Anda akan segera dipanggil</source>
        <translation>You will be called shortly</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="772"/>
        <source>Printer kembali normal. Belum tercetak: %1 (cetak ulang oleh petugas)</source>
        <translation>Printer working again. Not printed: %1 (reprint by an officer)</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="778"/>
        <source>Nomor antrian Anda &lt;b&gt;%1&lt;/b&gt; tetap berlaku dan sudah masuk antrian. Catat nomor ini. Petugas di loket dapat mencetak ulang tiket Anda.</source>
        <translation>Your queue number &lt;b&gt;%1&lt;/b&gt; is valid and in the queue. Note this number. The officer at the counter can reprint your ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="784"/>
        <source>Printer tiket bermasalah (%1). Belum tercetak: %2</source>
        <translation>Ticket printer problem (%1). Not printed: %2</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/counter.py" line="152"/>
        <location filename="../../ui/counter.py" line="159"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="154"/>
        <location filename="../../ui/counter.py" line="161"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="163"/>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/supervisor.py" line="98"/>
        <location filename="../../ui/supervisor.py" line="188"/>
        <source>Papan supervisor</source>
        <translation>Supervisor board</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="133"/>
        <location filename="../../ui/supervisor.py" line="138"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="133"/>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="134"/>
        <location filename="../../ui/supervisor.py" line="141"/>
        <location filename="../../ui/supervisor.py" line="153"/>
        <source>Loket</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="134"/>
        <location filename="../../ui/supervisor.py" line="141"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="134"/>
        <source>Melayani</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="135"/>
        <source>Ditahan</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="136"/>
        <source>Buka / tutup loket</source>
        <translation>Open / close counter</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="138"/>
        <location filename="../../ui/supervisor.py" line="140"/>
        <location filename="../../ui/supervisor.py" line="141"/>
        <source>Tiket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="138"/>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="139"/>
        <location filename="../../ui/supervisor.py" line="142"/>
        <source>Menit</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="139"/>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="140"/>
        <source>Standar waktu</source>
        <translation>Time standard</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="142"/>
        <source>Loket diam (menit)</source>
        <translation>Counter silent (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="143"/>
        <source>Kembalikan ke antrian</source>
        <translation>Return to the queue</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="145"/>
        <source>Tugas</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="145"/>
        <source>Kunjungan</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="145"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="146"/>
        <source>Kesalahan</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="147"/>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="149"/>
        <source>Stasiun</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="149"/>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="149"/>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="150"/>
        <source>Keterangan</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="152"/>
        <source>Antrian per tahap</source>
        <translation>Waiting per stage</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="154"/>
        <source>Antrian terlama</source>
        <translation>Longest waits</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="155"/>
        <source>Mendekati / melewati standar waktu</source>
        <translation>Near / over the time standard</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="156"/>
        <source>Sedang dilayani</source>
        <translation>Being served</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="157"/>
        <source>Cetak ulang tiket</source>
        <translation>Ticket reprints</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="158"/>
        <source>Kesehatan perangkat</source>
        <translation>Device health</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="168"/>
        <source>Teks berjalan layar antrian:</source>
        <translation>Running text on the display:</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="171"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="191"/>
        <source>buka</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="191"/>
        <source>tutup</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="196"/>
        <source>lewat</source>
        <translation>over</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="197"/>
        <source>hampir</source>
        <translation>near</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="254"/>
        <source>Pilih loket dulu.</source>
        <translation>Choose a counter first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="263"/>
        <source>Loket {0} ditutup.</source>
        <translation>Counter {0} closed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="264"/>
        <source>Loket {0} dibuka.</source>
        <translation>Counter {0} opened.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="271"/>
        <source>Pilih tiket yang sedang dilayani dulu.</source>
        <translation>Choose a ticket being served first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="278"/>
        <source>Tiket {0} dikembalikan ke antrian.</source>
        <translation>Ticket {0} returned to the queue.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="285"/>
        <source>Pilih tugas cetak dulu.</source>
        <translation>Choose a print job first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="289"/>
        <source>Tugas ini bukan tiket.</source>
        <translation>This job is not a ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="298"/>
        <source>Tiket dicetak ulang.</source>
        <translation>Ticket reprinted.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="307"/>
        <source>Teks berjalan disimpan.</source>
        <translation>Running text saved.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/counter.py" line="97"/>
        <source>Alihkan nomor</source>
        <translation>Transfer number</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="99"/>
        <source>Ke tahap (antrean tahap itu)</source>
        <translation>To a stage (that stage&apos;s queue)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="100"/>
        <source>Ke loket tertentu</source>
        <translation>To a particular counter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="116"/>
        <source>Alihkan</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="117"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
