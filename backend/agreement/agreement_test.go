package agreement_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/agreement"
	"selaras/backend/fault"
	"selaras/backend/harmonise"
	"selaras/backend/indicator"
	"selaras/backend/indicator/indicatortest"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/rakor"
	"selaras/backend/store"
	"selaras/backend/target"
	"selaras/backend/xlsx"
)

// The agreed lock answers the same on a workspace file and on a server
// (run with SELARAS_TEST_PG): agreed targets refuse every change, the
// realisation goes on, another regency is untouched, and a reopening with
// a reason lifts it.
func TestAgreedTargetsAreLocked(t *testing.T) {
	ctx := context.Background()
	s, inds := indicatortest.Open(t, program.Install)
	var ind indicator.Indicator
	for _, i := range inds {
		if i.Kind != indicator.Ratio {
			ind = i
			break
		}
	}
	sub, err := program.SaveSubKegiatan(ctx, s, program.Item{Code: "2.17.03.1.01.0001", Name: "Pelatihan koperasi"})
	require.NoError(t, err)
	line, err := program.SavePlanLine(ctx, s, program.PlanLine{SubKegiatanID: sub.ID, Region: "19.01", Year: 2025,
		OutputIndicator: "Koperasi dilatih", SumberDana: program.APBDKabKota})
	require.NoError(t, err)
	set := func(code string, f target.Field, text string) error {
		_, err := target.Apply(ctx, s, []target.Edit{{IndicatorID: ind.ID, Region: code, Year: 2025, Field: f, Text: text}}, "ketik")
		return err
	}
	require.NoError(t, set("19.01", target.FTarget, "10"))
	m, err := rakor.SaveMeeting(ctx, s, rakor.Meeting{Kind: rakor.Rakortek, Title: "Rakortek 2025", StartDate: "2025-02-10", PlanningYear: 2025})
	require.NoError(t, err)

	_, err = agreement.Agree(ctx, s, "19", 2025, m.ID)
	assert.Equal(t, fault.AgreementBadRegion, fault.CodeOf(err), "a province's own targets are not agreed here")
	a, err := agreement.Agree(ctx, s, "19.01", 2025, m.ID)
	require.NoError(t, err)
	assert.True(t, a.InForce())
	require.NotNil(t, a.MeetingID)

	err = set("19.01", target.FTarget, "11")
	assert.Equal(t, fault.TargetsAgreed, fault.CodeOf(err), "%v", err)
	assert.Contains(t, fault.Message(err, "id"), "2025")
	err = set("19.01", target.FTarget, "")
	assert.Equal(t, fault.TargetsAgreed, fault.CodeOf(err), "clearing is a change too: %v", err)
	require.NoError(t, set("19.01", target.FRealisation, "4"), "realisation goes on being reported")
	require.NoError(t, set("19.02", target.FTarget, "7"), "another regency is not locked")
	line.Pagu = 1
	_, err = program.SavePlanLine(ctx, s, line)
	assert.Equal(t, fault.TargetsAgreed, fault.CodeOf(err), "%v", err)
	assert.Equal(t, fault.TargetsAgreed, fault.CodeOf(program.DeletePlanLine(ctx, s, line.ID)))

	// The region-year's plan lines are agreed with its targets (audited).
	got, err := program.GetPlanLine(ctx, s, line.ID)
	require.NoError(t, err)
	assert.Equal(t, program.Disepakati, got.Status)
	assert.Greater(t, got.Version, line.Version, "an open form sees the line changed")
	log, err := s.Audit(ctx, store.AuditQuery{Table: "plan_line", Limit: 10})
	require.NoError(t, err)
	require.NotEmpty(t, log)
	assert.Contains(t, log[0].NewValues, `"disepakati"`)

	inForce, err := agreement.InForce(ctx, s, "19", 2025)
	require.NoError(t, err)
	assert.Contains(t, inForce, "19.01")

	// The matrix and its export say which targets are agreed.
	mx, err := harmonise.Compute(ctx, s, "19", []int{2025})
	require.NoError(t, err)
	assert.True(t, mx.IsAgreed("19.01", 2025))
	assert.False(t, mx.IsAgreed("19.02", 2025))
	p := profile.Profile{ProvinceCode: "19", OfficeName: "Dinas Koperasi dan UKM", WorkingYear: 2025}
	out := filepath.Join(t.TempDir(), "m.xlsx")
	require.NoError(t, xlsx.ExportTargets(ctx, out, mx, p, time.Now(), nil))
	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	rows, err := f.GetRows(xlsx.TargetSheetName(2025))
	require.NoError(t, err)
	f.Close()
	var agreedHeads int
	for _, r := range rows {
		for _, c := range r {
			if strings.Contains(c, "(disepakati)") && strings.Contains(c, "Bangka") {
				agreedHeads++
			}
			assert.False(t, strings.Contains(c, "Belitung (disepakati)"), "19.02 is not agreed")
		}
	}
	assert.Positive(t, agreedHeads, "the export marks the agreed regency")

	_, err = agreement.Reopen(ctx, s, "19.01", 2025, "  ")
	assert.Equal(t, fault.AgreementNoReason, fault.CodeOf(err))
	_, err = agreement.Reopen(ctx, s, "19.02", 2025, "x")
	assert.Equal(t, fault.AgreementMissing, fault.CodeOf(err))
	r, err := agreement.Reopen(ctx, s, "19.01", 2025, "Pagu APBD-P berubah")
	require.NoError(t, err)
	assert.False(t, r.InForce())
	require.NoError(t, set("19.01", target.FTarget, "11"))
	got, err = program.GetPlanLine(ctx, s, line.ID)
	require.NoError(t, err)
	assert.Equal(t, program.Usulan, got.Status, "reopened: a proposal again")
	got.Pagu = 1
	_, err = program.SavePlanLine(ctx, s, got)
	require.NoError(t, err)
	all, err := agreement.List(ctx, s, "19", 2025)
	require.NoError(t, err)
	require.Len(t, all, 1)
	assert.Equal(t, "Pagu APBD-P berubah", all[0].ReopenReason)
	// Agreed again after the change: a new mark, the old one kept.
	_, err = agreement.Agree(ctx, s, "19.01", 2025, m.ID)
	require.NoError(t, err)
	all, err = agreement.List(ctx, s, "19", 2025)
	require.NoError(t, err)
	assert.Len(t, all, 2)
}
