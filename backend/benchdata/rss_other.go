//go:build !unix

package benchdata

// MaxRSSMB has no portable source outside Unix; the benchmarks print 0.
func MaxRSSMB() float64 { return 0 }
