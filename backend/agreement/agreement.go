// Package agreement is the agreed lock of a regency's targets: in a
// meeting, the secretariat marks a kab/kota's targets for a year as agreed
// (disepakati), with the meeting and its snapshot as the reference. From
// then on the targets of that region and year (the indicator values'
// target figures and the plan lines) do not change until the secretariat
// reopens them with a reason, as DHIS2's data approval locks approved data.
//
// On a server the guards of schema step 13 refuse the change in the
// database itself (any role but an admin); Check refuses it in the domain
// code on both engines, so a workspace file answers the same.
package agreement

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"selaras/backend/fault"
	"selaras/backend/region"
	"selaras/backend/store"
)

// Agreement is one mark of a regency's targets for a year, in force while
// ReopenedAt is empty.
type Agreement struct {
	ID           int64  `json:"id"`
	Region       string `json:"region"`
	Year         int    `json:"year"`
	MeetingID    *int64 `json:"meetingId"`
	SnapshotID   *int64 `json:"snapshotId"`
	AgreedBy     string `json:"agreedBy"`
	AgreedAt     string `json:"agreedAt"` // RFC 3339, UTC
	ReopenedBy   string `json:"reopenedBy"`
	ReopenedAt   string `json:"reopenedAt"`
	ReopenReason string `json:"reopenReason"`
}

// InForce reports whether the agreement still locks the targets.
func (a Agreement) InForce() bool { return a.ReopenedAt == "" }

// Querier reads inside or outside a transaction.
type Querier interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// Check refuses a change to the targets of code for year while they are
// agreed (fault.TargetsAgreed, naming the region and year).
func Check(ctx context.Context, q Querier, code string, year int) error {
	if strings.Count(code, ".") != 1 {
		return nil // only a kab/kota's targets are agreed
	}
	if agreed, err := inForce(ctx, q, code, year); err != nil {
		return fmt.Errorf("agreement: check: %w", err)
	} else if agreed {
		return fault.New(fault.TargetsAgreed, "", "region", store.RegionLabel(code), "year", strconv.Itoa(year))
	}
	return nil
}

const cols = `id, region_code, year, meeting_id, snapshot_id, agreed_by, agreed_at, reopened_by, reopened_at, reopen_reason`

func scan(r store.Row) (Agreement, error) {
	var a Agreement
	var m, s sql.NullInt64
	err := r.Scan(&a.ID, &a.Region, &a.Year, &m, &s, &a.AgreedBy, &a.AgreedAt, &a.ReopenedBy, &a.ReopenedAt, &a.ReopenReason)
	if m.Valid {
		a.MeetingID = &m.Int64
	}
	if s.Valid {
		a.SnapshotID = &s.Int64
	}
	return a, err
}

// List is every agreement of a year (province "" for all), in force and
// reopened, by region then newest first.
func List(ctx context.Context, s *store.Store, province string, year int) ([]Agreement, error) {
	out, err := store.QueryAll(ctx, s.Read(), scan, "SELECT "+cols+` FROM target_agreement
WHERE year = ? AND (? = '' OR region_code LIKE ? || '.%') ORDER BY region_code, id DESC`, year, province, province)
	if err != nil {
		return nil, fmt.Errorf("agreement: list: %w", err)
	}
	return out, nil
}

// InForce is the regions of a year whose targets are agreed, with their
// agreement.
func InForce(ctx context.Context, s *store.Store, province string, year int) (map[string]Agreement, error) {
	all, err := List(ctx, s, province, year)
	if err != nil {
		return nil, err
	}
	out := map[string]Agreement{}
	for _, a := range all {
		if a.InForce() {
			out[a.Region] = a
		}
	}
	return out, nil
}

// who is the person recorded: the login on a server, the profile's user
// on a file.
func who(ctx context.Context, s *store.Store, tx *sql.Tx) (string, error) {
	q := "SELECT COALESCE((SELECT user_name FROM profile WHERE id = 1), '')"
	if s.Engine() == store.Postgres {
		q = "SELECT session_user::text"
	}
	var n string
	if err := tx.QueryRowContext(ctx, q).Scan(&n); err != nil {
		return "", fmt.Errorf("agreement: who: %w", err)
	}
	return n, nil
}

// inForce reports whether the targets of code for year are agreed and not
// reopened.
func inForce(ctx context.Context, q Querier, code string, year int) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, "SELECT count(*) FROM target_agreement WHERE region_code = ? AND year = ? AND reopened_at = ''",
		code, year).Scan(&n)
	return n > 0, err
}

// Agree marks the targets of the regency code for year as agreed in the
// meeting, its latest snapshot as the reference.
func Agree(ctx context.Context, s *store.Store, code string, year int, meetingID int64) (Agreement, error) {
	code = strings.TrimSpace(code)
	if r, ok := region.Default().Lookup(code); !ok || r.Level == region.Province {
		return Agreement{}, fault.New(fault.AgreementBadRegion, "", "region", code)
	}
	var out Agreement
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if agreed, err := inForce(ctx, tx, code, year); err != nil {
			return fmt.Errorf("agreement: agree: %w", err)
		} else if agreed {
			return fault.New(fault.AgreementExists, "", "region", store.RegionLabel(code), "year", strconv.Itoa(year))
		}
		var snap sql.NullInt64
		err := tx.QueryRowContext(ctx, "SELECT id FROM snapshot WHERE meeting_id = ? ORDER BY id DESC LIMIT 1", meetingID).Scan(&snap)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("agreement: agree: %w", err)
		}
		by, err := who(ctx, s, tx)
		if err != nil {
			return err
		}
		at := time.Now().UTC().Format(time.RFC3339)
		// The region-year's plan lines are agreed with its targets; before
		// the mark, which locks them (on a server, its guard refuses after).
		if err := planStatus(ctx, tx, code, year, "disepakati"); err != nil {
			return fmt.Errorf("agreement: agree: %w", err)
		}
		var snapID any
		if snap.Valid {
			snapID = snap.Int64
		}
		id, err := store.Insert(ctx, tx, `INSERT INTO target_agreement(region_code, year, meeting_id, snapshot_id, agreed_by, agreed_at)
VALUES (?, ?, ?, ?, ?, ?)`, code, year, meetingID, snapID, by, at)
		if err != nil {
			return fmt.Errorf("agreement: agree: %w", err)
		}
		out, err = scan(tx.QueryRowContext(ctx, "SELECT "+cols+" FROM target_agreement WHERE id = ?", id))
		return err
	})
	return out, err
}

// Reopen lifts the agreement in force on code's targets for year, with the
// reason recorded beside it (and in the audit log).
func Reopen(ctx context.Context, s *store.Store, code string, year int, reason string) (Agreement, error) {
	code, reason = strings.TrimSpace(code), strings.TrimSpace(reason)
	if reason == "" {
		return Agreement{}, fault.New(fault.AgreementNoReason, "reopenReason")
	}
	var out Agreement
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		by, err := who(ctx, s, tx)
		if err != nil {
			return err
		}
		at := time.Now().UTC().Format(time.RFC3339)
		res, err := tx.ExecContext(ctx, `UPDATE target_agreement SET reopened_by = ?, reopened_at = ?, reopen_reason = ?, version = version + 1
WHERE region_code = ? AND year = ? AND reopened_at = ''`, by, at, reason, code, year)
		if err != nil {
			return fmt.Errorf("agreement: reopen: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("agreement: reopen: %w", err)
		} else if n == 0 {
			return fault.New(fault.AgreementMissing, "", "region", store.RegionLabel(code), "year", strconv.Itoa(year))
		}
		// Reopened, its plan lines are proposals again.
		if err := planStatus(ctx, tx, code, year, "usulan"); err != nil {
			return fmt.Errorf("agreement: reopen: %w", err)
		}
		out, err = scan(tx.QueryRowContext(ctx, "SELECT "+cols+" FROM target_agreement WHERE region_code = ? AND year = ? ORDER BY id DESC LIMIT 1", code, year))
		return err
	})
	return out, err
}

// planStatus sets the status of the plan lines of code for year (audited,
// each line's version moved on so an open form sees it changed): agreed
// with the targets, or proposed again on a reopening (a line marked not
// agreed keeps its reason only while it is not agreed).
func planStatus(ctx context.Context, tx *sql.Tx, code string, year int, status string) error {
	_, err := tx.ExecContext(ctx, `UPDATE plan_line SET status = ?, status_reason = '', version = version + 1
WHERE region_code = ? AND year = ? AND (status <> ? OR status_reason <> '')`, status, code, year, status)
	return err
}
