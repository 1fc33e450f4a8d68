package shared_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/agreement"
	"selaras/backend/fault"
	"selaras/backend/program"
	"selaras/backend/rakor"
	"selaras/backend/shared"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/target"
	"selaras/backend/workspace"
)

// regencyPerson adds a kab/kota office's person for code.
func (o office) regencyPerson(t *testing.T, code string) string {
	t.Helper()
	u, err := url.Parse(o.dsn)
	require.NoError(t, err)
	name := strings.TrimPrefix(u.Path, "/") + "_kab" + strings.ReplaceAll(code, ".", "")
	require.NoError(t, shared.AddUser(context.Background(), o.dsn, shared.User{Name: name, Role: shared.Kabkota, Region: code,
		Password: "sandi " + name}))
	t.Cleanup(func() {
		_, _ = o.admin.Read().Exec(`DROP OWNED BY "` + name + `"`)
		_, _ = o.admin.Read().Exec(`DROP ROLE IF EXISTS "` + name + `"`)
	})
	return name
}

// A regency office writes the figures and plan lines of its own region,
// reads everyone's, adds follow-up notes to the decisions addressed to it,
// and is refused (an error naming the region, never a silently skipped
// row) everything else, from the app's code and from raw SQL alike. Once
// the secretariat marks its targets of a year agreed, they are locked until
// reopened with a reason.
func TestRegencyOfficeWritesItsOwnRegionOnly(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	o := newOffice(t)
	ws, err := workspace.Create(ctx, o.dsn, workspace.Office)
	require.NoError(t, err)
	ws.Close()
	var ind int64
	require.NoError(t, o.admin.Read().QueryRowContext(ctx, "SELECT min(id) FROM indicator WHERE kind <> 'ratio'").Scan(&ind))
	sub, err := program.SaveSubKegiatan(ctx, o.admin, program.Item{Code: "2.17.03.1.01.0001", Name: "Pelatihan koperasi"})
	require.NoError(t, err)

	bangkaName := o.regencyPerson(t, "19.01")
	bangka := o.login(t, bangkaName)
	sekName := o.person(t, shared.Sekretariat, "")
	sek := o.login(t, sekName)
	assert.False(t, bangka.ReadOnly())

	users, err := shared.Users(ctx, o.dsn)
	require.NoError(t, err)
	var found bool
	for _, u := range users {
		if u.Name == bangkaName {
			found = true
			assert.Equal(t, shared.Kabkota, u.Role)
			assert.Equal(t, "19.01", u.Region)
		}
	}
	assert.True(t, found)
	assert.Equal(t, fault.SharedNoRegion, fault.CodeOf(shared.AddUser(ctx, o.dsn, shared.User{Name: "x", Role: shared.Kabkota, Password: "x"})))
	assert.Equal(t, fault.SharedBadRegion, fault.CodeOf(shared.AddUser(ctx, o.dsn, shared.User{Name: "x", Role: shared.Kabkota, Region: "19", Password: "x"})))

	edit := func(code, text string) []target.Edit {
		return []target.Edit{{IndicatorID: ind, Region: code, Year: 2025, Field: target.FTarget, Text: text}}
	}
	// The province's own figure, typed by the secretariat.
	_, err = target.Apply(ctx, sek, edit("19.02", "40"), "ketik")
	require.NoError(t, err)

	t.Run("its own figures and plan lines", func(t *testing.T) {
		_, err := target.Apply(ctx, bangka, edit("19.01", "12"), "ketik")
		require.NoError(t, err)
		hist, err := o.admin.Audit(ctx, store.AuditQuery{Table: "indicator_value"})
		require.NoError(t, err)
		require.NotEmpty(t, hist)
		assert.Equal(t, bangkaName, hist[0].UserName, "the audit log names the person")
		l, err := program.SavePlanLine(ctx, bangka, program.PlanLine{SubKegiatanID: sub.ID, Region: "19.01", Year: 2025,
			OutputIndicator: "Koperasi dilatih", SumberDana: program.APBDKabKota})
		require.NoError(t, err)
		l.Pagu = 90_000_000
		_, err = program.SavePlanLine(ctx, bangka, l)
		require.NoError(t, err)
	})

	t.Run("another region's figures are refused, naming it", func(t *testing.T) {
		_, err := target.Apply(ctx, bangka, edit("19.02", "1"), "ketik")
		err = store.Explain(err, o.dsn)
		assert.Equal(t, fault.RegionNotYours, fault.CodeOf(err), "%v", err)
		assert.Contains(t, fault.Message(err, "id"), "19.02")
		_, err = program.SavePlanLine(ctx, bangka, program.PlanLine{SubKegiatanID: sub.ID, Region: "19.02", Year: 2025,
			OutputIndicator: "x", SumberDana: program.APBDKabKota})
		assert.Equal(t, fault.RegionNotYours, fault.CodeOf(store.Explain(err, o.dsn)), "%v", err)
		db := o.raw(t, bangkaName)
		refused(t, ctx, db, "SL001",
			"UPDATE indicator_value SET target = 1 WHERE region_code = '19.02'",
			"DELETE FROM indicator_value WHERE region_code = '19.02'",
			"UPDATE indicator_value SET region_code = '19.02' WHERE region_code = '19.01'",
			"INSERT INTO indicator_value(indicator_id, region_code, year, target) SELECT min(id), '19.03', 2025, 5 FROM indicator",
			"INSERT INTO indicator_value(indicator_id, region_code, year, target) SELECT min(id), '19', 2025, 5 FROM indicator",
		)
		// No line of another region exists yet: nothing to refuse.
		_, _ = db.ExecContext(ctx, "UPDATE plan_line SET pagu = 1 WHERE region_code <> '19.01'")
		refused(t, ctx, db, noRight,
			"INSERT INTO target_agreement(region_code, year, agreed_at) VALUES ('19.01', 2025, 'x')",
			"UPDATE decision SET text = 'x'",
			"INSERT INTO import_log(region_code, year, file_name, sha256, imported_at) VALUES ('19.01', 2025, 'a', 'b', 'c')",
		)
		var v float64
		require.NoError(t, o.admin.Read().QueryRowContext(ctx, "SELECT target FROM indicator_value WHERE region_code = '19.02' AND year = 2025").Scan(&v))
		assert.Equal(t, 40.0, v, "nothing of the refused writes landed")
	})

	t.Run("follow-up notes on the decisions addressed to it", func(t *testing.T) {
		m, err := rakor.SaveMeeting(ctx, sek, rakor.Meeting{Kind: rakor.Rakortek, Title: "Rakortek 2025", StartDate: "2025-02-10", PlanningYear: 2025})
		require.NoError(t, err)
		// A decision of an earlier meeting first, so that a decision's row id
		// and its number in its meeting differ.
		before, err := rakor.SaveMeeting(ctx, sek, rakor.Meeting{Kind: rakor.Rakortek, Title: "Rakortek 2024", StartDate: "2024-02-12", PlanningYear: 2024})
		require.NoError(t, err)
		_, err = rakor.SaveDecision(ctx, sek, rakor.Decision{MeetingID: before.ID, Text: "Data 2024", Regions: []string{"19.01"}})
		require.NoError(t, err)
		ours, err := rakor.SaveDecision(ctx, sek, rakor.Decision{MeetingID: m.ID, Text: "Data koperasi Bangka dimutakhirkan", Regions: []string{"19.01"}})
		require.NoError(t, err)
		theirs, err := rakor.SaveDecision(ctx, sek, rakor.Decision{MeetingID: m.ID, Text: "Data Belitung", OwnerRegion: "19.02"})
		require.NoError(t, err)
		_, err = rakor.AddFollowUp(ctx, bangka, rakor.FollowUp{DecisionID: ours.ID, Date: "2025-03-01", Progress: "Sudah dikirim"})
		require.NoError(t, err)
		_, err = rakor.AddFollowUp(ctx, bangka, rakor.FollowUp{DecisionID: theirs.ID, Date: "2025-03-01", Progress: "x"})
		assert.Equal(t, fault.DecisionNotAddressed, fault.CodeOf(store.Explain(err, o.dsn)), "%v", err)
		// The decision is named as the secretariat numbers it, not by its row id.
		require.NotEqual(t, int64(theirs.Number), theirs.ID, "the test tells the number from the id")
		assert.Equal(t, "Kesepakatan nomor 2 pada Rakortek 2025 tidak ditujukan kepada Kabupaten Bangka (19.01); catatan tindak lanjut tidak disimpan.",
			fault.Message(store.Explain(err, o.dsn), fault.ID))
		assert.Equal(t, "Decision number 2 of Rakortek 2025 is not addressed to Kabupaten Bangka (19.01); the follow-up note was not saved.",
			fault.Message(store.Explain(err, o.dsn), fault.EN))
		_, err = rakor.SaveDecision(ctx, bangka, rakor.Decision{MeetingID: m.ID, Text: "x"})
		assert.Equal(t, noRight, sqlState(err), "decisions are the secretariat's: %v", err)

		t.Run("the secretariat records the templates it sends", func(t *testing.T) {
			const q = "INSERT INTO template_sent (region_code, year, sent_at) VALUES ('19.01', 2025, '2025-02-23T09:00:00.000Z')"
			_, err := o.raw(t, sekName).ExecContext(ctx, q)
			require.NoError(t, err)
			_, err = o.raw(t, bangkaName).ExecContext(ctx, q)
			assert.Equal(t, noRight, sqlState(err), "a regency reads only: %v", err)
			var n int
			require.NoError(t, o.raw(t, bangkaName).QueryRowContext(ctx, "SELECT count(*) FROM template_sent").Scan(&n))
			assert.Equal(t, 1, n)
		})

		t.Run("agreed targets are locked until reopened", func(t *testing.T) {
			_, err := agreement.Agree(ctx, bangka, "19.01", 2025, m.ID)
			assert.Equal(t, noRight, sqlState(err), "a regency does not agree its own targets: %v", err)
			a, err := agreement.Agree(ctx, sek, "19.01", 2025, m.ID)
			require.NoError(t, err)
			assert.Equal(t, sekName, a.AgreedBy)
			_, err = agreement.Agree(ctx, sek, "19.01", 2025, m.ID)
			assert.Equal(t, fault.AgreementExists, fault.CodeOf(err))
			status := func() []string {
				t.Helper()
				var out []string
				rows, err := o.admin.Read().QueryContext(ctx, "SELECT DISTINCT status FROM plan_line WHERE region_code = '19.01' AND year = 2025")
				require.NoError(t, err)
				defer rows.Close()
				for rows.Next() {
					var st string
					require.NoError(t, rows.Scan(&st))
					out = append(out, st)
				}
				return out
			}
			assert.Equal(t, []string{"disepakati"}, status(), "the plan lines are agreed with the targets")

			_, err = target.Apply(ctx, bangka, edit("19.01", "13"), "ketik")
			assert.Equal(t, fault.TargetsAgreed, fault.CodeOf(store.Explain(err, o.dsn)), "%v", err)
			// Realisation goes on being reported.
			_, err = target.Apply(ctx, bangka, []target.Edit{{IndicatorID: ind, Region: "19.01", Year: 2025, Field: target.FRealisation, Text: "5"}}, "ketik")
			require.NoError(t, err)
			db := o.raw(t, bangkaName)
			refused(t, ctx, db, "SL002",
				"UPDATE indicator_value SET target = 99 WHERE region_code = '19.01' AND year = 2025",
				"DELETE FROM indicator_value WHERE region_code = '19.01' AND year = 2025",
				// The guard reads a statement's rows together: an upsert's
				// inserted and updated rows are both held to the lock.
				`INSERT INTO indicator_value(indicator_id, region_code, year, target) SELECT id, '19.01', 2025, 99 FROM indicator
ON CONFLICT (indicator_id, region_code, year) DO UPDATE SET target = excluded.target`,
				"UPDATE plan_line SET pagu = 1 WHERE region_code = '19.01' AND year = 2025",
				"DELETE FROM plan_line WHERE region_code = '19.01' AND year = 2025",
			)
			_, err = db.ExecContext(ctx, "UPDATE indicator_value SET realisation = 6 WHERE region_code = '19.01' AND year = 2025")
			require.NoError(t, err)
			// Written again with the same targets, a stored row changes none of them.
			_, err = db.ExecContext(ctx, `INSERT INTO indicator_value(indicator_id, region_code, year, target, target_num, target_den, realisation)
SELECT indicator_id, region_code, year, target, target_num, target_den, 7 FROM indicator_value WHERE region_code = '19.01' AND year = 2025
ON CONFLICT (indicator_id, region_code, year) DO UPDATE SET realisation = excluded.realisation`)
			require.NoError(t, err)

			_, err = agreement.Reopen(ctx, sek, "19.01", 2025, "")
			assert.Equal(t, fault.AgreementNoReason, fault.CodeOf(err))
			r, err := agreement.Reopen(ctx, sek, "19.01", 2025, "Pagu APBD-P berubah")
			require.NoError(t, err)
			assert.Equal(t, sekName, r.ReopenedBy)
			assert.Equal(t, []string{"usulan"}, status(), "reopened: proposals again")
			_, err = target.Apply(ctx, bangka, edit("19.01", "13"), "ketik")
			require.NoError(t, err)
			hist, err := o.admin.Audit(ctx, store.AuditQuery{Table: "target_agreement"})
			require.NoError(t, err)
			require.Len(t, hist, 2, "the mark and the reopening")
			assert.Equal(t, sekName, hist[0].UserName)
			assert.Contains(t, hist[0].NewValues, "Pagu APBD-P berubah")
		})
	})
}
