//go:build unix

package benchdata

import "syscall"

// MaxRSSMB is the process's peak resident memory, for the benchmarks' figures.
func MaxRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // kilobytes on Linux
}
