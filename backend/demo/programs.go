package demo

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"selaras/backend/indicator"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
)

// noteDemoPagu labels figures that are not in the seeds. The news reports
// give targets but no budget, so every pagu in the demo carries it.
const noteDemoPagu = "Pagu dan angka lain yang tidak disebut berita: angka contoh (demo)."

// noteDemoCode labels sub-kegiatan and central items made up for the demo.
const noteDemoCode = "Kode dan uraian contoh (demo), bukan nomenklatur resmi."

type demoCentral struct {
	code, parent string
	kind         program.CentralKind
	name         string
	institution  string
	unit         string
	indicators   []string
	targets      []program.CentralTarget
}

// demoCentrals are the ministry programs and outputs the regional plans
// align with: Kementerian Koperasi and Kementerian UMKM, the two ministries
// the Jawa Timur rakornis (seed 002) asked for guidance.
var demoCentrals = []demoCentral{
	{code: "KEMENKOP-01", kind: program.CentralProgram, name: "Program Pemberdayaan dan Modernisasi Koperasi",
		institution: "Kementerian Koperasi"},
	{code: "KEMENKOP-01.01", parent: "KEMENKOP-01", kind: program.CentralOutput, name: "Koperasi modern yang difasilitasi",
		institution: "Kementerian Koperasi", unit: "koperasi", indicators: []string{"KOP.02"},
		targets: []program.CentralTarget{{Year: 2025, Target: ptr(1000), Pagu: rupiah(48_000_000_000)}}},
	{code: "KEMENKOP-01.02", parent: "KEMENKOP-01", kind: program.CentralOutput,
		name: "Koperasi sektor produksi yang didampingi", institution: "Kementerian Koperasi", unit: "koperasi",
		indicators: []string{"KOP.04", "KOP.05"},
		targets:    []program.CentralTarget{{Year: 2025, Target: ptr(500)}, {Year: 2026, Target: ptr(600)}}},
	{code: "KEMENUMKM-01", kind: program.CentralProgram, name: "Program Pemberdayaan dan Pengembangan UMKM",
		institution: "Kementerian UMKM"},
	{code: "KEMENUMKM-01.01", parent: "KEMENUMKM-01", kind: program.CentralOutput,
		name: "Usaha mikro dan kecil bersertifikat halal", institution: "Kementerian UMKM", unit: "sertifikat",
		indicators: []string{"UKM.05"},
		targets:    []program.CentralTarget{{Year: 2025, Target: ptr(100_000), Pagu: rupiah(60_000_000_000)}}},
	{code: "KEMENUMKM-01.02", parent: "KEMENUMKM-01", kind: program.CentralOutput,
		name: "Rumah Kemasan yang beroperasi di PLUT", institution: "Kementerian UMKM (dahulu Kementerian Koperasi dan UKM)",
		unit: "unit", indicators: []string{"UKM.02"}, targets: []program.CentralTarget{{Year: 2024, Target: ptr(10)}}},
	{code: "KEMENUMKM-01.03", parent: "KEMENUMKM-01", kind: program.CentralOutput, name: "Wirausaha baru yang difasilitasi",
		institution: "Kementerian UMKM", unit: "orang", indicators: []string{"WU.02"},
		targets: []program.CentralTarget{{Year: 2025, Target: ptr(50_000)}, {Year: 2026, Target: ptr(60_000)}}},
}

type demoSub struct {
	code, name, central string
	indicators          []string
}

// demoSubs are sub-kegiatan in the official style; the codes are made up.
var demoSubs = []demoSub{
	// Province (L = 1).
	{code: "2.17.03.1.01.0001", name: "Pemeriksaan dan Pengawasan Koperasi Lintas Kabupaten/Kota", indicators: []string{"KOP.02"}},
	{code: "2.17.05.1.01.0001", name: "Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan Kompetensi SDM Koperasi",
		indicators: []string{"KOP.02"}},
	{code: "2.17.06.1.01.0001", name: "Fasilitasi Modernisasi Koperasi melalui Digitalisasi dan Kemitraan",
		central: "KEMENKOP-01.01", indicators: []string{"KOP.01", "KOP.02"}},
	{code: "2.17.06.1.01.0002", name: "Pembinaan dan Pendampingan bagi Keluarga dan Kelompok Masyarakat yang akan Membentuk Koperasi Sektor Produksi",
		central: "KEMENKOP-01.02", indicators: []string{"KOP.04", "KOP.05"}},
	{code: "2.17.07.1.01.0002", name: "Peningkatan Pemahaman dan Pengetahuan UMKM serta Kapasitas dan Kompetensi SDM UMKM dan Kewirausahaan",
		indicators: []string{"WU.01"}},
	// No indicator on purpose: the screen shows a line that serves none.
	{code: "2.17.07.1.01.0003", name: "Fasilitasi Jaminan Sosial Ketenagakerjaan bagi Pelaku Usaha Kecil"},
	{code: "2.17.07.1.01.0004", name: "Fasilitasi Akses Permodalan melalui Hibah Modal Usaha dan Pinjaman Dana Bergulir",
		indicators: []string{"UKM.04", "WU.02"}},
	{code: "2.17.07.1.01.0005", name: "Promosi dan Pameran Produk KUMKM", indicators: []string{"UKM.02"}},
	{code: "2.17.07.1.01.0006", name: "Penumbuhan dan Pendampingan Wirausaha Baru", central: "KEMENUMKM-01.03",
		indicators: []string{"WU.01", "WU.02"}},
	{code: "2.17.08.1.01.0001", name: "Fasilitasi Sertifikasi Halal bagi Usaha Kecil", central: "KEMENUMKM-01.01",
		indicators: []string{"UKM.05"}},
	{code: "2.17.08.1.01.0002", name: "Bantuan Peralatan Produksi bagi Pelaku Usaha Kecil", indicators: []string{"UKM.01", "UKM.02"}},
	{code: "2.17.08.1.01.0003", name: "Fasilitasi Layanan Rumah Kemasan bagi Produk KUMKM pada UPTD PLUT",
		central: "KEMENUMKM-01.02", indicators: []string{"UKM.02"}},
	{code: "2.17.08.1.01.0004", name: "Pendampingan Usaha Mikro dan Kecil Naik Kelas", indicators: []string{"UKM.02", "UKM.06"}},
	// Kabupaten/kota (L = 2).
	{code: "2.17.05.2.01.0001", name: "Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan Kompetensi SDM Koperasi",
		indicators: []string{"KOP.02"}},
	{code: "2.17.07.2.01.0003", name: "Fasilitasi Kemudahan Perizinan Usaha Mikro", indicators: []string{"UKM.01"}},
	{code: "2.17.07.2.01.0004", name: "Pemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro", indicators: []string{"UKM.07"}},
	{code: "2.17.07.2.01.0005", name: "Fasilitasi Digitalisasi dan Pemasaran Daring Usaha Mikro", indicators: []string{"UKM.03"}},
	{code: "2.17.08.2.01.0001", name: "Fasilitasi Sertifikasi Halal bagi Usaha Mikro", central: "KEMENUMKM-01.01",
		indicators: []string{"UKM.05"}},
}

func rupiah(x int64) *int64 { return &x }

// demoLine is a plan line named by its sub-kegiatan code.
type demoLine struct {
	sub string
	program.PlanLine
}

const (
	bidangUKM      = "Bidang Usaha Kecil dan Menengah"
	bidangKoperasi = "Bidang Kelembagaan dan Pemberdayaan Koperasi"
	seedBabel      = "Rakor renja Dinas KUKM Kepulauan Bangka Belitung, Jumat 23 Februari 2024: "
	seedMaluku     = "Rakor pemberdayaan KUMKM Maluku, Langgur, 26 Februari 2024: "
	seedKalteng    = "Rakortek perencanaan 2025 (daring), Selasa 25 Februari 2025: "
)

// demoLines follow the seeds: Bangka Belitung 2025 (seed 000), Maluku 2024
// (seed 003), Kalimantan Tengah 2025-2026 (seed 001).
func demoLines() []demoLine {
	l := func(sub, reg string, year int, output, unit string, target *float64, pagu int64, dana program.SumberDana,
		bidang, catatan string) demoLine {
		return demoLine{sub: sub, PlanLine: program.PlanLine{Region: reg, Year: year, OutputIndicator: output,
			OutputUnit: unit, Target: target, Pagu: pagu, SumberDana: dana, Bidang: bidang,
			Catatan: strings.TrimSpace(catatan + " " + noteDemoPagu), Status: program.Usulan}}
	}
	var out []demoLine

	// Kepulauan Bangka Belitung 2025.
	halal := l("2.17.08.1.01.0001", "19", 2025, "Sertifikat halal yang diterbitkan bagi produk UMKM", "sertifikat",
		ptr(1000), 1_250_000_000, program.APBDProvinsi, bidangUKM,
		seedBabel+"1.000 sertifikat halal, terutama makanan minuman dan tempat pemotongan hewan.")
	halal.Lokasi, halal.Status = "7 kabupaten/kota", program.Disepakati
	halal.TargetNext, halal.PaguNext = ptr(1200), rupiah(1_500_000_000)
	out = append(out, halal)
	// Equipment aid: one line per regency, from the provincial budget.
	for i, r := range []struct {
		code     string
		penerima float64
		pagu     int64
	}{{"19.01", 60, 420_000_000}, {"19.02", 45, 315_000_000}, {"19.03", 50, 350_000_000}, {"19.04", 50, 350_000_000},
		{"19.05", 40, 280_000_000}, {"19.06", 40, 280_000_000}, {"19.71", 55, 385_000_000}} {
		a := l("2.17.08.1.01.0002", r.code, 2025, "Pelaku UMKM penerima bantuan peralatan produksi", "pelaku usaha",
			ptr(r.penerima), r.pagu, program.APBDProvinsi, bidangUKM,
			seedBabel+"bantuan peralatan produksi di 7 kabupaten/kota untuk produktivitas dan pengendalian inflasi.")
		a.Status = program.Disepakati
		if i == 2 {
			a.Status, a.StatusReason = program.BelumDisepakati, "Data calon penerima dari kabupaten belum lengkap"
		}
		out = append(out, a)
	}
	// No target yet: the flag "program tanpa target" shows.
	jamsos := l("2.17.07.1.01.0003", "19", 2025, "Pelaku usaha kecil yang didaftarkan jaminan sosial ketenagakerjaan",
		"", nil, 600_000_000, program.APBDProvinsi, bidangUKM,
		seedBabel+"jaminan keselamatan ketenagakerjaan bagi UMKM untuk penanggulangan kemiskinan ekstrem; target menunggu data kepesertaan.")
	out = append(out, jamsos)
	out = append(out,
		l("2.17.05.1.01.0001", "19", 2025, "Pengurus dan pengelola koperasi yang mengikuti pendidikan dan pelatihan", "orang",
			ptr(150), 450_000_000, program.APBDProvinsi, bidangKoperasi, seedBabel+"penguatan kapasitas SDM pengurus koperasi."),
		l("2.17.07.1.01.0002", "19", 2025, "Pelaku UMKM yang mengikuti pendidikan dan pelatihan", "orang",
			ptr(200), 500_000_000, program.APBDProvinsi, bidangUKM, seedBabel+"penguatan kapasitas SDM pelaku UMKM."),
		l("2.17.06.1.01.0001", "19", 2025, "Koperasi yang difasilitasi menjadi koperasi modern", "koperasi",
			ptr(20), 300_000_000, program.APBDProvinsi, bidangKoperasi, seedBabel+"meningkatkan jumlah koperasi modern."),
	)
	// The regencies' own plans (APBD kabupaten/kota).
	for _, r := range []struct{ sub, reg, output, unit string }{
		{"2.17.05.2.01.0001", "19.01", "Pengurus koperasi yang mengikuti pelatihan perkoperasian", "orang"},
		{"2.17.08.2.01.0001", "19.02", "Usaha mikro yang difasilitasi sertifikasi halal", "sertifikat"},
		{"2.17.07.2.01.0003", "19.04", "Usaha mikro yang difasilitasi perizinan berusaha (NIB)", "unit usaha"},
		{"2.17.07.2.01.0005", "19.71", "Usaha mikro yang masuk pemasaran daring", "unit usaha"},
	} {
		reg, _ := region.Default().Lookup(r.reg)
		bidang := "Dinas Koperasi dan UKM " + reg.Name
		out = append(out, l(r.sub, r.reg, 2025, r.output, r.unit, ptr(100), 150_000_000, program.APBDKabKota, bidang,
			"Rencana kabupaten/kota."))
	}

	// Maluku 2024.
	kemasan := l("2.17.08.1.01.0003", "81", 2024, "Produk KUMKM yang difasilitasi layanan Rumah Kemasan", "produk",
		ptr(100), 350_000_000, program.APBNDekon, "UPTD PLUT KUMKM",
		seedMaluku+"bantuan Rumah Kemasan dari Kementerian Koperasi dan UKM RI, ditempatkan di UPTD PLUT.")
	kemasan.Lokasi, kemasan.Status = "UPTD PLUT Dinas Koperasi dan UKM Provinsi Maluku, Ambon", program.Disepakati
	out = append(out, kemasan,
		l("2.17.07.1.01.0004", "81", 2024, "Wirausaha penerima hibah modal usaha", "orang", ptr(250), 1_250_000_000,
			program.APBDProvinsi, "Bidang Pemberdayaan UMKM", seedMaluku+"pemberian hibah modal usaha."),
		l("2.17.07.1.01.0004", "81", 2024, "UMKM penerima pinjaman dana bergulir", "unit usaha", ptr(120), 2_400_000_000,
			program.APBDProvinsi, "Bidang Pemberdayaan UMKM", seedMaluku+"pinjaman dana bergulir guna semangat berwirausaha."),
		l("2.17.07.1.01.0005", "81", 2024, "UMKM yang difasilitasi promosi dan pameran produk", "unit usaha", ptr(60),
			400_000_000, program.APBDProvinsi, "Bidang Pemberdayaan UMKM", seedMaluku+"promosi dan pameran produk KUMKM."),
		l("2.17.05.1.01.0001", "81", 2024, "SDM koperasi dan UMKM yang mengikuti pendidikan dan pelatihan teknis", "orang",
			ptr(180), 540_000_000, program.APBDProvinsi, "Bidang Kelembagaan Koperasi",
			seedMaluku+"peningkatan kualitas SDM koperasi dan UMKM melalui diklat teknis."),
		l("2.17.07.2.01.0004", "81.02", 2024, "Usaha mikro yang didampingi kelembagaannya", "unit usaha", ptr(75),
			200_000_000, program.APBDKabKota, "Dinas Koperasi dan UKM Kabupaten Maluku Tenggara",
			"Rencana Kabupaten Maluku Tenggara, tuan rumah rakor."),
	)

	// Kalimantan Tengah 2025-2026.
	for _, y := range []int{2025, 2026} {
		koperasi := l("2.17.06.1.01.0002", "62", y, "Kelompok masyarakat yang didampingi membentuk koperasi sektor produksi",
			"kelompok", ptr(float64(25+5*(y-2025))), int64(750_000_000+100_000_000*(y-2025)), program.APBDProvinsi,
			"Bidang Pemberdayaan dan Pengembangan Koperasi",
			seedKalteng+"pengembangan koperasi sektor produksi; koperasi produsen tercatat 1.311 unit; volume usaha Rp 222 miliar akhir 2025.")
		wirausaha := l("2.17.07.1.01.0006", "62", y, "Wirausaha baru yang tumbuh dan didampingi", "orang",
			ptr(float64(1400+72*(y-2025))), int64(1_100_000_000+50_000_000*(y-2025)), program.APBDProvinsi,
			"Bidang Pemberdayaan Usaha Kecil",
			seedKalteng+"2.872 wirausaha baru hingga akhir 2026 (1.400 pada 2025 dan 1.472 pada 2026: pembagian contoh).")
		if y == 2025 {
			koperasi.TargetNext, koperasi.PaguNext = ptr(30), rupiah(850_000_000)
			wirausaha.TargetNext, wirausaha.PaguNext = ptr(1472), rupiah(1_150_000_000)
			koperasi.Status, wirausaha.Status = program.Disepakati, program.Disepakati
		}
		out = append(out, koperasi, wirausaha)
	}
	naik := l("2.17.08.1.01.0004", "62", 2026, "Usaha mikro yang naik kelas menjadi usaha kecil dan menengah", "unit usaha",
		ptr(800), 900_000_000, program.APBDProvinsi, "Bidang Pemberdayaan Usaha Kecil",
		seedKalteng+"minimal 800 pelaku usaha mikro naik kelas; proporsi UKM 3,84%.")
	awas := l("2.17.03.1.01.0001", "62", 2025, "Koperasi lintas kabupaten/kota yang diperiksa dan diawasi", "koperasi",
		ptr(40), 250_000_000, program.APBDProvinsi, "Bidang Kelembagaan dan Pengawasan",
		seedKalteng+"desk urusan koperasi dan UMKM, kelembagaan dan pengawasan.")
	out = append(out, naik, awas)
	return out
}

// indicatorIDs maps each indicator's code to its id, for the seeds that
// name indicators by code.
func indicatorIDs(ctx context.Context, tx *sql.Tx) (map[string]int64, error) {
	inds, err := indicator.List(ctx, tx)
	if err != nil {
		return nil, err
	}
	ids := make(map[string]int64, len(inds))
	for _, i := range inds {
		ids[i.Code] = i.ID
	}
	return ids, nil
}

// fillPrograms writes the demo's central programs, sub-kegiatan and plan
// lines. Bangka Belitung leaves several indicators without any program
// (e.g. rasio volume usaha koperasi terhadap PDRB), so the comparison
// screen shows the "tanpa program" flag.
func fillPrograms(ctx context.Context, tx *sql.Tx) error {
	indID, err := indicatorIDs(ctx, tx)
	if err != nil {
		return err
	}
	ids := func(codes []string) ([]int64, error) {
		out := []int64{}
		for _, c := range codes {
			id, ok := indID[c]
			if !ok {
				return nil, fmt.Errorf("demo: no indicator %s", c)
			}
			out = append(out, id)
		}
		return out, nil
	}

	central := map[string]int64{}
	for _, c := range demoCentrals {
		item := program.CentralItem{Code: c.code, Kind: c.kind, Name: c.name, Institution: c.institution, Unit: c.unit,
			Note: noteDemoCode, Targets: c.targets}
		if c.parent != "" {
			item.ParentID = central[c.parent]
		}
		if item.IndicatorIDs, err = ids(c.indicators); err != nil {
			return err
		}
		saved, err := program.SaveCentral(ctx, store.InTx(tx), item)
		if err != nil {
			return err
		}
		central[c.code] = saved.ID
	}

	items, err := program.ListItems(ctx, tx)
	if err != nil {
		return err
	}
	nomen := map[string]int64{}
	for _, it := range items {
		nomen[it.Code] = it.ID
	}
	for _, d := range demoSubs {
		parent, ok := nomen[d.code[:len(d.code)-5]]
		if !ok {
			return fmt.Errorf("demo: no kegiatan for %s", d.code)
		}
		it := program.Item{Code: d.code, ParentID: parent, Name: d.name, Note: noteDemoCode}
		if d.central != "" {
			id := central[d.central]
			it.CentralID = &id
		}
		if it.IndicatorIDs, err = ids(d.indicators); err != nil {
			return err
		}
		saved, err := program.SaveSubKegiatan(ctx, store.InTx(tx), it)
		if err != nil {
			return fmt.Errorf("demo: sub-kegiatan %s: %w", d.code, err)
		}
		nomen[d.code] = saved.ID
	}

	for _, d := range demoLines() {
		l := d.PlanLine
		id, ok := nomen[d.sub]
		if !ok {
			return fmt.Errorf("demo: no sub-kegiatan %s", d.sub)
		}
		l.SubKegiatanID = id
		if _, err := program.SavePlanLine(ctx, store.InTx(tx), l); err != nil {
			return fmt.Errorf("demo: plan line %s %s: %w", d.sub, l.Region, err)
		}
	}
	return nil
}
