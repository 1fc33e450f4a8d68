package fault

import (
	"errors"
	"fmt"
	"io"
	"net"
	"testing"

	"github.com/stretchr/testify/assert"
)

// serverErr has the shape of pgx's *pgconn.PgError as the door sees it:
// a SQLSTATE behind a method. The real driver's errors are tested against
// the real cluster in app (TestSharedRefusalsAtTheDoor); these are the
// cases a test cluster cannot produce (a server that demands TLS, a
// shutdown, a role without CONNECT).
type serverErr struct{ state, msg string }

func (e serverErr) Error() string    { return e.msg + " (SQLSTATE " + e.state + ")" }
func (e serverErr) SQLState() string { return e.state }

func TestAtServer(t *testing.T) {
	const u = "postgres://kabid@srv.dinas:6543/selaras?sslmode=disable"
	connectErr := func(cause error) error {
		return fmt.Errorf("failed to connect to `user=kabid database=selaras`: srv.dinas:6543: %w", cause)
	}
	tests := []struct {
		name string
		err  error
		want Code
	}{
		{"wrong password", connectErr(serverErr{"28P01", "password authentication failed"}), ServerWrongPassword},
		{"TLS demanded by pg_hba", connectErr(serverErr{"28000", `no pg_hba.conf entry for host "10.0.0.2", user "kabid", database "selaras", no encryption`}), ServerTLSRequired},
		{"refused by pg_hba", connectErr(serverErr{"28000", `no pg_hba.conf entry for host "10.0.0.2", user "kabid", database "selaras", SSL encryption`}), ServerRefused},
		{"TLS not offered", connectErr(errors.New("tls error: server refused TLS connection")), ServerTLSUnavailable},
		{"TLS preferred, then plain refused too", connectErr(errors.Join(errors.New("tls error: server refused TLS connection"),
			&net.OpError{Op: "dial", Err: errors.New("connect: connection refused")})), ServerUnreachable},
		{"refused", connectErr(&net.OpError{Op: "dial", Err: errors.New("connect: connection refused")}), ServerUnreachable},
		{"starting up", connectErr(serverErr{"57P03", "the database system is starting up"}), ServerUnreachable},
		{"no database", connectErr(serverErr{"3D000", `database "selaras" does not exist`}), ServerNoDatabase},
		{"no CONNECT right", connectErr(serverErr{"42501", "permission denied for database selaras"}), ServerNoRights},
		{"no table right", serverErr{"42501", "permission denied for table target_values"}, ServerNoRights},
		{"shut down mid-operation", serverErr{"57P01", "terminating connection due to administrator command"}, ServerConnectionLost},
		{"connection failure", serverErr{"08006", "connection failure"}, ServerConnectionLost},
		{"cable pulled", fmt.Errorf("commit: %w", io.ErrUnexpectedEOF), ServerConnectionLost},
		{"a constraint is not the door's", serverErr{"23505", "duplicate key"}, Internal},
		{"a database holding other tables", New(NotDatabase, "", "path", u), ServerForeign},
		{"a code chosen already is kept", New(Required, "profile.officeName"), Required},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dsn := u
			if tc.want == ServerTLSUnavailable {
				dsn = "postgres://kabid@srv.dinas:6543/selaras?sslmode=require"
			}
			err := AtServer(tc.err, dsn)
			assert.Equal(t, tc.want, CodeOf(err))
			if tc.want == Internal || tc.want == Required {
				return
			}
			for _, lang := range []Lang{ID, EN} {
				msg := Message(err, lang)
				assert.Contains(t, msg, "srv.dinas:6543", "the message names the server")
				assert.NotContains(t, msg, "SQLSTATE")
				assert.NotContains(t, msg, "{")
			}
		})
	}
	// A file is AtDoor's, not AtServer's.
	assert.Equal(t, Internal, CodeOf(AtServer(io.ErrUnexpectedEOF, "/home/x/selaras.db")))
}
