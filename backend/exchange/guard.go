package exchange

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
)

// What a returned template may weigh. A template of 20,000 indicators and
// 50,000 plan lines stays far below these; a zip bomb or a workbook of a
// million junk rows does not, and is refused before anything is parsed.
const (
	maxFileBytes     = 40 << 20  // the .xlsx itself
	maxUnzipped      = 120 << 20 // every entry together, as declared in the zip directory
	maxEntryBytes    = 80 << 20  // one entry
	maxEntries       = 2000
	maxRatio         = 200 // uncompressed / compressed for an entry above 1 MB
	maxTplRows       = 20000
	maxPlanRows      = 50000
	maxRowsPastTable = 2000 // empty (formatted) rows tolerated below a table
	maxColumns       = 200
)

// oleMagic starts a Compound File: an encrypted .xlsx or an old .xls.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// openWorkbook reads the file at path once (bounded), hashes it, checks the
// zip directory and opens it with excelize. Any refusal is a *fault.Error
// with a message a regency office can act on.
func openWorkbook(path string) (*excelize.File, string, error) {
	name := baseName(path)
	st, err := os.Stat(path)
	if err != nil {
		return nil, "", fileError(err, name)
	}
	if !st.Mode().IsRegular() {
		return nil, "", fault.New(fault.FileNotRegular, "", "file", name)
	}
	if st.Size() > maxFileBytes {
		return nil, "", fault.New(fault.FileTooLarge, "", "what", fmt.Sprintf("%d MB", st.Size()>>20))
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, "", fileError(err, name)
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, maxFileBytes+1))
	if err != nil {
		return nil, "", fileError(err, name)
	}
	if len(b) > maxFileBytes {
		return nil, "", fault.New(fault.FileTooLarge, "", "what", fmt.Sprintf("%d MB", len(b)>>20))
	}
	sum := sha256.Sum256(b)
	hash := hex.EncodeToString(sum[:])
	if bytes.HasPrefix(b, oleMagic) {
		if bytes.Contains(b, utf16("EncryptedPackage")) {
			return nil, hash, fault.New(fault.FileEncrypted, "")
		}
		return nil, hash, fault.New(fault.FileOldExcel, "")
	}
	if err := checkZip(b); err != nil {
		return nil, hash, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped})
	if err != nil {
		return nil, hash, fault.Wrap(err, fault.FileNotXlsx, "")
	}
	return f, hash, nil
}

// checkZip reads only the zip's central directory: entry count, declared
// sizes and compression ratios. Go's zip reader refuses an entry that
// inflates beyond its declared size, so the declared sizes bound the work.
func checkZip(b []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fault.Wrap(err, fault.FileNotXlsx, "")
	}
	if len(zr.File) > maxEntries {
		return fault.New(fault.FileTooLarge, "", "parts", strconv.Itoa(len(zr.File))).WithCode("what", fault.WordParts)
	}
	var total uint64
	for _, e := range zr.File {
		size := e.UncompressedSize64
		total += size
		bomb := size > 1<<20 && (e.CompressedSize64 == 0 || size/e.CompressedSize64 > maxRatio)
		if size > maxEntryBytes || total > maxUnzipped || bomb {
			return fault.New(fault.FileTooLarge, "", "what", fmt.Sprintf("%s %d MB", short(e.Name), size>>20))
		}
	}
	// An entry that inflates past its declared size (a lying bomb) or fails
	// its checksum is refused here; the reader stops at the declared size.
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			return fault.Wrap(err, fault.FileNotXlsx, "")
		}
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			return fault.Wrap(err, fault.FileNotXlsx, "")
		}
	}
	return nil
}

// fileError turns an operating-system error into a message without the
// system's English text.
func fileError(err error, name string) error {
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fault.Wrap(err, fault.FileMissing, "", "file", name)
	case isSharingViolation(err):
		return fault.Wrap(err, fault.FileInUse, "", "path", name)
	case errors.Is(err, fs.ErrPermission):
		return fault.Wrap(err, fault.FileNoAccess, "", "file", name)
	case errors.As(err, &errno) && errno == syscall.EISDIR:
		return fault.Wrap(err, fault.FileNotRegular, "", "file", name)
	}
	return fault.Wrap(err, fault.FileUnreadable, "", "file", name)
}

// isSharingViolation: Windows refuses to open a file Excel holds open with
// ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33).
func isSharingViolation(err error) bool {
	var errno syscall.Errno
	if runtime.GOOS != "windows" || !errors.As(err, &errno) {
		return false
	}
	return errno == 32 || errno == 33
}

// isBusy reports SQLite's SQLITE_BUSY, left after busy_timeout ran out
// because another import or save holds the database.
func isBusy(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "SQLITE_BUSY") || strings.Contains(s, "database is locked")
}

func utf16(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}

func baseName(path string) string {
	i := strings.LastIndexAny(path, `/\`)
	return path[i+1:]
}
