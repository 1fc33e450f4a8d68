// Package rakor keeps the coordination meetings (rakor, rakortek, rakornis,
// rakorda) of a Dinas Koperasi dan UKM: who came, the agenda and its minutes,
// the figures shown (frozen as snapshots of the harmonisation matrix), the
// decisions (kesepakatan) agreed and their follow-up across meetings, and the
// challenges (permasalahan / isu strategis) raised. Open decisions carry over:
// the next meeting opens with "Tindak lanjut hasil rakor sebelumnya".
package rakor

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"selaras/backend/fault"
	"selaras/backend/store"
)

// isoDate is the layout of every date stored here ("2024-02-23").
const isoDate = "2006-01-02"

// today is the date recorded when a decision is marked done without one;
// tests replace it.
var today = func() string { return time.Now().Format(isoDate) }

type querier interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// ErrNotFound means no row has that id.
var ErrNotFound = errors.New("rakor: not found")

func notFound(field string) error { return fault.Wrap(ErrNotFound, fault.NotFound, field) }

// save is a rakor write door: store.Save normalizes and validates x, put
// writes it in w's transaction and get reads the written row back in the
// same transaction, so a door returns what was stored whether or not its
// caller batches writes.
func save[T any, P store.Record[T]](ctx context.Context, w store.Writer, x T,
	put func(ctx context.Context, tx *sql.Tx, x T) (int64, error),
	get func(ctx context.Context, q querier, id int64) (T, error)) (T, error) {
	return store.Save(ctx, w, x, func(tx *sql.Tx, p P) error {
		id, err := put(ctx, tx, *p)
		if err != nil {
			return err
		}
		*p, err = get(ctx, tx, id)
		return err
	})
}

// deleteRow removes the row of table with id, or says the thing keyed by
// key was not found.
func deleteRow(ctx context.Context, w store.Writer, table, key string, id int64) error {
	return w.Tx(ctx, func(tx *sql.Tx) error { return store.DeleteRow(ctx, tx, table, id, notFound(key)) })
}

// LineError says why one line of a pasted list or one item of a batch was
// refused. Line counts from 1. Err is the refusal itself, a code with its
// arguments and no line number, so Message says the number once in the
// language asked for.
type LineError struct {
	Line int
	Err  error
}

// Message renders the refusal with its line number: "Baris 2: …" / "Line 2: …".
func (e LineError) Message(lang fault.Lang) string {
	return fault.Render(e.Text(), lang)
}

// Text is the refusal with its line number, not yet worded.
func (e LineError) Text() fault.Text {
	return fault.New(fault.LineRefused, "", "line", strconv.Itoa(e.Line)).WithParts("message", fault.TextOf(e.Err)).Text
}

// BatchError carries every refused item of a batch; nothing was written.
type BatchError struct{ Lines []LineError }

func (e *BatchError) Error() string {
	return fmt.Sprintf("rakor: %d items refused, nothing saved", len(e.Lines))
}

// Fault is the whole refusal as one message naming every line, worded per
// language from the same lines.
func (e *BatchError) Fault() *fault.Error {
	lines := make([]fault.Text, len(e.Lines))
	for i, l := range e.Lines {
		lines[i] = l.Text()
	}
	return fault.New(fault.ParticipantsRefused, "participant.list").WithParts("lines", lines...)
}

// ErrBatch reports whether err is a batch of refused items.
func ErrBatch(err error) (*BatchError, bool) {
	var be *BatchError
	ok := errors.As(err, &be)
	return be, ok
}

// checkDate validates an ISO date; empty is allowed only when optional.
func checkDate(field, s string, optional bool) error {
	if s == "" {
		if optional {
			return nil
		}
		return fault.New(fault.Required, field)
	}
	if t, err := time.Parse(isoDate, s); err != nil || t.Format(isoDate) != s {
		return fault.Reject(field, fault.ReasonISODate, "value", s)
	}
	return nil
}

// clean collapses runs of white space, so pasted text compares and prints well.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// cleanList trims, drops empty and repeated entries, keeping the first order.
func cleanList(in []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, s := range in {
		s = clean(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

func uniqueIDs(in []int64) []int64 {
	out := []int64{}
	seen := map[int64]bool{}
	for _, id := range in {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// scanIDs reads a one-column result of ids and closes rows.
func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	out := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func idArgs(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// likePattern makes a LIKE pattern that matches s anywhere, literally,
// folded as lower() folds the column it is matched against.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + store.Lower(r.Replace(strings.TrimSpace(s))) + "%"
}
