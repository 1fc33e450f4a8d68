package fault

// What the workflows the app and the CLI share (import, restore, the move
// between PCs) tell the user.
const (
	// The office profile is empty: an import or a template needs its
	// province and working year.
	ProfileMissing Code = "profile_missing"
	// Before an import into a file: it is backed up first.
	ImportUndoBackup Code = "import_undo_backup"
	// Before an import into a shared workspace {path}: no backup from this
	// PC; the import's record is the board and the audit log.
	ImportUndoLog Code = "import_undo_log"
	// After an import into a file: the backup {backup} of the workspace {path}.
	ImportBackupTaken Code = "import_backup_taken"
	// After a restore: the state it replaced was backed up as {backup}.
	RestoreKept Code = "restore_kept"
	// After a restore of a damaged workspace: the damaged file is kept as {aside}.
	RestoreSetAside Code = "restore_set_aside"
)
