package rakor

import (
	"context"
	"sort"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/store"
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
	var wg sync.WaitGroup
	errs := make(chan error, 30)
	for d := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				_, err := SaveDecision(ctx, desks[d%len(desks)], Decision{MeetingID: m.ID,
					Text: "Meja " + strconv.Itoa(d+1) + " kesepakatan " + strconv.Itoa(i+1)})
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
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
