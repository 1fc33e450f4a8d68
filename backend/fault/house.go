package fault

// What the workbook request, the matrix and the app's own file choices
// refuse, as codes so both languages can say them.
const (
	// A sheet kind not in the list; {value} is it, {options} the list.
	ReasonUnknownSheet Code = "reason_unknown_sheet"
	// The preview an import commits is gone (committed or cancelled).
	PreviewGone Code = "preview_gone"
)
