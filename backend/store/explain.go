package store

// What the door says when a database driver or the network refused, in
// place of the driver's own words: the app's bound methods and the CLI call
// Explain on every error they show. Only this package knows the drivers.

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"

	"selaras/backend/fault"
	"selaras/backend/region"
)

// Explain maps a refusal of the driver on the workspace at where (a file
// path, or a server's URL without its password) to a message that says what
// to do. A code the backend chose is kept; what has no mapping is returned
// as it is (the door then logs it as unexpected).
func Explain(err error, where string) error {
	if err == nil {
		return nil
	}
	if IsPostgres(where) {
		return explainServer(err, where)
	}
	return explainFile(err, where)
}

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

// sqliteCode finds the SQLite result code in err's chain.
func sqliteCode(err error) int {
	if err == nil {
		return 0
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	msg := err.Error()
	for _, w := range sqliteWords {
		if strings.Contains(msg, w.words) {
			return w.code
		}
	}
	return 0
}

// explainFile maps SQLite's refusals on the file at path. Only errors that
// carry no message of their own are mapped (a plain error, Internal, or the
// NotDatabase of an open that failed on a lock).
func explainFile(err error, path string) error {
	if c := fault.CodeOf(err); c != fault.Internal && c != fault.NotDatabase {
		return err
	}
	code := fault.Code("")
	switch sqliteCode(err) {
	case sqliteBusy, sqliteLocked:
		code = fault.DatabaseBusy
	case sqliteReadOnly:
		code = fault.ReadOnlyWorkspace
	case sqliteFull:
		code = fault.DiskFull
	case sqliteCorrupt, sqliteNotADB:
		if fault.CodeOf(err) == fault.NotDatabase { // the open said so already, naming the file
			return err
		}
		code = fault.Damaged
	case sqlitePerm:
		code = fault.NoPermission
	case sqliteIOErr, sqliteCantOpen:
		code = fault.StorageFailed
	}
	if code == "" {
		return err
	}
	return fault.Wrap(err, code, "", "path", path)
}

// sqlState is the five-character SQLSTATE of the server's error in err's
// chain, or "".
func sqlState(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// NeedsPassword reports a server's refusal that a password typed now may
// mend: the address carried none, or a wrong one.
func NeedsPassword(err error) bool {
	s := sqlState(err)
	return s == "28P01" || s == "28000"
}

// explainServer maps what the PostgreSQL driver or the network said about
// the shared workspace at rawURL to a message that names the server.
func explainServer(err error, rawURL string) error {
	if c := fault.CodeOf(err); c != fault.Internal && c != fault.NotDatabase && c != fault.StorageFailed {
		return err
	}
	if e := explainGuard(err); e != nil {
		return e
	}
	code := serverCode(err, requiresTLS(rawURL))
	var fe *fault.Error
	if code == "" && errors.As(err, &fe) && fe.Code == fault.NotDatabase {
		// The store refuses a database holding other tables (no driver
		// cause), or a URL the driver cannot parse (with one).
		if fe.Err != nil {
			return fault.Wrap(err, fault.ServerBadURL, "", "url", rawURL)
		}
		code = fault.ServerForeign
	}
	if code == "" {
		return err
	}
	args := fault.ServerArgs(rawURL)
	if code == fault.ServerCAFile {
		file := "?"
		if u, perr := url.Parse(rawURL); perr == nil {
			file = u.Query().Get("sslrootcert")
		}
		args = append(args, "file", file)
	}
	return fault.Wrap(err, code, "", args...)
}

// explainGuard maps the refusals of the regency and agreed-lock guards
// (schema step 13), matched by their SQLSTATE; the region or year travel in
// the error's DETAIL and HINT, never read from its text. The follow-up
// guard's is named where the note is written (NotAddressed).
func explainGuard(err error) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return nil
	}
	switch pe.Code {
	case "SL001":
		return fault.Wrap(err, fault.RegionNotYours, "", "region", RegionLabel(pe.Detail), "own", RegionLabel(pe.Hint))
	case "SL002":
		return fault.Wrap(err, fault.TargetsAgreed, "", "region", RegionLabel(pe.Detail), "year", pe.Hint)
	}
	return nil
}

// NotAddressed reports the follow-up guard's refusal (SQLSTATE SL003): a
// regency's note on a decision not addressed to it, whose region travels
// in DETAIL. The writer names the decision (the guard has only its id,
// which nobody sees).
func NotAddressed(err error) (region string, ok bool) {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "SL003" {
		return pe.Detail, true
	}
	return "", false
}

// RegionLabel names a region as messages do: "Kabupaten Bangka (19.01)".
func RegionLabel(code string) string {
	if r, ok := region.Default().Lookup(code); ok {
		return r.Name + " (" + code + ")"
	}
	return code
}

// requiresTLS reports whether the URL's sslmode refuses a plain connection
// (with prefer, a server without TLS is tried again in plain, and its
// refusal of TLS is no reason to stop).
func requiresTLS(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Query().Get("sslmode") {
	case "require", "verify-ca", "verify-full":
		return true
	}
	return false
}

func serverCode(err error, tlsRequired bool) fault.Code {
	msg := strings.ToLower(err.Error())
	// The server's certificate checked against the CA file chosen
	// (verify-ca, verify-full) says why it was not trusted.
	switch {
	case strings.Contains(msg, "unable to read ca file"), strings.Contains(msg, "unable to add ca to cert pool"):
		return fault.ServerCAFile
	case strings.Contains(msg, "x509: certificate signed by unknown authority"):
		return fault.ServerTLSUntrusted
	case strings.Contains(msg, "x509: certificate is valid for"), strings.Contains(msg, "x509: certificate is not valid for any names"),
		strings.Contains(msg, "x509: cannot validate certificate for"):
		return fault.ServerTLSHost
	}
	switch state := sqlState(err); {
	case state == "28P01":
		return fault.ServerWrongPassword
	case state == "28000" && strings.Contains(msg, "no encryption"):
		return fault.ServerTLSRequired
	case state == "28000":
		return fault.ServerRefused
	case state == "3D000":
		return fault.ServerNoDatabase
	case state == "42501":
		return fault.ServerNoRights
	case state == "57P03", state == "53300":
		return fault.ServerUnreachable
	case strings.HasPrefix(state, "08"), state == "57P01", state == "57P02":
		return fault.ServerConnectionLost
	case state != "":
		return ""
	}
	connecting := strings.Contains(msg, "failed to connect")
	switch {
	case tlsRequired && strings.Contains(msg, "server refused tls"):
		return fault.ServerTLSUnavailable
	case strings.Contains(msg, "no pg_hba.conf entry") && strings.Contains(msg, "no encryption"):
		return fault.ServerTLSRequired
	case connecting && notPostgres(err):
		return fault.ServerNotPostgres
	case connecting:
		return fault.ServerUnreachable
	case isNetwork(err), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		strings.Contains(msg, "conn closed"), strings.Contains(msg, "broken pipe"),
		strings.Contains(msg, "connection reset"), strings.Contains(msg, "unexpected eof"):
		return fault.ServerConnectionLost
	}
	return ""
}

// notPostgres reports a connection that reached something which answered
// in another protocol: the startup message got a reply pgx cannot read (an
// HTTP server answers "HTTP/1.1 400"), or the other side hung up at once
// without refusing the TCP connection.
func notPostgres(err error) bool {
	if isNetwork(err) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		var op *net.OpError
		if errors.As(err, &op) && op.Op == "dial" {
			return false
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return false
		}
	}
	msg := strings.ToLower(err.Error())
	for _, w := range []string{"unexpected eof", "failed to receive message", "invalid body length", "unknown message type", "unexpected message", "invalid message"} {
		if strings.Contains(msg, w) {
			return true
		}
	}
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// isNetwork reports a failure of the network under the driver (refused,
// reset, timed out, name unknown).
func isNetwork(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, context.DeadlineExceeded)
}
