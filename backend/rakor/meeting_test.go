package rakor

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/indicator/indicatortest"
	"selaras/backend/store"
)

// setup opens a migrated workspace with the starter indicators.
func setup(t *testing.T) *store.Store {
	t.Helper()
	s, _ := indicatortest.Open(t)
	return s
}

// assertFault checks that err carries code and names field (its JSON name).
func assertFault(t *testing.T, err error, code fault.Code, field string) {
	t.Helper()
	require.Error(t, err)
	assert.Equal(t, code, fault.CodeOf(err), "got %v", err)
	assert.Equal(t, field, fault.FieldOf(err))
}

// validated normalizes v and validates it: no error when code is "", else
// the fault code and field; it returns Validate's error.
func validated(t *testing.T, v interface {
	Normalize()
	Validate() error
}, code fault.Code, field string) error {
	t.Helper()
	v.Normalize()
	err := v.Validate()
	if code == "" {
		assert.NoError(t, err)
		return err
	}
	assertFault(t, err, code, field)
	return err
}

// validCase is one row of a Validate table: x, normalized and validated, is
// accepted (code "") or refused with code naming field.
type validCase[T any] struct {
	name  string
	x     T
	code  fault.Code
	field string
}

// validateAll runs each case as a subtest; accepted, when given, checks
// what an accepted x was normalized to.
func validateAll[T any, P store.Record[T]](t *testing.T, cases []validCase[T], accepted func(t *testing.T, x T)) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			x := tt.x
			validated(t, P(&x), tt.code, tt.field)
			if tt.code == "" && accepted != nil {
				accepted(t, x)
			}
		})
	}
}

// fixToday pins the date recorded for decisions marked done.
func fixToday(t *testing.T, date string) {
	t.Helper()
	saved := today
	today = func() string { return date }
	t.Cleanup(func() { today = saved })
}

// babel is the rakor of seed 000.
func babel() Meeting {
	return Meeting{Kind: Rakor, Title: "Rakor Penyusunan Renja Dinas Koperasi dan UKM Tahun 2025",
		StartDate: "2024-02-23", Mode: Luring, PlanningYear: 2025, ProvinceCode: "19",
		Organiser: "Dinas Koperasi dan UKM Provinsi Kepulauan Bangka Belitung"}
}

func meeting(t *testing.T, s *store.Store, m Meeting) Meeting {
	t.Helper()
	out, err := SaveMeeting(context.Background(), s, m)
	require.NoError(t, err)
	return out
}

func TestMeetingValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(m *Meeting)
		code  fault.Code
		field string
	}{
		{"valid", func(m *Meeting) {}, "", ""},
		{"unknown kind", func(m *Meeting) { m.Kind = "seminar" }, fault.Invalid, "kind"},
		{"no title", func(m *Meeting) { m.Title = "  " }, fault.Required, "title"},
		{"no start", func(m *Meeting) { m.StartDate = "" }, fault.Required, "startDate"},
		{"Indonesian date", func(m *Meeting) { m.StartDate = "23/02/2024" }, fault.Invalid, "startDate"},
		{"impossible date", func(m *Meeting) { m.StartDate = "2024-02-30" }, fault.Invalid, "startDate"},
		{"end before start", func(m *Meeting) { m.EndDate = "2024-02-22" }, fault.Invalid, "endDate"},
		{"unknown mode", func(m *Meeting) { m.Mode = "zoom" }, fault.Invalid, "mode"},
		{"year out of range", func(m *Meeting) { m.PlanningYear = 1999 }, fault.OutOfRange, "planningYear"},
		{"regency is not a province", func(m *Meeting) { m.ProvinceCode = "19.01" }, fault.UnknownRegion, "provinceCode"},
		{"negative headcount", func(m *Meeting) { m.Headcount = -1 }, fault.Invalid, "headcount"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := babel()
			tt.edit(&m)
			err := validated(t, &m, tt.code, tt.field)
			if tt.code == "" {
				return
			}
			label := strings.Fields(fault.Message(err, fault.ID))[0]
			assert.NotContains(t, fault.Message(err, fault.EN), label, "English names the field in English")
		})
	}
}

func TestSaveMeetingRoundTrip(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := babel()
	m.Mode = ""
	m.Desks = []string{" Desk Urusan Koperasi dan UMKM ", "", "Desk Urusan Koperasi dan UMKM"}
	saved := meeting(t, s, m)
	assert.NotZero(t, saved.ID)
	assert.Equal(t, "2024-02-23", saved.EndDate, "a one-day meeting ends the day it starts")
	assert.Equal(t, Luring, saved.Mode)

	got, err := GetMeeting(ctx, s, saved.ID)
	require.NoError(t, err)
	assert.Equal(t, saved, got)
	assert.Equal(t, []string{"Desk Urusan Koperasi dan UMKM"}, got.Desks)

	got.Venue = "Pangkalpinang"
	got.Desks = nil
	_, err = SaveMeeting(ctx, s, got)
	require.NoError(t, err)
	got, err = GetMeeting(ctx, s, saved.ID)
	require.NoError(t, err)
	assert.Equal(t, "Pangkalpinang", got.Venue)
	assert.NotNil(t, got.Desks, "slices are never nil in JSON")

	list, err := ListMeetings(ctx, s)
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, saved.ID, list[0].Meeting.ID)

	require.NoError(t, DeleteMeeting(ctx, s, saved.ID))
	_, err = GetMeeting(ctx, s, saved.ID)
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
	assert.Equal(t, "Meeting was not found.", fault.Message(err, fault.EN))
}

func TestListMeetingsCounts(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	older := meeting(t, s, Meeting{Kind: Rakorda, Title: "Rakorda 2023", StartDate: "2023-05-25", PlanningYear: 2024, ProvinceCode: "62"})
	m := meeting(t, s, babel())
	_, err := AddParticipants(ctx, s, m.ID, []Participant{
		{Name: "Riza Aryani", Role: Pimpinan},
		{Name: "Saeful Bahri", Role: Narasumber},
		{Name: "Kepala Dinas Kabupaten Bangka", Attendance: Diwakili},
		{Name: "Kepala Dinas Kota Pangkal Pinang", Attendance: TidakHadir},
	})
	require.NoError(t, err)
	_, err = SaveAgendaItem(ctx, s, AgendaItem{MeetingID: m.ID, Title: "Pembukaan"})
	require.NoError(t, err)
	d1, err := SaveDecision(ctx, s, Decision{MeetingID: m.ID, Text: "Menyusun matriks sinkronisasi"})
	require.NoError(t, err)
	_, err = SaveDecision(ctx, s, Decision{MeetingID: m.ID, Text: "Selesai", Status: Selesai})
	require.NoError(t, err)
	_, err = SaveDecision(ctx, s, Decision{MeetingID: m.ID, Text: "Ditolak", NotAgreed: true, NotAgreedReason: "belum ada data"})
	require.NoError(t, err)
	_, err = SaveChallenge(ctx, s, Challenge{MeetingID: m.ID, Category: CatRegulasi, Description: "Revisi UU Perkoperasian",
		DecisionIDs: []int64{d1.ID}})
	require.NoError(t, err)

	list, err := ListMeetings(ctx, s)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, m.ID, list[0].Meeting.ID, "newest first")
	assert.Equal(t, older.ID, list[1].Meeting.ID)
	assert.Equal(t, MeetingSummary{Meeting: list[0].Meeting, Participants: 4, Present: 3, AgendaItems: 1, Decisions: 3,
		OpenDecisions: 1, Challenges: 1}, list[0])
	assert.Equal(t, MeetingSummary{Meeting: list[1].Meeting}, list[1])
}
