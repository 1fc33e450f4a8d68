package exchange

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"selaras/backend/region"
	"selaras/backend/store"
)

// Submission is one returned template that was imported.
type Submission struct {
	ID         int64  `json:"id"`
	Region     string `json:"region"`
	Year       int    `json:"year"`
	File       string `json:"file"`
	Hash       string `json:"hash"`
	ImportedAt string `json:"importedAt"` // RFC 3339, UTC
	New        int    `json:"new"`
	Changed    int    `json:"changed"`
	Cleared    int    `json:"cleared"`
	Operator   string `json:"operator"`
}

// BoardRow is one region on the submission board: whether it has returned
// its template for the year, its latest import and how many there were.
type BoardRow struct {
	Region   region.Region `json:"region"`
	Returned bool          `json:"returned"`
	Latest   *Submission   `json:"latest"`
	Imports  int           `json:"imports"`
	// Direct is the figures the regency's office typed (or pasted) into the
	// workspace itself ("diisi langsung"), beside the returned template
	// ("templat kembali"); nil when none.
	Direct *Direct `json:"direct"`
	// SentAt is when the latest template of the year went out to the
	// regency (UTC, to the millisecond), "" when none was recorded.
	SentAt string `json:"sentAt"`
	// Nothing: neither typed nor returned for the year, or, once a template
	// was sent, nothing typed or returned since the latest one went out.
	Nothing bool `json:"nothing"`
}

// Direct is who last typed a regency's figures of the year, when, and how
// many cells were typed, from the audit log.
type Direct struct {
	By    string `json:"by"`
	At    string `json:"at"` // as the audit log writes it, UTC
	Cells int    `json:"cells"`
}

func logSubmission(ctx context.Context, tx *sql.Tx, p Preview, now time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO import_log
(region_code, year, file_name, sha256, imported_at, new_values, changed_values, cleared_values, operator)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, COALESCE((SELECT user_name FROM profile WHERE id = 1), ''))`,
		p.Region.Code, p.Year, p.File, p.Hash, now.UTC().Format(time.RFC3339), p.New, p.Changed, p.Cleared)
	if err != nil {
		return fmt.Errorf("xlsx: submission log: %w", err)
	}
	return nil
}

// Submissions lists the imports of a year, newest first.
func Submissions(ctx context.Context, s *store.Store, year int) ([]Submission, error) {
	out, err := store.QueryAll(ctx, s.Read(), func(row store.Row) (Submission, error) {
		var x Submission
		err := row.Scan(&x.ID, &x.Region, &x.Year, &x.File, &x.Hash, &x.ImportedAt, &x.New, &x.Changed, &x.Cleared, &x.Operator)
		return x, err
	}, `SELECT id, region_code, year, file_name, sha256, imported_at,
new_values, changed_values, cleared_values, operator FROM import_log WHERE year = ? ORDER BY imported_at DESC, id DESC`, year)
	if err != nil {
		return nil, fmt.Errorf("xlsx: submissions: %w", err)
	}
	return out, nil
}

// Board is the submission board of a province: each regency in code order,
// returned or not, with its latest import of the year.
func Board(ctx context.Context, s *store.Store, province string, year int) ([]BoardRow, error) {
	subs, err := Submissions(ctx, s, year)
	if err != nil {
		return nil, err
	}
	regs := region.Default().Regencies(province)
	out := make([]BoardRow, len(regs))
	byCode := map[string]int{}
	for i, r := range regs {
		out[i] = BoardRow{Region: r}
		byCode[r.Code] = i
	}
	direct, err := typed(ctx, s, province, year)
	if err != nil {
		return nil, err
	}
	for code, d := range direct {
		if idx, ok := byCode[code]; ok {
			out[idx].Direct = d
		}
	}
	sent, err := sentAt(ctx, s, province, year)
	if err != nil {
		return nil, err
	}
	for code, at := range sent {
		if idx, ok := byCode[code]; ok {
			out[idx].SentAt = at
		}
	}
	defer func() {
		for i := range out {
			r := &out[i]
			if r.SentAt == "" {
				r.Nothing = !r.Returned && r.Direct == nil
				continue
			}
			r.Nothing = (r.Latest == nil || !after(r.Latest.ImportedAt, r.SentAt)) && (r.Direct == nil || !after(r.Direct.At, r.SentAt))
		}
	}()
	for i := range subs { // newest first: the first seen is the latest
		idx, ok := byCode[subs[i].Region]
		if !ok {
			continue
		}
		row := &out[idx]
		if row.Latest == nil {
			row.Latest = &subs[i]
			row.Returned = true
		}
		row.Imports++
	}
	return out, nil
}

// typed reads from the audit log the values of a province's regencies for
// year that were typed or pasted ("ketik", "tempel"), not imported: by
// region, the latest person and time and the count of changes.
func typed(ctx context.Context, s *store.Store, province string, year int) (map[string]*Direct, error) {
	type line struct {
		key, by, at string
	}
	suffix := "|" + strconv.Itoa(year)
	lines, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (line, error) {
		var l line
		return l, r.Scan(&l.key, &l.by, &l.at)
	}, `SELECT row_key, user_name, changed_at FROM audit_log
WHERE table_name = 'indicator_value' AND action <> 'delete' AND row_key LIKE ?
  AND (new_values LIKE '%"source":"ketik"%' OR new_values LIKE '%"source":"tempel"%')
ORDER BY id`, "%|"+province+".%"+suffix)
	if err != nil {
		return nil, fmt.Errorf("exchange: typed values: %w", err)
	}
	out := map[string]*Direct{}
	for _, l := range lines {
		parts := strings.Split(l.key, "|")
		if len(parts) != 3 || "|"+parts[2] != suffix {
			continue
		}
		d := out[parts[1]]
		if d == nil {
			d = &Direct{}
			out[parts[1]] = d
		}
		d.By, d.At = l.by, l.at
		d.Cells++
	}
	return out, nil
}

// sentAt is when the latest template of year went out to each of a
// province's regencies (template_sent).
func sentAt(ctx context.Context, s *store.Store, province string, year int) (map[string]string, error) {
	type line struct{ code, at string }
	lines, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (line, error) {
		var l line
		return l, r.Scan(&l.code, &l.at)
	}, `SELECT region_code, max(sent_at) FROM template_sent WHERE year = ? AND region_code LIKE ? GROUP BY region_code`,
		year, province+".%")
	if err != nil {
		return nil, fmt.Errorf("exchange: templates sent: %w", err)
	}
	out := make(map[string]string, len(lines))
	for _, l := range lines {
		out[l.code] = l.at
	}
	return out, nil
}

// after reports whether the time a is later than b, both RFC 3339; an a
// to the second (an import's) in b's own second counts as later. An
// unreadable one is taken as later, so a change is never hidden behind a
// send.
func after(a, b string) bool {
	ta, err := time.Parse(time.RFC3339, a)
	if err != nil {
		return true
	}
	tb, err := time.Parse(time.RFC3339, b)
	if err != nil {
		return true
	}
	if ta.Equal(ta.Truncate(time.Second)) {
		tb = tb.Truncate(time.Second)
		return !ta.Before(tb)
	}
	return ta.After(tb)
}
