package indicator

import (
	"context"
	"database/sql"

	"selaras/backend/store"
)

// Categories of the starter catalogue.
const (
	CatKoperasi      = "Koperasi"
	CatUMKM          = "UMKM"
	CatKewirausahaan = "Kewirausahaan"
	CatPerekonomian  = "Perekonomian daerah"
)

// Starter is the catalogue a new workspace begins with: the indicators the
// rakor reports in shared/seeds name. Percentages that compare two counts
// are ratios with numerator and denominator so they roll up correctly.
func Starter() []Indicator {
	pct := func(code, name, cat, num, den, def string, dec int) Indicator {
		return Indicator{Code: code, Name: name, Unit: "%", Kind: Ratio, Aggregation: RatioAgg, Polarity: Higher,
			Decimals: dec, Scale: 100, NumeratorLabel: num, DenominatorLabel: den, Category: cat, Definition: def}
	}
	count := func(code, name, unit, cat, def string) Indicator {
		return Indicator{Code: code, Name: name, Unit: unit, Kind: Count, Aggregation: Sum, Polarity: Higher,
			Decimals: 0, Scale: 1, Category: cat, Definition: def}
	}
	list := []Indicator{
		pct("KOP.01", "Pertumbuhan koperasi", CatKoperasi, "Pertambahan jumlah koperasi aktif", "Jumlah koperasi aktif tahun sebelumnya",
			"(Koperasi aktif tahun n − tahun n−1) / koperasi aktif tahun n−1 × 100%", 2),
		pct("KOP.02", "Koperasi berkualitas", CatKoperasi, "Jumlah koperasi berkualitas", "Jumlah koperasi aktif",
			"Koperasi yang memenuhi kriteria kualitas / koperasi aktif × 100%", 2),
		pct("KOP.03", "Rasio volume usaha koperasi terhadap PDRB", CatKoperasi, "Volume usaha koperasi (Rp)", "PDRB atas dasar harga berlaku (Rp)",
			"Volume usaha koperasi / PDRB ADHB × 100%", 3),
		count("KOP.04", "Koperasi produsen", "unit", CatKoperasi, "Jumlah koperasi yang bergerak di sektor produksi"),
		{Code: "KOP.05", Name: "Volume usaha koperasi sektor produksi", Unit: "Rp", Kind: Rupiah, Aggregation: Sum, Polarity: Higher,
			Decimals: 0, Scale: 1, Category: CatKoperasi, Definition: "Jumlah volume usaha koperasi sektor produksi dalam satu tahun"},
		pct("KOP.06", "Partisipasi masyarakat berkoperasi", CatKoperasi, "Jumlah anggota koperasi", "Jumlah penduduk usia dewasa",
			"Anggota koperasi / penduduk usia dewasa × 100%", 2),
		count("KOP.07", "Jumlah koperasi", "unit", CatKoperasi, "Jumlah koperasi terdaftar pada akhir tahun"),
		pct("UKM.01", "Pertumbuhan UKM", CatUMKM, "Pertambahan jumlah UKM", "Jumlah UKM tahun sebelumnya",
			"(UKM tahun n − tahun n−1) / UKM tahun n−1 × 100%", 2),
		count("UKM.02", "UKM naik kelas", "unit usaha", CatUMKM, "Usaha mikro yang berkembang menjadi usaha kecil atau menengah"),
		count("UKM.03", "UMKM on boarding", "unit usaha", CatUMKM, "UMKM yang masuk ke ekosistem digital (lokapasar, pembayaran digital)"),
		pct("UKM.04", "UMKM mengakses pembiayaan formal", CatUMKM, "UMKM yang mengakses pembiayaan formal", "Jumlah UMKM",
			"UMKM yang memperoleh pembiayaan dari lembaga keuangan formal / jumlah UMKM × 100%", 2),
		count("UKM.05", "Sertifikat halal diterbitkan", "sertifikat", CatUMKM, "Sertifikat halal yang terbit bagi produk UMKM"),
		pct("UKM.06", "Proporsi jumlah UKM", CatUMKM, "Jumlah usaha kecil dan menengah", "Jumlah UMKM",
			"Usaha kecil dan menengah / seluruh UMKM × 100%", 2),
		count("UKM.07", "Jumlah UMKM", "unit usaha", CatUMKM, "Jumlah UMKM pada akhir tahun"),
		pct("WU.01", "Rasio kewirausahaan", CatKewirausahaan, "Jumlah wirausaha", "Jumlah penduduk usia produktif",
			"Wirausaha / penduduk usia produktif × 100%", 2),
		count("WU.02", "Wirausaha baru", "orang", CatKewirausahaan, "Wirausaha yang baru memulai usaha dalam tahun berjalan"),
		pct("PDRB.01", "Kontribusi KUMKM terhadap PDRB", CatPerekonomian, "Nilai tambah KUMKM (Rp)", "PDRB atas dasar harga berlaku (Rp)",
			"Nilai tambah koperasi dan UMKM / PDRB ADHB × 100%", 2),
	}
	for n := range list {
		list[n].SortOrder = (n + 1) * 10
		list[n].DataSource = "Dinas Koperasi dan UKM; BPS"
	}
	return list
}

// InstallStarter writes the starter catalogue into an empty workspace.
func InstallStarter(ctx context.Context, tx *sql.Tx) error {
	for _, i := range Starter() {
		if _, err := Save(ctx, store.InTx(tx), i); err != nil {
			return err
		}
	}
	return nil
}
