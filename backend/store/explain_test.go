package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
)

// The real driver's refusals are tested against the real cluster in app
// (TestSharedRefusalsAtTheDoor); these are the cases a test cluster cannot
// produce (a server that demands TLS, a shutdown, a role without CONNECT),
// with the driver's own error type.
func TestExplainServer(t *testing.T) {
	const u = "postgres://kabid@srv.dinas:6543/selaras?sslmode=disable"
	pg := func(code, msg string) error { return &pgconn.PgError{Code: code, Message: msg} }
	connectErr := func(cause error) error {
		return fmt.Errorf("failed to connect to `user=kabid database=selaras`: srv.dinas:6543: %w", cause)
	}
	tests := []struct {
		name string
		err  error
		want fault.Code
	}{
		{"wrong password", connectErr(pg("28P01", "password authentication failed")), fault.ServerWrongPassword},
		{"TLS demanded by pg_hba", connectErr(pg("28000", `no pg_hba.conf entry for host "10.0.0.2", user "kabid", database "selaras", no encryption`)), fault.ServerTLSRequired},
		{"refused by pg_hba", connectErr(pg("28000", `no pg_hba.conf entry for host "10.0.0.2", user "kabid", database "selaras", SSL encryption`)), fault.ServerRefused},
		{"TLS not offered", connectErr(errors.New("tls error: server refused TLS connection")), fault.ServerTLSUnavailable},
		{"TLS preferred, then plain refused too", connectErr(errors.Join(errors.New("tls error: server refused TLS connection"),
			&net.OpError{Op: "dial", Err: errors.New("connect: connection refused")})), fault.ServerUnreachable},
		{"refused", connectErr(&net.OpError{Op: "dial", Err: errors.New("connect: connection refused")}), fault.ServerUnreachable},
		{"starting up", connectErr(pg("57P03", "the database system is starting up")), fault.ServerUnreachable},
		{"no database", connectErr(pg("3D000", `database "selaras" does not exist`)), fault.ServerNoDatabase},
		{"no CONNECT right", connectErr(pg("42501", "permission denied for database selaras")), fault.ServerNoRights},
		{"no table right", pg("42501", "permission denied for table target_values"), fault.ServerNoRights},
		{"shut down mid-operation", pg("57P01", "terminating connection due to administrator command"), fault.ServerConnectionLost},
		{"connection failure", pg("08006", "connection failure"), fault.ServerConnectionLost},
		{"cable pulled", fmt.Errorf("commit: %w", io.ErrUnexpectedEOF), fault.ServerConnectionLost},
		{"a constraint is not the door's", pg("23505", "duplicate key"), fault.Internal},
		{"a database holding other tables", fault.New(fault.NotDatabase, "", "path", u), fault.ServerForeign},
		{"a code chosen already is kept", fault.New(fault.Required, "profile.officeName"), fault.Required},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dsn := u
			if tc.want == fault.ServerTLSUnavailable {
				dsn = "postgres://kabid@srv.dinas:6543/selaras?sslmode=require"
			}
			err := Explain(tc.err, dsn)
			assert.Equal(t, tc.want, fault.CodeOf(err))
			if tc.want == fault.Internal || tc.want == fault.Required {
				return
			}
			for _, lang := range []fault.Lang{fault.ID, fault.EN} {
				msg := fault.Message(err, lang)
				assert.Contains(t, msg, "srv.dinas:6543", "the message names the server")
				assert.NotContains(t, msg, "SQLSTATE")
				assert.NotContains(t, msg, "{")
			}
		})
	}
	// A file is the SQLite side's: a network error on a file is left alone.
	assert.Equal(t, fault.Internal, fault.CodeOf(Explain(io.ErrUnexpectedEOF, "/home/x/selaras.db")))
}

// An address where something answers that is not PostgreSQL (a web server
// on the port, a service that hangs up) is said as such, not as a server
// that cannot be reached; a closed port stays "cannot be reached".
func TestExplainNotPostgres(t *testing.T) {
	serve := func(t *testing.T, answer func(net.Conn)) string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		t.Cleanup(func() { l.Close() })
		go func() {
			for {
				c, err := l.Accept()
				if err != nil {
					return
				}
				go func() { defer c.Close(); answer(c) }()
			}
		}()
		return "postgres://kabid:x@" + l.Addr().String() + "/selaras?sslmode=disable&connect_timeout=3"
	}
	http := serve(t, func(c net.Conn) {
		_, _ = bufio.NewReader(c).Peek(8)
		_, _ = io.WriteString(c, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
	})
	hangup := serve(t, func(c net.Conn) { _, _ = bufio.NewReader(c).Peek(8) })
	closed := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		addr := l.Addr().String()
		l.Close()
		return "postgres://kabid:x@" + addr + "/selaras?sslmode=disable&connect_timeout=3"
	}()
	for _, tc := range []struct {
		name, url string
		want      fault.Code
	}{
		{"a web server", http, fault.ServerNotPostgres},
		{"a service that hangs up", hangup, fault.ServerNotPostgres},
		{"a web server, TLS preferred", strings.Replace(http, "sslmode=disable", "sslmode=prefer", 1), fault.ServerNotPostgres},
		{"a closed port", closed, fault.ServerUnreachable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_, err := Open(ctx, tc.url, Options{})
			require.Error(t, err)
			got := Explain(err, Redact(tc.url))
			assert.Equal(t, tc.want, fault.CodeOf(got), "%v", err)
			assert.NotContains(t, fault.Message(got, fault.EN), "x@")
		})
	}
}
