package rakor

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
)

func TestAgendaValidate(t *testing.T) {
	validateAll(t, []validCase[AgendaItem]{
		{"title only", AgendaItem{Title: "Pembukaan"}, "", ""},
		{"times with a colon", AgendaItem{Title: "x", StartTime: "9:00", EndTime: "10.30"}, "", ""},
		{"no title", AgendaItem{Presenter: "Riza Aryani"}, fault.Required, "title"},
		{"bad start", AgendaItem{Title: "x", StartTime: "25.00"}, fault.Invalid, "startTime"},
		{"words for a time", AgendaItem{Title: "x", EndTime: "siang"}, fault.Invalid, "endTime"},
		{"ends before it starts", AgendaItem{Title: "x", StartTime: "10.00", EndTime: "09.30"}, fault.Invalid, "endTime"},
		{"bad day", AgendaItem{Title: "x", Day: "26-02-2024"}, fault.Invalid, "day"},
		{"negative position", AgendaItem{Title: "x", Position: -2}, fault.Invalid, "position"},
	}, nil)
	a := AgendaItem{Title: "x", StartTime: "9:00", EndTime: " 13.05 "}
	a.Normalize()
	assert.Equal(t, "09.00", a.StartTime)
	assert.Equal(t, "13.05", a.EndTime)
}

func TestAgendaOrderMinutesAndDays(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meeting(t, s, Meeting{Kind: Rakorda, Title: "Rakor Pemberdayaan Koperasi dan UMKM Provinsi Maluku Tahun 2024",
		StartDate: "2024-02-26", EndDate: "2024-02-28", PlanningYear: 2024, ProvinceCode: "81"})
	add := func(title, day string) AgendaItem {
		a, err := SaveAgendaItem(ctx, s, AgendaItem{MeetingID: m.ID, Title: title, Day: day, StartTime: "09.00"})
		require.NoError(t, err)
		return a
	}
	open := add("Pembukaan oleh Penjabat Bupati Maluku Tenggara", "2024-02-26")
	talk := add("Paparan Kepala Dinas Koperasi dan UKM Provinsi Maluku", "2024-02-26")
	desk := add("Desk kabupaten/kota", "2024-02-27")
	assert.Equal(t, []int{1, 2, 3}, []int{open.Position, talk.Position, desk.Position})

	_, err := SaveAgendaItem(ctx, s, AgendaItem{MeetingID: m.ID, Title: "x", Day: "2024-03-01"})
	assert.Equal(t, "day", fault.FieldOf(err), "a day outside the meeting is refused")
	_, err = SaveAgendaItem(ctx, s, AgendaItem{MeetingID: 999, Title: "x"})
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
	_, err = SaveAgendaItem(ctx, s, AgendaItem{MeetingID: m.ID, Title: "x", DecisionIDs: []int64{999}})
	assert.Equal(t, "decisionIds", fault.FieldOf(err))

	require.NoError(t, SetMinutes(ctx, s, talk.ID, "  Program: diklat teknis, hibah modal, pameran; Rumah Kemasan di UPTD PLUT.  "))
	assert.Equal(t, fault.NotFound, fault.CodeOf(SetMinutes(ctx, s, 999, "x")))

	require.NoError(t, ReorderAgenda(ctx, s, m.ID, []int64{desk.ID, open.ID, talk.ID}))
	items, err := Agenda(ctx, s, m.ID)
	require.NoError(t, err)
	require.Len(t, items, 3)
	assert.Equal(t, []int64{desk.ID, open.ID, talk.ID}, []int64{items[0].ID, items[1].ID, items[2].ID})
	assert.Equal(t, []int{1, 2, 3}, []int{items[0].Position, items[1].Position, items[2].Position})
	assert.Equal(t, "Program: diklat teknis, hibah modal, pameran; Rumah Kemasan di UPTD PLUT.", items[2].Minutes)
	assert.NotNil(t, items[0].DecisionIDs)

	for name, ids := range map[string][]int64{
		"missing one": {desk.ID, open.ID},
		"twice":       {desk.ID, open.ID, open.ID},
		"foreign":     {desk.ID, open.ID, 999},
	} {
		t.Run(name, func(t *testing.T) {
			err := ReorderAgenda(ctx, s, m.ID, ids)
			assert.Equal(t, "position", fault.FieldOf(err))
		})
	}

	// Editing keeps minutes typed meanwhile only if the editor sends them back:
	// SetMinutes is the way to type them live.
	talk = items[2]
	talk.Presenter = "Drs. Muhamad Nasir Kilkoda"
	talk.Position = 0 // keep the place
	got, err := SaveAgendaItem(ctx, s, talk)
	require.NoError(t, err)
	assert.Equal(t, 3, got.Position)
	assert.Equal(t, "Drs. Muhamad Nasir Kilkoda", got.Presenter)

	require.NoError(t, DeleteAgendaItem(ctx, s, open.ID))
	items, err = Agenda(ctx, s, m.ID)
	require.NoError(t, err)
	assert.Len(t, items, 2)
	_, err = GetAgendaItem(ctx, s, open.ID)
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
}
