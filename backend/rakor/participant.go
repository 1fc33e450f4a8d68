package rakor

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"selaras/backend/fault"
	"selaras/backend/region"
	"selaras/backend/store"
)

// Role is what a participant does in the meeting.
type Role string

const (
	Pimpinan   Role = "pimpinan"   // chairs or opens the meeting
	Narasumber Role = "narasumber" // speaker
	Peserta    Role = "peserta"
	Notulis    Role = "notulis" // minute-taker
)

// roleWords and attendanceWords are the values a role or an attendance may
// take, as a pasted list types them.
var (
	roleWords       = []string{string(Pimpinan), string(Narasumber), string(Peserta), string(Notulis)}
	attendanceWords = []string{"hadir", "tidak hadir", "diwakili"}
)

// Attendance records whether a participant came.
type Attendance string

const (
	Hadir      Attendance = "hadir"
	TidakHadir Attendance = "tidak_hadir"
	Diwakili   Attendance = "diwakili" // represented by someone else
)

// Participant is one line of the attendance list (daftar hadir).
type Participant struct {
	ID          int64      `json:"id"`
	MeetingID   int64      `json:"meetingId"`
	Name        string     `json:"name"`
	NIP         string     `json:"nip"`         // 18 digits for a civil servant, else ""
	Position    string     `json:"position"`    // jabatan
	Institution string     `json:"institution"` // instansi
	Region      string     `json:"region"`      // Kemendagri code, optional
	Role        Role       `json:"role"`
	Attendance  Attendance `json:"attendance"`
	Note        string     `json:"note"`
	SortOrder   int        `json:"sortOrder"`
	// Version is the stored row's version: an edit names the one it was
	// based on and is refused over a newer one (0: over whatever is stored).
	Version int64 `json:"version"`
}

// Normalize trims text and fills the default role and attendance.
func (p *Participant) Normalize() {
	p.Name = clean(p.Name)
	p.NIP = NormalizeNIP(p.NIP)
	p.Position = clean(p.Position)
	p.Institution = clean(p.Institution)
	p.Region = strings.TrimSpace(p.Region)
	if p.Role == "" {
		p.Role = Peserta
	}
	if p.Attendance == "" {
		p.Attendance = Hadir
	}
	p.Note = strings.TrimSpace(p.Note)
}

// Validate returns the first problem, naming the field in Indonesian.
func (p Participant) Validate() error {
	if p.Name == "" {
		return fault.New(fault.Required, "participant.name")
	}
	if err := CheckNIP(p.NIP, time.Now()); err != nil {
		return err
	}
	if p.Region != "" {
		if _, ok := region.Default().Lookup(p.Region); !ok {
			return fault.New(fault.UnknownRegion, "participant.region", "code", p.Region)
		}
	}
	switch p.Role {
	case Pimpinan, Narasumber, Peserta, Notulis:
	default:
		return fault.Choose("participant.role", roleWords...)
	}
	switch p.Attendance {
	case Hadir, TidakHadir, Diwakili:
	default:
		return fault.Choose("participant.attendance", attendanceWords...)
	}
	return nil
}

const participantCols = `id, meeting_id, name, nip, position, institution, region_code, role, attendance, note, sort_order, version`

func scanParticipant(row interface{ Scan(...any) error }) (Participant, error) {
	var p Participant
	err := row.Scan(&p.ID, &p.MeetingID, &p.Name, &p.NIP, &p.Position, &p.Institution, &p.Region, &p.Role, &p.Attendance,
		&p.Note, &p.SortOrder, &p.Version)
	return p, err
}

// Participants lists a meeting's participants in list order.
func Participants(ctx context.Context, s *store.Store, meetingID int64) ([]Participant, error) {
	out, err := store.QueryAll(ctx, s.Read(), scanParticipant, "SELECT "+participantCols+
		" FROM meeting_participant WHERE meeting_id = ? ORDER BY sort_order, id", meetingID)
	if err != nil {
		return nil, fmt.Errorf("rakor: participants: %w", err)
	}
	return out, nil
}

// AddParticipants is the one way participants are added: it normalizes and
// validates every one, then adds them all to the end of the meeting's list
// in one transaction. If any is invalid it returns a *BatchError naming each
// (Line = position in ps, from 1) and adds nothing.
func AddParticipants(ctx context.Context, w store.Writer, meetingID int64, ps []Participant) ([]Participant, error) {
	out := make([]Participant, len(ps))
	var bad []LineError
	for i, p := range ps {
		p.Normalize()
		if err := p.Validate(); err != nil {
			bad = append(bad, LineError{Line: i + 1, Err: err})
		}
		p.ID, p.MeetingID = 0, meetingID
		out[i] = p
	}
	if len(bad) > 0 {
		return nil, &BatchError{Lines: bad}
	}
	err := w.Tx(ctx, func(tx *sql.Tx) error {
		if err := lockMeeting(ctx, tx, meetingID); err != nil {
			return err
		}
		var next int
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(max(sort_order), 0) FROM meeting_participant WHERE meeting_id = ?",
			meetingID).Scan(&next); err != nil {
			return fmt.Errorf("rakor: add participants: %w", err)
		}
		for i := range out {
			next++
			out[i].SortOrder = next
			id, err := putParticipant(ctx, tx, out[i])
			if err != nil {
				return err
			}
			out[i].ID = id
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SaveParticipant is the one way one participant is written: it normalizes,
// validates and updates it, or adds it to the end of the list when ID is 0.
func SaveParticipant(ctx context.Context, w store.Writer, p Participant) (Participant, error) {
	if p.ID == 0 {
		added, err := AddParticipants(ctx, w, p.MeetingID, []Participant{p})
		if be, ok := ErrBatch(err); ok {
			return Participant{}, be.Lines[0].Err
		}
		if err != nil {
			return Participant{}, err
		}
		return added[0], nil
	}
	return save(ctx, w, p, putParticipant, getParticipant)
}

func getParticipant(ctx context.Context, q querier, id int64) (Participant, error) {
	p, err := scanParticipant(q.QueryRowContext(ctx, "SELECT "+participantCols+" FROM meeting_participant WHERE id = ?", id))
	if err != nil {
		return Participant{}, store.NoRow(err, notFound("participant.id"), "rakor: get participant")
	}
	return p, nil
}

// putParticipant writes an already validated participant inside tx and
// returns its id. An update keeps the participant in its meeting.
func putParticipant(ctx context.Context, tx *sql.Tx, p Participant) (int64, error) {
	if p.ID == 0 {
		newID, err := store.Insert(ctx, tx, `INSERT INTO meeting_participant(meeting_id, name, nip, position, institution, region_code,
role, attendance, note, sort_order) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.MeetingID, p.Name, p.NIP, p.Position, p.Institution, p.Region, p.Role, p.Attendance, p.Note, p.SortOrder)
		if err != nil {
			return 0, fmt.Errorf("rakor: insert participant: %w", err)
		}
		return newID, nil
	}
	err := guardedUpdate(ctx, tx, "meeting_participant", "participant.id", p.ID, p.Version, `UPDATE meeting_participant
SET name = ?, nip = ?, position = ?, institution = ?, region_code = ?, role = ?, attendance = ?, note = ?,
sort_order = CASE WHEN ? > 0 THEN ? ELSE sort_order END, version = version + 1 WHERE id = ? AND version = ?`,
		[]any{p.Name, p.NIP, p.Position, p.Institution, p.Region, p.Role, p.Attendance, p.Note, p.SortOrder, p.SortOrder},
		getParticipant, func(x Participant) int64 { return x.Version }, func(old Participant) bool {
			return old.Name == p.Name && old.NIP == p.NIP && old.Position == p.Position && old.Institution == p.Institution &&
				old.Region == p.Region && old.Role == p.Role && old.Attendance == p.Attendance && old.Note == p.Note &&
				(p.SortOrder <= 0 || old.SortOrder == p.SortOrder)
		})
	if err != nil {
		return 0, err
	}
	return p.ID, nil
}

// DeleteParticipant removes one participant.
func DeleteParticipant(ctx context.Context, w store.Writer, id int64) error {
	return deleteRow(ctx, w, "meeting_participant", "participant.id", id)
}

// InstitutionCount is how many people an institution sent.
type InstitutionCount struct {
	Institution string `json:"institution"` // "" for participants without one
	Total       int    `json:"total"`
	Present     int    `json:"present"` // hadir or diwakili
}

// CountByInstitution counts a meeting's participants per institution, the
// largest first.
func CountByInstitution(ctx context.Context, s *store.Store, meetingID int64) ([]InstitutionCount, error) {
	out, err := store.QueryAll(ctx, s.Read(), func(row store.Row) (InstitutionCount, error) {
		var c InstitutionCount
		err := row.Scan(&c.Institution, &c.Total, &c.Present)
		return c, err
	}, `
SELECT institution, count(*), sum(CASE WHEN attendance <> 'tidak_hadir' THEN 1 ELSE 0 END)
FROM meeting_participant WHERE meeting_id = ?
GROUP BY institution ORDER BY count(*) DESC, lower(institution), institution`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("rakor: count by institution: %w", err)
	}
	return out, nil
}
