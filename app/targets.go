package app

import (
	"context"

	"selaras/backend/harmonise"
	"selaras/backend/indicator"
	"selaras/backend/store"
	"selaras/backend/target"
)

// Targets is the bound service for indicators, their values and the
// harmonisation matrix.
type Targets struct{ a *App }

// Indicators lists the catalogue.
func (t *Targets) Indicators() ([]indicator.Indicator, error) {
	s, err := t.a.store()
	if err != nil {
		return []indicator.Indicator{}, t.a.fail(err)
	}
	out, err := indicator.List(context.Background(), s.Read())
	return out, t.a.fail(err)
}

// SaveIndicator adds (id 0) or updates an indicator.
func (t *Targets) SaveIndicator(i indicator.Indicator) (indicator.Indicator, error) {
	s, err := t.a.store()
	if err != nil {
		return indicator.Indicator{}, t.a.fail(err)
	}
	out, err := indicator.Save(context.Background(), s, i)
	return out, t.a.fail(err)
}

// DeleteIndicator removes an indicator and its values.
func (t *Targets) DeleteIndicator(id int64) error {
	s, err := t.a.store()
	if err != nil {
		return t.a.fail(err)
	}
	return t.a.fail(indicator.Delete(context.Background(), s, id))
}

// Matrix is the harmonisation result for a province and years.
func (t *Targets) Matrix(province string, years []int) (harmonise.Matrix, error) {
	s, err := t.a.store()
	if err != nil {
		return harmonise.Matrix{}, t.a.fail(err)
	}
	m, err := harmonise.Compute(context.Background(), s, province, years)
	return m, t.a.fail(err)
}

// ApplyResult says how many values were saved, or which cells were refused.
type ApplyResult struct {
	Saved  int                `json:"saved"`
	Errors []target.CellError `json:"errors"`
}

// Apply saves typed or pasted cells, all or nothing.
func (t *Targets) Apply(edits []target.Edit, pasted bool) (ApplyResult, error) {
	s, err := t.a.store()
	if err != nil {
		return ApplyResult{Errors: []target.CellError{}}, t.a.fail(err)
	}
	source := "ketik"
	if pasted {
		source = "tempel"
	}
	n, err := target.Apply(context.Background(), s, edits, source)
	if be, ok := target.ErrBatch(err); ok {
		return ApplyResult{Errors: be.Cells}, nil
	}
	return ApplyResult{Saved: n, Errors: []target.CellError{}}, t.a.fail(err)
}

// History lists the changes of one value, newest first.
func (t *Targets) History(indicatorID int64, region string, year int) ([]store.AuditEntry, error) {
	s, err := t.a.store()
	if err != nil {
		return []store.AuditEntry{}, t.a.fail(err)
	}
	out, err := target.History(context.Background(), s, target.Key{IndicatorID: indicatorID, Region: region, Year: year})
	return out, t.a.fail(err)
}
