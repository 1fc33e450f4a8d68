package rakor

import (
	"context"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/store"
)

func decision(t *testing.T, s *store.Store, d Decision) Decision {
	t.Helper()
	out, err := SaveDecision(context.Background(), s, d)
	require.NoError(t, err)
	return out
}

func indicatorID(t *testing.T, s *store.Store, code string) int64 {
	t.Helper()
	list, err := indicator.List(context.Background(), s.Read())
	require.NoError(t, err)
	for _, i := range list {
		if i.Code == code {
			return i.ID
		}
	}
	t.Fatalf("no indicator %s", code)
	return 0
}

func TestDecisionValidate(t *testing.T) {
	fixToday(t, "2024-03-01")
	validateAll(t, []validCase[Decision]{
		{"text only", Decision{Text: "Menyusun matriks sinkronisasi"}, "", ""},
		{"owned and linked", Decision{Text: "x", OwnerRegion: "19.01", OwnerUnit: "Bidang UMKM", DueDate: "2024-06-30",
			Regions: []string{"19", "19.02"}, Programs: []string{"2.17.07"}}, "", ""},
		{"no text", Decision{Text: " \n "}, fault.Required, "text"},
		{"negative number", Decision{Text: "x", Number: -1}, fault.Invalid, "number"},
		{"unknown owner region", Decision{Text: "x", OwnerRegion: "19.99"}, fault.UnknownRegion, "ownerRegion"},
		{"bad due date", Decision{Text: "x", DueDate: "30 Juni 2024"}, fault.Invalid, "dueDate"},
		{"unknown status", Decision{Text: "x", Status: "ditunda"}, fault.Invalid, "status"},
		{"cancelled without reason", Decision{Text: "x", Status: Dibatalkan}, fault.Required, "cancelReason"},
		{"cancelled with reason", Decision{Text: "x", Status: Dibatalkan, CancelReason: "digabung ke nomor 3"}, "", ""},
		{"done gets today", Decision{Text: "x", Status: Selesai}, "", ""},
		{"bad done date", Decision{Text: "x", Status: Selesai, DoneDate: "2024-13-01"}, fault.Invalid, "doneDate"},
		{"not agreed without reason", Decision{Text: "x", NotAgreed: true}, fault.Required, "notAgreedReason"},
		{"unknown linked region", Decision{Text: "x", Regions: []string{"19", "XX"}}, fault.UnknownRegion, "regions"},
	}, nil)

	d := Decision{Text: "x", Status: Selesai}
	d.Normalize()
	assert.Equal(t, "2024-03-01", d.DoneDate, "selesai records the date")
	d = Decision{Text: "x", Status: Berjalan, DoneDate: "2024-03-01", CancelReason: "r"}
	d.Normalize()
	assert.Empty(t, d.DoneDate, "only a done decision has a done date")
	assert.Empty(t, d.CancelReason)
}

func TestDecisionNumberingAndLinks(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meeting(t, s, babel())
	ch, err := SaveChallenge(ctx, s, Challenge{MeetingID: m.ID, Category: CatKoordinasi,
		Description: "27 Kementerian/Lembaga mengampu pemberdayaan UMKM"})
	require.NoError(t, err)
	halal := indicatorID(t, s, "UKM.05")

	d1 := decision(t, s, Decision{MeetingID: m.ID, Text: "Menyusun matriks sinkronisasi program lintas K/L",
		ChallengeIDs: []int64{ch.ID}, Regions: []string{"19.01", "19", "19.01"}, Programs: []string{"2.17.07", " 2.17.08 "}})
	d2 := decision(t, s, Decision{MeetingID: m.ID, Text: "Mencapai 1.000 sertifikat halal", IndicatorIDs: []int64{halal}})
	assert.Equal(t, 1, d1.Number)
	assert.Equal(t, 2, d2.Number, "numbers run per meeting")
	assert.Equal(t, []string{"19", "19.01"}, d1.Regions)
	assert.Equal(t, []string{"2.17.07", "2.17.08"}, d1.Programs)
	assert.Equal(t, []int64{ch.ID}, d1.ChallengeIDs)
	assert.Equal(t, []int64{halal}, d2.IndicatorIDs)
	assert.NotNil(t, d2.Regions)

	got, err := GetChallenge(ctx, s, ch.ID)
	require.NoError(t, err)
	assert.Equal(t, []int64{d1.ID}, got.DecisionIDs, "a link shows from both sides")

	other := meeting(t, s, Meeting{Kind: Rakortek, Title: "Rakortek", StartDate: "2024-03-01", PlanningYear: 2025})
	o1 := decision(t, s, Decision{MeetingID: other.ID, Text: "x"})
	assert.Equal(t, 1, o1.Number)

	d2.Number = 1
	_, err = SaveDecision(ctx, s, d2)
	assert.Equal(t, fault.Invalid, fault.CodeOf(err))
	assert.Contains(t, fault.Message(err, fault.ID), "nomor 1 sudah dipakai")
	d2.Number = 5
	d2.MeetingID = other.ID // ignored: a decision stays in its meeting
	d2.IndicatorIDs = nil
	d2, err = SaveDecision(ctx, s, d2)
	require.NoError(t, err)
	assert.Equal(t, 5, d2.Number)
	assert.Equal(t, m.ID, d2.MeetingID)
	assert.Empty(t, d2.IndicatorIDs)
	d3 := decision(t, s, Decision{MeetingID: m.ID, Text: "y"})
	assert.Equal(t, 6, d3.Number, "the next number follows the highest")

	_, err = SaveDecision(ctx, s, Decision{MeetingID: m.ID, Text: "z", IndicatorIDs: []int64{9999}})
	assert.Contains(t, fault.Message(err, fault.ID), "nomor 9999 tidak ada")
	_, err = SaveDecision(ctx, s, Decision{MeetingID: m.ID, Text: "z", ChallengeIDs: []int64{9999}})
	assert.Equal(t, "challengeIds", fault.FieldOf(err))
	_, err = SaveDecision(ctx, s, Decision{MeetingID: 9999, Text: "z"})
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))

	list, err := Decisions(ctx, s, m.ID)
	require.NoError(t, err)
	require.Len(t, list, 3)
	assert.Equal(t, []int{1, 5, 6}, []int{list[0].Number, list[1].Number, list[2].Number})
	assert.Equal(t, d1, list[0])

	b, err := json.Marshal(list[1])
	require.NoError(t, err)
	assert.NotContains(t, string(b), "null", "empty link lists are [] in JSON")
	require.NoError(t, DeleteDecision(ctx, s, d1.ID))
	got, err = GetChallenge(ctx, s, ch.ID)
	require.NoError(t, err)
	assert.Empty(t, got.DecisionIDs)
}

func TestStatusRules(t *testing.T) {
	fixToday(t, "2024-04-10")
	tests := []struct {
		from, to Status
		ok       bool
	}{
		{Baru, Berjalan, true},
		{Baru, Selesai, true},
		{Berjalan, Baru, true},
		{Berjalan, Dibatalkan, true},
		{Selesai, Berjalan, true}, // reopened
		{Selesai, Baru, false},
		{Dibatalkan, Baru, false},
		{Dibatalkan, Berjalan, true},
		{Dibatalkan, Selesai, true},
	}
	s := setup(t)
	ctx := context.Background()
	m := meeting(t, s, babel())
	for _, tt := range tests {
		t.Run(string(tt.from)+" to "+string(tt.to), func(t *testing.T) {
			d := decision(t, s, Decision{MeetingID: m.ID, Text: "x", Status: tt.from, CancelReason: "alasan"})
			d.Status, d.CancelReason = tt.to, "alasan"
			got, err := SaveDecision(ctx, s, d)
			if !tt.ok {
				require.Error(t, err)
				assert.Equal(t, "status", fault.FieldOf(err))
				assert.Contains(t, fault.Message(err, fault.ID), "tidak dapat kembali menjadi baru")
				again, err := GetDecision(ctx, s, d.ID)
				require.NoError(t, err)
				assert.Equal(t, tt.from, again.Status, "a refused change writes nothing")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.to, got.Status)
			if tt.to == Selesai {
				assert.Equal(t, "2024-04-10", got.DoneDate)
			} else {
				assert.Empty(t, got.DoneDate)
			}
		})
	}
}

func TestFollowUpLog(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meeting(t, s, babel())
	next := meeting(t, s, Meeting{Kind: Rakor, Title: "Rakor evaluasi", StartDate: "2024-07-15", PlanningYear: 2025, ProvinceCode: "19"})
	d := decision(t, s, Decision{MeetingID: m.ID, Text: "Mencapai 1.000 sertifikat halal", DueDate: "2024-12-31"})

	f1, err := AddFollowUp(ctx, s, FollowUp{DecisionID: d.ID, Date: "2024-04-15", Progress: "Fasilitasi tahap I: 250 pelaku usaha",
		Evidence: "Laporan Bidang UMKM April 2024", Status: Berjalan})
	require.NoError(t, err)
	assert.NotZero(t, f1.ID)
	got, err := GetDecision(ctx, s, d.ID)
	require.NoError(t, err)
	assert.Equal(t, Berjalan, got.Status, "a follow-up can move the status")

	_, err = AddFollowUp(ctx, s, FollowUp{DecisionID: d.ID, Date: "2024-07-15", Progress: "Ditinjau dalam rakor evaluasi",
		ReviewedIn: next.ID})
	require.NoError(t, err)
	_, err = AddFollowUp(ctx, s, FollowUp{DecisionID: d.ID, Date: "2024-12-20", Progress: "1.012 sertifikat terbit",
		Evidence: "Rekap SIHALAL Desember 2024", Status: Selesai})
	require.NoError(t, err)
	got, err = GetDecision(ctx, s, d.ID)
	require.NoError(t, err)
	assert.Equal(t, Selesai, got.Status)
	assert.Equal(t, "2024-12-20", got.DoneDate, "selesai takes the follow-up's date")

	_, err = AddFollowUp(ctx, s, FollowUp{DecisionID: d.ID, Date: "2025-01-05", Progress: "dibuka lagi", Status: Baru})
	assert.Equal(t, "status", fault.FieldOf(err), "the status rule holds for follow-ups too")

	log, err := FollowUps(ctx, s, d.ID)
	require.NoError(t, err)
	require.Len(t, log, 3, "a refused follow-up is not recorded")
	assert.Equal(t, []string{"2024-04-15", "2024-07-15", "2024-12-20"}, []string{log[0].Date, log[1].Date, log[2].Date})
	assert.Equal(t, next.ID, log[1].ReviewedIn)
	assert.Equal(t, Status(""), log[1].Status)
	assert.Equal(t, "Laporan Bidang UMKM April 2024", log[0].Evidence)

	c := decision(t, s, Decision{MeetingID: m.ID, Text: "Pelatihan adopsi teknologi"})
	_, err = AddFollowUp(ctx, s, FollowUp{DecisionID: c.ID, Date: "2024-03-01", Progress: "Digabung ke kesepakatan nomor 3",
		Status: Dibatalkan})
	require.NoError(t, err)
	c, err = GetDecision(ctx, s, c.ID)
	require.NoError(t, err)
	assert.Equal(t, Dibatalkan, c.Status)
	assert.Equal(t, "Digabung ke kesepakatan nomor 3", c.CancelReason)

	tests := []struct {
		name  string
		f     FollowUp
		field string
	}{
		{"no date", FollowUp{DecisionID: d.ID, Progress: "x"}, "date"},
		{"before the meeting", FollowUp{DecisionID: d.ID, Date: "2024-01-01", Progress: "x"}, "date"},
		{"no progress", FollowUp{DecisionID: d.ID, Date: "2024-05-01"}, "progress"},
		{"unknown status", FollowUp{DecisionID: d.ID, Date: "2024-05-01", Progress: "x", Status: "tunda"}, "status"},
		{"unknown meeting", FollowUp{DecisionID: d.ID, Date: "2024-05-01", Progress: "x", ReviewedIn: 999}, "reviewedIn"},
		{"unknown decision", FollowUp{DecisionID: 999, Date: "2024-05-01", Progress: "x"}, "decisionId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := AddFollowUp(ctx, s, tt.f)
			require.Error(t, err)
			assert.Equal(t, tt.field, fault.FieldOf(err), "got %v", err)
		})
	}

	// Deleting the reviewing meeting keeps the follow-up, without the meeting.
	require.NoError(t, DeleteMeeting(ctx, s, next.ID))
	log, err = FollowUps(ctx, s, d.ID)
	require.NoError(t, err)
	require.Len(t, log, 3)
	assert.Zero(t, log[1].ReviewedIn)
	require.NoError(t, DeleteFollowUp(ctx, s, log[1].ID))
	log, err = FollowUps(ctx, s, d.ID)
	require.NoError(t, err)
	assert.Len(t, log, 2)
}

func TestCarryOver(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	mk := func(title, date, prov string) Meeting {
		return meeting(t, s, Meeting{Kind: Rakor, Title: title, StartDate: date, PlanningYear: 2025, ProvinceCode: prov})
	}
	jan := mk("Rakor Januari", "2024-01-10", "19")
	feb := mk("Rakor Februari (provinsi lain)", "2024-02-10", "62")
	mar := mk("Rakor Maret", "2024-03-10", "19")
	jun := mk("Rakor Juni", "2024-06-10", "19")

	open1 := decision(t, s, Decision{MeetingID: jan.ID, Text: "baru dari Januari", DueDate: "2024-02-01"})
	open2 := decision(t, s, Decision{MeetingID: jan.ID, Text: "berjalan dari Januari", Status: Berjalan, DueDate: "2024-12-31"})
	decision(t, s, Decision{MeetingID: jan.ID, Text: "selesai", Status: Selesai, DoneDate: "2024-01-20"})
	decision(t, s, Decision{MeetingID: jan.ID, Text: "dibatalkan", Status: Dibatalkan, CancelReason: "tidak relevan"})
	decision(t, s, Decision{MeetingID: jan.ID, Text: "tidak disepakati", NotAgreed: true, NotAgreedReason: "anggaran"})
	decision(t, s, Decision{MeetingID: feb.ID, Text: "provinsi lain"})
	open3 := decision(t, s, Decision{MeetingID: mar.ID, Text: "baru dari Maret"})
	decision(t, s, Decision{MeetingID: jun.ID, Text: "dari rakor yang lebih baru"})

	ids := func(es []Entry) []int64 {
		out := []int64{}
		for _, e := range es {
			out = append(out, e.Decision.ID)
		}
		return out
	}
	got, err := OpenFromEarlier(ctx, s, jan.ID)
	require.NoError(t, err)
	assert.Empty(t, got, "nothing is earlier than the first meeting")
	got, err = OpenFromEarlier(ctx, s, mar.ID)
	require.NoError(t, err)
	assert.Equal(t, []int64{open1.ID, open2.ID}, ids(got), "open decisions of earlier meetings of the province only")
	assert.True(t, got[0].Overdue, "due before the meeting")
	assert.Equal(t, 38, got[0].DaysOverdue)
	assert.False(t, got[1].Overdue)
	assert.Equal(t, "Rakor Januari", got[0].MeetingTitle)
	got, err = OpenFromEarlier(ctx, s, jun.ID)
	require.NoError(t, err)
	assert.Equal(t, []int64{open1.ID, open2.ID, open3.ID}, ids(got))

	// A meeting without a province carries over from every earlier meeting.
	national := mk("Rakortek nasional", "2024-04-01", "")
	got, err = OpenFromEarlier(ctx, s, national.ID)
	require.NoError(t, err)
	assert.Len(t, got, 4, "both provinces, still only earlier and open")
	_, err = OpenFromEarlier(ctx, s, 999)
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))

	// Starting a meeting opens its agenda with the carry-over.
	sep, err := StartMeeting(ctx, s, Meeting{Kind: Rakor, Title: "Rakor September", StartDate: "2024-09-10",
		PlanningYear: 2025, ProvinceCode: "19"})
	require.NoError(t, err)
	ag, err := Agenda(ctx, s, sep.ID)
	require.NoError(t, err)
	require.Len(t, ag, 1)
	assert.Equal(t, CarryOverTitle, ag[0].Title)
	assert.True(t, ag[0].CarryOver)
	assert.Equal(t, 1, ag[0].Position)
	require.Len(t, ag[0].DecisionIDs, 4)
	assert.Equal(t, []int64{open1.ID, open2.ID, open3.ID}, ag[0].DecisionIDs[:3], "oldest meeting first")

	// Refreshing keeps what was reviewed and adds what opened since; other items move down.
	_, err = SaveAgendaItem(ctx, s, AgendaItem{MeetingID: sep.ID, Title: "Paparan target"})
	require.NoError(t, err)
	_, err = AddFollowUp(ctx, s, FollowUp{DecisionID: open1.ID, Date: "2024-09-10", Progress: "tuntas", Status: Selesai})
	require.NoError(t, err)
	late := decision(t, s, Decision{MeetingID: jun.ID, Text: "ditambahkan kemudian"})
	ag, err = AddCarryOver(ctx, s, sep.ID)
	require.NoError(t, err)
	require.Len(t, ag, 2)
	assert.Contains(t, ag[0].DecisionIDs, open1.ID)
	assert.Contains(t, ag[0].DecisionIDs, late.ID)
	assert.Equal(t, "Paparan target", ag[1].Title)

	// The first meeting of all gets no carry-over item.
	first, err := StartMeeting(ctx, s, Meeting{Kind: Rakor, Title: "Rakor 2023", StartDate: "2023-01-10", PlanningYear: 2024, ProvinceCode: "19"})
	require.NoError(t, err)
	ag, err = Agenda(ctx, s, first.ID)
	require.NoError(t, err)
	assert.Empty(t, ag)
}

func TestRegisterFilters(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m1 := meeting(t, s, babel())
	m2 := meeting(t, s, Meeting{Kind: Rakortek, Title: "Rakortek Perencanaan 2025", StartDate: "2025-02-25", PlanningYear: 2026, ProvinceCode: "62"})
	a := decision(t, s, Decision{MeetingID: m1.ID, Text: "Matriks sinkronisasi lintas K/L", OwnerRegion: "19", OwnerUnit: "Sub Bagian Perencanaan", DueDate: "2024-04-30"})
	b := decision(t, s, Decision{MeetingID: m1.ID, Text: "Sertifikat halal 1.000", OwnerRegion: "19.01", OwnerUnit: "Bidang UMKM", DueDate: "2025-12-31", Status: Berjalan})
	c := decision(t, s, Decision{MeetingID: m1.ID, Text: "Masukan revisi UU Perkoperasian", OwnerUnit: "Bidang Kelembagaan", DueDate: "2024-03-31", Status: Selesai, DoneDate: "2024-03-28"})
	d := decision(t, s, Decision{MeetingID: m2.ID, Text: "Pendampingan koperasi produsen", OwnerRegion: "62", OwnerUnit: "Bidang Pemberdayaan dan Pengembangan Koperasi", DueDate: "2025-12-31"})
	e := decision(t, s, Decision{MeetingID: m2.ID, Text: "Target 20 persen", NotAgreed: true, NotAgreedReason: "belum didukung data", DueDate: "2025-01-01"})

	ids := func(es []Entry) []int64 {
		out := []int64{}
		for _, e := range es {
			out = append(out, e.Decision.ID)
		}
		return out
	}
	tests := []struct {
		name string
		f    RegisterFilter
		want []int64
	}{
		{"everything, newest meeting first", RegisterFilter{AsOf: "2025-03-01"}, []int64{d.ID, e.ID, a.ID, b.ID, c.ID}},
		{"one meeting", RegisterFilter{MeetingID: m1.ID, AsOf: "2025-03-01"}, []int64{a.ID, b.ID, c.ID}},
		{"province and its regencies", RegisterFilter{OwnerRegion: "19", AsOf: "2025-03-01"}, []int64{a.ID, b.ID}},
		{"one regency", RegisterFilter{OwnerRegion: "19.01", AsOf: "2025-03-01"}, []int64{b.ID}},
		{"bidang, any case", RegisterFilter{OwnerUnit: "bidang umkm", AsOf: "2025-03-01"}, []int64{b.ID}},
		{"statuses", RegisterFilter{Statuses: []Status{Selesai, Berjalan}, AsOf: "2025-03-01"}, []int64{b.ID, c.ID}},
		{"due before", RegisterFilter{DueBefore: "2025-01-01", AsOf: "2025-03-01"}, []int64{a.ID, c.ID}},
		{"overdue: open, agreed, past due", RegisterFilter{OverdueOnly: true, AsOf: "2025-03-01"}, []int64{a.ID}},
		{"overdue later", RegisterFilter{OverdueOnly: true, AsOf: "2026-01-05"}, []int64{d.ID, a.ID, b.ID}},
		{"text in decision", RegisterFilter{Search: "HALAL", AsOf: "2025-03-01"}, []int64{b.ID}},
		{"text in meeting title", RegisterFilter{Search: "rakortek", AsOf: "2025-03-01"}, []int64{d.ID, e.ID}},
		{"LIKE wildcards are literal", RegisterFilter{Search: "%", AsOf: "2025-03-01"}, []int64{}},
		{"combined", RegisterFilter{OwnerRegion: "19", Statuses: []Status{Baru}, Search: "K/L", AsOf: "2025-03-01"}, []int64{a.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Register(ctx, s, tt.f)
			require.NoError(t, err)
			assert.Equal(t, tt.want, ids(got))
		})
	}

	got, err := Register(ctx, s, RegisterFilter{AsOf: "2025-03-01"})
	require.NoError(t, err)
	marks := map[int64]bool{}
	for _, e := range got {
		marks[e.Decision.ID] = e.Overdue
	}
	assert.Equal(t, map[int64]bool{a.ID: true, b.ID: false, c.ID: false, d.ID: false, e.ID: false}, marks,
		"overdue marks only open, agreed decisions past due")
	assert.Equal(t, "2024-02-23", got[2].MeetingDate)
	assert.Equal(t, 305, got[2].DaysOverdue)

	fixToday(t, "2024-05-01")
	got, err = Register(ctx, s, RegisterFilter{OverdueOnly: true})
	require.NoError(t, err)
	assert.Equal(t, []int64{a.ID}, ids(got), "the reference date defaults to today")

	_, err = Register(ctx, s, RegisterFilter{AsOf: "kemarin"})
	assert.Equal(t, "asOf", fault.FieldOf(err))
}

func TestDecisionAuditTrail(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meeting(t, s, babel())
	d := decision(t, s, Decision{MeetingID: m.ID, Text: "Menyusun pedoman pelatihan terstandar", Programs: []string{"2.17.05"}})
	d.Status = Berjalan
	d.OwnerUnit = "Bidang Kelembagaan"
	d, err := SaveDecision(ctx, s, d)
	require.NoError(t, err)
	again, err := SaveDecision(ctx, s, d) // unchanged: no entry, no new version
	require.NoError(t, err)
	assert.Equal(t, d.Version, again.Version)

	hist, err := DecisionHistory(ctx, s, d.ID)
	require.NoError(t, err)
	require.Len(t, hist, 2)
	assert.Equal(t, "update", hist[0].Action)
	assert.Equal(t, "insert", hist[1].Action)
	var old, cur map[string]any
	require.NoError(t, json.Unmarshal([]byte(hist[0].OldValues), &old))
	require.NoError(t, json.Unmarshal([]byte(hist[0].NewValues), &cur))
	assert.Equal(t, "baru", old["status"])
	assert.Equal(t, "berjalan", cur["status"])
	assert.Equal(t, "Bidang Kelembagaan", cur["owner_unit"])

	links, err := s.Audit(ctx, store.AuditQuery{Table: "decision_program"})
	require.NoError(t, err)
	require.Len(t, links, 1, "links are audited too, and re-saving the same links writes nothing")
	assert.Equal(t, strconv.FormatInt(d.ID, 10)+"|2.17.05", links[0].RowKey)

	_, err = AddFollowUp(ctx, s, FollowUp{DecisionID: d.ID, Date: "2024-03-01", Progress: "draf pedoman", Status: Selesai})
	require.NoError(t, err)
	hist, err = DecisionHistory(ctx, s, d.ID)
	require.NoError(t, err)
	require.Len(t, hist, 3, "a status set by a follow-up is audited")
	assert.Contains(t, hist[0].NewValues, `"status":"selesai"`)
	fu, err := s.Audit(ctx, store.AuditQuery{Table: "decision_followup"})
	require.NoError(t, err)
	assert.Len(t, fu, 1)

	require.NoError(t, DeleteDecision(ctx, s, d.ID))
	hist, err = DecisionHistory(ctx, s, d.ID)
	require.NoError(t, err)
	assert.Equal(t, "delete", hist[0].Action)
}
