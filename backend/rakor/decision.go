package rakor

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
	"selaras/backend/versioned"
)

// Status is where a decision stands.
type Status string

const (
	Baru       Status = "baru"     // new
	Berjalan   Status = "berjalan" // in progress
	Selesai    Status = "selesai"  // done
	Dibatalkan Status = "dibatalkan"
)

// Open reports whether a decision with this status still needs follow-up.
func (st Status) Open() bool { return st == Baru || st == Berjalan }

func (st Status) valid() bool {
	return st == Baru || st == Berjalan || st == Selesai || st == Dibatalkan
}

// Decision is one kesepakatan of a meeting.
type Decision struct {
	ID              int64    `json:"id"`
	MeetingID       int64    `json:"meetingId"`
	Number          int      `json:"number"` // 1, 2, ... per meeting; 0 on insert = next
	Text            string   `json:"text"`
	OwnerRegion     string   `json:"ownerRegion"` // Kemendagri code, optional
	OwnerUnit       string   `json:"ownerUnit"`   // bidang or institution, optional
	DueDate         string   `json:"dueDate"`     // "" = none
	Status          Status   `json:"status"`
	CancelReason    string   `json:"cancelReason"` // required when dibatalkan
	DoneDate        string   `json:"doneDate"`     // set when selesai
	NotAgreed       bool     `json:"notAgreed"`    // raised but not agreed (Berita Acara)
	NotAgreedReason string   `json:"notAgreedReason"`
	Note            string   `json:"note"`
	IndicatorIDs    []int64  `json:"indicatorIds"`
	Regions         []string `json:"regions"`
	Programs        []string `json:"programs"` // program codes, e.g. 2.17.07
	ChallengeIDs    []int64  `json:"challengeIds"`
	// Version is the stored row's version: a save names the one it was based
	// on and is refused over a newer one; 0 saves over whatever is stored
	// (the demo, imports), never sent by a form.
	Version int64 `json:"version"`
}

// Normalize trims text, dedupes links, records the done date of a decision
// marked selesai, and clears what only applies to another status.
func (d *Decision) Normalize() {
	d.Text = strings.TrimSpace(d.Text)
	d.OwnerRegion = strings.TrimSpace(d.OwnerRegion)
	d.OwnerUnit = clean(d.OwnerUnit)
	d.DueDate = strings.TrimSpace(d.DueDate)
	if d.Status == "" {
		d.Status = Baru
	}
	d.CancelReason = strings.TrimSpace(d.CancelReason)
	if d.Status != Dibatalkan {
		d.CancelReason = ""
	}
	d.DoneDate = strings.TrimSpace(d.DoneDate)
	switch {
	case d.Status != Selesai:
		d.DoneDate = ""
	case d.DoneDate == "":
		d.DoneDate = today()
	}
	d.NotAgreedReason = strings.TrimSpace(d.NotAgreedReason)
	if !d.NotAgreed {
		d.NotAgreedReason = ""
	}
	d.Note = strings.TrimSpace(d.Note)
	d.IndicatorIDs = uniqueIDs(d.IndicatorIDs)
	d.Regions = cleanList(d.Regions)
	d.Programs = cleanList(d.Programs)
	d.ChallengeIDs = uniqueIDs(d.ChallengeIDs)
}

// Validate returns the first problem, naming the field in Indonesian. The
// rules that need the stored decision (status changes, a taken number,
// linked rows that must exist) are checked by SaveDecision.
func (d Decision) Validate() error {
	if d.Text == "" {
		return fault.New(fault.Required, "decision.text")
	}
	if d.Number < 0 {
		return fault.Reject("decision.number", fault.ReasonNumberMin)
	}
	if d.OwnerRegion != "" {
		if _, ok := region.Default().Lookup(d.OwnerRegion); !ok {
			return fault.New(fault.UnknownRegion, "decision.ownerRegion", "code", d.OwnerRegion)
		}
	}
	if err := checkDate("decision.dueDate", d.DueDate, true); err != nil {
		return err
	}
	if !d.Status.valid() {
		return chooseStatus("decision.status")
	}
	if d.Status == Dibatalkan && d.CancelReason == "" {
		return fault.New(fault.Required, "decision.cancelReason")
	}
	if err := checkDate("decision.doneDate", d.DoneDate, d.Status != Selesai); err != nil {
		return err
	}
	if d.NotAgreed && d.NotAgreedReason == "" {
		return fault.New(fault.Required, "decision.notAgreedReason")
	}
	for _, r := range d.Regions {
		if _, ok := region.Default().Lookup(r); !ok {
			return fault.New(fault.UnknownRegion, "decision.regions", "code", r)
		}
	}
	return nil
}

// checkTransition enforces the one rule on status changes: a decision that
// was closed (selesai or dibatalkan) may be reopened as berjalan, never as baru.
func checkTransition(from, to Status) error {
	if to == Baru && (from == Selesai || from == Dibatalkan) {
		word := fault.StatusDone
		if from == Dibatalkan {
			word = fault.StatusCancelled
		}
		return fault.Reject("decision.status", fault.ReasonReopenAsNew).WithCode("from", word)
	}
	return nil
}

func chooseStatus(field string) error {
	return fault.Choose(field, string(Baru), string(Berjalan), string(Selesai), string(Dibatalkan))
}

const decisionCols = `d.id, d.meeting_id, d.number, d.text, d.owner_region, d.owner_unit, d.due_date, d.status,
d.cancel_reason, d.done_date, d.agreed, d.not_agreed_reason, d.note, d.version`

func scanDecision(row interface{ Scan(...any) error }, extra ...any) (Decision, error) {
	var d Decision
	var agreed bool
	dest := append([]any{&d.ID, &d.MeetingID, &d.Number, &d.Text, &d.OwnerRegion, &d.OwnerUnit, &d.DueDate, &d.Status,
		&d.CancelReason, &d.DoneDate, &agreed, &d.NotAgreedReason, &d.Note, &d.Version}, extra...)
	err := row.Scan(dest...)
	d.NotAgreed = !agreed
	d.IndicatorIDs, d.Regions, d.Programs, d.ChallengeIDs = []int64{}, []string{}, []string{}, []int64{}
	return d, err
}

// loadLinks fills the link lists of ds in place.
func loadLinks(ctx context.Context, q querier, ds []Decision) error {
	if len(ds) == 0 {
		return nil
	}
	idx := make(map[int64]*Decision, len(ds))
	ids := make([]int64, len(ds))
	for i := range ds {
		idx[ds[i].ID] = &ds[i]
		ids[i] = ds[i].ID
	}
	in := "(" + store.Placeholders(len(ids)) + ")"
	for _, l := range []struct {
		query string
		add   func(d *Decision, v any)
	}{
		{"SELECT decision_id, indicator_id FROM decision_indicator WHERE decision_id IN " + in + " ORDER BY indicator_id",
			func(d *Decision, v any) { d.IndicatorIDs = append(d.IndicatorIDs, v.(int64)) }},
		{"SELECT decision_id, region_code FROM decision_region WHERE decision_id IN " + in + " ORDER BY region_code",
			func(d *Decision, v any) { d.Regions = append(d.Regions, v.(string)) }},
		{"SELECT decision_id, program_code FROM decision_program WHERE decision_id IN " + in + " ORDER BY program_code",
			func(d *Decision, v any) { d.Programs = append(d.Programs, v.(string)) }},
		{"SELECT decision_id, challenge_id FROM decision_challenge WHERE decision_id IN " + in + " ORDER BY challenge_id",
			func(d *Decision, v any) { d.ChallengeIDs = append(d.ChallengeIDs, v.(int64)) }},
	} {
		rows, err := q.QueryContext(ctx, l.query, idArgs(ids)...)
		if err != nil {
			return fmt.Errorf("rakor: decision links: %w", err)
		}
		for rows.Next() {
			var id int64
			var v any
			if err := rows.Scan(&id, &v); err != nil {
				rows.Close()
				return fmt.Errorf("rakor: decision links: %w", err)
			}
			if s, ok := v.([]byte); ok {
				v = string(s)
			}
			l.add(idx[id], v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("rakor: decision links: %w", err)
		}
	}
	return nil
}

// GetDecision returns one decision with its links.
func GetDecision(ctx context.Context, s *store.Store, id int64) (Decision, error) {
	return getDecision(ctx, s.Read(), id)
}

func getDecision(ctx context.Context, q querier, id int64) (Decision, error) {
	d, err := scanDecision(q.QueryRowContext(ctx, "SELECT "+decisionCols+" FROM decision d WHERE d.id = ?", id))
	if err != nil {
		return Decision{}, store.NoRow(err, notFound("decision.id"), "rakor: get decision")
	}
	ds := []Decision{d}
	if err := loadLinks(ctx, q, ds); err != nil {
		return Decision{}, err
	}
	return ds[0], nil
}

// Decisions lists a meeting's decisions by number.
func Decisions(ctx context.Context, s *store.Store, meetingID int64) ([]Decision, error) {
	out, err := store.QueryAll(ctx, s.Read(), func(row store.Row) (Decision, error) { return scanDecision(row) },
		"SELECT "+decisionCols+" FROM decision d WHERE d.meeting_id = ? ORDER BY d.number", meetingID)
	if err != nil {
		return nil, fmt.Errorf("rakor: decisions: %w", err)
	}
	return out, loadLinks(ctx, s.Read(), out)
}

// SaveDecision is the one way a decision is written: it normalizes,
// validates and inserts (ID 0) or updates a decision with its links,
// numbering a new one, refusing a number taken in the meeting and a closed
// decision going back to baru. A decision stays in the meeting it was made in.
// An update based on an older Version than the stored one is refused with a
// fault.EditConflict carrying the stored decision; the saved decision comes
// back with its new Version.
func SaveDecision(ctx context.Context, w store.Writer, d Decision) (Decision, error) {
	return save(ctx, w, d, putDecision, getDecision)
}

// putDecision writes an already validated decision inside tx and returns its
// id: it numbers a new decision, refuses a number taken in the meeting and a
// closed decision going back to baru, and replaces the links.
func putDecision(ctx context.Context, tx *sql.Tx, d Decision) (int64, error) {
	if d.ID != 0 {
		old, err := getDecision(ctx, tx, d.ID)
		if err != nil {
			return 0, err
		}
		if d.Version == 0 { // a batch writer: over whatever is stored
			d.Version = old.Version
		}
		if d.Version != old.Version {
			return 0, decisionConflict(ctx, tx, old)
		}
		if err := checkTransition(old.Status, d.Status); err != nil {
			return 0, err
		}
		d.MeetingID = old.MeetingID
		if d.Number == 0 {
			d.Number = old.Number
		}
		if sameDecision(old, d) { // nothing to write: no new version, no history
			return d.ID, nil
		}
	} else if err := lockMeeting(ctx, tx, d.MeetingID); err != nil {
		return 0, err
	}
	if d.Number == 0 {
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(max(number), 0) + 1 FROM decision WHERE meeting_id = ?",
			d.MeetingID).Scan(&d.Number); err != nil {
			return 0, fmt.Errorf("rakor: save decision: %w", err)
		}
	}
	var taken int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM decision WHERE meeting_id = ? AND number = ? AND id <> ?",
		d.MeetingID, d.Number, d.ID).Scan(&taken); err != nil {
		return 0, fmt.Errorf("rakor: save decision: %w", err)
	}
	if taken > 0 {
		return 0, fault.Reject("decision.number", fault.ReasonNumberTaken, "number", strconv.Itoa(d.Number))
	}
	if err := rowsExist(ctx, tx, "indicator", "decision.indicatorIds", d.IndicatorIDs); err != nil {
		return 0, err
	}
	if err := rowsExist(ctx, tx, "challenge", "decision.challengeIds", d.ChallengeIDs); err != nil {
		return 0, err
	}
	args := []any{d.Number, d.Text, d.OwnerRegion, d.OwnerUnit, d.DueDate, d.Status, d.CancelReason, d.DoneDate,
		boolInt(!d.NotAgreed), d.NotAgreedReason, d.Note}
	if d.ID == 0 {
		newID, err := store.Insert(ctx, tx, `INSERT INTO decision(number, text, owner_region, owner_unit, due_date, status,
cancel_reason, done_date, agreed, not_agreed_reason, note, meeting_id) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			append(args, d.MeetingID)...)
		if err != nil {
			return 0, fmt.Errorf("rakor: insert decision: %w", err)
		}
		d.ID = newID
	} else {
		// The version guard is in the statement itself, so two writers that
		// both read the same version cannot both pass (PostgreSQL's READ
		// COMMITTED lets them read concurrently).
		res, err := tx.ExecContext(ctx, `UPDATE decision SET number = ?, text = ?, owner_region = ?, owner_unit = ?,
due_date = ?, status = ?, cancel_reason = ?, done_date = ?, agreed = ?, not_agreed_reason = ?, note = ?,
version = version + 1 WHERE id = ? AND version = ?`,
			append(args, d.ID, d.Version)...)
		if err != nil {
			return 0, fmt.Errorf("rakor: update decision: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return 0, fmt.Errorf("rakor: update decision: %w", err)
		} else if n == 0 {
			now, err := getDecision(ctx, tx, d.ID)
			if err != nil {
				return 0, err
			}
			return 0, decisionConflict(ctx, tx, now)
		}
	}
	for _, l := range []struct {
		table, col string
		vals       []any
	}{
		{"decision_indicator", "indicator_id", idArgs(d.IndicatorIDs)},
		{"decision_region", "region_code", stringArgs(d.Regions)},
		{"decision_program", "program_code", stringArgs(d.Programs)},
		{"decision_challenge", "challenge_id", idArgs(d.ChallengeIDs)},
	} {
		if err := replaceLinks(ctx, tx, l.table, "decision_id", l.col, d.ID, l.vals); err != nil {
			return 0, err
		}
	}
	return d.ID, nil
}

// sameDecision reports whether saving d over the stored a would change
// nothing (links compared as sets).
func sameDecision(a, d Decision) bool {
	return a.Number == d.Number && a.Text == d.Text && a.OwnerRegion == d.OwnerRegion && a.OwnerUnit == d.OwnerUnit &&
		a.DueDate == d.DueDate && a.Status == d.Status && a.CancelReason == d.CancelReason && a.DoneDate == d.DoneDate &&
		a.NotAgreed == d.NotAgreed && a.NotAgreedReason == d.NotAgreedReason && a.Note == d.Note &&
		sameIDs(a.IndicatorIDs, d.IndicatorIDs) && sameStrings(a.Regions, d.Regions) && sameStrings(a.Programs, d.Programs) &&
		sameIDs(a.ChallengeIDs, d.ChallengeIDs)
}

// decisionConflict refuses an edit over the stored decision theirs, naming
// who changed it last and when.
func decisionConflict(ctx context.Context, q querier, theirs Decision) error {
	return versioned.Conflict(ctx, q, "decision", strconv.FormatInt(theirs.ID, 10), "decision.id", theirs.Version, theirs)
}

func stringArgs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// replaceLinks makes the rows of a link table for one owner exactly vals,
// deleting and inserting only what changes so the audit log shows it.
func replaceLinks(ctx context.Context, tx *sql.Tx, table, ownerCol, valCol string, owner int64, vals []any) error {
	rows, err := tx.QueryContext(ctx, "SELECT "+valCol+" FROM "+table+" WHERE "+ownerCol+" = ?", owner)
	if err != nil {
		return fmt.Errorf("rakor: links %s: %w", table, err)
	}
	have := map[string]any{}
	for rows.Next() {
		var v any
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return fmt.Errorf("rakor: links %s: %w", table, err)
		}
		if b, ok := v.([]byte); ok {
			v = string(b)
		}
		have[fmt.Sprint(v)] = v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("rakor: links %s: %w", table, err)
	}
	want := map[string]bool{}
	for _, v := range vals {
		want[fmt.Sprint(v)] = true
	}
	for k, v := range have {
		if !want[k] {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE "+ownerCol+" = ? AND "+valCol+" = ?", owner, v); err != nil {
				return fmt.Errorf("rakor: links %s: %w", table, err)
			}
		}
	}
	for _, v := range vals {
		if _, ok := have[fmt.Sprint(v)]; !ok {
			if _, err := tx.ExecContext(ctx, "INSERT INTO "+table+"("+ownerCol+", "+valCol+") VALUES(?, ?)", owner, v); err != nil {
				return fmt.Errorf("rakor: links %s: %w", table, err)
			}
		}
	}
	return nil
}

// rowsExist refuses ids that are not in table, naming the first missing one.
func rowsExist(ctx context.Context, q querier, table, field string, ids []int64) error {
	for _, id := range ids {
		var n int
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM "+table+" WHERE id = ?", id).Scan(&n); err != nil {
			return fmt.Errorf("rakor: %s: %w", table, err)
		}
		if n == 0 {
			return fault.Reject(field, fault.ReasonLinkMissing, "id", strconv.FormatInt(id, 10))
		}
	}
	return nil
}

func decisionsExist(ctx context.Context, q querier, field string, ids []int64) error {
	return rowsExist(ctx, q, "decision", field, ids)
}

// DeleteDecision removes a decision with its links and follow-up log.
func DeleteDecision(ctx context.Context, w store.Writer, id int64) error {
	return deleteRow(ctx, w, "decision", "decision.id", id)
}

// DecisionHistory lists the recorded changes of a decision's own row, newest first.
func DecisionHistory(ctx context.Context, s *store.Store, id int64) ([]store.AuditEntry, error) {
	return s.Audit(ctx, store.AuditQuery{Table: "decision", RowKey: strconv.FormatInt(id, 10)})
}

// FollowUp is one entry of a decision's follow-up log.
type FollowUp struct {
	ID         int64  `json:"id"`
	DecisionID int64  `json:"decisionId"`
	Date       string `json:"date"`
	Progress   string `json:"progress"`
	Evidence   string `json:"evidence"`   // e.g. a letter or report reference
	ReviewedIn int64  `json:"reviewedIn"` // the meeting that reviewed it; 0 = none
	Status     Status `json:"status"`     // the decision's new status; "" = unchanged
}

// Normalize trims text.
func (f *FollowUp) Normalize() {
	f.Date = strings.TrimSpace(f.Date)
	f.Progress = strings.TrimSpace(f.Progress)
	f.Evidence = strings.TrimSpace(f.Evidence)
	f.Status = Status(strings.TrimSpace(string(f.Status)))
}

// Validate returns the first problem, naming the field in Indonesian.
func (f FollowUp) Validate() error {
	if err := checkDate("followUp.date", f.Date, false); err != nil {
		return err
	}
	if f.Progress == "" {
		return fault.New(fault.Required, "followUp.progress")
	}
	if f.Status != "" && !f.Status.valid() {
		return chooseStatus("followUp.status")
	}
	return nil
}

// AddFollowUp is the one way a follow-up is written: it normalizes,
// validates and records it. When it carries a status, the decision changes
// status in the same transaction: selesai takes the follow-up's date,
// dibatalkan takes its progress text as the reason.
func AddFollowUp(ctx context.Context, w store.Writer, f FollowUp) (FollowUp, error) {
	return store.Save(ctx, w, f, func(tx *sql.Tx, f *FollowUp) error {
		var err error
		f.ID, err = putFollowUp(ctx, tx, *f)
		return err
	})
}

// putFollowUp writes an already validated follow-up inside tx, applying its
// status to the decision, and returns its id.
func putFollowUp(ctx context.Context, tx *sql.Tx, f FollowUp) (int64, error) {
	d, err := getDecision(ctx, tx, f.DecisionID)
	if errors.Is(err, ErrNotFound) {
		return 0, fault.Wrap(err, fault.NotFound, "followUp.decisionId", "id", strconv.FormatInt(f.DecisionID, 10))
	}
	if err != nil {
		return 0, err
	}
	m, err := getMeeting(ctx, tx, d.MeetingID)
	if err != nil {
		return 0, err
	}
	if f.Date < m.StartDate {
		return 0, fault.Reject("followUp.date", fault.ReasonBeforeMeeting, "date", m.StartDate)
	}
	var reviewedIn any
	if f.ReviewedIn != 0 {
		if err := meetingExists(ctx, tx, f.ReviewedIn); err != nil {
			return 0, fault.New(fault.NotFound, "followUp.reviewedIn", "id", strconv.FormatInt(f.ReviewedIn, 10))
		}
		reviewedIn = f.ReviewedIn
	}
	if f.Status != "" && f.Status != d.Status {
		if err := checkTransition(d.Status, f.Status); err != nil {
			return 0, err
		}
		d.Status = f.Status
		d.DoneDate = ""
		if f.Status == Selesai {
			d.DoneDate = f.Date
		}
		if f.Status == Dibatalkan {
			d.CancelReason = f.Progress
		}
		d.Normalize()
		if err := d.Validate(); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE decision SET status = ?, done_date = ?, cancel_reason = ?, version = version + 1 WHERE id = ?",
			d.Status, d.DoneDate, d.CancelReason, d.ID); err != nil {
			return 0, fmt.Errorf("rakor: follow-up status: %w", err)
		}
	}
	newID, err := store.Insert(ctx, tx, `INSERT INTO decision_followup(decision_id, date, progress, evidence, reviewed_in, status)
VALUES(?, ?, ?, ?, ?, ?)`, f.DecisionID, f.Date, f.Progress, f.Evidence, reviewedIn, f.Status)
	if region, ok := store.NotAddressed(err); ok {
		// The server's guard knows the decision by its id; the secretariat
		// knows it by its number in its meeting.
		return 0, fault.Wrap(err, fault.DecisionNotAddressed, "", "region", store.RegionLabel(region),
			"decision", strconv.Itoa(d.Number), "meeting", m.Title)
	}
	if err != nil {
		return 0, fmt.Errorf("rakor: insert follow-up: %w", err)
	}
	return newID, nil
}

// FollowUps lists a decision's follow-up log, oldest first.
func FollowUps(ctx context.Context, s *store.Store, decisionID int64) ([]FollowUp, error) {
	out, err := store.QueryAll(ctx, s.Read(), func(row store.Row) (FollowUp, error) {
		var f FollowUp
		err := row.Scan(&f.ID, &f.DecisionID, &f.Date, &f.Progress, &f.Evidence, &f.ReviewedIn, &f.Status)
		return f, err
	}, `SELECT id, decision_id, date, progress, evidence, COALESCE(reviewed_in, 0), status
FROM decision_followup WHERE decision_id = ? ORDER BY date, id`, decisionID)
	if err != nil {
		return nil, fmt.Errorf("rakor: follow-ups: %w", err)
	}
	return out, nil
}

// DeleteFollowUp removes one follow-up entry; a status it set stays.
func DeleteFollowUp(ctx context.Context, w store.Writer, id int64) error {
	return deleteRow(ctx, w, "decision_followup", "followUp.id", id)
}

// Entry is a decision as the register and the carry-over show it: with its
// meeting, whether it is overdue, and its follow-up so far.
type Entry struct {
	Decision     Decision `json:"decision"`
	MeetingTitle string   `json:"meetingTitle"`
	MeetingKind  Kind     `json:"meetingKind"`
	MeetingDate  string   `json:"meetingDate"`
	Overdue      bool     `json:"overdue"`     // open and due before the reference date
	DaysOverdue  int      `json:"daysOverdue"` // 0 unless overdue
	FollowUps    int      `json:"followUps"`
	LastFollowUp string   `json:"lastFollowUp"` // date of the latest follow-up; "" = none
}

const entryCols = decisionCols + `, m.title, m.kind, m.start_date,
(SELECT count(*) FROM decision_followup f WHERE f.decision_id = d.id),
(SELECT COALESCE(max(f.date), '') FROM decision_followup f WHERE f.decision_id = d.id)`

func queryEntries(ctx context.Context, q querier, asOf string, query string, args ...any) ([]Entry, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("rakor: decisions: %w", err)
	}
	out := []Entry{}
	for rows.Next() {
		var e Entry
		d, err := scanDecision(rows, &e.MeetingTitle, &e.MeetingKind, &e.MeetingDate, &e.FollowUps, &e.LastFollowUp)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("rakor: decisions: %w", err)
		}
		e.Decision = d
		e.Overdue, e.DaysOverdue = overdue(d, asOf)
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("rakor: decisions: %w", err)
	}
	ds := make([]Decision, len(out))
	for i := range out {
		ds[i] = out[i].Decision
	}
	if err := loadLinks(ctx, q, ds); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Decision = ds[i]
	}
	return out, nil
}

// overdue reports whether an agreed, open decision was due before asOf, and by how many days.
func overdue(d Decision, asOf string) (bool, int) {
	if !d.Status.Open() || d.NotAgreed || d.DueDate == "" || asOf == "" || d.DueDate >= asOf {
		return false, 0
	}
	due, err1 := time.Parse(isoDate, d.DueDate)
	ref, err2 := time.Parse(isoDate, asOf)
	if err1 != nil || err2 != nil {
		return true, 0
	}
	return true, int(ref.Sub(due).Hours() / 24)
}

// OpenFromEarlier lists the decisions still open (baru or berjalan, agreed)
// from meetings that started before this one, oldest meeting first. When the
// meeting has a province, only meetings of that province (or of none) count.
// Overdue is judged against the meeting's start date.
func OpenFromEarlier(ctx context.Context, s *store.Store, meetingID int64) ([]Entry, error) {
	if err := meetingExists(ctx, s.Read(), meetingID); err != nil {
		return nil, err
	}
	return openFromEarlier(ctx, s.Read(), meetingID)
}

func openFromEarlier(ctx context.Context, q querier, meetingID int64) ([]Entry, error) {
	cur, err := getMeeting(ctx, q, meetingID)
	if err != nil {
		return nil, err
	}
	return queryEntries(ctx, q, cur.StartDate, "SELECT "+entryCols+`
FROM decision d JOIN meeting m ON m.id = d.meeting_id
WHERE m.start_date < ?1 AND d.agreed = 1 AND d.status IN ('baru', 'berjalan')
  AND (?2 = '' OR m.province_code IN ('', ?2))
ORDER BY m.start_date, m.id, d.number`, cur.StartDate, cur.ProvinceCode)
}

// RegisterFilter selects decisions across meetings; zero fields match everything.
type RegisterFilter struct {
	MeetingID   int64    `json:"meetingId"`
	OwnerRegion string   `json:"ownerRegion"` // this region and, for a province, its regencies
	OwnerUnit   string   `json:"ownerUnit"`   // part of the bidang/institution, any case
	Statuses    []Status `json:"statuses"`
	DueBefore   string   `json:"dueBefore"`   // due strictly before this date
	OverdueOnly bool     `json:"overdueOnly"` // open, agreed and due before AsOf
	AsOf        string   `json:"asOf"`        // reference date for overdue; "" = today
	Search      string   `json:"search"`      // in text, owner, note, reasons and meeting title
}

// Register lists decisions across meetings, newest meeting first, with
// overdue marked against f.AsOf.
func Register(ctx context.Context, s *store.Store, f RegisterFilter) ([]Entry, error) {
	asOf := strings.TrimSpace(f.AsOf)
	if asOf == "" {
		asOf = today()
	}
	if err := checkDate("registerFilter.asOf", asOf, false); err != nil {
		return nil, err
	}
	if err := checkDate("registerFilter.dueBefore", f.DueBefore, true); err != nil {
		return nil, err
	}
	var w store.Where
	if f.MeetingID != 0 {
		w.Add("d.meeting_id = ?", f.MeetingID)
	}
	if r := strings.TrimSpace(f.OwnerRegion); r != "" {
		// A decision is addressed to a region as its owner or as one of
		// the regions it names (what a kab/kota office follows up).
		owner, args := store.RegionScope("d.owner_region", r)
		named, more := store.RegionScope("dr.region_code", r)
		w.Add("("+owner+" OR EXISTS (SELECT 1 FROM decision_region dr WHERE dr.decision_id = d.id AND "+named+"))", append(args, more...)...)
	}
	if u := strings.TrimSpace(f.OwnerUnit); u != "" {
		w.Add(`lower(d.owner_unit) LIKE ? ESCAPE '\'`, likePattern(u))
	}
	store.In(&w, "d.status", f.Statuses)
	if f.DueBefore != "" {
		w.Add("d.due_date <> '' AND d.due_date < ?", f.DueBefore)
	}
	if f.OverdueOnly {
		w.Add("d.agreed = 1 AND d.status IN ('baru', 'berjalan') AND d.due_date <> '' AND d.due_date < ?", asOf)
	}
	if t := strings.TrimSpace(f.Search); t != "" {
		p := likePattern(t)
		w.Add(`(lower(d.text) LIKE ? ESCAPE '\' OR lower(d.owner_unit) LIKE ? ESCAPE '\' OR lower(d.note) LIKE ? ESCAPE '\'
  OR lower(d.cancel_reason) LIKE ? ESCAPE '\' OR lower(d.not_agreed_reason) LIKE ? ESCAPE '\' OR lower(m.title) LIKE ? ESCAPE '\')`, p, p, p, p, p, p)
	}
	return queryEntries(ctx, s.Read(), asOf, "SELECT "+entryCols+`
FROM decision d JOIN meeting m ON m.id = d.meeting_id
WHERE `+w.And()+`
ORDER BY m.start_date DESC, m.id DESC, d.number`, w.Args()...)
}
