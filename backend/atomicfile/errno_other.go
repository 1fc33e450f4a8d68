//go:build !windows

package atomicfile

import "syscall"

func isInUse(e syscall.Errno) bool      { return e == syscall.ETXTBSY || e == syscall.EBUSY }
func isDiskFull(e syscall.Errno) bool   { return e == syscall.ENOSPC || e == syscall.EDQUOT }
func isReadOnlyFS(e syscall.Errno) bool { return e == syscall.EROFS }

func renameInUse(error, string) bool { return false }
