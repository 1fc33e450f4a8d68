package app

import (
	"context"

	"selaras/backend/fault"
	"selaras/backend/rakor"
	"selaras/backend/store"
)

// Rakor is the bound service for meetings, participants, agenda and
// minutes, snapshots, decisions with their follow-ups, and challenges.
type Rakor struct{ a *App }

// batchFault turns the refused items of a participant batch into one
// message that names every line once, in the user's language.
func batchFault(err error) error {
	if be, ok := rakor.ErrBatch(err); ok {
		return be.Fault()
	}
	return err
}

// Meetings lists every meeting, newest first, with its counts.
func (r *Rakor) Meetings() ([]rakor.MeetingSummary, error) {
	return with(r.a, []rakor.MeetingSummary{}, func(ctx context.Context, s *store.Store) ([]rakor.MeetingSummary, error) {
		return rakor.ListMeetings(ctx, s)
	})
}

// Meeting returns one meeting.
func (r *Rakor) Meeting(id int64) (rakor.Meeting, error) {
	return with(r.a, rakor.Meeting{}, func(ctx context.Context, s *store.Store) (rakor.Meeting, error) {
		return rakor.GetMeeting(ctx, s, id)
	})
}

// Record is the meeting's official record (Notulen, Berita Acara and its
// Lampiran), computed once for the printed page and the Excel sheet.
func (r *Rakor) Record(meetingID int64) (rakor.MeetingRecord, error) {
	return with(r.a, rakor.MeetingRecord{}, func(ctx context.Context, s *store.Store) (rakor.MeetingRecord, error) {
		return rakor.BuildRecord(ctx, s, meetingID)
	})
}

// StartMeeting creates a meeting whose first agenda item carries over the
// open decisions of earlier meetings.
func (r *Rakor) StartMeeting(m rakor.Meeting) (rakor.Meeting, error) {
	return with(r.a, rakor.Meeting{}, func(ctx context.Context, s *store.Store) (rakor.Meeting, error) {
		return rakor.StartMeeting(ctx, s, m)
	})
}

// SaveMeeting edits a meeting; an edit over a newer version is refused.
func (r *Rakor) SaveMeeting(m rakor.Meeting) (rakor.Meeting, error) {
	return with(r.a, rakor.Meeting{}, func(ctx context.Context, s *store.Store) (rakor.Meeting, error) {
		if err := based(m.ID, m.Version); err != nil {
			return rakor.Meeting{}, err
		}
		return rakor.SaveMeeting(ctx, s, m)
	})
}

// DeleteMeeting removes a meeting with its participants, agenda, snapshots
// and decisions.
func (r *Rakor) DeleteMeeting(id int64) error {
	return run(r.a, func(ctx context.Context, s *store.Store) error {
		return rakor.DeleteMeeting(ctx, s, id)
	})
}

// ParticipantsPreview is a pasted list read into participants, with the
// lines that could not be read.
type ParticipantsPreview struct {
	Participants []rakor.Participant `json:"participants"`
	Errors       []LineProblem       `json:"errors"`
}

// LineProblem is one line of a pasted list that could not be read: its
// number, the code and field of the refusal, and the message ("Line 2: …")
// in the user's language.
type LineProblem struct {
	Line    int        `json:"line"`
	Code    fault.Code `json:"code"`
	Field   string     `json:"field"`
	Message string     `json:"message"`
}

// ParseParticipants reads a pasted list (one participant per line, columns
// separated by tabs, semicolons or commas) without saving anything.
func (r *Rakor) ParseParticipants(text string) ParticipantsPreview {
	ps, errs := rakor.ParseParticipants(text)
	if ps == nil {
		ps = []rakor.Participant{}
	}
	lang := r.a.lang()
	out := make([]LineProblem, len(errs))
	for i, e := range errs {
		out[i] = LineProblem{Line: e.Line, Code: fault.CodeOf(e.Err), Field: fault.FieldOf(e.Err), Message: e.Message(lang)}
	}
	return ParticipantsPreview{Participants: ps, Errors: out}
}

// Participants lists a meeting's participants in order.
func (r *Rakor) Participants(meetingID int64) ([]rakor.Participant, error) {
	return with(r.a, []rakor.Participant{}, func(ctx context.Context, s *store.Store) ([]rakor.Participant, error) {
		return rakor.Participants(ctx, s, meetingID)
	})
}

// AddParticipants adds many participants at once, all or none.
func (r *Rakor) AddParticipants(meetingID int64, ps []rakor.Participant) ([]rakor.Participant, error) {
	return with(r.a, []rakor.Participant{}, func(ctx context.Context, s *store.Store) ([]rakor.Participant, error) {
		return rakor.AddParticipants(ctx, s, meetingID, ps)
	})
}

// SaveParticipant adds or edits one participant.
func (r *Rakor) SaveParticipant(p rakor.Participant) (rakor.Participant, error) {
	return with(r.a, rakor.Participant{}, func(ctx context.Context, s *store.Store) (rakor.Participant, error) {
		if err := based(p.ID, p.Version); err != nil {
			return rakor.Participant{}, err
		}
		return rakor.SaveParticipant(ctx, s, p)
	})
}

// DeleteParticipant removes a participant.
func (r *Rakor) DeleteParticipant(id int64) error {
	return run(r.a, func(ctx context.Context, s *store.Store) error {
		return rakor.DeleteParticipant(ctx, s, id)
	})
}

// CountByInstitution counts a meeting's participants per institution.
func (r *Rakor) CountByInstitution(meetingID int64) ([]rakor.InstitutionCount, error) {
	return with(r.a, []rakor.InstitutionCount{}, func(ctx context.Context, s *store.Store) ([]rakor.InstitutionCount, error) {
		return rakor.CountByInstitution(ctx, s, meetingID)
	})
}

// Agenda lists a meeting's agenda items in order, with their minutes.
func (r *Rakor) Agenda(meetingID int64) ([]rakor.AgendaItem, error) {
	return with(r.a, []rakor.AgendaItem{}, func(ctx context.Context, s *store.Store) ([]rakor.AgendaItem, error) {
		return rakor.Agenda(ctx, s, meetingID)
	})
}

// SaveAgendaItem adds or edits an agenda item.
func (r *Rakor) SaveAgendaItem(it rakor.AgendaItem) (rakor.AgendaItem, error) {
	return with(r.a, rakor.AgendaItem{}, func(ctx context.Context, s *store.Store) (rakor.AgendaItem, error) {
		return rakor.SaveAgendaItem(ctx, s, it)
	})
}

// DeleteAgendaItem removes an agenda item.
func (r *Rakor) DeleteAgendaItem(id int64) error {
	return run(r.a, func(ctx context.Context, s *store.Store) error {
		return rakor.DeleteAgendaItem(ctx, s, id)
	})
}

// SetMinutes saves the notulen of an agenda item.
func (r *Rakor) SetMinutes(agendaID int64, minutes string) error {
	return run(r.a, func(ctx context.Context, s *store.Store) error {
		return rakor.SetMinutes(ctx, s, agendaID, minutes)
	})
}

// ReorderAgenda puts a meeting's agenda items in the given order.
func (r *Rakor) ReorderAgenda(meetingID int64, ids []int64) ([]rakor.AgendaItem, error) {
	return with(r.a, []rakor.AgendaItem{}, func(ctx context.Context, s *store.Store) ([]rakor.AgendaItem, error) {
		if err := rakor.ReorderAgenda(ctx, s, meetingID, ids); err != nil {
			return nil, err
		}
		return rakor.Agenda(ctx, s, meetingID)
	})
}

// AddCarryOver makes or refreshes the "Tindak lanjut hasil rakor
// sebelumnya" item of a meeting and returns its agenda.
func (r *Rakor) AddCarryOver(meetingID int64) ([]rakor.AgendaItem, error) {
	return with(r.a, []rakor.AgendaItem{}, func(ctx context.Context, s *store.Store) ([]rakor.AgendaItem, error) {
		return rakor.AddCarryOver(ctx, s, meetingID)
	})
}

// OpenFromEarlier lists the open decisions of earlier meetings.
func (r *Rakor) OpenFromEarlier(meetingID int64) ([]rakor.Entry, error) {
	return with(r.a, []rakor.Entry{}, func(ctx context.Context, s *store.Store) ([]rakor.Entry, error) {
		return rakor.OpenFromEarlier(ctx, s, meetingID)
	})
}

// Snapshots lists the frozen figures of a meeting.
func (r *Rakor) Snapshots(meetingID int64) ([]rakor.SnapshotInfo, error) {
	return with(r.a, []rakor.SnapshotInfo{}, func(ctx context.Context, s *store.Store) ([]rakor.SnapshotInfo, error) {
		return rakor.Snapshots(ctx, s, meetingID)
	})
}

// TakeSnapshot freezes the harmonisation matrix of a province and years.
func (r *Rakor) TakeSnapshot(req rakor.SnapshotRequest) (rakor.SnapshotInfo, error) {
	return with(r.a, rakor.SnapshotInfo{}, func(ctx context.Context, s *store.Store) (rakor.SnapshotInfo, error) {
		return rakor.TakeSnapshot(ctx, s, req)
	})
}

// Snapshot returns a frozen matrix as it was shown.
func (r *Rakor) Snapshot(id int64) (rakor.Snapshot, error) {
	return with(r.a, rakor.Snapshot{}, func(ctx context.Context, s *store.Store) (rakor.Snapshot, error) {
		return rakor.GetSnapshot(ctx, s, id)
	})
}

// DeleteSnapshot removes a snapshot.
func (r *Rakor) DeleteSnapshot(id int64) error {
	return run(r.a, func(ctx context.Context, s *store.Store) error {
		return rakor.DeleteSnapshot(ctx, s, id)
	})
}

// Decisions lists a meeting's decisions by number.
func (r *Rakor) Decisions(meetingID int64) ([]rakor.Decision, error) {
	return with(r.a, []rakor.Decision{}, func(ctx context.Context, s *store.Store) ([]rakor.Decision, error) {
		return rakor.Decisions(ctx, s, meetingID)
	})
}

// SaveDecision adds or edits a decision; the status rules are checked, and
// an edit over a newer version is refused (fault.EditConflict).
func (r *Rakor) SaveDecision(d rakor.Decision) (rakor.Decision, error) {
	return with(r.a, rakor.Decision{}, func(ctx context.Context, s *store.Store) (rakor.Decision, error) {
		if err := based(d.ID, d.Version); err != nil {
			return rakor.Decision{}, err
		}
		return rakor.SaveDecision(ctx, s, d)
	})
}

// DeleteDecision removes a decision with its follow-ups.
func (r *Rakor) DeleteDecision(id int64) error {
	return run(r.a, func(ctx context.Context, s *store.Store) error {
		return rakor.DeleteDecision(ctx, s, id)
	})
}

// DecisionHistory lists the audited changes of a decision, newest first.
func (r *Rakor) DecisionHistory(id int64) ([]store.AuditEntry, error) {
	return with(r.a, []store.AuditEntry{}, func(ctx context.Context, s *store.Store) ([]store.AuditEntry, error) {
		return rakor.DecisionHistory(ctx, s, id)
	})
}

// FollowUps lists a decision's follow-up log, oldest first.
func (r *Rakor) FollowUps(decisionID int64) ([]rakor.FollowUp, error) {
	return with(r.a, []rakor.FollowUp{}, func(ctx context.Context, s *store.Store) ([]rakor.FollowUp, error) {
		return rakor.FollowUps(ctx, s, decisionID)
	})
}

// AddFollowUp logs progress on a decision, possibly moving its status.
func (r *Rakor) AddFollowUp(f rakor.FollowUp) (rakor.FollowUp, error) {
	return with(r.a, rakor.FollowUp{}, func(ctx context.Context, s *store.Store) (rakor.FollowUp, error) {
		return rakor.AddFollowUp(ctx, s, f)
	})
}

// DeleteFollowUp removes a follow-up entry.
func (r *Rakor) DeleteFollowUp(id int64) error {
	return run(r.a, func(ctx context.Context, s *store.Store) error {
		return rakor.DeleteFollowUp(ctx, s, id)
	})
}

// Register lists decisions across meetings.
func (r *Rakor) Register(f rakor.RegisterFilter) ([]rakor.Entry, error) {
	return with(r.a, []rakor.Entry{}, func(ctx context.Context, s *store.Store) ([]rakor.Entry, error) {
		return rakor.Register(ctx, s, f)
	})
}

// Categories lists the challenge taxonomy, built-in and custom.
func (r *Rakor) Categories() ([]rakor.Category, error) {
	return with(r.a, []rakor.Category{}, func(ctx context.Context, s *store.Store) ([]rakor.Category, error) {
		return rakor.Categories(ctx, s)
	})
}

// AddCategory adds a custom challenge category.
func (r *Rakor) AddCategory(name string) (rakor.Category, error) {
	return with(r.a, rakor.Category{}, func(ctx context.Context, s *store.Store) (rakor.Category, error) {
		return rakor.AddCategory(ctx, s, name)
	})
}

// Challenges lists challenges matching the filter.
func (r *Rakor) Challenges(f rakor.ChallengeFilter) ([]rakor.Challenge, error) {
	return with(r.a, []rakor.Challenge{}, func(ctx context.Context, s *store.Store) ([]rakor.Challenge, error) {
		return rakor.Challenges(ctx, s, f)
	})
}

// SaveChallenge adds or edits a challenge; an edit over a newer version is refused.
func (r *Rakor) SaveChallenge(c rakor.Challenge) (rakor.Challenge, error) {
	return with(r.a, rakor.Challenge{}, func(ctx context.Context, s *store.Store) (rakor.Challenge, error) {
		if err := based(c.ID, c.Version); err != nil {
			return rakor.Challenge{}, err
		}
		return rakor.SaveChallenge(ctx, s, c)
	})
}

// DeleteChallenge removes a challenge.
func (r *Rakor) DeleteChallenge(id int64) error {
	return run(r.a, func(ctx context.Context, s *store.Store) error {
		return rakor.DeleteChallenge(ctx, s, id)
	})
}

// ChallengeOverview counts challenges per category, region and meeting.
func (r *Rakor) ChallengeOverview(f rakor.ChallengeFilter) (rakor.Overview, error) {
	return with(r.a, rakor.Overview{}, func(ctx context.Context, s *store.Store) (rakor.Overview, error) {
		return rakor.ChallengeOverview(ctx, s, f)
	})
}
