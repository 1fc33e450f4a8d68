package fault

// Returned templates: reading the file, each input cell and the database
// while an import commits. Kept in a block of their own.
const (
	// The file.
	FileMissing    Code = "file_missing"
	FileNotRegular Code = "file_not_regular"
	FileNoAccess   Code = "file_no_access"
	FileUnreadable Code = "file_unreadable"
	FileEncrypted  Code = "file_encrypted"
	FileOldExcel   Code = "file_old_excel"
	FileNotXlsx    Code = "file_not_xlsx"
	FileTooLarge   Code = "file_too_large"
	SheetTooLarge  Code = "sheet_too_large"
	TemplateMeta   Code = "template_meta"
	ImportCrash    Code = "import_crash"
	ImportBusy     Code = "import_busy"
	CommitCrash    Code = "import_commit_crash"
	OtherYear      Code = "template_other_year"
	MoreProblems   Code = "more_problems"

	// One input cell.
	CellFormulaNoValue    Code = "cell_formula_no_value"
	CellBoolean           Code = "cell_boolean"
	CellErrorValue        Code = "cell_error_value"
	CellDate              Code = "cell_date"
	CellNotNumber         Code = "cell_not_number"
	CellPercentNotAllowed Code = "cell_percent_not_allowed"
	CellAmbiguous         Code = "cell_ambiguous"
	CellNegative          Code = "cell_negative"
	CellNotWhole          Code = "cell_not_whole"
	CellOutOfRange        Code = "cell_out_of_range"
	CellZeroDenominator   Code = "cell_zero_denominator"
	RatioValueTyped       Code = "ratio_value_typed"
	RatioOnePart          Code = "ratio_one_part"
	CellMerged            Code = "cell_merged"
	RowOutsideTable       Code = "row_outside_table"
	RowOutsidePlan        Code = "row_outside_plan"
	CodeTwice             Code = "code_twice"
	PartsNotRatio         Code = "parts_not_ratio"
)

// The template as a whole and its plan sheet: what the reader refuses before
// or beside the cells.
const (
	NotATemplate      Code = "not_a_template"
	TemplateVersion   Code = "template_version"
	TemplateRegion    Code = "template_region"
	TemplateOtherProv Code = "template_other_province"
	TemplateYear      Code = "template_year"
	SheetMissing      Code = "sheet_missing"
	LayoutChanged     Code = "layout_changed"
	PlanLayoutChanged Code = "plan_layout_changed"
	IndicatorGone     Code = "indicator_gone"
	PlanCodeRequired  Code = "plan_code_required"
	PlanCodeUnknown   Code = "plan_code_unknown"
	PlanLineGone      Code = "plan_line_gone"
	PlanFundUnknown   Code = "plan_fund_unknown"
)

// Words and hints the messages above are worded with: arguments that are
// codes, so no argument is a sentence of one language.
const (
	// How to write an ambiguous cell ({hint} of CellAmbiguous): either
	// reading, the other reading, or without thousands separators.
	HintEither Code = "hint_either"
	HintOther  Code = "hint_other"
	HintPlain  Code = "hint_plain"
	// {what} of FileTooLarge: a workbook of {parts} parts.
	WordParts Code = "word_parts"
	// {what} of TemplateMeta: the hidden sheet cannot be read.
	WordUnreadable Code = "word_unreadable"
	// {what} of ValueZeroDenominator and ValueRatioInfinite.
	WordTarget      Code = "word_target"
	WordRealisation Code = "word_realisation"
	// {cause} of NotDatabase: not SQLite, or a PostgreSQL database of
	// another application.
	NotSQLite     Code = "not_sqlite"
	ForeignTables Code = "foreign_tables"
)

// An import refused, worded as a list: the file, then each problem with its
// sheet and cell ({message}).
const (
	ImportRefusedList Code = "import_refused_list"
	ProblemAtSheet    Code = "problem_at_sheet"
	ProblemAtCell     Code = "problem_at_cell"
	// A notice of an import the CLI prints before the changes.
	CLINotice Code = "cli_notice"
)
