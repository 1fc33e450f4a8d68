package template

import "time"

// The hidden meta sheet holds key/value rows in columns A:B (keys below),
// and from MetaListCol the sub-kegiatan a new plan row may choose: code,
// then name, one per row from row 1.
const (
	KeyVersion      = "template_version"
	KeyRegion       = "region"
	KeyYear         = "year"
	KeyChecksum     = "checksum"      // StructureSum of the values sheet
	KeyRows         = "rows"          // the values sheet's indicator rows
	KeyCreatedAt    = "created_at"    // CreatedAtLayout; to the second in templates from before
	KeyRatioTarget  = "ratio_target"  // RatioFormula; absent in templates from before
	KeyPlanRows     = "plan_rows"     // the plan lines listed (version 2)
	KeyPlanChecksum = "plan_checksum" // PlanSum of the plan sheet (version 2)

	// RatioFormula says a ratio's Target cell is a formula over its parts.
	// A template without it had the target typed beside the parts; there
	// the parts decide whenever both are filled in.
	RatioFormula = "formula"

	MetaListCol = 4
)

// CreatedAtLayout writes a template's created_at to the millisecond, as
// the audit log writes its times, so that a value typed in the template's
// own second is told before or after it.
const CreatedAtLayout = "2006-01-02T15:04:05.000Z07:00"

// MetaKeyRows bounds where the reader looks for the keys: the list beside
// them may run to thousands of rows.
const MetaKeyRows = 50

// Meta is what the hidden sheet says a template is.
type Meta struct {
	Version      int
	Region       string
	Year         int
	Checksum     string
	Rows         int
	CreatedAt    time.Time
	PlanRows     int
	PlanChecksum string
}

// Pairs are the hidden sheet's key/value rows in their order. A template
// written now always has the ratio formula and the plan sheet.
func (m Meta) Pairs() [][2]any {
	return [][2]any{
		{KeyVersion, m.Version}, {KeyRegion, m.Region}, {KeyYear, m.Year},
		{KeyChecksum, m.Checksum}, {KeyRows, m.Rows}, {KeyCreatedAt, m.CreatedAt.UTC().Format(CreatedAtLayout)},
		{KeyRatioTarget, RatioFormula},
		{KeyPlanRows, m.PlanRows}, {KeyPlanChecksum, m.PlanChecksum},
	}
}
