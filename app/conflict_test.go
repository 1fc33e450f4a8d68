package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/rakor"
)

// A decision edited from a stale form reaches the frontend as a Problem
// with the conflict: who, when in the user's language, their values and
// the version to save over; keep mine then saves.
func TestStaleDecisionEditIsAProblemWithTheirs(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	r := &Rakor{a}
	m, err := r.StartMeeting(rakor.Meeting{Kind: rakor.Rakor, Title: "Rakor uji", StartDate: "2024-02-23", PlanningYear: 2025})
	require.NoError(t, err)
	base, err := r.SaveDecision(rakor.Decision{MeetingID: m.ID, Text: "Menyusun pedoman"})
	require.NoError(t, err)

	theirs := base
	theirs.Text = "Menyusun pedoman terstandar"
	_, err = r.SaveDecision(theirs)
	require.NoError(t, err)

	mine := base
	mine.Text = "Menyusun pedoman tahun 2025"
	for _, lang := range []string{"id", "en"} {
		require.NoError(t, (&Settings{a}).SetLanguage(lang))
		_, err = r.SaveDecision(mine)
		p := problemOf(t, err)
		assert.Equal(t, fault.EditConflict, p.Code)
		require.NotNil(t, p.Conflict)
		assert.Equal(t, int64(2), p.Conflict.Version)
		assert.NotEmpty(t, p.Conflict.Who)
		got, ok := p.Conflict.Theirs.(map[string]any)
		require.True(t, ok, "theirs travels as the decision's JSON")
		assert.Equal(t, "Menyusun pedoman terstandar", got["text"])
		if lang == "id" {
			assert.Contains(t, p.Conflict.When, " pukul ")
		} else {
			assert.Contains(t, p.Conflict.When, " at ")
		}
	}

	mine.Version = 2
	kept, err := r.SaveDecision(mine)
	require.NoError(t, err)
	assert.Equal(t, "Menyusun pedoman tahun 2025", kept.Text)

	// A form must name the version it was based on.
	kept.Version = 0
	_, err = r.SaveDecision(kept)
	assert.Equal(t, fault.Unexpected, problemOf(t, err).Code)
}
