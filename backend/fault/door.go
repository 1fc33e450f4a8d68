package fault

// The door: what a bound method or a command says when the database driver
// or the operating system refused, instead of the driver's own words
// ("database is locked (5) (SQLITE_BUSY)"). The driver's errors are mapped
// to these codes by store.Explain, which knows the engines.
const (
	// Another process holds the workspace's write lock past the busy timeout.
	DatabaseBusy Code = "database_busy"
	// The disk under the workspace failed a read or write (unplugged, network
	// share dropped), or the file could not be opened at all.
	StorageFailed Code = "storage_failed"
	// A failure that is none of the above (a bug): the cause goes to the log,
	// the user reads a reference to it instead of the driver's text.
	Unexpected Code = "unexpected"
)

// What the bound services of app/ refuse themselves.
const (
	ExportRunning  Code = "export_running"
	ReasonNotPNG   Code = "reason_not_png"
	ReasonBadImage Code = "reason_bad_image"
	ReasonLoopback Code = "reason_loopback"
	// The browser build previews only what its page uploaded, never a path.
	UploadOnly Code = "upload_only"
)
