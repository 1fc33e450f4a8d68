package fault

// Regency offices writing into the province's shared workspace, and the
// agreed lock of a regency's targets (backend/agreement; on a server the
// guards of schema step 13 refuse with SQLSTATE SL001..SL003, which
// store.Explain maps to these).
const (
	// A kab/kota office's person wrote a figure of {region}, not of {own}.
	RegionNotYours Code = "region_not_yours"
	// The targets of {region} for {year} were agreed in a meeting: no change
	// until the secretariat reopens them.
	TargetsAgreed Code = "targets_agreed"
	// A follow-up note on a decision ({decision}) not addressed to {region}.
	DecisionNotAddressed Code = "decision_not_addressed"
	// user add --role kabkota without --region ({name}).
	SharedNoRegion Code = "shared_no_region"
	// --region {region} is not a kab/kota code.
	SharedBadRegion Code = "shared_bad_region"
	// Marking {region} {year} agreed when it already is.
	AgreementExists Code = "agreement_exists"
	// Reopening {region} {year}, which is not agreed.
	AgreementMissing Code = "agreement_missing"
	// Reopening without a reason.
	AgreementNoReason Code = "agreement_no_reason"
	// Agreeing {region}, which is not a kab/kota.
	AgreementBadRegion Code = "agreement_bad_region"
)
