package xlsx

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/profile"
	"selaras/backend/rakor"
	"selaras/backend/region"
	"selaras/backend/store"
)

// Rakor is what the rakor sheets show: one meeting, or with Meeting nil the
// decision register and the challenges of every meeting.
type Rakor struct {
	Meeting      *rakor.Meeting
	Participants []rakor.Participant
	Register     []rakor.Entry
	Challenges   []rakor.Challenge
	Categories   map[string]string // code -> name
	Numbers      map[int64]int     // decision id -> its number, for challenge links
}

// LoadRakor reads a meeting's records (meetingID 0: every meeting's).
func LoadRakor(ctx context.Context, s *store.Store, meetingID int64) (Rakor, error) {
	var r Rakor
	if meetingID != 0 {
		m, err := rakor.GetMeeting(ctx, s, meetingID)
		if err != nil {
			return r, err
		}
		r.Meeting = &m
		if r.Participants, err = rakor.Participants(ctx, s, meetingID); err != nil {
			return r, err
		}
	}
	var err error
	if r.Register, err = rakor.Register(ctx, s, rakor.RegisterFilter{MeetingID: meetingID}); err != nil {
		return r, err
	}
	if r.Challenges, err = rakor.Challenges(ctx, s, rakor.ChallengeFilter{MeetingID: meetingID}); err != nil {
		return r, err
	}
	cats, err := rakor.Categories(ctx, s)
	if err != nil {
		return r, err
	}
	r.Categories = map[string]string{}
	for _, c := range cats {
		r.Categories[c.Code] = c.Name
	}
	r.Numbers = map[int64]int{}
	for _, e := range r.Register {
		r.Numbers[e.Decision.ID] = e.Decision.Number
	}
	return r, nil
}

// Indonesian labels, as the app shows them.
var (
	kindNames = map[rakor.Kind]string{
		rakor.Rakor: "Rapat Koordinasi", rakor.Rakortek: "Rapat Koordinasi Teknis", rakor.Rakornis: "Rapat Koordinasi Teknis",
		rakor.Rakorda: "Rapat Koordinasi Daerah", rakor.Lainnya: "Rapat",
	}
	modeNames      = map[rakor.Mode]string{rakor.Luring: "luring (tatap muka)", rakor.Daring: "daring", rakor.Hybrid: "hybrid (luring dan daring)"}
	roleNames      = map[rakor.Role]string{rakor.Pimpinan: "Pimpinan", rakor.Narasumber: "Narasumber", rakor.Peserta: "Peserta", rakor.Notulis: "Notulis"}
	attendanceName = map[rakor.Attendance]string{rakor.Hadir: "Hadir", rakor.TidakHadir: "Tidak hadir", rakor.Diwakili: "Diwakili"}
	statusNames    = map[rakor.Status]string{rakor.Baru: "Baru", rakor.Berjalan: "Berjalan", rakor.Selesai: "Selesai", rakor.Dibatalkan: "Dibatalkan"}
	severityNames  = map[rakor.Severity]string{rakor.Rendah: "Rendah", rakor.Sedang: "Sedang", rakor.Tinggi: "Tinggi"}
	chStatusNames  = map[rakor.ChallengeStatus]string{rakor.ChallengeTerbuka: "Terbuka", rakor.ChallengeDitangani: "Ditangani", rakor.ChallengeSelesai: "Selesai"}
)

// meetingLine is "Rapat ... · Jumat, 23 Februari 2024 · Hotel ..." under a title.
func meetingLine(m rakor.Meeting) string {
	parts := []string{m.Title, dateRange(m.StartDate, m.EndDate)}
	if m.Venue != "" {
		parts = append(parts, m.Venue)
	}
	return strings.Join(parts, " · ")
}

func dateRange(from, to string) string {
	a, err := time.Parse("2006-01-02", from)
	if err != nil {
		return from
	}
	b, err := time.Parse("2006-01-02", to)
	if err != nil || !b.After(a) {
		return DayDate(a)
	}
	return DayDate(a) + " s.d. " + DayDate(b)
}

func regionName(code string) string {
	if r, ok := region.Default().Lookup(code); ok {
		return r.Name
	}
	return code
}

// writeAttendance adds the Daftar Hadir of a meeting, with a signature
// column numbered left and right the way paper lists are signed.
func writeAttendance(ctx context.Context, f *excelize.File, st *styles, r Rakor, p profile.Profile, now time.Time) error {
	if r.Meeting == nil {
		return nil
	}
	fm, err := newForm(f, st, p, formSpec{
		Sheet:  "Daftar Hadir",
		Titles: []string{"DAFTAR HADIR", meetingLine(*r.Meeting)},
		Cols: []column{{Head: "No", Width: 5}, {Head: "Nama", Width: 28}, {Head: "Jabatan", Width: 28}, {Head: "Instansi", Width: 32},
			{Head: "Kabupaten/Kota", Width: 22}, {Head: "Peran", Width: 12}, {Head: "Kehadiran", Width: 12}, {Head: "Tanda Tangan", Width: 24}},
		FreezeCols: 2,
	})
	if err != nil {
		return err
	}
	for i, x := range r.Participants {
		sign := excelize.Cell{StyleID: st.text, Value: fmt.Sprintf("%d.", i+1)}
		if i%2 == 1 {
			sign.StyleID = st.textRight // the right-hand half of the box
		}
		reg := ""
		if x.Region != "" {
			reg = regionName(x.Region)
		}
		cells := []interface{}{
			excelize.Cell{StyleID: st.text, Value: i + 1}, fm.text(x.Name), fm.text(x.Position), fm.text(x.Institution),
			fm.text(reg), fm.text(roleNames[x.Role]), fm.text(attendanceName[x.Attendance]), sign,
		}
		if _, err := fm.body(cells, max(fm.fit(cells), 26)); err != nil { // room to sign
			return err
		}
	}
	if len(r.Participants) == 0 {
		if err := fm.band("Daftar hadir belum diisi.", st.text); err != nil {
			return err
		}
	}
	return fm.close(ctx, meetingEnd(*r.Meeting), 7)
}

// writeDecisions adds the Kesepakatan sheet: the decisions of a meeting, or
// the register of every meeting with the meeting named on each row.
func writeDecisions(ctx context.Context, f *excelize.File, st *styles, r Rakor, p profile.Profile, now time.Time) error {
	cols := []column{{Head: "No", Width: 5}}
	title := "Register kesepakatan seluruh rapat koordinasi"
	if r.Meeting != nil {
		title = meetingLine(*r.Meeting)
	} else {
		cols = append(cols, column{Head: "Rapat", Width: 24})
	}
	cols = append(cols, []column{{Head: "Kesepakatan", Width: 36}, {Head: "Penanggung Jawab", Width: 20},
		{Head: "Batas Waktu", Width: 16}, {Head: "Status", Width: 11}, {Head: "Terlambat (hari)", Width: 10},
		{Head: "Tindak Lanjut", Width: 16}, {Head: "Catatan", Width: 22}}...)
	fm, err := newForm(f, st, p, formSpec{Sheet: "Kesepakatan", Titles: []string{"KESEPAKATAN DAN TINDAK LANJUT", title}, Cols: cols, FreezeCols: 1})
	if err != nil {
		return err
	}
	for _, e := range r.Register {
		d := e.Decision
		cells := []interface{}{excelize.Cell{StyleID: st.text, Value: d.Number}}
		if r.Meeting == nil {
			cells = append(cells, fm.text(e.MeetingTitle+" ("+LongDate(mustDate(e.MeetingDate))+")"))
		}
		owner := []string{}
		if d.OwnerRegion != "" {
			owner = append(owner, regionName(d.OwnerRegion))
		}
		if d.OwnerUnit != "" {
			owner = append(owner, d.OwnerUnit)
		}
		status := statusNames[d.Status]
		if d.NotAgreed {
			status = "Belum disepakati"
		}
		late := excelize.Cell{StyleID: st.count[0]}
		if e.Overdue {
			late.Value = e.DaysOverdue
		}
		follow := "–"
		if e.FollowUps > 0 {
			follow = fmt.Sprintf("%d kali, terakhir %s", e.FollowUps, LongDate(mustDate(e.LastFollowUp)))
		}
		cells = append(cells, fm.text(d.Text), fm.text(strings.Join(owner, ", ")), fm.date(d.DueDate), fm.text(status), late,
			fm.text(follow), fm.text(sentences(d.Note, d.CancelReason, d.NotAgreedReason)))
		if _, err := fm.body(cells, 0); err != nil {
			return err
		}
	}
	if len(r.Register) == 0 {
		if err := fm.band("Belum ada kesepakatan yang dicatat.", st.text); err != nil {
			return err
		}
	}
	return fm.close(ctx, r.signed(now), len(cols)-2)
}

// writeChallenges adds the Permasalahan sheet.
func writeChallenges(ctx context.Context, f *excelize.File, st *styles, r Rakor, p profile.Profile, now time.Time) error {
	title := "Seluruh rapat koordinasi"
	if r.Meeting != nil {
		title = meetingLine(*r.Meeting)
	}
	fm, err := newForm(f, st, p, formSpec{
		Sheet:  "Permasalahan",
		Titles: []string{"PERMASALAHAN DAN USULAN PEMECAHAN", title},
		Cols: []column{{Head: "No", Width: 5}, {Head: "Kategori", Width: 16}, {Head: "Permasalahan", Width: 38}, {Head: "Wilayah", Width: 16},
			{Head: "Tingkat", Width: 9}, {Head: "Usulan Pemecahan", Width: 34}, {Head: "Status", Width: 10},
			{Head: "Disampaikan Oleh", Width: 18}, {Head: "Kesepakatan Terkait", Width: 12}},
		FreezeCols: 2,
	})
	if err != nil {
		return err
	}
	for i, c := range r.Challenges {
		reg := ""
		if c.Region != "" {
			reg = regionName(c.Region)
		}
		var nums []string
		for _, id := range c.DecisionIDs {
			if n, ok := r.Numbers[id]; ok {
				nums = append(nums, "No. "+strconv.Itoa(n))
			}
		}
		if _, err := fm.body([]interface{}{
			excelize.Cell{StyleID: st.text, Value: i + 1}, fm.text(r.Categories[c.Category]), fm.text(c.Description), fm.text(reg),
			fm.text(severityNames[c.Severity]), fm.text(c.Solution), fm.text(chStatusNames[c.Status]), fm.text(c.RaisedBy),
			fm.text(strings.Join(nums, ", ")),
		}, 0); err != nil {
			return err
		}
	}
	if len(r.Challenges) == 0 {
		if err := fm.band("Belum ada permasalahan yang dicatat.", st.text); err != nil {
			return err
		}
	}
	return fm.close(ctx, r.signed(now), 6)
}

// writeMinutes adds the Berita Acara of a meeting: the opening sentence with
// the date in words, the agreed decisions, what was not agreed and why,
// then the head of office's signature. The attendance list and the register
// are its annexes, on their own sheets.
func writeMinutes(ctx context.Context, f *excelize.File, st *styles, r Rakor, p profile.Profile, now time.Time) error {
	if r.Meeting == nil {
		return nil
	}
	m := *r.Meeting
	kind := kindNames[m.Kind]
	heading := m.Title
	if kind != "" && !strings.HasPrefix(m.Title, kind) {
		heading = kind + " " + m.Title
	}
	fm, err := newForm(f, st, p, formSpec{Sheet: "Berita Acara", Titles: []string{"BERITA ACARA", heading},
		Cols: []column{{Width: 5}, {Width: 84}}, Portrait: true, Prose: true})
	if err != nil {
		return err
	}
	place := m.Venue
	if place == "" {
		place = blank
	}
	present := 0
	for _, x := range r.Participants {
		if x.Attendance != rakor.TidakHadir {
			present++
		}
	}
	if present == 0 {
		present = m.Headcount
	}
	opening := fmt.Sprintf("Pada hari ini %s, bertempat di %s, telah dilaksanakan %s secara %s", SpellDate(m.StartDate), place, m.Title, modeNames[m.Mode])
	if m.Organiser != "" {
		opening += ", diselenggarakan oleh " + m.Organiser
	}
	if m.Theme != "" {
		opening += ", dengan tema “" + m.Theme + "”"
	}
	opening += fmt.Sprintf(", dihadiri oleh %d orang peserta sebagaimana tercantum dalam lembar Daftar Hadir.", present)

	var agreed, notAgreed []rakor.Decision
	for _, e := range r.Register {
		switch {
		case e.Decision.NotAgreed:
			notAgreed = append(notAgreed, e.Decision)
		case e.Decision.Status != rakor.Dibatalkan:
			agreed = append(agreed, e.Decision)
		}
	}
	para := func(text string, lines float64) error { return fm.bandHeight(text, st.paragraph, lineHeight*lines) }
	if err := para(opening, estimateLines(opening)); err != nil {
		return err
	}
	if err := para("Rapat menghasilkan kesepakatan sebagai berikut:", 1); err != nil {
		return err
	}
	item := func(no string, text string) error {
		_, err := fm.body([]interface{}{
			excelize.Cell{StyleID: st.paragraph, Value: no},
			excelize.Cell{StyleID: st.paragraph, Value: text},
		}, lineHeight*estimateLines(text))
		return err
	}
	for i, d := range agreed {
		if err := item(fmt.Sprintf("%d.", i+1), d.Text); err != nil {
			return err
		}
	}
	if len(agreed) == 0 {
		if err := para("Tidak ada kesepakatan yang dicatat.", 1); err != nil {
			return err
		}
	}
	if len(notAgreed) > 0 {
		fm.skip(1)
		if err := para("Hal yang belum disepakati:", 1); err != nil {
			return err
		}
		for i, d := range notAgreed {
			text := d.Text
			if d.NotAgreedReason != "" {
				text += " (alasan: " + d.NotAgreedReason + ")"
			}
			if err := item(fmt.Sprintf("%d.", i+1), text); err != nil {
				return err
			}
		}
	}
	end := fm.closing()
	fm.skip(1)
	closing := "Rincian penanggung jawab dan batas waktu tercantum dalam lembar Kesepakatan. Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya."
	if err := para(closing, 2); err != nil {
		return err
	}
	return fm.closeWith(ctx, end, meetingEnd(m), 2)
}

// signed is the date on a rakor sheet: every document of a meeting carries
// its last day; the register of every meeting is dated when exported.
func (r Rakor) signed(now time.Time) time.Time {
	if r.Meeting == nil {
		return now
	}
	return meetingEnd(*r.Meeting)
}

// meetingEnd is the date the meeting's documents are signed.
func meetingEnd(m rakor.Meeting) time.Time {
	if m.EndDate != "" {
		return mustDate(m.EndDate)
	}
	return mustDate(m.StartDate)
}

// estimateLines guesses how many lines text wraps to in the wide column, so
// rows are tall enough without Excel's autofit (which streaming skips).
func estimateLines(text string) float64 {
	return float64(len([]rune(text))/90 + 1)
}

func mustDate(iso string) time.Time {
	t, _ := time.Parse("2006-01-02", iso)
	return t
}
