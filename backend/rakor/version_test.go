package rakor

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/versioned/versionedtest"
)

func TestDecisionEditOverANewerOneIsRefused(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meeting(t, s, babel())
	base := decision(t, s, Decision{MeetingID: m.ID, Text: "Menyusun pedoman pelatihan"})
	require.Equal(t, int64(1), base.Version)

	// Two desks open the same decision; desk B saves first.
	versionedtest.ActAs(t, s, "Sekretaris Meja B")
	theirs := base
	theirs.Text = "Menyusun pedoman pelatihan terstandar"
	theirs, err := SaveDecision(ctx, s, theirs)
	require.NoError(t, err)
	assert.Equal(t, int64(2), theirs.Version, "a save returns the new version")

	versionedtest.ActAs(t, s, "Sekretaris Meja A")
	mine := base
	mine.Text = "Menyusun pedoman pelatihan tahun 2025"
	mine.OwnerUnit = "Bidang UKM"
	_, err = SaveDecision(ctx, s, mine)
	require.Error(t, err)
	assert.Equal(t, fault.EditConflict, fault.CodeOf(err))
	c, ok := fault.ConflictOf(err)
	require.True(t, ok)
	hist, herr := DecisionHistory(ctx, s, base.ID)
	require.NoError(t, herr)
	assert.Equal(t, hist[0].UserName, c.By, "who: the newest change's author")
	assert.NotEmpty(t, c.By)
	assert.Equal(t, hist[0].ChangedAt, c.At)
	assert.Equal(t, int64(2), c.Version)
	got, ok := c.Theirs.(Decision)
	require.True(t, ok)
	assert.Equal(t, "Menyusun pedoman pelatihan terstandar", got.Text, "their values, to show beside mine")
	msg := fault.Message(err, fault.ID)
	assert.Contains(t, msg, "Kesepakatan sudah diubah oleh "+c.By+" pada ")
	assert.Contains(t, fault.Message(err, fault.EN), "Decision was changed by "+c.By+" at ")

	stored, err := GetDecision(ctx, s, base.ID)
	require.NoError(t, err)
	assert.Equal(t, theirs.Text, stored.Text, "nothing of the refused edit was written")
	assert.Equal(t, "", stored.OwnerUnit)

	// Keep mine: the same edit based on the version now stored.
	mine.Version = c.Version
	kept, err := SaveDecision(ctx, s, mine)
	require.NoError(t, err)
	assert.Equal(t, "Menyusun pedoman pelatihan tahun 2025", kept.Text)
	assert.Equal(t, int64(3), kept.Version)

	// A follow-up that changes the status is a change too.
	_, err = AddFollowUp(ctx, s, FollowUp{DecisionID: base.ID, Date: "2024-03-01", Progress: "dimulai", Status: Berjalan})
	require.NoError(t, err)
	_, err = SaveDecision(ctx, s, kept)
	assert.Equal(t, fault.EditConflict, fault.CodeOf(err), "an edit over a follow-up's status change")

	// Batch writers (version 0) write over whatever is stored.
	kept.Version = 0
	kept.Note = "dari impor"
	batch, err := SaveDecision(ctx, s, kept)
	require.NoError(t, err)
	assert.Equal(t, int64(5), batch.Version)

	// A deleted decision is not found, not a conflict.
	require.NoError(t, DeleteDecision(ctx, s, base.ID))
	_, err = SaveDecision(ctx, s, batch)
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
}

func TestMeetingAndChallengeEditsOverNewerOnesAreRefused(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meeting(t, s, babel())
	c, err := SaveChallenge(ctx, s, Challenge{Category: "kelembagaan", Description: "Data koperasi belum mutakhir", MeetingID: m.ID})
	require.NoError(t, err)
	added, err := AddParticipants(ctx, s, m.ID, []Participant{{Name: "Rina Marlina"}})
	require.NoError(t, err)
	rina := added[0]

	// Each case saves desk B's edit or desk A's (mine) of the same stored
	// row, based on version.
	tests := []struct {
		name string
		save func(mine bool, version int64) error
	}{
		{"meeting", func(mine bool, version int64) error {
			x := m
			if x.Version = version; mine {
				x.Venue = "Pangkalpinang"
			} else {
				x.Theme = "Sinergi"
			}
			_, err := SaveMeeting(ctx, s, x)
			return err
		}},
		{"participant", func(mine bool, version int64) error {
			x := rina
			if x.Version = version; mine {
				x.Attendance = Diwakili
			} else {
				x.Position = "Kepala Bidang UKM"
			}
			_, err := SaveParticipant(ctx, s, x)
			return err
		}},
		{"challenge", func(mine bool, version int64) error {
			x := c
			if x.Version = version; mine {
				x.Severity = Tinggi
			} else {
				x.Solution = "Pendataan ulang"
			}
			_, err := SaveChallenge(ctx, s, x)
			return err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			versionedtest.ActAs(t, s, "Meja B")
			require.NoError(t, tc.save(false, 1))
			versionedtest.ActAs(t, s, "Meja A")
			err := tc.save(true, 1)
			require.Equal(t, fault.EditConflict, fault.CodeOf(err), "got %v", err)
			assert.Equal(t, "id", fault.FieldOf(err))
			cf, ok := fault.ConflictOf(err)
			require.True(t, ok)
			assert.NotEmpty(t, cf.By)
			assert.Equal(t, int64(2), cf.Version)
			assert.NotNil(t, cf.Theirs)
			require.NoError(t, tc.save(true, cf.Version), "keep mine: saved over the newer version")
		})
	}
	got, err := GetMeeting(ctx, s, m.ID)
	require.NoError(t, err)
	assert.Equal(t, "Pangkalpinang", got.Venue)
	assert.Equal(t, m.Theme, got.Theme, "keep mine saves the whole form as the user sees it")
	assert.Equal(t, int64(3), got.Version)
}

// Desks saving the same decision at once from the same version: exactly
// one edit is written, every other is refused as a conflict (on PostgreSQL
// they run concurrently; the guard in the UPDATE decides, not the read).
func TestConcurrentEditsOfOneDecisionLoseNothing(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meeting(t, s, babel())
	base := decision(t, s, Decision{MeetingID: m.ID, Text: "Menyusun pedoman"})
	won := versionedtest.OneWins(t, 6, func(i int) error {
		x := base
		x.Text = fmt.Sprintf("Menyusun pedoman (meja %d)", i)
		_, err := SaveDecision(ctx, s, x)
		return err
	}, func(i int, err error) {
		require.Equal(t, fault.EditConflict, fault.CodeOf(err), "desk %d: %v", i, err)
	})
	got, err := GetDecision(ctx, s, base.ID)
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprintf("Menyusun pedoman (meja %d)", won), got.Text)
	assert.Equal(t, int64(2), got.Version)
}
