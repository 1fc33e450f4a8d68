package program

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/store"
)

// CentralKind is the rank of a central (ministry) item.
type CentralKind string

const (
	CentralProgram   CentralKind = "program"
	CentralKegiatan  CentralKind = "kegiatan"
	CentralOutput    CentralKind = "output"    // keluaran (KRO/RO)
	CentralIndicator CentralKind = "indikator" // a national indicator
)

// CentralKinds lists the kinds in display order.
var CentralKinds = []CentralKind{CentralProgram, CentralKegiatan, CentralOutput, CentralIndicator}

// CentralItem is a program, kegiatan, output or national indicator of a
// ministry (Kementerian Koperasi, Kementerian UMKM, ...). Codes are free-form.
type CentralItem struct {
	ID           int64           `json:"id"`
	Code         string          `json:"code"`
	Kind         CentralKind     `json:"kind"`
	ParentID     int64           `json:"parentId"` // 0 for a top item
	Name         string          `json:"name"`
	Institution  string          `json:"institution"`
	Unit         string          `json:"unit"`
	Note         string          `json:"note"`
	IndicatorIDs []int64         `json:"indicatorIds"` // performance indicators it serves
	Targets      []CentralTarget `json:"targets"`      // by year
}

// CentralTarget is what the centre plans for an item in a year.
type CentralTarget struct {
	Year   int      `json:"year"`
	Target *float64 `json:"target"`
	Pagu   *int64   `json:"pagu"` // Rupiah
}

const centralCols = `id, code, kind, COALESCE(parent_id, 0), name, institution, unit, note`

// ListCentral returns every central item in code order with its indicator
// links and targets.
func ListCentral(ctx context.Context, q querier) ([]CentralItem, error) {
	out, err := store.QueryAll(ctx, q, func(r store.Row) (c CentralItem, err error) {
		err = r.Scan(&c.ID, &c.Code, &c.Kind, &c.ParentID, &c.Name, &c.Institution, &c.Unit, &c.Note)
		c.IndicatorIDs, c.Targets = []int64{}, []CentralTarget{}
		return c, err
	}, "SELECT "+centralCols+" FROM central_item ORDER BY code")
	if err != nil {
		return nil, fmt.Errorf("program: list central: %w", err)
	}
	if err := store.Links(ctx, q, out, func(c *CentralItem) (int64, *[]int64) { return c.ID, &c.IndicatorIDs },
		"SELECT central_id, indicator_id FROM central_indicator ORDER BY central_id, indicator_id"); err != nil {
		return nil, fmt.Errorf("program: list central: %w", err)
	}
	type ownedTarget struct {
		central int64
		t       CentralTarget
	}
	targets, err := store.QueryAll(ctx, q, func(r store.Row) (o ownedTarget, err error) {
		err = r.Scan(&o.central, &o.t.Year, &o.t.Target, &o.t.Pagu)
		return o, err
	}, "SELECT central_id, year, target, pagu FROM central_target ORDER BY central_id, year")
	if err != nil {
		return nil, fmt.Errorf("program: list central: %w", err)
	}
	pos := make(map[int64]int, len(out))
	for i, c := range out {
		pos[c.ID] = i
	}
	for _, o := range targets {
		if i, ok := pos[o.central]; ok {
			out[i].Targets = append(out[i].Targets, o.t)
		}
	}
	return out, nil
}

// TargetFor returns the item's target for a year, if any.
func (c CentralItem) TargetFor(year int) (CentralTarget, bool) {
	for _, t := range c.Targets {
		if t.Year == year {
			return t, true
		}
	}
	return CentralTarget{Year: year}, false
}

// Normalize trims text fields.
func (c *CentralItem) Normalize() {
	c.Code = strings.Join(strings.Fields(c.Code), "")
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	c.Institution = strings.Join(strings.Fields(c.Institution), " ")
	c.Unit = strings.TrimSpace(c.Unit)
	c.Note = strings.TrimSpace(c.Note)
}

// Validate checks what needs no database, naming the field by its key.
func (c CentralItem) Validate() error {
	switch {
	case c.Code == "":
		return fault.New(fault.Required, "centralItem.code")
	case c.Name == "":
		return fault.New(fault.Required, "centralItem.name")
	}
	switch c.Kind {
	case CentralProgram, CentralKegiatan, CentralOutput, CentralIndicator:
	default:
		return fault.Reject("centralItem.kind", fault.ReasonChooseCentralKind)
	}
	if c.ParentID != 0 && c.ParentID == c.ID {
		return fault.Reject("centralItem.parentId", fault.ReasonSelfParent)
	}
	seen := map[int]bool{}
	for _, t := range c.Targets {
		y := strconv.Itoa(t.Year)
		if t.Year < profile.MinYear || t.Year > profile.MaxYear {
			return fault.New(fault.OutOfRange, "centralTarget.year", "min", strconv.Itoa(profile.MinYear), "max", strconv.Itoa(profile.MaxYear))
		}
		if seen[t.Year] {
			return fault.Reject("centralTarget.year", fault.ReasonYearTwice, "year", y)
		}
		seen[t.Year] = true
		if t.Target != nil && (math.IsNaN(*t.Target) || math.IsInf(*t.Target, 0) || *t.Target < 0) {
			return fault.Reject("centralTarget.target", fault.ReasonYearNegative, "year", y)
		}
		if t.Pagu != nil && (*t.Pagu < 0 || *t.Pagu > MaxPagu) {
			return fault.New(fault.OutOfRange, "centralTarget.pagu", "min", "0", "max", maxPaguText)
		}
	}
	return nil
}

// SaveCentral is the one door for writing a central item: it normalizes,
// validates, checks c against the database and inserts it (ID 0) or updates
// it, replacing its indicator links and targets, inside w.
func SaveCentral(ctx context.Context, w store.Writer, c CentralItem) (CentralItem, error) {
	return store.Save(ctx, w, c, func(tx *sql.Tx, c *CentralItem) error {
		if err := store.Unique(ctx, tx, "central_item", "code", c.Code, c.ID, fault.Reject("centralItem.code", fault.ReasonCodeTaken, "code", c.Code)); err != nil {
			return err
		}
		if err := checkParent(ctx, tx, *c); err != nil {
			return err
		}
		var err error
		if c.IndicatorIDs, err = checkIndicators(ctx, tx, "centralItem.indicatorIds", c.IndicatorIDs); err != nil {
			return err
		}
		if c.Targets == nil {
			c.Targets = []CentralTarget{}
		}
		c.ID, err = putCentral(ctx, tx, *c)
		return err
	})
}

// checkParent refuses an unknown parent and a parent chain that would loop.
func checkParent(ctx context.Context, q querier, c CentralItem) error {
	for p, steps := c.ParentID, 0; p != 0; steps++ {
		if p == c.ID || steps > 1000 {
			return fault.Reject("centralItem.parentId", fault.ReasonParentLoop)
		}
		var next int64
		err := q.QueryRowContext(ctx, "SELECT COALESCE(parent_id, 0) FROM central_item WHERE id = ?", p).Scan(&next)
		if errors.Is(err, sql.ErrNoRows) {
			return fault.New(fault.NotFound, "centralItem.parentId")
		}
		if err != nil {
			return fmt.Errorf("program: central parent: %w", err)
		}
		p = next
	}
	return nil
}

// putCentral writes a checked central item inside tx and returns its id.
func putCentral(ctx context.Context, tx *sql.Tx, c CentralItem) (int64, error) {
	var parent any
	if c.ParentID != 0 {
		parent = c.ParentID
	}
	var err error
	c.ID, err = store.InsertOrUpdate(ctx, tx, c.ID, `INSERT INTO central_item(code, kind, parent_id, name, institution, unit, note)
VALUES(?, ?, ?, ?, ?, ?, ?)`, `UPDATE central_item SET code = ?, kind = ?, parent_id = ?, name = ?, institution = ?,
unit = ?, note = ? WHERE id = ?`, c.Code, c.Kind, parent, c.Name, c.Institution, c.Unit, c.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fault.Wrap(ErrNotFound, fault.NotFound, "centralItem.id")
	}
	if err != nil {
		return 0, err
	}
	if err := replaceLinks(ctx, tx, "central_indicator", "central_id", c.ID, c.IndicatorIDs); err != nil {
		return 0, err
	}
	// Targets: upsert the given years, drop the others.
	keep := map[int]bool{}
	for _, t := range c.Targets {
		keep[t.Year] = true
		_, err := tx.ExecContext(ctx, `INSERT INTO central_target(central_id, year, target, pagu) VALUES(?, ?, ?, ?)
ON CONFLICT(central_id, year) DO UPDATE SET target = excluded.target, pagu = excluded.pagu`, c.ID, t.Year, t.Target, t.Pagu)
		if err != nil {
			return 0, fmt.Errorf("program: central target: %w", err)
		}
	}
	rows, err := tx.QueryContext(ctx, "SELECT year FROM central_target WHERE central_id = ?", c.ID)
	if err != nil {
		return 0, fmt.Errorf("program: central target: %w", err)
	}
	var drop []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			rows.Close()
			return 0, fmt.Errorf("program: central target: %w", err)
		}
		if !keep[y] {
			drop = append(drop, y)
		}
	}
	rows.Close()
	sort.Ints(drop)
	for _, y := range drop {
		if _, err := tx.ExecContext(ctx, "DELETE FROM central_target WHERE central_id = ? AND year = ?", c.ID, y); err != nil {
			return 0, fmt.Errorf("program: central target: %w", err)
		}
	}
	return c.ID, nil
}

// DeleteCentral removes a central item with its targets and links; plan
// lines and sub-kegiatan that pointed to it keep their data and lose the
// link. An item with children is refused.
func DeleteCentral(ctx context.Context, w store.Writer, id int64) error {
	return w.Tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM central_item WHERE parent_id = ?", id).Scan(&n); err != nil {
			return fmt.Errorf("program: delete central: %w", err)
		}
		if n > 0 {
			return fault.Reject("centralItem.id", fault.ReasonHasChildren, "count", strconv.Itoa(n))
		}
		return store.DeleteRow(ctx, tx, "central_item", id, fault.Wrap(ErrNotFound, fault.NotFound, "centralItem.id"))
	})
}

// checkCentral refuses a link to a central item that does not exist, naming
// the linking field (a plan line's or a sub-kegiatan's centralId), and
// returns the item's code.
func checkCentral(ctx context.Context, q querier, field string, id *int64) (string, error) {
	if id == nil {
		return "", nil
	}
	var code string
	err := q.QueryRowContext(ctx, "SELECT code FROM central_item WHERE id = ?", *id).Scan(&code)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fault.New(fault.NotFound, field)
	}
	if err != nil {
		return "", fmt.Errorf("program: check central: %w", err)
	}
	return code, nil
}
