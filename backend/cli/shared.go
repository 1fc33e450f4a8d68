package cli

import (
	"context"

	"selaras/backend/connect"
	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/workspace"
)

// Keyring is where a command finds the password of a shared workspace the
// app kept; tests replace it.
var Keyring = connect.OS

// openShared opens the shared workspace at raw (a postgres:// URL), its
// password from the URL, else PGPASSWORD (as psql reads it), else the
// credential store where the app kept it.
func openShared(ctx context.Context, env Env, raw string) (*store.Store, error) {
	full, _, err := connect.Resolve(raw, env.Getenv("PGPASSWORD"), Keyring())
	if err != nil {
		return nil, err
	}
	return workspace.Open(ctx, full)
}

// refuseShared is the answer of the file-only commands (backup, restore)
// on a shared workspace: the server is backed up there, with pg_dump.
func refuseShared(path string) error {
	if store.IsPostgres(path) {
		return fault.New(fault.SharedBackup, "", "path", store.Redact(path))
	}
	return nil
}
