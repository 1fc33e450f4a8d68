// Package program holds programs and budgets: the regional nomenclature of
// urusan 2.17 (program -> kegiatan -> sub-kegiatan, codes 2.17.PP.L.KK.SSSS),
// the central (ministry) programs and outputs it aligns with, and the plan
// lines of the work plan (Renja) per sub-kegiatan x region x year with their
// target and pagu indikatif. It builds the tree with exact Rupiah subtotals,
// the centre-province-regency crosswalk (sinkronisasi pusat-daerah), and
// tells the harmonisation matrix which indicators a program serves.
package program

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/store"
)

// Kind is the rank of a nomenclature item.
type Kind string

const (
	KindUrusan      Kind = "urusan"
	KindProgram     Kind = "program"
	KindKegiatan    Kind = "kegiatan"
	KindSubKegiatan Kind = "sub_kegiatan"
)

// Level is the tier of government a kegiatan or sub-kegiatan belongs to: the
// L digit of its code.
type Level string

const (
	LevelProvince Level = "provinsi" // L = 1
	LevelRegency  Level = "kabkota"  // L = 2, kabupaten/kota
)

// Item is one row of the nomenclature.
type Item struct {
	ID        int64  `json:"id"`
	Code      string `json:"code"`
	Kind      Kind   `json:"kind"`
	Level     Level  `json:"level"`    // for kegiatan and sub-kegiatan; "" above them
	ParentID  int64  `json:"parentId"` // 0 for the urusan
	Name      string `json:"name"`
	Shipped   bool   `json:"shipped"`   // from the decree: read-only
	CentralID *int64 `json:"centralId"` // the central program or output it supports
	Note      string `json:"note"`
	// IndicatorIDs are the performance indicators a sub-kegiatan serves.
	IndicatorIDs []int64 `json:"indicatorIds"`
}

// ErrNotFound means no item, plan line or central item has that id.
var ErrNotFound = errors.New("program: not found")

var (
	reUrusan   = regexp.MustCompile(`^\d\.\d{2}$`)
	reProgram  = regexp.MustCompile(`^\d\.\d{2}\.\d{2}$`)
	reKegiatan = regexp.MustCompile(`^\d\.\d{2}\.\d{2}\.[12]\.\d{2}$`)
	reSub      = regexp.MustCompile(`^\d\.\d{2}\.\d{2}\.[12]\.\d{2}\.\d{4}$`)
	reSubNo    = regexp.MustCompile(`^\d{4}$`)
)

// kindOfCode tells the rank of a code from its shape.
func kindOfCode(code string) (Kind, bool) {
	switch {
	case reUrusan.MatchString(code):
		return KindUrusan, true
	case reProgram.MatchString(code):
		return KindProgram, true
	case reKegiatan.MatchString(code):
		return KindKegiatan, true
	case reSub.MatchString(code):
		return KindSubKegiatan, true
	}
	return "", false
}

// parentCode drops the last segment: "2.17.07.2.01.0001" -> "2.17.07.2.01".
// The L digit has no item of its own, so a kegiatan's parent is its program.
func parentCode(code string) string {
	parts := strings.Split(code, ".")
	switch len(parts) {
	case 3:
		return strings.Join(parts[:2], ".")
	case 5:
		return strings.Join(parts[:3], ".")
	case 6:
		return strings.Join(parts[:5], ".")
	}
	return ""
}

// levelOfCode reads the L digit of a kegiatan or sub-kegiatan code.
func levelOfCode(code string) Level {
	parts := strings.Split(code, ".")
	if len(parts) < 5 {
		return ""
	}
	switch parts[3] {
	case "1":
		return LevelProvince
	case "2":
		return LevelRegency
	}
	return ""
}

// levelWord names a level in a sentence: "provinsi (L = 1)".
func levelWord(l Level) fault.Code {
	if l == LevelProvince {
		return fault.LevelProvinceWord
	}
	return fault.LevelRegencyWord
}

type querier interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

const itemCols = `id, code, kind, COALESCE(parent_id, 0), name, shipped, central_id, note`

func scanItem(row interface{ Scan(...any) error }) (Item, error) {
	var it Item
	err := row.Scan(&it.ID, &it.Code, &it.Kind, &it.ParentID, &it.Name, &it.Shipped, &it.CentralID, &it.Note)
	it.Level = levelOfCode(it.Code)
	it.IndicatorIDs = []int64{}
	return it, err
}

// ListItems returns the whole nomenclature in code order, each sub-kegiatan
// with the indicators it serves.
func ListItems(ctx context.Context, q querier) ([]Item, error) {
	out, err := store.QueryAll(ctx, q, scanItem, "SELECT "+itemCols+" FROM nomenclature ORDER BY code")
	if err != nil {
		return nil, fmt.Errorf("program: list items: %w", err)
	}
	if err := store.Links(ctx, q, out, func(it *Item) (int64, *[]int64) { return it.ID, &it.IndicatorIDs },
		"SELECT sub_kegiatan_id, indicator_id FROM sub_kegiatan_indicator ORDER BY sub_kegiatan_id, indicator_id"); err != nil {
		return nil, fmt.Errorf("program: list items: %w", err)
	}
	return out, nil
}

// GetItem returns one nomenclature item.
func GetItem(ctx context.Context, s *store.Store, id int64) (Item, error) {
	return getItem(ctx, s.Read(), id)
}

func getItem(ctx context.Context, q querier, id int64) (Item, error) {
	it, err := scanItem(q.QueryRowContext(ctx, "SELECT "+itemCols+" FROM nomenclature WHERE id = ?", id))
	if err != nil {
		return Item{}, store.NoRow(err, fault.Wrap(ErrNotFound, fault.NotFound, "subKegiatan.id"), "program: get item")
	}
	rows, err := q.QueryContext(ctx, "SELECT indicator_id FROM sub_kegiatan_indicator WHERE sub_kegiatan_id = ? ORDER BY indicator_id", id)
	if err != nil {
		return Item{}, fmt.Errorf("program: get item: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ind int64
		if err := rows.Scan(&ind); err != nil {
			return Item{}, fmt.Errorf("program: get item: %w", err)
		}
		it.IndicatorIDs = append(it.IndicatorIDs, ind)
	}
	return it, rows.Err()
}

func itemByCode(ctx context.Context, q querier, code string) (Item, bool, error) {
	it, err := scanItem(q.QueryRowContext(ctx, "SELECT "+itemCols+" FROM nomenclature WHERE code = ?", code))
	if errors.Is(err, sql.ErrNoRows) {
		return Item{}, false, nil
	}
	if err != nil {
		return Item{}, false, fmt.Errorf("program: item %s: %w", code, err)
	}
	return it, true, nil
}

const fieldSubCode = "subKegiatan.code"

func badCode(reason fault.Code, kv ...string) *fault.Error {
	return fault.Reject(fieldSubCode, reason, kv...)
}

// checkSubCode validates a sub-kegiatan code against its parent kegiatan and
// returns the parent and the full code. The parent is parentID when given
// (the kegiatan the user picked), else the kegiatan the code's prefix names.
// With a parent picked, the four digits of the sub-kegiatan number alone are
// enough ("0001").
func checkSubCode(ctx context.Context, q querier, code string, parentID int64) (Item, string, error) {
	code = strings.Join(strings.Fields(code), "")
	if code == "" {
		return Item{}, "", fault.New(fault.Required, fieldSubCode)
	}
	var parent Item
	picked := false
	if parentID != 0 {
		p, err := getItem(ctx, q, parentID)
		if err != nil && !fault.Is(err, fault.NotFound) {
			return Item{}, "", err
		}
		if err != nil || p.Kind != KindKegiatan {
			return Item{}, "", badCode(fault.ReasonParentNotPicked)
		}
		parent, picked = p, true
		if reSubNo.MatchString(code) {
			code = parent.Code + "." + code
		}
	}
	if !reSub.MatchString(code) {
		return Item{}, "", badCode(fault.ReasonSubFormat, "code", code)
	}
	if strings.HasSuffix(code, ".0000") {
		return Item{}, "", badCode(fault.ReasonSubZero)
	}
	prefix := parentCode(code)
	if !picked {
		p, ok, err := itemByCode(ctx, q, prefix)
		if err != nil {
			return Item{}, "", err
		}
		if !ok || p.Kind != KindKegiatan {
			return Item{}, "", badCode(fault.ReasonNoParent, "code", prefix)
		}
		parent = p
	}
	if got, want := levelOfCode(code), parent.Level; got != want {
		return Item{}, "", badCode(fault.ReasonLevelDigit, "parent", parent.Code).WithCode("got", levelWord(got)).WithCode("want", levelWord(want))
	}
	if prefix != parent.Code {
		return Item{}, "", badCode(fault.ReasonParentPrefix, "parent", parent.Code)
	}
	return parent, code, nil
}

// SaveSubKegiatan is the one door for writing a sub-kegiatan: it
// normalizes, validates and inserts (ID 0) or updates it inside w, replacing
// its links to indicators. The code is checked against its parent kegiatan
// (see checkSubCode); shipped items cannot be changed.
func SaveSubKegiatan(ctx context.Context, w store.Writer, it Item) (Item, error) {
	it.Name = strings.Join(strings.Fields(it.Name), " ")
	it.Note = strings.TrimSpace(it.Note)
	err := w.Tx(ctx, func(tx *sql.Tx) error {
		if it.ID != 0 {
			cur, err := getItem(ctx, tx, it.ID)
			if err != nil {
				return err
			}
			if cur.Shipped || cur.Kind != KindSubKegiatan {
				return fault.Reject("subKegiatan.kind", fault.ReasonShippedEdit, "code", cur.Code)
			}
		}
		parent, code, err := checkSubCode(ctx, tx, it.Code, it.ParentID)
		if err != nil {
			return err
		}
		it.Code, it.ParentID, it.Kind, it.Level, it.Shipped = code, parent.ID, KindSubKegiatan, parent.Level, false
		if it.Name == "" {
			return fault.New(fault.Required, "subKegiatan.name")
		}
		if err := store.Unique(ctx, tx, "nomenclature", "code", it.Code, it.ID, badCode(fault.ReasonCodeTaken, "code", it.Code)); err != nil {
			return err
		}
		if _, err := checkCentral(ctx, tx, "subKegiatan.centralId", it.CentralID); err != nil {
			return err
		}
		ids, err := checkIndicators(ctx, tx, "subKegiatan.indicatorIds", it.IndicatorIDs)
		if err != nil {
			return err
		}
		it.IndicatorIDs = ids
		it.ID, err = putSub(ctx, tx, it)
		return err
	})
	if err != nil {
		return Item{}, err
	}
	return it, nil
}

func putSub(ctx context.Context, tx *sql.Tx, it Item) (int64, error) {
	var err error
	it.ID, err = store.InsertOrUpdate(ctx, tx, it.ID, `INSERT INTO nomenclature(code, kind, parent_id, name, shipped, central_id, note)
VALUES(?, 'sub_kegiatan', ?, ?, 0, ?, ?)`, `UPDATE nomenclature SET code = ?, parent_id = ?, name = ?, central_id = ?, note = ?
WHERE kind = 'sub_kegiatan' AND id = ?`, it.Code, it.ParentID, it.Name, it.CentralID, it.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fault.Wrap(ErrNotFound, fault.NotFound, "subKegiatan.id")
	}
	if err != nil {
		return 0, err
	}
	if err := replaceLinks(ctx, tx, "sub_kegiatan_indicator", "sub_kegiatan_id", it.ID, it.IndicatorIDs); err != nil {
		return 0, err
	}
	return it.ID, nil
}

// replaceLinks makes the indicator links of one row exactly ids, touching
// only the links that change so the audit log shows real changes.
func replaceLinks(ctx context.Context, tx *sql.Tx, table, col string, id int64, ids []int64) error {
	want := map[int64]bool{}
	for _, i := range ids {
		want[i] = true
	}
	rows, err := tx.QueryContext(ctx, "SELECT indicator_id FROM "+table+" WHERE "+col+" = ?", id)
	if err != nil {
		return fmt.Errorf("program: links: %w", err)
	}
	have := map[int64]bool{}
	for rows.Next() {
		var i int64
		if err := rows.Scan(&i); err != nil {
			rows.Close()
			return fmt.Errorf("program: links: %w", err)
		}
		have[i] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("program: links: %w", err)
	}
	for i := range have {
		if !want[i] {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE "+col+" = ? AND indicator_id = ?", id, i); err != nil {
				return fmt.Errorf("program: unlink: %w", err)
			}
		}
	}
	for _, i := range sortedIDs(want) {
		if !have[i] {
			if _, err := tx.ExecContext(ctx, "INSERT INTO "+table+"("+col+", indicator_id) VALUES(?, ?)", id, i); err != nil {
				return fmt.Errorf("program: link: %w", err)
			}
		}
	}
	return nil
}

func sortedIDs(set map[int64]bool) []int64 {
	out := make([]int64, 0, len(set))
	for i := range set {
		out = append(out, i)
	}
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	return out
}

// checkIndicators refuses unknown indicator ids and returns the ids sorted
// without duplicates.
func checkIndicators(ctx context.Context, q querier, field string, ids []int64) ([]int64, error) {
	set := map[int64]bool{}
	for _, id := range ids {
		var n int
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM indicator WHERE id = ?", id).Scan(&n); err != nil {
			return nil, fmt.Errorf("program: check indicator: %w", err)
		}
		if n == 0 {
			return nil, fault.Reject(field, fault.ReasonUnknownIndicator, "id", strconv.FormatInt(id, 10))
		}
		set[id] = true
	}
	return sortedIDs(set), nil
}

// DeleteSubKegiatan removes a user-added sub-kegiatan and its indicator
// links. One that still has plan lines is refused rather than taking the
// budget lines with it.
func DeleteSubKegiatan(ctx context.Context, s *store.Store, id int64) error {
	return s.Tx(ctx, func(tx *sql.Tx) error {
		cur, err := getItem(ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.Shipped || cur.Kind != KindSubKegiatan {
			return fault.Reject("subKegiatan.kind", fault.ReasonShippedDelete, "code", cur.Code)
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM plan_line WHERE sub_kegiatan_id = ?", id).Scan(&n); err != nil {
			return fmt.Errorf("program: delete sub-kegiatan: %w", err)
		}
		if n > 0 {
			return fault.Reject("subKegiatan.id", fault.ReasonSubInUse, "code", cur.Code, "count", strconv.Itoa(n))
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM nomenclature WHERE id = ?", id); err != nil {
			return fmt.Errorf("program: delete sub-kegiatan: %w", err)
		}
		return nil
	})
}
