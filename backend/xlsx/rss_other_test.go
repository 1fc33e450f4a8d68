//go:build !unix

package xlsx

// maxRSSMB has no portable source outside Unix; the benchmarks print 0.
func maxRSSMB() float64 { return 0 }
