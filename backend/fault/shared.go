package fault

import (
	"net"
	"net/url"
	"strings"
)

// A shared workspace on a PostgreSQL server: what the door says when the
// server refuses or cannot be reached, in place of the driver's words
// (store.Explain maps them). Every message names the server ({server}), and
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
	// The server's certificate is not signed by the CA file chosen
	// (sslrootcert): not the province's server, or the wrong file.
	ServerTLSUntrusted Code = "server_tls_untrusted"
	// The certificate is the CA's, but for another name than {server}.
	ServerTLSHost Code = "server_tls_host"
	// The CA file {file} chosen for verify-full cannot be read.
	ServerCAFile Code = "server_ca_file"
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
	// The database's encoding is {encoding}, not UTF8: Indonesian text and
	// the audit log's JSON would not survive it.
	ServerNotUTF8 Code = "server_not_utf8"
	// Something answers at {server}, but it does not speak PostgreSQL.
	ServerNotPostgres Code = "server_not_postgres"
	// The workspace needs this version's schema steps, which only the
	// server's manager (who may create roles) can apply: workspace init.
	ServerNeedsManager Code = "server_needs_manager"
)

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
