package fault

import (
	"errors"
	"strings"
)

// The door (issue 14, item 1): what a bound method or a command says when
// the database driver or the operating system refused, instead of the
// driver's own words ("database is locked (5) (SQLITE_BUSY)").
const (
	// Another process holds the workspace's write lock past the busy timeout.
	DatabaseBusy Code = "database_busy"
	// The disk under the workspace failed a read or write (unplugged, network
	// share dropped), or the file could not be opened at all.
	StorageFailed Code = "storage_failed"
	// A failure that is none of the above (a bug): the cause goes to the log,
	// the user reads a reference to it instead of the driver's text.
	Unexpected Code = "unexpected"
)

// What the bound services of app/ refuse themselves.
const (
	ExportRunning  Code = "export_running"
	ReasonNotPNG   Code = "reason_not_png"
	ReasonBadImage Code = "reason_bad_image"
	ReasonLoopback Code = "reason_loopback"
	// The browser build previews only what its page uploaded, never a path.
	UploadOnly Code = "upload_only"
)

// SQLite primary result codes (sqlite3.h) the door recognises.
const (
	sqlitePerm     = 3
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// The driver's words for the same codes, for an error whose type was lost
// on the way (formatted with %v instead of wrapped with %w).
var sqliteWords = []struct {
	words string
	code  int
}{
	{"database is locked", sqliteBusy},
	{"database table is locked", sqliteLocked},
	{"attempt to write a readonly database", sqliteReadOnly},
	{"database disk image is malformed", sqliteCorrupt},
	{"database or disk is full", sqliteFull},
	{"disk I/O error", sqliteIOErr},
	{"unable to open database file", sqliteCantOpen},
	{"access permission denied", sqlitePerm},
	{"file is not a database", sqliteNotADB},
}

// sqliteCode finds the SQLite result code in err's chain: the driver's error
// type has a Code method (modernc.org/sqlite), so fault needs no import of it.
func sqliteCode(err error) int {
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		return coded.Code() & 0xff
	}
	msg := err.Error()
	for _, w := range sqliteWords {
		if strings.Contains(msg, w.words) {
			return w.code
		}
	}
	return 0
}

// AtDoor maps a refusal of the database driver on the workspace at path to
// a message that says what to do. Only errors that carry no message of
// their own are mapped (a plain error, Internal, or the NotDatabase of an
// open that failed on a lock): a code the backend chose is kept.
func AtDoor(err error, path string) error {
	if err == nil {
		return nil
	}
	if c := CodeOf(err); c != Internal && c != NotDatabase {
		return err
	}
	code := Code("")
	switch sqliteCode(err) {
	case sqliteBusy, sqliteLocked:
		code = DatabaseBusy
	case sqliteReadOnly:
		code = ReadOnlyWorkspace
	case sqliteFull:
		code = DiskFull
	case sqliteCorrupt, sqliteNotADB:
		if CodeOf(err) == NotDatabase { // the open said so already, naming the file
			return err
		}
		code = Damaged
	case sqlitePerm:
		code = NoPermission
	case sqliteIOErr, sqliteCantOpen:
		code = StorageFailed
	}
	if code == "" {
		return err
	}
	return Wrap(err, code, "", "path", path)
}
