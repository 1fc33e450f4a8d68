package room

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"selaras/backend/fault"
	"selaras/backend/rakor"
)

// View is what a phone sees of the meeting, read-only and in Indonesian:
// the meeting, its agenda and its decisions as typed and agreed, whether
// today is a day to sign, and whether the Kesepakatan may be downloaded.
// It holds nothing about the participants.
type View struct {
	Title     string         `json:"title"`
	Kind      string         `json:"kind"`  // "Rapat Koordinasi"
	Dates     string         `json:"dates"` // "Jumat, 23 Februari 2024"
	Venue     string         `json:"venue"`
	Organiser string         `json:"organiser"`
	Day       string         `json:"day"`     // today, ISO
	DayName   string         `json:"dayName"` // today, in words
	DayNo     int            `json:"dayNo"`   // today's place among the meeting's days, 0: not a meeting day
	Days      int            `json:"days"`    // how many days the meeting has
	OpensOn   string         `json:"opensOn"` // the first day, in words, when today is before it
	Agenda    []AgendaView   `json:"agenda"`  // in order
	Decisions []DecisionView `json:"decisions"`
	Downloads bool           `json:"downloads"`
	Version   string         `json:"version"` // changes whenever anything above does
}

// AgendaView is one agenda item.
type AgendaView struct {
	No        int    `json:"no"`
	Title     string `json:"title"`
	Presenter string `json:"presenter"`
	Time      string `json:"time"` // "09.00–10.30"
	Day       string `json:"day"`  // in words, for a meeting of several days
	Current   bool   `json:"current"`
}

// DecisionView is one decision as typed and agreed.
type DecisionView struct {
	No        int    `json:"no"`
	Text      string `json:"text"`
	Owner     string `json:"owner"`
	Due       string `json:"due"` // "31 Maret 2025"
	Status    string `json:"status"`
	NotAgreed bool   `json:"notAgreed"`
	Reason    string `json:"reason"` // why it was not agreed
}

// read reads what phones see, and how many participants signed today.
func (r *Room) read(ctx context.Context) (View, int, error) {
	m, err := rakor.GetMeeting(ctx, r.s, r.opt.MeetingID)
	if err != nil {
		return View{}, 0, err
	}
	agenda, err := rakor.Agenda(ctx, r.s, m.ID)
	if err != nil {
		return View{}, 0, err
	}
	decisions, err := rakor.Decisions(ctx, r.s, m.ID)
	if err != nil {
		return View{}, 0, err
	}
	now := r.opt.Now()
	today := now.Format("2006-01-02")
	days := rakor.MeetingDays(m)
	v := View{Title: m.Title, Kind: rakor.KindNames[m.Kind], Dates: dateRange(m.StartDate, m.EndDate), Venue: m.Venue,
		Organiser: m.Organiser, Day: today, DayName: dayDate(today), DayNo: rakor.DayNo(m, today), Days: len(days),
		Agenda: []AgendaView{}, Decisions: []DecisionView{}, Downloads: r.downloads.Load()}
	if today < m.StartDate {
		v.OpensOn = dayDate(m.StartDate)
	}
	clock := now.Format("15.04")
	for i, a := range agenda {
		it := AgendaView{No: i + 1, Title: a.Title, Presenter: a.Presenter, Time: strings.Trim(a.StartTime+"–"+a.EndTime, "–")}
		if a.Day != "" && len(days) > 1 {
			it.Day = dayDate(a.Day)
		}
		on := a.Day == "" || a.Day == today
		it.Current = v.DayNo > 0 && on && a.StartTime != "" && a.EndTime != "" && a.StartTime <= clock && clock < a.EndTime
		v.Agenda = append(v.Agenda, it)
	}
	for _, d := range decisions {
		it := DecisionView{No: d.Number, Text: d.Text, Owner: rakor.DecisionOwner(d), Status: fault.ValueLabel("decision.status", string(d.Status), fault.ID),
			NotAgreed: d.NotAgreed, Reason: d.NotAgreedReason}
		if d.DueDate != "" {
			it.Due = longDate(d.DueDate)
		}
		v.Decisions = append(v.Decisions, it)
	}
	var signed int
	if err := r.s.Read().QueryRowContext(ctx, `SELECT count(*) FROM attendance a JOIN meeting_participant p ON p.id = a.participant_id
WHERE p.meeting_id = ? AND a.day = ?`, m.ID, today).Scan(&signed); err != nil {
		return View{}, 0, fmt.Errorf("room: signed: %w", err)
	}
	v.Version = versionOf(v)
	return v, signed, nil
}

func versionOf(v View) string {
	v.Version = ""
	b, _ := json.Marshal(v)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// feed hands the newest view to every follower. A follower that has not
// taken the last one gets only the newest: each is whole, so none need be
// delivered that a newer one replaces.
type feed struct {
	mu   sync.Mutex
	cur  View
	body []byte
	subs map[chan []byte]struct{}
	// closing is closed as the room closes, so each follower is told why
	// before its connection ends (why holds the reason).
	closing  chan struct{}
	shutOnce sync.Once
	why      CloseReason
}

func newFeed() *feed { return &feed{subs: map[chan []byte]struct{}{}, closing: make(chan struct{})} }

// shut tells the followers the room is closing, and why.
func (f *feed) shut(why CloseReason) {
	f.shutOnce.Do(func() {
		f.mu.Lock()
		f.why = why
		f.mu.Unlock()
		close(f.closing)
	})
}

func (f *feed) reason() CloseReason {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.why
}

// publish hands v to the followers when it differs from the last one.
func (f *feed) publish(v View) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if v.Version == f.cur.Version && f.body != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	f.cur, f.body = v, b
	for ch := range f.subs {
		select {
		case <-ch: // drop the one not taken: this one replaces it
		default:
		}
		ch <- b
	}
}

func (f *feed) view() View {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cur
}

func (f *feed) current() []byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.body
}

// follow subscribes to the views; the channel holds the current one
// already. stop unsubscribes.
func (f *feed) follow() (<-chan []byte, func()) {
	ch := make(chan []byte, 1)
	f.mu.Lock()
	f.subs[ch] = struct{}{}
	if f.body != nil {
		ch <- f.body
	}
	f.mu.Unlock()
	return ch, func() {
		f.mu.Lock()
		delete(f.subs, ch)
		f.mu.Unlock()
	}
}

// Indonesian dates, as the printed record writes them.
func longDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return fmt.Sprintf("%d %s %d", t.Day(), rakor.MonthNames[t.Month()-1], t.Year())
}

func dayDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return rakor.DayNames[t.Weekday()] + ", " + longDate(iso)
}

func dateRange(from, to string) string {
	if to == "" || to == from {
		return dayDate(from)
	}
	return dayDate(from) + " s.d. " + dayDate(to)
}
