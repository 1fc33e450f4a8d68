package fault

// Programs and budgets (backend/program, issue 14): the fields of central
// items, sub-kegiatan, plan lines, the crosswalk and the program tree, and
// the reasons their values are refused.

const (
	ReasonSelfParent        Code = "reason_self_parent"
	ReasonParentLoop        Code = "reason_parent_loop"
	ReasonHasChildren       Code = "reason_has_children"
	ReasonYearTwice         Code = "reason_year_twice"
	ReasonYearNegative      Code = "reason_year_negative"
	ReasonZeroOrMore        Code = "reason_zero_or_more"
	ReasonFundRegencyOnly   Code = "reason_fund_regency_only"
	ReasonChooseFund        Code = "reason_choose_fund"
	ReasonChooseLineStatus  Code = "reason_choose_line_status"
	ReasonChooseCentralKind Code = "reason_choose_central_kind"
	ReasonNotSubKegiatan    Code = "reason_not_sub_kegiatan"
	ReasonRegencyOnly       Code = "reason_regency_only"
	// A typed number the parser refused; {detail} is its wording per
	// language (detail and detailEn, from backend/number).
	ReasonNotNumber        Code = "reason_not_number"
	ReasonPaguPercent      Code = "reason_pagu_percent"
	ReasonPaguCents        Code = "reason_pagu_cents"
	ReasonShippedEdit      Code = "reason_shipped_edit"
	ReasonShippedDelete    Code = "reason_shipped_delete"
	ReasonSubInUse         Code = "reason_sub_in_use"
	ReasonUnknownIndicator Code = "reason_unknown_indicator"
	ReasonParentNotPicked  Code = "reason_parent_not_picked"
	ReasonSubFormat        Code = "reason_sub_format"
	ReasonSubZero          Code = "reason_sub_zero"
	ReasonNoParent         Code = "reason_no_parent"
	// {got} and {want} are levels worded per language (gotEn, wantEn).
	ReasonLevelDigit   Code = "reason_level_digit"
	ReasonParentPrefix Code = "reason_parent_prefix"
)

func init() {
	for c, t := range map[Code]text{
		ReasonSelfParent:  {"item tidak dapat menjadi induk dirinya sendiri", "an item cannot be its own parent"},
		ReasonParentLoop:  {"induk membentuk lingkaran", "the parents form a loop"},
		ReasonHasChildren: {"masih menjadi induk {count} item pusat lain", "it is still the parent of {count} other central items"},
		ReasonYearTwice:   {"tahun {year} tercantum dua kali", "the year {year} is listed twice"},
		ReasonYearNegative: {"target tahun {year} tidak boleh negatif",
			"the target for {year} must not be negative"},
		ReasonZeroOrMore: {"harus angka nol atau lebih", "must be a number of zero or more"},
		ReasonFundRegencyOnly: {"APBD kabupaten/kota hanya untuk baris di wilayah kabupaten/kota",
			"a regency budget (APBD kabupaten/kota) is only for lines in a regency"},
		ReasonChooseFund: {"pilih APBD provinsi, APBD kabupaten/kota, APBN (dekonsentrasi), DAK, atau lainnya",
			"choose the provincial budget (APBD), the regency budget (APBD), the state budget (deconcentration), DAK or other"},
		ReasonChooseLineStatus: {"pilih usulan, disepakati, atau belum disepakati", "choose proposed, agreed or not agreed"},
		ReasonChooseCentralKind: {"pilih program, kegiatan, keluaran, atau indikator",
			"choose program, activity (kegiatan), output or indicator"},
		ReasonNotSubKegiatan: {"{code} adalah {kind}, bukan sub-kegiatan", "{code} is a {kind}, not a sub-kegiatan"},
		ReasonRegencyOnly: {"sub-kegiatan {code} adalah kewenangan kabupaten/kota (L = 2); pilih kabupaten/kota, bukan provinsi {region}",
			"sub-kegiatan {code} is a regency's responsibility (L = 2); choose a regency, not the province {region}"},
		ReasonNotNumber:   {"{detail}", "{detail}"},
		ReasonPaguPercent: {"pagu ditulis dalam rupiah, bukan persen", "a budget is written in rupiah, not as a percentage"},
		ReasonPaguCents:   {"pagu ditulis dalam rupiah bulat, tanpa sen", "a budget is written in whole rupiah, without cents"},
		ReasonShippedEdit: {"{code} berasal dari Kepmendagri dan tidak dapat diubah; hanya sub-kegiatan yang dapat diubah",
			"{code} comes from the Kepmendagri decree and cannot be changed; only sub-kegiatan can be changed"},
		ReasonShippedDelete: {"{code} berasal dari Kepmendagri dan tidak dapat dihapus; hanya sub-kegiatan yang dapat dihapus",
			"{code} comes from the Kepmendagri decree and cannot be deleted; only sub-kegiatan can be deleted"},
		ReasonSubInUse: {"{code} masih dipakai {count} baris rencana; hapus atau pindahkan baris itu dulu",
			"{code} is still used by {count} plan lines; delete or move those lines first"},
		ReasonUnknownIndicator: {"indikator dengan id {id} tidak ada dalam katalog", "there is no indicator with id {id} in the catalogue"},
		ReasonParentNotPicked: {"kegiatan induk yang dipilih tidak ada dalam nomenklatur",
			"the chosen parent kegiatan is not in the nomenclature"},
		ReasonSubFormat: {"\"{code}\" tidak sesuai format 2.17.PP.L.KK.SSSS, misalnya 2.17.07.2.01.0001",
			"\"{code}\" does not follow the format 2.17.PP.L.KK.SSSS, e.g. 2.17.07.2.01.0001"},
		ReasonSubZero: {"nomor sub-kegiatan (4 angka terakhir) tidak boleh 0000",
			"the sub-kegiatan number (the last 4 digits) must not be 0000"},
		ReasonNoParent: {"kegiatan induk {code} tidak ada dalam nomenklatur", "the parent kegiatan {code} is not in the nomenclature"},
		ReasonLevelDigit: {"digit tingkat (L) menunjuk {got}, padahal kegiatan induk {parent} adalah kegiatan {want}",
			"the level digit (L) points to {got}, but the parent kegiatan {parent} is a kegiatan of {want}"},
		ReasonParentPrefix: {"kode harus diawali kode kegiatan induknya, {parent}", "the code must start with its parent kegiatan's code, {parent}"},
	} {
		catalog[c] = t
	}
	addLabels(map[string]text{
		"centralItem.id":           {"Program pusat", "Central program"},
		"centralItem.code":         {"Kode pusat", "Central code"},
		"centralItem.name":         {"Uraian pusat", "Central item name"},
		"centralItem.kind":         {"Jenis item pusat", "Kind of central item"},
		"centralItem.parentId":     {"Induk item pusat", "Parent central item"},
		"centralItem.indicatorIds": {"Indikator kinerja", "Performance indicator"},
		"centralTarget.year":       {"Tahun", "Year"},
		"centralTarget.target":     {"Target pusat", "Central target"},
		"centralTarget.pagu":       {"Pagu pusat", "Central budget ceiling"},

		"subKegiatan.id":           {"Sub-kegiatan", "Sub-activity"},
		"subKegiatan.code":         {"Kode sub-kegiatan", "Sub-activity code"},
		"subKegiatan.name":         {"Nama sub-kegiatan", "Sub-activity name"},
		"subKegiatan.indicatorIds": {"Indikator kinerja", "Performance indicator"},
		"subKegiatan.centralId":    {"Program pusat", "Central program"},
		"subKegiatan.kind":         {"Nomenklatur", "Nomenclature"},

		"planLine.id":              {"Baris rencana", "Plan line"},
		"planLine.subKegiatanId":   {"Sub-kegiatan", "Sub-activity"},
		"planLine.region":          {"Wilayah", "Region"},
		"planLine.year":            {"Tahun", "Year"},
		"planLine.outputIndicator": {"Indikator keluaran", "Output indicator"},
		"planLine.outputUnit":      {"Satuan", "Unit"},
		"planLine.target":          {"Target", "Target"},
		"planLine.pagu":            {"Pagu indikatif", "Indicative budget ceiling"},
		"planLine.sumberDana":      {"Sumber dana", "Source of funds"},
		"planLine.targetNext":      {"Target tahun n+1", "Target for year n+1"},
		"planLine.paguNext":        {"Pagu tahun n+1", "Budget ceiling for year n+1"},
		"planLine.status":          {"Status", "Status"},
		"planLine.statusReason":    {"Alasan belum disepakati", "Reason not yet agreed"},
		"planLine.centralId":       {"Program pusat", "Central program"},

		"crosswalk.indicatorId": {"Indikator kinerja", "Performance indicator"},
		"crosswalk.centralCode": {"Kode program pusat", "Central program code"},
		"crosswalk.province":    {"Provinsi", "Province"},
		"crosswalk.year":        {"Tahun", "Year"},

		"filter.year":     {"Tahun", "Year"},
		"filter.province": {"Provinsi", "Province"},
		"filter.region":   {"Wilayah", "Region"},
	})
}
