package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"

	"selaras/backend/atomicfile"
	"selaras/backend/fault"
	"selaras/backend/store"
)

// The door: every bound method of every service answers through one of
// these helpers, so an error reaches the frontend one way only, as a
// Problem in the user's language with the driver's and the operating
// system's refusals mapped to what to do (store.Explain, atomicfile.Explain).
//
//	with(a, zero, func(ctx, s) (T, error))  a result, on the open workspace
//	run(a, func(ctx, s) error)              no result, on the open workspace
//	respond(a, zero, func(ctx) (T, error))  no workspace needed (or chosen here)
//	act(a, func(ctx) error)                 the same, no result

// respond runs fn and turns its error into a Problem. zero is returned on
// error so that the frontend never sees null lists.
func respond[T any](a *App, zero T, fn func(ctx context.Context) (T, error)) (T, error) {
	out, err := fn(context.Background())
	if err != nil {
		return zero, a.fail(err)
	}
	return out, nil
}

// with runs fn on the open workspace (NoWorkspace when none is open).
func with[T any](a *App, zero T, fn func(ctx context.Context, s *store.Store) (T, error)) (T, error) {
	return respond(a, zero, func(ctx context.Context) (T, error) {
		s, err := a.store()
		if err != nil {
			return zero, err
		}
		return fn(ctx, s)
	})
}

// run is with for a method that returns nothing but its error.
func run(a *App, fn func(ctx context.Context, s *store.Store) error) error {
	_, err := with(a, struct{}{}, func(ctx context.Context, s *store.Store) (struct{}, error) {
		return struct{}{}, fn(ctx, s)
	})
	return err
}

// act is respond for a method that returns nothing but its error.
func act(a *App, fn func(ctx context.Context) error) error {
	return a.fail(fn(context.Background()))
}

// Problem is the error the frontend receives, as JSON in the rejected
// promise: frontend/src/api parses it into a typed error.
type Problem struct {
	Code    fault.Code `json:"code"`
	Field   string     `json:"field"`
	Message string     `json:"message"`
	// Conflict is set with fault.EditConflict: the edit was based on an older
	// version; the form shows theirs beside the user's values.
	Conflict *Conflict `json:"conflict,omitempty"`
}

// Conflict is a newer change an edit was refused over, worded for the user.
type Conflict struct {
	Who     string `json:"who"`     // its author, or "another user"
	When    string `json:"when"`    // "Senin, 30 November 2026 pukul 14.05"
	At      string `json:"at"`      // the same, as stored (UTC)
	Version int64  `json:"version"` // save again with this to keep one's own values
	Theirs  any    `json:"theirs"`  // the stored values; null when deleted
}

// based refuses an edit of a stored row (id != 0) that does not name the
// version it was based on: only batch writers (imports, the demo) may write
// over whatever is stored, never a form, or edits would be lost silently.
func based(id, version int64) error {
	if id != 0 && version == 0 {
		return fmt.Errorf("app: an edit of row %d without the version it was based on", id)
	}
	return nil
}

// conflictOf words the conflict err carries, if any, in lang.
func conflictOf(err error, lang fault.Lang) *Conflict {
	c, ok := fault.ConflictOf(err)
	if !ok {
		return nil
	}
	w := worded(*c, lang)
	return &w
}

// worded is c for the user, in lang.
func worded(c fault.Conflict, lang fault.Lang) Conflict {
	return Conflict{Who: c.Who(lang), When: c.When(lang), At: c.At, Version: c.Version, Theirs: c.Theirs}
}

type problemError struct{ p Problem }

func (e problemError) Error() string {
	b, _ := json.Marshal(e.p)
	return string(b)
}

// fail turns any backend error into a Problem in the user's language.
func (a *App) fail(err error) error {
	if err == nil {
		return nil
	}
	var pe problemError
	if errors.As(err, &pe) {
		return err
	}
	err = a.explain(batchFault(err))
	return problemError{Problem{Code: fault.CodeOf(err), Field: fault.FieldOf(err), Message: fault.Message(err, a.lang()),
		Conflict: conflictOf(err, a.lang())}}
}

// message renders err for a text shown outside a rejected promise (the
// welcome screen's reason), through the same mapping as fail.
func (a *App) message(err error) string {
	if err == nil {
		return ""
	}
	return fault.Message(a.explain(err), a.lang())
}

// explain maps what the driver or the operating system said to a code
// that says what to do; anything left without a message of its own is
// logged with a reference and shown as Unexpected, never as raw text.
func (a *App) explain(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = atomicfile.Explain(err, pe.Path)
	}
	// A shared workspace's server refusals first (they name the server),
	// then the file's and the driver's.
	err = store.Explain(err, a.workspacePath())
	if fault.CodeOf(err) != fault.Internal {
		return err
	}
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	ref := hex.EncodeToString(b)
	log.Printf("selaras: unexpected error %s: %v", ref, err)
	return fault.Wrap(err, fault.Unexpected, "", "ref", ref)
}
