package rakor

import (
	"context"
	"database/sql"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/store"
)

// The write doors work inside a caller's transaction as they do alone: they
// still normalize and validate, read back what they wrote through the
// transaction, and a refusal rolls back everything the batch wrote.
func TestDoorsInsideATransaction(t *testing.T) {
	s := setup(t)
	ctx := context.Background()

	var m Meeting
	var d Decision
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		w := store.InTx(tx)
		var err error
		if m, err = StartMeeting(ctx, w, babel()); err != nil {
			return err
		}
		if _, err = AddParticipants(ctx, w, m.ID, []Participant{{Name: "  Riza   Aryani "}}); err != nil {
			return err
		}
		d, err = SaveDecision(ctx, w, Decision{MeetingID: m.ID, Text: " Menyusun basis data UMKM "})
		return err
	})
	require.NoError(t, err)
	assert.Equal(t, 1, d.Number, "numbered inside the transaction")
	assert.Equal(t, "Menyusun basis data UMKM", d.Text, "normalized")
	ps, err := Participants(ctx, s, m.ID)
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, "Riza Aryani", ps[0].Name)

	// A refused write inside the batch takes the whole batch back.
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		w := store.InTx(tx)
		next := babel()
		next.StartDate = "2024-07-01"
		if _, err := SaveMeeting(ctx, w, next); err != nil {
			return err
		}
		_, err := SaveDecision(ctx, w, Decision{MeetingID: m.ID, Number: 1, Text: "Nomor yang sudah dipakai"})
		return err
	})
	require.Error(t, err)
	assert.Equal(t, "number", fault.FieldOf(err))
	list, err := ListMeetings(ctx, s)
	require.NoError(t, err)
	assert.Len(t, list, 1, "the meeting saved before the refusal was rolled back")
}

// Words of an Indonesian sentence that no English message needs (the e2e
// english-rakor spec checks the screens with the same list).
var indonesian = regexp.MustCompile(`(?i)\b(tidak|wajib|diisi|pilih|sudah|belum|baris|berkas|untuk|dengan|atau|yang|sebelum|tulis|kolom|dikenal)\b`)

// Every refusal reads as an English sentence in English: the reason is worded
// per language, not glued in Indonesian.
func TestRefusalsInEnglish(t *testing.T) {
	end := babel()
	end.EndDate = "2024-02-01"
	date := babel()
	date.StartDate = "23/02/2024"
	_, pasted := ParseParticipants("a;b;c;d;e;f;g\nAni; Staf; Dinas; Malang\nAni; Staf; Dinas; 35; ketua\nAni; Staf; Dinas; 99.99")
	errs := []error{
		end.Validate(),
		date.Validate(),
		AgendaItem{Title: "x", StartTime: "10.00", EndTime: "09.00"}.Validate(),
		AgendaItem{Title: "x", StartTime: "siang"}.Validate(),
		Decision{Text: "x", Number: -1}.Validate(),
		Decision{Text: "x", Status: "ditunda"}.Validate(),
		checkTransition(Selesai, Baru),
		Challenge{Category: CatSDM, Description: "x", Severity: "kritis"}.Validate(),
		fault.Reject("followUp.date", fault.ReasonBeforeMeeting, "date", "2024-02-23"),
		fault.Reject("decision.number", fault.ReasonNumberTaken, "number", "1"),
		fault.Reject("agendaItem.day", fault.ReasonOutsideMeeting, "start", "2024-02-23", "end", "2024-02-24"),
	}
	require.Len(t, pasted, 4)
	for _, l := range pasted {
		errs = append(errs, l.Err)
	}
	for _, err := range errs {
		require.Error(t, err)
		en := fault.Message(err, fault.EN)
		assert.NotRegexp(t, indonesian, en)
		assert.NotEqual(t, fault.Message(err, fault.ID), en)
	}
}
