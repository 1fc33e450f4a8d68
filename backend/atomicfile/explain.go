package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"selaras/backend/fault"
)

// Explain turns an operating-system error from writing path into a message
// a user can act on (file open in Excel, disk full, read-only folder, no
// permission). Other errors come back unchanged.
func Explain(err error, path string) error {
	if err == nil {
		return nil
	}
	var fe *fault.Error
	if errors.As(err, &fe) {
		return err
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		switch {
		case isInUse(errno):
			return fault.Wrap(err, fault.FileInUse, "", "path", path)
		case isDiskFull(errno):
			return fault.Wrap(err, fault.DiskFull, "", "path", path)
		case isReadOnlyFS(errno):
			return fault.Wrap(err, fault.ReadOnlyFolder, "", "path", path)
		}
	}
	if errors.Is(err, fs.ErrPermission) {
		if dirReadOnly(path) {
			return fault.Wrap(err, fault.ReadOnlyFolder, "", "path", path)
		}
		return fault.Wrap(err, fault.NoPermission, "", "path", path)
	}
	return err
}

// InUse reports whether err is another program holding the file open (on
// Windows a sharing or lock violation), so the caller can say so and try
// again later instead of failing.
func InUse(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && isInUse(errno)
}

// dirReadOnly reports whether path (or the folder it would go in) has no
// write permission bits at all: a folder marked read-only, rather than one
// that belongs to someone else.
func dirReadOnly(path string) bool {
	for _, p := range []string{path, parent(path)} {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			return info.Mode().Perm()&0o222 == 0
		}
	}
	return false
}

func parent(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if os.IsPathSeparator(path[i]) {
			return path[:i]
		}
	}
	return "."
}
