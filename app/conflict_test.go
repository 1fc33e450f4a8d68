package app

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/rakor"
	"selaras/backend/target"
)

// A decision edited from a stale form reaches the frontend as a Problem
// with the conflict: who, when in the user's language, their values and
// the version to save over; keep mine then saves.
func TestStaleDecisionEditIsAProblemWithTheirs(t *testing.T) {
	a, r, m := demoMeeting(t)
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

// A cell typed over a newer value comes back as a refused cell and as a
// worded conflict for the grid's dialog; nothing of the batch is saved.
func TestStaleCellIsAWordedConflict(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	tg := &Targets{a}
	inds, err := tg.Indicators()
	require.NoError(t, err)
	id := inds[0].ID
	zero, one := int64(0), int64(1)
	res, err := tg.Apply([]target.Edit{{IndicatorID: id, Region: "19.02", Year: 2031, Field: target.FTarget, Text: "10", Version: &zero}}, false)
	require.NoError(t, err)
	require.Empty(t, res.Errors)
	res, err = tg.Apply([]target.Edit{{IndicatorID: id, Region: "19.02", Year: 2031, Field: target.FTarget, Text: "11", Version: &one}}, false)
	require.NoError(t, err)
	require.Empty(t, res.Errors)

	// A grid still showing version 1, and one sending no version for a stored cell.
	for _, base := range []*int64{&one, nil} {
		res, err = tg.Apply([]target.Edit{
			{IndicatorID: id, Region: "19.03", Year: 2031, Field: target.FTarget, Text: "5", Version: &zero},
			{IndicatorID: id, Region: "19.02", Year: 2031, Field: target.FTarget, Text: "12", Version: base},
		}, false)
		require.NoError(t, err)
		require.Len(t, res.Conflicts, 1)
		c := res.Conflicts[0]
		assert.Equal(t, 1, c.Index)
		assert.NotEmpty(t, c.Conflict.Who)
		assert.Contains(t, c.Conflict.When, " pukul ")
		assert.Equal(t, int64(2), c.Conflict.Version)
	}
	vals, err := tg.a.store()
	require.NoError(t, err)
	got, err := target.Load(context.Background(), vals.Read(), target.Filter{Years: []int{2031}, IndicatorIDs: []int64{id}})
	require.NoError(t, err)
	require.Len(t, got, 1, "the batch's other cell was not written")
	assert.Equal(t, 11.0, *got[0].Target)
}
