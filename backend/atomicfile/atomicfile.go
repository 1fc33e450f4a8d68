// Package atomicfile writes files so that whoever looks at the target path
// sees either nothing (or the previous file) or the complete new file, never
// a partial one: the bytes go to a temporary file with a recognisable name
// in the same folder, are flushed to disk, then renamed into place. Stale
// temporary files left by a killed process are swept by Clean.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"selaras/backend/fault"
)

// Prefix starts the name of every temporary file Selaras writes; Clean
// removes what a killed process left behind.
const Prefix = ".selaras-tmp-"

// File is a temporary file that becomes target on Commit.
type File struct {
	*os.File
	target string
	closed bool
	done   bool
}

// Create makes an empty temporary file in target's folder. Its mode is
// 0644 filtered by the umask (exports are documents to share, not secrets).
func Create(target string) (*File, error) {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, Explain(err, dir)
	}
	ext := filepath.Ext(target)
	for i := 0; ; i++ {
		b := make([]byte, 6)
		_, _ = rand.Read(b)
		name := filepath.Join(dir, Prefix+hex.EncodeToString(b)+ext)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) && i < 10 {
			continue
		}
		if err != nil {
			return nil, Explain(err, dir)
		}
		return &File{File: f, target: target}, nil
	}
}

// TempName is the temporary file's path (for writers that need a name,
// such as SQLite's VACUUM INTO, which accepts an existing empty file).
func (f *File) TempName() string { return f.File.Name() }

// CloseTemp closes the handle without committing, so another writer can
// fill the temporary file by name.
func (f *File) CloseTemp() error {
	if f.closed {
		return nil
	}
	f.closed = true
	return f.File.Close()
}

// Commit flushes the temporary file to disk and renames it onto the target
// (replacing an existing file), then flushes the folder entry.
func (f *File) Commit() error {
	if f.done {
		return errors.New("atomicfile: commit twice")
	}
	name := f.TempName()
	if err := f.CloseTemp(); err != nil {
		f.Abort()
		return Explain(err, f.target)
	}
	if err := syncFile(name); err != nil {
		f.Abort()
		return Explain(err, f.target)
	}
	if err := os.Rename(name, f.target); err != nil {
		f.Abort()
		if renameInUse(err, f.target) {
			return fault.Wrap(err, fault.FileInUse, "", "path", f.target)
		}
		return Explain(err, f.target)
	}
	f.done = true
	syncDir(filepath.Dir(f.target))
	return nil
}

// Abort removes the temporary file; it does nothing after Commit.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	_ = f.CloseTemp()
	_ = os.Remove(f.TempName())
}

func syncFile(name string) error {
	g, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = g.Sync()
	return errors.Join(err, g.Close())
}

// syncDir makes the rename durable on Unix; Windows has no directory fsync
// (NTFS journals the rename), so errors are ignored.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// IsTemp reports whether name (a base name) is one of our temporary files,
// including the ".selaras-NNN.xlsx" names older versions used and SQLite's
// -journal, -wal and -shm files next to a temporary database.
func IsTemp(name string) bool {
	if strings.HasPrefix(name, Prefix) {
		return true
	}
	if rest, ok := strings.CutPrefix(name, ".selaras-"); ok {
		digits := strings.TrimSuffix(rest, ".xlsx")
		return digits != rest && digits != "" && strings.Trim(digits, "0123456789") == ""
	}
	return false
}

// Clean removes the temporary files in dir last modified more than
// olderThan ago (a write in progress keeps its file fresh). It returns how
// many it removed; a missing folder is not an error.
func Clean(dir string, olderThan time.Duration) (int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("atomicfile: clean %s: %w", dir, err)
	}
	return removeOld(dir, entries, IsTemp, olderThan)
}

// CleanExcelize removes the temporary files excelize leaves in the system
// temporary folder ("excelize-*") when a process is killed mid-export.
// Files touched within olderThan may belong to an export still running.
func CleanExcelize(olderThan time.Duration) (int, error) {
	dir := os.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, fmt.Errorf("atomicfile: clean %s: %w", dir, err)
	}
	isOurs := func(name string) bool { return strings.HasPrefix(name, "excelize-") }
	return removeOld(dir, entries, isOurs, olderThan)
}

func removeOld(dir string, entries []os.DirEntry, match func(string) bool, olderThan time.Duration) (int, error) {
	n := 0
	var errs []error
	for _, e := range entries {
		if e.IsDir() || !match(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < olderThan {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
			continue
		}
		n++
	}
	return n, errors.Join(errs...)
}
