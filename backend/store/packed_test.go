package store_test

import (
	"context"
	"database/sql"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// TestPackedReadsWhatColumnsRead: a packed result gives back every value a
// column-by-column read gives, on both engines: floats to the last bit,
// NULLs, and texts holding the separators and characters of several bytes.
func TestPackedReadsWhatColumnsRead(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, storetest.DSN(t, "packed.db"), store.Options{})
	require.NoError(t, err)
	defer s.Close()
	create := `CREATE TABLE packed_probe (id BIGINT NOT NULL, x DOUBLE PRECISION, n BIGINT, t TEXT)`
	if s.Engine() != store.Postgres {
		create = `CREATE TABLE packed_probe (id INTEGER NOT NULL, x REAL, n INTEGER, t TEXT) STRICT`
	}
	type row struct {
		id int64
		x  *float64
		n  *int64
		t  string
	}
	f := func(v float64) *float64 { return &v }
	i := func(v int64) *int64 { return &v }
	rows := []row{
		{1, f(0.1 + 0.2), i(math.MaxInt64), "a,b:c"},
		{2, nil, nil, ""},
		{3, f(17.65), i(-5), "Kab. Tulungagung: 12:30, ñ é ü 日本"},
		{4, f(5), i(0), "3:abc,"},
		{5, f(1e21), i(math.MinInt64), "\n,\x01"},
		{6, f(-2.5e-310), nil, "::"},
		{7, f(123456789.123456789), i(255), "," + "x"},
	}
	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, create); err != nil {
			return err
		}
		for _, r := range rows {
			if _, err := tx.ExecContext(ctx, "INSERT INTO packed_probe (id, x, n, t) VALUES (?, ?, ?, ?)", r.id, r.x, r.n, r.t); err != nil {
				return err
			}
		}
		return nil
	}))
	pk, err := store.ReadPacked(ctx, s.Read(), "SELECT "+store.PackAll(store.PackRow(store.Num("id"), store.Num("x"),
		store.Num("n"), store.Txt("t")))+" FROM packed_probe")
	require.NoError(t, err)
	got := map[int64]row{}
	for pk.More() {
		var r row
		r.id, _ = pk.Int()
		if x, ok := pk.Float(); ok {
			r.x = &x
		}
		if n, ok := pk.Int(); ok {
			r.n = &n
		}
		r.t = pk.Text()
		require.NoError(t, pk.Err())
		got[r.id] = r
	}
	require.Len(t, got, len(rows))
	for _, want := range rows {
		assert.Equal(t, want, got[want.id], "row %d", want.id)
	}

	// No rows: an empty result, not an error.
	pk, err = store.ReadPacked(ctx, s.Read(), "SELECT "+store.PackAll(store.PackRow(store.Num("id")))+" FROM packed_probe WHERE id < 0")
	require.NoError(t, err)
	assert.False(t, pk.More())
	assert.NoError(t, pk.Err())
}

// TestPackedRefusesWhatItCannotRead: a packed value cut short or of the
// wrong shape is an error, never values made up.
func TestPackedRefusesWhatItCannotRead(t *testing.T) {
	text := func(p *store.Packed) { _ = p.Text() }
	num := func(p *store.Packed) { _, _ = p.Int() }
	for _, tt := range []struct {
		packed string
		read   func(*store.Packed)
	}{
		{"12", num}, {"1x,", num}, {"5:abc,", text}, {"3:abc", text}, {"-1:,", text}, {"x:ab,", text}, {"abc,", text},
	} {
		var p store.Packed
		p.Reset(tt.packed)
		tt.read(&p)
		assert.Error(t, p.Err(), "%q", tt.packed)
	}
}
