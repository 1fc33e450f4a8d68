// Package indicator is the catalogue of performance indicators (indikator
// kinerja): what is measured, in which unit, how regency figures roll up to
// the province, and which direction is better.
package indicator

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/store"
)

// Kind is what a value is.
type Kind string

const (
	Count   Kind = "count"   // units, people, certificates
	Rupiah  Kind = "rupiah"  // money
	Percent Kind = "percent" // a percentage known only as a whole (no numerator/denominator)
	Ratio   Kind = "ratio"   // numerator / denominator x scale, e.g. a percentage of two counts
)

// Aggregation is how regency figures roll up to the province.
type Aggregation string

const (
	Sum      Aggregation = "sum"
	RatioAgg Aggregation = "ratio" // sum of numerators / sum of denominators
	Mean     Aggregation = "mean"
	NoRollUp Aggregation = "none"
)

// Polarity tells whether a higher or a lower value is better.
type Polarity string

const (
	Higher Polarity = "higher"
	Lower  Polarity = "lower"
)

// Indicator is one entry of the catalogue.
type Indicator struct {
	ID               int64       `json:"id"`
	Code             string      `json:"code"`
	Name             string      `json:"name"`
	Unit             string      `json:"unit"`
	Kind             Kind        `json:"kind"`
	Aggregation      Aggregation `json:"aggregation"`
	Polarity         Polarity    `json:"polarity"`
	Decimals         int         `json:"decimals"`
	Scale            float64     `json:"scale"`
	NumeratorLabel   string      `json:"numeratorLabel"`
	DenominatorLabel string      `json:"denominatorLabel"`
	Category         string      `json:"category"`
	Definition       string      `json:"definition"`
	DataSource       string      `json:"dataSource"`
	NationalRef      string      `json:"nationalRef"`
	SortOrder        int         `json:"sortOrder"`
}

// IsPercent reports whether values are shown with a % sign.
func (i Indicator) IsPercent() bool {
	return i.Kind == Percent || (i.Kind == Ratio && i.Scale == 100)
}

// Normalize trims text fields and fills defaults.
func (i *Indicator) Normalize() {
	i.Code = strings.TrimSpace(i.Code)
	i.Name = strings.Join(strings.Fields(i.Name), " ")
	i.Unit = strings.TrimSpace(i.Unit)
	i.Category = strings.TrimSpace(i.Category)
	i.NumeratorLabel = strings.TrimSpace(i.NumeratorLabel)
	i.DenominatorLabel = strings.TrimSpace(i.DenominatorLabel)
	if i.Polarity == "" {
		i.Polarity = Higher
	}
	if i.Scale == 0 {
		i.Scale = 1
		if i.Kind == Ratio {
			i.Scale = 100
		}
	}
	if i.Kind == Percent && i.Unit == "" {
		i.Unit = "%"
	}
}

// Validate returns the first problem, naming the field by its key.
func (i Indicator) Validate() error {
	switch {
	case i.Code == "":
		return fault.New(fault.Required, "indicator.code")
	case i.Name == "":
		return fault.New(fault.Required, "indicator.name")
	}
	switch i.Kind {
	case Count, Rupiah, Percent, Ratio:
	default:
		return fault.Reject("indicator.kind", fault.ReasonChooseKind)
	}
	switch i.Aggregation {
	case Sum, RatioAgg, Mean, NoRollUp:
	default:
		return fault.Reject("indicator.aggregation", fault.ReasonChooseAggregation)
	}
	if i.Polarity != Higher && i.Polarity != Lower {
		return fault.Reject("indicator.polarity", fault.ReasonChoosePolarity)
	}
	// A percentage is never summed or averaged across regions: either it is a
	// ratio with numerator and denominator, or it does not roll up.
	if i.Kind == Percent && i.Aggregation != NoRollUp {
		return fault.Reject("indicator.aggregation", fault.ReasonPercentRollUp)
	}
	if i.Aggregation == RatioAgg && i.Kind != Ratio {
		return fault.Reject("indicator.aggregation", fault.ReasonRatioAggOnly)
	}
	if i.Kind == Ratio && (i.Aggregation == Sum || i.Aggregation == Mean) {
		return fault.Reject("indicator.aggregation", fault.ReasonRatioNotSummed)
	}
	if i.Kind == Ratio && (i.NumeratorLabel == "" || i.DenominatorLabel == "") {
		return fault.New(fault.Required, "indicator.numeratorLabel")
	}
	if i.Decimals < 0 || i.Decimals > 6 {
		return fault.New(fault.OutOfRange, "indicator.decimals", "min", "0", "max", "6")
	}
	if i.Scale <= 0 {
		return fault.Reject("indicator.scale", fault.ReasonAboveZero)
	}
	return nil
}

const columns = `id, code, name, unit, kind, aggregation, polarity, decimals, scale, numerator_label,
denominator_label, category, definition, data_source, national_ref, sort_order`

func scan(row interface{ Scan(...any) error }) (Indicator, error) {
	var i Indicator
	err := row.Scan(&i.ID, &i.Code, &i.Name, &i.Unit, &i.Kind, &i.Aggregation, &i.Polarity, &i.Decimals, &i.Scale,
		&i.NumeratorLabel, &i.DenominatorLabel, &i.Category, &i.Definition, &i.DataSource, &i.NationalRef, &i.SortOrder)
	return i, err
}

// ErrNotFound means no indicator has that id.
var ErrNotFound = errors.New("indicator: not found")

// List returns the catalogue in display order.
func List(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]Indicator, error) {
	out, err := store.QueryAll(ctx, q, scan, "SELECT "+columns+" FROM indicator ORDER BY sort_order, code")
	if err != nil {
		return nil, fmt.Errorf("indicator: list: %w", err)
	}
	return out, nil
}

// Catalogue is List of the workspace's read pool, kept per open workspace
// and read again only when the catalogue's generation has moved (one tiny
// query per call, so a change made on another PC is seen by the next call
// whether or not its notification has arrived). The caller owns the slice.
func Catalogue(ctx context.Context, s *store.Store) ([]Indicator, error) {
	list, err := store.Cached(ctx, s, "indicator.list", "indicator", func(ctx context.Context) ([]Indicator, error) {
		return List(ctx, s.Read())
	})
	if err != nil {
		return nil, fmt.Errorf("indicator: catalogue: %w", err)
	}
	return slices.Clone(list), nil
}

// Get returns one indicator.
func Get(ctx context.Context, s *store.Store, id int64) (Indicator, error) {
	i, err := scan(s.Read().QueryRowContext(ctx, "SELECT "+columns+" FROM indicator WHERE id = ?", id))
	if err != nil {
		return Indicator{}, store.NoRow(err, notFound(id), "indicator: get")
	}
	return i, nil
}

// Save is the one door for writing an indicator: it normalizes, validates,
// checks the code is free and inserts (ID 0) or updates it inside w.
func Save(ctx context.Context, w store.Writer, i Indicator) (Indicator, error) {
	return store.Save(ctx, w, i, func(tx *sql.Tx, i *Indicator) (err error) {
		i.ID, err = put(ctx, tx, *i)
		return err
	})
}

// put writes a validated indicator inside tx, refusing a code already
// used, and returns its id.
func put(ctx context.Context, tx *sql.Tx, i Indicator) (int64, error) {
	if err := store.Unique(ctx, tx, "indicator", "code", i.Code, i.ID, fault.Reject("indicator.code", fault.ReasonCodeTaken, "code", i.Code)); err != nil {
		return 0, err
	}
	id, err := store.InsertOrUpdate(ctx, tx, i.ID, `INSERT INTO indicator(code, name, unit, kind, aggregation, polarity, decimals, scale,
numerator_label, denominator_label, category, definition, data_source, national_ref, sort_order)
VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, `UPDATE indicator SET code = ?, name = ?, unit = ?, kind = ?, aggregation = ?, polarity = ?,
decimals = ?, scale = ?, numerator_label = ?, denominator_label = ?, category = ?, definition = ?, data_source = ?,
national_ref = ?, sort_order = ? WHERE id = ?`, i.Code, i.Name, i.Unit, i.Kind, i.Aggregation, i.Polarity, i.Decimals, i.Scale, i.NumeratorLabel,
		i.DenominatorLabel, i.Category, i.Definition, i.DataSource, i.NationalRef, i.SortOrder)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound(i.ID)
	}
	return id, err
}

// Delete removes an indicator and its values.
func Delete(ctx context.Context, w store.Writer, id int64) error {
	return w.Tx(ctx, func(tx *sql.Tx) error { return store.DeleteRow(ctx, tx, "indicator", id, notFound(id)) })
}

func notFound(id int64) error {
	return fault.Wrap(ErrNotFound, fault.NotFound, "indicator.id", "id", strconv.FormatInt(id, 10))
}
