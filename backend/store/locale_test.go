package store_test

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// An office's server: Debian installed in Indonesian makes its databases
// in id_ID.UTF-8, whose collation ignores punctuation.
const officeLocale = "TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'id_ID.UTF-8' LC_CTYPE 'id_ID.UTF-8'"

func metaKeys(t *testing.T, s *store.Store, where string, args ...any) []string {
	t.Helper()
	keys, err := store.QueryAll(context.Background(), s.Read(), func(r store.Row) (string, error) {
		var k string
		return k, r.Scan(&k)
	}, "SELECT key FROM meta WHERE "+where+" ORDER BY key", args...)
	require.NoError(t, err)
	return keys
}

func putKeys(t *testing.T, s *store.Store, keys ...string) {
	t.Helper()
	require.NoError(t, s.Tx(context.Background(), func(tx *sql.Tx) error {
		for _, k := range keys {
			if _, err := tx.Exec("INSERT INTO meta(key, value) VALUES (?, '')", k); err != nil {
				return err
			}
		}
		return nil
	}))
}

// A province's kab/kota are found, and codes sort, the same on a file and
// on a server made in an office's locale.
func TestCodesCompareBytewiseInAnOfficeLocale(t *testing.T) {
	storetest.NeedPG(t)
	server := storetest.OpenAt(t, storetest.NewDatabaseAs(t, officeLocale))
	file := storetest.OpenAt(t, t.TempDir()+"/w.db")
	keys := []string{"19", "19.01", "19.02", "190", "1901", "35.01", "Kota Batu", "kab", "_x", "19/"}
	for _, s := range []*store.Store{file, server} {
		putKeys(t, s, keys...)
		cond, args := store.RegionScope("key", "19")
		assert.Equal(t, []string{"19", "19.01", "19.02"}, metaKeys(t, s, cond, args...), "%s: the province and its kab/kota", s.Engine())
		assert.Equal(t, []string{"19", "19.01", "19.02", "19/", "190", "1901", "35.01", "Kota Batu", "_x", "kab"},
			metaKeys(t, s, "1 = 1"), "%s: bytewise order", s.Engine())
		assert.Equal(t, []string{"Kota Batu", "kab"}, metaKeys(t, s, "lower(key) LIKE ?", "k%"), "%s: lower() and LIKE", s.Engine())
	}
}

// A database in another encoding than UTF8 is refused before anything is
// written, with the way to make a right one.
func TestServerInAnotherEncodingIsRefused(t *testing.T) {
	storetest.NeedPG(t)
	dsn := storetest.NewDatabaseAs(t, "TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'")
	_, err := store.Open(context.Background(), dsn, store.Options{})
	require.Error(t, err)
	assert.Equal(t, fault.ServerNotUTF8, fault.CodeOf(err))
	assert.Contains(t, fault.Message(err, fault.ID), "createdb -E UTF8 -T template0")
	assert.Contains(t, fault.Message(err, fault.EN), "LATIN1")
	assert.Zero(t, publicTables(t, dsn), "nothing was written")
}

// A server prepared by an earlier Selaras (schema 7, its roles and rights
// applied by the "workspace init" of that version) migrates to what a new
// server gets: the same schema, rights and policies, its people and data
// kept, and its codes compared bytewise.
func TestUpgradeFromAnEarlierInit(t *testing.T) {
	admin := storetest.NeedPG(t)
	ctx := context.Background()
	old := storetest.NewDatabaseAs(t, officeLocale)
	restore := store.OnlyMigrationsTo(7)
	s, err := store.Open(ctx, old, store.Options{})
	if err != nil {
		restore()
		require.NoError(t, err)
	}
	putKeys(t, s, "19", "19.01", "19.02")
	s.Close()
	restore()
	init, err := os.ReadFile("testdata/init-v7.sql")
	require.NoError(t, err)
	u, _ := url.Parse(old)
	person := strings.TrimPrefix(u.Path, "/") + "_bidang"
	raw, err := sql.Open("pgx", old)
	require.NoError(t, err)
	defer raw.Close()
	_, err = raw.Exec(string(init))
	require.NoError(t, err)
	_, err = raw.Exec(`CREATE ROLE "` + person + `" LOGIN PASSWORD 'x' IN ROLE selaras_bidang`)
	require.NoError(t, err)
	t.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err == nil {
			_, _ = db.Exec(`DROP ROLE IF EXISTS "` + person + `"`)
			db.Close()
		}
	})
	_, err = raw.Exec("INSERT INTO member(role_name, kind, bidang) VALUES ($1, 'bidang', 'Bidang UMKM')", person)
	require.NoError(t, err)
	cond, args := store.RegionScope("key", "19")
	var before int
	require.NoError(t, raw.QueryRow("SELECT count(*) FROM meta WHERE "+rebound(cond), args...).Scan(&before))
	assert.Equal(t, 1, before, "the earlier schema finds no kab/kota in this locale")

	upgraded := storetest.OpenAt(t, old)
	fresh := storetest.OpenAt(t, storetest.NewDatabase(t))

	v, err := upgraded.Version(ctx)
	require.NoError(t, err)
	assert.Equal(t, store.SchemaVersion(), v)
	assert.Equal(t, []string{"19", "19.01", "19.02"}, metaKeys(t, upgraded, cond, args...))
	var kind, bidang string
	require.NoError(t, upgraded.Read().QueryRow("SELECT kind, bidang FROM member WHERE role_name = ?", person).Scan(&kind, &bidang))
	assert.Equal(t, []string{"bidang", "Bidang UMKM"}, []string{kind, bidang}, "the people are kept")

	assert.Equal(t, readPostgres(t, fresh), readPostgres(t, upgraded), "the schema")
	assert.Greater(t, len(rights(t, fresh)), 100)
	assert.Equal(t, rights(t, fresh), rights(t, upgraded), "the rights and policies")
}

// rebound numbers the "?" of a condition for a raw pgx query.
func rebound(cond string) string {
	n := 0
	var b strings.Builder
	for _, c := range cond {
		if c == '?' {
			n++
			b.WriteString("$" + string(rune('0'+n)))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// rights are the grants of every table and the policies of the schema, as
// comparable lines.
func rights(t *testing.T, s *store.Store) []string {
	t.Helper()
	out := strs(t, s, `SELECT table_name || ' ' || grantee || ' ' || privilege_type FROM information_schema.role_table_grants
WHERE table_schema = current_schema() AND grantee LIKE 'selaras\_%' ORDER BY 1`)
	out = append(out, strs(t, s, `SELECT tablename || ' ' || policyname || ' ' || cmd || ' ' || array_to_string(roles, ',') || ' '
  || coalesce(qual, '') || ' ' || coalesce(with_check, '') FROM pg_policies WHERE schemaname = current_schema() ORDER BY 1`)...)
	out = append(out, strs(t, s, `SELECT tablename || ' owner ' || tableowner FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`)...)
	out = append(out, strs(t, s, `SELECT p.proname || ' ' || pg_get_userbyid(p.proowner) || ' ' || p.prosecdef::text || ' '
  || coalesce(array_to_string(p.proconfig, ','), '') FROM pg_proc p WHERE p.pronamespace = to_regnamespace(current_schema()) ORDER BY 1`)...)
	return out
}
