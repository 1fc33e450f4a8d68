package app

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"selaras/backend/connect"
	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/settings"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// pgSuper is the test cluster's superuser URL (scripts/pg-test.sh). The
// tests skip without it unless SELARAS_REQUIRE_PG says the cluster must be there.
func pgSuper(t *testing.T) string {
	t.Helper()
	return storetest.NeedPG(t)
}

func pgExec(t *testing.T, dsn string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer db.Close()
	for _, s := range stmts {
		_, err := db.Exec(s)
		require.NoError(t, err, s)
	}
}

func randName(prefix string) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// freshDB creates an empty database on the cluster, dropped with the test,
// and returns its name and a URL of it as the superuser.
func freshDB(t *testing.T, super string) (string, string) {
	t.Helper()
	name := randName("connect_")
	pgExec(t, super, "CREATE DATABASE "+name)
	t.Cleanup(func() { pgExec(t, super, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	return name, withDB(super, name, "", "")
}

// withDB is super pointed at database name, as user/password when given.
func withDB(super, name, user, password string) string {
	u, _ := url.Parse(super)
	u.Path = "/" + name
	if user != "" {
		u.User = url.UserPassword(user, password)
	}
	return u.String()
}

// request is what the form sends for raw (its password apart).
func request(raw string, remember bool) SharedRequest {
	t, pw, _ := connect.Parse(raw)
	return SharedRequest{URL: t.URL(""), Password: pw, Remember: remember}
}

// Create on an empty database sets it up like a new file; the settings
// remember it without its password; Connect opens it again; a second
// Create is refused; the next start asks for the password (no credential
// store) and opens once it is given.
func TestSharedWorkspaceCreateConnectAndRemember(t *testing.T) {
	super := pgSuper(t)
	name, dsn := freshDB(t, super)
	dir := t.TempDir()
	noKeyring := unavailableKeyring{}
	a := newApp(t, Options{ConfigDir: dir, Keyring: noKeyring})
	w := &Workspace{a}

	st, err := w.CreateShared(request(dsn, true))
	require.NoError(t, err)
	assert.Equal(t, PhaseProfile, st.Phase)
	require.NotNil(t, st.Info)
	assert.True(t, st.Info.Shared)
	tg, pw, _ := connect.Parse(dsn)
	assert.Equal(t, tg.Label(), st.Info.Label)
	assert.NotContains(t, st.Info.Path, pw)
	_, err = (&Settings{a}).SaveProfile(profile.Profile{ProvinceCode: "19", OfficeName: "Dinas Koperasi dan UKM Provinsi Kepulauan Bangka Belitung", WorkingYear: 2025})
	require.NoError(t, err)
	inds, err := (&Targets{a}).Indicators()
	require.NoError(t, err)
	assert.NotEmpty(t, inds, "the starter indicators are installed as in a new file")

	raw, err := os.ReadFile(filepath.Join(dir, settings.File))
	require.NoError(t, err)
	assert.Contains(t, string(raw), "postgres://")
	assert.NotContains(t, string(raw), pw, "the password is never written to the settings")

	_, err = w.CreateShared(request(dsn, false))
	p := problemOf(t, err)
	assert.Equal(t, fault.ServerNotEmpty, p.Code)
	assert.Contains(t, p.Message, name)

	// The next start: no credential store, so the password is asked.
	b := newApp(t, Options{ConfigDir: dir, Keyring: noKeyring})
	wb := &Workspace{b}
	st, err = wb.State()
	require.NoError(t, err)
	assert.Equal(t, PhaseChoose, st.Phase)
	assert.Empty(t, st.Error, "a missing password is asked, not an error")
	assert.True(t, st.Shared.NeedPassword)
	assert.False(t, st.Shared.Keyring)
	assert.NotEmpty(t, st.Shared.KeyringWhy)
	require.NotNil(t, st.Shared.Last)
	assert.Equal(t, tg, *st.Shared.Last)

	st, err = wb.Connect(SharedRequest{URL: st.Shared.Last.URL(""), Password: pw})
	require.NoError(t, err)
	assert.Equal(t, PhaseReady, st.Phase)
	assert.False(t, st.Shared.NeedPassword)
}

// With a credential store, "remember" keeps the password there and the
// next start opens without asking; unticking it forgets the password.
func TestSharedPasswordInCredentialStore(t *testing.T) {
	super := pgSuper(t)
	_, dsn := freshDB(t, super)
	keyring.MockInit()
	dir := t.TempDir()
	a := newApp(t, Options{ConfigDir: dir, Keyring: connect.OS()})
	_, err := (&Workspace{a}).CreateShared(request(dsn, true))
	require.NoError(t, err)

	b := newApp(t, Options{ConfigDir: dir, Keyring: connect.OS()})
	st, err := (&Workspace{b}).State()
	require.NoError(t, err)
	assert.Equal(t, PhaseProfile, st.Phase, "opened at start with the kept password")
	assert.True(t, st.Shared.PasswordKept)

	_, err = (&Workspace{b}).Connect(request(dsn, false))
	require.NoError(t, err)
	c := newApp(t, Options{ConfigDir: dir, Keyring: connect.OS()})
	st, err = (&Workspace{c}).State()
	require.NoError(t, err)
	assert.True(t, st.Shared.NeedPassword, "unticked: forgotten, asked again")
}

// Each refusal at the door is its own message naming the server, in both
// languages, and nothing is opened in place of the workspace.
func TestSharedRefusalsAtTheDoor(t *testing.T) {
	super := pgSuper(t)
	su, _ := url.Parse(super)
	server := su.Host
	_, selarasDSN := freshDB(t, super)
	a := newApp(t, Options{Keyring: unavailableKeyring{}})
	w := &Workspace{a}
	_, err := w.CreateShared(request(selarasDSN, false))
	require.NoError(t, err)

	role := randName("connect_role_")
	pgExec(t, super, "CREATE ROLE "+role+" LOGIN PASSWORD 'tahu-sandi'")
	t.Cleanup(func() { pgExec(t, super, "DROP OWNED BY "+role, "DROP ROLE IF EXISTS "+role) })
	foreign, foreignDSN := freshDB(t, super)
	pgExec(t, foreignDSN, "CREATE TABLE pelanggan (id int primary key, nama text)", "INSERT INTO pelanggan VALUES (1, 'Toko Sinar')")
	selarasName := must(url.Parse(selarasDSN)).Path[1:]

	tests := []struct {
		name string
		dsn  string
		want fault.Code
		says string
	}{
		{"wrong password", withDB(super, selarasName, role, "salah"), fault.ServerWrongPassword, "menolak kata sandi pengguna " + role},
		{"unreachable port", "postgres://selaras:x@127.0.0.1:1/selaras?sslmode=disable", fault.ServerUnreachable, "127.0.0.1:1 tidak dapat dihubungi"},
		{"no such database", withDB(super, "connect_tidak_ada", "", ""), fault.ServerNoDatabase, "connect_tidak_ada tidak ada di server"},
		{"a database not Selaras's", foreignDSN, fault.ServerForeign, foreign},
		{"a role without rights", withDB(super, selarasName, role, "tahu-sandi"), fault.ServerNoRights, role},
		{"TLS required but not offered", withTLS(selarasDSN, "require"), fault.ServerTLSUnavailable, "tidak menyediakan sambungan terenkripsi"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := w.Connect(request(tc.dsn, false))
			p := problemOf(t, err)
			assert.Equal(t, tc.want, p.Code, p.Message)
			assert.Contains(t, p.Message, tc.says)
			if tc.want != fault.ServerUnreachable {
				assert.Contains(t, p.Message, server)
			}
			assert.NotContains(t, p.Message, "tahu-sandi")
			assert.NotContains(t, p.Message, "SQLSTATE", "the driver's words stay out of the message")
		})
	}
	// The foreign database was left as it was.
	db, err := sql.Open("pgx", foreignDSN)
	require.NoError(t, err)
	defer db.Close()
	var n int
	require.NoError(t, db.QueryRow("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").Scan(&n))
	assert.Equal(t, 1, n)

	// The workspace opened first is still the open one.
	st, err := w.State()
	require.NoError(t, err)
	assert.True(t, st.Info.Shared)
}

// A connection dropped under the app (the server restarted, a cable
// pulled) does not leave it stuck: the next action reconnects.
func TestSharedReconnectsAfterDrop(t *testing.T) {
	super := pgSuper(t)
	name, dsn := freshDB(t, super)
	a := newApp(t, Options{Keyring: unavailableKeyring{}})
	w := &Workspace{a}
	_, err := w.CreateShared(request(dsn, false))
	require.NoError(t, err)
	pgExec(t, super, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"+name+"' AND pid <> pg_backend_pid()")
	var last error
	for range 2 { // at most one refusal (ServerConnectionLost), then it works again
		if _, last = (&Targets{a}).Indicators(); last == nil {
			break
		}
		assert.Equal(t, fault.ServerConnectionLost, problemOf(t, last).Code)
	}
	require.NoError(t, last)
}

func withTLS(dsn, mode string) string {
	u, _ := url.Parse(dsn)
	q := u.Query()
	q.Set("sslmode", mode)
	u.RawQuery = q.Encode()
	return u.String()
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// unavailableKeyring is a computer without a credential store.
type unavailableKeyring struct{}

func (unavailableKeyring) Available() error {
	return fault.New(fault.KeyringMissing, "")
}
func (unavailableKeyring) Get(string) (string, error) { return "", connect.ErrNoPassword }
func (unavailableKeyring) Set(string, string) error   { return fault.New(fault.KeyringMissing, "") }
func (unavailableKeyring) Delete(string) error        { return nil }

// A connection cut in the middle of a write (the server's backend killed
// mid-transaction): the message says so naming the server, nothing of the
// write is kept, and the workspace answers again at the next action.
func TestSharedConnectionLostMidWrite(t *testing.T) {
	super := pgSuper(t)
	_, dsn := freshDB(t, super)
	a := newApp(t, Options{Keyring: unavailableKeyring{}})
	_, err := (&Workspace{a}).CreateShared(request(dsn, false))
	require.NoError(t, err)
	s, err := a.store()
	require.NoError(t, err)
	err = s.Tx(context.Background(), func(tx *sql.Tx) error {
		if err := store.SetMeta(context.Background(), tx, "connect_test", "setengah"); err != nil {
			return err
		}
		_, err := tx.Exec("SELECT pg_terminate_backend(pg_backend_pid())")
		return err
	})
	p := problemOf(t, a.fail(err))
	assert.Equal(t, fault.ServerConnectionLost, p.Code, p.Message)
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	assert.Contains(t, p.Message, "Sambungan ke server "+u.Host+" terputus")
	v, err := s.Meta(context.Background(), "connect_test")
	require.NoError(t, err, "the next action reconnects")
	assert.Empty(t, v, "nothing of the cut write was kept")
}

// A person whose role may only read opens the shared workspace read-only
// (the banner says so), and a write is refused saying why.
func TestSharedReaderOpensReadOnly(t *testing.T) {
	super := pgSuper(t)
	name, dsn := freshDB(t, super)
	a := newApp(t, Options{Keyring: unavailableKeyring{}})
	_, err := (&Workspace{a}).CreateShared(request(dsn, false))
	require.NoError(t, err)
	_, err = (&Settings{a}).SaveProfile(profile.Profile{ProvinceCode: "19", OfficeName: "Dinas Koperasi dan UKM Provinsi Kepulauan Bangka Belitung", WorkingYear: 2025})
	require.NoError(t, err)
	role := randName("connect_reader_")
	pgExec(t, super, "CREATE ROLE "+role+" LOGIN PASSWORD 'baca-saja'")
	t.Cleanup(func() { pgExec(t, dsn, "DROP OWNED BY "+role); pgExec(t, super, "DROP ROLE IF EXISTS "+role) })
	pgExec(t, dsn, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO "+role)

	b := newApp(t, Options{Keyring: unavailableKeyring{}})
	st, err := (&Workspace{b}).Connect(request(withDB(super, name, role, "baca-saja"), false))
	require.NoError(t, err)
	assert.Equal(t, PhaseReady, st.Phase)
	assert.True(t, st.Info.ReadOnly)
	_, err = (&Settings{b}).SaveProfile(*st.Profile)
	assert.Equal(t, fault.ReadOnlyRole, problemOf(t, err).Code)
}
