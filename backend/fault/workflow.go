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
	// Several templates imported at once: a file skipped before reading
	// ({file} is Excel's lock file of an open workbook, or not an .xlsx).
	ImportSkipLock  Code = "import_skip_lock"
	ImportSkipOther Code = "import_skip_other"
	// After several templates: {ok} of {n} saved, {refused} refused, {skipped} skipped.
	ImportBatchSummary Code = "import_batch_summary"
	// After several templates into a file: the one backup {backup} taken
	// before the first of them undoes them all.
	ImportBatchBackup Code = "import_batch_backup"
	// A template cell whose stored value was typed directly after the
	// template was made ({cell} {code} {part}, by {by} at {at}; {stored}
	// and {template} values), and how many were kept or taken ({n}).
	ImportConflict Code = "import_conflict"
	// The same, the later change being another template's import.
	ImportConflictImported Code = "import_conflict_imported"
	ImportConflictKept     Code = "import_conflict_kept"
	ImportConflictTaken    Code = "import_conflict_taken"
	// After a restore: the state it replaced was backed up as {backup}.
	RestoreKept Code = "restore_kept"
	// After a restore of a damaged workspace: the damaged file is kept as {aside}.
	RestoreSetAside Code = "restore_set_aside"
)
