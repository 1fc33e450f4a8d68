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

// Files and workspaces on a PC where things go wrong (issue 15: backups and
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
)

// Windows office PC (issue 13): the default workspace of the headless
// commands and the move of workspaces out of the roaming profile.
const (
	NoDefaultWorkspace Code = "no_default_workspace"
	ManyWorkspaces     Code = "many_workspaces"
	OtherWorkspaces    Code = "other_workspaces"
	WorkspaceMoved     Code = "workspace_moved"
	WorkspaceNotMoved  Code = "workspace_not_moved"
	// The WebView2 runtime the desktop window needs (Wails windows.Messages).
	WebView2Title   Code = "webview2_title"
	WebView2Missing Code = "webview2_missing"
	WebView2Old     Code = "webview2_old"
	WebView2Failed  Code = "webview2_failed"
	WebView2Invalid Code = "webview2_invalid"
	WebView2Crash   Code = "webview2_crash"
)

// The house (issue 14): files picked, dropped or uploaded for import.
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

type text struct{ id, en string }

// catalog holds one template per code; {field} and {name} are replaced by
// the Error's Field and Args.
var catalog = map[Code]text{
	Internal:      {"Terjadi kesalahan internal: {cause}", "An internal error occurred: {cause}"},
	Required:      {"{field} wajib diisi.", "{field} is required."},
	Invalid:       {"{field} tidak valid: {reason}", "{field} is not valid: {reason}"},
	OutOfRange:    {"{field} harus antara {min} dan {max}.", "{field} must be between {min} and {max}."},
	UnknownRegion: {"{field}: kode wilayah \"{code}\" tidak dikenal dalam daftar Kemendagri.", "{field}: region code \"{code}\" is not in the Kemendagri list."},
	NotFound:      {"{field} tidak ditemukan.", "{field} was not found."},
	NewerSchema: {
		"Basis data {path} dibuat oleh Selaras versi yang lebih baru (skema {have}; versi ini mengenal sampai skema {want}). Perbarui Selaras untuk membukanya; berkas tidak diubah.",
		"The database {path} was made by a newer Selaras (schema {have}; this version knows up to schema {want}). Update Selaras to open it; the file was not changed.",
	},
	NotDatabase: {"Berkas {path} bukan basis data Selaras yang dapat dibaca: {cause}", "The file {path} is not a readable Selaras database: {cause}"},
	NoWorkspace: {"Belum ada ruang kerja yang dibuka.", "No workspace is open."},

	// Files and workspaces (issue 15).
	FileInUse: {
		"Berkas {path} sedang dibuka oleh program lain. Tutup berkas di Excel lalu ulangi.",
		"The file {path} is open in another program. Close it in Excel and try again.",
	},
	DiskFull: {
		"Disk penuh: {path} tidak dapat ditulis. Kosongkan ruang disk lalu ulangi.",
		"The disk is full: {path} could not be written. Free some disk space and try again.",
	},
	ReadOnlyFolder: {
		"Folder untuk {path} hanya dapat dibaca. Pilih folder lain.",
		"The folder for {path} is read-only. Choose another folder.",
	},
	NoPermission: {
		"Tidak ada izin menulis {path}. Pilih folder lain atau minta izin kepada pengelola komputer.",
		"No permission to write {path}. Choose another folder or ask the computer's administrator.",
	},
	ReadOnlyWorkspace: {
		"Ruang kerja {path} hanya dapat dibaca (berkas atau foldernya dilindungi dari penulisan), jadi perubahan tidak dapat disimpan. Data tetap dapat dilihat dan diekspor; untuk mengubahnya, salin berkas ke folder yang dapat ditulis.",
		"The workspace {path} is read-only (the file or its folder is write-protected), so changes cannot be saved. Its data can still be viewed and exported; to change it, copy the file to a folder you can write to.",
	},
	Damaged: {
		"Berkas ruang kerja {path} rusak: sebagian isinya tidak terbaca utuh. Selaras tidak menulis ke berkas ini. Pulihkan cadangan terbaru; berkas yang rusak disimpan di folder cadangan untuk diperiksa.",
		"The workspace file {path} is damaged: part of it cannot be read intact. Selaras will not write to it. Restore the newest backup; the damaged file is kept in the backups folder for inspection.",
	},
	BadBackup: {
		"Berkas {path} bukan salinan ruang kerja Selaras yang utuh; tidak dipakai.",
		"The file {path} is not an intact copy of a Selaras workspace; it was not used.",
	},
	NoBackup: {
		"Belum ada cadangan yang utuh untuk ruang kerja {path}.",
		"There is no intact backup of the workspace {path} yet.",
	},
	FileExists: {
		"Berkas {path} sudah ada; pilih nama lain.",
		"The file {path} already exists; choose another name.",
	},
	// Windows office PC (issue 13).
	NoDefaultWorkspace: {
		"Belum ada ruang kerja di {dir}. Buat ruang kerja demo dengan 'selaras demo', buka aplikasi Selaras, atau pilih berkas dengan --db BERKAS.",
		"There is no workspace in {dir} yet. Create the demo workspace with 'selaras demo', open the Selaras app, or choose a file with --db FILE.",
	},
	OtherWorkspaces: {
		"Di {dir} tidak ada demo.db atau selaras.db, tetapi ada: {files}. Pilih berkasnya dengan --db, mis. --db \"{example}\".",
		"{dir} holds no demo.db or selaras.db, but it has: {files}. Choose the file with --db, e.g. --db \"{example}\".",
	},
	ManyWorkspaces: {
		"Ada beberapa ruang kerja di {dir}: {files}. Pilih salah satu dengan --db, mis. --db \"{example}\".",
		"There are several workspaces in {dir}: {files}. Choose one with --db, e.g. --db \"{example}\".",
	},
	WorkspaceMoved: {
		"Ruang kerja dipindahkan dari profil roaming {from} ke folder lokal {to} (agar tidak ikut tersalin setiap log masuk). Salinan cadangan berkas asli: {backup}.",
		"Workspaces were moved from the roaming profile {from} to the local folder {to} (so they no longer travel at every log-on). A backup copy of the original files: {backup}.",
	},
	WorkspaceNotMoved: {
		"Ruang kerja {files} di profil roaming {from} tidak dipindahkan karena {to} sudah berisi berkas dengan nama yang sama. Bandingkan keduanya, lalu hapus atau pindahkan salah satu.",
		"The workspaces {files} in the roaming profile {from} were not moved because {to} already holds files of the same name. Compare them, then delete or move one.",
	},
	// The house (issue 14).
	ImportRefused: {"{file} tidak dapat diimpor; tidak ada data yang diubah.", "{file} cannot be imported; no data was changed."},
	UploadFailed: {
		"Berkas {file} tidak terkirim utuh ke Selaras ({cause}); pilih berkasnya lagi.",
		"The file {file} did not reach Selaras whole ({cause}); choose it again.",
	},
	WebView2Title: {"Selaras belum dapat dibuka", "Selaras cannot open yet"},
	WebView2Missing: {
		"Selaras memerlukan Microsoft Edge WebView2 Runtime, yang belum terpasang di komputer ini.\n\n" +
			"Pasang tanpa internet dan tanpa hak administrator: jalankan installer Selaras versi luring (sudah memuat WebView2), " +
			"atau jalankan MicrosoftEdgeWebView2RuntimeInstallerX64.exe (\"Evergreen Standalone Installer\" x64, diunduh di komputer lain " +
			"dari https://developer.microsoft.com/microsoft-edge/webview2/ lalu disalin ke sini). Setelah itu buka Selaras lagi.\n\n" +
			"Untuk salinan portabel: ekstrak runtime \"Fixed Version\" ke folder WebView2 di {dir}.",
		"Selaras needs the Microsoft Edge WebView2 Runtime, which is not installed on this PC.\n\n" +
			"To install it without internet access or administrator rights: run the offline Selaras installer (it carries WebView2), " +
			"or run MicrosoftEdgeWebView2RuntimeInstallerX64.exe (the x64 \"Evergreen Standalone Installer\", downloaded on another PC " +
			"from https://developer.microsoft.com/microsoft-edge/webview2/ and copied here). Then open Selaras again.\n\n" +
			"For a portable copy: extract the \"Fixed Version\" runtime into a folder named WebView2 in {dir}.",
	},
	WebView2Old: {
		"Microsoft Edge WebView2 Runtime di komputer ini terlalu lama untuk Selaras. Pasang versi terbaru dengan installer Selaras versi luring atau MicrosoftEdgeWebView2RuntimeInstallerX64.exe, lalu buka Selaras lagi.",
		"The Microsoft Edge WebView2 Runtime on this PC is too old for Selaras. Install the latest with the offline Selaras installer or MicrosoftEdgeWebView2RuntimeInstallerX64.exe, then open Selaras again.",
	},
	WebView2Failed: {
		"Pemasangan Microsoft Edge WebView2 Runtime gagal. Jalankan MicrosoftEdgeWebView2RuntimeInstallerX64.exe atau installer Selaras versi luring.",
		"Installing the Microsoft Edge WebView2 Runtime failed. Run MicrosoftEdgeWebView2RuntimeInstallerX64.exe or the offline Selaras installer.",
	},
	WebView2Invalid: {
		"Folder {dir} tidak berisi runtime WebView2 \"Fixed Version\" yang dapat dipakai. Ganti isinya dengan runtime x64 yang utuh, atau hapus folder itu agar Selaras memakai WebView2 yang terpasang.",
		"The folder {dir} does not hold a usable \"Fixed Version\" WebView2 runtime. Replace it with a complete x64 runtime, or delete the folder so Selaras uses the installed WebView2.",
	},
	WebView2Crash: {
		"Tampilan Selaras (WebView2) berhenti mendadak. Tutup dan buka kembali Selaras; data yang sudah tersimpan tidak hilang.",
		"Selaras's display (WebView2) stopped unexpectedly. Close and reopen Selaras; saved data is not lost.",
	},
}

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
