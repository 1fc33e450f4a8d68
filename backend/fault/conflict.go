package fault

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// No lost update: an edit based on a version of a row
// that another person has changed since. Nothing of the edit is written;
// the user sees who changed it, when, and both values, and chooses.
const (
	// {field} is what was edited; {who} and {when} name the newest change.
	EditConflict Code = "edit_conflict"
	// Who made a change the audit log did not record the author of.
	SomeoneElse Code = "someone_else"
)

// Conflict is what a refused edit shows beside the user's own values.
type Conflict struct {
	By      string `json:"by"`      // who made the newest change ("" = not recorded)
	At      string `json:"at"`      // when, as the audit log stored it (UTC)
	Version int64  `json:"version"` // the version now stored: "keep mine" saves over it
	Theirs  any    `json:"theirs"`  // the stored row as its domain reads it; nil when deleted
}

func (c *Conflict) Error() string {
	return fmt.Sprintf("edit conflict: version %d by %q at %s", c.Version, c.By, c.At)
}

// NewConflict refuses an edit of field (a field key such as "decision.id")
// over the newer change c.
func NewConflict(field string, c Conflict) *Error {
	e := Wrap(&c, EditConflict, field)
	if strings.TrimSpace(c.By) != "" {
		e.Args["who"] = c.By
	} else {
		e.WithCode("who", SomeoneElse)
	}
	if t, ok := parseStamp(c.At); ok {
		e.WithTime("when", t)
	} else {
		e.Args["when"] = c.At
	}
	return e
}

// Who names the author of the newer change in lang.
func (c Conflict) Who(lang Lang) string {
	switch {
	case strings.TrimSpace(c.By) != "":
		return c.By
	}
	return Say(lang, SomeoneElse)
}

// When words the time of the newer change in lang, in the computer's zone.
func (c Conflict) When(lang Lang) string {
	t, ok := parseStamp(c.At)
	switch {
	case !ok:
		return c.At
	case lang == EN:
		return DateTimeEN(t)
	}
	return DateTimeID(t)
}

// ConflictOf returns the conflict err carries, if any.
func ConflictOf(err error) (*Conflict, bool) {
	var c *Conflict
	ok := errors.As(err, &c)
	return c, ok
}

// parseStamp reads an audit time: SQLite's strftime('%Y-%m-%dT%H:%M:%fZ')
// and what a PostgreSQL timestamp scans to.
func parseStamp(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999Z07",
		"2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var (
	dayID   = []string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
	monthID = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
		"Oktober", "November", "Desember"}
)

// DateTimeID words t in the computer's time zone the Indonesian way:
// "Senin, 30 November 2026 pukul 14.05".
func DateTimeID(t time.Time) string {
	t = t.In(time.Local)
	return fmt.Sprintf("%s, %d %s %d pukul %02d.%02d", dayID[t.Weekday()], t.Day(), monthID[t.Month()-1], t.Year(),
		t.Hour(), t.Minute())
}

// DateTimeEN is DateTimeID in English: "Monday, 30 November 2026 at 14:05".
func DateTimeEN(t time.Time) string {
	t = t.In(time.Local)
	return fmt.Sprintf("%s, %d %s %d at %02d:%02d", t.Weekday(), t.Day(), t.Month(), t.Year(), t.Hour(), t.Minute())
}
