package fault

// Indicators, the office profile and the values grid (backend/indicator,
// backend/profile, backend/target; issue 14): their fields and the reasons
// their values are refused.

const (
	// The CLI's --db names a file that is not there.
	NoDatabase Code = "no_database"
	// A national export with no province holding data.
	NoProvinceData Code = "no_province_data"

	// A code already used by another item of the same kind; {code} is it.
	ReasonCodeTaken         Code = "reason_code_taken"
	ReasonChooseKind        Code = "reason_choose_kind"
	ReasonChooseAggregation Code = "reason_choose_aggregation"
	ReasonChoosePolarity    Code = "reason_choose_polarity"
	ReasonPercentRollUp     Code = "reason_percent_roll_up"
	ReasonRatioAggOnly      Code = "reason_ratio_agg_only"
	ReasonRatioNotSummed    Code = "reason_ratio_not_summed"
	ReasonAboveZero         Code = "reason_above_zero"
	ReasonNIPDigits         Code = "reason_nip_digits"
)

func init() {
	for c, t := range map[Code]text{
		NoDatabase:       {"Basis data {path} tidak ditemukan.", "The database {path} was not found."},
		NoProvinceData:   {"Belum ada provinsi yang berisi data untuk diekspor.", "No province holds data to export yet."},
		ReasonCodeTaken:  {"kode {code} sudah dipakai", "the code {code} is already used"},
		ReasonChooseKind: {"pilih jumlah, rupiah, persen, atau rasio", "choose count, rupiah, percent or ratio"},
		ReasonChooseAggregation: {"pilih jumlah, rasio, rata-rata, atau tanpa agregasi",
			"choose summed, ratio, mean or no roll-up"},
		ReasonChoosePolarity: {"pilih makin tinggi makin baik atau makin rendah makin baik",
			"choose higher is better or lower is better"},
		ReasonPercentRollUp: {"persentase tidak boleh dijumlah atau dirata-rata; pakai jenis rasio (pembilang/penyebut) atau tanpa agregasi",
			"a percentage is never summed or averaged; use the ratio kind (numerator/denominator) or no roll-up"},
		ReasonRatioAggOnly: {"agregasi rasio hanya untuk indikator berjenis rasio", "the ratio roll-up is only for indicators of the ratio kind"},
		ReasonRatioNotSummed: {"rasio digabung dari jumlah pembilang dan penyebut, bukan dijumlah atau dirata-rata",
			"a ratio rolls up from the sums of its numerators and denominators, not by summing or averaging"},
		ReasonAboveZero: {"harus lebih dari nol", "must be more than zero"},
		ReasonNIPDigits: {"NIP terdiri atas 18 angka", "a NIP has 18 digits"},
	} {
		catalog[c] = t
	}
	addLabels(map[string]text{
		"indicator.id":             {"Indikator", "Indicator"},
		"indicator.code":           {"Kode indikator", "Indicator code"},
		"indicator.name":           {"Nama indikator", "Indicator name"},
		"indicator.kind":           {"Jenis nilai", "Kind of value"},
		"indicator.aggregation":    {"Aturan agregasi", "Aggregation"},
		"indicator.polarity":       {"Polaritas", "Polarity"},
		"indicator.numeratorLabel": {"Pembilang dan penyebut", "Numerator and denominator"},
		"indicator.decimals":       {"Jumlah desimal", "Decimals"},
		"indicator.scale":          {"Skala", "Scale"},

		"profile.provinceCode": {"Provinsi", "Province"},
		"profile.officeName":   {"Nama kantor", "Office name"},
		"profile.headNip":      {"NIP kepala dinas", "Head of office's NIP"},
		"profile.workingYear":  {"Tahun kerja", "Working year"},
		"profile.paperSize":    {"Ukuran kertas", "Paper size"},
	})
}
