package rakor

import (
	"context"
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// Several desks of one Rakortek type decisions at once, each PC its own
// connection pool. On a shared workspace they must get numbers one after
// the other, never the same one and never an error; on a SQLite file the
// one writer does the same.
func TestDesksNumberDecisionsAtOnce(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meeting(t, s, babel())
	desks := []*store.Store{s}
	if s.Engine() == store.Postgres {
		for range 2 {
			other, err := store.Open(ctx, s.DSN(), store.Options{})
			require.NoError(t, err)
			t.Cleanup(func() { other.Close() })
			desks = append(desks, other)
		}
	}
	errs := storetest.AtOnce(3, func(d int) error {
		for i := range 10 {
			if _, err := SaveDecision(ctx, desks[d%len(desks)], Decision{MeetingID: m.ID,
				Text: "Meja " + strconv.Itoa(d+1) + " kesepakatan " + strconv.Itoa(i+1)}); err != nil {
				return err
			}
		}
		return nil
	})
	for i, err := range errs {
		require.NoError(t, err, "writer %d", i)
	}
	list, err := Decisions(ctx, s, m.ID)
	require.NoError(t, err)
	var numbers []int
	for _, d := range list {
		numbers = append(numbers, d.Number)
	}
	sort.Ints(numbers)
	want := make([]int, 30)
	for i := range want {
		want[i] = i + 1
	}
	assert.Equal(t, want, numbers)
}
