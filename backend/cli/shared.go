package cli

import (
	"context"

	"selaras/backend/connect"
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
