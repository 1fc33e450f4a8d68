package program

import (
	"context"
	"database/sql"
	"fmt"

	"selaras/backend/store"
)

// Urusan is the code of the government affair this app plans for.
const Urusan = "2.17"

// ShippedItem is one row of the decree's nomenclature.
type ShippedItem struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Shipped is the nomenclature of urusan 2.17 Koperasi, Usaha Kecil, dan
// Menengah down to kegiatan, as in the Keputusan Menteri Dalam Negeri Nomor
// 050-5889 Tahun 2021 tentang Hasil Verifikasi, Validasi dan Inventarisasi
// Pemutakhiran Klasifikasi, Kodefikasi dan Nomenklatur Perencanaan
// Pembangunan dan Keuangan Daerah, and its amendments. Kegiatan with L = 1
// are the province's (cooperatives whose membership spans regencies of one
// province; small enterprises), L = 2 the kabupaten/kota's (cooperatives
// within one regency; micro enterprises). Sub-kegiatan are not shipped:
// their lists change by decree every year and offices add their own.
//
// The decree names program 2.17.01 "... Daerah Provinsi" for a province and
// "... Daerah Kabupaten/Kota" for a regency under one code; both are named.
func Shipped() []ShippedItem {
	return []ShippedItem{
		{"2.17", "Koperasi, Usaha Kecil, dan Menengah"},

		{"2.17.01", "Program Penunjang Urusan Pemerintahan Daerah Provinsi/Kabupaten/Kota"},
		{"2.17.01.1.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"},
		{"2.17.01.1.02", "Administrasi Keuangan Perangkat Daerah"},
		{"2.17.01.1.03", "Administrasi Barang Milik Daerah pada Perangkat Daerah"},
		{"2.17.01.1.05", "Administrasi Kepegawaian Perangkat Daerah"},
		{"2.17.01.1.06", "Administrasi Umum Perangkat Daerah"},
		{"2.17.01.1.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah"},
		{"2.17.01.1.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah"},
		{"2.17.01.1.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah"},
		{"2.17.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"},
		{"2.17.01.2.02", "Administrasi Keuangan Perangkat Daerah"},
		{"2.17.01.2.03", "Administrasi Barang Milik Daerah pada Perangkat Daerah"},
		{"2.17.01.2.05", "Administrasi Kepegawaian Perangkat Daerah"},
		{"2.17.01.2.06", "Administrasi Umum Perangkat Daerah"},
		{"2.17.01.2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah"},
		{"2.17.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah"},
		{"2.17.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah"},

		{"2.17.02", "Program Pelayanan Izin Usaha Simpan Pinjam"},
		{"2.17.02.1.01", "Penerbitan Izin Usaha Simpan Pinjam untuk Koperasi dengan Wilayah Keanggotaan Lintas Daerah Kabupaten/Kota dalam 1 (satu) Daerah Provinsi"},
		{"2.17.02.1.02", "Penerbitan Izin Pembukaan Kantor Cabang, Cabang Pembantu dan Kantor Kas Koperasi Simpan Pinjam untuk Koperasi dengan Wilayah Keanggotaan Lintas Daerah Kabupaten/Kota dalam 1 (satu) Daerah Provinsi"},
		{"2.17.02.2.01", "Penerbitan Izin Usaha Simpan Pinjam untuk Koperasi dengan Wilayah Keanggotaan dalam Daerah Kabupaten/Kota"},
		{"2.17.02.2.02", "Penerbitan Izin Pembukaan Kantor Cabang, Cabang Pembantu dan Kantor Kas Koperasi Simpan Pinjam untuk Koperasi dengan Wilayah Keanggotaan dalam Daerah Kabupaten/Kota"},

		{"2.17.03", "Program Pengawasan dan Pemeriksaan Koperasi"},
		{"2.17.03.1.01", "Pemeriksaan dan Pengawasan Koperasi yang Wilayah Keanggotaannya Lintas Daerah Kabupaten/Kota dalam 1 (satu) Daerah Provinsi"},
		{"2.17.03.2.01", "Pemeriksaan dan Pengawasan Koperasi, Koperasi Simpan Pinjam/Unit Simpan Pinjam Koperasi yang Wilayah Keanggotaannya dalam Daerah Kabupaten/Kota"},

		{"2.17.04", "Program Penilaian Kesehatan KSP/USP Koperasi"},
		{"2.17.04.1.01", "Penilaian Kesehatan Koperasi Simpan Pinjam/Unit Simpan Pinjam Koperasi yang Wilayah Keanggotaannya Lintas Daerah Kabupaten/Kota dalam 1 (satu) Daerah Provinsi"},
		{"2.17.04.2.01", "Penilaian Kesehatan Koperasi Simpan Pinjam/Unit Simpan Pinjam Koperasi yang Wilayah Keanggotaannya dalam 1 (satu) Daerah Kabupaten/Kota"},

		{"2.17.05", "Program Pendidikan dan Latihan Perkoperasian"},
		{"2.17.05.1.01", "Pendidikan dan Latihan Perkoperasian bagi Koperasi yang Wilayah Keanggotaannya Lintas Daerah Kabupaten/Kota dalam 1 (satu) Daerah Provinsi"},
		{"2.17.05.2.01", "Pendidikan dan Latihan Perkoperasian bagi Koperasi yang Wilayah Keanggotaan dalam Daerah Kabupaten/Kota"},

		{"2.17.06", "Program Pemberdayaan dan Perlindungan Koperasi"},
		{"2.17.06.1.01", "Pemberdayaan dan Perlindungan Koperasi yang Keanggotaannya Lintas Daerah Kabupaten/Kota dalam 1 (satu) Daerah Provinsi"},
		{"2.17.06.2.01", "Pemberdayaan dan Perlindungan Koperasi yang Keanggotaannya dalam Daerah Kabupaten/Kota"},

		{"2.17.07", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)"},
		{"2.17.07.1.01", "Pemberdayaan Usaha Kecil yang Dilakukan melalui Pendataan, Kemitraan, Kemudahan Perizinan, Penguatan Kelembagaan dan Koordinasi dengan Para Pemangku Kepentingan"},
		{"2.17.07.2.01", "Pemberdayaan Usaha Mikro yang Dilakukan melalui Pendataan, Kemitraan, Kemudahan Perizinan, Penguatan Kelembagaan dan Koordinasi dengan Para Pemangku Kepentingan"},

		{"2.17.08", "Program Pengembangan UMKM"},
		{"2.17.08.1.01", "Pengembangan Usaha Kecil dengan Orientasi Peningkatan Skala Usaha Menjadi Usaha Menengah"},
		{"2.17.08.2.01", "Pengembangan Usaha Mikro dengan Orientasi Peningkatan Skala Usaha Menjadi Usaha Kecil"},
	}
}

// Install writes the shipped nomenclature inside tx. It is idempotent: rows
// already present keep their ids (and the plan lines under them); only a
// changed official name is updated.
func Install(ctx context.Context, tx *sql.Tx) error {
	ids := map[string]int64{}
	for _, it := range Shipped() {
		kind, ok := kindOfCode(it.Code)
		if !ok {
			return fmt.Errorf("program: shipped code %s has no known shape", it.Code)
		}
		var parent any
		if pc := parentCode(it.Code); pc != "" {
			id, ok := ids[pc]
			if !ok {
				return fmt.Errorf("program: shipped code %s comes before its parent %s", it.Code, pc)
			}
			parent = id
		}
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO nomenclature(code, kind, parent_id, name, shipped) VALUES(?, ?, ?, ?, 1)
ON CONFLICT(code) DO UPDATE SET name = excluded.name, shipped = 1
RETURNING id`, it.Code, kind, parent, it.Name).Scan(&id)
		if err != nil {
			return fmt.Errorf("program: install %s: %w", it.Code, err)
		}
		ids[it.Code] = id
	}
	return nil
}

// EnsureInstalled installs the shipped nomenclature if the workspace lacks
// it: a workspace created before schema 3 was migrated without it, since
// migrations are plain SQL. Call it after opening a workspace; it writes
// nothing when the nomenclature is there.
func EnsureInstalled(ctx context.Context, s *store.Store) error {
	var n int
	if err := s.Read().QueryRowContext(ctx, "SELECT count(*) FROM nomenclature WHERE code = ?", Urusan).Scan(&n); err != nil {
		return fmt.Errorf("program: ensure installed: %w", err)
	}
	if n > 0 {
		return nil
	}
	return s.Tx(ctx, func(tx *sql.Tx) error { return Install(ctx, tx) })
}
