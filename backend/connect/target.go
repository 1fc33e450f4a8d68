// Package connect describes a shared workspace on a PostgreSQL server: its
// URL and the coordinates a user types (host, port, database, user, TLS),
// the password kept out of both (the operating system's credential store,
// else asked at start), and what may be shown or remembered of it.
package connect

import (
	"net"
	"net/url"
	"strconv"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/store"
)

// DefaultPort is PostgreSQL's.
const DefaultPort = 5432

// ConnectTimeout bounds how long an unreachable server keeps the user
// waiting (libpq's connect_timeout, in seconds, which pgx honours).
const ConnectTimeout = "5"

// TLS modes offered in the form (libpq's sslmode).
const (
	// TLSVerifyFull: encrypted, and the server proven to be the one named
	// by a certificate signed by the CA in CAFile (a regency reaching its
	// province over a network it does not control).
	TLSVerifyFull = "verify-full"
	// TLSVerifyCA: encrypted, the certificate signed by CAFile's CA,
	// whatever name it is for.
	TLSVerifyCA = "verify-ca"
	TLSRequire  = "require"
	TLSPrefer   = "prefer"
	TLSDisable  = "disable"
)

// Target is a shared workspace's coordinates, without its password.
type Target struct {
	Host     string `json:"host"`
	Port     int    `json:"port"`
	Database string `json:"database"`
	User     string `json:"user"`
	TLS      string `json:"tls"` // verify-full, verify-ca, require, prefer or disable
	// CAFile is the certificate authority's certificate (PEM) a verify
	// mode checks the server against (libpq's sslrootcert); "" for the
	// system's.
	CAFile string `json:"caFile"`
}

// Parse reads a postgres:// URL into its target and the password it
// carries, if any. A URL missing its host, database or user is refused
// naming what is missing.
func Parse(raw string) (Target, string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !store.IsPostgres(raw) {
		return Target{}, "", fault.New(fault.ServerBadURL, "", "url", store.Redact(raw))
	}
	t := Target{Host: u.Hostname(), Port: DefaultPort, Database: strings.TrimPrefix(u.Path, "/"), TLS: TLSPrefer}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return Target{}, "", fault.New(fault.ServerBadURL, "", "url", store.Redact(raw))
		}
		t.Port = n
	}
	pw := ""
	if u.User != nil {
		t.User = u.User.Username()
		pw, _ = u.User.Password()
	}
	q := u.Query()
	if m := q.Get("sslmode"); m != "" {
		t.TLS = m
	}
	t.CAFile = q.Get("sslrootcert")
	if t.Host == "" {
		t.Host = q.Get("host")
	}
	if t.User == "" {
		t.User = q.Get("user")
	}
	if pw == "" {
		pw = q.Get("password")
	}
	return t, pw, t.Check()
}

// Check refuses a target the form cannot connect to, naming the field.
func (t Target) Check() error {
	switch {
	case strings.TrimSpace(t.Host) == "":
		return fault.New(fault.Required, "shared.host")
	case t.Port < 1 || t.Port > 65535:
		return fault.New(fault.OutOfRange, "shared.port", "min", "1", "max", "65535")
	case strings.TrimSpace(t.Database) == "":
		return fault.New(fault.Required, "shared.database")
	case strings.TrimSpace(t.User) == "":
		return fault.New(fault.Required, "shared.user")
	}
	switch t.TLS {
	case TLSRequire, TLSPrefer, TLSDisable, TLSVerifyCA, TLSVerifyFull, "allow":
		return nil
	}
	return fault.Choose("TLS (sslmode)", TLSVerifyFull, TLSVerifyCA, TLSRequire, TLSPrefer, TLSDisable)
}

// URL is the target as a postgres:// URL, with password when one is given,
// always with a bounded connect timeout.
func (t Target) URL(password string) string {
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(t.Host, strconv.Itoa(t.Port)), Path: "/" + t.Database}
	if password != "" {
		u.User = url.UserPassword(t.User, password)
	} else {
		u.User = url.User(t.User)
	}
	q := url.Values{}
	q.Set("sslmode", t.TLS)
	if t.CAFile != "" {
		q.Set("sslrootcert", t.CAFile)
	}
	q.Set("connect_timeout", ConnectTimeout)
	u.RawQuery = q.Encode()
	return u.String()
}

// Label is how the open workspace is named on screen: user@host/db (the
// port only when it is not the default).
func (t Target) Label() string {
	return t.User + "@" + t.Server() + "/" + t.Database
}

// Server is host, or host:port when the port is not PostgreSQL's default.
func (t Target) Server() string {
	if t.Port == DefaultPort || t.Port == 0 {
		return t.Host
	}
	return net.JoinHostPort(t.Host, strconv.Itoa(t.Port))
}

// Account is the key under which the credential store keeps the password:
// one per user on one database of one server.
func (t Target) Account() string {
	return t.User + "@" + net.JoinHostPort(t.Host, strconv.Itoa(t.Port)) + "/" + t.Database
}

// WithPassword puts password into raw (replacing any there).
func WithPassword(raw, password string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || password == "" {
		return raw
	}
	user := ""
	if u.User != nil {
		user = u.User.Username()
	}
	u.User = url.UserPassword(user, password)
	return u.String()
}

// WithTimeout adds the bounded connect timeout unless raw names one.
func WithTimeout(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return raw
	}
	q := u.Query()
	if q.Has("connect_timeout") {
		return raw
	}
	q.Set("connect_timeout", ConnectTimeout)
	u.RawQuery = q.Encode()
	return u.String()
}
