package rakor

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
)

// MeetingRecord is what a meeting's official record says: the Notulen, the Berita
// Acara and its Lampiran (I who was present, II what was agreed, III what
// was not). It is computed here once, so the printed record and the Excel
// sheet never disagree on a number or a sentence.
type MeetingRecord struct {
	Meeting  Meeting `json:"meeting"`
	KindName string  `json:"kindName"` // "Rapat Koordinasi Teknis"
	Heading  string  `json:"heading"`  // the title, with its kind when the title lacks it
	ModeName string  `json:"modeName"` // "luring (tatap muka)"
	// Place is the venue, "secara daring", or a line to fill in by hand.
	Place string `json:"place"`
	// SignDate is the day every document of the meeting is dated: its last.
	SignDate string `json:"signDate"`
	Present  int    `json:"present"` // attended, else the headcount typed
	Opening  string `json:"opening"` // the Berita Acara's first paragraph
	Closing  string `json:"closing"` // its last
	// Participants is Lampiran I; Chairs and Notulis sign the Notulen.
	Participants []Participant `json:"participants"`
	Chairs       []Participant `json:"chairs"`
	Notulis      string        `json:"notulis"`
	Agenda       []AgendaItem  `json:"agenda"`
	// Agreed is numbered 1..n alike in the Berita Acara's body and in
	// Lampiran II; NotAgreed is Lampiran III.
	Agreed    []RecordItem `json:"agreed"`
	NotAgreed []RecordItem `json:"notAgreed"`
	// Kop is the letterhead and signing place from the office profile, the
	// lines every Excel sheet prints, so the printed page need not rebuild them.
	Kop Kop `json:"kop"`
}

// Kop is the letterhead of a printed record.
type Kop struct {
	Government string `json:"government"` // "Pemerintah Provinsi ..."
	Office     string `json:"office"`
	Contact    string `json:"contact"`   // address, telephone, e-mail, website: those known
	SignPlace  string `json:"signPlace"` // the city, else a line to fill in by hand
}

// KopOf is the kop of a profile.
func KopOf(p profile.Profile) Kop {
	k := Kop{Government: p.GovernmentLine(), Office: p.OfficeName, Contact: p.ContactLine(), SignPlace: p.SignCity()}
	if k.SignPlace == "" {
		k.SignPlace = Blank
	}
	return k
}

// RecordItem is a decision as the record numbers it.
type RecordItem struct {
	No       int      `json:"no"`
	Decision Decision `json:"decision"`
	Owner    string   `json:"owner"` // "Kabupaten Bangka, Bidang UKM", or "–"
}

// Blank is printed where a fact is unknown: a line to fill in by hand.
const Blank = "……………………"

// Indonesian names, as the record prints them.
var (
	KindNames = map[Kind]string{
		Rakor: "Rapat Koordinasi", Rakortek: "Rapat Koordinasi Teknis", Rakornis: "Rapat Koordinasi Teknis",
		Rakorda: "Rapat Koordinasi Daerah", Lainnya: "Rapat",
	}
	ModeNames = map[Mode]string{Luring: "luring (tatap muka)", Daring: "daring", Hybrid: "hybrid (luring dan daring)"}
)

// BuildRecord reads a meeting and computes its record.
func BuildRecord(ctx context.Context, s *store.Store, meetingID int64) (MeetingRecord, error) {
	m, err := GetMeeting(ctx, s, meetingID)
	if err != nil {
		return MeetingRecord{}, err
	}
	ps, err := Participants(ctx, s, meetingID)
	if err != nil {
		return MeetingRecord{}, err
	}
	ag, err := Agenda(ctx, s, meetingID)
	if err != nil {
		return MeetingRecord{}, err
	}
	ds, err := Decisions(ctx, s, meetingID)
	if err != nil {
		return MeetingRecord{}, err
	}
	p, err := profile.Get(ctx, s)
	if err != nil && !errors.Is(err, profile.ErrNotSet) {
		return MeetingRecord{}, err
	}
	r := NewRecord(m, ps, ag, ds)
	r.Kop = KopOf(p)
	return r, nil
}

// NewRecord computes the record from what was read.
func NewRecord(m Meeting, ps []Participant, ag []AgendaItem, ds []Decision) MeetingRecord {
	r := MeetingRecord{Meeting: m, KindName: KindNames[m.Kind], ModeName: ModeNames[m.Mode], Heading: m.Title,
		SignDate: m.EndDate, Participants: ps, Agenda: ag, Chairs: []Participant{}, Agreed: []RecordItem{}, NotAgreed: []RecordItem{}}
	if r.Participants == nil {
		r.Participants = []Participant{}
	}
	if r.Agenda == nil {
		r.Agenda = []AgendaItem{}
	}
	if r.KindName != "" && !strings.HasPrefix(m.Title, r.KindName) {
		r.Heading = r.KindName + " " + m.Title
	}
	if r.SignDate == "" {
		r.SignDate = m.StartDate
	}
	switch {
	case m.Venue != "":
		r.Place = m.Venue
	case m.Mode == Daring:
		r.Place = "ruang rapat daring"
	default:
		r.Place = Blank
	}
	for _, p := range ps {
		if p.Attendance != TidakHadir {
			r.Present++
		}
		switch {
		case p.Role == Pimpinan:
			r.Chairs = append(r.Chairs, p)
		case p.Role == Notulis && r.Notulis == "":
			r.Notulis = p.Name
		}
	}
	if r.Present == 0 {
		r.Present = m.Headcount
	}
	for _, d := range ds {
		switch {
		case d.NotAgreed:
			r.NotAgreed = append(r.NotAgreed, RecordItem{No: len(r.NotAgreed) + 1, Decision: d, Owner: owner(d)})
		case d.Status != Dibatalkan:
			r.Agreed = append(r.Agreed, RecordItem{No: len(r.Agreed) + 1, Decision: d, Owner: owner(d)})
		}
	}
	r.Opening = fmt.Sprintf("Pada hari ini %s, bertempat di %s, telah dilaksanakan %s secara %s", SpellDate(m.StartDate), r.Place, m.Title, r.ModeName)
	if m.Organiser != "" {
		r.Opening += ", diselenggarakan oleh " + m.Organiser
	}
	if m.Theme != "" {
		r.Opening += ", dengan tema “" + m.Theme + "”"
	}
	r.Opening += fmt.Sprintf(", dihadiri oleh %d orang peserta sebagaimana tercantum dalam Lampiran I.", r.Present)
	r.Closing = "Rincian penanggung jawab dan batas waktu tercantum dalam Lampiran II"
	if len(r.NotAgreed) > 0 {
		r.Closing += ", sedangkan hal yang belum disepakati beserta alasannya tercantum dalam Lampiran III"
	}
	r.Closing += ". Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya."
	return r
}

// owner is who answers for a decision in the record: "–" for no one named.
func owner(d Decision) string {
	if o := DecisionOwner(d); o != "" {
		return o
	}
	return "–"
}

// DecisionOwner names who answers for a decision: its region and unit,
// "Kabupaten Bangka, Bidang UKM"; "" when neither is set.
func DecisionOwner(d Decision) string {
	var parts []string
	if d.OwnerRegion != "" {
		parts = append(parts, region.Default().NameOr(d.OwnerRegion))
	}
	if d.OwnerUnit != "" {
		parts = append(parts, d.OwnerUnit)
	}
	return strings.Join(parts, ", ")
}
