package fault

// Programs and budgets (backend/program): the fields of central
// items, sub-kegiatan, plan lines, the crosswalk and the program tree, and
// the reasons their values are refused.

const (
	ReasonSelfParent        Code = "reason_self_parent"
	ReasonParentLoop        Code = "reason_parent_loop"
	ReasonHasChildren       Code = "reason_has_children"
	ReasonYearTwice         Code = "reason_year_twice"
	ReasonYearNegative      Code = "reason_year_negative"
	ReasonZeroOrMore        Code = "reason_zero_or_more"
	ReasonFundRegencyOnly   Code = "reason_fund_regency_only"
	ReasonChooseFund        Code = "reason_choose_fund"
	ReasonChooseLineStatus  Code = "reason_choose_line_status"
	ReasonChooseCentralKind Code = "reason_choose_central_kind"
	ReasonNotSubKegiatan    Code = "reason_not_sub_kegiatan"
	ReasonRegencyOnly       Code = "reason_regency_only"
	// A typed number the parser refused; {detail} is its reason
	// (WithNumber).
	ReasonNotNumber        Code = "reason_not_number"
	ReasonPaguPercent      Code = "reason_pagu_percent"
	ReasonPaguCents        Code = "reason_pagu_cents"
	ReasonShippedEdit      Code = "reason_shipped_edit"
	ReasonShippedDelete    Code = "reason_shipped_delete"
	ReasonSubInUse         Code = "reason_sub_in_use"
	ReasonUnknownIndicator Code = "reason_unknown_indicator"
	ReasonParentNotPicked  Code = "reason_parent_not_picked"
	ReasonSubFormat        Code = "reason_sub_format"
	ReasonSubZero          Code = "reason_sub_zero"
	ReasonNoParent         Code = "reason_no_parent"
	// {got} and {want} are levels worded per language (gotEn, wantEn).
	ReasonLevelDigit   Code = "reason_level_digit"
	ReasonParentPrefix Code = "reason_parent_prefix"
)

// A level as a word of ReasonLevelDigit ({got} and {want}).
const (
	LevelProvinceWord Code = "level_province_word"
	LevelRegencyWord  Code = "level_regency_word"
)
