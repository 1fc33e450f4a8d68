package fault

// Meetings (backend/rakor, issue 14): the reasons a meeting, its agenda,
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

	// One refused line of a pasted list: the line number said once.
	LineRefused Code = "rakor_line_refused"
	// A batch of participants refused whole; {lines} lists each line.
	ParticipantsRefused Code = "rakor_participants_refused"
)

// ChooseAmong refuses a typed value that is not one of options, quoting it:
// a pasted word the user must correct ("ketua" for a role).
func ChooseAmong(field, value string, options ...string) *Error {
	return Reject(field, ReasonUnknownChoice, "value", value,
		"options", join(options, "atau"), "optionsEn", join(options, "or"))
}

func init() {
	for c, t := range map[Code]text{
		ReasonClock:              {"jam \"{value}\" tidak dikenal; tulis seperti 09.00", "the time \"{value}\" is not recognised; write it like 09.00"},
		ReasonISODate:            {"tanggal \"{value}\" tidak dikenal; tulis seperti 2024-02-23", "the date \"{value}\" is not recognised; write it like 2024-02-23"},
		ReasonEndBeforeStartDate: {"tidak boleh sebelum tanggal mulai", "must not be before the start date"},
		ReasonEndBeforeStartTime: {"tidak boleh sebelum jam mulai", "must not be before the start time"},
		ReasonOutsideMeeting:     {"di luar tanggal rakor ({start} s.d. {end})", "outside the meeting's dates ({start} to {end})"},
		ReasonAgendaOrder:        {"sebutkan setiap agenda rakor ini tepat satu kali", "name every agenda item of this meeting exactly once"},
		ReasonAgendaNotInMeeting: {"agenda {id} bukan bagian rakor ini", "agenda item {id} is not part of this meeting"},
		ReasonNumberMin:          {"harus 1 atau lebih", "must be 1 or more"},
		ReasonNumberTaken:        {"nomor {number} sudah dipakai kesepakatan lain dalam rakor ini", "number {number} is already used by another decision of this meeting"},
		ReasonReopenAsNew: {
			"kesepakatan yang sudah {from} tidak dapat kembali menjadi baru; pilih berjalan bila dibuka lagi",
			"a decision that is {from} cannot go back to new; choose in progress to reopen it",
		},
		ReasonLinkMissing:   {"nomor {id} tidak ada", "number {id} does not exist"},
		ReasonNoCategory:    {"kategori \"{value}\" tidak ada", "there is no category \"{value}\""},
		ReasonBeforeMeeting: {"sebelum rakor yang menyepakatinya ({date})", "before the meeting that agreed the decision ({date})"},
		ReasonPasteColumns: {
			"ada {count} kolom; urutannya nama; jabatan; instansi; wilayah; peran; kehadiran",
			"it has {count} columns; the order is name; position; institution; region; role; attendance",
		},
		ReasonUnknownChoice:   {"\"{value}\" tidak dikenal; pilih {options}", "\"{value}\" is not recognised; choose {options}"},
		ReasonRegionAmbiguous: {"\"{value}\" cocok dengan {count} wilayah ({codes}); tulis kodenya", "\"{value}\" matches {count} regions ({codes}); write its code"},
		LineRefused:           {"Baris {line}: {message}", "Line {line}: {message}"},
		ParticipantsRefused: {
			"Tidak ada peserta yang disimpan. {lines}",
			"No participant was saved. {lines}",
		},
	} {
		catalog[c] = t
	}
	addLabels(map[string]text{
		"meeting.id":           {"Rakor", "Meeting"},
		"meeting.kind":         {"Jenis rakor", "Meeting type"},
		"meeting.title":        {"Judul rakor", "Meeting title"},
		"meeting.startDate":    {"Tanggal mulai", "Start date"},
		"meeting.endDate":      {"Tanggal selesai", "End date"},
		"meeting.mode":         {"Moda pelaksanaan", "Meeting mode"},
		"meeting.planningYear": {"Tahun perencanaan", "Planning year"},
		"meeting.provinceCode": {"Provinsi", "Province"},
		"meeting.headcount":    {"Jumlah peserta", "Number of participants"},

		"participant.id":         {"Peserta", "Participant"},
		"participant.name":       {"Nama peserta", "Participant name"},
		"participant.region":     {"Wilayah peserta", "Participant's region"},
		"participant.role":       {"Peran", "Role"},
		"participant.attendance": {"Kehadiran", "Attendance"},
		"participant.list":       {"Daftar peserta", "Participant list"},

		"agendaItem.id":          {"Agenda", "Agenda item"},
		"agendaItem.title":       {"Judul agenda", "Agenda title"},
		"agendaItem.position":    {"Urutan agenda", "Agenda order"},
		"agendaItem.day":         {"Tanggal agenda", "Agenda date"},
		"agendaItem.startTime":   {"Jam mulai", "Start time"},
		"agendaItem.endTime":     {"Jam selesai", "End time"},
		"agendaItem.decisionIds": {"Kesepakatan terkait", "Linked decision"},

		"snapshot.id":       {"Cuplikan", "Snapshot"},
		"snapshot.label":    {"Judul cuplikan", "Snapshot label"},
		"snapshot.province": {"Provinsi", "Province"},
		"snapshot.years":    {"Tahun", "Year"},

		"decision.id":              {"Kesepakatan", "Decision"},
		"decision.text":            {"Isi kesepakatan", "Decision text"},
		"decision.number":          {"Nomor kesepakatan", "Decision number"},
		"decision.ownerRegion":     {"Wilayah penanggung jawab", "Responsible region"},
		"decision.dueDate":         {"Batas waktu", "Due date"},
		"decision.status":          {"Status kesepakatan", "Decision status"},
		"decision.cancelReason":    {"Alasan pembatalan", "Reason for cancelling"},
		"decision.doneDate":        {"Tanggal penyelesaian", "Completion date"},
		"decision.notAgreedReason": {"Alasan tidak disepakati", "Reason not agreed"},
		"decision.indicatorIds":    {"Indikator terkait", "Linked indicator"},
		"decision.regions":         {"Wilayah terkait", "Linked region"},
		"decision.challengeIds":    {"Permasalahan terkait", "Linked challenge"},

		"followUp.id":         {"Tindak lanjut", "Follow-up"},
		"followUp.decisionId": {"Kesepakatan", "Decision"},
		"followUp.date":       {"Tanggal tindak lanjut", "Follow-up date"},
		"followUp.progress":   {"Perkembangan", "Progress"},
		"followUp.status":     {"Status kesepakatan", "Decision status"},
		"followUp.reviewedIn": {"Rakor peninjauan", "Reviewing meeting"},

		"registerFilter.asOf":      {"Tanggal acuan", "Reference date"},
		"registerFilter.dueBefore": {"Batas waktu", "Due date"},

		"challenge.id":          {"Permasalahan", "Challenge"},
		"challenge.category":    {"Kategori", "Category"},
		"challenge.description": {"Uraian permasalahan", "Challenge description"},
		"challenge.region":      {"Wilayah", "Region"},
		"challenge.severity":    {"Tingkat keparahan", "Severity"},
		"challenge.status":      {"Status permasalahan", "Challenge status"},
		"challenge.decisionIds": {"Kesepakatan terkait", "Linked decision"},
		"category.name":         {"Nama kategori", "Category name"},
	})
}
