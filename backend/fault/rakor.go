package fault

// Meetings (backend/rakor): the reasons a meeting, its agenda,
// participants, decisions, follow-ups, challenges and snapshots are refused,
// and the labels of their field keys. Kept in one block so merges stay easy.
const (
	// A time of day written another way; {value} is as typed.
	ReasonClock Code = "reason_rakor_clock"
	// A date written another way; {value} is as typed.
	ReasonISODate Code = "reason_rakor_iso_date"
	// An end before its start (dates, or times of day).
	ReasonEndBeforeStartDate Code = "reason_rakor_end_before_start_date"
	ReasonEndBeforeStartTime Code = "reason_rakor_end_before_start_time"
	// An agenda day outside the meeting's {start} and {end}.
	ReasonOutsideMeeting Code = "reason_rakor_outside_meeting"
	// A new agenda order that does not name every item once, or names
	// agenda item {id} of another meeting.
	ReasonAgendaOrder        Code = "reason_rakor_agenda_order"
	ReasonAgendaNotInMeeting Code = "reason_rakor_agenda_not_in_meeting"
	// A decision number below 1, or {number} taken by another decision.
	ReasonNumberMin   Code = "reason_rakor_number_min"
	ReasonNumberTaken Code = "reason_rakor_number_taken"
	// A closed decision ({from}, worded per language) set back to baru.
	ReasonReopenAsNew Code = "reason_rakor_reopen_as_new"
	// A linked row {id} that does not exist.
	ReasonLinkMissing Code = "reason_rakor_link_missing"
	// A challenge category {value} that does not exist.
	ReasonNoCategory Code = "reason_rakor_no_category"
	// A follow-up dated before the meeting ({date}) that agreed the decision.
	ReasonBeforeMeeting Code = "reason_rakor_before_meeting"
	// A pasted line of {count} columns.
	ReasonPasteColumns Code = "reason_rakor_paste_columns"
	// A pasted word {value} outside its list {options} (see ChooseAmong).
	ReasonUnknownChoice Code = "reason_rakor_unknown_choice"
	// A pasted region name {value} that names {count} regions ({codes}).
	ReasonRegionAmbiguous Code = "reason_rakor_region_ambiguous"

	// A decision's status as a word of ReasonReopenAsNew ({from}).
	StatusDone      Code = "rakor_status_done"
	StatusCancelled Code = "rakor_status_cancelled"

	// A participant's attendance as a word (a document's column, the
	// screens' choices): the code is "attendance_" and the stored value.
	AttendancePresent     Code = "attendance_hadir"
	AttendanceAbsent      Code = "attendance_tidak_hadir"
	AttendanceRepresented Code = "attendance_diwakili"

	// One refused line of a pasted list: the line number said once.
	LineRefused Code = "rakor_line_refused"
	// A batch of participants refused whole; {lines} lists each line.
	ParticipantsRefused Code = "rakor_participants_refused"
)

// ChooseAmong refuses a typed value that is not one of options, quoting it:
// a pasted word the user must correct ("ketua" for a role).
func ChooseAmong(field, value string, options ...string) *Error {
	return Reject(field, ReasonUnknownChoice, "value", value).WithList("options", options...)
}
