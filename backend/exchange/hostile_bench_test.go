package exchange

import (
	"context"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"selaras/backend/demo/demotest"
	"selaras/backend/profile"
	"selaras/backend/xlsx"
)

// peakHeap runs fn while sampling the live heap every millisecond and
// returns the highest value seen above the heap before fn, in MB.
func peakHeap(fn func()) float64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(done)
	if v := read(); v > peak.Load() {
		peak.Store(v)
	}
	if peak.Load() < base {
		return 0
	}
	return float64(peak.Load()-base) / (1 << 20)
}

// BenchmarkHostileImport times the refusal of each hostile workbook the
// issue lists and reports the peak heap it took (goal: within 1 s and 200 MB).
func BenchmarkHostileImport(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	s, err := demotest.Open(b)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	p, err := profile.Get(ctx, s)
	if err != nil {
		b.Fatal(err)
	}
	in, err := xlsx.LoadTemplateInput(ctx, s, p, "19.01", 2025)
	if err != nil {
		b.Fatal(err)
	}
	tpl := filepath.Join(dir, "Templat.xlsx")
	if err := xlsx.WriteTemplate(ctx, tpl, in, when); err != nil {
		b.Fatal(err)
	}
	files := hostileFiles(b, tpl, b.TempDir())
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			var peak float64
			for b.Loop() {
				mb := peakHeap(func() {
					if _, err := ReadImport(ctx, s, files[name], ImportOptions{}); err == nil {
						b.Fatal("a hostile file was accepted")
					}
				})
				peak = max(peak, mb)
			}
			b.ReportMetric(peak, "peak-heap-MB")
		})
	}
}
