package xlsx

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"selaras/backend/fault"
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
	Categories   map[string]string   // code -> name
	Numbers      map[int64]int       // decision id -> its number, for challenge links
	Record       rakor.MeetingRecord // the meeting's record: the Berita Acara's content and numbering
	// Signatures drawn on phones: participant id -> meeting day -> PNG.
	Signatures map[int64]map[string][]byte
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
		if r.Signatures, err = rakor.Signatures(ctx, s, meetingID); err != nil {
			return r, err
		}
		if r.Record, err = rakor.BuildRecord(ctx, s, meetingID); err != nil {
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

// The attendance words are the catalogue's, in Indonesian like the rest of
// the document.
var attendanceName = map[rakor.Attendance]string{rakor.Hadir: fault.Say(fault.ID, fault.AttendancePresent),
	rakor.TidakHadir: fault.Say(fault.ID, fault.AttendanceAbsent), rakor.Diwakili: fault.Say(fault.ID, fault.AttendanceRepresented)}

// valueWord is a stored value of a field ("participant.role", "notulis") in
// the catalogue's Indonesian word, as the app shows it.
func valueWord[V ~string](field string, v V) string {
	return fault.ValueLabel(field, string(v), fault.ID)
}

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
// column numbered left and right the way paper lists are signed, one per
// day for a meeting of several days. A participant who signed on a phone
// has that day's signature drawn in the cell; one who signs on paper finds
// the cell empty but for its number.
func writeAttendance(ctx context.Context, f *excelize.File, st *styles, r Rakor, p profile.Profile, now time.Time) error {
	if r.Meeting == nil {
		return nil
	}
	days := rakor.MeetingDays(*r.Meeting)
	cols := []column{{Head: "No", Width: 5}, {Head: "Nama / NIP", Width: 28}, {Head: "Jabatan", Width: 28}, {Head: "Instansi", Width: 32},
		{Head: "Kabupaten/Kota", Width: 22}, {Head: "Peran", Width: 12}, {Head: "Kehadiran", Width: 12}}
	if len(days) == 1 {
		cols = append(cols, column{Head: "Tanda Tangan", Width: 24})
	} else {
		// Narrower text columns leave room for a signature a day: a meeting
		// of three days still prints one page across on A4.
		for i, w := range []float64{5, 24, 20, 24, 18, 11, 10} {
			cols[i].Width = w
		}
		for i, d := range days {
			cols = append(cols, column{Group: "Tanda Tangan", Head: fmt.Sprintf("Hari %d (%s)", i+1, shortDate(d)), Width: 16})
		}
	}
	fm, err := newForm(f, st, p, formSpec{
		Sheet:      "Daftar Hadir",
		Titles:     []string{"DAFTAR HADIR", meetingLine(*r.Meeting)},
		Cols:       cols,
		FreezeCols: 2,
	})
	if err != nil {
		return err
	}
	// Rows are a little taller where signatures are drawn, so a signature
	// prints as tall as one written on paper.
	height := 26.0
	if len(r.Signatures) > 0 {
		height = 30
	}
	signFrom := len(cols) - len(days) + 1 // the first signature column, from 1
	var pics []signaturePic
	for i, x := range r.Participants {
		reg := ""
		if x.Region != "" {
			reg = regionName(x.Region)
		}
		name := x.Name
		if x.NIP != "" {
			name += "\nNIP " + spacedNIP(x.NIP)
		}
		cells := []interface{}{
			excelize.Cell{StyleID: st.no, Value: i + 1}, fm.text(name), fm.text(x.Position), fm.text(x.Institution),
			fm.text(reg), fm.text(valueWord("participant.role", x.Role)), fm.text(attendanceName[x.Attendance]),
		}
		for d, day := range days {
			sign := excelize.Cell{StyleID: st.text, Value: fmt.Sprintf("%d.", i+1)}
			if i%2 == 1 {
				sign.StyleID = st.textRight // the right-hand half of the box
			}
			cells = append(cells, sign)
			if png := r.Signatures[x.ID][day]; png != nil {
				pics = append(pics, signaturePic{col: signFrom + d, row: fm.row, right: i%2 == 1, png: png})
			}
		}
		if _, err := fm.body(cells, max(fm.fit(cells), height)); err != nil { // room to sign
			return err
		}
		pics = fitPics(pics, cols, max(fm.fit(cells), height))
	}
	if len(r.Participants) == 0 {
		if err := fm.band("Daftar hadir belum diisi.", st.text); err != nil {
			return err
		}
	}
	// Pictures go in before the sheet is flushed: the streamed worksheet
	// is still the one the drawing is attached to.
	for _, pic := range pics {
		if err := f.AddPictureFromBytes(fm.sheet, cellName(pic.col, pic.row), &excelize.Picture{Extension: ".png", File: pic.png,
			Format: &excelize.GraphicOptions{Positioning: "oneCell", ScaleX: pic.scale, ScaleY: pic.scale, OffsetX: pic.x, OffsetY: pic.y,
				LockAspectRatio: true, PrintObject: boolPtr(true), AltText: "Tanda tangan"}}); err != nil {
			return fmt.Errorf("xlsx: signature: %w", err)
		}
	}
	return fm.close(ctx, r.signed(now), 7)
}

// signaturePic is a signature to draw in a cell, beside its number: to
// the right of a number on the left, to the left of one on the right.
type signaturePic struct {
	col, row int
	right    bool
	png      []byte
	placed   bool
	scale    float64
	x, y     int
}

// fitPics sizes and places the pictures of the row just written (those not
// yet placed) inside their cells of height points.
func fitPics(pics []signaturePic, cols []column, height float64) []signaturePic {
	for i := range pics {
		p := &pics[i]
		if p.placed {
			continue
		}
		p.placed = true
		cfg, err := png.DecodeConfig(bytes.NewReader(p.png))
		if err != nil || cfg.Width == 0 || cfg.Height == 0 {
			p.scale = 0
			continue
		}
		// Pixels at 96 dpi: a column of w characters is 7w+5 px, a point 4/3 px.
		const number, pad = 22, 3
		cellW := float64(cols[p.col-1].Width*7 + 5)
		cellH := height * 4 / 3
		availW, availH := cellW-number-2*pad, cellH-2*pad
		p.scale = min(availW/float64(cfg.Width), availH/float64(cfg.Height))
		w, h := float64(cfg.Width)*p.scale, float64(cfg.Height)*p.scale
		p.y = int(pad + (availH-h)/2)
		p.x = number + pad + int((availW-w)/2)
		if p.right {
			p.x = pad + int((availW-w)/2)
		}
	}
	return pics
}

func boolPtr(b bool) *bool { return &b }

// shortDate is "20/2" for a day column's heading.
func shortDate(iso string) string {
	t := mustDate(iso)
	return fmt.Sprintf("%d/%d", t.Day(), int(t.Month()))
}

// spacedNIP writes a NIP in its parts, as printed on an ID card:
// 19850312 201001 1 005.
func spacedNIP(nip string) string {
	if len(nip) != 18 {
		return nip
	}
	return nip[:8] + " " + nip[8:14] + " " + nip[14:15] + " " + nip[15:]
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
		status := valueWord("decision.status", d.Status)
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
		cells = append(cells, fm.text(d.Text), fm.text(rakor.DecisionOwner(d)), fm.date(d.DueDate), fm.text(status), late,
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
			excelize.Cell{StyleID: st.no, Value: i + 1}, fm.text(r.Categories[c.Category]), fm.text(c.Description), fm.text(reg),
			fm.text(valueWord("challenge.severity", c.Severity)), fm.text(c.Solution), fm.text(valueWord("challenge.status", c.Status)), fm.text(c.RaisedBy),
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
	rec := r.Record
	fm, err := newForm(f, st, p, formSpec{Sheet: "Berita Acara", Titles: []string{"BERITA ACARA", rec.Heading},
		Cols: []column{{Width: 5}, {Width: 44}, {Width: 24}, {Width: 16}}, Portrait: true, Prose: true})
	if err != nil {
		return err
	}
	para := func(text string) error { return fm.bandHeight(text, st.paragraph, lineHeight*estimateLines(text)) }
	// item is a numbered line: its number, the text over the other columns.
	item := func(no int, text string) error {
		r, err := fm.body([]interface{}{
			excelize.Cell{StyleID: st.paragraph, Value: fmt.Sprintf("%d.", no)},
			excelize.Cell{StyleID: st.paragraph, Value: text},
		}, lineHeight*estimateLines(text))
		if err != nil {
			return err
		}
		return fm.sw.MergeCell(cellName(2, r), cellName(4, r))
	}
	if err := para(rec.Opening); err != nil {
		return err
	}
	if err := para("Rapat menghasilkan kesepakatan sebagai berikut:"); err != nil {
		return err
	}
	for _, it := range rec.Agreed {
		if err := item(it.No, it.Decision.Text); err != nil {
			return err
		}
	}
	if len(rec.Agreed) == 0 {
		if err := para("Tidak ada kesepakatan yang dicatat."); err != nil {
			return err
		}
	}
	end := fm.closing()
	fm.skip(1)
	if err := para(rec.Closing); err != nil {
		return err
	}
	if err := fm.sign(end, mustDate(rec.SignDate), 3); err != nil {
		return err
	}
	if err := fm.annexes(rec); err != nil {
		return err
	}
	return fm.flush()
}

// annexes writes the Berita Acara's Lampiran, each from a new page:
// I who was present, II what was agreed (numbered as in the body), III
// what was not.
func (fm *form) annexes(rec rakor.MeetingRecord) error {
	st := fm.st
	table := func(title string, heads []string, rows [][]string, empty string) error {
		if err := fm.f.InsertPageBreak(fm.sheet, cellName(1, fm.row)); err != nil {
			return fmt.Errorf("xlsx: page break: %w", err)
		}
		if err := fm.bandHeight(title, st.title, 18); err != nil {
			return err
		}
		fm.skip(1)
		head := make([]interface{}, len(heads))
		for i, h := range heads {
			head[i] = excelize.Cell{StyleID: st.head, Value: h}
		}
		if _, err := fm.add(head, 0); err != nil {
			return err
		}
		for _, r := range rows {
			cells := make([]interface{}, len(r))
			for i, v := range r {
				cells[i] = fm.text(v)
			}
			if _, err := fm.add(cells, 0); err != nil {
				return err
			}
		}
		if len(rows) == 0 {
			return fm.band(empty, st.text)
		}
		return nil
	}
	var present [][]string
	for i, x := range rec.Participants {
		present = append(present, []string{fmt.Sprint(i + 1), x.Name, sentences(x.Position, x.Institution), attendanceName[x.Attendance]})
	}
	if err := table("LAMPIRAN I: DAFTAR HADIR", []string{"No", "Nama", "Jabatan / Instansi", "Kehadiran"}, present, "Daftar hadir belum diisi."); err != nil {
		return err
	}
	var agreed [][]string
	for _, it := range rec.Agreed {
		due := "–"
		if it.Decision.DueDate != "" {
			due = LongDate(mustDate(it.Decision.DueDate))
		}
		agreed = append(agreed, []string{fmt.Sprint(it.No), it.Decision.Text, it.Owner, due})
	}
	if err := table("LAMPIRAN II: KESEPAKATAN", []string{"No", "Kesepakatan", "Penanggung Jawab", "Batas Waktu"}, agreed, "Tidak ada kesepakatan yang dicatat."); err != nil {
		return err
	}
	if len(rec.NotAgreed) == 0 {
		return nil
	}
	var not [][]string
	for _, it := range rec.NotAgreed {
		reason := it.Decision.NotAgreedReason
		if reason == "" {
			reason = "–"
		}
		not = append(not, []string{fmt.Sprint(it.No), it.Decision.Text, reason, ""})
	}
	return table("LAMPIRAN III: HAL YANG BELUM DISEPAKATI", []string{"No", "Usulan", "Alasan Belum Disepakati", ""}, not, "")
}

// signed is the date on a rakor sheet: every document of a meeting carries
// its last day; the register of every meeting is dated when exported.
func (r Rakor) signed(now time.Time) time.Time {
	if r.Meeting == nil {
		return now
	}
	return mustDate(r.Record.SignDate)
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
