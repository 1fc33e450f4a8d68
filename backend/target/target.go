// Package target stores indicator values per region and year: target,
// realisation (capaian) and baseline, with numerator and denominator for
// ratio indicators. Every change goes through Apply, which validates a whole
// batch (typed cells or a pasted block) and writes all of it or nothing.
package target

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"selaras/backend/agreement"
	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/number"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/versioned"
)

// National is the region code of national figures.
const National = "ID"

// Value is one indicator x region x year. Nil means not filled in.
type Value struct {
	IndicatorID int64    `json:"indicatorId"`
	Region      string   `json:"region"`
	Year        int      `json:"year"`
	Target      *float64 `json:"target"`
	TargetNum   *float64 `json:"targetNum"`
	TargetDen   *float64 `json:"targetDen"`
	Realisation *float64 `json:"realisation"`
	RealNum     *float64 `json:"realNum"`
	RealDen     *float64 `json:"realDen"`
	Baseline    *float64 `json:"baseline"`
	Source      string   `json:"source"`
	Note        string   `json:"note"`
	// Version is the stored row's version (0: no row). A typed cell names the
	// version it was based on (Edit.Version) and is refused over a newer one.
	Version int64 `json:"version"`
}

// Field names an editable part of a Value.
type Field string

const (
	FTarget      Field = "target"
	FTargetNum   Field = "targetNum"
	FTargetDen   Field = "targetDen"
	FRealisation Field = "realisation"
	FRealNum     Field = "realNum"
	FRealDen     Field = "realDen"
	FBaseline    Field = "baseline"
	FNote        Field = "note"
)

var fieldLabels = map[Field]string{
	FTarget: "target", FTargetNum: "pembilang target", FTargetDen: "penyebut target",
	FRealisation: "realisasi", FRealNum: "pembilang realisasi", FRealDen: "penyebut realisasi",
	FBaseline: "baseline", FNote: "catatan",
}

// Key identifies a value.
type Key struct {
	IndicatorID int64
	Region      string
	Year        int
}

// Key returns v's key.
func (v Value) Key() Key { return Key{v.IndicatorID, v.Region, v.Year} }

// Filter selects values; empty slices match everything.
type Filter struct {
	Years        []int
	Regions      []string
	RegionPrefix string // e.g. "19" for the province and its regencies
	IndicatorIDs []int64
	// Expect is how many values the caller expects (0: unknown), so the
	// result is allocated once.
	Expect int
}

type querier interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}

const cols = `indicator_id, region_code, year, target, target_num, target_den, realisation, real_num, real_den, baseline, source, note`

// readCols are cols and the row's version.
const readCols = cols + ", version"

// Load returns the values matching f. On a file every column is in the
// (year, region_code) index, so the rows come from it alone.
func Load(ctx context.Context, q querier, f Filter) ([]Value, error) {
	var query string
	var args []any
	if len(f.Regions) > 0 || f.RegionPrefix != "" {
		// Each part names the years itself, so each is one search of the
		// (year, region_code) index; the parts are disjoint (the codes named
		// lie outside the prefix's range), so they are read one after the
		// other, without the set of rows seen that an OR keeps.
		codes := f.Regions
		disjoint := true
		if f.RegionPrefix != "" {
			codes = append(append([]string{}, codes...), f.RegionPrefix)
			for _, c := range f.Regions {
				if strings.HasPrefix(c, f.RegionPrefix+".") {
					disjoint = false
				}
			}
		}
		var eq, under store.Where
		store.In(&eq, "year", f.Years)
		store.In(&eq, "region_code", codes)
		store.In(&eq, "indicator_id", f.IndicatorIDs)
		if f.RegionPrefix == "" {
			query, args = "SELECT "+readCols+" FROM indicator_value"+eq.Clause(), eq.Args()
		} else {
			store.In(&under, "year", f.Years)
			// '/' is the character after '.': the range holds every "19.xx".
			under.Add("region_code > ? AND region_code < ?", f.RegionPrefix+".", f.RegionPrefix+"/")
			store.In(&under, "indicator_id", f.IndicatorIDs)
			if disjoint {
				query = "SELECT " + readCols + " FROM indicator_value" + eq.Clause() +
					" UNION ALL SELECT " + readCols + " FROM indicator_value" + under.Clause()
			} else {
				query = "SELECT " + readCols + " FROM indicator_value WHERE (" + eq.And() + ") OR (" + under.And() + ")"
			}
			args = append(append([]any{}, eq.Args()...), under.Args()...)
		}
	} else {
		var w store.Where
		store.In(&w, "year", f.Years)
		store.In(&w, "indicator_id", f.IndicatorIDs)
		query, args = "SELECT "+readCols+" FROM indicator_value"+w.Clause(), w.Args()
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("target: load: %w", err)
	}
	defer rows.Close()
	out, err := scanValues(rows, f.Expect)
	if err != nil {
		return nil, fmt.Errorf("target: load: %w", err)
	}
	return out, nil
}

// scanValues reads rows of readCols. Each column is taken as the driver
// gives it (store.Raw: no conversion through reflection), the values go
// into one slice and the figures into shared slabs: a *float64 scanned per
// figure is one allocation each.
func scanValues(rows *sql.Rows, expect int) ([]Value, error) {
	out := make([]Value, 0, max(expect, 16))
	var slab []float64
	raw := store.NewRaw(13)
	num := func(i int, err error) (*float64, error) {
		if err != nil {
			return nil, err
		}
		f, ok, err := raw.Float(i)
		if !ok || err != nil {
			return nil, err
		}
		if len(slab) == cap(slab) {
			slab = make([]float64, 0, max(min(expect*2, 4096), 256))
		}
		slab = append(slab, f)
		return &slab[len(slab)-1], nil
	}
	for rows.Next() {
		if err := raw.Scan(rows); err != nil {
			return nil, err
		}
		out = append(out, Value{})
		v := &out[len(out)-1]
		id, err := raw.Int(0)
		if err != nil {
			return nil, err
		}
		year, err := raw.Int(2)
		if err != nil {
			return nil, err
		}
		if v.Version, err = raw.Int(12); err != nil {
			return nil, err
		}
		v.IndicatorID, v.Year = id, int(year)
		v.Target, err = num(3, err)
		v.TargetNum, err = num(4, err)
		v.TargetDen, err = num(5, err)
		v.Realisation, err = num(6, err)
		v.RealNum, err = num(7, err)
		v.RealDen, err = num(8, err)
		v.Baseline, err = num(9, err)
		if err == nil {
			v.Region, err = raw.Text(1)
		}
		if err == nil {
			v.Source, err = raw.Text(10)
		}
		if err == nil {
			v.Note, err = raw.Text(11)
		}
		if err != nil {
			return nil, err
		}
	}
	return out, rows.Err()
}

// Edit is one cell as the user typed or pasted it.
type Edit struct {
	IndicatorID int64  `json:"indicatorId"`
	Region      string `json:"region"`
	Year        int    `json:"year"`
	Field       Field  `json:"field"`
	Text        string `json:"text"`
	// Version is the cell's version the edit was based on (0: the cell had
	// no row). A typed cell always names it and is refused over a newer
	// change; nil (a returned template) writes over whatever is stored.
	Version *int64 `json:"version,omitempty"`
}

// CellError says why one edit was refused: a Text worded where it leaves
// the backend, in the user's language.
type CellError struct {
	Index int        `json:"index"` // position in the batch
	Text  fault.Text `json:"text"`
	// Conflict is set when the cell was changed by someone else since the
	// edit's version: who, when, and their stored Value.
	Conflict *fault.Conflict `json:"conflict,omitempty"`
}

// BatchError carries every refused cell of a batch; nothing was written.
type BatchError struct{ Cells []CellError }

func (e *BatchError) Error() string {
	return fmt.Sprintf("target: %d cells refused, nothing saved", len(e.Cells))
}

// Apply validates every edit, then writes them all in one transaction with
// source as their origin ("ketik", "tempel", "impor:<file>#<hash>"). If any
// cell is invalid it returns a *BatchError and writes nothing.
func Apply(ctx context.Context, w store.Writer, edits []Edit, source string) (int, error) {
	return apply(ctx, w, batch{edits: edits, source: source})
}

// ApplyWith is Apply that also runs also in the same transaction once the
// values are written (n of them), so a record of the change commits or
// rolls back with it.
func ApplyWith(ctx context.Context, w store.Writer, edits []Edit, source string, also func(tx *sql.Tx, n int) error) (int, error) {
	return apply(ctx, w, batch{edits: edits, source: source, also: also})
}

// ApplyChecked is ApplyWith for edits already checked against cat (Check,
// in an import's preview): the catalogue is read again only when it has
// changed since. The stored values are read again, in the transaction: the
// edits are merged into them and written over the versions read there.
func ApplyChecked(ctx context.Context, w store.Writer, cat Catalogue, edits []Edit, source string,
	also func(tx *sql.Tx, n int) error) (int, error) {
	return apply(ctx, w, batch{edits: edits, source: source, also: also, cat: &cat})
}

// Check validates edits exactly as Apply would, writing nothing, against
// the catalogue cat and stored: every value stored at the regions and
// years the edits name (a key missing from it holds nothing). An import's
// preview has read both already.
func Check(ctx context.Context, q Reader, cat Catalogue, edits []Edit, stored []Value) error {
	known := make(map[Key]Value, len(stored))
	for _, v := range stored {
		known[v.Key()] = v
	}
	m, err := merge(ctx, q, cat.byID, edits, func(k Key) (Value, error) {
		if v, ok := known[k]; ok {
			return v, nil
		}
		return Value{IndicatorID: k.IndicatorID, Region: k.Region, Year: k.Year}, nil
	})
	if err != nil {
		return err
	}
	if len(m.bad) > 0 {
		return &BatchError{Cells: m.bad}
	}
	return nil
}

// batch is one call of Apply and its variants.
type batch struct {
	edits  []Edit
	source string
	also   func(*sql.Tx, int) error
	cat    *Catalogue // read by the caller earlier; nil: read it in the transaction
}

func apply(ctx context.Context, w store.Writer, b batch) (int, error) {
	n := 0
	err := w.Tx(ctx, func(tx *sql.Tx) error {
		byID, err := b.cat.current(ctx, tx)
		if err != nil {
			return err
		}
		st, err := prepare(ctx, tx, arrays(w))
		if err != nil {
			return err
		}
		defer st.close()
		known, err := st.loadAll(ctx, tx, b.edits)
		if err != nil {
			return err
		}
		m, err := merge(ctx, tx, byID, b.edits, func(k Key) (Value, error) {
			if v, ok := known[k]; ok {
				return v, nil
			}
			if st.complete {
				return Value{IndicatorID: k.IndicatorID, Region: k.Region, Year: k.Year}, nil
			}
			return st.loadOne(ctx, k)
		})
		if err != nil {
			return err
		}
		if len(m.bad) > 0 {
			return &BatchError{Cells: m.bad}
		}
		if n, err = m.write(ctx, tx, st, b); err != nil {
			return err
		}
		if b.also != nil {
			return b.also(tx, n)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// merged is a batch of edits applied, in memory, to the values they change.
// The values are kept in slices in the order of their first edit, found by
// key through index: a map of pointers to values, one allocation a value,
// was a fifth of a 10,000-value import's garbage.
type merged struct {
	index   map[Key]int
	changed []Value // as the edits leave them
	stored  []Value // as read, with its version
	bad     []CellError
}

// storedOf is the value at k as read (k is one of the batch's).
func (m *merged) storedOf(k Key) Value { return m.stored[m.index[k]] }

// merge applies each edit to its value as stored (lookup reads it): the
// place of the edit, the version it was based on, its text; then each
// ratio is derived from its parts. Refused cells are collected in bad.
func merge(ctx context.Context, q Reader, byID map[int64]indicator.Indicator, edits []Edit,
	lookup func(Key) (Value, error)) (*merged, error) {
	// The values a batch touches, at most: one a run of edits of the same
	// place (an import's edits come row by row), so the slices are grown once.
	n := 0
	for i, e := range edits {
		if i == 0 || e.IndicatorID != edits[i-1].IndicatorID || e.Region != edits[i-1].Region || e.Year != edits[i-1].Year {
			n++
		}
	}
	m := &merged{index: make(map[Key]int, n), changed: make([]Value, 0, n), stored: make([]Value, 0, n)}
	for idx, e := range edits {
		ind, ok := byID[e.IndicatorID]
		if err := checkPlace(e, ok); err != nil {
			m.bad = append(m.bad, cellError(idx, err))
			continue
		}
		k := Key{e.IndicatorID, strings.TrimSpace(e.Region), e.Year}
		i, seen := m.index[k]
		if !seen {
			cur, err := lookup(k)
			if err != nil {
				return nil, err
			}
			i = len(m.changed)
			m.index[k] = i
			m.stored = append(m.stored, cur)
			m.changed = append(m.changed, cur)
		}
		v := &m.changed[i]
		if e.Version != nil && *e.Version != m.stored[i].Version {
			ce, err := conflictCell(ctx, q, idx, m.stored[i])
			if err != nil {
				return nil, err
			}
			m.bad = append(m.bad, ce)
			continue
		}
		if err := set(v, ind, e); err != nil {
			m.bad = append(m.bad, cellError(idx, err))
		}
	}
	for i := range m.changed {
		v := &m.changed[i]
		if err := derive(v, byID[v.IndicatorID]); err != nil {
			m.bad = append(m.bad, cellError(lastIndex(edits, v.Key()), err))
		}
	}
	return m, nil
}

// write stores every merged value that changed over the version it was
// read at: upserted, or deleted once every part is cleared. It returns how
// many values the batch covered (changed or not). A value another writer
// changed meanwhile refuses the whole batch as a conflict.
func (m *merged) write(ctx context.Context, tx *sql.Tx, st *stmts, b batch) (int, error) {
	puts := make([]Value, 0, len(m.changed))
	var dels []Value
	for i := range m.changed {
		v, old := &m.changed[i], m.stored[i]
		v.Source = b.source
		switch {
		case same(*v, old) && v.empty() == old.empty():
			// nothing changes: no new version, no history
		case !v.empty():
			puts = append(puts, *v)
		case v.Version != 0: // a row to clear (none: nothing to do)
			dels = append(dels, *v)
		}
	}
	if err := checkAgreed(ctx, tx, m, puts, dels); err != nil {
		return 0, err
	}
	stale, err := st.clearAll(ctx, dels)
	if err == nil && stale == nil {
		stale, err = st.putAll(ctx, puts)
	}
	if err != nil {
		return 0, err
	}
	if stale != nil {
		now, err := st.loadOne(ctx, *stale)
		if err != nil {
			return 0, err
		}
		ce, err := conflictCell(ctx, tx, lastIndex(b.edits, *stale), now)
		if err != nil {
			return 0, err
		}
		return 0, &BatchError{Cells: []CellError{ce}}
	}
	return len(m.changed), nil
}

// checkAgreed refuses a batch that changes an agreed regency's targets
// (agreement.Check): realisation and notes go on being reported.
func checkAgreed(ctx context.Context, tx *sql.Tx, m *merged, puts, dels []Value) error {
	eq := func(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	seen := map[Key]bool{}
	for _, v := range append(append([]Value(nil), puts...), dels...) {
		key := v.Key()
		old := m.storedOf(key)
		if v.empty() { // a row cleared: every target goes
			v = Value{}
		}
		if eq(v.Target, old.Target) && eq(v.TargetNum, old.TargetNum) && eq(v.TargetDen, old.TargetDen) {
			continue
		}
		k := Key{Region: key.Region, Year: key.Year}
		if seen[k] {
			continue
		}
		seen[k] = true
		if err := agreement.Check(ctx, tx, k.Region, k.Year); err != nil {
			return err
		}
	}
	return nil
}

func lastIndex(edits []Edit, k Key) int {
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		if e.IndicatorID == k.IndicatorID && strings.TrimSpace(e.Region) == k.Region && e.Year == k.Year {
			return i
		}
	}
	return 0
}

func checkPlace(e Edit, known bool) error {
	if !known {
		return fault.New(fault.ValueIndicatorUnknown, "", "id", strconv.FormatInt(e.IndicatorID, 10))
	}
	r := strings.TrimSpace(e.Region)
	if _, ok := region.Default().Lookup(r); !ok && r != National {
		return fault.New(fault.ValueRegionUnknown, "", "code", r)
	}
	if e.Year < profile.MinYear || e.Year > profile.MaxYear {
		return fault.New(fault.ValueYearRange, "", "year", strconv.Itoa(e.Year),
			"min", strconv.Itoa(profile.MinYear), "max", strconv.Itoa(profile.MaxYear))
	}
	if _, ok := fieldLabels[e.Field]; !ok {
		return fault.New(fault.ValueFieldUnknown, "", "field", string(e.Field))
	}
	return nil
}

// conflictCell refuses the edit at idx over the newer stored value theirs
// (Version 0: the row was cleared), naming who changed it and when.
func conflictCell(ctx context.Context, q Reader, idx int, theirs Value) (CellError, error) {
	k := theirs.Key()
	var them any = theirs
	if theirs.Version == 0 {
		them = nil
	}
	err := versioned.Conflict(ctx, q, "indicator_value", rowKey(k), "value.cell", theirs.Version, them)
	c, ok := fault.ConflictOf(err)
	if !ok {
		return CellError{}, err
	}
	ce := cellError(idx, err)
	ce.Conflict = c
	return ce, nil
}

// rowKey is the audit log's key of a value.
func rowKey(k Key) string {
	return strconv.FormatInt(k.IndicatorID, 10) + "|" + k.Region + "|" + strconv.Itoa(k.Year)
}

// cellError renders a refused cell in both languages for the grid.
func cellError(idx int, err error) CellError {
	return CellError{Index: idx, Text: fault.TextOf(err)}
}

// Number returns the numeric part f of v (nil when empty or for FNote).
func (v Value) Number(f Field) *float64 {
	if p := v.slot(f); p != nil {
		return *p
	}
	return nil
}

func (v *Value) slot(f Field) **float64 {
	switch f {
	case FTarget:
		return &v.Target
	case FTargetNum:
		return &v.TargetNum
	case FTargetDen:
		return &v.TargetDen
	case FRealisation:
		return &v.Realisation
	case FRealNum:
		return &v.RealNum
	case FRealDen:
		return &v.RealDen
	case FBaseline:
		return &v.Baseline
	}
	return nil
}

// set parses one cell into v. Typing a ratio's value directly drops its
// numerator and denominator, which would otherwise contradict it.
func set(v *Value, ind indicator.Indicator, e Edit) error {
	if e.Field == FNote {
		v.Note = strings.TrimSpace(e.Text)
		return nil
	}
	isPart := e.Field == FTargetNum || e.Field == FTargetDen || e.Field == FRealNum || e.Field == FRealDen
	if isPart && ind.Kind != indicator.Ratio {
		return fault.New(fault.ValuePartsNotRatio, "")
	}
	var val *float64
	if strings.TrimSpace(e.Text) != "" {
		n, err := number.Parse(e.Text)
		if err != nil {
			return fault.New(fault.CellNotNumber, "").WithNumber("reason", err)
		}
		if n.Percent && !ind.IsPercent() {
			return fault.New(fault.ValuePercentSign, "", "value", e.Text, "name", ind.Name)
		}
		x := n.Value
		val = &x
	}
	*v.slot(e.Field) = val
	switch {
	case e.Field == FTarget && ind.Kind == indicator.Ratio:
		v.TargetNum, v.TargetDen = nil, nil
	case e.Field == FRealisation && ind.Kind == indicator.Ratio:
		v.RealNum, v.RealDen = nil, nil
	}
	return nil
}

// derive recomputes a ratio's value from its numerator and denominator.
func derive(v *Value, ind indicator.Indicator) error {
	if ind.Kind != indicator.Ratio {
		return nil
	}
	for _, p := range []struct {
		num, den *float64
		out      **float64
		what     fault.Code
	}{{v.TargetNum, v.TargetDen, &v.Target, fault.WordTarget}, {v.RealNum, v.RealDen, &v.Realisation, fault.WordRealisation}} {
		if p.num == nil || p.den == nil {
			continue
		}
		if *p.den == 0 {
			return fault.New(fault.ValueZeroDenominator, "").WithCode("what", p.what)
		}
		r := *p.num / *p.den * ind.Scale
		if math.IsInf(r, 0) || math.IsNaN(r) {
			return fault.New(fault.ValueRatioInfinite, "").WithCode("what", p.what)
		}
		*p.out = &r
	}
	return nil
}

// same reports whether a and b hold the same figures, source and note.
func same(a, b Value) bool {
	for _, f := range []Field{FTarget, FTargetNum, FTargetDen, FRealisation, FRealNum, FRealDen, FBaseline} {
		x, y := a.Number(f), b.Number(f)
		if (x == nil) != (y == nil) || (x != nil && *x != *y) {
			return false
		}
	}
	return a.Source == b.Source && a.Note == b.Note
}

// SaveValues writes values already in numbers (the demo, benchmarks) in one
// transaction inside w, each checked as a typed cell is: a known indicator,
// region, year, finite numbers, a numerator and denominator only for a ratio.
// If any is refused it returns a *BatchError (Index: its position) and
// writes nothing. Typed and pasted cells go through Apply.
func SaveValues(ctx context.Context, w store.Writer, values []Value) error {
	return w.Tx(ctx, func(tx *sql.Tx) error {
		inds, err := indicator.List(ctx, tx)
		if err != nil {
			return err
		}
		byID := make(map[int64]indicator.Indicator, len(inds))
		for _, i := range inds {
			byID[i.ID] = i
		}
		var bad []CellError
		for idx := range values {
			v := &values[idx]
			v.Region = strings.TrimSpace(v.Region)
			ind, ok := byID[v.IndicatorID]
			err := checkPlace(Edit{IndicatorID: v.IndicatorID, Region: v.Region, Year: v.Year, Field: FTarget}, ok)
			if err == nil {
				err = checkNumbers(*v, ind)
			}
			if err != nil {
				bad = append(bad, cellError(idx, err))
			}
		}
		if len(bad) > 0 {
			return &BatchError{Cells: bad}
		}
		st, err := prepare(ctx, tx, false)
		if err != nil {
			return err
		}
		defer st.close()
		for _, v := range values {
			// A batch writes over whatever is stored: at the version read here.
			cur, err := st.loadOne(ctx, v.Key())
			if err != nil {
				return err
			}
			v.Version = cur.Version
			if err := st.put(ctx, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// checkNumbers refuses a value that is not finite, and a numerator or
// denominator on an indicator that is not a ratio.
func checkNumbers(v Value, ind indicator.Indicator) error {
	for _, f := range []Field{FTarget, FTargetNum, FTargetDen, FRealisation, FRealNum, FRealDen, FBaseline} {
		x := v.Number(f)
		if x == nil {
			continue
		}
		if math.IsNaN(*x) || math.IsInf(*x, 0) {
			return fault.New(fault.ValueNotFinite, "", "field", string(f))
		}
		isPart := f == FTargetNum || f == FTargetDen || f == FRealNum || f == FRealDen
		if isPart && ind.Kind != indicator.Ratio {
			return fault.New(fault.ValuePartsNotRatio, "")
		}
	}
	return nil
}

// History lists the recorded changes of one value, newest first.
func History(ctx context.Context, s *store.Store, k Key) ([]store.AuditEntry, error) {
	return s.Audit(ctx, store.AuditQuery{Table: "indicator_value", RowKey: rowKey(k)})
}

// ErrBatch reports whether err is a batch of refused cells.
func ErrBatch(err error) (*BatchError, bool) {
	var be *BatchError
	ok := errors.As(err, &be)
	return be, ok
}
