package rakor

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"selaras/backend/fault"
	"selaras/backend/store"
)

// Attendance signed on a phone: a participant fills in the Daftar Hadir in
// the meeting room (name, NIP, position, institution, region) and signs it
// with a finger. They are matched to the participant the secretariat listed
// beforehand, by NIP or else by name, so nobody is listed twice; someone
// not listed is added to the end of the list. Each meeting day has its own
// signature, as the paper form has; the first signature of a day stays.

// Arrival is what a participant types and draws on a phone.
type Arrival struct {
	Name        string `json:"name"`
	NIP         string `json:"nip"`
	Position    string `json:"position"`
	Institution string `json:"institution"`
	Region      string `json:"region"`
	Signature   []byte `json:"-"` // PNG as drawn
}

// Lengths a phone may type; a paper form has no more room.
const (
	maxNameLen = 120
	maxTextLen = 200
)

// SignedIn says what a sign-in did.
type SignedIn struct {
	ParticipantID int64  `json:"participantId"`
	Day           string `json:"day"`
	DayNo         int    `json:"dayNo"` // 1 for the meeting's first day
	Added         bool   `json:"added"` // a new line of the list, not listed beforehand
	// Already: this participant had signed this day; nothing was changed.
	Already bool `json:"already"`
}

// Signed is one day a participant signed, without the image.
type Signed struct {
	ID            int64  `json:"id"`
	ParticipantID int64  `json:"participantId"`
	Day           string `json:"day"`
	SignedAt      string `json:"signedAt"` // RFC 3339, UTC
	SHA256        string `json:"sha256"`
}

// MeetingDays lists the days of a meeting, first to last (at most 31: a
// meeting is no longer than a month).
func MeetingDays(m Meeting) []string {
	from, err1 := time.Parse(isoDate, m.StartDate)
	to, err2 := time.Parse(isoDate, m.EndDate)
	if err1 != nil || err2 != nil || to.Before(from) {
		return []string{m.StartDate}
	}
	out := []string{}
	for d := from; !d.After(to) && len(out) < 31; d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format(isoDate))
	}
	return out
}

// DayNo is day's place among the meeting's days, from 1; 0 when it is not one.
func DayNo(m Meeting, day string) int {
	for i, d := range MeetingDays(m) {
		if d == day {
			return i + 1
		}
	}
	return 0
}

// participant is the participant an arrival becomes when it is not in the
// list yet: present, with the role of an ordinary participant.
func (a Arrival) participant() Participant {
	return Participant{Name: a.Name, NIP: a.NIP, Position: a.Position, Institution: a.Institution, Region: a.Region,
		Role: Peserta, Attendance: Hadir}
}

// Normalize trims what was typed, as a participant's fields are trimmed.
func (a *Arrival) Normalize() {
	p := a.participant()
	p.Normalize()
	a.Name, a.NIP, a.Position, a.Institution, a.Region = p.Name, p.NIP, p.Position, p.Institution, p.Region
}

// Validate returns the first problem of what was typed (the signature is
// checked by CheckSignature).
func (a Arrival) Validate() error {
	if err := a.participant().Validate(); err != nil {
		return err
	}
	for _, f := range []struct {
		field, value string
		max          int
	}{{"participant.name", a.Name, maxNameLen}, {"participant.position", a.Position, maxTextLen},
		{"participant.institution", a.Institution, maxTextLen}} {
		if n := len([]rune(f.value)); n > f.max {
			return fault.Reject(f.field, fault.ReasonTooLong, "max", strconv.Itoa(f.max), "count", strconv.Itoa(n))
		}
	}
	return nil
}

// SignIn is the one way a participant signs the Daftar Hadir of a meeting
// for day: it checks what was typed and drawn, then, holding the meeting,
// finds them in its list (by NIP, else by name) or adds them, marks them
// present, and stores the day's signature unless they have signed that day
// already. now is when they signed.
func SignIn(ctx context.Context, w store.Writer, meetingID int64, day string, a Arrival, now time.Time) (SignedIn, error) {
	a.Normalize()
	if err := a.Validate(); err != nil {
		return SignedIn{}, err
	}
	png, err := CheckSignature(a.Signature)
	if err != nil {
		return SignedIn{}, err
	}
	sum := sha256.Sum256(png)
	out := SignedIn{Day: day}
	err = w.Tx(ctx, func(tx *sql.Tx) error {
		if err := lockMeeting(ctx, tx, meetingID); err != nil {
			return err
		}
		m, err := getMeeting(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if out.DayNo = DayNo(m, day); out.DayNo == 0 {
			return fault.New(fault.NotMeetingDay, "attendance.day", "day", day, "start", m.StartDate, "end", m.EndDate)
		}
		p, found, err := matchArrival(ctx, tx, meetingID, a)
		if err != nil {
			return err
		}
		if !found {
			var next int
			if err := tx.QueryRowContext(ctx, "SELECT COALESCE(max(sort_order), 0) FROM meeting_participant WHERE meeting_id = ?",
				meetingID).Scan(&next); err != nil {
				return fmt.Errorf("rakor: sign in: %w", err)
			}
			p = a.participant()
			p.MeetingID, p.SortOrder = meetingID, next+1
			if p.ID, err = putParticipant(ctx, tx, p); err != nil {
				return err
			}
			out.Added = true
		} else if err := arrive(ctx, tx, p, a); err != nil {
			return err
		}
		out.ParticipantID = p.ID
		var have int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM attendance WHERE participant_id = ? AND day = ?", p.ID, day).
			Scan(&have); err != nil {
			return fmt.Errorf("rakor: sign in: %w", err)
		}
		if have > 0 {
			out.Already = true
			return nil
		}
		id, err := store.Insert(ctx, tx, "INSERT INTO attendance(participant_id, day, signed_at, sha256) VALUES(?, ?, ?, ?)",
			p.ID, day, now.UTC().Format(time.RFC3339), hex.EncodeToString(sum[:]))
		if err != nil {
			return fmt.Errorf("rakor: sign in: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO attendance_signature(attendance_id, png) VALUES(?, ?)", id, png); err != nil {
			return fmt.Errorf("rakor: sign in: %w", err)
		}
		return nil
	})
	if err != nil {
		return SignedIn{}, err
	}
	return out, nil
}

// matchArrival finds the listed participant an arrival is: the one with
// the same NIP, else the one with the same name (titles and case aside)
// whose NIP, if listed, is the same. Someone listed twice by the same name
// is found as the first of them.
func matchArrival(ctx context.Context, tx *sql.Tx, meetingID int64, a Arrival) (Participant, bool, error) {
	ps, err := store.QueryAll(ctx, tx, scanParticipant, "SELECT "+participantCols+
		" FROM meeting_participant WHERE meeting_id = ? ORDER BY sort_order, id", meetingID)
	if err != nil {
		return Participant{}, false, fmt.Errorf("rakor: sign in: %w", err)
	}
	if a.NIP != "" {
		for _, p := range ps {
			if p.NIP == a.NIP {
				return p, true, nil
			}
		}
	}
	key := NameKey(a.Name)
	for _, p := range ps {
		if NameKey(p.Name) == key && (p.NIP == "" || a.NIP == "" || p.NIP == a.NIP) {
			return p, true, nil
		}
	}
	return Participant{}, false, nil
}

// arrive marks a listed participant present and fills in what the list
// lacked from what they typed; what the secretariat wrote is never
// overwritten from a phone.
func arrive(ctx context.Context, tx *sql.Tx, p Participant, a Arrival) error {
	fill := func(have *string, typed string) {
		if *have == "" {
			*have = typed
		}
	}
	q := p
	fill(&q.NIP, a.NIP)
	fill(&q.Position, a.Position)
	fill(&q.Institution, a.Institution)
	fill(&q.Region, a.Region)
	q.Attendance = Hadir
	if q == p {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE meeting_participant SET nip = ?, position = ?, institution = ?, region_code = ?,
attendance = ?, version = version + 1 WHERE id = ?`, q.NIP, q.Position, q.Institution, q.Region, q.Attendance, q.ID)
	if err != nil {
		return fmt.Errorf("rakor: sign in: %w", err)
	}
	return nil
}

var (
	// leadingTitles are written before a name: Drs. Jasmono, Hj. Riza.
	leadingTitles = regexp.MustCompile(`(?i)^(?:(?:prof|dr|drs|dra|ir|h|hj|kh|st|r|rr)\.?\s+)+`)
	notLetter     = regexp.MustCompile(`[^\p{L}\p{N}]+`)
)

// NameKey is a name as two people write it alike: without academic titles
// before it (Drs., Dr., Ir., H., Hj.) or after a comma (M.Si, S.E.), in
// lower case, letters and digits only.
func NameKey(name string) string {
	name = clean(name)
	if i := strings.IndexByte(name, ','); i > 0 {
		name = name[:i]
	}
	name = leadingTitles.ReplaceAllString(name, "")
	return strings.TrimSpace(notLetter.ReplaceAllString(strings.ToLower(name), " "))
}

// Attendances lists the days a meeting's participants signed, in list
// order, without the images.
func Attendances(ctx context.Context, s *store.Store, meetingID int64) ([]Signed, error) {
	out, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (Signed, error) {
		var x Signed
		return x, r.Scan(&x.ID, &x.ParticipantID, &x.Day, &x.SignedAt, &x.SHA256)
	}, `SELECT a.id, a.participant_id, a.day, a.signed_at, a.sha256 FROM attendance a
JOIN meeting_participant p ON p.id = a.participant_id WHERE p.meeting_id = ? ORDER BY p.sort_order, p.id, a.day`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("rakor: attendances: %w", err)
	}
	return out, nil
}

// Signatures reads the signature images of a meeting's participants:
// participant id -> day -> PNG.
func Signatures(ctx context.Context, s *store.Store, meetingID int64) (map[int64]map[string][]byte, error) {
	rows, err := s.Read().QueryContext(ctx, `SELECT a.participant_id, a.day, g.png FROM attendance a
JOIN attendance_signature g ON g.attendance_id = a.id
JOIN meeting_participant p ON p.id = a.participant_id WHERE p.meeting_id = ?`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("rakor: signatures: %w", err)
	}
	defer rows.Close()
	out := map[int64]map[string][]byte{}
	for rows.Next() {
		var id int64
		var day string
		var png []byte
		if err := rows.Scan(&id, &day, &png); err != nil {
			return nil, fmt.Errorf("rakor: signatures: %w", err)
		}
		if out[id] == nil {
			out[id] = map[string][]byte{}
		}
		out[id][day] = png
	}
	return out, rows.Err()
}

// Signature reads one day's signature of a participant.
func Signature(ctx context.Context, s *store.Store, participantID int64, day string) ([]byte, error) {
	var png []byte
	err := s.Read().QueryRowContext(ctx, `SELECT g.png FROM attendance a JOIN attendance_signature g ON g.attendance_id = a.id
WHERE a.participant_id = ? AND a.day = ?`, participantID, day).Scan(&png)
	if err != nil {
		return nil, store.NoRow(err, notFound("attendance.signature"), "rakor: signature")
	}
	return png, nil
}
