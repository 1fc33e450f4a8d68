package loadtest_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/demo"
	"selaras/backend/fault"
	"selaras/backend/program"
	"selaras/backend/rakor"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/target"
)

const clients = 30

// How many rows of each kind the clients share: few, so they collide often.
const (
	sharedCells     = 8
	sharedDecisions = 6
	sharedLines     = 6
)

type kind int

const (
	kValue kind = iota
	kDecision
	kLine
	kinds
)

var kindNames = [kinds]string{"nilai", "kesepakatan", "baris rencana"}

// row is one shared row: a value cell, a decision or a plan line.
type row struct {
	kind kind
	cell target.Key
	id   int64
}

func (r row) String() string {
	if r.kind == kValue {
		return fmt.Sprintf("%s %d/%s/%d", kindNames[r.kind], r.cell.IndicatorID, r.cell.Region, r.cell.Year)
	}
	return fmt.Sprintf("%s %d", kindNames[r.kind], r.id)
}

// write is one write a client made: its marker and the version it made
// (the version it was based on, plus one).
type write struct {
	marker  string
	n       int   // the number written with it (a value's target)
	version int64 // the row's version after this write
}

// result is what one client saw.
type result struct {
	latencies [kinds][]time.Duration
	conflicts [kinds]int
	errs      []error
	writes    map[row][]write // the client's successful writes per row
}

// TestLoadThirtyClients has 30 clients, each with its own Store (its own
// connection pool, as a separate PC), edit the same few value cells,
// decisions and plan lines of one PostgreSQL database at once: typed values
// through target.Apply, decisions through rakor.SaveDecision, plan lines
// through program.SavePlanLine, each a read then a write naming the version
// read, as a form does. A write over a newer change is refused as a
// conflict (expected, counted); any other error fails. No update is lost:
// two writes based on the same version never both succeed, and each row
// ends as the write that made its newest version, whole (the value's target
// and note from the same write). The audit log holds every write. It prints
// the write latencies and counts.
func TestLoadThirtyClients(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	dsn := storetest.NewDatabase(t)
	s, err := demo.Create(ctx, dsn)
	require.NoError(t, err)
	defer s.Close()
	rows := sharedRows(t, s)
	auditBefore := auditCount(t, s)

	run := storetest.Seconds(t, "SELARAS_LOAD_SECONDS", 10*time.Second) // CI: 60, a meeting's minute
	var wg sync.WaitGroup
	results := make([]result, clients)
	start := make(chan struct{})
	stop := time.Now().Add(run + 5*time.Second) // set below, once every client is open
	var mu sync.Mutex
	for c := range clients {
		cs, err := store.Open(ctx, dsn, store.Options{})
		require.NoError(t, err)
		defer cs.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			end := stop
			mu.Unlock()
			results[c] = client(ctx, cs, c, rows, end)
		}()
	}
	mu.Lock()
	began := time.Now()
	stop = began.Add(run)
	mu.Unlock()
	close(start)
	wg.Wait()
	took := time.Since(began)

	// No error but the expected conflicts.
	var all [kinds][]time.Duration
	var conflicts [kinds]int
	total := 0
	for c, r := range results {
		for _, err := range r.errs {
			assert.NoError(t, err, "client %d", c)
		}
		for k := range kinds {
			all[k] = append(all[k], r.latencies[k]...)
			conflicts[k] += r.conflicts[k]
			total += len(r.latencies[k])
		}
	}
	require.Positive(t, total)

	// No lost update: every version of a row was made by one write only,
	// and the row ends as the write that made its newest version.
	for _, r := range rows {
		made := map[int64]write{}
		var newest write
		for _, res := range results {
			for _, w := range res.writes[r] {
				other, dup := made[w.version]
				assert.False(t, dup, "%s version %d made twice: %s and %s", r, w.version, other.marker, w.marker)
				made[w.version] = w
				if w.version > newest.version {
					newest = w
				}
			}
		}
		if newest.version == 0 {
			continue
		}
		assert.Equal(t, newest, readRow(t, s, r), "%s ends as the write of its newest version", r)
	}

	// The audit log records every write (a value batch: one row changed).
	assert.Equal(t, total, auditCount(t, s)-auditBefore, "audit entries of the run")

	t.Logf("load: %d clients, each its own Store, for %s on %s", clients, took.Round(time.Millisecond), s.Path())
	t.Logf("load: %-14s %7s %9s %9s %9s %9s %9s", "write", "count", "per s", "conflict", "p50", "p95", "max")
	var every []time.Duration
	for k := range kinds {
		every = append(every, all[k]...)
		line(t, kindNames[k], all[k], conflicts[k], took)
	}
	line(t, "all", every, conflicts[kValue]+conflicts[kDecision]+conflicts[kLine], took)
}

func line(t *testing.T, name string, d []time.Duration, conflicts int, took time.Duration) {
	slices.Sort(d)
	pct := func(p float64) time.Duration {
		if len(d) == 0 {
			return 0
		}
		return d[min(len(d)-1, int(p*float64(len(d))))]
	}
	ms := func(x time.Duration) string { return fmt.Sprintf("%.1fms", float64(x)/float64(time.Millisecond)) }
	var maxD time.Duration
	if len(d) > 0 {
		maxD = d[len(d)-1]
	}
	t.Logf("load: %-14s %7d %9.0f %9d %9s %9s %9s", name, len(d), float64(len(d))/took.Seconds(), conflicts, ms(pct(0.5)), ms(pct(0.95)), ms(maxD))
}

// sharedRows picks the rows every client edits: cells of count indicators,
// decisions and plan lines of the demo.
func sharedRows(t *testing.T, s *store.Store) []row {
	ctx := context.Background()
	var rows []row
	q, err := s.Read().QueryContext(ctx, `SELECT v.indicator_id, v.region_code, v.year FROM indicator_value v
JOIN indicator i ON i.id = v.indicator_id WHERE i.kind = 'count' ORDER BY v.year DESC, v.region_code, v.indicator_id LIMIT ?`, sharedCells)
	require.NoError(t, err)
	for q.Next() {
		var k target.Key
		require.NoError(t, q.Scan(&k.IndicatorID, &k.Region, &k.Year))
		rows = append(rows, row{kind: kValue, cell: k})
	}
	require.NoError(t, q.Err())
	ids := func(k kind, query string, n int) {
		q, err := s.Read().QueryContext(ctx, query, n)
		require.NoError(t, err)
		defer q.Close()
		for q.Next() {
			var id int64
			require.NoError(t, q.Scan(&id))
			rows = append(rows, row{kind: k, id: id})
		}
		require.NoError(t, q.Err())
	}
	ids(kDecision, "SELECT id FROM decision ORDER BY id LIMIT ?", sharedDecisions)
	ids(kLine, "SELECT id FROM plan_line ORDER BY id LIMIT ?", sharedLines)
	require.Len(t, rows, sharedCells+sharedDecisions+sharedLines, "the demo has enough rows to share")
	return rows
}

// client edits random shared rows until end: read the row, write a marker
// naming the client and its write over the version read, as a form would.
// A refusal over a newer change is counted; the next round reads again.
func client(ctx context.Context, s *store.Store, c int, rows []row, end time.Time) result {
	rng := rand.New(rand.NewPCG(uint64(c), 16))
	res := result{writes: map[row][]write{}}
	for n := 0; time.Now().Before(end); n++ {
		r := rows[rng.IntN(len(rows))]
		w := write{marker: fmt.Sprintf("k%02d-%06d", c, n), n: c*100000 + n}
		var began time.Time
		var based int64
		var err error
		switch r.kind {
		case kValue:
			// One typed batch: the target and the note of one cell, each
			// naming the cell's version as the grid showed it.
			k := r.cell
			var vs []target.Value
			vs, err = target.Load(ctx, s.Read(), target.Filter{Years: []int{k.Year}, Regions: []string{k.Region}, IndicatorIDs: []int64{k.IndicatorID}})
			if err == nil {
				if len(vs) == 1 {
					based = vs[0].Version
				}
				v := based
				edits := []target.Edit{
					{IndicatorID: k.IndicatorID, Region: k.Region, Year: k.Year, Field: target.FTarget, Text: strconv.Itoa(w.n), Version: &v},
					{IndicatorID: k.IndicatorID, Region: k.Region, Year: k.Year, Field: target.FNote, Text: w.marker, Version: &v},
				}
				began = time.Now()
				_, err = target.Apply(ctx, s, edits, "ketik")
			}
		case kDecision:
			var d rakor.Decision
			if d, err = rakor.GetDecision(ctx, s, r.id); err == nil {
				based = d.Version
				began = time.Now()
				d.Note = w.marker
				_, err = rakor.SaveDecision(ctx, s, d)
			}
		case kLine:
			var l program.PlanLine
			if l, err = program.GetPlanLine(ctx, s, r.id); err == nil {
				based = l.Version
				began = time.Now()
				l.Catatan = w.marker
				_, err = program.SavePlanLine(ctx, s, l)
			}
		}
		if conflict(err) {
			res.conflicts[r.kind]++
			continue
		}
		if err != nil {
			res.errs = append(res.errs, fmt.Errorf("%s: %w", r, err))
			continue
		}
		res.latencies[r.kind] = append(res.latencies[r.kind], time.Since(began))
		if r.kind != kValue {
			w.n = 0 // only a value carries a number
		}
		w.version = based + 1
		res.writes[r] = append(res.writes[r], w)
	}
	return res
}

// conflict reports whether err is the refusal of an edit over a newer
// change (a form's, or every refused cell of a value batch).
func conflict(err error) bool {
	if fault.Is(err, fault.EditConflict) {
		return true
	}
	var be *target.BatchError
	if !errors.As(err, &be) || len(be.Cells) == 0 {
		return false
	}
	for _, c := range be.Cells {
		if c.Conflict == nil {
			return false
		}
	}
	return true
}

// readRow reads what a row ends as, in the terms of write.
func readRow(t *testing.T, s *store.Store, r row) write {
	ctx := context.Background()
	switch r.kind {
	case kValue:
		k := r.cell
		vs, err := target.Load(ctx, s.Read(), target.Filter{Years: []int{k.Year}, Regions: []string{k.Region}, IndicatorIDs: []int64{k.IndicatorID}})
		require.NoError(t, err)
		require.Len(t, vs, 1)
		w := write{marker: vs[0].Note, version: vs[0].Version}
		if vs[0].Target != nil {
			w.n = int(*vs[0].Target)
		}
		return w
	case kDecision:
		d, err := rakor.GetDecision(ctx, s, r.id)
		require.NoError(t, err)
		return write{marker: d.Note, version: d.Version}
	default:
		l, err := program.GetPlanLine(ctx, s, r.id)
		require.NoError(t, err)
		return write{marker: l.Catatan, version: l.Version}
	}
}

func auditCount(t *testing.T, s *store.Store) int {
	var n int
	require.NoError(t, s.Read().QueryRowContext(context.Background(), "SELECT count(*) FROM audit_log").Scan(&n))
	return n
}
