package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"selaras/backend/fault"
	"selaras/backend/store"
)

func TestParse(t *testing.T) {
	tests := []struct {
		raw  string
		want Target
		pw   string
	}{
		{"postgres://kabid@10.0.0.5/selaras", Target{Host: "10.0.0.5", Port: 5432, Database: "selaras", User: "kabid", TLS: "prefer"}, ""},
		{"postgresql://a%40b:p%3Ass@srv:6543/db%20x?sslmode=require", Target{Host: "srv", Port: 6543, Database: "db x", User: "a@b", TLS: "require"}, "p:ss"},
		{"postgres://[::1]:55432/w?user=u&password=s&sslmode=disable", Target{Host: "::1", Port: 55432, Database: "w", User: "u", TLS: "disable"}, "s"},
		// A regency reaching its province: verified against the province's CA file.
		{"postgres://dinas_bangka@db.koperasi.babelprov.go.id/selaras?sslmode=verify-full&sslrootcert=C%3A%5CSelaras%5Cca-provinsi.crt",
			Target{Host: "db.koperasi.babelprov.go.id", Port: 5432, Database: "selaras", User: "dinas_bangka", TLS: "verify-full", CAFile: `C:\Selaras\ca-provinsi.crt`}, ""},
	}
	for _, tc := range tests {
		got, pw, err := Parse(tc.raw)
		require.NoError(t, err, tc.raw)
		assert.Equal(t, tc.want, got)
		assert.Equal(t, tc.pw, pw)
		// The URL built back reads the same.
		again, pw2, err := Parse(got.URL(pw))
		require.NoError(t, err)
		assert.Equal(t, tc.want, again)
		assert.Equal(t, tc.pw, pw2)
	}
	for _, bad := range []string{"postgres://", "postgres://u@h", "postgres://h/db", "postgres://u@h:99999/db", "/tmp/x.db", "postgres://u@h/db?sslmode=maybe"} {
		_, _, err := Parse(bad)
		assert.Error(t, err, bad)
	}
	_, _, err := Parse("postgres://u:secret@/db")
	assert.Equal(t, "Server (host) wajib diisi.", fault.Message(err, fault.ID))
}

func TestLabelAndRedact(t *testing.T) {
	tg := Target{Host: "srv", Port: 5432, Database: "selaras", User: "kabid", TLS: "prefer"}
	assert.Equal(t, "kabid@srv/selaras", tg.Label())
	tg.Port = 6000
	assert.Equal(t, "kabid@srv:6000/selaras", tg.Label())
	assert.Equal(t, "kabid@srv:6000/selaras", tg.Account())
	tg.Port = 5432
	assert.Equal(t, "kabid@srv:5432/selaras", tg.Account(), "the account always names the port")

	for _, raw := range []string{"postgres://u:s3cret@h/db", "postgres://u@h/db?password=s3cret&sslmode=require"} {
		r := store.Redact(raw)
		assert.NotContains(t, r, "s3cret")
		assert.Contains(t, r, "u")
	}
	assert.Equal(t, "/home/x/selaras.db", store.Redact("/home/x/selaras.db"))
	_, _, err := Parse("postgres://u:s3cret@h:notaport/db")
	assert.NotContains(t, fault.Message(err, fault.EN), "s3cret", "a refused URL is named without its password")
}

// Resolve: the URL's own password, then the one typed, then the kept one;
// with none the caller asks.
func TestResolve(t *testing.T) {
	keyring.MockInit()
	kr := OS()
	require.NoError(t, kr.Available())
	tg := Target{Host: "srv", Port: 5432, Database: "selaras", User: "kabid", TLS: "prefer"}
	raw := tg.URL("")

	full, need, err := Resolve(raw, "", kr)
	require.NoError(t, err)
	assert.True(t, need)
	assert.Contains(t, full, "connect_timeout=5")

	full, need, err = Resolve(raw, "typed", kr)
	require.NoError(t, err)
	assert.False(t, need)
	_, pw, _ := Parse(full)
	assert.Equal(t, "typed", pw)

	require.NoError(t, Keep(kr, tg, "kept", true))
	full, need, err = Resolve(raw, "", kr)
	require.NoError(t, err)
	assert.False(t, need)
	_, pw, _ = Parse(full)
	assert.Equal(t, "kept", pw)

	full, _, err = Resolve(tg.URL("inline"), "typed", kr)
	require.NoError(t, err)
	_, pw, _ = Parse(full)
	assert.Equal(t, "inline", pw, "a password in the URL wins")

	// Unticking "remember" forgets the kept password.
	require.NoError(t, Keep(kr, tg, "kept", false))
	_, need, err = Resolve(raw, "", kr)
	require.NoError(t, err)
	assert.True(t, need)
}
