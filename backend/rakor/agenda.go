package rakor

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/store"
)

// CarryOverTitle is the first agenda item of a meeting that reviews the open
// decisions of earlier meetings.
const CarryOverTitle = "Tindak lanjut hasil rakor sebelumnya"

// AgendaItem is one item of a meeting's agenda, with its minutes.
type AgendaItem struct {
	ID          int64   `json:"id"`
	MeetingID   int64   `json:"meetingId"`
	Position    int     `json:"position"` // 1, 2, ...; 0 on insert = at the end
	Title       string  `json:"title"`
	Presenter   string  `json:"presenter"`
	Day         string  `json:"day"`       // "2024-02-26" for meetings of several days; "" otherwise
	StartTime   string  `json:"startTime"` // "09.00"
	EndTime     string  `json:"endTime"`
	Desk        string  `json:"desk"`
	Minutes     string  `json:"minutes"` // notulen
	CarryOver   bool    `json:"carryOver"`
	DecisionIDs []int64 `json:"decisionIds"` // decisions reviewed under this item
}

var clock = regexp.MustCompile(`^(\d{1,2})[.:](\d{2})$`)

// normalTime turns "9:00" or "09.00" into "09.00"; other text is kept for Validate.
func normalTime(s string) string {
	s = strings.TrimSpace(s)
	m := clock.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	h, _ := strconv.Atoi(m[1])
	return fmt.Sprintf("%02d.%s", h, m[2])
}

func checkTime(field, s string) error {
	if s == "" {
		return nil
	}
	m := clock.FindStringSubmatch(s)
	if m != nil {
		h, _ := strconv.Atoi(m[1])
		min, _ := strconv.Atoi(m[2])
		if h < 24 && min < 60 {
			return nil
		}
	}
	return fault.Reject(field, fault.ReasonClock, "value", s)
}

// Normalize trims text and writes times as "09.00".
func (a *AgendaItem) Normalize() {
	a.Title = clean(a.Title)
	a.Presenter = clean(a.Presenter)
	a.Day = strings.TrimSpace(a.Day)
	a.StartTime = normalTime(a.StartTime)
	a.EndTime = normalTime(a.EndTime)
	a.Desk = clean(a.Desk)
	a.Minutes = strings.TrimSpace(a.Minutes)
	a.DecisionIDs = uniqueIDs(a.DecisionIDs)
}

// Validate returns the first problem, naming the field in Indonesian.
func (a AgendaItem) Validate() error {
	if a.Title == "" {
		return fault.New(fault.Required, "agendaItem.title")
	}
	if a.Position < 0 {
		return fault.Reject("agendaItem.position", fault.ReasonNegative)
	}
	if err := checkDate("agendaItem.day", a.Day, true); err != nil {
		return err
	}
	if err := checkTime("agendaItem.startTime", a.StartTime); err != nil {
		return err
	}
	if err := checkTime("agendaItem.endTime", a.EndTime); err != nil {
		return err
	}
	if a.StartTime != "" && a.EndTime != "" && a.EndTime < a.StartTime {
		return fault.Reject("agendaItem.endTime", fault.ReasonEndBeforeStartTime)
	}
	return nil
}

const agendaCols = `id, meeting_id, position, title, presenter, day, start_time, end_time, desk, minutes, carry_over`

func scanAgenda(row interface{ Scan(...any) error }) (AgendaItem, error) {
	var a AgendaItem
	err := row.Scan(&a.ID, &a.MeetingID, &a.Position, &a.Title, &a.Presenter, &a.Day, &a.StartTime, &a.EndTime,
		&a.Desk, &a.Minutes, &a.CarryOver)
	a.DecisionIDs = []int64{}
	return a, err
}

// Agenda lists a meeting's agenda in order, each item with its linked decisions.
func Agenda(ctx context.Context, s *store.Store, meetingID int64) ([]AgendaItem, error) {
	return agenda(ctx, s.Read(), meetingID)
}

func agenda(ctx context.Context, q querier, meetingID int64) ([]AgendaItem, error) {
	out, err := store.QueryAll(ctx, q, scanAgenda, "SELECT "+agendaCols+" FROM agenda_item WHERE meeting_id = ? ORDER BY position, id", meetingID)
	if err != nil {
		return nil, fmt.Errorf("rakor: agenda: %w", err)
	}
	if err := store.Links(ctx, q, out, func(a *AgendaItem) (int64, *[]int64) { return a.ID, &a.DecisionIDs }, `SELECT ad.agenda_id, ad.decision_id FROM agenda_decision ad
JOIN agenda_item a ON a.id = ad.agenda_id
JOIN decision d ON d.id = ad.decision_id
JOIN meeting m ON m.id = d.meeting_id
WHERE a.meeting_id = ? ORDER BY m.start_date, m.id, d.number`, meetingID); err != nil {
		return nil, fmt.Errorf("rakor: agenda decisions: %w", err)
	}
	return out, nil
}

// GetAgendaItem returns one agenda item with its linked decisions.
func GetAgendaItem(ctx context.Context, s *store.Store, id int64) (AgendaItem, error) {
	return getAgendaItem(ctx, s.Read(), id)
}

func getAgendaItem(ctx context.Context, q querier, id int64) (AgendaItem, error) {
	var meetingID int64
	err := q.QueryRowContext(ctx, "SELECT meeting_id FROM agenda_item WHERE id = ?", id).Scan(&meetingID)
	if errors.Is(err, sql.ErrNoRows) {
		return AgendaItem{}, notFound("agendaItem.id")
	}
	if err != nil {
		return AgendaItem{}, fmt.Errorf("rakor: get agenda item: %w", err)
	}
	items, err := agenda(ctx, q, meetingID)
	if err != nil {
		return AgendaItem{}, err
	}
	for _, a := range items {
		if a.ID == id {
			return a, nil
		}
	}
	return AgendaItem{}, notFound("agendaItem.id")
}

// SaveAgendaItem is the one way an agenda item is written: it normalizes,
// validates, checks the day against the meeting's dates and the linked
// decisions, and inserts (ID 0, at Position or at the end) or updates the
// item, replacing its linked decisions.
func SaveAgendaItem(ctx context.Context, w store.Writer, a AgendaItem) (AgendaItem, error) {
	return save(ctx, w, a, putAgendaItem, getAgendaItem)
}

// putAgendaItem writes an already validated agenda item inside tx and returns
// its id. It checks the day against the meeting's dates and that linked
// decisions exist.
func putAgendaItem(ctx context.Context, tx *sql.Tx, a AgendaItem) (int64, error) {
	if a.ID != 0 {
		err := tx.QueryRowContext(ctx, "SELECT meeting_id FROM agenda_item WHERE id = ?", a.ID).Scan(&a.MeetingID)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, notFound("agendaItem.id")
		}
		if err != nil {
			return 0, fmt.Errorf("rakor: save agenda item: %w", err)
		}
	}
	if a.ID == 0 {
		if err := lockMeeting(ctx, tx, a.MeetingID); err != nil {
			return 0, err
		}
	}
	m, err := getMeeting(ctx, tx, a.MeetingID)
	if err != nil {
		return 0, err
	}
	if a.Day != "" && (a.Day < m.StartDate || a.Day > m.EndDate) {
		return 0, fault.Reject("agendaItem.day", fault.ReasonOutsideMeeting, "start", m.StartDate, "end", m.EndDate)
	}
	if err := decisionsExist(ctx, tx, "agendaItem.decisionIds", a.DecisionIDs); err != nil {
		return 0, err
	}
	if a.Position == 0 && a.ID == 0 {
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = ?",
			a.MeetingID).Scan(&a.Position); err != nil {
			return 0, fmt.Errorf("rakor: save agenda item: %w", err)
		}
	}
	args := []any{a.Title, a.Presenter, a.Day, a.StartTime, a.EndTime, a.Desk, a.Minutes, boolInt(a.CarryOver)}
	if a.ID == 0 {
		newID, err := store.Insert(ctx, tx, `INSERT INTO agenda_item(title, presenter, day, start_time, end_time, desk, minutes,
carry_over, meeting_id, position) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, a.MeetingID, a.Position)...)
		if err != nil {
			return 0, fmt.Errorf("rakor: insert agenda item: %w", err)
		}
		a.ID = newID
	} else {
		_, err := tx.ExecContext(ctx, `UPDATE agenda_item SET title = ?, presenter = ?, day = ?, start_time = ?, end_time = ?,
desk = ?, minutes = ?, carry_over = ?, position = CASE WHEN ? > 0 THEN ? ELSE position END WHERE id = ?`,
			append(args, a.Position, a.Position, a.ID)...)
		if err != nil {
			return 0, fmt.Errorf("rakor: update agenda item: %w", err)
		}
	}
	if err := linkAgenda(ctx, tx, a.ID, a.DecisionIDs); err != nil {
		return 0, err
	}
	return a.ID, nil
}

// linkAgenda replaces the decisions linked to an agenda item, touching only
// the links that change so the audit log shows what was added or removed.
func linkAgenda(ctx context.Context, tx *sql.Tx, agendaID int64, ids []int64) error {
	keep := map[int64]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	rows, err := tx.QueryContext(ctx, "SELECT decision_id FROM agenda_decision WHERE agenda_id = ?", agendaID)
	if err != nil {
		return fmt.Errorf("rakor: agenda links: %w", err)
	}
	linked, err := scanIDs(rows)
	if err != nil {
		return fmt.Errorf("rakor: agenda links: %w", err)
	}
	have := map[int64]bool{}
	for _, id := range linked {
		have[id] = true
	}
	for id := range have {
		if !keep[id] {
			if _, err := tx.ExecContext(ctx, "DELETE FROM agenda_decision WHERE agenda_id = ? AND decision_id = ?", agendaID, id); err != nil {
				return fmt.Errorf("rakor: agenda links: %w", err)
			}
		}
	}
	for _, id := range ids {
		if !have[id] {
			if _, err := tx.ExecContext(ctx, "INSERT INTO agenda_decision(agenda_id, decision_id) VALUES(?, ?)", agendaID, id); err != nil {
				return fmt.Errorf("rakor: agenda links: %w", err)
			}
		}
	}
	return nil
}

// SetMinutes replaces the minutes of one agenda item, leaving the rest as it
// is: the secretariat types them live while others edit the agenda.
func SetMinutes(ctx context.Context, w store.Writer, agendaID int64, minutes string) error {
	return w.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE agenda_item SET minutes = ? WHERE id = ?", strings.TrimSpace(minutes), agendaID)
		if err != nil {
			return fmt.Errorf("rakor: set minutes: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("agendaItem.id")
		}
		return nil
	})
}

// ReorderAgenda numbers a meeting's agenda 1, 2, ... in the order of ids,
// which must list every item of the meeting exactly once.
func ReorderAgenda(ctx context.Context, w store.Writer, meetingID int64, ids []int64) error {
	return w.Tx(ctx, func(tx *sql.Tx) error {
		items, err := agenda(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		have := map[int64]bool{}
		for _, a := range items {
			have[a.ID] = true
		}
		if len(uniqueIDs(ids)) != len(ids) || len(ids) != len(items) {
			return fault.Reject("agendaItem.position", fault.ReasonAgendaOrder)
		}
		for _, id := range ids {
			if !have[id] {
				return fault.Reject("agendaItem.position", fault.ReasonAgendaNotInMeeting, "id", strconv.FormatInt(id, 10))
			}
		}
		for i, id := range ids {
			if _, err := tx.ExecContext(ctx, "UPDATE agenda_item SET position = ? WHERE id = ?", i+1, id); err != nil {
				return fmt.Errorf("rakor: reorder agenda: %w", err)
			}
		}
		return nil
	})
}

// DeleteAgendaItem removes one agenda item (the decisions it showed stay).
func DeleteAgendaItem(ctx context.Context, w store.Writer, id int64) error {
	return deleteRow(ctx, w, "agenda_item", "agendaItem.id", id)
}

// putCarryOver makes (or refreshes) the meeting's "Tindak lanjut hasil rakor
// sebelumnya" item, first on the agenda, linked to the open decisions of
// earlier meetings. With none open it does nothing and returns false.
func putCarryOver(ctx context.Context, tx *sql.Tx, meetingID int64) (bool, error) {
	open, err := openFromEarlier(ctx, tx, meetingID)
	if err != nil {
		return false, err
	}
	ids := make([]int64, len(open))
	for i, e := range open {
		ids[i] = e.Decision.ID
	}
	var id int64
	err = tx.QueryRowContext(ctx, "SELECT id FROM agenda_item WHERE meeting_id = ? AND carry_over = 1 ORDER BY position LIMIT 1",
		meetingID).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if len(ids) == 0 {
			return false, nil
		}
		// Make room at the top.
		if _, err := tx.ExecContext(ctx, "UPDATE agenda_item SET position = position + 1 WHERE meeting_id = ?", meetingID); err != nil {
			return false, fmt.Errorf("rakor: carry over: %w", err)
		}
		newID, err := store.Insert(ctx, tx, `INSERT INTO agenda_item(meeting_id, position, title, carry_over) VALUES(?, 1, ?, 1)`,
			meetingID, CarryOverTitle)
		if err != nil {
			return false, fmt.Errorf("rakor: carry over: %w", err)
		}
		id = newID
	case err != nil:
		return false, fmt.Errorf("rakor: carry over: %w", err)
	}
	// Keep decisions linked earlier (they may have been closed since: the
	// meeting still reviewed them) and add the ones open now.
	rows, err := tx.QueryContext(ctx, "SELECT decision_id FROM agenda_decision WHERE agenda_id = ?", id)
	if err != nil {
		return false, fmt.Errorf("rakor: carry over: %w", err)
	}
	have, err := scanIDs(rows)
	if err != nil {
		return false, fmt.Errorf("rakor: carry over: %w", err)
	}
	return true, linkAgenda(ctx, tx, id, uniqueIDs(append(have, ids...)))
}

// AddCarryOver makes or refreshes the carry-over item of an existing meeting
// (see putCarryOver) and returns the agenda.
func AddCarryOver(ctx context.Context, w store.Writer, meetingID int64) ([]AgendaItem, error) {
	var out []AgendaItem
	err := w.Tx(ctx, func(tx *sql.Tx) error {
		if err := meetingExists(ctx, tx, meetingID); err != nil {
			return err
		}
		if _, err := putCarryOver(ctx, tx, meetingID); err != nil {
			return err
		}
		var err error
		out, err = agenda(ctx, tx, meetingID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
