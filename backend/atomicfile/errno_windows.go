package atomicfile

import (
	"errors"
	"os"
	"syscall"
)

// Windows error numbers: a file open in Excel refuses to be replaced with a
// sharing (32) or lock (33) violation, or access denied (5) on rename.
func isInUse(e syscall.Errno) bool      { return e == 32 || e == 33 }
func isDiskFull(e syscall.Errno) bool   { return e == 112 || e == 39 }
func isReadOnlyFS(e syscall.Errno) bool { return e == 19 } // ERROR_WRITE_PROTECT

// renameInUse: replacing a file Excel holds open is refused with "access
// denied" even though the folder is writable.
func renameInUse(err error, target string) bool {
	var e syscall.Errno
	if !errors.As(err, &e) || e != 5 {
		return false
	}
	info, serr := os.Stat(target)
	return serr == nil && !info.IsDir() && info.Mode().Perm()&0o200 != 0
}
