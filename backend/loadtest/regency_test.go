package loadtest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/demo"
	"selaras/backend/harmonise"
	"selaras/backend/region"
	"selaras/backend/shared"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/target"
)

// The province whose 38 kab/kota type at once (Jawa Timur has 38).
const regencyProvince = "35"

// regencyDuration bounds the regency run: SELARAS_LOAD_SECONDS when set
// (CI), else 10 s; at most 30 s, so it stays short in CI.
func regencyDuration(t *testing.T) time.Duration {
	return min(storetest.Seconds(t, "SELARAS_LOAD_SECONDS", 10*time.Second), 30*time.Second)
}

// typed is one figure a regency office saved: when its commit returned.
type typed struct {
	key  target.Key
	n    float64
	at   time.Time
	took time.Duration
}

// frame is one computation of the matrix the secretariat projects.
type frame struct {
	began, done time.Time
	cells       map[target.Key]float64
}

// TestLoadRegencies has the 38 kab/kota of a province, each logged in with
// its own regency role (selaras_kabkota, row-level security and guards)
// and its own Store as a separate PC, type targets into their own grids
// while the secretariat projects the province's matrix, recomputed every
// quarter second. No write is refused (each office writes its own cells;
// only a real conflict could be, and there is none), no update is lost,
// the audit log names each office, and every figure shows on the matrix
// within a second of its commit. It prints the typing latencies (p50, p95).
func TestLoadRegencies(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	dsn := storetest.NewDatabase(t)
	s, err := demo.Create(ctx, dsn)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, shared.Init(ctx, dsn))
	regs := region.Default().Regencies(regencyProvince)
	require.Len(t, regs, 38)
	var inds []int64
	q, err := s.Read().QueryContext(ctx, "SELECT id FROM indicator WHERE kind = 'count' ORDER BY id")
	require.NoError(t, err)
	for q.Next() {
		var id int64
		require.NoError(t, q.Scan(&id))
		inds = append(inds, id)
	}
	require.NoError(t, q.Err())
	require.NotEmpty(t, inds)
	const year = 2026

	u, err := url.Parse(dsn)
	require.NoError(t, err)
	db := strings.TrimPrefix(u.Path, "/")
	names := make([]string, len(regs))
	for i, g := range regs {
		names[i] = db + "_kab" + strings.ReplaceAll(g.Code, ".", "")
		require.NoError(t, shared.AddUser(ctx, dsn, shared.User{Name: names[i], Role: shared.Kabkota, Region: g.Code, Password: "sandi"}))
	}
	t.Cleanup(func() {
		for _, n := range names {
			_, _ = s.Read().Exec(`DROP ROLE IF EXISTS "` + n + `"`)
		}
	})
	login := func(name string) *store.Store {
		v := *u
		v.User = url.UserPassword(name, "sandi")
		cs, err := store.Open(ctx, v.String(), store.Options{})
		require.NoError(t, err)
		t.Cleanup(func() { cs.Close() })
		return cs
	}
	offices := make([]*store.Store, len(regs))
	for i := range regs {
		offices[i] = login(names[i])
	}
	auditBefore := auditCount(t, s)

	run := regencyDuration(t)
	began := time.Now()
	end := began.Add(run)
	var wg sync.WaitGroup
	writes := make([][]typed, len(regs))
	errs := make([][]error, len(regs))
	for i, g := range regs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 38))
			for n := 1; time.Now().Before(end); n++ {
				k := target.Key{IndicatorID: inds[rng.IntN(len(inds))], Region: g.Code, Year: year}
				vs, err := target.Load(ctx, offices[i].Read(), target.Filter{Years: []int{year}, Regions: []string{g.Code}, IndicatorIDs: []int64{k.IndicatorID}})
				if err != nil {
					errs[i] = append(errs[i], err)
					continue
				}
				var v int64
				if len(vs) == 1 {
					v = vs[0].Version
				}
				x := float64(i*100000 + n)
				t0 := time.Now()
				_, err = target.Apply(ctx, offices[i], []target.Edit{{IndicatorID: k.IndicatorID, Region: g.Code, Year: year,
					Field: target.FTarget, Text: strconv.Itoa(int(x)), Version: &v}}, "ketik")
				if err != nil {
					errs[i] = append(errs[i], fmt.Errorf("%s: %w", g.Code, err))
					continue
				}
				writes[i] = append(writes[i], typed{key: k, n: x, at: time.Now(), took: time.Since(t0)})
				time.Sleep(time.Duration(50+rng.IntN(100)) * time.Millisecond) // a person types, not a loop
			}
		}()
	}
	// The secretariat's projector: the matrix recomputed every quarter second.
	sek := s
	var frames []frame
	var computeTook []time.Duration
	wg.Add(1)
	go func() {
		defer wg.Done()
		for time.Now().Before(end.Add(time.Second)) {
			f := frame{began: time.Now(), cells: map[target.Key]float64{}}
			m, err := harmonise.Compute(ctx, sek, regencyProvince, []int{year})
			if err != nil {
				errs[0] = append(errs[0], fmt.Errorf("matrix: %w", err))
				return
			}
			f.done = time.Now()
			computeTook = append(computeTook, f.done.Sub(f.began))
			for _, r := range m.Rows {
				for j, c := range r.Regencies {
					if c.Target != nil {
						f.cells[target.Key{IndicatorID: r.Indicator.ID, Region: m.Regencies[j].Code, Year: r.Year}] = *c.Target
					}
				}
			}
			frames = append(frames, f)
			time.Sleep(250 * time.Millisecond)
		}
	}()
	wg.Wait()
	took := time.Since(began)

	// No refusal at all: each office writes its own cells only.
	total := 0
	var lat []time.Duration
	for i := range regs {
		for _, err := range errs[i] {
			assert.NoError(t, err)
		}
		total += len(writes[i])
		for _, w := range writes[i] {
			lat = append(lat, w.took)
		}
	}
	require.Positive(t, total)

	// No lost update: each cell ends as its office's last write of it.
	last := map[target.Key]typed{}
	for i := range regs {
		for _, w := range writes[i] {
			last[w.key] = w
		}
	}
	vs, err := target.Load(ctx, s.Read(), target.Filter{Years: []int{year}, Regions: regionCodes(regs), IndicatorIDs: inds})
	require.NoError(t, err)
	got := map[target.Key]float64{}
	for _, v := range vs {
		if v.Target != nil {
			got[v.Key()] = *v.Target
		}
	}
	for k, w := range last {
		assert.Equal(t, w.n, got[k], "%v ends as its last write", k)
	}

	// The audit log names each office for each of its writes.
	assert.Equal(t, total, auditCount(t, s)-auditBefore, "audit entries of the run")
	var named int
	require.NoError(t, s.Read().QueryRowContext(ctx, "SELECT count(DISTINCT user_name) FROM audit_log WHERE table_name = 'indicator_value' AND user_name LIKE ?",
		db+"_kab%").Scan(&named))
	assert.Equal(t, len(regs), named, "every office is named in the audit log")

	// Fresh within a second: the first matrix computed after a commit
	// shows that figure (or a later one of the same cell), and was done
	// within a second of the commit.
	var lags []time.Duration
	for i := range regs {
		for j, w := range writes[i] {
			idx := slices.IndexFunc(frames, func(f frame) bool { return !f.began.Before(w.at) })
			if idx < 0 {
				continue // committed after the projector's last frame
			}
			f := frames[idx]
			shown := f.cells[w.key]
			ok := shown == w.n
			for _, later := range writes[i][j+1:] {
				ok = ok || (later.key == w.key && shown == later.n)
			}
			assert.True(t, ok, "%v: the matrix shows %v, not %v", w.key, shown, w.n)
			lags = append(lags, f.done.Sub(w.at))
		}
	}
	require.NotEmpty(t, lags)
	slices.Sort(lags)
	assert.Less(t, lags[len(lags)-1], time.Second, "every figure on the matrix within a second")

	t.Logf("load: %d regency roles (province %s), each its own login and Store, for %s; the secretariat projects the matrix every 250ms",
		len(regs), regencyProvince, took.Round(time.Millisecond))
	t.Logf("load: %-14s %7s %9s %9s %9s %9s %9s", "write", "count", "per s", "conflict", "p50", "p95", "max")
	line(t, "nilai kab/kota", lat, 0, took)
	line(t, "matriks", computeTook, 0, took)
	line(t, "segar (lag)", lags, 0, took)
}

func regionCodes(rs []region.Region) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Code
	}
	return out
}
