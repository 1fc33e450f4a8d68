package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/rakor"
)

// demoMeeting opens the demo workspace and starts a meeting in it.
func demoMeeting(t *testing.T) (*App, *Rakor, rakor.Meeting) {
	t.Helper()
	a := newApp(t, Options{Demo: true})
	r := &Rakor{a}
	m, err := r.StartMeeting(rakor.Meeting{Kind: rakor.Rakor, Title: "Rakor uji", StartDate: "2024-02-23", PlanningYear: 2025})
	require.NoError(t, err)
	return a, r, m
}

// A pasted list with a bad line is refused whole, naming the line; the
// error reaches the frontend as a Problem with the field.
func TestAddParticipantsNamesTheBadLine(t *testing.T) {
	a, r, m := demoMeeting(t)

	prev := r.ParseParticipants("1. Rina Marlina; Kepala Bidang UKM; Dinas Koperasi dan UKM\n2. Andi; Analis; Dinas; 99.99")
	assert.Len(t, prev.Participants, 1)
	require.Len(t, prev.Errors, 1)
	assert.Equal(t, 2, prev.Errors[0].Line)

	_, err := r.AddParticipants(m.ID, []rakor.Participant{{Name: "Rina"}, {Name: ""}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"field":"list"`)
	assert.Contains(t, err.Error(), "Baris 2")
	ps, err := r.Participants(m.ID)
	require.NoError(t, err)
	assert.Empty(t, ps, "nothing is added when a line is bad")

	// In English the preview and the refusal are English, the line said once.
	require.NoError(t, (&Settings{a}).SetLanguage("en"))
	prev = r.ParseParticipants("Andi; Analis; Dinas; 99.99")
	require.Len(t, prev.Errors, 1)
	assert.Equal(t, `Line 1: Participant's region: region code "99.99" is not in the Kemendagri list.`, prev.Errors[0].Message)
	_, err = r.AddParticipants(m.ID, []rakor.Participant{{Name: "Rina"}, {Name: ""}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "No participant was saved. Line 2: Participant name is required.")
	assert.NotContains(t, err.Error(), "aris")

	// Lists are never null for the frontend, even on error.
	none, err := r.Decisions(-1)
	require.NoError(t, err)
	assert.NotNil(t, none)
}
