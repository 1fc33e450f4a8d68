package program_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"selaras/backend/benchdata"
	"selaras/backend/program"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// BenchmarkTree20000 builds the tree of one year with subtotals over the
// 20,000 plan lines of the quality bar, read from the workspace: the national
// consolidation's program screen. Goal: under 50 ms on both engines.
func BenchmarkTree20000(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, storetest.DSN(b, "rencana.db"), store.Options{})
	require.NoError(b, err)
	defer s.Close()
	require.NoError(b, benchdata.FillPlans(ctx, s, 2025, benchdata.PlanLines))
	b.ResetTimer()
	defer benchdata.CPUPerOp(b)()
	for b.Loop() {
		t, err := program.BuildTree(ctx, s, program.Filter{Year: 2025})
		if err != nil {
			b.Fatal(err)
		}
		if t.Total.Lines != benchdata.PlanLines {
			b.Fatalf("got %d lines, want %d", t.Total.Lines, benchdata.PlanLines)
		}
	}
}
