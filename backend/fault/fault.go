// Package fault turns typed errors into the plain Indonesian (and English)
// messages a user reads. Every user-facing message is built here, from a code
// and the place the problem is, so wording stays consistent across the screen,
// the CLI and imports.
package fault

import (
	"errors"
	"strings"
	"time"
)

// Code names a kind of problem a user can fix or must be told about.
type Code string

const (
	Internal      Code = "internal"
	Required      Code = "required"
	Invalid       Code = "invalid"
	OutOfRange    Code = "out_of_range"
	UnknownRegion Code = "unknown_region"
	NotFound      Code = "not_found"
	NewerSchema   Code = "newer_schema"
	NotDatabase   Code = "not_database"
	NoWorkspace   Code = "no_workspace"
)

// Files and workspaces on a PC where things go wrong (backups and
// recovery). Kept together so merges with other areas stay easy.
const (
	FileInUse         Code = "file_in_use"
	DiskFull          Code = "disk_full"
	ReadOnlyFolder    Code = "read_only_folder"
	NoPermission      Code = "no_permission"
	ReadOnlyWorkspace Code = "read_only_workspace"
	Damaged           Code = "damaged"
	BadBackup         Code = "bad_backup"
	NoBackup          Code = "no_backup"
	FileExists        Code = "file_exists"
	SharedBackup      Code = "shared_backup"  // a shared workspace is backed up on its server
	ReadOnlyRole      Code = "read_only_role" // connected as a person who may only read
)

// Windows office PC: the default workspace of the headless
// commands and the move of workspaces out of the roaming profile.
const (
	NoDefaultWorkspace Code = "no_default_workspace"
	ManyWorkspaces     Code = "many_workspaces"
	OtherWorkspaces    Code = "other_workspaces"
	WorkspaceMoved     Code = "workspace_moved"
	WorkspaceNotMoved  Code = "workspace_not_moved"
	WorkspaceBusy      Code = "workspace_busy" // held open by another program: moved at a later start
	// The WebView2 runtime the desktop window needs (Wails windows.Messages).
	WebView2Title   Code = "webview2_title"
	WebView2Missing Code = "webview2_missing"
	WebView2Old     Code = "webview2_old"
	WebView2Failed  Code = "webview2_failed"
	WebView2Invalid Code = "webview2_invalid"
	WebView2Crash   Code = "webview2_crash"
)

// The house: files picked, dropped or uploaded for import.
const (
	ImportRefused Code = "import_refused"
	UploadFailed  Code = "upload_failed"
)

// Text is a sentence of the catalogue before it is worded: a code and its
// arguments. An argument is a value printed as it is (Args), a code worded in
// the same language from the same arguments (Codes), a list of values joined
// per language ("a, b, atau c"; Lists), a list of sentences each worded and
// joined by "; " (Parts), or a moment worded per language (Times). No
// argument is a sentence already worded in one language, so a result can
// carry a Text and be worded where it leaves the backend, in the user's
// language.
type Text struct {
	Code Code `json:"code"`
	// Field is a field key such as "decision.status" (an aggregate and the
	// JSON name of its field, labelled in both languages in labels.go), or a
	// place that is not a field (a path, a sheet and cell), printed as is.
	Field  string              `json:"field,omitempty"`
	Reason Code                `json:"reason,omitempty"` // why an Invalid value is refused: {reason}
	Args   map[string]string   `json:"args,omitempty"`
	Codes  map[string]Code     `json:"codes,omitempty"`
	Lists  map[string][]string `json:"lists,omitempty"`
	Parts  map[string][]Text   `json:"parts,omitempty"`
	Times  map[string]string   `json:"times,omitempty"` // RFC 3339
}

// Error is a problem with a place: the Text that words it and the
// underlying cause, if any.
type Error struct {
	Text
	Err error // the underlying cause, if any
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(string(e.Code))
	if e.Field != "" {
		b.WriteString(" (" + e.Field + ")")
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// New makes an Error for a field with optional key/value pairs for the message.
func New(code Code, field string, kv ...string) *Error {
	e := &Error{Text: Text{Code: code, Field: field, Args: map[string]string{}}}
	for i := 0; i+1 < len(kv); i += 2 {
		e.Args[kv[i]] = kv[i+1]
	}
	return e
}

// Reject is a field whose value is refused for a reason of the catalogue:
// "{field} tidak valid: {reason}" with the reason worded per language from
// the same arguments, so no Indonesian sentence is glued into English.
func Reject(field string, reason Code, kv ...string) *Error {
	e := New(Invalid, field, kv...)
	e.Reason = reason
	return e
}

// WithCode sets the argument k to a code of the catalogue, worded in the
// user's language from the same arguments.
func (e *Error) WithCode(k string, c Code) *Error {
	if e.Codes == nil {
		e.Codes = map[string]Code{}
	}
	e.Codes[k] = c
	return e
}

// WithList sets the argument k to values joined per language: "a, b, atau
// c" / "a, b or c". The values are the same in both languages (words the
// user types, codes, numbers).
func (e *Error) WithList(k string, values ...string) *Error {
	if e.Lists == nil {
		e.Lists = map[string][]string{}
	}
	e.Lists[k] = values
	return e
}

// WithParts sets the argument k to sentences, each worded in the user's
// language, joined by "; ".
func (e *Error) WithParts(k string, parts ...Text) *Error {
	if e.Parts == nil {
		e.Parts = map[string][]Text{}
	}
	e.Parts[k] = parts
	return e
}

// WithTime sets the argument k to a moment worded per language in the
// computer's zone: "Senin, 30 November 2026 pukul 14.05".
func (e *Error) WithTime(k string, t time.Time) *Error {
	if e.Times == nil {
		e.Times = map[string]string{}
	}
	e.Times[k] = t.UTC().Format(time.RFC3339Nano)
	return e
}

// Wrap attaches a cause to a new Error.
func Wrap(err error, code Code, field string, kv ...string) *Error {
	e := New(code, field, kv...)
	e.Err = err
	return e
}

// Lang is a user interface language.
type Lang string

const (
	ID Lang = "id"
	EN Lang = "en"
)

// Message renders err for a user. Errors that are not *Error are reported as
// internal errors with their text, so nothing is ever swallowed.
func Message(err error, lang Lang) string {
	if err == nil {
		return ""
	}
	return Render(TextOf(err), lang)
}

// TextOf is the sentence err is worded from: its Text, with the cause as
// {cause} when the template names one, or Internal with the error's text.
func TextOf(err error) Text {
	if err == nil {
		return Text{}
	}
	var fe *Error
	if !errors.As(err, &fe) {
		return Text{Code: Internal, Args: map[string]string{"cause": err.Error()}}
	}
	t := fe.Text
	if _, ok := t.Args["cause"]; !ok && fe.Err != nil {
		args := make(map[string]string, len(t.Args)+1)
		for k, v := range t.Args {
			args[k] = v
		}
		args["cause"] = fe.Err.Error()
		t.Args = args
	}
	return t
}

// Render words t in lang. A code the catalogue lacks is worded as an
// internal error, so a message is never empty.
func Render(t Text, lang Lang) string {
	tmpl, ok := catalog[t.Code]
	if !ok {
		tmpl = catalog[Internal]
	}
	return fill(tmpl, lang, t, 0)
}

// Label is the label of a field key in lang, or the key as given.
func Label(key string, lang Lang) string {
	l, ok := labels[key]
	switch {
	case !ok:
		return key
	case lang == EN:
		return l.en
	}
	return l.id
}

// ValueLabel is the word for a stored value of a field ("decision.status",
// "baru": Baru / New) in lang, from the catalogue's labels
// ("decision.status.baru"): the screens read the same entries through
// frontend/src/i18n/labels.ts. A value without its entry is given as stored.
func ValueLabel(field, value string, lang Lang) string {
	if _, ok := labels[field+"."+value]; !ok {
		return value
	}
	return Label(field+"."+value, lang)
}

// Say words a code of the catalogue with key/value pairs in lang: a CLI line,
// a dialog title, a document's heading.
func Say(lang Lang, code Code, kv ...string) string {
	return Render(New(code, "", kv...).Text, lang)
}

// CodeOf returns the code of err, or Internal.
func CodeOf(err error) Code {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Code
	}
	return Internal
}

// FieldOf returns the field err concerns, if any: the JSON name of a field
// key ("status" for "decision.status"), which is what a form matches its
// items on, or the place as given when it is not a field key.
func FieldOf(err error) string {
	var fe *Error
	if !errors.As(err, &fe) {
		return ""
	}
	if _, ok := labels[fe.Field]; ok {
		return fe.Field[strings.LastIndexByte(fe.Field, '.')+1:]
	}
	return fe.Field
}

// fill words the template tmpl with t's arguments in lang.
func fill(tmpl text, lang Lang, t Text, depth int) string {
	s := tmpl.id
	if lang == EN {
		s = tmpl.en
	}
	vals := map[string]string{}
	for k, v := range t.Args {
		vals[k] = v
	}
	for k, vs := range t.Lists {
		vals[k] = join(vs, lang)
	}
	for k, ps := range t.Parts {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = Render(p, lang)
		}
		vals[k] = strings.Join(out, "; ")
	}
	for k, stamp := range t.Times {
		at, err := time.Parse(time.RFC3339Nano, stamp)
		switch {
		case err != nil:
			vals[k] = stamp
		case lang == EN:
			vals[k] = DateTimeEN(at)
		default:
			vals[k] = DateTimeID(at)
		}
	}
	codes := t.Codes
	if t.Reason != "" {
		codes = map[string]Code{"reason": t.Reason}
		for k, c := range t.Codes {
			codes[k] = c
		}
	}
	for k, c := range codes {
		// A code argument is worded from the same arguments and field
		// (a reason naming {value}); the depth stops a code that names
		// itself through another.
		if ct, ok := catalog[c]; ok && depth < 4 {
			inner := t
			inner.Reason, inner.Codes = "", map[string]Code{}
			for k2, c2 := range codes {
				if k2 != k {
					inner.Codes[k2] = c2
				}
			}
			vals[k] = fill(ct, lang, inner, depth+1)
		}
	}
	s = strings.ReplaceAll(s, "{field}", Label(t.Field, lang))
	for k, v := range vals {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// Is reports whether err carries code.
func Is(err error, code Code) bool { return CodeOf(err) == code }
