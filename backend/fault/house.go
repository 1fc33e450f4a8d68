package fault

// What the workbook request, the matrix and the app's own file choices
// refuse (issue 14): the last labels that were Indonesian words.
const (
	// A sheet kind not in the list; {value} is it, {options} the list.
	ReasonUnknownSheet Code = "reason_unknown_sheet"
	// The preview an import commits is gone (committed or cancelled).
	PreviewGone Code = "preview_gone"
)

func init() {
	for c, t := range map[Code]text{
		ReasonUnknownSheet: {"\"{value}\" tidak dikenal; pilih dari {options}", "\"{value}\" is not known; choose from {options}"},
		PreviewGone: {"Pratinjau impor ini sudah tidak berlaku (sudah disimpan atau dibatalkan); pilih berkasnya lagi.",
			"This import preview is no longer valid (already saved or cancelled); choose the file again."},
	} {
		catalog[c] = t
	}
	addLabels(map[string]text{
		"workbook.sheets":    {"Lembar", "Sheet"},
		"workbook.meetingId": {"Rapat", "Meeting"},
		"workbook.years":     {"Tahun", "Year"},
		"matrix.province":    {"Provinsi", "Province"},
		"matrix.years":       {"Tahun", "Year"},
		"template.region":    {"Wilayah", "Region"},
		"import.region":      {"Wilayah", "Region"},
		"backup.path":        {"Cadangan", "Backup"},
		"workspace.path":     {"Berkas ruang kerja", "Workspace file"},
	})
}
