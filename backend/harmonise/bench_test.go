package harmonise

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"selaras/backend/benchdata"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// nationalWorkspace is a workspace at the scale of the quality bar.
func nationalWorkspace(b *testing.B) *store.Store {
	b.Helper()
	s, err := store.Open(context.Background(), storetest.DSN(b, "nasional.db"), store.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { s.Close() })
	require.NoError(b, benchdata.Fill(context.Background(), s))
	return s
}

// BenchmarkProvinceYear is one screen of the rakor: Jawa Timur (38 regencies),
// one year, read from the workspace and computed. Goal: under 5 ms.
func BenchmarkProvinceYear(b *testing.B) {
	s := nationalWorkspace(b)
	ctx := context.Background()
	defer benchdata.CPUPerOp(b)()
	var m Matrix
	for b.Loop() {
		var err error
		if m, err = Compute(ctx, s, "35", []int{2025}); err != nil {
			b.Fatal(err)
		}
	}
	// What the screen receives: the matrix as JSON.
	body, err := json.Marshal(m)
	require.NoError(b, err)
	b.ReportMetric(float64(len(body))/1024, "payload-KB")
}

// BenchmarkCountryYear computes every province for one year, as the
// ministry's consolidation does (every table read once). Goal: under 100 ms.
func BenchmarkCountryYear(b *testing.B) {
	s := nationalWorkspace(b)
	ctx := context.Background()
	defer benchdata.CPUPerOp(b)()
	for b.Loop() {
		ms, err := ComputeCountry(ctx, s, []int{2025})
		if err != nil || len(ms) != len(region.Default().Provinces()) {
			b.Fatal(len(ms), err)
		}
	}
}
