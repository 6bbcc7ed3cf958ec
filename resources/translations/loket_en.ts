<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../ui/demo.py" line="73"/>
        <source>time.none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BapendaPanel</name>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="94"/>
        <source>Pendaftaran NPWPD</source>
        <translation>NPWPD registration</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="95"/>
        <source>Penonaktifan</source>
        <translation>Deactivation</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="96"/>
        <source>Pembayaran Pajak</source>
        <translation>Tax payment</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="111"/>
        <source>NPWPD &amp; Pajak Daerah</source>
        <translation>NPWPD &amp; Regional Tax</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="119"/>
        <source>Pribadi (P)</source>
        <translation>Individual (P)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="120"/>
        <source>Badan Usaha (B)</source>
        <translation>Business entity (B)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="123"/>
        <source>16 angka NIK</source>
        <translation>16-digit NIK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="125"/>
        <source>nama wajib pajak / pemilik</source>
        <translation>taxpayer / owner name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="127"/>
        <location filename="../../ui/panels/bapenda.py" line="257"/>
        <location filename="../../ui/panels/bapenda.py" line="620"/>
        <source>nama badan usaha</source>
        <translation>business name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="128"/>
        <source>13 angka (boleh kosong)</source>
        <translation>13 digits (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="130"/>
        <source>15/16 angka (boleh kosong)</source>
        <translation>15/16 digits (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="136"/>
        <source>jalan, nomor, RT/RW</source>
        <translation>street, number, RT/RW</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="147"/>
        <source>kode kecamatan</source>
        <translation>district code</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="152"/>
        <source>kode kelurahan/desa</source>
        <translation>village code</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="153"/>
        <source>boleh kosong</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="158"/>
        <source>printer kartu, mis. card+printer://Evolis</source>
        <translation>card printer, e.g. card+printer://Evolis</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="159"/>
        <source>Daftarkan</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="161"/>
        <location filename="../../ui/panels/bapenda.py" line="302"/>
        <location filename="../../ui/panels/bapenda.py" line="312"/>
        <source>Cetak kartu</source>
        <translation>Print card</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="164"/>
        <source>Kartu dicetak setelah NPWPD didaftarkan.</source>
        <translation>The card is printed once the NPWPD is registered.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="177"/>
        <source>Jenis wajib pajak</source>
        <translation>Taxpayer type</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="178"/>
        <location filename="../../ui/panels/bapenda.py" line="254"/>
        <location filename="../../ui/panels/bapenda.py" line="619"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="179"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="180"/>
        <source>Nama badan usaha</source>
        <translation>Business name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="181"/>
        <location filename="../../ui/panels/bapenda.py" line="258"/>
        <location filename="../../ui/panels/bapenda.py" line="621"/>
        <source>NIB</source>
        <translation>NIB</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="182"/>
        <location filename="../../ui/panels/bapenda.py" line="259"/>
        <location filename="../../ui/panels/bapenda.py" line="621"/>
        <source>NPWP</source>
        <translation>NPWP</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="183"/>
        <source>Jenis pajak</source>
        <translation>Tax type</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="184"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="185"/>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="186"/>
        <source>Kelurahan/Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="187"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="188"/>
        <source>Persyaratan</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="189"/>
        <source>Printer kartu</source>
        <translation>Card printer</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="214"/>
        <source>%1 (tidak wajib)</source>
        <translation>%1 (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="255"/>
        <location filename="../../ui/panels/bapenda.py" line="619"/>
        <source>nama</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="260"/>
        <location filename="../../ui/panels/bapenda.py" line="622"/>
        <source>alamat</source>
        <translation>address</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="263"/>
        <location filename="../../ui/panels/bapenda.py" line="624"/>
        <source>kecamatan</source>
        <translation>district</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="264"/>
        <location filename="../../ui/panels/bapenda.py" line="625"/>
        <source>kelurahan/desa</source>
        <translation>village</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="265"/>
        <location filename="../../ui/panels/bapenda.py" line="626"/>
        <source>telepon</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="268"/>
        <source>isi %1</source>
        <translation>enter %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="270"/>
        <source>perbaiki %1</source>
        <translation>correct %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="272"/>
        <source>centang persyaratan wajib</source>
        <translation>tick the required documents</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="298"/>
        <source>NPWPD %1 terdaftar atas nama %2; surat %3</source>
        <translation>NPWPD %1 registered to %2; letter %3</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="304"/>
        <source>NPWPD %1 terdaftar</source>
        <translation>NPWPD %1 registered</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="320"/>
        <source>Cetak ulang kartu</source>
        <translation>Reprint card</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="323"/>
        <source>Kartu NPWPD %1 tercetak</source>
        <translation>NPWPD card %1 printed</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="341"/>
        <source>mis. P.2.0001234.01.02</source>
        <translation>e.g. P.2.0001234.01.02</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="342"/>
        <location filename="../../ui/panels/bapenda.py" line="439"/>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="351"/>
        <source>keterangan (wajib untuk &apos;Lainnya&apos;)</source>
        <translation>note (required for &apos;Lainnya&apos; / other)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="352"/>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="363"/>
        <source>NPWPD</source>
        <translation>NPWPD</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="365"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="366"/>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="389"/>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="389"/>
        <source>nonaktif</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="396"/>
        <source>Cari NPWPD yang akan dinonaktifkan dulu (Cari).</source>
        <translation>Find the NPWPD to deactivate first (Find).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="398"/>
        <source>NPWPD ini sudah nonaktif.</source>
        <translation>This NPWPD is already inactive.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="400"/>
        <source>Isi keterangan untuk alasan &quot;Lainnya&quot;.</source>
        <translation>Enter a note for the reason &quot;Other&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="413"/>
        <source>Penonaktifan NPWPD {0} perlu persetujuan supervisor.</source>
        <translation>Deactivating NPWPD {0} needs a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="430"/>
        <source>NPWPD %1 dinonaktifkan</source>
        <translation>NPWPD %1 deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="438"/>
        <source>nomor SKPD/STPD atau NPWPD</source>
        <translation>SKPD/STPD number or NPWPD</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="444"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="444"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="444"/>
        <source>Masa</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="444"/>
        <source>Pokok</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="445"/>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="445"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="456"/>
        <source>Uraian</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="456"/>
        <source>Dasar perhitungan</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="457"/>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="468"/>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="468"/>
        <source>Transfer bank</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="469"/>
        <source>Kode billing</source>
        <translation>Billing code</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="472"/>
        <source>kode billing / referensi transfer</source>
        <translation>billing code / transfer reference</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="475"/>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="485"/>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="486"/>
        <source>Referensi</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="513"/>
        <source>lunas</source>
        <translation>paid</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="513"/>
        <source>belum bayar</source>
        <translation>unpaid</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="535"/>
        <source>%1 sudah lunas</source>
        <translation>%1 is already paid</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="557"/>
        <source>masa %1, jatuh tempo %2, terlambat %3 bulan</source>
        <translation>period %1, due %2, %3 months late</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="566"/>
        <source>Jumlah: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="572"/>
        <source>Pilih tagihan yang belum lunas di daftar.</source>
        <translation>Pick an unpaid bill in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="574"/>
        <source>Semua tagihan yang ditemukan sudah lunas.</source>
        <translation>Every bill found is paid.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="575"/>
        <source>Cari tagihan dulu: nomor SKPD/STPD atau NPWPD.</source>
        <translation>Find the bill first: SKPD/STPD number or NPWPD.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="577"/>
        <source>Isi kode billing.</source>
        <translation>Enter the billing code.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="598"/>
        <source>Pembayaran %1 diterima, SSPD %2</source>
        <translation>Payment of %1 received, SSPD %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="627"/>
        <source>persyaratan</source>
        <translation>requirements</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="629"/>
        <source>keterangan</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="630"/>
        <source>referensi</source>
        <translation>reference</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="637"/>
        <source>pendaftaran NPWPD</source>
        <translation>NPWPD registration</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="639"/>
        <source>penonaktifan</source>
        <translation>deactivation</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="641"/>
        <source>pembayaran</source>
        <translation>payment</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="658"/>
        <source>%1 belum disimpan</source>
        <translation>%1 not saved</translation>
    </message>
</context>
<context>
    <name>CaseworkPanel</name>
    <message>
        <location filename="../../ui/panels/casework.py" line="147"/>
        <source>Permohonan</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="148"/>
        <source>Pengaduan</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="168"/>
        <source>Permohonan &amp; Pengaduan</source>
        <translation>Applications &amp; Complaints</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="177"/>
        <source>nama pemohon / wajib pajak</source>
        <translation>applicant / taxpayer name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="179"/>
        <source>16 angka (boleh kosong)</source>
        <translation>16 digits (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="183"/>
        <location filename="../../ui/panels/casework.py" line="273"/>
        <source>telepon atau e-mail</source>
        <translation>telephone or e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="185"/>
        <source>mis. keberatan atas SKPD reklame 2026</source>
        <translation>e.g. objection to billboard tax SKPD 2026</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="187"/>
        <source>mis. 2.500.000 (keberatan)</source>
        <translation>e.g. 2.500.000 (objections)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="192"/>
        <source>Daftarkan dan cetak tanda terima</source>
        <translation>Register and print the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="196"/>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="197"/>
        <source>Nama pemohon</source>
        <translation>Applicant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="154"/>
        <location filename="../../ui/panels/casework.py" line="198"/>
        <location filename="../../ui/panels/casework.py" line="393"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="199"/>
        <location filename="../../ui/panels/casework.py" line="284"/>
        <source>Kontak</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="200"/>
        <location filename="../../ui/panels/casework.py" line="252"/>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="201"/>
        <source>Nilai ketetapan</source>
        <translation>Assessed amount</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="202"/>
        <source>Selesai paling lambat</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="203"/>
        <source>Terima permohonan</source>
        <translation>Receive an application</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="212"/>
        <source>nomor registrasi</source>
        <translation>tracking number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="214"/>
        <location filename="../../ui/panels/casework.py" line="297"/>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="219"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="219"/>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="219"/>
        <source>Kepada</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="220"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="220"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="222"/>
        <source>teruskan kepada (nama / bidang)</source>
        <translation>forward to (name / unit)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="225"/>
        <source>catatan / alasan</source>
        <translation>note / reason</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="227"/>
        <source>Teruskan</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="229"/>
        <location filename="../../ui/panels/casework.py" line="303"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="231"/>
        <source>Tolak</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="243"/>
        <source>Disposisi berkas</source>
        <translation>File disposition</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="251"/>
        <location filename="../../ui/panels/casework.py" line="334"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="251"/>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="252"/>
        <source>Pemegang</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="254"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="256"/>
        <source>Terlambat dan segera jatuh tempo</source>
        <translation>Overdue and due soon</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="271"/>
        <source>nama pelapor (boleh kosong)</source>
        <translation>reporter&apos;s name (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="161"/>
        <location filename="../../ui/panels/casework.py" line="275"/>
        <source>isi pengaduan</source>
        <translation>complaint text</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="153"/>
        <source>nama pemohon</source>
        <translation>applicant</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="154"/>
        <location filename="../../ui/panels/casework.py" line="160"/>
        <source>kontak</source>
        <translation>contact</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="155"/>
        <source>perihal</source>
        <translation>subject</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="156"/>
        <location filename="../../ui/panels/casework.py" line="394"/>
        <source>nilai ketetapan</source>
        <translation>assessed amount</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="157"/>
        <source>teruskan kepada</source>
        <translation>forward to</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="158"/>
        <source>catatan</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="159"/>
        <source>pelapor</source>
        <translation>reporter</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="162"/>
        <source>tanggapan</source>
        <translation>answer</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="278"/>
        <source>Catat pengaduan</source>
        <translation>Record complaint</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="282"/>
        <location filename="../../ui/panels/casework.py" line="335"/>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="283"/>
        <source>Pelapor</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="285"/>
        <location filename="../../ui/panels/casework.py" line="335"/>
        <source>Isi</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="286"/>
        <source>Pengaduan baru</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="295"/>
        <source>nomor pengaduan</source>
        <translation>complaint number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="303"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="303"/>
        <location filename="../../ui/panels/casework.py" line="334"/>
        <source>Batas waktu</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="304"/>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="306"/>
        <source>Langkah selesai</source>
        <translation>Step done</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="309"/>
        <source>tanggapan kepada pelapor / hasil penyelesaian</source>
        <translation>answer to the reporter / resolution</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="312"/>
        <source>Simpan tanggapan</source>
        <translation>Save answer</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="314"/>
        <source>Tutup pengaduan</source>
        <translation>Close complaint</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="325"/>
        <source>Penanganan</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="337"/>
        <source>Pengaduan terlambat</source>
        <translation>Overdue complaints</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="390"/>
        <source>Belum ada layanan berjangka di kantor ini.</source>
        <translation>This office has no long-running services.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="391"/>
        <source>isi nama pemohon</source>
        <translation>enter the applicant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="392"/>
        <source>isi perihal</source>
        <translation>enter the subject</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="402"/>
        <source>Buka berkas dulu dengan nomor registrasi.</source>
        <translation>Open a file first by its registration number.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="403"/>
        <source>Berkas %1 sudah %2.</source>
        <translation>File %1 is already %2.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="407"/>
        <source>Teruskan: isi kepada siapa.</source>
        <translation>Forward: enter to whom.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="410"/>
        <source>Tolak: tulis alasannya di catatan.</source>
        <translation>Reject: write the reason in the note.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="414"/>
        <source>Belum ada saluran pengaduan di kantor ini.</source>
        <translation>This office has no complaint channels.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="416"/>
        <source>Tulis isi pengaduan dulu.</source>
        <translation>Write the complaint first.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="423"/>
        <source>Buka pengaduan dulu dengan nomornya.</source>
        <translation>Open a complaint first by its number.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="424"/>
        <source>Pengaduan %1 sudah ditutup.</source>
        <translation>Complaint %1 is already closed.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="429"/>
        <source>Langkah selesai: pilih langkahnya di tabel.</source>
        <translation>Step done: pick the step in the table.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="431"/>
        <source>Langkah itu sudah selesai.</source>
        <translation>That step is already done.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="433"/>
        <source>Tulis tanggapan dulu.</source>
        <translation>Write the answer first.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="436"/>
        <source>Tutup: simpan tanggapan dulu.</source>
        <translation>Close: save the answer first.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="438"/>
        <source>Tutup: tulis hasil penyelesaian di kotak tanggapan.</source>
        <translation>Close: write the resolution in the answer box.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="484"/>
        <source>permohonan baru</source>
        <translation>new application</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="485"/>
        <source>pengaduan baru</source>
        <translation>new complaint</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="487"/>
        <source>disposisi %1</source>
        <translation>disposition %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="490"/>
        <source>tanggapan %1</source>
        <translation>answer %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="503"/>
        <source>pilih Teruskan, Selesai atau Tolak untuk catatan ini.</source>
        <translation>choose Forward, Done or Reject for this note.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="520"/>
        <source>%1 belum disimpan</source>
        <translation>%1 not saved</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="548"/>
        <source>Permohonan %1 diterima, selesai paling lambat %2</source>
        <translation>Application %1 received, due by %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="574"/>
        <source>Pemohon: %1</source>
        <translation>Applicant: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="576"/>
        <source>Perihal: %1</source>
        <translation>Subject: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="577"/>
        <source>Selesai paling lambat: %1 · pemegang berkas: %2</source>
        <translation>Due by: %1 · file held by: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="581"/>
        <source>Nilai ketetapan: %1</source>
        <translation>Assessed amount: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="583"/>
        <source>Diputus oleh: %1</source>
        <translation>Decided by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="602"/>
        <source>Berkas %1 diteruskan kepada %2</source>
        <translation>File %1 forwarded to %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="617"/>
        <source>Permohonan %1: %2</source>
        <translation>Application %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="637"/>
        <source>Pengaduan %1 dicatat</source>
        <translation>Complaint %1 recorded</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="665"/>
        <source>Pelapor: %1</source>
        <translation>Reporter: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="667"/>
        <source>Tanggapan paling lambat: %1</source>
        <translation>Answer due by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="669"/>
        <source>Tanggapan: %1</source>
        <translation>Answer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="671"/>
        <source>Penyelesaian: %1</source>
        <translation>Resolution: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="714"/>
        <source>Pengaduan %1: %2</source>
        <translation>Complaint %1: %2</translation>
    </message>
</context>
<context>
    <name>CatalogWindow</name>
    <message>
        <location filename="../../ui/demo.py" line="34"/>
        <location filename="../../ui/demo.py" line="37"/>
        <source>Loket — Kantor Demo</source>
        <translation>Loket — Demo office</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="44"/>
        <source>Pengguna demo: {users} — kata sandi: {password}</source>
        <translation>Demo users: {users} — password: {password}</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="66"/>
        <source>Awalan</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="66"/>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="66"/>
        <source>Waktu penyelesaian</source>
        <translation>Time standard</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="67"/>
        <source>Tahapan</source>
        <translation>Stages</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="67"/>
        <source>Persyaratan</source>
        <translation>Requirements</translation>
    </message>
</context>
<context>
    <name>ConnectingScreen</name>
    <message>
        <location filename="../../ui/connecting.py" line="71"/>
        <source>Server basis data tidak menjawab: layanan PostgreSQL di server mungkin belum berjalan.</source>
        <extracomment>Seconds to wait after the 1st, 2nd, ... failed attempt; the last value repeats. (words in the driver&apos;s message, what they mean), first match wins.</extracomment>
        <translation>The database server does not answer: PostgreSQL on the server may not be running yet.</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="74"/>
        <source>Server tidak menjawab dalam batas waktu: periksa jaringan dan apakah server sudah menyala.</source>
        <translation>The server did not answer in time: check the network and that the server is switched on.</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="77"/>
        <source>Nama server tidak dikenal: periksa jaringan atau alamat server di pengaturan PC ini.</source>
        <translation>The server&apos;s name is not known: check the network or the server address in this PC&apos;s settings.</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="80"/>
        <source>Jaringan ke server terputus: periksa kabel atau Wi-Fi PC ini.</source>
        <translation>The network to the server is down: check this PC&apos;s cable or Wi-Fi.</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="82"/>
        <source>Server menolak nama pengguna atau kata sandi basis data: periksa pengaturan PC ini.</source>
        <translation>The server refused the database user name or password: check this PC&apos;s settings.</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="85"/>
        <source>Basis data tidak ada di server: periksa nama basis data di pengaturan PC ini.</source>
        <translation>The database does not exist on the server: check the database name in this PC&apos;s settings.</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="88"/>
        <source>Berkas basis data tidak dapat dibuka: periksa folder bersama atau diska tempatnya.</source>
        <translation>The database file cannot be opened: check the shared folder or the drive it is on.</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="92"/>
        <source>Server basis data belum dapat dihubungi.</source>
        <translation>The database server cannot be reached yet.</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="176"/>
        <source>Loket: menghubungkan ke server</source>
        <translation>Loket: connecting to the server</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="183"/>
        <location filename="../../ui/connecting.py" line="305"/>
        <source>Coba sekarang</source>
        <translation>Try now</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="185"/>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="207"/>
        <location filename="../../ui/connecting.py" line="304"/>
        <source>Menghubungkan ke server…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="249"/>
        <source>Sedang mencoba menghubungi server…</source>
        <translation>Trying to reach the server…</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="285"/>
        <source>Coba lagi</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="287"/>
        <source>Basis data dan program tidak cocok</source>
        <translation>The database and the program do not match</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="290"/>
        <location filename="../../ui/connecting.py" line="294"/>
        <source>Stasiun tidak dapat dibuka</source>
        <translation>The station cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="296"/>
        <source>Terjadi kesalahan tak terduga: %1</source>
        <translation>An unexpected error occurred: %1</translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="298"/>
        <source>Tidak dicoba lagi otomatis. Setelah diperbaiki, tekan “Coba lagi”.</source>
        <translation>Not retried automatically. Once it is fixed, press “Try again”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/connecting.py" line="307"/>
        <source>Percobaan ke-%n gagal.</source>
        <translation>
            <numerusform>Attempt %n failed.</numerusform>
            <numerusform>Attempt %n failed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/connecting.py" line="308"/>
        <source>Keterangan teknis: %1</source>
        <translation>Technical details: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/connecting.py" line="316"/>
        <source>Mencoba lagi dalam %n detik…</source>
        <translation>
            <numerusform>Trying again in %n second…</numerusform>
            <numerusform>Trying again in %n seconds…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CounterCard</name>
    <message>
        <location filename="../../ui/supervisor.py" line="248"/>
        <source>BUKA</source>
        <translation>OPEN</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="248"/>
        <source>TUTUP</source>
        <translation>CLOSED</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="251"/>
        <source>Petugas: {name}</source>
        <translation>Officer: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="252"/>
        <source>Belum ada petugas</source>
        <translation>No officer yet</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="254"/>
        <source>{status}: {ticket}, {time}</source>
        <translation>{status}: {ticket}, {time}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="258"/>
        <source>Tidak melayani</source>
        <translation>Not serving</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="260"/>
        <source>Menganggur {time}</source>
        <translation>Idle for {time}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="263"/>
        <source>Belum melayani hari ini</source>
        <translation>Has not served anyone today</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="264"/>
        <source>Ditahan: {tickets}</source>
        <translation>On hold: {tickets}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="270"/>
        <source>Tidak ada kabar {time}</source>
        <translation>No sign for {time}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="272"/>
        <source>Belum pernah memberi kabar</source>
        <translation>Never gave a sign</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="281"/>
        <source>Tutup loket</source>
        <translation>Close counter</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="281"/>
        <source>Buka loket</source>
        <translation>Open counter</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="282"/>
        <source>Ambil alih</source>
        <translation>Take back</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../ui/counter.py" line="305"/>
        <source>Loket — {counter}</source>
        <translation>Loket — {counter}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="308"/>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="365"/>
        <location filename="../../ui/counter.py" line="986"/>
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="407"/>
        <source>Belum ada nomor yang dipanggil.</source>
        <translation>No number called yet.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="475"/>
        <source>Persyaratan (centang yang dibawa)</source>
        <translation>Requirements (tick what was brought)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="497"/>
        <source>Panel kerja</source>
        <translation>Work panel</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="522"/>
        <source>Loket ini tidak punya panel kerja; gunakan tombol antrean.</source>
        <translation>This counter has no work panel; use the queue buttons.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="535"/>
        <source>Antrean menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="538"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="538"/>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="538"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="539"/>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="539"/>
        <location filename="../../ui/counter.py" line="1475"/>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="545"/>
        <source>Ditahan di loket ini</source>
        <translation>Held at this counter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="548"/>
        <location filename="../../ui/counter.py" line="1133"/>
        <source>Lanjutkan</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="560"/>
        <source>Riwayat kunjungan</source>
        <translation>Visit history</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="563"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="563"/>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="563"/>
        <source>Tempat</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="564"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="783"/>
        <location filename="../../ui/counter.py" line="958"/>
        <source>Terjadi kesalahan: {error}</source>
        <translation>An error occurred: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="786"/>
        <source>Konfirmasi</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="792"/>
        <source>Isian belum disimpan</source>
        <translation>Input not saved</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="794"/>
        <source>Simpan, lalu lanjutkan</source>
        <translation>Save, then continue</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="796"/>
        <source>Buang isian</source>
        <translation>Discard input</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="797"/>
        <source>Kembali mengisi</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="825"/>
        <source>Loket {n}</source>
        <translation>Counter {n}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="887"/>
        <source>Nomor {ticket}: ada isian yang belum disimpan:</source>
        <translation>Number {ticket}: there is input not saved yet:</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="889"/>
        <source>Ada isian yang belum disimpan:</source>
        <translation>There is input not saved yet:</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="890"/>
        <source>{head}
{listing}

Simpan dulu, lalu {action}?</source>
        <translation>{head}
{listing}

Save it first, then {action}?</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="897"/>
        <source>{action} belum dilakukan: isian belum disimpan, masih di layar ({listing}).</source>
        <translation>{action} not done: input not saved, still on screen ({listing}).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="907"/>
        <source>{action} belum dilakukan. {reason}</source>
        <translation>{action} not done. {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="909"/>
        <source>Isian {panel} belum bisa disimpan.</source>
        <translation>The input of {panel} cannot be saved.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="967"/>
        <source>Petugas: {name}</source>
        <translation>Officer: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="971"/>
        <source>Selamat bekerja, {name}.</source>
        <translation>Welcome, {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1060"/>
        <source>{action} belum bisa dilakukan: nomor {ticket} {status}.</source>
        <translation>{action} is not possible yet: number {ticket} {status}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1067"/>
        <source>Panggil berikutnya</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1070"/>
        <source>Tidak ada yang menunggu.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1072"/>
        <source>Memanggil {ticket}.</source>
        <translation>Calling {ticket}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1078"/>
        <source>{ticket} tidak hadir setelah {n} kali panggilan.</source>
        <translation>{ticket} did not come after {n} calls.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1081"/>
        <source>Memanggil ulang {ticket} ({n}).</source>
        <translation>Calling {ticket} again ({n}).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1086"/>
        <source>Melayani {ticket}.</source>
        <translation>Serving {ticket}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1093"/>
        <source>Isian yang belum disimpan ikut dibuang:
{listing}</source>
        <translation>Input not saved is discarded with it:
{listing}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1114"/>
        <source>Tandai {ticket} tidak hadir? Nomor ini ditutup.</source>
        <translation>Mark {ticket} as no-show? The number is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1116"/>
        <source>{ticket} ditandai tidak hadir.</source>
        <translation>{ticket} marked as no-show.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1122"/>
        <source>Tahan</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1124"/>
        <source>{ticket} ditahan; lanjutkan dari daftar Ditahan.</source>
        <translation>{ticket} is on hold; resume it from the Held list.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1130"/>
        <source>Pilih nomor yang ditahan untuk dilanjutkan.</source>
        <translation>Choose a held number to resume.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1135"/>
        <source>Melanjutkan {ticket}.</source>
        <translation>Resuming {ticket}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1156"/>
        <source>{ticket} dialihkan ke {target}.</source>
        <translation>{ticket} transferred to {target}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1158"/>
        <source>Alihkan</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1163"/>
        <source>Kembalikan ke antrean</source>
        <translation>Return to queue</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1165"/>
        <source>{ticket} dikembalikan ke antrean.</source>
        <translation>{ticket} returned to the queue.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1176"/>
        <source>{ticket} selesai di sini, lanjut ke {stage}.</source>
        <translation>{ticket} done here, on to {stage}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1180"/>
        <source>{ticket} selesai dilayani.</source>
        <translation>{ticket} served.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1195"/>
        <source>Tagihan {ticket} belum dibayar. Pembatalan perlu persetujuan supervisor; nomor ini ditutup.</source>
        <translation>The bill of {ticket} is unpaid. Cancelling needs a supervisor&apos;s approval; this number is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1204"/>
        <source>{ticket} dibatalkan oleh supervisor {name}: {reason}</source>
        <translation>{ticket} cancelled by supervisor {name}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1211"/>
        <source>Batalkan layanan {ticket}? Nomor ini ditutup.</source>
        <translation>Cancel the service of {ticket}? The number is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1213"/>
        <source>{ticket} dibatalkan.</source>
        <translation>{ticket} cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1220"/>
        <source>tutup sebagai berkas tidak lengkap</source>
        <translation>close as incomplete file</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1226"/>
        <source>Tutup {ticket} sebagai berkas tidak lengkap?</source>
        <translation>Close {ticket} as documents incomplete?</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1229"/>
        <source>{ticket} ditutup: berkas tidak lengkap.</source>
        <translation>{ticket} closed: documents incomplete.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1232"/>
        <source>(semua dicentang)</source>
        <translation>(all ticked)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1234"/>
        <source>Berkas {ticket} tidak lengkap. Yang belum ada:
{missing}

Nomor ini ditutup dan slip kekurangan berkas dicetak. Lanjutkan?</source>
        <translation>The documents of {ticket} are incomplete. Missing:
{missing}

The number is closed and a slip of what is missing is printed. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1244"/>
        <source>{ticket} ditutup: berkas tidak lengkap. Slip dicetak.</source>
        <translation>{ticket} closed: documents incomplete. Slip printed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1247"/>
        <source>{ticket} ditutup: berkas tidak lengkap. Slip disimpan: {path}</source>
        <translation>{ticket} closed: documents incomplete. Slip saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1249"/>
        <source>Printer gagal ({error}). </source>
        <translation>Printer failed ({error}). </translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1313"/>
        <source>Dokumen tidak bisa disimpan: {error}</source>
        <translation>The documents could not be saved: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1317"/>
        <source>Dokumen disimpan: {files}</source>
        <translation>Documents saved: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1339"/>
        <source>Nomor {ticket} dipindahkan dari loket ini; isian yang belum disimpan tidak bisa dipakai lagi: {listing}</source>
        <translation>Number {ticket} was moved from this counter; input not saved can no longer be used: {listing}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1345"/>
        <source>Dipanggil, menunggu pengunjung datang</source>
        <translation>Called, waiting for the visitor</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1346"/>
        <source>Sedang dilayani</source>
        <translation>Being served</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1349"/>
        <source>Lansia</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1349"/>
        <source>Disabilitas</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1350"/>
        <source>Ibu hamil</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1350"/>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1357"/>
        <source>Tidak ada nomor yang sedang dilayani</source>
        <translation>No number being served</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1358"/>
        <source>Tekan F1 untuk memanggil nomor berikutnya.</source>
        <translation>Press F1 to call the next number.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1369"/>
        <source>Tahap: {stage}</source>
        <translation>Stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1372"/>
        <source> (dipanggil ulang {n}×)</source>
        <translation> (called again {n}×)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1375"/>
        <source>PRIORITAS: {reason}</source>
        <translation>PRIORITY: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1389"/>
        <source>Di tahap ini: {time}</source>
        <translation>At this stage: {time}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1391"/>
        <source>Sejak ambil nomor: {time}</source>
        <translation>Since the ticket: {time}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1396"/>
        <source>Tanpa waktu standar</source>
        <translation>No time standard</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1398"/>
        <source>Lewat waktu standar {time}</source>
        <translation>Over the time standard by {time}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1401"/>
        <source>Sisa waktu standar {time}</source>
        <translation>Time standard left {time}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1432"/>
        <source>Dicentang oleh {who}, {at}</source>
        <translation>Ticked by {who}, {at}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1438"/>
        <source>Antrean menunggu ({n})</source>
        <translation>Waiting ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1444"/>
        <source> (untuk loket ini)</source>
        <translation> (for this counter)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1468"/>
        <source>Ambil nomor</source>
        <translation>Ticket taken</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1468"/>
        <source>Dipanggil</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1469"/>
        <source>Dipanggil ulang</source>
        <translation>Called again</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1469"/>
        <source>Mulai dilayani</source>
        <translation>Service started</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1470"/>
        <source>Ditahan</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1470"/>
        <source>Dilanjutkan</source>
        <translation>Resumed</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1471"/>
        <source>Dialihkan</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1471"/>
        <source>Keluar (dialihkan)</source>
        <translation>Left (transferred)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1472"/>
        <source>Selesai di tahap</source>
        <translation>Stage finished</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1472"/>
        <source>Masuk tahap</source>
        <translation>Entered stage</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1531"/>
        <source>Tidak ada nomor yang ditahan di loket ini.</source>
        <translation>No number is held at this counter.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1533"/>
        <source>Lanjutkan: selesaikan, tahan atau alihkan {ticket} dulu.</source>
        <translation>Resume: finish, hold or transfer {ticket} first.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1544"/>
        <source>Belum ada nomor di loket ini: tekan Panggil berikutnya [F1] (atau Lanjutkan nomor yang ditahan).</source>
        <translation>No number at this counter: press Call next [F1] (or Resume a held number).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1547"/>
        <source>Panggil berikutnya: {ticket} sedang dipanggil; Mulai layani [F3], Tidak hadir [F4] atau Tahan [F5] dulu.</source>
        <translation>Call next: {ticket} is being called; Start serving [F3], No-show [F4] or Hold [F5] first.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1549"/>
        <source>Selesai [F9] dan Berkas tidak lengkap: tekan Mulai layani [F3] dulu, saat pengunjung sudah di loket.</source>
        <translation>Done [F9] and Incomplete file: press Start serving [F3] first, once the visitor is at the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1551"/>
        <source>Panggil berikutnya: {ticket} masih dilayani; Selesai [F9], Tahan [F5] atau Alihkan [F6] dulu.</source>
        <translation>Call next: {ticket} is still being served; Done [F9], Hold [F5] or Transfer [F6] first.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1553"/>
        <source>Panggil ulang, Mulai layani, Tidak hadir: {ticket} sudah dilayani.</source>
        <translation>Recall, Start serving, No-show: {ticket} is already being served.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1571"/>
        <source>Tutup jendela</source>
        <translation>Close the window</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1171"/>
        <location filename="../../ui/counter.py" line="1473"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="114"/>
        <source>{days} hari {hours} jam</source>
        <translation>{days} days {hours} h</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1219"/>
        <location filename="../../ui/counter.py" line="1473"/>
        <source>Berkas tidak lengkap</source>
        <translation>Documents incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1474"/>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1474"/>
        <source>Tidak hadir</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1475"/>
        <source>Kembali ke antrean</source>
        <translation>Back to the queue</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1476"/>
        <source>Ditarik supervisor</source>
        <translation>Taken back by the supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1476"/>
        <source>Diambil alih</source>
        <translation>Taken over</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1477"/>
        <source>Dipulihkan</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1477"/>
        <source>Tidak terlayani</source>
        <translation>Not served</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1482"/>
        <source>Centang: {code}</source>
        <translation>Ticked: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="1483"/>
        <source>Hapus centang: {code}</source>
        <translation>Unticked: {code}</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="98"/>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="99"/>
        <source>Satu PC: berkas SQLite di PC ini. Beberapa PC: server PostgreSQL kantor. Koneksi diuji sebelum disimpan.</source>
        <translation>One PC: an SQLite file on this PC. Several PCs: the office&apos;s PostgreSQL server. The connection is tested before it is saved.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="104"/>
        <source>Berkas SQLite di PC ini</source>
        <translation>SQLite file on this PC</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="105"/>
        <source>Server PostgreSQL</source>
        <translation>PostgreSQL server</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="112"/>
        <source>Pilih...</source>
        <translation>Choose...</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="119"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="129"/>
        <source>Peran basis data untuk jenis PC ini, dibuat oleh administrator dengan: loket db roles</source>
        <translation>The database role for this kind of PC, made by the administrator with: loket db roles</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="135"/>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="136"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="137"/>
        <source>Nama basis data</source>
        <translation>Database name</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="138"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="139"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="141"/>
        <source>Uji koneksi</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="143"/>
        <source>Siapkan basis data</source>
        <translation>Prepare database</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="207"/>
        <source>basis data</source>
        <translation>database</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="223"/>
        <source>Belum diuji.</source>
        <translation>Not tested yet.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="226"/>
        <source>Berkas basis data</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="243"/>
        <source>Gagal:</source>
        <translation>Failed:</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="260"/>
        <source>Terhubung: {db}
Skema terkini; {n} kantor.</source>
        <translation>Connected: {db}
Schema up to date; {n} office(s).</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="266"/>
        <source>kosong</source>
        <translation>empty</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="266"/>
        <source>versi lama</source>
        <translation>old version</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="268"/>
        <source>Terhubung: {db}</source>
        <translation>Connected: {db}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="269"/>
        <source>Berkas belum ada: {db}</source>
        <translation>File does not exist yet: {db}</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="395"/>
        <source>Perangkat</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="396"/>
        <source>Printer dan mesin yang tersambung ke PC ini. &apos;sim://&apos; adalah simulator; printer jaringan: escpos+tcp://ALAMAT:9100.</source>
        <translation>Printers and machines connected to this PC. &apos;sim://&apos; is a simulator; network printer: escpos+tcp://ADDRESS:9100.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="402"/>
        <source>Peran ini tidak memakai perangkat.</source>
        <translation>This role uses no devices.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="404"/>
        <source>Deteksi ulang</source>
        <translation>Detect again</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="421"/>
        <source>Printer tiket</source>
        <translation>Ticket printer</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="422"/>
        <source>Printer dokumen</source>
        <translation>Document printer</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="423"/>
        <source>Printer kartu NPWPD</source>
        <translation>NPWPD card printer</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="424"/>
        <source>Mesin perforasi</source>
        <translation>Perforation machine</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="446"/>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="468"/>
        <source>perangkat</source>
        <translation>device</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../ui/display.py" line="167"/>
        <source>Layar antrian</source>
        <translation>Queue display</translation>
    </message>
    <message>
        <location filename="../../ui/display.py" line="224"/>
        <source>Panggilan terakhir</source>
        <translation>Last calls</translation>
    </message>
    <message>
        <location filename="../../ui/display.py" line="226"/>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/display.py" line="257"/>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/display.py" line="262"/>
        <source>Selamat datang. Silakan ambil nomor antrian dan tunggu panggilan.</source>
        <translation>Welcome. Please take a number and wait to be called.</translation>
    </message>
</context>
<context>
    <name>FiscalPanel</name>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="70"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="70"/>
        <source>16 angka, mis. 3671014505900001</source>
        <translation>16 digits, e.g. 3671014505900001</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="71"/>
        <source>NPWPD</source>
        <translation>NPWPD</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="71"/>
        <source>mis. P.2.0001234.01.02</source>
        <translation>e.g. P.2.0001234.01.02</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="72"/>
        <source>NOP PBB-P2</source>
        <translation>NOP PBB-P2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="72"/>
        <source>18 angka, mis. 36.71.010.001.001-0001.0</source>
        <translation>18 digits, e.g. 36.71.010.001.001-0001.0</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="73"/>
        <source>Nomor polisi</source>
        <translation>Plate number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="73"/>
        <source>mis. A 1234 BC</source>
        <translation>e.g. A 1234 BC</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="83"/>
        <source>nama pemohon (boleh kosong)</source>
        <translation>applicant&apos;s name (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="85"/>
        <source>mis. izin usaha pada SIPEKA</source>
        <translation>e.g. business licence on SIPEKA</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="88"/>
        <source>Periksa</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="90"/>
        <source>Cetak surat</source>
        <translation>Print letter</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="95"/>
        <source>Cari dengan</source>
        <translation>Search by</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="96"/>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="97"/>
        <location filename="../../ui/panels/fiscal.py" line="284"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="98"/>
        <location filename="../../ui/panels/fiscal.py" line="285"/>
        <source>Keperluan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="108"/>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="108"/>
        <source>Pajak</source>
        <translation>Tax</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="108"/>
        <source>Masa</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="108"/>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="109"/>
        <source>Terlambat</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="109"/>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="142"/>
        <source>nama</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="143"/>
        <source>keperluan</source>
        <translation>purpose</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="148"/>
        <source>Cek Fiskal</source>
        <translation>Tax clearance</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="174"/>
        <source>isi keperluan</source>
        <translation>enter the purpose</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="179"/>
        <source>Periksa dulu; surat dicetak dari hasil pemeriksaan.</source>
        <translation>Check first; the letter is printed from the result.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="181"/>
        <source>Surat untuk pemeriksaan ini sudah diterbitkan.</source>
        <translation>The letter for this check was already issued.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="183"/>
        <source>Tidak ada surat untuk hasil ini.</source>
        <translation>There is no letter for this result.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="213"/>
        <source>cek fiskal belum diperiksa</source>
        <translation>tax clearance not checked yet</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="221"/>
        <source>Cek fiskal belum diperiksa</source>
        <translation>Tax clearance not checked yet</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="248"/>
        <source>Hasil pemeriksaan: %1</source>
        <translation>Check result: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="263"/>
        <source>Surat diterbitkan, kode verifikasi %1</source>
        <translation>Letter issued, verification code %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="286"/>
        <source>Hasil pemeriksaan</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="287"/>
        <source>Diperiksa pada</source>
        <translation>Checked at</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="290"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="297"/>
        <source>%1 bln</source>
        <translation>%1 mo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="305"/>
        <source>Jumlah %1 tagihan: %2</source>
        <translation>Total of %1 bills: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="309"/>
        <source>Tidak ada tunggakan yang telah jatuh tempo.</source>
        <translation>No arrears past their due date.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="312"/>
        <source>Belum jatuh tempo: %1</source>
        <translation>Not yet due: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="314"/>
        <source>%1 per %2</source>
        <translation>%1 as of %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="318"/>
        <source>Data yang diperiksa: %1</source>
        <translation>Data checked: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="320"/>
        <source>belum ada data: %1</source>
        <translation>no data yet: %1</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk.py" line="305"/>
        <source>Kios antrian</source>
        <translation>Queue kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="353"/>
        <source>Lansia (60 tahun ke atas)</source>
        <translation>Elderly (60 years and over)</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="354"/>
        <source>Penyandang disabilitas</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="355"/>
        <source>Ibu hamil</source>
        <translation>Pregnant woman</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="356"/>
        <source>Anak-anak</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="361"/>
        <source>kertas printer habis</source>
        <translation>printer out of paper</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="362"/>
        <source>kertas printer hampir habis</source>
        <translation>printer paper low</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="363"/>
        <source>printer tidak siap</source>
        <translation>printer not ready</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="364"/>
        <source>tutup printer terbuka</source>
        <translation>printer cover open</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="365"/>
        <source>kertas printer macet</source>
        <translation>printer paper jammed</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="366"/>
        <source>printer tidak menjawab</source>
        <translation>printer not answering</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="367"/>
        <source>printer tidak terhubung</source>
        <translation>printer not connected</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="368"/>
        <source>gangguan printer</source>
        <translation>printer fault</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="428"/>
        <source>Silakan pilih layanan untuk mengambil nomor antrian</source>
        <translation>Please choose a service to take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="436"/>
        <source>Batalkan prioritas</source>
        <translation>Cancel priority</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="448"/>
        <source>Bawa: %1</source>
        <translation>Bring: %1</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="449"/>
        <source>Dilakukan di kantor: %1</source>
        <translation>Done at the office: %1</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="457"/>
        <location filename="../../ui/kiosk.py" line="884"/>
        <source>Tidak ada persyaratan khusus</source>
        <translation>No special requirements</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="461"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="475"/>
        <source>Belum ada layanan yang dapat diambil di kios ini. Silakan hubungi petugas.</source>
        <translation>No service can be taken at this kiosk yet. Please ask an officer.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="488"/>
        <source>Layanan prioritas: lansia, disabilitas, ibu hamil, anak-anak</source>
        <translation>Priority service: elderly, disabilities, pregnant women, children</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="503"/>
        <source>Layanan prioritas</source>
        <translation>Priority service</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="505"/>
        <source>Pengunjung lanjut usia, penyandang disabilitas, ibu hamil dan anak-anak dilayani lebih dahulu (UU 25/2009). Pilih salah satu:</source>
        <translation>Elderly visitors, people with disabilities, pregnant women and children are served first (Law 25/2009). Choose one:</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="516"/>
        <source>Petugas dapat meminta bukti bila diperlukan.</source>
        <translation>Officers may ask for proof when needed.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="518"/>
        <source>Batal, kembali</source>
        <translation>Cancel, go back</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="542"/>
        <source>Persyaratan yang perlu dibawa:</source>
        <translation>What to bring:</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="546"/>
        <location filename="../../ui/kiosk.py" line="640"/>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="548"/>
        <source>Ambil nomor antrian</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="559"/>
        <source>Mohon tunggu, tiket Anda sedang dicetak...</source>
        <translation>Please wait, your ticket is being printed...</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="577"/>
        <source>Nomor antrian Anda</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="592"/>
        <source>Silakan ambil tiket Anda dan tunggu nomor Anda dipanggil.</source>
        <translation>Please take your ticket and wait for your number to be called.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="607"/>
        <source>Tiket belum tercetak</source>
        <translation>Ticket not printed</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="620"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="633"/>
        <source>Nomor antrian tidak dapat diambil</source>
        <translation>No queue number could be taken</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="637"/>
        <source>Silakan hubungi petugas di meja informasi.</source>
        <translation>Please ask the officer at the information desk.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="714"/>
        <source>Layanan belum dibuka</source>
        <translation>Service has not opened yet</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="715"/>
        <source>Layanan hari ini sudah selesai</source>
        <translation>Service has ended for today</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="716"/>
        <source>Layanan hari ini sudah ditutup</source>
        <translation>Service has been closed for today</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="717"/>
        <source>Hari ini kantor libur</source>
        <translation>The office is closed today</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="718"/>
        <source>Mohon maaf, layanan sedang tutup</source>
        <translation>Sorry, the office is closed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk.py" line="808"/>
        <source>Layar kembali ke awal dalam %n detik.</source>
        <translation>
            <numerusform>The screen returns to the start in %n seconds.</numerusform>
            <numerusform>The screen returns to the start in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="857"/>
        <source>Prioritas: %1. Silakan pilih layanan.</source>
        <translation>Priority: %1. Please choose a service.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="874"/>
        <source>Waktu penyelesaian: %1</source>
        <translation>Time to complete: %1</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="877"/>
        <source>Dokumen yang dibawa:</source>
        <translation>Documents to bring:</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="877"/>
        <source>Dilakukan di kantor:</source>
        <translation>Done at the office:</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="941"/>
        <source>Maaf, nomor antrean tidak dapat diambil saat ini (server tidak terhubung). Silakan hubungi petugas.</source>
        <translation>Sorry, no queue number can be taken right now (the server is not connected). Please ask an officer.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="931"/>
        <source>kios ini tidak memiliki printer tiket</source>
        <translation>this kiosk has no ticket printer</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="994"/>
        <source>PRIORITAS: %1</source>
        <translation>PRIORITY: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk.py" line="997"/>
        <source>Di depan Anda: %n orang</source>
        <translation>
            <numerusform>Ahead of you: %n people</numerusform>
            <numerusform>Ahead of you: %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk.py" line="974"/>
        <source>Perkiraan menunggu: ± %n menit</source>
        <translation>
            <numerusform>Estimated wait: about %n minutes</numerusform>
            <numerusform>Estimated wait: about %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="726"/>
        <source>Silakan hubungi petugas kantor.</source>
        <translation>Please contact the office staff.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="728"/>
        <source>Silakan datang kembali pada hari layanan berikutnya.</source>
        <translation>Please come back on the next service day.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="731"/>
        <source>Layanan dibuka hari ini</source>
        <translation>Service opens today</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="732"/>
        <source>pukul %1</source>
        <translation>at %1</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="733"/>
        <source>Layanan dibuka lagi</source>
        <translation>Service opens again</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="734"/>
        <source>%1, pukul %2</source>
        <translation>%1, at %2</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="752"/>
        <source>Jam layanan: Senin–Jumat pukul %1–%2 %3</source>
        <translation>Service hours: Monday–Friday %1–%2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="756"/>
        <source>Nomor antrian belum dapat diambil saat ini.</source>
        <translation>No queue number can be taken right now.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="766"/>
        <source>Nomor tetap dapat diambil – %1 belum dibuka</source>
        <translation>You can still take a number – %1 is not open yet</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="767"/>
        <source>Nomor belum dapat diambil – %1 belum dibuka</source>
        <translation>No number can be taken yet – %1 is not open yet</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="975"/>
        <source>Anda akan segera dipanggil</source>
        <translation>You will be called shortly</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="978"/>
        <source>Layanan belum dibuka; nomor Anda akan dipanggil setelah loket dibuka pukul %1 %2</source>
        <translation>Service has not opened yet; your number will be called once the counters open at %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="981"/>
        <source>%1 belum dibuka; nomor Anda akan dipanggil setelah loket dibuka</source>
        <translation>%1 is not open yet; your number will be called once it opens</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="982"/>
        <source>Loket</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="1011"/>
        <source>Printer kembali normal. Belum tercetak: %1 (cetak ulang oleh petugas)</source>
        <translation>Printer working again. Not printed: %1 (reprint by an officer)</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="1017"/>
        <source>Nomor antrian Anda &lt;b&gt;%1&lt;/b&gt; tetap berlaku dan sudah masuk antrian. Catat nomor ini. Petugas di loket dapat mencetak ulang tiket Anda.</source>
        <translation>Your queue number &lt;b&gt;%1&lt;/b&gt; is valid and in the queue. Note this number. The officer at the counter can reprint your ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="1023"/>
        <source>Printer tiket bermasalah (%1). Belum tercetak: %2</source>
        <translation>Ticket printer problem (%1). Not printed: %2</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <location filename="../../ui/lock.py" line="155"/>
        <source>Layar terkunci</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="156"/>
        <source>Terkunci karena tidak ada aktivitas. Ketik kata sandi untuk membuka; pengguna lain dapat masuk dengan namanya sendiri.</source>
        <translation>Locked after no activity. Type your password to unlock; another user can sign in with their own name.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="159"/>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="284"/>
        <location filename="../../ui/setup_wizard.py" line="299"/>
        <source>Kantor</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="285"/>
        <source>Kantor tempat PC ini bekerja (dari basis data, atau ketik kodenya).</source>
        <translation>The office this PC works for (from the database, or type its code).</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="300"/>
        <source>Loket</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="301"/>
        <source>Kode stasiun (boleh kosong)</source>
        <translation>Station code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="340"/>
        <source>Basis data belum berisi kantor: ketik kode kantor, lalu muat katalognya dengan &apos;loket catalog import&apos;.</source>
        <translation>The database has no office yet: type the office code, then load its catalogue with &apos;loket catalog import&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="344"/>
        <source>Wajib untuk PC loket; untuk tablet survei: loket yang dinilai (boleh kosong)</source>
        <translation>Required for a counter PC; for a survey tablet: the counter being rated (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="346"/>
        <source>Kode PC ini di daftar stasiun kantor ({role})</source>
        <translation>This PC&apos;s code in the office&apos;s station list ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="382"/>
        <source>kantor</source>
        <translation>office</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <location filename="../../ui/panels/base.py" line="88"/>
        <source>Pekerjaan</source>
        <translation>Work</translation>
    </message>
    <message>
        <location filename="../../ui/panels/base.py" line="264"/>
        <source>Perlu persetujuan supervisor: diminta saat tombol ditekan.</source>
        <translation>Needs a supervisor&apos;s approval: asked for when the button is pressed.</translation>
    </message>
</context>
<context>
    <name>PerforationPanel</name>
    <message>
        <location filename="../../ui/panels/perforation.py" line="109"/>
        <source>mis. P.2.0001234.01.02</source>
        <translation>e.g. P.2.0001234.01.02</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="111"/>
        <source>nama wajib pajak / usaha</source>
        <translation>taxpayer / business name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="116"/>
        <source>mis. BON-A</source>
        <translation>e.g. BON-A</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="118"/>
        <location filename="../../ui/panels/perforation.py" line="245"/>
        <location filename="../../ui/panels/perforation.py" line="304"/>
        <source>nomor seri awal</source>
        <translation>first serial number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="120"/>
        <location filename="../../ui/panels/perforation.py" line="246"/>
        <location filename="../../ui/panels/perforation.py" line="305"/>
        <source>nomor seri akhir</source>
        <translation>last serial number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="121"/>
        <location filename="../../ui/panels/perforation.py" line="247"/>
        <location filename="../../ui/panels/perforation.py" line="306"/>
        <source>jumlah lembar</source>
        <translation>number of sheets</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="123"/>
        <source>mis. 5.000</source>
        <translation>e.g. 5.000</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="126"/>
        <source>keterangan bila jumlah lembar berbeda</source>
        <translation>note if the number of sheets differs</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="131"/>
        <source>Simpan permohonan</source>
        <translation>Save request</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="142"/>
        <location filename="../../ui/panels/perforation.py" line="243"/>
        <location filename="../../ui/panels/perforation.py" line="303"/>
        <source>NPWPD</source>
        <translation>NPWPD</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="143"/>
        <source>Nama wajib pajak</source>
        <translation>Taxpayer name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="144"/>
        <source>Jenis media</source>
        <translation>Media type</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="145"/>
        <source>Seri</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="146"/>
        <source>Nomor seri awal</source>
        <translation>First serial number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="147"/>
        <source>Nomor seri akhir</source>
        <translation>Last serial number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="148"/>
        <source>Jumlah lembar</source>
        <translation>Number of sheets</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="149"/>
        <source>Nilai nominal per lembar</source>
        <translation>Face value per sheet</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="150"/>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="152"/>
        <source>Jumlah nilai</source>
        <translation>Total value</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="153"/>
        <source>Permohonan perforasi</source>
        <translation>Perforation request</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="162"/>
        <source>Belum ada permohonan dipilih.</source>
        <translation>No request selected yet.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="172"/>
        <source>Hitung</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="174"/>
        <source>Akhiri job</source>
        <translation>End job</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="175"/>
        <source>Hentikan job di mesin, terima jumlah terhitung</source>
        <translation>Stop the job on the machine and accept the count so far</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="186"/>
        <source>catatan pencocokan (boleh kosong)</source>
        <translation>reconciliation note (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="187"/>
        <source>Cocokkan</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="193"/>
        <source>Diajukan</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="193"/>
        <source>Terhitung</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="194"/>
        <source>Kurang</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="194"/>
        <source>Lebih</source>
        <translation>Extra</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="195"/>
        <location filename="../../ui/panels/perforation.py" line="224"/>
        <source>Rusak</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="195"/>
        <source>Baik</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="196"/>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="196"/>
        <source>Nilai terperforasi</source>
        <translation>Perforated value</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="203"/>
        <location filename="../../ui/panels/perforation.py" line="252"/>
        <location filename="../../ui/panels/perforation.py" line="457"/>
        <source>nama pengambil</source>
        <translation>name of the person collecting</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="206"/>
        <source>Serahkan dan cetak formulir</source>
        <translation>Hand over and print the form</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="210"/>
        <source>Proses</source>
        <translation>Processing</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="216"/>
        <source>Mesin</source>
        <translation>Machine</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="232"/>
        <source>Diambil oleh</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="243"/>
        <source>nama</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="244"/>
        <location filename="../../ui/panels/perforation.py" line="304"/>
        <source>seri</source>
        <translation>series</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="248"/>
        <location filename="../../ui/panels/perforation.py" line="307"/>
        <source>nilai nominal</source>
        <translation>face value</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="249"/>
        <source>keterangan</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="250"/>
        <source>rusak</source>
        <translation>damaged</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="251"/>
        <source>catatan pencocokan</source>
        <translation>reconciliation note</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="260"/>
        <source>Perforasi</source>
        <translation>Perforation</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="302"/>
        <source>Tunggu sampai penghitungan selesai.</source>
        <translation>Wait until the count is finished.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="303"/>
        <source>nama wajib pajak</source>
        <translation>taxpayer name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="311"/>
        <source>isi {0}</source>
        <translation>enter {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="312"/>
        <source>perbaiki {0}</source>
        <translation>correct {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="315"/>
        <source>Nomor seri dan jumlah lembar belum cocok (lihat di atas).</source>
        <translation>Serial numbers and sheet count do not match (see above).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="338"/>
        <source>Permohonan {0} disimpan; batas waktu {1}</source>
        <translation>Request {0} saved; due {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="376"/>
        <source>{0} &amp;middot; seri {1} &amp;middot; {2} s.d. {3} ({4} lembar x {5} = {6})</source>
        <translation>{0} &amp;middot; series {1} &amp;middot; {2} to {3} ({4} sheets x {5} = {6})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="380"/>
        <source> - TERLAMBAT {0} menit</source>
        <translation> - LATE by {0} min</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="382"/>
        <source>Standar waktu {0}; batas {1}{2}</source>
        <translation>Time standard {0}; due {1}{2}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="388"/>
        <source>{0} lembar terhitung ({1})</source>
        <translation>{0} sheets counted ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="401"/>
        <source>oleh mesin</source>
        <translation>by the machine</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="402"/>
        <source>dihitung manual</source>
        <translation>counted by hand</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="429"/>
        <location filename="../../ui/panels/perforation.py" line="440"/>
        <location filename="../../ui/panels/perforation.py" line="450"/>
        <source>Sedang menghitung…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="431"/>
        <source>Pilih permohonan di daftar, atau simpan permohonan baru.</source>
        <translation>Pick a request in the list, or save a new one.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="433"/>
        <source>Tidak ada yang perlu dihitung: permohonan {0}.</source>
        <translation>Nothing to count: request {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="444"/>
        <source>Sudah dicocokkan.</source>
        <translation>Already reconciled.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="445"/>
        <source>Hitung lembarnya dulu (Hitung).</source>
        <translation>Count the sheets first (Count).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="454"/>
        <source>Sudah diambil oleh {0}.</source>
        <translation>Already picked up by {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="456"/>
        <source>Cocokkan hasil hitungan dulu (Cocokkan).</source>
        <translation>Reconcile the count first (Reconcile).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="471"/>
        <source>Mesin perforasi loket ini</source>
        <translation>This counter&apos;s perforation machine</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="472"/>
        <source>Mesin perforasi simulasi (latihan)</source>
        <translation>Simulated perforation machine (practice)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="496"/>
        <source>belum dipakai</source>
        <translation>not used yet</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="497"/>
        <source>Keadaan mesin: {0}</source>
        <translation>Machine state: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="525"/>
        <source>Menghitung...</source>
        <translation>Counting...</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="549"/>
        <source>{0}: {1} lembar terhitung</source>
        <translation>{0}: {1} sheets counted</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="566"/>
        <source>Pencocokan {0} membukukan stok benda berharga kantor: perlu persetujuan supervisor.</source>
        <translation>Reconciling {0} books the office&apos;s stock of valuables: it needs a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="581"/>
        <source>{0} dicocokkan: {1}</source>
        <translation>{0} reconciled: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="599"/>
        <source>{0} diambil oleh {1}</source>
        <translation>{0} collected by {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="609"/>
        <source>permohonan perforasi</source>
        <translation>perforation request</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="611"/>
        <source>pencocokan</source>
        <translation>reconciliation</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="613"/>
        <source>pengambilan</source>
        <translation>pick-up</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="630"/>
        <source>{0} belum disimpan</source>
        <translation>{0} not saved</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/report_view.py" line="112"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="117"/>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="125"/>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="129"/>
        <source>Simpan PDF...</source>
        <translation>Save PDF...</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="131"/>
        <source>Simpan XLSX...</source>
        <translation>Save XLSX...</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="178"/>
        <source>Menghitung laporan...</source>
        <translation>Computing the report...</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="189"/>
        <source>Laporan gagal dihitung: {error}</source>
        <translation>The report could not be computed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="210"/>
        <source>Laporan pelayanan {office}, {period} ({zone})</source>
        <translation>Service report {office}, {period} ({zone})</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="221"/>
        <source>Grafik</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="280"/>
        <location filename="../../ui/report_view.py" line="303"/>
        <source>menit</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="288"/>
        <source>Kunjungan per layanan</source>
        <translation>Visits per service</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="289"/>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="290"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="291"/>
        <source>kunjungan</source>
        <translation>visits</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="297"/>
        <source>Waktu tunggu dan layanan per tahap</source>
        <translation>Waiting and service times per stage</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="298"/>
        <source>Tunggu median</source>
        <translation>Median wait</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="300"/>
        <source>Tunggu P90</source>
        <translation>P90 wait</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="301"/>
        <source>Layanan median</source>
        <translation>Median service</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="330"/>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="334"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="340"/>
        <source>Simpan XLSX</source>
        <translation>Save XLSX</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="74"/>
        <source>Peran PC ini</source>
        <translation>Role of this PC</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="75"/>
        <source>Apa yang dikerjakan PC ini di kantor?</source>
        <translation>What does this PC do in the office?</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="78"/>
        <source>Kiosk: pengunjung mengambil nomor antrian</source>
        <translation>Kiosk: visitors take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="79"/>
        <source>Loket: petugas memanggil dan melayani</source>
        <translation>Counter: an officer calls and serves</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="80"/>
        <source>Layar antrian (TV ruang tunggu)</source>
        <translation>Queue display (waiting room TV)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="81"/>
        <source>Supervisor: papan pemantauan kantor</source>
        <translation>Supervisor: the office monitoring board</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="82"/>
        <source>Survei kepuasan (IKM)</source>
        <translation>Satisfaction survey (IKM)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="87"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>SamsatPanel</name>
    <message>
        <location filename="../../ui/panels/samsat.py" line="131"/>
        <source>STNK</source>
        <translation>STNK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="196"/>
        <source>Tidak ada kunjungan</source>
        <translation>No visit</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="202"/>
        <source>belum cek fisik</source>
        <translation>physical check pending</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="202"/>
        <source>sudah cek fisik</source>
        <translation>physically checked</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="203"/>
        <source>terdaftar di loket 1</source>
        <translation>registered at counter 1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="204"/>
        <source>sudah dibayar</source>
        <translation>paid</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="204"/>
        <source>STNK diserahkan</source>
        <translation>STNK handed over</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="207"/>
        <source>Status: {0} · waktu {1} menit dari {2} menit</source>
        <translation>Status: {0} · time {1} min of {2} min</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="220"/>
        <location filename="../../ui/panels/samsat.py" line="702"/>
        <source>Cek fisik belum dicatat</source>
        <translation>Vehicle check not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="222"/>
        <location filename="../../ui/panels/samsat.py" line="721"/>
        <location filename="../../ui/panels/samsat.py" line="748"/>
        <source>Belum didaftarkan</source>
        <translation>Not registered yet</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="224"/>
        <location filename="../../ui/panels/samsat.py" line="750"/>
        <source>Belum dibayar</source>
        <translation>Not paid yet</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="231"/>
        <source>mis. KB 1234 AB (boleh kosong)</source>
        <translation>e.g. KB 1234 AB (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="234"/>
        <source>nomor rangka, mis. MH1JFM110FK123456</source>
        <translation>chassis number, e.g. MH1JFM110FK123456</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="237"/>
        <source>nomor mesin, mis. JFM1E1123456</source>
        <translation>engine number, e.g. JFM1E1123456</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="238"/>
        <source>Simpan cek fisik</source>
        <translation>Save physical check</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="246"/>
        <location filename="../../ui/panels/samsat.py" line="318"/>
        <source>Nomor polisi</source>
        <translation>Plate number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="247"/>
        <location filename="../../ui/panels/samsat.py" line="359"/>
        <source>Nomor rangka</source>
        <translation>Chassis number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="248"/>
        <location filename="../../ui/panels/samsat.py" line="360"/>
        <source>Nomor mesin</source>
        <translation>Engine number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="259"/>
        <source>Cek fisik belum dicatat.</source>
        <translation>Physical check not recorded yet.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="263"/>
        <source>Dicatat oleh {0}; kendaraan belum ditemukan di register: dibandingkan di loket 1.</source>
        <translation>Recorded by {0}; the vehicle is not in the register yet: it is compared at counter 1.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="267"/>
        <source>Nomor rangka dan nomor mesin SESUAI dengan register ({0}).</source>
        <translation>Chassis and engine numbers MATCH the register ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="271"/>
        <source>TIDAK SESUAI: {0}</source>
        <translation>MISMATCH: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="290"/>
        <source>Cek fisik tidak sesuai: {0}</source>
        <translation>Physical check does not match: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="293"/>
        <source>Cek fisik {0} dicatat.</source>
        <translation>Physical check of {0} recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="300"/>
        <source>mis. KB 1234 AB</source>
        <translation>e.g. KB 1234 AB</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="302"/>
        <source>16 angka, mis. 6171011508900001</source>
        <translation>16 digits, e.g. 6171011508900001</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="311"/>
        <source>Daftarkan</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="319"/>
        <source>Kendaraan</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="320"/>
        <location filename="../../ui/panels/samsat.py" line="710"/>
        <location filename="../../ui/panels/samsat.py" line="775"/>
        <source>NIK pemilik</source>
        <translation>Owner&apos;s NIK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="321"/>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="324"/>
        <source>Pemilik baru</source>
        <translation>New owner</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="327"/>
        <source>Daftarkan pemilik</source>
        <translation>Register owner</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="330"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="331"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="336"/>
        <source>Kendaraan baru</source>
        <translation>New vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="343"/>
        <source>NJKB, mis. 15.000.000</source>
        <translation>NJKB, e.g. 15.000.000</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="350"/>
        <location filename="../../ui/panels/samsat.py" line="352"/>
        <source>HH-BB-TTTT</source>
        <translation>DD-MM-YYYY</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="353"/>
        <source>Daftarkan kendaraan</source>
        <translation>Register vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="356"/>
        <source>Jenis</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="357"/>
        <source>Golongan SWDKLLJ</source>
        <translation>SWDKLLJ class</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="358"/>
        <location filename="../../ui/panels/samsat.py" line="778"/>
        <source>NJKB</source>
        <translation>NJKB</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="361"/>
        <source>Merek</source>
        <translation>Make</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="361"/>
        <source>Tipe</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="362"/>
        <source>Tahun pembuatan</source>
        <translation>Year made</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="363"/>
        <source>Jatuh tempo pajak</source>
        <translation>Tax due date</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="364"/>
        <location filename="../../ui/panels/samsat.py" line="782"/>
        <source>STNK berlaku s.d.</source>
        <translation>STNK valid until</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="395"/>
        <source>{0} belum terdaftar</source>
        <translation>{0} not registered yet</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="401"/>
        <source>tanpa pemilik</source>
        <translation>no owner</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="404"/>
        <source>rangka {0} · mesin {1} · pajak s.d. {2} · pemilik {3}</source>
        <translation>chassis {0} · engine {1} · tax due {2} · owner {3}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="409"/>
        <source>NIK {0} belum terdaftar</source>
        <translation>NIK {0} not registered yet</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="431"/>
        <source>Pemilik {0} terdaftar.</source>
        <translation>Owner {0} registered.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="449"/>
        <source>Kendaraan {0} terdaftar.</source>
        <translation>Vehicle {0} registered.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="463"/>
        <source>{0} terdaftar; lanjut ke {1}.</source>
        <translation>{0} registered; on to {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="659"/>
        <source>loket lain</source>
        <translation>another counter</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="665"/>
        <source>{0} di {1}: kembalikan nomor ini ke {1} (Alihkan…).</source>
        <translation>{0} at {1}: send this number back to {1} (Transfer…).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="675"/>
        <source>Belum ada kunjungan: panggil nomor dulu (F1).</source>
        <translation>No visit: call a number first (F1).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="677"/>
        <source>Data kunjungan belum terbaca (lihat pesan di bawah).</source>
        <translation>The visit could not be read (see the message below).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="679"/>
        <source>Berkas ini dibatalkan oleh supervisor.</source>
        <translation>This case was cancelled by a supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="686"/>
        <source>Sudah didaftarkan di {0}: cek fisik tidak bisa diubah lagi.</source>
        <translation>Already registered at {0}: the vehicle check can no longer change.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="689"/>
        <location filename="../../ui/panels/samsat.py" line="772"/>
        <source>nomor rangka</source>
        <translation>chassis number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="690"/>
        <location filename="../../ui/panels/samsat.py" line="773"/>
        <source>nomor mesin</source>
        <translation>engine number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="691"/>
        <location filename="../../ui/panels/samsat.py" line="707"/>
        <location filename="../../ui/panels/samsat.py" line="771"/>
        <location filename="../../ui/panels/samsat.py" line="774"/>
        <source>nomor polisi</source>
        <translation>plate</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="700"/>
        <source>Sudah terdaftar.</source>
        <translation>Already registered.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="704"/>
        <source>Cek fisik tidak sesuai register (lihat di atas); ulangi cek fisik</source>
        <translation>The vehicle check does not match the register (see above); repeat the vehicle check</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="708"/>
        <source>kendaraan belum terdaftar: isi dan simpan &quot;Kendaraan baru&quot;</source>
        <translation>vehicle not registered: fill in and save &quot;New vehicle&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="711"/>
        <source>pemilik belum terdaftar: isi dan simpan &quot;Pemilik baru&quot;</source>
        <translation>owner not registered: fill in and save &quot;New owner&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="723"/>
        <source>Sudah dibayar.</source>
        <translation>Already paid.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="725"/>
        <source>Tagihan belum bisa dihitung (lihat pesan di bawah).</source>
        <translation>The bill cannot be computed (see the message below).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="728"/>
        <source>Isi nomor referensi transfer.</source>
        <translation>Enter the transfer reference.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="730"/>
        <source>Isi kode billing.</source>
        <translation>Enter the billing code.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="732"/>
        <location filename="../../ui/panels/samsat.py" line="784"/>
        <source>uang diterima</source>
        <translation>amount received</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="738"/>
        <source>Uang diterima kurang {0}.</source>
        <translation>Amount received is {0} short.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="752"/>
        <source>STNK sudah diserahkan.</source>
        <translation>STNK already handed over.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="754"/>
        <source>centang &quot;STNK sudah disahkan&quot;</source>
        <translation>tick &quot;STNK endorsed&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="755"/>
        <source>centang &quot;STNK sudah dicap&quot;</source>
        <translation>tick &quot;STNK stamped&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="756"/>
        <source>isi nama penerima</source>
        <translation>enter the recipient&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="776"/>
        <source>nama pemilik</source>
        <translation>owner&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="777"/>
        <source>alamat pemilik</source>
        <translation>owner&apos;s address</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="778"/>
        <source>merek</source>
        <translation>make</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="779"/>
        <source>tipe</source>
        <translation>model</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="780"/>
        <source>tahun pembuatan</source>
        <translation>year made</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="781"/>
        <source>jatuh tempo pajak</source>
        <translation>tax due date</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="783"/>
        <source>referensi</source>
        <translation>reference</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="785"/>
        <source>STNK disahkan</source>
        <translation>STNK endorsed</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="786"/>
        <source>STNK dicap</source>
        <translation>STNK stamped</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="794"/>
        <source>cek fisik</source>
        <translation>vehicle check</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="796"/>
        <source>pendaftaran</source>
        <translation>registration</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="798"/>
        <source>pemilik baru</source>
        <translation>new owner</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="800"/>
        <source>kendaraan baru</source>
        <translation>new vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="803"/>
        <source>pembayaran</source>
        <translation>payment</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="804"/>
        <source>penyerahan STNK</source>
        <translation>STNK hand-over</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="818"/>
        <source>Cek fisik belum disimpan</source>
        <translation>Vehicle check not saved</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="823"/>
        <source>Pembayaran belum dicatat</source>
        <translation>Payment not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="825"/>
        <source>Penyerahan STNK belum dicatat</source>
        <translation>STNK hand-over not recorded</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="843"/>
        <source>Pendaftaran belum disimpan</source>
        <translation>Registration not saved</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="473"/>
        <source>Uraian</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="473"/>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="473"/>
        <source>Dasar perhitungan</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="474"/>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="486"/>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="486"/>
        <source>Transfer bank</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="487"/>
        <source>Kode billing</source>
        <translation>Billing code</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="492"/>
        <source>nomor referensi transfer / kode billing</source>
        <translation>transfer reference / billing code</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="494"/>
        <source>uang diterima (tunai)</source>
        <translation>cash received</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="498"/>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="507"/>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="508"/>
        <source>Referensi</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="509"/>
        <source>Uang diterima</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="510"/>
        <source>Kembalian</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="535"/>
        <source>Jumlah: {0}</source>
        <translation>Total: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="539"/>
        <source>Sudah dibayar {0} · kuitansi {1} · SKPD {2}</source>
        <translation>Paid {0} · receipt {1} · SKPD {2}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="550"/>
        <source>kurang {0}</source>
        <translation>{0} short</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="572"/>
        <source>Pembayaran {0} diterima; kuitansi {1}.</source>
        <translation>Payment of {0} received; receipt {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="582"/>
        <source>STNK sudah disahkan (diparaf dan ditulis waktu pengesahan)</source>
        <translation>STNK endorsed (initialled, time of endorsement written)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="584"/>
        <source>STNK sudah dicap</source>
        <translation>STNK stamped</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="586"/>
        <location filename="../../ui/panels/samsat.py" line="787"/>
        <source>nama penerima</source>
        <translation>recipient&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="590"/>
        <source>Serahkan STNK</source>
        <translation>Hand over STNK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="595"/>
        <source>Diterima oleh</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="614"/>
        <source>Pemilik: {0} · kuitansi {1}</source>
        <translation>Owner: {0} · receipt {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="619"/>
        <source>dalam standar</source>
        <translation>within the standard</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="619"/>
        <source>MELEBIHI standar</source>
        <translation>OVER the standard</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="620"/>
        <source>tanpa standar</source>
        <translation>no standard</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="623"/>
        <source>Diserahkan kepada {0} pukul {1} · {2} menit sejak nomor antrian, {3} ({4} menit)</source>
        <translation>Handed to {0} at {1} · {2} min since the queue ticket, {3} ({4} min)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="646"/>
        <source>STNK {0} diserahkan; {1} menit.</source>
        <translation>STNK {0} handed over; {1} min.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="529"/>
        <source>Loket: penyiapan PC</source>
        <translation>Loket: PC set-up</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../ui/lock.py" line="74"/>
        <location filename="../../ui/lock.py" line="78"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="76"/>
        <location filename="../../ui/lock.py" line="80"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="134"/>
        <source>Isi nama pengguna dan kata sandi.</source>
        <translation>Fill in user name and password.</translation>
    </message>
</context>
<context>
    <name>StationTile</name>
    <message>
        <location filename="../../ui/demo_office.py" line="65"/>
        <source>Loket Demo — {role}</source>
        <translation>Loket Demo — {role}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="483"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="484"/>
        <source>Periksa lalu tekan Selesai untuk menyimpan.</source>
        <translation>Check, then press Finish to save.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="499"/>
        <source>Peran: {v}</source>
        <translation>Role: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="500"/>
        <source>Kantor: {v}</source>
        <translation>Office: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="502"/>
        <source>Loket: {v}</source>
        <translation>Counter: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="504"/>
        <source>Kode stasiun: {v}</source>
        <translation>Station code: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="507"/>
        <source>Basis data: {v}</source>
        <translation>Database: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="509"/>
        <source>Kata sandi: disimpan di penyimpanan kunci sistem bila ada, jika tidak di berkas konfigurasi</source>
        <translation>Password: kept in the system key store if there is one, otherwise in the configuration file</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="513"/>
        <source>Berkas: {v}</source>
        <translation>File: {v}</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../ui/counter.py" line="205"/>
        <source>Persetujuan supervisor</source>
        <translation>Supervisor&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="215"/>
        <source>mis. wajib pajak batal membayar</source>
        <translation>e.g. the taxpayer decided not to pay</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="216"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="217"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="219"/>
        <source>Alasan pembatalan</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="226"/>
        <source>Batalkan tagihan</source>
        <translation>Cancel the bill</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="226"/>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="227"/>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="239"/>
        <source>nama supervisor</source>
        <translation>supervisor&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="240"/>
        <source>kata sandi</source>
        <translation>password</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="241"/>
        <source>alasan</source>
        <translation>reason</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="245"/>
        <source>Isi {fields}.</source>
        <translation>Enter {fields}.</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/supervisor.py" line="343"/>
        <location filename="../../ui/supervisor.py" line="365"/>
        <source>Papan supervisor</source>
        <translation>Supervisor board</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="365"/>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="379"/>
        <source>Papan</source>
        <translation>Board</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="383"/>
        <source>Laporan harian</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="396"/>
        <source>Keluar</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="411"/>
        <source>Menunggu sekarang</source>
        <translation>Waiting now</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="412"/>
        <source>Tunggu terlama</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="413"/>
        <source>Selesai dilayani</source>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="414"/>
        <source>Dalam standar waktu</source>
        <translation>Within the time standard</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="415"/>
        <source>Tidak hadir</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="416"/>
        <source>IKM hari ini</source>
        <translation>Today&apos;s IKM</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="438"/>
        <location filename="../../ui/supervisor.py" line="702"/>
        <source>Periksa perangkat</source>
        <translation>Check devices</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="454"/>
        <source>Perlu perhatian</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="459"/>
        <source>Tidak ada yang perlu perhatian.</source>
        <translation>Nothing needs attention.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="597"/>
        <source>{open} dari {total} loket buka</source>
        <translation>{open} of {total} counters open</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="599"/>
        <source>Tidak ada yang menunggu</source>
        <translation>Nobody is waiting</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="606"/>
        <source>dari {n} nomor antrian hari ini</source>
        <translation>of {n} tickets today</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="611"/>
        <source>{within} dari {counted} kunjungan</source>
        <translation>{within} of {counted} visits</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="613"/>
        <source>Belum ada yang dihitung</source>
        <translation>Nothing counted yet</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="615"/>
        <source>dipanggil, tidak datang</source>
        <translation>called, did not come</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="617"/>
        <source>Belum ada responden</source>
        <translation>No respondents yet</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="621"/>
        <source>{grade} ({label}) · {n} responden</source>
        <translation>{grade} ({label}) · {n} respondents</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="662"/>
        <source>{ticket} {status} di {place}, loket tidak ada kabar {time}</source>
        <translation>{ticket} {status} at {place}, no sign from the counter for {time}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="666"/>
        <source>{ticket} lewat standar waktu {time} ({status}, {place})</source>
        <translation>{ticket} over the time standard by {time} ({status}, {place})</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="672"/>
        <source>{ticket} menunggu di {stage}, lewat standar waktu {time}</source>
        <translation>{ticket} waiting at {stage}, over the time standard by {time}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="674"/>
        <source>{n} nomor menunggu di {stage} lewat standar waktu (terlama {ticket}, {time})</source>
        <translation>{n} tickets waiting at {stage} over the time standard (longest {ticket}, {time})</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="678"/>
        <source>{counter} tutup.</source>
        <translation>{counter} is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="683"/>
        <source>{counter} buka, belum pernah memberi kabar</source>
        <translation>{counter} is open but has never given a sign</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="685"/>
        <source>{counter} buka, tidak ada kabar {time}</source>
        <translation>{counter} is open, no sign for {time}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="688"/>
        <source>Tiket {ticket} gagal dicetak</source>
        <translation>Ticket {ticket} failed to print</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="690"/>
        <source>{station}: {device} {state}</source>
        <translation>{station}: {device} {state}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="694"/>
        <source>{kind} {number} lewat waktu {time}: {title}</source>
        <translation>{kind} {number} overdue by {time}: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="700"/>
        <source>Ambil alih</source>
        <translation>Take back</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="700"/>
        <source>Buka loket</source>
        <translation>Open counter</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="701"/>
        <source>Tutup loket</source>
        <translation>Close counter</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="703"/>
        <source>Buka laporan</source>
        <translation>Open the report</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="750"/>
        <source>Tidak ada perangkat.</source>
        <translation>No devices.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="793"/>
        <source>{name} dibuka.</source>
        <translation>{name} opened.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="794"/>
        <source>{name} ditutup.</source>
        <translation>{name} closed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="444"/>
        <source>Loket</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="702"/>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="425"/>
        <source>Antrian per tahap</source>
        <translation>Waiting per stage</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="431"/>
        <source>Kesehatan perangkat</source>
        <translation>Device health</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="467"/>
        <source>Teks berjalan layar antrian:</source>
        <translation>Running text on the display:</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="470"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="518"/>
        <source>Masuk sebagai {name}</source>
        <translation>Signed in as {name}</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="590"/>
        <source>{n} hari</source>
        <translation>{n} d</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="592"/>
        <source>{n} jam</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="593"/>
        <source>{n} menit</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="801"/>
        <source>Tiket {0} dikembalikan ke antrian.</source>
        <translation>Ticket {0} returned to the queue.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="813"/>
        <source>Tugas ini bukan tiket.</source>
        <translation>This job is not a ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="819"/>
        <source>Tiket dicetak ulang.</source>
        <translation>Ticket reprinted.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="840"/>
        <source>Teks berjalan disimpan.</source>
        <translation>Running text saved.</translation>
    </message>
</context>
<context>
    <name>SurveyWindow</name>
    <message>
        <location filename="../../ui/survey.py" line="159"/>
        <source>Survei Kepuasan Masyarakat</source>
        <translation>Public Satisfaction Survey</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="204"/>
        <source>Bagaimana pelayanan kami hari ini?</source>
        <translation>How was our service today?</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="205"/>
        <source>Pindai kode QR pada karcis antrean Anda, atau ketik nomornya (contoh A-001).</source>
        <translation>Scan the QR code on your queue ticket, or type its number (for example A-001).</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="220"/>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="266"/>
        <source>Bagaimana pelayanan di {counter}?</source>
        <translation>How was the service at {counter}?</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="269"/>
        <source>Tidak puas</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="269"/>
        <source>Kurang puas</source>
        <translation>Somewhat dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="269"/>
        <source>Puas</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="270"/>
        <source>Sangat puas</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="312"/>
        <source>‹ Kembali</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="325"/>
        <source>Tentang Anda (boleh dilewati)</source>
        <translation>About you (you may skip this)</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="345"/>
        <source>Lewati</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="352"/>
        <source>Kirim</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="370"/>
        <source>Terima kasih atas penilaian Anda!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="372"/>
        <source>Masukan Anda membantu kami memperbaiki pelayanan.</source>
        <translation>Your feedback helps us improve our service.</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="472"/>
        <source>Ketik nomor antrean Anda atau pindai karcisnya.</source>
        <translation>Type your queue number or scan your ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="490"/>
        <source>Pertanyaan {n} dari {total}</source>
        <translation>Question {n} of {total}</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/counter.py" line="158"/>
        <source>Alihkan nomor</source>
        <translation>Transfer number</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="160"/>
        <source>Ke tahap (antrean tahap itu)</source>
        <translation>To a stage (that stage&apos;s queue)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="161"/>
        <source>Ke loket tertentu</source>
        <translation>To a particular counter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="177"/>
        <source>Alihkan</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="178"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>_Tile</name>
    <message>
        <location filename="../../ui/display.py" line="91"/>
        <source>TUTUP</source>
        <translation>CLOSED</translation>
    </message>
</context>
</TS>
