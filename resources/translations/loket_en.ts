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
    <name>BapendaPanel</name>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="72"/>
        <source>Pendaftaran NPWPD</source>
        <translation>NPWPD registration</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="73"/>
        <source>Penonaktifan</source>
        <translation>Deactivation</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="74"/>
        <source>Pembayaran Pajak</source>
        <translation>Tax payment</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="86"/>
        <source>NPWPD &amp; Pajak Daerah</source>
        <translation>NPWPD &amp; Regional Tax</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="94"/>
        <source>Pribadi (P)</source>
        <translation>Individual (P)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="95"/>
        <source>Badan Usaha (B)</source>
        <translation>Business entity (B)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="98"/>
        <source>16 angka NIK</source>
        <translation>16-digit NIK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="100"/>
        <source>nama wajib pajak / pemilik</source>
        <translation>taxpayer / owner name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="102"/>
        <source>nama badan usaha</source>
        <translation>business name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="103"/>
        <source>13 angka (boleh kosong)</source>
        <translation>13 digits (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="105"/>
        <source>15/16 angka (boleh kosong)</source>
        <translation>15/16 digits (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="111"/>
        <source>jalan, nomor, RT/RW</source>
        <translation>street, number, RT/RW</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="122"/>
        <source>kode kecamatan</source>
        <translation>district code</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="127"/>
        <source>kode kelurahan/desa</source>
        <translation>village code</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="128"/>
        <source>boleh kosong</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="133"/>
        <source>printer kartu, mis. card+printer://Evolis</source>
        <translation>card printer, e.g. card+printer://Evolis</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="134"/>
        <source>Daftarkan</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="136"/>
        <location filename="../../ui/panels/bapenda.py" line="256"/>
        <location filename="../../ui/panels/bapenda.py" line="265"/>
        <source>Cetak kartu</source>
        <translation>Print card</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="150"/>
        <source>Jenis wajib pajak</source>
        <translation>Taxpayer type</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="151"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="152"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="153"/>
        <source>Nama badan usaha</source>
        <translation>Business name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="154"/>
        <source>NIB</source>
        <translation>NIB</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="155"/>
        <source>NPWP</source>
        <translation>NPWP</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="156"/>
        <source>Jenis pajak</source>
        <translation>Tax type</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="157"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="158"/>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="159"/>
        <source>Kelurahan/Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="160"/>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="161"/>
        <source>Persyaratan</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="162"/>
        <source>Printer kartu</source>
        <translation>Card printer</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="191"/>
        <source>%1 (tidak wajib)</source>
        <translation>%1 (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="252"/>
        <source>NPWPD %1 terdaftar atas nama %2; surat %3</source>
        <translation>NPWPD %1 registered to %2; letter %3</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="258"/>
        <source>NPWPD %1 terdaftar</source>
        <translation>NPWPD %1 registered</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="274"/>
        <source>Cetak ulang kartu</source>
        <translation>Reprint card</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="277"/>
        <source>Kartu NPWPD %1 tercetak</source>
        <translation>NPWPD card %1 printed</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="295"/>
        <source>mis. P.2.0001234.01.02</source>
        <translation>e.g. P.2.0001234.01.02</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="296"/>
        <location filename="../../ui/panels/bapenda.py" line="381"/>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="305"/>
        <source>keterangan (wajib untuk &apos;Lainnya&apos;)</source>
        <translation>note (required for &apos;Lainnya&apos; / other)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="306"/>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="316"/>
        <source>NPWPD</source>
        <translation>NPWPD</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="318"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="319"/>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="343"/>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="343"/>
        <source>nonaktif</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="373"/>
        <source>NPWPD %1 dinonaktifkan</source>
        <translation>NPWPD %1 deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="380"/>
        <source>nomor SKPD/STPD atau NPWPD</source>
        <translation>SKPD/STPD number or NPWPD</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="386"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="386"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="386"/>
        <source>Masa</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="386"/>
        <source>Pokok</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="387"/>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="387"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="398"/>
        <source>Uraian</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="398"/>
        <source>Dasar perhitungan</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="399"/>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="410"/>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="410"/>
        <source>Transfer bank</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="411"/>
        <source>Kode billing</source>
        <translation>Billing code</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="414"/>
        <source>kode billing / referensi transfer</source>
        <translation>billing code / transfer reference</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="417"/>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="425"/>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="426"/>
        <source>Referensi</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="452"/>
        <source>lunas</source>
        <translation>paid</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="452"/>
        <source>belum bayar</source>
        <translation>unpaid</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="474"/>
        <source>%1 sudah lunas</source>
        <translation>%1 is already paid</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="499"/>
        <source>masa %1, jatuh tempo %2, terlambat %3 bulan</source>
        <translation>period %1, due %2, %3 months late</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="508"/>
        <source>Jumlah: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/bapenda.py" line="533"/>
        <source>Pembayaran %1 diterima, SSPD %2</source>
        <translation>Payment of %1 received, SSPD %2</translation>
    </message>
</context>
<context>
    <name>CaseworkPanel</name>
    <message>
        <location filename="../../ui/panels/casework.py" line="76"/>
        <source>Permohonan</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="77"/>
        <source>Pengaduan</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="85"/>
        <source>Permohonan &amp; Pengaduan</source>
        <translation>Applications &amp; Complaints</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="94"/>
        <source>nama pemohon / wajib pajak</source>
        <translation>applicant / taxpayer name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="96"/>
        <source>16 angka (boleh kosong)</source>
        <translation>16 digits (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="100"/>
        <location filename="../../ui/panels/casework.py" line="186"/>
        <source>telepon atau e-mail</source>
        <translation>telephone or e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="102"/>
        <source>mis. keberatan atas SKPD reklame 2026</source>
        <translation>e.g. objection to billboard tax SKPD 2026</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="104"/>
        <source>mis. 2.500.000 (keberatan)</source>
        <translation>e.g. 2.500.000 (objections)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="109"/>
        <source>Daftarkan dan cetak tanda terima</source>
        <translation>Register and print the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="112"/>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="113"/>
        <source>Nama pemohon</source>
        <translation>Applicant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="114"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="115"/>
        <location filename="../../ui/panels/casework.py" line="196"/>
        <source>Kontak</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="116"/>
        <location filename="../../ui/panels/casework.py" line="163"/>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="117"/>
        <source>Nilai ketetapan</source>
        <translation>Assessed amount</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="118"/>
        <source>Selesai paling lambat</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="119"/>
        <source>Terima permohonan</source>
        <translation>Receive an application</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="125"/>
        <source>nomor registrasi</source>
        <translation>tracking number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="127"/>
        <location filename="../../ui/panels/casework.py" line="206"/>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="132"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="132"/>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="132"/>
        <source>Kepada</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="133"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="133"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="135"/>
        <source>teruskan kepada (nama / bidang)</source>
        <translation>forward to (name / unit)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="138"/>
        <source>catatan / alasan</source>
        <translation>note / reason</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="140"/>
        <source>Teruskan</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="142"/>
        <location filename="../../ui/panels/casework.py" line="212"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="144"/>
        <source>Tolak</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="155"/>
        <source>Disposisi berkas</source>
        <translation>File disposition</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="162"/>
        <location filename="../../ui/panels/casework.py" line="241"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="162"/>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="163"/>
        <source>Pemegang</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="165"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="167"/>
        <source>Terlambat dan segera jatuh tempo</source>
        <translation>Overdue and due soon</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="184"/>
        <source>nama pelapor (boleh kosong)</source>
        <translation>reporter&apos;s name (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="188"/>
        <source>isi pengaduan</source>
        <translation>complaint text</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="191"/>
        <source>Catat pengaduan</source>
        <translation>Record complaint</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="194"/>
        <location filename="../../ui/panels/casework.py" line="242"/>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="195"/>
        <source>Pelapor</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="197"/>
        <location filename="../../ui/panels/casework.py" line="242"/>
        <source>Isi</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="198"/>
        <source>Pengaduan baru</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="204"/>
        <source>nomor pengaduan</source>
        <translation>complaint number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="212"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="212"/>
        <location filename="../../ui/panels/casework.py" line="241"/>
        <source>Batas waktu</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="213"/>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="215"/>
        <source>Langkah selesai</source>
        <translation>Step done</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="218"/>
        <source>tanggapan kepada pelapor / hasil penyelesaian</source>
        <translation>answer to the reporter / resolution</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="221"/>
        <source>Simpan tanggapan</source>
        <translation>Save answer</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="223"/>
        <source>Tutup pengaduan</source>
        <translation>Close complaint</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="233"/>
        <source>Penanganan</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="244"/>
        <source>Pengaduan terlambat</source>
        <translation>Overdue complaints</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="353"/>
        <source>Permohonan %1 diterima, selesai paling lambat %2</source>
        <translation>Application %1 received, due by %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="379"/>
        <source>Pemohon: %1</source>
        <translation>Applicant: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="381"/>
        <source>Perihal: %1</source>
        <translation>Subject: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="382"/>
        <source>Selesai paling lambat: %1 · pemegang berkas: %2</source>
        <translation>Due by: %1 · file held by: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="386"/>
        <source>Nilai ketetapan: %1</source>
        <translation>Assessed amount: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="388"/>
        <source>Diputus oleh: %1</source>
        <translation>Decided by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="408"/>
        <source>Berkas %1 diteruskan kepada %2</source>
        <translation>File %1 forwarded to %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="424"/>
        <source>Permohonan %1: %2</source>
        <translation>Application %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="445"/>
        <source>Pengaduan %1 dicatat</source>
        <translation>Complaint %1 recorded</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="470"/>
        <source>Pelapor: %1</source>
        <translation>Reporter: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="472"/>
        <source>Tanggapan paling lambat: %1</source>
        <translation>Answer due by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="474"/>
        <source>Tanggapan: %1</source>
        <translation>Answer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="476"/>
        <source>Penyelesaian: %1</source>
        <translation>Resolution: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/casework.py" line="520"/>
        <source>Pengaduan %1: %2</source>
        <translation>Complaint %1: %2</translation>
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
        <location filename="../../ui/counter.py" line="222"/>
        <source>Loket — {counter}</source>
        <translation>Loket — {counter}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="266"/>
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="299"/>
        <source>Belum ada nomor yang dipanggil.</source>
        <translation>No number called yet.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="334"/>
        <source>Persyaratan (centang yang dibawa)</source>
        <translation>Requirements (tick what was brought)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="341"/>
        <source>Panel kerja</source>
        <translation>Work panel</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="365"/>
        <source>Loket ini tidak punya panel kerja; gunakan tombol antrean.</source>
        <translation>This counter has no work panel; use the queue buttons.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="375"/>
        <source>Antrean menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="378"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="378"/>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="378"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="379"/>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="379"/>
        <location filename="../../ui/counter.py" line="859"/>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="382"/>
        <source>Ditahan di loket ini</source>
        <translation>Held at this counter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="385"/>
        <source>Lanjutkan</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="394"/>
        <source>Riwayat kunjungan</source>
        <translation>Visit history</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="397"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="397"/>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="397"/>
        <source>Tempat</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="398"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="427"/>
        <location filename="../../ui/counter.py" line="455"/>
        <source>Terjadi kesalahan: {error}</source>
        <translation>An error occurred: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="430"/>
        <source>Konfirmasi</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="443"/>
        <source>Isi nama pengguna dan kata sandi.</source>
        <translation>Enter user name and password.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="459"/>
        <source>Akun {name} terdaftar di kantor {office}, bukan di kantor ini.</source>
        <translation>Account {name} belongs to office {office}, not this one.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="466"/>
        <source>Petugas: {name}</source>
        <translation>Officer: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="470"/>
        <source>Selamat bekerja, {name}.</source>
        <translation>Welcome, {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="527"/>
        <source>{action} belum bisa dilakukan: nomor {ticket} {status}.</source>
        <translation>{action} is not possible yet: number {ticket} {status}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="536"/>
        <source>Tidak ada yang menunggu.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="538"/>
        <source>Memanggil {ticket}.</source>
        <translation>Calling {ticket}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="544"/>
        <source>{ticket} tidak hadir setelah {n} kali panggilan.</source>
        <translation>{ticket} did not come after {n} calls.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="547"/>
        <source>Memanggil ulang {ticket} ({n}).</source>
        <translation>Calling {ticket} again ({n}).</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="552"/>
        <source>Melayani {ticket}.</source>
        <translation>Serving {ticket}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="557"/>
        <source>Tandai {ticket} tidak hadir? Nomor ini ditutup.</source>
        <translation>Mark {ticket} as no-show? The number is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="560"/>
        <source>{ticket} ditandai tidak hadir.</source>
        <translation>{ticket} marked as no-show.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="565"/>
        <source>{ticket} ditahan; lanjutkan dari daftar Ditahan.</source>
        <translation>{ticket} is on hold; resume it from the Held list.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="572"/>
        <source>Pilih nomor yang ditahan untuk dilanjutkan.</source>
        <translation>Choose a held number to resume.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="576"/>
        <source>Melanjutkan {ticket}.</source>
        <translation>Resuming {ticket}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="590"/>
        <source>{ticket} dialihkan ke {target}.</source>
        <translation>{ticket} transferred to {target}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="596"/>
        <source>{ticket} dikembalikan ke antrean.</source>
        <translation>{ticket} returned to the queue.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="603"/>
        <source>{ticket} selesai di sini, lanjut ke {stage}.</source>
        <translation>{ticket} done here, on to {stage}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="606"/>
        <source>{ticket} selesai dilayani.</source>
        <translation>{ticket} served.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="612"/>
        <source>Batalkan layanan {ticket}? Nomor ini ditutup.</source>
        <translation>Cancel the service of {ticket}? The number is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="616"/>
        <source>{ticket} dibatalkan.</source>
        <translation>{ticket} cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="622"/>
        <source>Tutup {ticket} sebagai berkas tidak lengkap?</source>
        <translation>Close {ticket} as documents incomplete?</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="626"/>
        <source>{ticket} ditutup: berkas tidak lengkap.</source>
        <translation>{ticket} closed: documents incomplete.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="630"/>
        <source>(semua dicentang)</source>
        <translation>(all ticked)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="632"/>
        <source>Berkas {ticket} tidak lengkap. Yang belum ada:
{missing}

Nomor ini ditutup dan slip kekurangan berkas dicetak. Lanjutkan?</source>
        <translation>The documents of {ticket} are incomplete. Missing:
{missing}

The number is closed and a slip of what is missing is printed. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="642"/>
        <source>{ticket} ditutup: berkas tidak lengkap. Slip dicetak.</source>
        <translation>{ticket} closed: documents incomplete. Slip printed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="645"/>
        <source>{ticket} ditutup: berkas tidak lengkap. Slip disimpan: {path}</source>
        <translation>{ticket} closed: documents incomplete. Slip saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="647"/>
        <source>Printer gagal ({error}). </source>
        <translation>Printer failed ({error}). </translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="719"/>
        <source>Dokumen tidak bisa disimpan: {error}</source>
        <translation>The documents could not be saved: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="723"/>
        <source>Dokumen disimpan: {files}</source>
        <translation>Documents saved: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="736"/>
        <source>Dipanggil, menunggu pengunjung datang</source>
        <translation>Called, waiting for the visitor</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="737"/>
        <source>Sedang dilayani</source>
        <translation>Being served</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="740"/>
        <source>Lansia</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="740"/>
        <source>Disabilitas</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="741"/>
        <source>Ibu hamil</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="741"/>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="748"/>
        <source>Tidak ada nomor yang sedang dilayani</source>
        <translation>No number being served</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="749"/>
        <source>Tekan F1 untuk memanggil nomor berikutnya.</source>
        <translation>Press F1 to call the next number.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="759"/>
        <source>Tahap: {stage}</source>
        <translation>Stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="762"/>
        <source> (dipanggil ulang {n}×)</source>
        <translation> (called again {n}×)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="765"/>
        <source>PRIORITAS: {reason}</source>
        <translation>PRIORITY: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="778"/>
        <source>Sejak ambil nomor: {time}</source>
        <translation>Since the ticket: {time}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="783"/>
        <source>Tanpa waktu standar</source>
        <translation>No time standard</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="785"/>
        <source>Lewat waktu standar {time}</source>
        <translation>Over the time standard by {time}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="788"/>
        <source>Sisa waktu standar {time}</source>
        <translation>Time standard left {time}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="820"/>
        <source>Dicentang oleh {who}, {at}</source>
        <translation>Ticked by {who}, {at}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="826"/>
        <source>Antrean menunggu ({n})</source>
        <translation>Waiting ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="832"/>
        <source> (untuk loket ini)</source>
        <translation> (for this counter)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="852"/>
        <source>Ambil nomor</source>
        <translation>Ticket taken</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="852"/>
        <source>Dipanggil</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="853"/>
        <source>Dipanggil ulang</source>
        <translation>Called again</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="853"/>
        <source>Mulai dilayani</source>
        <translation>Service started</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="854"/>
        <source>Ditahan</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="854"/>
        <source>Dilanjutkan</source>
        <translation>Resumed</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="855"/>
        <source>Dialihkan</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="855"/>
        <source>Keluar (dialihkan)</source>
        <translation>Left (transferred)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="856"/>
        <source>Selesai di tahap</source>
        <translation>Stage finished</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="856"/>
        <source>Masuk tahap</source>
        <translation>Entered stage</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="857"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="857"/>
        <source>Berkas tidak lengkap</source>
        <translation>Documents incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="858"/>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="858"/>
        <source>Tidak hadir</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="859"/>
        <source>Kembali ke antrean</source>
        <translation>Back to the queue</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="860"/>
        <source>Ditarik supervisor</source>
        <translation>Taken back by the supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="860"/>
        <source>Diambil alih</source>
        <translation>Taken over</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="861"/>
        <source>Dipulihkan</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="861"/>
        <source>Tidak terlayani</source>
        <translation>Not served</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="866"/>
        <source>Centang: {code}</source>
        <translation>Ticked: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="867"/>
        <source>Hapus centang: {code}</source>
        <translation>Unticked: {code}</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="91"/>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="92"/>
        <source>Satu PC: berkas SQLite di PC ini. Beberapa PC: server PostgreSQL kantor. Koneksi diuji sebelum disimpan.</source>
        <translation>One PC: an SQLite file on this PC. Several PCs: the office&apos;s PostgreSQL server. The connection is tested before it is saved.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="97"/>
        <source>Berkas SQLite di PC ini</source>
        <translation>SQLite file on this PC</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="98"/>
        <source>Server PostgreSQL</source>
        <translation>PostgreSQL server</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="105"/>
        <source>Pilih...</source>
        <translation>Choose...</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="112"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="125"/>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="126"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="127"/>
        <source>Nama basis data</source>
        <translation>Database name</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="128"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="129"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="131"/>
        <source>Uji koneksi</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="133"/>
        <source>Siapkan basis data</source>
        <translation>Prepare database</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="184"/>
        <source>basis data</source>
        <translation>database</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="200"/>
        <source>Belum diuji.</source>
        <translation>Not tested yet.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="203"/>
        <source>Berkas basis data</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="220"/>
        <source>Gagal:</source>
        <translation>Failed:</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="237"/>
        <source>Terhubung: {db}
Skema terkini; {n} kantor.</source>
        <translation>Connected: {db}
Schema up to date; {n} office(s).</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="243"/>
        <source>kosong</source>
        <translation>empty</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="243"/>
        <source>versi lama</source>
        <translation>old version</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="245"/>
        <source>Terhubung: {db}</source>
        <translation>Connected: {db}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="246"/>
        <source>Berkas belum ada: {db}</source>
        <translation>File does not exist yet: {db}</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="372"/>
        <source>Perangkat</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="373"/>
        <source>Printer dan mesin yang tersambung ke PC ini. &apos;sim://&apos; adalah simulator; printer jaringan: escpos+tcp://ALAMAT:9100.</source>
        <translation>Printers and machines connected to this PC. &apos;sim://&apos; is a simulator; network printer: escpos+tcp://ADDRESS:9100.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="379"/>
        <source>Peran ini tidak memakai perangkat.</source>
        <translation>This role uses no devices.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="381"/>
        <source>Deteksi ulang</source>
        <translation>Detect again</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="398"/>
        <source>Printer tiket</source>
        <translation>Ticket printer</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="399"/>
        <source>Printer dokumen</source>
        <translation>Document printer</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="400"/>
        <source>Printer kartu NPWPD</source>
        <translation>NPWPD card printer</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="401"/>
        <source>Mesin perforasi</source>
        <translation>Perforation machine</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="423"/>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="445"/>
        <source>perangkat</source>
        <translation>device</translation>
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
    <name>FiscalPanel</name>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="53"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="53"/>
        <source>16 angka, mis. 3671014505900001</source>
        <translation>16 digits, e.g. 3671014505900001</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="54"/>
        <source>NPWPD</source>
        <translation>NPWPD</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="54"/>
        <source>mis. P.2.0001234.01.02</source>
        <translation>e.g. P.2.0001234.01.02</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="55"/>
        <source>NOP PBB-P2</source>
        <translation>NOP PBB-P2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="55"/>
        <source>18 angka, mis. 36.71.010.001.001-0001.0</source>
        <translation>18 digits, e.g. 36.71.010.001.001-0001.0</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="56"/>
        <source>Nomor polisi</source>
        <translation>Plate number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="56"/>
        <source>mis. A 1234 BC</source>
        <translation>e.g. A 1234 BC</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="66"/>
        <source>nama pemohon (boleh kosong)</source>
        <translation>applicant&apos;s name (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="68"/>
        <source>mis. izin usaha pada SIPEKA</source>
        <translation>e.g. business licence on SIPEKA</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="71"/>
        <source>Periksa</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="73"/>
        <source>Cetak surat</source>
        <translation>Print letter</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="77"/>
        <source>Cari dengan</source>
        <translation>Search by</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="78"/>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="79"/>
        <location filename="../../ui/panels/fiscal.py" line="223"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="80"/>
        <location filename="../../ui/panels/fiscal.py" line="224"/>
        <source>Keperluan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="90"/>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="90"/>
        <source>Pajak</source>
        <translation>Tax</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="90"/>
        <source>Masa</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="90"/>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="91"/>
        <source>Terlambat</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="91"/>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="126"/>
        <source>Cek Fiskal</source>
        <translation>Tax clearance</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="186"/>
        <source>Hasil pemeriksaan: %1</source>
        <translation>Check result: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="202"/>
        <source>Surat diterbitkan, kode verifikasi %1</source>
        <translation>Letter issued, verification code %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="225"/>
        <source>Hasil pemeriksaan</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="226"/>
        <source>Diperiksa pada</source>
        <translation>Checked at</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="229"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="236"/>
        <source>%1 bln</source>
        <translation>%1 mo</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="244"/>
        <source>Jumlah %1 tagihan: %2</source>
        <translation>Total of %1 bills: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="248"/>
        <source>Tidak ada tunggakan yang telah jatuh tempo.</source>
        <translation>No arrears past their due date.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="251"/>
        <source>Belum jatuh tempo: %1</source>
        <translation>Not yet due: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="253"/>
        <source>%1 per %2</source>
        <translation>%1 as of %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="257"/>
        <source>Data yang diperiksa: %1</source>
        <translation>Data checked: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/fiscal.py" line="259"/>
        <source>belum ada data: %1</source>
        <translation>no data yet: %1</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/kiosk.py" line="239"/>
        <source>Kios antrian</source>
        <translation>Queue kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="283"/>
        <source>Lansia (60 tahun ke atas)</source>
        <translation>Elderly (60 years and over)</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="284"/>
        <source>Penyandang disabilitas</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="285"/>
        <source>Ibu hamil</source>
        <translation>Pregnant woman</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="286"/>
        <source>Anak-anak</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="291"/>
        <source>kertas printer habis</source>
        <translation>printer out of paper</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="292"/>
        <source>kertas printer hampir habis</source>
        <translation>printer paper low</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="293"/>
        <source>printer tidak siap</source>
        <translation>printer not ready</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="294"/>
        <source>tutup printer terbuka</source>
        <translation>printer cover open</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="295"/>
        <source>kertas printer macet</source>
        <translation>printer paper jammed</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="296"/>
        <source>printer tidak menjawab</source>
        <translation>printer not answering</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="297"/>
        <source>printer tidak terhubung</source>
        <translation>printer not connected</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="298"/>
        <source>gangguan printer</source>
        <translation>printer fault</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="358"/>
        <source>Silakan pilih layanan untuk mengambil nomor antrian</source>
        <translation>Please choose a service to take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="366"/>
        <source>Batalkan prioritas</source>
        <translation>Cancel priority</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="378"/>
        <source>Bawa: %1</source>
        <translation>Bring: %1</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="381"/>
        <location filename="../../ui/kiosk.py" line="732"/>
        <source>Tidak ada persyaratan khusus</source>
        <translation>No special requirements</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="385"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="399"/>
        <source>Belum ada layanan yang dapat diambil di kios ini. Silakan hubungi petugas.</source>
        <translation>No service can be taken at this kiosk yet. Please ask an officer.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="412"/>
        <source>Layanan prioritas: lansia, disabilitas, ibu hamil, anak-anak</source>
        <translation>Priority service: elderly, disabilities, pregnant women, children</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="427"/>
        <source>Layanan prioritas</source>
        <translation>Priority service</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="429"/>
        <source>Pengunjung lanjut usia, penyandang disabilitas, ibu hamil dan anak-anak dilayani lebih dahulu (UU 25/2009). Pilih salah satu:</source>
        <translation>Elderly visitors, people with disabilities, pregnant women and children are served first (Law 25/2009). Choose one:</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="440"/>
        <source>Petugas dapat meminta bukti bila diperlukan.</source>
        <translation>Officers may ask for proof when needed.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="442"/>
        <source>Batal, kembali</source>
        <translation>Cancel, go back</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="466"/>
        <source>Persyaratan yang perlu dibawa:</source>
        <translation>What to bring:</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="470"/>
        <location filename="../../ui/kiosk.py" line="562"/>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="472"/>
        <source>Ambil nomor antrian</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="483"/>
        <source>Mohon tunggu, tiket Anda sedang dicetak...</source>
        <translation>Please wait, your ticket is being printed...</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="501"/>
        <source>Nomor antrian Anda</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="514"/>
        <source>Silakan ambil tiket Anda dan tunggu nomor Anda dipanggil.</source>
        <translation>Please take your ticket and wait for your number to be called.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="529"/>
        <source>Tiket belum tercetak</source>
        <translation>Ticket not printed</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="542"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="555"/>
        <source>Nomor antrian tidak dapat diambil</source>
        <translation>No queue number could be taken</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="559"/>
        <source>Silakan hubungi petugas di meja informasi.</source>
        <translation>Please ask the officer at the information desk.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="576"/>
        <source>Mohon maaf, layanan sedang tutup</source>
        <translation>Sorry, the office is closed</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="631"/>
        <source>Jam layanan: %1 %2</source>
        <translation>Service hours: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="632"/>
        <source>Hari ini tidak ada layanan</source>
        <translation>No service today</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="633"/>
        <source>Hari ini hari libur: %1</source>
        <translation>Today is a day off: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk.py" line="674"/>
        <source>Layar kembali ke awal dalam %n detik.</source>
        <translation>
            <numerusform>The screen returns to the start in %n seconds.</numerusform>
            <numerusform>The screen returns to the start in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="710"/>
        <source>Prioritas: %1. Silakan pilih layanan.</source>
        <translation>Priority: %1. Please choose a service.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="727"/>
        <source>Waktu penyelesaian: %1</source>
        <translation>Time to complete: %1</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="767"/>
        <source>Maaf, nomor antrean tidak dapat diambil saat ini (server tidak terhubung). Silakan hubungi petugas.</source>
        <translation>Sorry, no queue number can be taken right now (the server is not connected). Please ask an officer.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="772"/>
        <source>kios ini tidak memiliki printer tiket</source>
        <translation>this kiosk has no ticket printer</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="809"/>
        <source>PRIORITAS: %1</source>
        <translation>PRIORITY: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk.py" line="812"/>
        <source>Di depan Anda: %n orang</source>
        <translation>
            <numerusform>Ahead of you: %n people</numerusform>
            <numerusform>Ahead of you: %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk.py" line="814"/>
        <source>Perkiraan menunggu: ± %n menit</source>
        <translation>
            <numerusform>Estimated wait: about %n minutes</numerusform>
            <numerusform>Estimated wait: about %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="815"/>
        <source>Anda akan segera dipanggil</source>
        <translation>You will be called shortly</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="823"/>
        <source>Printer kembali normal. Belum tercetak: %1 (cetak ulang oleh petugas)</source>
        <translation>Printer working again. Not printed: %1 (reprint by an officer)</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="829"/>
        <source>Nomor antrian Anda &lt;b&gt;%1&lt;/b&gt; tetap berlaku dan sudah masuk antrian. Catat nomor ini. Petugas di loket dapat mencetak ulang tiket Anda.</source>
        <translation>Your queue number &lt;b&gt;%1&lt;/b&gt; is valid and in the queue. Note this number. The officer at the counter can reprint your ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk.py" line="835"/>
        <source>Printer tiket bermasalah (%1). Belum tercetak: %2</source>
        <translation>Ticket printer problem (%1). Not printed: %2</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/counter.py" line="156"/>
        <location filename="../../ui/counter.py" line="163"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="158"/>
        <location filename="../../ui/counter.py" line="165"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="167"/>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="261"/>
        <location filename="../../ui/setup_wizard.py" line="276"/>
        <source>Kantor</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="262"/>
        <source>Kantor tempat PC ini bekerja (dari basis data, atau ketik kodenya).</source>
        <translation>The office this PC works for (from the database, or type its code).</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="277"/>
        <source>Loket</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="278"/>
        <source>Kode stasiun (boleh kosong)</source>
        <translation>Station code (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="317"/>
        <source>Basis data belum berisi kantor: ketik kode kantor, lalu muat katalognya dengan &apos;loket catalog import&apos;.</source>
        <translation>The database has no office yet: type the office code, then load its catalogue with &apos;loket catalog import&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="321"/>
        <source>Wajib untuk PC loket; untuk tablet survei: loket yang dinilai (boleh kosong)</source>
        <translation>Required for a counter PC; for a survey tablet: the counter being rated (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="323"/>
        <source>Kode PC ini di daftar stasiun kantor ({role})</source>
        <translation>This PC&apos;s code in the office&apos;s station list ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="359"/>
        <source>kantor</source>
        <translation>office</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <location filename="../../ui/panels/base.py" line="47"/>
        <source>Pekerjaan</source>
        <translation>Work</translation>
    </message>
</context>
<context>
    <name>PerforationPanel</name>
    <message>
        <location filename="../../ui/panels/perforation.py" line="91"/>
        <source>mis. P.2.0001234.01.02</source>
        <translation>e.g. P.2.0001234.01.02</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="93"/>
        <source>nama wajib pajak / usaha</source>
        <translation>taxpayer / business name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="98"/>
        <source>mis. BON-A</source>
        <translation>e.g. BON-A</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="100"/>
        <source>nomor seri awal</source>
        <translation>first serial number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="102"/>
        <source>nomor seri akhir</source>
        <translation>last serial number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="103"/>
        <source>jumlah lembar</source>
        <translation>number of sheets</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="105"/>
        <source>mis. 5.000</source>
        <translation>e.g. 5.000</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="108"/>
        <source>keterangan bila jumlah lembar berbeda</source>
        <translation>note if the number of sheets differs</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="113"/>
        <source>Simpan permohonan</source>
        <translation>Save request</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="123"/>
        <source>NPWPD</source>
        <translation>NPWPD</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="124"/>
        <source>Nama wajib pajak</source>
        <translation>Taxpayer name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="125"/>
        <source>Jenis media</source>
        <translation>Media type</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="126"/>
        <source>Seri</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="127"/>
        <source>Nomor seri awal</source>
        <translation>First serial number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="128"/>
        <source>Nomor seri akhir</source>
        <translation>Last serial number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="129"/>
        <source>Jumlah lembar</source>
        <translation>Number of sheets</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="130"/>
        <source>Nilai nominal per lembar</source>
        <translation>Face value per sheet</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="131"/>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="133"/>
        <source>Jumlah nilai</source>
        <translation>Total value</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="134"/>
        <source>Permohonan perforasi</source>
        <translation>Perforation request</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="143"/>
        <source>Belum ada permohonan dipilih.</source>
        <translation>No request selected yet.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="149"/>
        <source>Hitung</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="151"/>
        <source>Akhiri job</source>
        <translation>End job</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="152"/>
        <source>Hentikan job di mesin, terima jumlah terhitung</source>
        <translation>Stop the job on the machine and accept the count so far</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="162"/>
        <source>catatan pencocokan (boleh kosong)</source>
        <translation>reconciliation note (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="163"/>
        <source>Cocokkan</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="168"/>
        <source>Diajukan</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="168"/>
        <source>Terhitung</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="169"/>
        <source>Kurang</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="169"/>
        <source>Lebih</source>
        <translation>Extra</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="170"/>
        <location filename="../../ui/panels/perforation.py" line="198"/>
        <source>Rusak</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="170"/>
        <source>Baik</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="171"/>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="171"/>
        <source>Nilai terperforasi</source>
        <translation>Perforated value</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="178"/>
        <source>nama pengambil</source>
        <translation>name of the person collecting</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="181"/>
        <source>Serahkan dan cetak formulir</source>
        <translation>Hand over and print the form</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="184"/>
        <source>Proses</source>
        <translation>Processing</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="190"/>
        <source>Mesin</source>
        <translation>Machine</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="205"/>
        <source>Diambil oleh</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="218"/>
        <source>Perforasi</source>
        <translation>Perforation</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="281"/>
        <source>Permohonan {0} disimpan; batas waktu {1}</source>
        <translation>Request {0} saved; due {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="322"/>
        <source>{0} &amp;middot; seri {1} &amp;middot; {2} s.d. {3} ({4} lembar x {5} = {6})</source>
        <translation>{0} &amp;middot; series {1} &amp;middot; {2} to {3} ({4} sheets x {5} = {6})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="326"/>
        <source> - TERLAMBAT {0} menit</source>
        <translation> - LATE by {0} min</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="328"/>
        <source>Standar waktu {0}; batas {1}{2}</source>
        <translation>Time standard {0}; due {1}{2}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="334"/>
        <source>{0} lembar terhitung ({1})</source>
        <translation>{0} sheets counted ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="387"/>
        <source>Menghitung...</source>
        <translation>Counting...</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="408"/>
        <source>{0}: {1} lembar terhitung</source>
        <translation>{0}: {1} sheets counted</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="438"/>
        <source>{0} dicocokkan: {1}</source>
        <translation>{0} reconciled: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/perforation.py" line="458"/>
        <source>{0} diambil oleh {1}</source>
        <translation>{0} collected by {1}</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/report_view.py" line="117"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="122"/>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="130"/>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="134"/>
        <source>Simpan PDF...</source>
        <translation>Save PDF...</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="136"/>
        <source>Simpan XLSX...</source>
        <translation>Save XLSX...</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="183"/>
        <source>Menghitung laporan...</source>
        <translation>Computing the report...</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="194"/>
        <source>Laporan gagal dihitung: {error}</source>
        <translation>The report could not be computed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="215"/>
        <source>Laporan pelayanan {office}, {period} ({zone})</source>
        <translation>Service report {office}, {period} ({zone})</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="226"/>
        <source>Grafik</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="285"/>
        <location filename="../../ui/report_view.py" line="308"/>
        <source>menit</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="293"/>
        <source>Kunjungan per layanan</source>
        <translation>Visits per service</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="294"/>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="295"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="296"/>
        <source>kunjungan</source>
        <translation>visits</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="302"/>
        <source>Waktu tunggu dan layanan per tahap</source>
        <translation>Waiting and service times per stage</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="303"/>
        <source>Tunggu median</source>
        <translation>Median wait</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="305"/>
        <source>Tunggu P90</source>
        <translation>P90 wait</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="306"/>
        <source>Layanan median</source>
        <translation>Median service</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="335"/>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="339"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="345"/>
        <source>Simpan XLSX</source>
        <translation>Save XLSX</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="67"/>
        <source>Peran PC ini</source>
        <translation>Role of this PC</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="68"/>
        <source>Apa yang dikerjakan PC ini di kantor?</source>
        <translation>What does this PC do in the office?</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="71"/>
        <source>Kiosk: pengunjung mengambil nomor antrian</source>
        <translation>Kiosk: visitors take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="72"/>
        <source>Loket: petugas memanggil dan melayani</source>
        <translation>Counter: an officer calls and serves</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="73"/>
        <source>Layar antrian (TV ruang tunggu)</source>
        <translation>Queue display (waiting room TV)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="74"/>
        <source>Supervisor: papan pemantauan kantor</source>
        <translation>Supervisor: the office monitoring board</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="75"/>
        <source>Survei kepuasan (IKM)</source>
        <translation>Satisfaction survey (IKM)</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="80"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>SamsatPanel</name>
    <message>
        <location filename="../../ui/panels/samsat.py" line="105"/>
        <source>STNK</source>
        <translation>STNK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="174"/>
        <source>Tidak ada kunjungan</source>
        <translation>No visit</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="180"/>
        <source>belum cek fisik</source>
        <translation>physical check pending</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="180"/>
        <source>sudah cek fisik</source>
        <translation>physically checked</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="181"/>
        <source>terdaftar di loket 1</source>
        <translation>registered at counter 1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="182"/>
        <source>sudah dibayar</source>
        <translation>paid</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="182"/>
        <source>STNK diserahkan</source>
        <translation>STNK handed over</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="185"/>
        <source>Status: {0} · waktu {1} menit dari {2} menit</source>
        <translation>Status: {0} · time {1} min of {2} min</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="194"/>
        <source>mis. KB 1234 AB (boleh kosong)</source>
        <translation>e.g. KB 1234 AB (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="197"/>
        <source>nomor rangka, mis. MH1JFM110FK123456</source>
        <translation>chassis number, e.g. MH1JFM110FK123456</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="200"/>
        <source>nomor mesin, mis. JFM1E1123456</source>
        <translation>engine number, e.g. JFM1E1123456</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="201"/>
        <source>Simpan cek fisik</source>
        <translation>Save physical check</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="208"/>
        <location filename="../../ui/panels/samsat.py" line="278"/>
        <source>Nomor polisi</source>
        <translation>Plate number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="209"/>
        <location filename="../../ui/panels/samsat.py" line="319"/>
        <source>Nomor rangka</source>
        <translation>Chassis number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="210"/>
        <location filename="../../ui/panels/samsat.py" line="320"/>
        <source>Nomor mesin</source>
        <translation>Engine number</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="221"/>
        <source>Cek fisik belum dicatat.</source>
        <translation>Physical check not recorded yet.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="225"/>
        <source>Dicatat oleh {0}; kendaraan belum ditemukan di register: dibandingkan di loket 1.</source>
        <translation>Recorded by {0}; the vehicle is not in the register yet: it is compared at counter 1.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="229"/>
        <source>Nomor rangka dan nomor mesin SESUAI dengan register ({0}).</source>
        <translation>Chassis and engine numbers MATCH the register ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="233"/>
        <source>TIDAK SESUAI: {0}</source>
        <translation>MISMATCH: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="252"/>
        <source>Cek fisik tidak sesuai: {0}</source>
        <translation>Physical check does not match: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="255"/>
        <source>Cek fisik {0} dicatat.</source>
        <translation>Physical check of {0} recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="261"/>
        <source>mis. KB 1234 AB</source>
        <translation>e.g. KB 1234 AB</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="263"/>
        <source>16 angka, mis. 6171011508900001</source>
        <translation>16 digits, e.g. 6171011508900001</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="272"/>
        <source>Daftarkan</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="279"/>
        <source>Kendaraan</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="280"/>
        <source>NIK pemilik</source>
        <translation>Owner&apos;s NIK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="281"/>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="284"/>
        <source>Pemilik baru</source>
        <translation>New owner</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="287"/>
        <source>Daftarkan pemilik</source>
        <translation>Register owner</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="290"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="291"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="296"/>
        <source>Kendaraan baru</source>
        <translation>New vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="303"/>
        <source>NJKB, mis. 15.000.000</source>
        <translation>NJKB, e.g. 15.000.000</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="310"/>
        <location filename="../../ui/panels/samsat.py" line="312"/>
        <source>HH-BB-TTTT</source>
        <translation>DD-MM-YYYY</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="313"/>
        <source>Daftarkan kendaraan</source>
        <translation>Register vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="316"/>
        <source>Jenis</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="317"/>
        <source>Golongan SWDKLLJ</source>
        <translation>SWDKLLJ class</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="318"/>
        <source>NJKB</source>
        <translation>NJKB</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="321"/>
        <source>Merek</source>
        <translation>Make</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="321"/>
        <source>Tipe</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="322"/>
        <source>Tahun pembuatan</source>
        <translation>Year made</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="323"/>
        <source>Jatuh tempo pajak</source>
        <translation>Tax due date</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="324"/>
        <source>STNK berlaku s.d.</source>
        <translation>STNK valid until</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="354"/>
        <source>{0} belum terdaftar</source>
        <translation>{0} not registered yet</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="360"/>
        <source>tanpa pemilik</source>
        <translation>no owner</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="363"/>
        <source>rangka {0} · mesin {1} · pajak s.d. {2} · pemilik {3}</source>
        <translation>chassis {0} · engine {1} · tax due {2} · owner {3}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="368"/>
        <source>NIK {0} belum terdaftar</source>
        <translation>NIK {0} not registered yet</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="391"/>
        <source>Pemilik {0} terdaftar.</source>
        <translation>Owner {0} registered.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="409"/>
        <source>Kendaraan {0} terdaftar.</source>
        <translation>Vehicle {0} registered.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="423"/>
        <source>{0} terdaftar; lanjut ke loket 2.</source>
        <translation>{0} registered; on to counter 2.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="431"/>
        <source>Uraian</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="431"/>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="431"/>
        <source>Dasar perhitungan</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="432"/>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="444"/>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="444"/>
        <source>Transfer bank</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="445"/>
        <source>Kode billing</source>
        <translation>Billing code</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="450"/>
        <source>nomor referensi transfer / kode billing</source>
        <translation>transfer reference / billing code</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="452"/>
        <source>uang diterima (tunai)</source>
        <translation>cash received</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="456"/>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="464"/>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="465"/>
        <source>Referensi</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="466"/>
        <source>Uang diterima</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="467"/>
        <source>Kembalian</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="489"/>
        <source>Jumlah: {0}</source>
        <translation>Total: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="493"/>
        <source>Sudah dibayar {0} · kuitansi {1} · SKPD {2}</source>
        <translation>Paid {0} · receipt {1} · SKPD {2}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="504"/>
        <source>kurang {0}</source>
        <translation>{0} short</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="527"/>
        <source>Pembayaran {0} diterima; kuitansi {1}.</source>
        <translation>Payment of {0} received; receipt {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="536"/>
        <source>STNK sudah disahkan (diparaf dan ditulis waktu pengesahan)</source>
        <translation>STNK endorsed (initialled, time of endorsement written)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="538"/>
        <source>STNK sudah dicap</source>
        <translation>STNK stamped</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="540"/>
        <source>nama penerima</source>
        <translation>recipient&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="544"/>
        <source>Serahkan STNK</source>
        <translation>Hand over STNK</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="548"/>
        <source>Diterima oleh</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="567"/>
        <source>Pemilik: {0} · kuitansi {1}</source>
        <translation>Owner: {0} · receipt {1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="572"/>
        <source>dalam standar</source>
        <translation>within the standard</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="572"/>
        <source>MELEBIHI standar</source>
        <translation>OVER the standard</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="573"/>
        <source>tanpa standar</source>
        <translation>no standard</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="576"/>
        <source>Diserahkan kepada {0} pukul {1} · {2} menit sejak nomor antrian, {3} ({4} menit)</source>
        <translation>Handed to {0} at {1} · {2} min since the queue ticket, {3} ({4} min)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/samsat.py" line="599"/>
        <source>STNK {0} diserahkan; {1} menit.</source>
        <translation>STNK {0} handed over; {1} min.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="506"/>
        <source>Loket: penyiapan PC</source>
        <translation>Loket: PC set-up</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="460"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="461"/>
        <source>Periksa lalu tekan Selesai untuk menyimpan.</source>
        <translation>Check, then press Finish to save.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="476"/>
        <source>Peran: {v}</source>
        <translation>Role: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="477"/>
        <source>Kantor: {v}</source>
        <translation>Office: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="479"/>
        <source>Loket: {v}</source>
        <translation>Counter: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="481"/>
        <source>Kode stasiun: {v}</source>
        <translation>Station code: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="484"/>
        <source>Basis data: {v}</source>
        <translation>Database: {v}</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="486"/>
        <source>Kata sandi: disimpan di penyimpanan kunci sistem bila ada, jika tidak di berkas konfigurasi</source>
        <translation>Password: kept in the system key store if there is one, otherwise in the configuration file</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="490"/>
        <source>Berkas: {v}</source>
        <translation>File: {v}</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../ui/supervisor.py" line="100"/>
        <location filename="../../ui/supervisor.py" line="209"/>
        <source>Papan supervisor</source>
        <translation>Supervisor board</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="124"/>
        <source>Papan</source>
        <translation>Board</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="128"/>
        <source>Laporan harian</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="146"/>
        <location filename="../../ui/supervisor.py" line="151"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="146"/>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="147"/>
        <location filename="../../ui/supervisor.py" line="154"/>
        <location filename="../../ui/supervisor.py" line="168"/>
        <source>Loket</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="147"/>
        <location filename="../../ui/supervisor.py" line="154"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="147"/>
        <source>Melayani</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="148"/>
        <source>Ditahan</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="149"/>
        <source>Buka / tutup loket</source>
        <translation>Open / close counter</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="151"/>
        <location filename="../../ui/supervisor.py" line="153"/>
        <location filename="../../ui/supervisor.py" line="154"/>
        <source>Tiket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="151"/>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="152"/>
        <location filename="../../ui/supervisor.py" line="155"/>
        <source>Menit</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="152"/>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="153"/>
        <source>Standar waktu</source>
        <translation>Time standard</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="155"/>
        <source>Loket diam (menit)</source>
        <translation>Counter silent (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="156"/>
        <source>Kembalikan ke antrian</source>
        <translation>Return to the queue</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="158"/>
        <source>Tugas</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="158"/>
        <source>Kunjungan</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="158"/>
        <location filename="../../ui/supervisor.py" line="164"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="159"/>
        <source>Kesalahan</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="160"/>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="162"/>
        <source>Stasiun</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="162"/>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="162"/>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="163"/>
        <source>Keterangan</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="164"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="164"/>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="165"/>
        <source>Terlambat</source>
        <translation>Overdue by</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="167"/>
        <source>Antrian per tahap</source>
        <translation>Waiting per stage</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="169"/>
        <source>Antrian terlama</source>
        <translation>Longest waits</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="170"/>
        <source>Mendekati / melewati standar waktu</source>
        <translation>Near / over the time standard</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="171"/>
        <source>Sedang dilayani</source>
        <translation>Being served</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="172"/>
        <source>Cetak ulang tiket</source>
        <translation>Ticket reprints</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="173"/>
        <source>Kesehatan perangkat</source>
        <translation>Device health</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="174"/>
        <source>Pengaduan dan permohonan lewat waktu</source>
        <translation>Overdue complaints and applications</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="184"/>
        <source>Teks berjalan layar antrian:</source>
        <translation>Running text on the display:</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="187"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="212"/>
        <source>buka</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="212"/>
        <source>tutup</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="217"/>
        <source>lewat</source>
        <translation>over</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="218"/>
        <source>hampir</source>
        <translation>near</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="225"/>
        <source>Pengaduan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="225"/>
        <source>Permohonan</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="237"/>
        <source>{n} hari</source>
        <translation>{n} d</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="239"/>
        <source>{n} jam</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="240"/>
        <source>{n} menit</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="283"/>
        <source>Pilih loket dulu.</source>
        <translation>Choose a counter first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="292"/>
        <source>Loket {0} ditutup.</source>
        <translation>Counter {0} closed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="293"/>
        <source>Loket {0} dibuka.</source>
        <translation>Counter {0} opened.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="300"/>
        <source>Pilih tiket yang sedang dilayani dulu.</source>
        <translation>Choose a ticket being served first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="307"/>
        <source>Tiket {0} dikembalikan ke antrian.</source>
        <translation>Ticket {0} returned to the queue.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="314"/>
        <source>Pilih tugas cetak dulu.</source>
        <translation>Choose a print job first.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="318"/>
        <source>Tugas ini bukan tiket.</source>
        <translation>This job is not a ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="327"/>
        <source>Tiket dicetak ulang.</source>
        <translation>Ticket reprinted.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor.py" line="336"/>
        <source>Teks berjalan disimpan.</source>
        <translation>Running text saved.</translation>
    </message>
</context>
<context>
    <name>SurveyWindow</name>
    <message>
        <location filename="../../ui/survey.py" line="143"/>
        <source>Survei Kepuasan Masyarakat</source>
        <translation>Public Satisfaction Survey</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="185"/>
        <source>Bagaimana pelayanan kami hari ini?</source>
        <translation>How was our service today?</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="186"/>
        <source>Pindai kode QR pada karcis antrean Anda, atau ketik nomornya (contoh A-001).</source>
        <translation>Scan the QR code on your queue ticket, or type its number (for example A-001).</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="201"/>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="245"/>
        <source>Bagaimana pelayanan di {counter}?</source>
        <translation>How was the service at {counter}?</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="248"/>
        <source>Tidak puas</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="248"/>
        <source>Kurang puas</source>
        <translation>Somewhat dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="248"/>
        <source>Puas</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="249"/>
        <source>Sangat puas</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="285"/>
        <source>‹ Kembali</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="298"/>
        <source>Tentang Anda (boleh dilewati)</source>
        <translation>About you (you may skip this)</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="318"/>
        <source>Lewati</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="325"/>
        <source>Kirim</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="343"/>
        <source>Terima kasih atas penilaian Anda!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="345"/>
        <source>Masukan Anda membantu kami memperbaiki pelayanan.</source>
        <translation>Your feedback helps us improve our service.</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="390"/>
        <source>Ketik nomor antrean Anda atau pindai karcisnya.</source>
        <translation>Type your queue number or scan your ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/survey.py" line="401"/>
        <source>Pertanyaan {n} dari {total}</source>
        <translation>Question {n} of {total}</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/counter.py" line="101"/>
        <source>Alihkan nomor</source>
        <translation>Transfer number</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="103"/>
        <source>Ke tahap (antrean tahap itu)</source>
        <translation>To a stage (that stage&apos;s queue)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="104"/>
        <source>Ke loket tertentu</source>
        <translation>To a particular counter</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="120"/>
        <source>Alihkan</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="121"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
