// Package fault turns typed errors into the plain Indonesian (and English)
// messages a user reads. Every user-facing message is built here, from a code
// and the place the problem is, so wording stays consistent across the screen,
// the CLI and imports.
package fault

import (
	"errors"
	"strings"
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

// Error is a problem with a place: the field (or sheet and cell) it concerns
// and the values the message needs.
type Error struct {
	Code Code
	// Field is a field key such as "decision.status" (an aggregate and the
	// JSON name of its field, labelled in both languages in labels.go), or a
	// place that is not a field (a path, a sheet and cell), printed as is.
	Field  string
	Reason Code              // why an Invalid value is refused: a code of the catalogue
	Args   map[string]string // named values for the message template
	Err    error             // the underlying cause, if any
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
	e := &Error{Code: code, Field: field, Args: map[string]string{}}
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
	var fe *Error
	if !errors.As(err, &fe) {
		return render(catalog[Internal], lang, "", map[string]string{"cause": err.Error()})
	}
	t, ok := catalog[fe.Code]
	if !ok {
		t = catalog[Internal]
	}
	args := map[string]string{}
	for k, v := range fe.Args {
		args[k] = v
	}
	if _, ok := args["cause"]; !ok && fe.Err != nil {
		args["cause"] = fe.Err.Error()
	}
	if fe.Reason != "" {
		if rt, ok := catalog[fe.Reason]; ok {
			args["reason"] = render(rt, lang, fe.Field, args)
		}
	}
	return render(t, lang, fe.Field, args)
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

func render(t text, lang Lang, field string, args map[string]string) string {
	s := t.id
	if l, ok := labels[field]; ok {
		field = l.id
		if lang == EN {
			field = l.en
		}
	}
	if lang == EN {
		s = t.en
	}
	s = strings.ReplaceAll(s, "{field}", field)
	for k, v := range args {
		// A value worded per language comes as k and k+"En" (a parser's
		// reason, a hint); both templates then name the same {k}.
		if en, ok := args[k+"En"]; ok && lang == EN {
			v = en
		}
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// Is reports whether err carries code.
func Is(err error, code Code) bool { return CodeOf(err) == code }
