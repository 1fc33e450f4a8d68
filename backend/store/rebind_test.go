package store

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRebind(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT a FROM t WHERE b = ? AND c IN (?,?)", "SELECT a FROM t WHERE b = $1 AND c IN ($2,$3)"},
		{"WHERE (?1 = '' OR t = ?1) LIMIT ?3", "WHERE ($1 = '' OR t = $1) LIMIT $3"},
		{"SELECT '?', \"a?\" -- what?\nFROM t WHERE x = ?", "SELECT '?', \"a?\" -- what?\nFROM t WHERE x = $1"},
		{"SELECT 'it''s ?' WHERE y = ?", "SELECT 'it''s ?' WHERE y = $1"},
		{"SELECT /* a ? /* nested ? */ still ? */ x WHERE y = ?", "SELECT /* a ? /* nested ? */ still ? */ x WHERE y = $1"},
		{"DO $$ BEGIN PERFORM '?'; END $$; SELECT ?", "DO $$ BEGIN PERFORM '?'; END $$; SELECT $1"},
		{"SELECT $fn$ a ? b $fn$, ?", "SELECT $fn$ a ? b $fn$, $1"},
		{`SELECT E'it\'s ?', ?`, `SELECT E'it\'s ?', $1`},
		{"SELECT $1, ?", "SELECT $1, $1"}, // a $n written by hand stays (no tag)
		{"SELECT a$b, ?", "SELECT a$b, $1"},
	} {
		got, err := rebind(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, got, c.in)
	}
	for _, bad := range []string{
		"SELECT ?1, ?",              // SQLite binds the second as ?2, the count as $1
		"SELECT ?, ?2",              // likewise
		"SELECT 'open ?",            // where does the text end?
		"SELECT /* open ? ",         //
		"SELECT $x$ body ? ",        //
		"SELECT E'it\\'s ?",         //
		"SELECT \"ident ? FROM t ?", //
	} {
		_, err := rebind(bad)
		assert.Error(t, err, bad)
	}
}

func TestRedact(t *testing.T) {
	assert.Equal(t, "postgres://budi@db.dinas.local:5432/selaras", Redact("postgres://budi:rahasia@db.dinas.local:5432/selaras"))
	assert.Equal(t, "/home/x/selaras.db", Redact("/home/x/selaras.db"))
}
