package shared_test

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/program"
	"selaras/backend/rakor"
	"selaras/backend/shared"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/workspace"
)

// office is a shared workspace made by Init with people of each role.
// Roles are cluster-wide, so each person's name starts with the test
// database's own name and is dropped when the test ends.
type office struct {
	dsn   string
	admin *store.Store // the superuser the tests run as
}

func newOffice(t *testing.T) office {
	t.Helper()
	ctx := context.Background()
	dsn := storetest.NewDatabase(t)
	require.NoError(t, shared.Init(ctx, dsn))
	s := storetest.OpenAt(t, dsn)
	return office{dsn: dsn, admin: s}
}

func (o office) person(t *testing.T, role shared.Role, bidang string) string {
	t.Helper()
	u, err := url.Parse(o.dsn)
	require.NoError(t, err)
	name := strings.TrimPrefix(u.Path, "/") + "_" + string(role)
	require.NoError(t, shared.AddUser(context.Background(), o.dsn, shared.User{Name: name, Role: role, Bidang: bidang,
		Password: "sandi " + name}))
	t.Cleanup(func() {
		db, err := sql.Open("pgx", storetest.PG())
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec(`DROP ROLE IF EXISTS "` + name + `"`)
	})
	return name
}

// as is the workspace's URL for name, with the password person gave it.
func (o office) as(t *testing.T, name string) string {
	t.Helper()
	u, err := url.Parse(o.dsn)
	require.NoError(t, err)
	u.User = url.UserPassword(name, "sandi "+name)
	return u.String()
}

// login opens the workspace as name.
func (o office) login(t *testing.T, name string) *store.Store {
	t.Helper()
	return storetest.OpenAt(t, o.as(t, name))
}

// raw connects as name without the store, to see what the database itself
// allows.
func (o office) raw(t *testing.T, name string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", o.as(t, name))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// sqlState is the PostgreSQL error code inside err, "" for none.
func sqlState(err error) string {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code
	}
	return ""
}

// refused runs each statement on db, a role's own connection, and expects
// the server to refuse it with the SQLSTATE state.
func refused(t *testing.T, ctx context.Context, db *sql.DB, state string, statements ...string) {
	t.Helper()
	for _, q := range statements {
		_, err := db.ExecContext(ctx, q)
		assert.Equal(t, state, sqlState(err), "%s: %v", q, err)
	}
}

const noRight = "42501" // insufficient_privilege: the app says "no right"

// refusedLine saves l as who, through the app's code, and expects the
// server to refuse it as no right; why says which write it is.
func refusedLine(t *testing.T, ctx context.Context, who *store.Store, l program.PlanLine, why string) {
	t.Helper()
	_, err := program.SavePlanLine(ctx, who, l)
	assert.Equal(t, noRight, sqlState(err), "%s: %v", why, err)
}

func TestRolesAreEnforcedByTheDatabase(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	o := newOffice(t)

	sub, err := program.SaveSubKegiatan(ctx, o.admin, program.Item{Code: "2.17.03.1.01.0001", Name: "Pelatihan koperasi"})
	require.NoError(t, err)
	line := func(bidang string) program.PlanLine {
		return program.PlanLine{SubKegiatanID: sub.ID, Region: "19", Year: 2025, OutputIndicator: "Koperasi dilatih",
			SumberDana: program.DAK, Bidang: bidang}
	}
	koperasi, err := program.SavePlanLine(ctx, o.admin, line("Bidang Koperasi"))
	require.NoError(t, err)
	meeting, err := rakor.SaveMeeting(ctx, o.admin, rakor.Meeting{Kind: rakor.Rakortek, Title: "Rakortek 2025",
		StartDate: "2025-02-10", PlanningYear: 2025})
	require.NoError(t, err)

	readerName := o.person(t, shared.Pembaca, "")
	reader := o.login(t, readerName)
	ukmName := o.person(t, shared.Bidang, "Bidang UKM")
	ukm := o.login(t, ukmName)
	sekName := o.person(t, shared.Sekretariat, "")
	sek := o.login(t, sekName)

	t.Run("a reader reads and cannot write", func(t *testing.T) {
		lines, err := program.ListPlanLines(ctx, reader, program.Filter{Year: 2025})
		require.NoError(t, err)
		assert.Len(t, lines, 1)
		// The store knows a reader and refuses at its door ...
		assert.True(t, reader.ReadOnly())
		_, err = rakor.SaveMeeting(ctx, reader, rakor.Meeting{Kind: rakor.Rakor, Title: "x", StartDate: "2025-03-01", PlanningYear: 2025})
		assert.Equal(t, fault.ReadOnlyRole, fault.CodeOf(err), "%v", err)
		// ... and the database refuses whatever reaches it.
		db := o.raw(t, readerName)
		refused(t, ctx, db, noRight,
			"INSERT INTO meeting(kind, title, start_date, end_date, planning_year) VALUES('rakor', 'x', '2025-03-01', '2025-03-01', 2025)",
			"UPDATE plan_line SET pagu = 1",
			"DELETE FROM indicator_value",
			"UPDATE profile SET office_name = 'x'",
		)
	})

	t.Run("a bidang writes its own plan lines only", func(t *testing.T) {
		own, err := program.SavePlanLine(ctx, ukm, line("Bidang UKM"))
		require.NoError(t, err)
		own.Pagu = 150_000_000
		own, err = program.SavePlanLine(ctx, ukm, own)
		require.NoError(t, err)
		hist, err := program.History(ctx, o.admin, own.ID)
		require.NoError(t, err)
		require.NotEmpty(t, hist)
		assert.Equal(t, ukmName, hist[0].UserName, "the audit log names the person")

		refusedLine(t, ctx, ukm, line("Bidang Koperasi"), "another bidang's new line")
		other := koperasi
		other.Pagu = 1
		refusedLine(t, ctx, ukm, other, "another bidang's line")
		other.Bidang = "Bidang UKM"
		refusedLine(t, ctx, ukm, other, "taking over another bidang's line")
		moved := own
		moved.Bidang = "Bidang Koperasi"
		refusedLine(t, ctx, ukm, moved, "giving a line away")
		assert.Equal(t, noRight, sqlState(program.DeletePlanLine(ctx, ukm, koperasi.ID)))
		_, err = rakor.SaveDecision(ctx, ukm, rakor.Decision{MeetingID: meeting.ID, Text: "x"})
		assert.Equal(t, noRight, sqlState(err), "a bidang does not write decisions: %v", err)
		require.NoError(t, program.DeletePlanLine(ctx, ukm, own.ID))

		got, err := program.GetPlanLine(ctx, o.admin, koperasi.ID)
		require.NoError(t, err)
		assert.Equal(t, koperasi.Pagu, got.Pagu, "nothing of the refused writes landed")
		assert.Equal(t, "Bidang Koperasi", got.Bidang)
	})

	t.Run("the sekretariat writes the rakor and the kab/kota's plan lines, not the province's", func(t *testing.T) {
		d, err := rakor.SaveDecision(ctx, sek, rakor.Decision{MeetingID: meeting.ID, Text: "Data koperasi dimutakhirkan"})
		require.NoError(t, err)
		hist, err := o.admin.Audit(ctx, store.AuditQuery{Table: "decision"})
		require.NoError(t, err)
		require.NotEmpty(t, hist)
		assert.Equal(t, sekName, hist[0].UserName)
		assert.Equal(t, strconv.FormatInt(d.ID, 10), hist[0].RowKey)

		// A returned template's plan sheet: the kab/kota's own lines.
		regency := line("")
		regency.Region = "19.01"
		regency.SumberDana = program.APBDKabKota
		kab, err := program.SavePlanLine(ctx, sek, regency)
		require.NoError(t, err)
		kab.Pagu = 250_000_000
		kab, err = program.SavePlanLine(ctx, sek, kab)
		require.NoError(t, err)
		hist, err = program.History(ctx, o.admin, kab.ID)
		require.NoError(t, err)
		require.NotEmpty(t, hist)
		assert.Equal(t, sekName, hist[0].UserName, "the audit log names the person")
		require.NoError(t, program.DeletePlanLine(ctx, sek, kab.ID))

		// The province's own lines stay with their bidang: refused, never
		// silently skipped.
		refusedLine(t, ctx, sek, line("Bidang UKM"), "a new province line")
		prov := koperasi
		prov.Pagu = 1
		refusedLine(t, ctx, sek, prov, "a province line")
		moved := koperasi
		moved.Region = "19.02"
		refusedLine(t, ctx, sek, moved, "moving a province line to a kab/kota")
		assert.Equal(t, noRight, sqlState(program.DeletePlanLine(ctx, sek, koperasi.ID)))
		db := o.raw(t, sekName)
		refused(t, ctx, db, noRight,
			"UPDATE plan_line SET pagu = 1 WHERE region_code = '19'",
			"DELETE FROM plan_line WHERE region_code = '19'",
		)
		got, err := program.GetPlanLine(ctx, o.admin, koperasi.ID)
		require.NoError(t, err)
		assert.Equal(t, koperasi.Pagu, got.Pagu, "nothing of the refused writes landed")
		assert.Equal(t, "19", got.Region)
	})

	adminName := o.person(t, shared.Admin, "")
	adminURL := o.as(t, adminName)
	t.Run("an admin writes everything and acts as the group", func(t *testing.T) {
		name := adminName
		adm := o.login(t, name)
		it, err := program.SaveSubKegiatan(ctx, adm, program.Item{Code: "2.17.03.1.01.0002", Name: "Pendampingan koperasi"})
		require.NoError(t, err)
		l := line("Bidang Koperasi")
		l.SubKegiatanID = it.ID
		_, err = program.SavePlanLine(ctx, adm, l)
		require.NoError(t, err)
		hist, err := o.admin.Audit(ctx, store.AuditQuery{Table: "nomenclature"})
		require.NoError(t, err)
		require.NotEmpty(t, hist)
		assert.Equal(t, name, hist[0].UserName, "the audit log names the person, not the group")
		var cur string
		require.NoError(t, o.raw(t, name).QueryRowContext(ctx, "SELECT current_user").Scan(&cur))
		assert.Equal(t, "selaras_admin", cur, "what an admin creates belongs to the group")
	})

	t.Run("no one but the admin writes the audit log", func(t *testing.T) {
		for _, name := range []string{readerName, ukmName, sekName} {
			db := o.raw(t, name)
			_, err := db.ExecContext(ctx, "INSERT INTO audit_log(table_name, row_key, action, user_name) VALUES('plan_line', '1', 'delete', 'someone')")
			assert.Equal(t, noRight, sqlState(err), "%s: %v", name, err)
			_, err = db.ExecContext(ctx, "DELETE FROM audit_log")
			assert.Equal(t, noRight, sqlState(err), "%s: %v", name, err)
			_, err = db.ExecContext(ctx, "UPDATE audit_log SET user_name = 'someone'")
			assert.Equal(t, noRight, sqlState(err), "%s: %v", name, err)
			_, err = db.ExecContext(ctx, "CREATE TEMP TABLE audit_log (LIKE public.audit_log)")
			assert.Equal(t, noRight, sqlState(err), "no shadow log to divert one's lines into: %s: %v", name, err)
		}
	})

	t.Run("a migration resetting the audit function changes nothing for the people", func(t *testing.T) {
		// What the store's prelude does on every migration: CREATE OR
		// REPLACE drops SECURITY DEFINER and the search path.
		_, err := o.admin.Read().ExecContext(ctx, "ALTER FUNCTION selaras_audit() SECURITY INVOKER RESET ALL")
		require.NoError(t, err)
		l, err := program.SavePlanLine(ctx, ukm, line("Bidang UKM"))
		require.NoError(t, err)
		hist, err := program.History(ctx, o.admin, l.ID)
		require.NoError(t, err)
		require.NotEmpty(t, hist)
		assert.Equal(t, ukmName, hist[0].UserName)
		_, err = rakor.SaveDecision(ctx, sek, rakor.Decision{MeetingID: meeting.ID, Text: "Sesudah pembaruan"})
		require.NoError(t, err)
		for _, name := range []string{ukmName, sekName} {
			_, err := o.raw(t, name).ExecContext(ctx, "INSERT INTO audit_log(table_name, row_key, action, user_name) VALUES('plan_line', '1', 'delete', 'someone')")
			assert.Equal(t, noRight, sqlState(err), "%s: %v", name, err)
		}
	})

	t.Run("init again keeps the people and their rights", func(t *testing.T) {
		require.NoError(t, shared.Init(ctx, o.dsn))
		require.NoError(t, shared.Init(ctx, adminURL), "an admin without the right to create roles runs it after an upgrade")
		_, err := program.SavePlanLine(ctx, ukm, line("Bidang UKM"))
		require.NoError(t, err)
		users, err := shared.Users(ctx, o.dsn)
		require.NoError(t, err)
		var names []string
		for _, u := range users {
			names = append(names, u.Name+"="+string(u.Role)+":"+u.Bidang)
		}
		prefix := strings.TrimSuffix(ukmName, "_bidang")
		assert.Equal(t, []string{prefix + "_admin=admin:", ukmName + "=bidang:Bidang UKM", readerName + "=pembaca:",
			sekName + "=sekretariat:"}, names, "by name")
	})
}

func TestAddUserRefusesBadInput(t *testing.T) {
	storetest.NeedPG(t)
	o := newOffice(t)
	ctx := context.Background()
	tests := []struct {
		name string
		u    shared.User
		want fault.Code
	}{
		{"upper case", shared.User{Name: "Budi", Role: shared.Pembaca, Password: "x"}, fault.SharedBadName},
		{"a group's name", shared.User{Name: "selaras_admin", Role: shared.Admin, Password: "x"}, fault.SharedBadName},
		{"quote", shared.User{Name: `a"b`, Role: shared.Pembaca, Password: "x"}, fault.SharedBadName},
		{"unknown role", shared.User{Name: "budi", Role: "kepala", Password: "x"}, fault.SharedBadRole},
		{"bidang without one", shared.User{Name: "budi", Role: shared.Bidang, Password: "x"}, fault.SharedNoBidang},
		{"no password", shared.User{Name: "budi", Role: shared.Pembaca}, fault.SharedNoPassword},
		{"exists", shared.User{Name: "selaras", Role: shared.Pembaca, Password: "x"}, fault.SharedUserExists},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := shared.AddUser(ctx, o.dsn, tt.u)
			assert.Equal(t, tt.want, fault.CodeOf(err), "%v", err)
			assert.NotEmpty(t, fault.Message(err, fault.EN))
		})
	}
	assert.Equal(t, fault.SharedNeedsServer, fault.CodeOf(shared.Init(ctx, "/tmp/x.db")))
}

// Every table of the schema is placed: who writes it besides the admin.
// Everyone reads every table; the admin's group owns every one. A migration
// adding a table fails this test until someone decides who writes it and
// its PostgreSQL step grants just that.
func TestEveryTableIsClassified(t *testing.T) {
	storetest.NeedPG(t)
	writers := map[string][]shared.Role{
		"meta": nil, "profile": nil, "audit_log": nil, "member": nil, "schema_migrations": nil,
		// Bumped by the catalogue's triggers (a SECURITY DEFINER function), never by a role.
		"generation": nil,
		"indicator":  nil, "central_item": nil, "central_target": nil, "central_indicator": nil,
		"nomenclature": nil, "sub_kegiatan_indicator": nil,
		"plan_line": {shared.Sekretariat, shared.Bidang, shared.Kabkota},
	}
	for _, t := range []string{"meeting", "meeting_participant", "agenda_item", "snapshot", "snapshot_matrix",
		"decision", "decision_indicator", "decision_region", "decision_program", "decision_followup",
		"agenda_decision", "challenge_category", "challenge", "decision_challenge", "indicator_value", "import_log",
		"attendance", "attendance_signature", "target_agreement", "template_sent"} {
		writers[t] = []shared.Role{shared.Sekretariat}
	}
	// A regency office: its own region's values (and plan lines, above) and
	// follow-up notes; the guards narrow them to its region.
	writers["indicator_value"] = append(writers["indicator_value"], shared.Kabkota)
	writers["decision_followup"] = append(writers["decision_followup"], shared.Kabkota)
	o := newOffice(t)
	ctx := context.Background()
	tables, err := store.QueryAll(ctx, o.admin.Read(), func(r store.Row) (string, error) {
		var n string
		return n, r.Scan(&n)
	}, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
	require.NoError(t, err)
	require.Greater(t, len(tables), 20)
	for _, tb := range tables {
		want, ok := writers[tb]
		if !assert.True(t, ok, "table %s: decide who writes it (here and in its PostgreSQL migration)", tb) {
			continue
		}
		var owner string
		require.NoError(t, o.admin.Read().QueryRowContext(ctx,
			"SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?", tb).Scan(&owner))
		assert.Equal(t, "selaras_admin", owner, "table %s", tb)
		for _, r := range []shared.Role{shared.Sekretariat, shared.Bidang, shared.Pembaca, shared.Kabkota} {
			var reads, writes int
			require.NoError(t, o.admin.Read().QueryRowContext(ctx,
				"SELECT has_table_privilege(?, ?, 'SELECT'), has_table_privilege(?, ?, 'INSERT')",
				r.Group(), tb, r.Group(), tb).Scan(&reads, &writes))
			assert.Equal(t, 1, reads, "%s reads %s", r, tb)
			wantWrite := 0
			if slices.Contains(want, r) {
				wantWrite = 1
			}
			if tb == "audit_log" && r != shared.Pembaca {
				wantWrite = 1 // inserts from triggers only: audit_log_guard refuses the rest
			}
			assert.Equal(t, wantWrite, writes, "%s writes %s", r, tb)
		}
	}
}

// An office that initialises the server and then sets the workspace up from
// the app ("Buat ruang kerja bersama") gets one nomenclature and the starter
// indicators, and its people can then open it.
func TestInitThenCreateFromTheApp(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	o := newOffice(t)
	_, err := workspace.Open(ctx, o.dsn)
	assert.True(t, fault.Is(err, fault.ServerEmpty), "an initialised database is not yet a workspace: %v", err)
	s, err := workspace.Create(ctx, o.dsn, workspace.Office)
	require.NoError(t, err)
	defer s.Close()
	var urusan, indicators int
	require.NoError(t, s.Read().QueryRowContext(ctx, "SELECT count(*) FROM nomenclature WHERE code = ?", program.Urusan).Scan(&urusan))
	require.NoError(t, s.Read().QueryRowContext(ctx, "SELECT count(*) FROM indicator").Scan(&indicators))
	assert.Equal(t, 1, urusan)
	assert.Positive(t, indicators)
	reader := o.login(t, o.person(t, shared.Pembaca, ""))
	assert.True(t, reader.ReadOnly())
}

// pgTool finds a PostgreSQL client program (pg_dump, pg_restore) of the
// server's version.
func pgTool(t *testing.T, name string) string {
	t.Helper()
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	sort.Strings(dirs)
	if len(dirs) > 0 {
		return dirs[len(dirs)-1]
	}
	p, err := exec.LookPath(name)
	require.NoError(t, err, "%s is needed to test the README's backup and restore", name)
	return p
}

// The README's restore: a dump restored by the manager into a fresh
// database (objects then owned by the manager), then "workspace init" gives
// the rights back; the office's people work as before.
func TestRestoredDumpGetsItsRightsBackFromInit(t *testing.T) {
	admin := storetest.NeedPG(t)
	ctx := context.Background()
	o := newOffice(t)
	ukmName := o.person(t, shared.Bidang, "Bidang UKM")
	sub, err := program.SaveSubKegiatan(ctx, o.admin, program.Item{Code: "2.17.03.1.01.0001", Name: "Pelatihan koperasi"})
	require.NoError(t, err)
	_, err = program.SavePlanLine(ctx, o.admin, program.PlanLine{SubKegiatanID: sub.ID, Region: "19", Year: 2025,
		OutputIndicator: "Koperasi dilatih", SumberDana: program.DAK, Bidang: "Bidang Koperasi"})
	require.NoError(t, err)

	dump := filepath.Join(t.TempDir(), "selaras.dump")
	out, err := exec.Command(pgTool(t, "pg_dump"), "-Fc", "-f", dump, "--dbname", o.dsn).CombinedOutput()
	require.NoError(t, err, "%s", out)

	// The manager of the README: may create roles, is no superuser, and is
	// a member of the admins' group since their first init on this server.
	u, err := url.Parse(o.dsn)
	require.NoError(t, err)
	manager := strings.TrimPrefix(u.Path, "/") + "_pengelola"
	raw, err := sql.Open("pgx", admin)
	require.NoError(t, err)
	defer raw.Close()
	_, err = raw.Exec(`CREATE ROLE "` + manager + `" LOGIN CREATEROLE PASSWORD 'sandi' IN ROLE selaras_admin`)
	require.NoError(t, err)
	restored := storetest.NewDatabase(t)
	r, _ := url.Parse(restored)
	_, err = raw.Exec(`ALTER DATABASE "` + strings.TrimPrefix(r.Path, "/") + `" OWNER TO "` + manager + `"`)
	require.NoError(t, err)
	t.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err == nil {
			_, _ = db.Exec(`DROP DATABASE IF EXISTS "` + strings.TrimPrefix(r.Path, "/") + `" WITH (FORCE)`)
			_, _ = db.Exec(`DROP OWNED BY "` + manager + `" CASCADE`)
			_, _ = db.Exec(`DROP ROLE IF EXISTS "` + manager + `"`)
			db.Close()
		}
	})
	out, err = exec.Command(pgTool(t, "pg_restore"), "-d", restored, "--no-owner", "--role="+manager, dump).CombinedOutput()
	require.NoError(t, err, "%s", out)
	r.User = url.UserPassword(manager, "sandi")
	require.NoError(t, shared.Init(ctx, r.String()))

	s := storetest.OpenAt(t, restored)
	var notAdmins int
	require.NoError(t, s.Read().QueryRowContext(ctx,
		"SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tableowner <> 'selaras_admin'").Scan(&notAdmins))
	assert.Zero(t, notAdmins, "every table is the admins' group's again")

	// The bidang person of the office works on the restored database.
	p, _ := url.Parse(restored)
	p.User = url.UserPassword(ukmName, "sandi "+ukmName)
	ukm := storetest.OpenAt(t, p.String())
	_, err = program.SavePlanLine(ctx, ukm, program.PlanLine{SubKegiatanID: sub.ID, Region: "19", Year: 2025,
		OutputIndicator: "UKM dilatih", SumberDana: program.DAK, Bidang: "Bidang UKM"})
	require.NoError(t, err)
	_, err = program.SavePlanLine(ctx, ukm, program.PlanLine{SubKegiatanID: sub.ID, Region: "19", Year: 2025,
		OutputIndicator: "x", SumberDana: program.DAK, Bidang: "Bidang Koperasi"})
	assert.Equal(t, noRight, sqlState(err), "another bidang's line is still refused: %v", err)
}
