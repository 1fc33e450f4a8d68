//go:build unix

package benchdata

import (
	"syscall"
	"time"
)

// MaxRSSMB is the process's peak resident memory, for the benchmarks' figures.
func MaxRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // kilobytes on Linux
}

// CPU is the process's user and system time so far: on a shared machine the
// benchmarks report it per operation beside the wall time, which waits for
// the other processes.
func CPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
