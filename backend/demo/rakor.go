package demo

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"selaras/backend/fault"
	"selaras/backend/rakor"
	"selaras/backend/scribble"
	"selaras/backend/store"
)

// Notes that tell what the news reports say from what the demo adds.
const (
	noteRakorSeed     = "Dari berita rakor."
	noteRakorDemo     = "Rumusan contoh (demo), bukan hasil resmi rakor."
	noteRakorDerived  = "Diturunkan dari berita rakor; rumusan kesepakatan contoh (demo)."
	noteChallengeSeed = "Disebut dalam berita rakor; tingkat keparahan, usulan solusi dan status contoh (demo)."
	noteNoName        = "Nama tidak disebut dalam berita."
	noteDemoPerson    = "Peserta contoh (demo); nama tidak disebut dalam berita."
	noteFollowUpDemo  = " (contoh demo)"
)

type demoDecision struct {
	key        string
	d          rakor.Decision
	indicators []string // indicator codes
	challenges []string // challenge keys
}

type demoFollowUp struct {
	decision   string // decision key
	reviewedIn string // meeting key, optional
	f          rakor.FollowUp
}

type phoneSignature struct {
	name  string
	clock string // "08.12"
}

type demoRakor struct {
	key          string
	m            rakor.Meeting
	carryOver    bool
	participants []rakor.Participant
	pasted       string // more participants, read as a pasted list
	// signedOnPhone are participants (by name) who signed the Daftar Hadir
	// on their phones in the meeting room, at the times given (local, on
	// the meeting's first day).
	signedOnPhone []phoneSignature
	agenda        []rakor.AgendaItem
	challenges    map[string]rakor.Challenge
	decisions     []demoDecision
}

// babelRegencies are the seven kabupaten/kota of Kepulauan Bangka Belitung.
var babelRegencies = []string{"19.01", "19.02", "19.03", "19.04", "19.05", "19.06", "19.71"}

// demoRakors are the five meetings of the seeds, oldest first, with what the
// reports say about them. Decisions are the demo's: the reports name
// challenges and targets, not what was agreed.
func demoRakors() []demoRakor {
	const (
		kukmKalteng = "Dinas Koperasi dan UKM Provinsi Kalimantan Tengah"
		kukmBabel   = "Dinas Koperasi dan UKM Provinsi Kepulauan Bangka Belitung"
		kukmMaluku  = "Dinas Koperasi dan UKM Provinsi Maluku"
		kukmJatim   = "Dinas Koperasi dan UKM Provinsi Jawa Timur"
		kemenkopUKM = "Kementerian Koperasi dan UKM"
		desk        = "Desk Urusan Koperasi dan UMKM"
	)
	return []demoRakor{
		{
			// Seed 004.
			key: "kalteng23",
			m: rakor.Meeting{Kind: rakor.Rakorda, Title: "Rakorda Perencanaan Pusat dan Daerah Dinas Koperasi dan UKM se-Kalimantan Tengah",
				Theme:     "Sinkronisasi Kegiatan dan Anggaran Pusat dan Daerah demi Terwujudnya Koperasi Modern dan UMKM Naik Kelas",
				StartDate: "2023-05-25", Venue: "Ballroom Aquarius Boutique Hotel, Palangka Raya", Mode: rakor.Luring,
				PlanningYear: 2024, Organiser: kukmKalteng, ProvinceCode: "62",
				Note: "Dibuka Wakil Gubernur Kalimantan Tengah, Kamis 25 Mei 2023. " + noteRakorSeed},
			participants: []rakor.Participant{
				{Name: "Edy Pratowo", Position: "Wakil Gubernur Kalimantan Tengah", Institution: "Pemerintah Provinsi Kalimantan Tengah",
					Region: "62", Role: rakor.Pimpinan, Note: "Membuka rakorda dan menyampaikan sambutan Gubernur."},
				{Name: "Ahmad Zabadi", Position: "Deputi Bidang Perkoperasian", Institution: kemenkopUKM},
				{Name: "Norhani", Position: "Kepala Dinas Koperasi dan UKM Provinsi Kalimantan Tengah", Institution: kukmKalteng,
					Region: "62", Role: rakor.Pimpinan},
				{Name: "Farid Wajdi", Position: "Kepala Dinas Tenaga Kerja dan Transmigrasi",
					Institution: "Dinas Tenaga Kerja dan Transmigrasi Provinsi Kalimantan Tengah", Region: "62"},
				{Name: "Said Salim", Position: "Kepala Biro Perekonomian", Institution: "Sekretariat Daerah Provinsi Kalimantan Tengah", Region: "62"},
			},
			agenda: []rakor.AgendaItem{
				{Title: "Pembukaan dan sambutan Gubernur Kalimantan Tengah", Presenter: "Edy Pratowo, Wakil Gubernur",
					Minutes: "Koperasi dan UMKM berperan sentral dalam perekonomian. Kontribusi PDB koperasi terhadap PDB Provinsi " +
						"Kalimantan Tengah naik dari 1,42 persen (2016) menjadi 3,29 persen (2022); kualitasnya masih perlu " +
						"dimaksimalkan dari aspek kelembagaan, SDM, permodalan, pemasaran, hingga pemanfaatan teknologi. Langkah: " +
						"memberdayakan pelaku UMKM dan koperasi anak muda, perempuan dan usaha ramah lingkungan; menggeser " +
						"pembiayaan dari sektor perdagangan ke sektor riil; mengoptimalkan ekosistem digital."},
				{Title: "Sinkronisasi kegiatan dan anggaran pusat dan daerah"},
			},
			challenges: map[string]rakor.Challenge{
				"kelembagaan": {Category: rakor.CatKelembagaan, Region: "62", Description: "Kualitas kelembagaan koperasi masih perlu dimaksimalkan."},
				"sdm":         {Category: rakor.CatSDM, Region: "62", Description: "Kualitas SDM koperasi dan UMKM masih perlu ditingkatkan."},
				"permodalan": {Category: rakor.CatPembiayaan, Region: "62", Severity: rakor.Tinggi,
					Description: "Permodalan koperasi dan UMKM; pembiayaan masih bertumpu pada sektor perdagangan.",
					Solution:    "Mendorong pembiayaan koperasi dan UMKM bergeser dari sektor perdagangan ke sektor riil."},
				"pemasaran": {Category: rakor.CatPemasaran, Region: "62", Description: "Pemasaran produk koperasi dan UMKM belum optimal."},
				"teknologi": {Category: rakor.CatDigitalisasi, Region: "62", Description: "Pemanfaatan teknologi oleh koperasi dan UMKM masih rendah.",
					Solution: "Mengoptimalkan ekosistem digital."},
			},
			decisions: []demoDecision{
				{key: "k23-usulan", d: rakor.Decision{Text: "Dinas yang membidangi koperasi dan UKM kabupaten/kota menyampaikan usulan " +
					"kegiatan dan anggaran 2024 untuk disinkronkan dengan program pusat dan provinsi.",
					OwnerRegion: "62", OwnerUnit: "Dinas Koperasi dan UKM kabupaten/kota se-Kalimantan Tengah", DueDate: "2023-07-31",
					Programs: []string{"2.17.06", "2.17.07"}}},
				{key: "k23-kelembagaan", d: rakor.Decision{Text: "Pendampingan penguatan kelembagaan koperasi (RAT tepat waktu dan " +
					"pemutakhiran data koperasi aktif) di setiap kabupaten/kota.",
					OwnerRegion: "62", OwnerUnit: "Bidang Kelembagaan dan Pengawasan", DueDate: "2024-06-30", Programs: []string{"2.17.03"}},
					indicators: []string{"KOP.02"}, challenges: []string{"kelembagaan", "sdm"}},
				{key: "k23-pembiayaan", d: rakor.Decision{Text: "Memfasilitasi akses pembiayaan sektor riil bagi koperasi dan UMKM " +
					"melalui temu usaha dengan lembaga keuangan.",
					OwnerRegion: "62", OwnerUnit: "Bidang Pemberdayaan Usaha Kecil", DueDate: "2024-03-31"},
					indicators: []string{"UKM.04"}, challenges: []string{"permodalan"}},
				{key: "k23-digital", d: rakor.Decision{Text: "Pelatihan pemasaran digital dan on boarding UMKM ke lokapasar bagi " +
					"pelaku usaha muda dan perempuan.",
					OwnerRegion: "62", OwnerUnit: "Bidang Pemberdayaan Usaha Kecil", DueDate: "2023-12-31", Programs: []string{"2.17.08"}},
					indicators: []string{"UKM.03"}, challenges: []string{"pemasaran", "teknologi"}},
			},
		},
		{
			// Seed 000.
			key: "babel24",
			m: rakor.Meeting{Kind: rakor.Rakor, Title: "Rapat Koordinasi Penyusunan Rencana Kerja (Renja) Dinas Koperasi dan UKM Tahun 2025",
				StartDate: "2024-02-23", Mode: rakor.Luring, PlanningYear: 2025, Organiser: kukmBabel, ProvinceCode: "19",
				Note: "Jumat 23 Februari 2024: evaluasi perkembangan sasaran, program dan kegiatan sebagai bahan langkah strategis. " +
					"Tempat tidak disebut dalam berita; moda diasumsikan luring. " + noteRakorSeed},
			participants: []rakor.Participant{
				{Name: "Riza Aryani", Position: "Plt. Kepala Dinas Koperasi dan UKM", Institution: kukmBabel, Region: "19", Role: rakor.Pimpinan},
				{Name: "Saeful Bahri", Position: "Biro Manajemen Kinerja, Organisasi dan Sumber Daya Manusia Aparatur",
					Institution: kemenkopUKM, Role: rakor.Narasumber, Note: "Instansi tidak disebut tegas dalam berita."},
				{Name: "Koko Haryono", Position: "Sekretaris Deputi Usaha Kecil dan Menengah", Institution: kemenkopUKM},
			},
			// The seven kabupaten/kota, as a secretariat would paste them.
			pasted: "1. Kepala Dinas KUKM Kabupaten Bangka; Kepala Dinas; Dinas KUKM Kabupaten Bangka; 19.01\n" +
				"2. Kepala Dinas KUKM Kabupaten Belitung; Kepala Dinas; Dinas KUKM Kabupaten Belitung; 19.02\n" +
				"3. Kepala Dinas KUKM Kabupaten Bangka Selatan; Kepala Dinas; Dinas KUKM Kabupaten Bangka Selatan; 19.03; peserta; tidak hadir\n" +
				"4. Kepala Dinas KUKM Kabupaten Bangka Tengah; Kepala Dinas; Dinas KUKM Kabupaten Bangka Tengah; 19.04\n" +
				"5. Kepala Dinas KUKM Kabupaten Bangka Barat; Kepala Dinas; Dinas KUKM Kabupaten Bangka Barat; 19.05\n" +
				"6. Kepala Dinas KUKM Kabupaten Belitung Timur; Kepala Dinas; Dinas KUKM Kabupaten Belitung Timur; 19.06; peserta; diwakili\n" +
				"7. Kepala Dinas KUKM Kota Pangkal Pinang; Kepala Dinas; Dinas KUKM Kota Pangkal Pinang; 19.71\n" +
				"8. Sekretariat Rakor; Notulis; " + kukmBabel + "; 19; notulis\n",
			// Four kab/kota signed on their phones as they came in (the
			// signatures are drawn by the demo, never anyone's own), the
			// others on paper: the Daftar Hadir shows both.
			signedOnPhone: []phoneSignature{{"Kepala Dinas KUKM Kabupaten Bangka", "08.12"}, {"Kepala Dinas KUKM Kabupaten Belitung", "08.15"},
				{"Kepala Dinas KUKM Kabupaten Bangka Tengah", "08.21"}, {"Kepala Dinas KUKM Kota Pangkal Pinang", "08.34"}},
			agenda: []rakor.AgendaItem{
				{Title: "Pembukaan dan sambutan Plt. Kepala Dinas Koperasi dan UKM", Presenter: "Riza Aryani",
					Minutes: "Rakor juga untuk mendukung penurunan inflasi dan kemiskinan ekstrem tahun 2023. Fokus rencana kerja 2025: " +
						"(1) 1.000 sertifikat halal, terutama produk makanan minuman dan tempat pemotongan hewan; (2) bantuan " +
						"peralatan produksi bagi pelaku UMKM di 7 kabupaten/kota untuk produktivitas dan pengendalian inflasi, serta " +
						"jaminan keselamatan ketenagakerjaan bagi UMKM untuk penanggulangan kemiskinan ekstrem; (3) penguatan " +
						"kapasitas SDM pengurus koperasi dan pelaku UMKM melalui pendidikan dan pelatihan, dan menambah koperasi modern."},
				{Title: "Tantangan pemberdayaan UMKM dan koperasi", Presenter: "Saeful Bahri",
					Minutes: "Empat tantangan: koordinasi dan sinkronisasi (27 K/L pengampu pemberdayaan UMKM); demografi dan " +
						"teknologi (2030–2045); kapasitas SDM (belum ada pedoman pelatihan terstandar); regulasi (revisi UU " +
						"Perkoperasian menunggu pembahasan DPR)."},
				{Title: "Target kinerja 2025 dan perumusan kesepakatan",
					Minutes: "Pertumbuhan koperasi 17,65%; pertumbuhan UKM 0,59%; rasio kewirausahaan 4,84%; rasio volume usaha " +
						"koperasi terhadap PDRB 0,625%; koperasi berkualitas 21,27%; UMKM yang mengakses pembiayaan formal 20,76%; " +
						"UKM naik kelas, UMKM on boarding dan sertifikat halal yang diterbitkan."},
			},
			challenges: map[string]rakor.Challenge{
				"koordinasi": {Category: rakor.CatKoordinasi, Region: "19", Severity: rakor.Tinggi, RaisedBy: "Saeful Bahri",
					Description: "Terdapat 27 Kementerian/Lembaga pengampu pemberdayaan UMKM sehingga perencanaan, monitoring dan " +
						"evaluasi seluruh kegiatan pemberdayaan UMKM sulit dilakukan.",
					Solution: "Matriks sinkronisasi program pusat, provinsi dan kabupaten/kota."},
				"demografi": {Category: rakor.CatDemografi, Region: "19", Severity: rakor.Rendah, RaisedBy: "Saeful Bahri",
					Description: "Pada 2030–2045 usia produktif lebih banyak dari lansia dan penduduk kota lebih banyak dari desa " +
						"karena lapangan kerja lebih banyak di kota; berkembangnya otomatisasi dan kecerdasan buatan."},
				"sdm": {Category: rakor.CatSDM, Region: "19", Severity: rakor.Tinggi, RaisedBy: "Saeful Bahri",
					Description: "Belum ada pedoman terstandar bagi pelatihan dan pendampingan yang dilakukan masing-masing pembina UMKM.",
					Solution:    "Pedoman pelatihan dan pendampingan bersama."},
				"regulasi": {Category: rakor.CatRegulasi, Region: "19", RaisedBy: "Saeful Bahri",
					Description: "Modernisasi koperasi memerlukan regulasi pendukung; revisi UU Perkoperasian masih menunggu pembahasan DPR."},
			},
			decisions: []demoDecision{
				{key: "b24-matriks", d: rakor.Decision{Text: "Menyusun matriks sinkronisasi program dan kegiatan pemberdayaan UMKM " +
					"pusat, provinsi dan kabupaten/kota sebagai bahan Renja 2025.",
					OwnerRegion: "19", OwnerUnit: "Sub Bagian Perencanaan", DueDate: "2024-04-30",
					Programs: []string{"2.17.07", "2.17.08"}, Regions: babelRegencies},
					challenges: []string{"koordinasi"}},
				{key: "b24-halal", d: rakor.Decision{Text: "Mencapai 1.000 sertifikat halal pada 2025, diprioritaskan bagi produk " +
					"makanan minuman dan tempat pemotongan hewan.",
					OwnerRegion: "19", OwnerUnit: "Bidang UMKM", DueDate: "2025-12-31", Note: noteRakorDerived},
					indicators: []string{"UKM.05"}},
				{key: "b24-pedoman", d: rakor.Decision{Text: "Menyusun pedoman pelatihan dan pendampingan UMKM yang terstandar " +
					"bersama para pembina UMKM kabupaten/kota.",
					OwnerRegion: "19", OwnerUnit: "Bidang Koperasi", DueDate: "2024-09-30", Programs: []string{"2.17.05"}},
					challenges: []string{"sdm"}},
				{key: "b24-uu", d: rakor.Decision{Text: "Menyampaikan masukan daerah untuk pembahasan revisi UU Perkoperasian " +
					"melalui Kementerian Koperasi dan UKM.",
					OwnerRegion: "19", OwnerUnit: "Bidang Koperasi", DueDate: "2024-03-31"},
					challenges: []string{"regulasi"}},
				{key: "b24-peralatan", d: rakor.Decision{Text: "Menyalurkan bantuan peralatan produksi bagi pelaku UMKM di 7 " +
					"kabupaten/kota untuk mendukung produktivitas dan pengendalian inflasi.",
					OwnerRegion: "19", OwnerUnit: "Bidang UMKM", DueDate: "2025-10-31", Regions: babelRegencies,
					Programs: []string{"2.17.07"}, Note: noteRakorDerived}},
				{key: "b24-ai", d: rakor.Decision{Text: "Pelatihan adopsi teknologi digital dan kecerdasan buatan bagi UMKM usia " +
					"produktif dimasukkan sebagai kegiatan tersendiri dalam Renja 2025.",
					OwnerRegion: "19", OwnerUnit: "Bidang UMKM", DueDate: "2024-06-30"},
					challenges: []string{"demografi"}},
				{key: "b24-target", d: rakor.Decision{Text: "Menaikkan target pertumbuhan koperasi 2025 menjadi 20 persen.",
					OwnerRegion: "19", NotAgreed: true,
					NotAgreedReason: "Target 17,65 persen dipertahankan sesuai sasaran Renja 2025; usulan kenaikan belum didukung " +
						"data koperasi aktif kabupaten/kota."},
					indicators: []string{"KOP.01"}},
			},
		},
		{
			// Seed 003.
			key: "maluku24",
			m: rakor.Meeting{Kind: rakor.Rakorda, Title: "Rapat Koordinasi Pemberdayaan Koperasi dan UMKM Provinsi Maluku Tahun 2024",
				StartDate: "2024-02-26", EndDate: "2024-02-28", Venue: "Aula Kantor Bupati Maluku Tenggara, Langgur",
				Mode: rakor.Luring, PlanningYear: 2024, Organiser: kukmMaluku, ProvinceCode: "81", Headcount: 50,
				Note: "Dibuka Penjabat Bupati Maluku Tenggara, Senin 26 Februari 2024; tiga hari, 50 peserta. " + noteRakorSeed},
			participants: []rakor.Participant{
				{Name: "Drs. Jasmono, M.Si", Position: "Penjabat Bupati Maluku Tenggara", Institution: "Pemerintah Kabupaten Maluku Tenggara",
					Region: "81.02", Role: rakor.Pimpinan},
				{Name: "Drs. Muhamad Nasir Kilkoda", Position: "Kepala Dinas Koperasi dan UKM Provinsi Maluku", Institution: kukmMaluku,
					Region: "81", Role: rakor.Narasumber},
				{Name: "Aditya Rizki Ayu Wulandari", Position: "Kepala Sub Bagian Penganggaran", Institution: "Kementerian Koperasi dan UMKM",
					Role: rakor.Narasumber},
				{Name: "Kepala Bappeda Provinsi Maluku", Position: "Kepala Bappeda", Institution: "Bappeda Provinsi Maluku", Region: "81",
					Role: rakor.Narasumber, Note: noteNoName},
				{Name: "Azmi Eli", Position: "Ketua Panitia Penyelenggara", Institution: kukmMaluku, Region: "81"},
			},
			agenda: []rakor.AgendaItem{
				{Title: "Pembukaan", Presenter: "Drs. Jasmono, M.Si", Day: "2024-02-26"},
				{Title: "Program pemberdayaan KUMKM Provinsi Maluku", Presenter: "Drs. Muhamad Nasir Kilkoda",
					Minutes: "Program: peningkatan kualitas SDM koperasi dan UMKM melalui pendidikan dan pelatihan teknis; hibah " +
						"modal usaha dan pinjaman dana bergulir; promosi dan pameran produk KUMKM; iklim usaha yang kondusif dan " +
						"kemudahan berusaha. Bantuan Rumah Kemasan dari Kementerian Koperasi dan UKM ditempatkan di UPTD PLUT. " +
						"Hingga Desember 2023: 3.834 koperasi dan 94.164 UMKM."},
				{Title: "Kebijakan dan penganggaran pemberdayaan KUMKM", Presenter: "Aditya Rizki Ayu Wulandari"},
			},
			challenges: map[string]rakor.Challenge{
				"kemasan": {Category: rakor.CatPemasaran, Region: "81", RaisedBy: "Drs. Muhamad Nasir Kilkoda",
					Description: "Kemasan dan akses pasar produk KUMKM kabupaten/kota belum memadai.",
					Solution:    "Memanfaatkan Rumah Kemasan di UPTD PLUT Dinas Koperasi dan UKM Provinsi Maluku.",
					Note:        noteRakorDemo},
			},
			decisions: []demoDecision{
				{key: "m24-kemasan", d: rakor.Decision{Text: "Kabupaten/kota memanfaatkan layanan Rumah Kemasan di UPTD PLUT Dinas " +
					"Koperasi dan UKM Provinsi Maluku bagi produk KUMKM binaan.",
					OwnerRegion: "81", OwnerUnit: "UPTD PLUT Dinas Koperasi dan UKM Provinsi Maluku", DueDate: "2024-12-31"},
					challenges: []string{"kemasan"}},
			},
		},
		{
			// Seed 002.
			key: "jatim25",
			m: rakor.Meeting{Kind: rakor.Rakornis, Title: "Rapat Koordinasi Teknis (Rakornis) Perencanaan Pemberdayaan Koperasi UMKM Tahun 2025",
				StartDate: "2025-02-10", EndDate: "2025-02-11", Venue: "Hotel The 101 Malang OJ, Kota Malang", Mode: rakor.Luring,
				PlanningYear: 2025, Organiser: kukmJatim, ProvinceCode: "35",
				Note: "Senin 10 – Selasa 11 Februari 2025. Kontribusi KUMKM terhadap PDRB Jawa Timur 60,43 persen (semester I " +
					"2024), naik dari 59,18 persen (2023). " + noteRakorSeed},
			participants: []rakor.Participant{
				{Name: "Endy Alim Abdi Nusa", Position: "Kepala Dinas Koperasi dan UKM Provinsi Jawa Timur", Institution: kukmJatim,
					Region: "35", Role: rakor.Pimpinan},
				{Name: "Kepala Departemen Inkubasi BRI", Position: "Kepala Departemen Inkubasi",
					Institution: "PT Bank Rakyat Indonesia (Persero) Tbk", Note: "Atau yang mewakili. " + noteNoName},
				{Name: "Perwakilan Kementerian Koperasi", Institution: "Kementerian Koperasi", Role: rakor.Narasumber, Note: noteNoName},
				{Name: "Perwakilan Kementerian UMKM", Institution: "Kementerian UMKM", Role: rakor.Narasumber, Note: noteNoName},
				{Name: "Perwakilan Bappeda Jawa Timur", Institution: "Bappeda Provinsi Jawa Timur", Region: "35", Note: noteNoName},
				{Name: "Kepala Dinas Koperasi dan Usaha Mikro Kota Malang", Position: "Kepala Dinas",
					Institution: "Dinas yang membidangi Koperasi dan Usaha Mikro Kota Malang", Region: "35.73", Note: noteDemoPerson},
			},
			agenda: []rakor.AgendaItem{
				{Title: "Pembukaan dan arahan Kepala Dinas", Presenter: "Endy Alim Abdi Nusa", Day: "2025-02-10",
					Minutes: "Isu strategis: kapasitas dan digitalisasi KUMKM (permodalan dan adopsi teknologi); hilirisasi produk " +
						"untuk rantai pasok industri; kompetensi SDM pengelola KUMKM; basis data Koperasi dan UMKM yang sinkron " +
						"antara pusat dan daerah."},
				{Title: "Pengembangan basis data Koperasi dan UMKM", Presenter: "Kementerian Koperasi dan Kementerian UMKM"},
			},
			challenges: map[string]rakor.Challenge{
				"digital": {Category: rakor.CatDigitalisasi, Region: "35", RaisedBy: "Endy Alim Abdi Nusa",
					Description: "Kapasitas dan digitalisasi KUMKM perlu didorong, terutama dari sisi permodalan dan adopsi teknologi."},
				"hilirisasi": {Category: rakor.CatHilirisasi, Region: "35", Severity: rakor.Tinggi, RaisedBy: "Endy Alim Abdi Nusa",
					Description: "Hilirisasi produk KUMKM belum optimal untuk mendukung rantai pasok industri."},
				"sdm": {Category: rakor.CatSDM, Region: "35", RaisedBy: "Endy Alim Abdi Nusa",
					Description: "Kompetensi SDM pengelola KUMKM perlu dikembangkan."},
				"data": {Category: rakor.CatData, Region: "35", Severity: rakor.Tinggi, RaisedBy: "Endy Alim Abdi Nusa",
					Description: "Basis data Koperasi dan UMKM yang akan digunakan perlu sinkron antara Pemerintah Pusat dan Daerah."},
			},
			decisions: []demoDecision{
				{key: "j25-data", d: rakor.Decision{Text: "Menyinkronkan basis data Koperasi dan UMKM provinsi dan kabupaten/kota " +
					"dengan basis data Kementerian Koperasi dan Kementerian UMKM.",
					OwnerRegion: "35", OwnerUnit: "Sekretariat Dinas", DueDate: "2025-06-30"},
					challenges: []string{"data"}},
				{key: "j25-permodalan", d: rakor.Decision{Text: "Memfasilitasi inkubasi dan akses permodalan KUMKM bersama BRI, " +
					"dengan prioritas adopsi teknologi digital.",
					OwnerRegion: "35", OwnerUnit: "Bidang Usaha Mikro", DueDate: "2025-09-30", Programs: []string{"2.17.07"}},
					indicators: []string{"UKM.03", "UKM.04"}, challenges: []string{"digital"}},
				{key: "j25-hilirisasi", d: rakor.Decision{Text: "Menyusun peta produk unggulan KUMKM yang siap dihilirisasi dan " +
					"dihubungkan dengan rantai pasok industri.",
					OwnerRegion: "35", OwnerUnit: "Bidang Pemberdayaan Usaha Kecil", DueDate: "2025-08-31"},
					challenges: []string{"hilirisasi"}},
				{key: "j25-sdm", d: rakor.Decision{Text: "Pelatihan kompetensi SDM pengelola KUMKM kabupaten/kota.",
					OwnerRegion: "35", OwnerUnit: "UPT Pelatihan Koperasi dan UMKM", DueDate: "2025-11-30", Programs: []string{"2.17.05"}},
					challenges: []string{"sdm"}},
			},
		},
		{
			// Seed 001: the Kalteng office followed the national Rakortek online.
			key: "kalteng25", carryOver: true,
			m: rakor.Meeting{Kind: rakor.Rakortek, Title: "Rapat Koordinasi Teknis (Rakortek) Perencanaan Pembangunan Tahun 2025",
				StartDate: "2025-02-25", Mode: rakor.Daring, PlanningYear: 2026, // targets are set for 2025–2026
				Organiser:    "Kementerian Dalam Negeri bersama Kementerian PPN/Bappenas dan kementerian terkait",
				ProvinceCode: "62", Desks: []string{desk},
				Note: "Selasa 25 Februari 2025, daring; Dinas Koperasi dan UKM Kalimantan Tengah di " + desk + ". Penyelenggara " +
					"tidak disebut tegas; berita menyebut Kemendagri, Kementerian PPN/Bappenas dan Kementerian Koperasi dan UKM " +
					"terlibat. " + noteRakorSeed},
			participants: []rakor.Participant{
				{Name: "Hj. Norhani", Position: "Kepala Dinas Koperasi dan UKM Provinsi Kalimantan Tengah", Institution: kukmKalteng,
					Region: "62", Role: rakor.Pimpinan},
				{Name: "Kabid Kelembagaan dan Pengawasan", Position: "Kepala Bidang Kelembagaan dan Pengawasan", Institution: kukmKalteng,
					Region: "62", Role: rakor.Narasumber, Note: noteNoName},
				{Name: "Kabid Pemberdayaan dan Pengembangan Koperasi", Position: "Kepala Bidang Pemberdayaan dan Pengembangan Koperasi",
					Institution: kukmKalteng, Region: "62", Role: rakor.Narasumber, Note: noteNoName},
				{Name: "Kabid Pemberdayaan Usaha Kecil", Position: "Kepala Bidang Pemberdayaan Usaha Kecil", Institution: kukmKalteng,
					Region: "62", Role: rakor.Narasumber, Note: noteNoName},
				{Name: "Kasubbag Penyusunan Program", Position: "Kepala Sub Bagian Penyusunan Program", Institution: kukmKalteng,
					Region: "62", Role: rakor.Narasumber, Note: noteNoName},
				{Name: "Perwakilan Kementerian Dalam Negeri", Institution: "Kementerian Dalam Negeri", Note: noteNoName},
				{Name: "Perwakilan Kementerian PPN/Bappenas", Institution: "Kementerian PPN/Bappenas", Note: noteNoName},
				{Name: "Perwakilan Kementerian Koperasi dan UKM", Institution: kemenkopUKM, Note: noteNoName},
			},
			agenda: []rakor.AgendaItem{
				{Title: "Paparan program kerja, capaian dan target 2025–2026", Desk: desk,
					Presenter: "Kepala Bidang dan Kasubbag Penyusunan Program",
					Minutes: "Fokus koperasi: pengembangan koperasi sektor produksi, dengan pembinaan dan pendampingan keluarga dan " +
						"kelompok masyarakat yang ingin membentuk koperasi. Koperasi produsen tercatat 1.311 unit; volume usaha " +
						"koperasi sektor produksi diharapkan Rp 222 miliar akhir 2025; rasio volume usaha koperasi terhadap PDRB " +
						"1,12% (2026); partisipasi masyarakat berkoperasi hingga 10%. UMKM: proporsi jumlah UKM 3,84% dengan " +
						"minimal 800 usaha mikro naik kelas; rasio kewirausahaan 3,81% dengan 2.872 wirausaha baru hingga akhir 2026."},
			},
			decisions: []demoDecision{
				{key: "k25-produsen", d: rakor.Decision{Text: "Pembinaan dan pendampingan keluarga serta kelompok masyarakat yang " +
					"ingin membentuk koperasi, sebagai bagian pengembangan koperasi sektor produksi.",
					OwnerRegion: "62", OwnerUnit: "Bidang Pemberdayaan dan Pengembangan Koperasi", DueDate: "2025-12-31",
					Programs: []string{"2.17.06"}, Note: noteRakorDerived},
					indicators: []string{"KOP.04", "KOP.05"}},
				{key: "k25-renja", d: rakor.Decision{Text: "Target rasio volume usaha koperasi terhadap PDRB 1,12 persen dan " +
					"partisipasi masyarakat berkoperasi 10 persen pada 2026 dimuat dalam rancangan Renja 2026.",
					OwnerRegion: "62", OwnerUnit: "Sub Bagian Penyusunan Program", DueDate: "2025-06-30", Note: noteRakorDerived},
					indicators: []string{"KOP.03", "KOP.06"}},
				{key: "k25-wirausaha", d: rakor.Decision{Text: "Mencetak 2.872 wirausaha baru dan sedikitnya 800 usaha mikro naik " +
					"kelas hingga akhir 2026.",
					OwnerRegion: "62", OwnerUnit: "Bidang Pemberdayaan Usaha Kecil", DueDate: "2026-12-31", Note: noteRakorDerived},
					indicators: []string{"WU.01", "WU.02", "UKM.02", "UKM.06"}},
			},
		},
	}
}

// demoFollowUps is the follow-up log of the demo decisions (all of it demo).
// Each is recorded in date order, between the meetings, so the Rakortek of
// February 2025 carries over what was still open then.
func demoFollowUps() []demoFollowUp {
	fu := func(decision, date, progress, evidence string, st rakor.Status) demoFollowUp {
		return demoFollowUp{decision: decision, f: rakor.FollowUp{Date: date, Progress: progress + noteFollowUpDemo,
			Evidence: evidence, Status: st}}
	}
	reviewed := func(f demoFollowUp, meeting string) demoFollowUp { f.reviewedIn = meeting; return f }
	return []demoFollowUp{
		fu("k23-usulan", "2023-07-28", "Usulan kegiatan 2024 dari 14 kabupaten/kota diterima dan direkap dalam matriks sinkronisasi",
			"Rekap usulan kegiatan 2024", rakor.Selesai),
		fu("k23-digital", "2023-10-20", "Pelatihan angkatan I: 120 pelaku UMKM muda dan perempuan", "Laporan pelatihan angkatan I", rakor.Berjalan),
		fu("k23-kelembagaan", "2023-11-15", "Pendampingan RAT di 6 kabupaten/kota", "Laporan Bidang Kelembagaan November 2023", rakor.Berjalan),
		fu("k23-digital", "2024-02-10", "Pelatihan angkatan II: 150 pelaku UMKM; 210 UMKM on boarding di lokapasar",
			"Laporan pelatihan angkatan II", rakor.Selesai),
		fu("b24-matriks", "2024-03-20", "Draf matriks sinkronisasi memuat program 7 kabupaten/kota", "Draf matriks sinkronisasi", rakor.Berjalan),
		fu("b24-uu", "2024-03-28", "Masukan daerah atas revisi UU Perkoperasian disampaikan",
			"Surat Kepala Dinas kepada Deputi Bidang Perkoperasian", rakor.Selesai),
		fu("b24-ai", "2024-04-05", "Digabung ke kesepakatan nomor 3 (pedoman pelatihan terstandar)", "", rakor.Dibatalkan),
		fu("m24-kemasan", "2024-06-10", "45 produk KUMKM dari 6 kabupaten/kota difasilitasi kemasan", "Laporan UPTD PLUT Juni 2024", rakor.Berjalan),
		fu("b24-halal", "2024-08-15", "Pendataan calon penerima fasilitasi sertifikasi halal di 7 kabupaten/kota",
			"Surat edaran kepada Dinas kabupaten/kota", rakor.Berjalan),
		reviewed(fu("k23-kelembagaan", "2025-02-25", "Ditinjau pada Rakortek: 8 dari 14 kabupaten/kota telah didampingi; dilanjutkan 2025",
			"", ""), "kalteng25"),
		reviewed(fu("k23-pembiayaan", "2025-02-25", "Ditinjau pada Rakortek: temu usaha dijadwalkan triwulan II 2025",
			"", rakor.Berjalan), "kalteng25"),
	}
}

// fillRakor writes the meetings of the seeds with their participants,
// agenda, challenges, decisions and follow-up, inside the demo's transaction.
func fillRakor(ctx context.Context, tx *sql.Tx) error {
	indID, err := indicatorIDs(ctx, tx)
	if err != nil {
		return err
	}
	meetings := map[string]int64{}
	decisions := map[string]int64{}
	pending := demoFollowUps()
	sort.SliceStable(pending, func(i, j int) bool { return pending[i].f.Date < pending[j].f.Date })
	record := func(before string) error {
		for len(pending) > 0 && (before == "" || pending[0].f.Date < before) {
			p := pending[0]
			pending = pending[1:]
			f := p.f
			f.DecisionID = decisions[p.decision]
			if p.reviewedIn != "" {
				f.ReviewedIn = meetings[p.reviewedIn]
			}
			if _, err := rakor.AddFollowUp(ctx, store.InTx(tx), f); err != nil {
				return fmt.Errorf("demo: follow-up of %s: %w", p.decision, err)
			}
		}
		return nil
	}
	for _, dr := range demoRakors() {
		if err := record(dr.m.StartDate); err != nil {
			return err
		}
		id, err := putDemoMeeting(ctx, tx, dr, indID, decisions)
		if err != nil {
			return fmt.Errorf("demo: rakor %s: %w", dr.key, err)
		}
		meetings[dr.key] = id
	}
	return record("")
}

// putDemoMeeting writes one meeting and everything in it, adding the ids of
// its decisions to decisions by key.
func putDemoMeeting(ctx context.Context, tx *sql.Tx, dr demoRakor, indID map[string]int64, decisions map[string]int64) (int64, error) {
	w := store.InTx(tx)
	m, err := rakor.SaveMeeting(ctx, w, dr.m)
	if err != nil {
		return 0, err
	}
	id := m.ID
	people := append([]rakor.Participant{}, dr.participants...)
	if dr.pasted != "" {
		pasted, lineErrs := rakor.ParseParticipants(dr.pasted)
		if len(lineErrs) > 0 {
			return 0, fmt.Errorf("pasted participants: %s", lineErrs[0].Message(fault.ID))
		}
		for i := range pasted {
			pasted[i].Note = noteDemoPerson
		}
		people = append(people, pasted...)
	}
	if _, err := rakor.AddParticipants(ctx, w, id, people); err != nil {
		if be, ok := rakor.ErrBatch(err); ok {
			return 0, fmt.Errorf("participants: %s", be.Lines[0].Message(fault.ID))
		}
		return 0, err
	}
	for _, sp := range dr.signedOnPhone {
		at, err := time.ParseInLocation("2006-01-02 15.04", dr.m.StartDate+" "+sp.clock, time.Local)
		if err != nil {
			return 0, err
		}
		a := rakor.Arrival{Name: sp.name, Signature: scribble.Draw(sp.name, 600, 240)}
		if _, err := rakor.SignIn(ctx, w, id, dr.m.StartDate, a, at); err != nil {
			return 0, fmt.Errorf("signed on a phone: %s: %w", sp.name, err)
		}
	}
	for _, a := range dr.agenda {
		a.MeetingID = id
		if _, err := rakor.SaveAgendaItem(ctx, w, a); err != nil {
			return 0, err
		}
	}
	if dr.carryOver {
		if _, err := rakor.AddCarryOver(ctx, w, id); err != nil {
			return 0, err
		}
	}
	// Challenges in taxonomy order, so ids follow the order a reader expects.
	keys := make([]string, 0, len(dr.challenges))
	for k := range dr.challenges {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	challenges := map[string]int64{}
	for _, k := range keys {
		c := dr.challenges[k]
		c.MeetingID = id
		if c.Note == "" {
			c.Note = noteChallengeSeed
		}
		saved, err := rakor.SaveChallenge(ctx, w, c)
		if err != nil {
			return 0, err
		}
		challenges[k] = saved.ID
	}
	for _, dd := range dr.decisions {
		d := dd.d
		d.MeetingID = id
		if d.Note == "" {
			d.Note = noteRakorDemo
		}
		for _, code := range dd.indicators {
			iid, ok := indID[code]
			if !ok {
				return 0, fmt.Errorf("no indicator %s", code)
			}
			d.IndicatorIDs = append(d.IndicatorIDs, iid)
		}
		for _, k := range dd.challenges {
			d.ChallengeIDs = append(d.ChallengeIDs, challenges[k])
		}
		saved, err := rakor.SaveDecision(ctx, w, d)
		if err != nil {
			return 0, err
		}
		decisions[dd.key] = saved.ID
	}
	return id, nil
}

// snapshotRakor freezes the harmonisation matrix of Kepulauan Bangka
// Belitung for 2025 with the Babel rakor. It runs after Fill has committed:
// rakor.TakeSnapshot uses harmonise.Compute, which reads through the store's
// read pool and so sees only committed values; computing it from inside the
// transaction would need a second way of loading the matrix.
func snapshotRakor(ctx context.Context, s *store.Store) error {
	list, err := rakor.ListMeetings(ctx, s)
	if err != nil {
		return err
	}
	for _, ms := range list {
		m := ms.Meeting
		if m.ProvinceCode != "19" || m.StartDate != "2024-02-23" {
			continue
		}
		_, err := rakor.TakeSnapshot(ctx, s, rakor.SnapshotRequest{MeetingID: m.ID, Province: "19", Years: []int{2025},
			Label: "Target kinerja 2025 Kepulauan Bangka Belitung (bahan rakor renja; angka kabupaten/kota contoh demo)"})
		return err
	}
	return fmt.Errorf("demo: no Babel rakor to snapshot")
}
