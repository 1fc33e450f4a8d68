package store

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5"
)

// Change says that a table of a shared workspace was written by someone
// (Own when the write came through this Store). Resync asks a listener to reload everything: the connection to the server
// was lost and notifications may have been missed.
type Change struct {
	Table  string `json:"table"`
	Action string `json:"action"`
	By     string `json:"by"`
	Own    bool   `json:"own"`
	Resync bool   `json:"resync"`
}

// Listen calls fn for every change until ctx ends. The changes come from
// the server (LISTEN selaras_change, fed by the audit triggers of every PC);
// a dropped connection is retried every few seconds and, once back, fn gets
// a Resync. fn runs on Listen's goroutine. A SQLite file is written by one
// app only, so there is nothing to hear: Listen waits for ctx.
func (s *Store) Listen(ctx context.Context, fn func(Change)) error {
	if s.Engine() != Postgres {
		<-ctx.Done()
		return nil
	}
	first := true
	for {
		err := s.listenOnce(ctx, fn, !first)
		if ctx.Err() != nil {
			return nil
		}
		first = false
		_ = err // the server went away; try again
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(2 * time.Second):
		}
	}
}

func (s *Store) listenOnce(ctx context.Context, fn func(Change), resync bool) error {
	cfg, err := pgx.ParseConfig(s.dsn)
	if err != nil {
		return err
	}
	cfg.RuntimeParams["application_name"] = s.origin + "-listen"
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN selaras_change"); err != nil {
		return err
	}
	if resync {
		fn(Change{Resync: true})
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		var c struct {
			Change
			Origin string `json:"origin"`
		}
		if json.Unmarshal([]byte(n.Payload), &c) != nil {
			continue
		}
		c.Own = c.Origin == s.origin
		fn(c.Change)
	}
}
