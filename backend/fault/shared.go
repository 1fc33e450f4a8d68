package fault

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"strings"
)

// A shared workspace on a PostgreSQL server (issue 16, items 1, 2 and 6):
// what the door says when the server refuses or cannot be reached, in place
// of the driver's words. Every message names the server ({server}), and
// where it helps the user ({user}) and the database ({database}).
const (
	// The server refused the password of {user} (or the role does not exist).
	ServerWrongPassword Code = "server_wrong_password"
	// The server refused {user} for another reason (pg_hba.conf has no entry).
	ServerRefused Code = "server_refused"
	// Nothing answers at {server} (refused, timed out, name unknown, starting up).
	ServerUnreachable Code = "server_unreachable"
	// The server accepts only TLS connections and the form said disable.
	ServerTLSRequired Code = "server_tls_required"
	// The form requires TLS and the server does not offer it.
	ServerTLSUnavailable Code = "server_tls_unavailable"
	// No database of that name on the server.
	ServerNoDatabase Code = "server_no_database"
	// The database holds tables but is not a Selaras workspace.
	ServerForeign Code = "server_foreign"
	// The role lacks a right the action needs (SQLSTATE 42501).
	ServerNoRights Code = "server_no_rights"
	// The connection dropped mid-operation: nothing of it was saved.
	ServerConnectionLost Code = "server_connection_lost"
	// "Hubungkan" on an empty database: it must be created first.
	ServerEmpty Code = "server_empty"
	// "Buat ruang kerja bersama" on a database that already holds one.
	ServerNotEmpty Code = "server_not_empty"
	// --db or SELARAS_DB is a postgres:// URL that cannot be read.
	ServerBadURL Code = "server_bad_url"
	// The password of a remembered shared workspace is needed at start.
	ServerNeedPassword Code = "server_need_password"
	// The operating system's credential store refused to keep the password.
	KeyringFailed Code = "keyring_failed"
	// No credential store on this computer (why "remember" is disabled).
	KeyringMissing Code = "keyring_missing"
)

// sqlStater is the driver's server error (pgx's *pgconn.PgError), matched
// by its method so that fault needs no import of the driver.
type sqlStater interface{ SQLState() string }

// SQLState is the five-character SQLSTATE in err's chain, or "".
func SQLState(err error) string {
	var s sqlStater
	if errors.As(err, &s) {
		return s.SQLState()
	}
	return ""
}

// ServerArgs are the {server}, {user} and {database} of a postgres:// URL
// (the password never leaves it).
func ServerArgs(raw string) []string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return []string{"server", "?", "user", "?", "database", "?"}
	}
	server := u.Hostname()
	if p := u.Port(); p != "" && p != "5432" {
		server = net.JoinHostPort(server, p)
	}
	user := ""
	if u.User != nil {
		user = u.User.Username()
	}
	return []string{"server", server, "user", user, "database", strings.TrimPrefix(u.Path, "/")}
}

// isServerURL reports whether path names a PostgreSQL database.
func isServerURL(path string) bool {
	l := strings.ToLower(path)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// AtServer maps what the PostgreSQL driver or the network said about the
// shared workspace at rawURL (without its password) to a message that names
// the server and says what to do. A code the backend chose is kept; a
// path that is not a URL is left to AtDoor.
func AtServer(err error, rawURL string) error {
	if err == nil || !isServerURL(rawURL) {
		return err
	}
	if c := CodeOf(err); c != Internal && c != NotDatabase && c != StorageFailed {
		return err
	}
	code := serverCode(err, requiresTLS(rawURL))
	var fe *Error
	if code == "" && errors.As(err, &fe) && fe.Code == NotDatabase {
		// The store refuses a database holding other tables (no driver
		// cause), or a URL the driver cannot parse (with one).
		code = ServerForeign
		if fe.Err != nil {
			return Wrap(err, ServerBadURL, "", "url", rawURL)
		}
	}
	if code == "" {
		return err
	}
	return Wrap(err, code, "", ServerArgs(rawURL)...)
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

func serverCode(err error, tlsRequired bool) Code {
	msg := strings.ToLower(err.Error())
	switch state := SQLState(err); {
	case state == "28P01":
		return ServerWrongPassword
	case state == "28000" && strings.Contains(msg, "no encryption"):
		return ServerTLSRequired
	case state == "28000":
		return ServerRefused
	case state == "3D000":
		return ServerNoDatabase
	case state == "42501":
		return ServerNoRights
	case state == "57P03", state == "53300":
		return ServerUnreachable
	case strings.HasPrefix(state, "08"), state == "57P01", state == "57P02":
		return ServerConnectionLost
	case state != "":
		return ""
	}
	connecting := strings.Contains(msg, "failed to connect")
	switch {
	case tlsRequired && strings.Contains(msg, "server refused tls"):
		return ServerTLSUnavailable
	case strings.Contains(msg, "no pg_hba.conf entry") && strings.Contains(msg, "no encryption"):
		return ServerTLSRequired
	case connecting && (isNetwork(err) || strings.Contains(msg, "timeout") || strings.Contains(msg, "refused")):
		return ServerUnreachable
	case connecting:
		return ServerUnreachable
	case isNetwork(err), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		strings.Contains(msg, "conn closed"), strings.Contains(msg, "broken pipe"),
		strings.Contains(msg, "connection reset"), strings.Contains(msg, "unexpected eof"):
		return ServerConnectionLost
	}
	return ""
}

// isNetwork reports a failure of the network under the driver (refused,
// reset, timed out, name unknown).
func isNetwork(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, context.DeadlineExceeded)
}
