package rakor

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
)

// Kind is the type of coordination meeting.
type Kind string

const (
	Rakor    Kind = "rakor"    // rapat koordinasi
	Rakortek Kind = "rakortek" // rapat koordinasi teknis
	Rakornis Kind = "rakornis" // rapat koordinasi teknis (dinas)
	Rakorda  Kind = "rakorda"  // rapat koordinasi daerah
	Lainnya  Kind = "lainnya"
)

// Mode is how a meeting is held.
type Mode string

const (
	Luring Mode = "luring" // in person
	Daring Mode = "daring" // online
	Hybrid Mode = "hybrid"
)

// Meeting is one rakor.
type Meeting struct {
	ID           int64    `json:"id"`
	Kind         Kind     `json:"kind"`
	Title        string   `json:"title"`
	Theme        string   `json:"theme"`
	StartDate    string   `json:"startDate"` // "2024-02-23"
	EndDate      string   `json:"endDate"`   // same as StartDate for a one-day meeting
	Venue        string   `json:"venue"`
	Mode         Mode     `json:"mode"`
	PlanningYear int      `json:"planningYear"` // the year being planned
	Organiser    string   `json:"organiser"`
	ProvinceCode string   `json:"provinceCode"` // whose figures are discussed; "" for none
	Desks        []string `json:"desks"`        // e.g. "Desk Urusan Koperasi dan UMKM"
	Headcount    int      `json:"headcount"`    // participants reported when not all are listed
	Note         string   `json:"note"`
	// Version is the stored row's version: an edit names the one it was
	// based on and is refused over a newer one; 0 writes over whatever is
	// stored (the demo), never sent by a form.
	Version int64 `json:"version"`
}

// Normalize trims text, fills the end date of a one-day meeting and the default mode.
func (m *Meeting) Normalize() {
	m.Kind = Kind(strings.TrimSpace(string(m.Kind)))
	m.Title = clean(m.Title)
	m.Theme = clean(m.Theme)
	m.StartDate = strings.TrimSpace(m.StartDate)
	m.EndDate = strings.TrimSpace(m.EndDate)
	if m.EndDate == "" {
		m.EndDate = m.StartDate
	}
	m.Venue = clean(m.Venue)
	if m.Mode == "" {
		m.Mode = Luring
	}
	m.Organiser = clean(m.Organiser)
	m.ProvinceCode = strings.TrimSpace(m.ProvinceCode)
	m.Desks = cleanList(m.Desks)
	m.Note = strings.TrimSpace(m.Note)
}

// Validate returns the first problem, naming the field in Indonesian.
func (m Meeting) Validate() error {
	switch m.Kind {
	case Rakor, Rakortek, Rakornis, Rakorda, Lainnya:
	default:
		return fault.Choose("meeting.kind", "rakor", "rakortek", "rakornis", "rakorda", "lainnya")
	}
	if m.Title == "" {
		return fault.New(fault.Required, "meeting.title")
	}
	if err := checkDate("meeting.startDate", m.StartDate, false); err != nil {
		return err
	}
	if err := checkDate("meeting.endDate", m.EndDate, false); err != nil {
		return err
	}
	if m.EndDate < m.StartDate {
		return fault.Reject("meeting.endDate", fault.ReasonEndBeforeStartDate)
	}
	switch m.Mode {
	case Luring, Daring, Hybrid:
	default:
		return fault.Choose("meeting.mode", "luring", "daring", "hybrid")
	}
	if m.PlanningYear < profile.MinYear || m.PlanningYear > profile.MaxYear {
		return fault.New(fault.OutOfRange, "meeting.planningYear", "min", strconv.Itoa(profile.MinYear), "max", strconv.Itoa(profile.MaxYear))
	}
	if m.ProvinceCode != "" && !region.Default().IsProvince(m.ProvinceCode) {
		return fault.New(fault.UnknownRegion, "meeting.provinceCode", "code", m.ProvinceCode)
	}
	if m.Headcount < 0 {
		return fault.Reject("meeting.headcount", fault.ReasonNegative)
	}
	return nil
}

const meetingCols = `id, kind, title, theme, start_date, end_date, venue, mode, planning_year, organiser, province_code,
desks, headcount, note, version`

func scanMeeting(row interface{ Scan(...any) error }, extra ...any) (Meeting, error) {
	var m Meeting
	var desks string
	dest := append([]any{&m.ID, &m.Kind, &m.Title, &m.Theme, &m.StartDate, &m.EndDate, &m.Venue, &m.Mode,
		&m.PlanningYear, &m.Organiser, &m.ProvinceCode, &desks, &m.Headcount, &m.Note, &m.Version}, extra...)
	if err := row.Scan(dest...); err != nil {
		return Meeting{}, err
	}
	m.Desks = []string{}
	if err := json.Unmarshal([]byte(desks), &m.Desks); err != nil {
		return Meeting{}, fmt.Errorf("rakor: desks of meeting %d: %w", m.ID, err)
	}
	return m, nil
}

// GetMeeting returns one meeting.
func GetMeeting(ctx context.Context, s *store.Store, id int64) (Meeting, error) {
	return getMeeting(ctx, s.Read(), id)
}

func getMeeting(ctx context.Context, q querier, id int64) (Meeting, error) {
	m, err := scanMeeting(q.QueryRowContext(ctx, "SELECT "+meetingCols+" FROM meeting WHERE id = ?", id))
	if err != nil {
		return Meeting{}, store.NoRow(err, notFound("meeting.id"), "rakor: get meeting")
	}
	return m, nil
}

// MeetingSummary is a meeting with the counts a list shows.
type MeetingSummary struct {
	Meeting       Meeting `json:"meeting"`
	Participants  int     `json:"participants"`
	Present       int     `json:"present"` // hadir or diwakili
	AgendaItems   int     `json:"agendaItems"`
	Decisions     int     `json:"decisions"`
	OpenDecisions int     `json:"openDecisions"` // agreed and baru or berjalan
	Challenges    int     `json:"challenges"`
	Snapshots     int     `json:"snapshots"`
}

// ListMeetings returns every meeting, newest first, with its counts.
func ListMeetings(ctx context.Context, s *store.Store) ([]MeetingSummary, error) {
	rows, err := s.Read().QueryContext(ctx, "SELECT "+meetingCols+`,
  (SELECT count(*) FROM meeting_participant p WHERE p.meeting_id = meeting.id),
  (SELECT count(*) FROM meeting_participant p WHERE p.meeting_id = meeting.id AND p.attendance <> 'tidak_hadir'),
  (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = meeting.id),
  (SELECT count(*) FROM decision d WHERE d.meeting_id = meeting.id),
  (SELECT count(*) FROM decision d WHERE d.meeting_id = meeting.id AND d.agreed = 1 AND d.status IN ('baru', 'berjalan')),
  (SELECT count(*) FROM challenge c WHERE c.meeting_id = meeting.id),
  (SELECT count(*) FROM snapshot x WHERE x.meeting_id = meeting.id)
FROM meeting ORDER BY start_date DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("rakor: list meetings: %w", err)
	}
	defer rows.Close()
	out := []MeetingSummary{}
	for rows.Next() {
		var ms MeetingSummary
		m, err := scanMeeting(rows, &ms.Participants, &ms.Present, &ms.AgendaItems, &ms.Decisions, &ms.OpenDecisions,
			&ms.Challenges, &ms.Snapshots)
		if err != nil {
			return nil, fmt.Errorf("rakor: list meetings: %w", err)
		}
		ms.Meeting = m
		out = append(out, ms)
	}
	return out, rows.Err()
}

// SaveMeeting is the one way a meeting is written: it normalizes,
// validates and inserts (ID 0) or updates it, in w's transaction.
func SaveMeeting(ctx context.Context, w store.Writer, m Meeting) (Meeting, error) {
	return save(ctx, w, m, putMeeting, getMeeting)
}

// StartMeeting creates a meeting whose first agenda item is "Tindak lanjut
// hasil rakor sebelumnya", linked to the open decisions of earlier meetings
// (see OpenFromEarlier). Without open decisions no such item is made.
func StartMeeting(ctx context.Context, w store.Writer, m Meeting) (Meeting, error) {
	m.ID = 0
	err := w.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if m, err = SaveMeeting(ctx, store.InTx(tx), m); err != nil {
			return err
		}
		_, err = putCarryOver(ctx, tx, m.ID)
		return err
	})
	if err != nil {
		return Meeting{}, err
	}
	return m, nil
}

// putMeeting writes an already validated meeting inside tx and returns its id.
func putMeeting(ctx context.Context, tx *sql.Tx, m Meeting) (int64, error) {
	desks, err := json.Marshal(cleanList(m.Desks))
	if err != nil {
		return 0, fmt.Errorf("rakor: save meeting: %w", err)
	}
	args := []any{m.Kind, m.Title, m.Theme, m.StartDate, m.EndDate, m.Venue, m.Mode, m.PlanningYear, m.Organiser,
		m.ProvinceCode, string(desks), m.Headcount, m.Note}
	if m.ID == 0 {
		newID, err := store.Insert(ctx, tx, `INSERT INTO meeting(kind, title, theme, start_date, end_date, venue, mode,
planning_year, organiser, province_code, desks, headcount, note) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return 0, fmt.Errorf("rakor: insert meeting: %w", err)
		}
		return newID, nil
	}
	m.Desks = cleanList(m.Desks)
	err = guardedUpdate(ctx, tx, "meeting", "meeting.id", m.ID, m.Version, `UPDATE meeting SET kind = ?, title = ?,
theme = ?, start_date = ?, end_date = ?, venue = ?, mode = ?, planning_year = ?, organiser = ?, province_code = ?, desks = ?,
headcount = ?, note = ?, version = version + 1 WHERE id = ? AND version = ?`, args, getMeeting,
		func(x Meeting) int64 { return x.Version }, func(old Meeting) bool {
			return old.Kind == m.Kind && old.Title == m.Title && old.Theme == m.Theme && old.StartDate == m.StartDate &&
				old.EndDate == m.EndDate && old.Venue == m.Venue && old.Mode == m.Mode && old.PlanningYear == m.PlanningYear &&
				old.Organiser == m.Organiser && old.ProvinceCode == m.ProvinceCode && slices.Equal(old.Desks, m.Desks) &&
				old.Headcount == m.Headcount && old.Note == m.Note
		})
	if err != nil {
		return 0, err
	}
	return m.ID, nil
}

// DeleteMeeting removes a meeting with its participants, agenda, snapshots
// and decisions. Challenges raised there stay, without a meeting.
func DeleteMeeting(ctx context.Context, w store.Writer, id int64) error {
	return deleteRow(ctx, w, "meeting", "meeting.id", id)
}

// lockMeeting is meetingExists for a write that numbers the meeting's rows
// (decisions, agenda items, participants): it holds the meeting until the
// transaction ends, so two desks adding at once on a shared workspace take
// numbers one after the other instead of the same one.
func lockMeeting(ctx context.Context, tx *sql.Tx, id int64) error {
	found, err := store.LockRow(ctx, tx, "meeting", id)
	if err != nil {
		return fmt.Errorf("rakor: meeting: %w", err)
	}
	if !found {
		return notFound("meeting.id")
	}
	return nil
}

func meetingExists(ctx context.Context, q querier, id int64) error {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM meeting WHERE id = ?", id).Scan(&n); err != nil {
		return fmt.Errorf("rakor: meeting: %w", err)
	}
	if n == 0 {
		return notFound("meeting.id")
	}
	return nil
}
