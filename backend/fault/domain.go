package fault

// Indicators, the office profile and the values grid (backend/indicator,
// backend/profile, backend/target): their fields and the reasons
// their values are refused.

const (
	// The CLI's --db names a file that is not there.
	NoDatabase Code = "no_database"
	// A national export with no province holding data.
	NoProvinceData Code = "no_province_data"

	// A code already used by another item of the same kind; {code} is it.
	ReasonCodeTaken         Code = "reason_code_taken"
	ReasonChooseKind        Code = "reason_choose_kind"
	ReasonChooseAggregation Code = "reason_choose_aggregation"
	ReasonChoosePolarity    Code = "reason_choose_polarity"
	ReasonPercentRollUp     Code = "reason_percent_roll_up"
	ReasonRatioAggOnly      Code = "reason_ratio_agg_only"
	ReasonRatioNotSummed    Code = "reason_ratio_not_summed"
	ReasonAboveZero         Code = "reason_above_zero"
	ReasonNIPDigits         Code = "reason_nip_digits"
)

// A value of the grid, a paste or a batch of figures (backend/target),
// refused cell by cell.
const (
	ValueIndicatorUnknown Code = "value_indicator_unknown"
	ValueRegionUnknown    Code = "value_region_unknown"
	ValueYearRange        Code = "value_year_range"
	ValueFieldUnknown     Code = "value_field_unknown"
	ValuePartsNotRatio    Code = "value_parts_not_ratio"
	ValuePercentSign      Code = "value_percent_sign"
	ValueZeroDenominator  Code = "value_zero_denominator"
	ValueRatioInfinite    Code = "value_ratio_infinite"
	ValueNotFinite        Code = "value_not_finite"
)
