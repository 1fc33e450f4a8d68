//go:build !unix

package benchdata

import "time"

// MaxRSSMB has no portable source outside Unix; the benchmarks print 0.
func MaxRSSMB() float64 { return 0 }

// CPU has no portable source outside Unix; the benchmarks print 0.
func CPU() time.Duration { return 0 }
