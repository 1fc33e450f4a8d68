// Package shared prepares a shared workspace on a PostgreSQL server: the
// roles of the people of an office and what each may change, enforced by the
// database itself (GRANTs and row-level security), and the moves of a
// workspace between a file on one PC and the server (Push, Pull).
package shared

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
)

// Role is what a person may do in a shared workspace.
type Role string

const (
	Admin       Role = "admin"       // everything, including the schema and the people
	Sekretariat Role = "sekretariat" // the rakor and the exchange (values, imports)
	Bidang      Role = "bidang"      // the plan lines of their own bidang
	Pembaca     Role = "pembaca"     // reads only
	// Kabkota is a regency office: the indicator values and plan lines of
	// its own region (User.Region), follow-up notes on the decisions
	// addressed to it; reads the rest.
	Kabkota Role = "kabkota"
)

// Roles lists the roles in the order they are offered.
var Roles = []Role{Admin, Sekretariat, Bidang, Pembaca, Kabkota}

// Group is the PostgreSQL group role (NOLOGIN) a person's login role is a
// member of. Roles are cluster-wide: every Selaras database on one server
// shares these four, each database grants them its own rights.
func (r Role) Group() string { return "selaras_" + string(r) }

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, k := range Roles {
		if r == k {
			return true
		}
	}
	return false
}

// Init makes the database at adminURL a shared workspace with the office's
// roles. adminURL connects as a superuser or a role that may create roles
// (the database's owner, made with createdb). The roles, their rights, the
// row-level security and the guards are steps of the schema's one history
// (backend/store/migrations/postgres), so opening the database applies
// whatever steps it lacks, in order: running Init again after an upgrade
// applies the new ones. The rights are then applied once more as the
// current steps declare them, which changes nothing on a database that has
// them and puts them back on one restored from a dump.
func Init(ctx context.Context, adminURL string) error {
	if !store.IsPostgres(adminURL) {
		return fault.New(fault.SharedNeedsServer, "", "path", adminURL)
	}
	// The shipped nomenclature goes in now: a reader opening the workspace
	// first could not write it.
	// Not workspace.Open: an initialised database stays empty (no workspace
	// kind) until a push fills it or "Buat ruang kerja bersama" sets it up.
	s, err := store.Open(ctx, adminURL, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.ApplyRights(ctx); err != nil {
		return err
	}
	return program.EnsureInstalled(ctx, s)
}

// User is a person of the office with a login of their own.
type User struct {
	Name     string `json:"name"`
	Role     Role   `json:"role"`
	Bidang   string `json:"bidang"`
	Region   string `json:"region"` // a kab/kota office's region code ("19.01")
	Password string `json:"-"`
}

var nameRe = regexp.MustCompile(`^[a-z_][a-z0-9_.-]{0,62}$`)

// AddUser creates a login role for u, a member of its role's group, and
// records it in member. The password leaves this PC only as a SCRAM
// verifier, as psql's \password sends it: the server's logs never see it.
func AddUser(ctx context.Context, adminURL string, u User) error {
	u.Name = strings.TrimSpace(u.Name)
	u.Bidang = strings.TrimSpace(u.Bidang)
	u.Region = strings.TrimSpace(u.Region)
	switch {
	case !nameRe.MatchString(u.Name) || strings.HasPrefix(u.Name, "selaras_") || strings.HasPrefix(u.Name, "pg_"):
		return fault.New(fault.SharedBadName, "", "name", u.Name)
	case !u.Role.Valid():
		return fault.New(fault.SharedBadRole, "", "role", string(u.Role))
	case u.Role == Bidang && u.Bidang == "":
		return fault.New(fault.SharedNoBidang, "", "name", u.Name)
	case u.Role == Kabkota && u.Region == "":
		return fault.New(fault.SharedNoRegion, "", "name", u.Name)
	case u.Role == Kabkota && !isRegency(u.Region):
		return fault.New(fault.SharedBadRegion, "", "region", u.Region)
	case u.Password == "":
		return fault.New(fault.SharedNoPassword, "", "name", u.Name)
	}
	if u.Role != Bidang {
		u.Bidang = ""
	}
	if u.Role != Kabkota {
		u.Region = ""
	}
	secret, err := scramVerifier(u.Password)
	if err != nil {
		return err
	}
	s, err := store.Open(ctx, adminURL, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	return s.Tx(ctx, func(tx *sql.Tx) error {
		var exists bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)", u.Name).Scan(&exists); err != nil {
			return fmt.Errorf("shared: add user: %w", err)
		}
		if exists {
			return fault.New(fault.SharedUserExists, "", "name", u.Name)
		}
		stmts := []string{
			fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD %s IN ROLE %s", quote(u.Name), literal(secret), u.Role.Group()),
		}
		if u.Role == Admin {
			// An admin acts as selaras_admin, so a migration they run leaves
			// its tables owned by the group (session_user, recorded in the
			// audit log, stays the person).
			stmts = append(stmts, fmt.Sprintf("ALTER ROLE %s SET role = 'selaras_admin'", quote(u.Name)))
		}
		for _, q := range stmts {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("shared: add user %s: %w", u.Name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO member(role_name, kind, bidang, region) VALUES (?, ?, ?, ?)",
			u.Name, string(u.Role), u.Bidang, u.Region); err != nil {
			return fmt.Errorf("shared: add user %s: %w", u.Name, err)
		}
		return nil
	})
}

// Users lists the people recorded in the workspace, by name.
func Users(ctx context.Context, url string) ([]User, error) {
	if !store.IsPostgres(url) {
		return nil, fault.New(fault.SharedNeedsServer, "", "path", url)
	}
	s, err := store.Open(ctx, url, store.Options{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return store.QueryAll(ctx, s.Read(), func(r store.Row) (User, error) {
		var u User
		var k string
		err := r.Scan(&u.Name, &k, &u.Bidang, &u.Region)
		u.Role = Role(k)
		return u, err
	}, "SELECT role_name, kind, bidang, region FROM member ORDER BY role_name")
}

// isRegency reports whether code is a kab/kota of the region catalogue.
func isRegency(code string) bool {
	r, ok := region.Default().Lookup(code)
	return ok && r.Level != region.Province && strings.Count(code, ".") == 1
}

// scramVerifier is what PostgreSQL stores for a SCRAM-SHA-256 password
// (RFC 5803 form), computed here so the password itself is never sent.
func scramVerifier(password string) (string, error) {
	const iterations = 4096
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	salted, err := pbkdf2.Key(sha256.New, password, salt, iterations, sha256.Size)
	if err != nil {
		return "", err
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	stored := sha256.Sum256(mac(salted, "Client Key"))
	server := mac(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, b64(salt), b64(stored[:]), b64(server)), nil
}

func quote(name string) string { return store.Quote(name) }

func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
