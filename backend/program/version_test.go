package program

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/versioned/versionedtest"
)

func TestPlanLineEditOverANewerOneIsRefused(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	sub := f.sub(t, "2.17.08.1.01.0001", "Fasilitasi Sertifikasi Halal", "UKM.05")
	base, err := SavePlanLine(ctx, f.s, line(sub, "19", 750_000_000))
	require.NoError(t, err)
	require.Equal(t, int64(1), base.Version)

	versionedtest.ActAs(t, f.s, "Kabid UKM")
	theirs := base
	theirs.Pagu = 800_000_000
	theirs, err = SavePlanLine(ctx, f.s, theirs)
	require.NoError(t, err)
	assert.Equal(t, int64(2), theirs.Version)

	versionedtest.ActAs(t, f.s, "Sekretariat")
	in := PlanLineInput{ID: base.ID, SubKegiatanID: sub.ID, Region: "19", Year: 2025, OutputIndicator: base.OutputIndicator,
		OutputUnit: base.OutputUnit, Pagu: "Rp 900.000.000", SumberDana: base.SumberDana, Status: base.Status,
		Version: base.Version}
	mine, err := in.Parse()
	require.NoError(t, err)
	_, err = SavePlanLine(ctx, f.s, mine)
	require.Equal(t, fault.EditConflict, fault.CodeOf(err), "got %v", err)
	c, ok := fault.ConflictOf(err)
	require.True(t, ok)
	hist, err := History(ctx, f.s, base.ID)
	require.NoError(t, err)
	assert.Equal(t, hist[0].UserName, c.By)
	assert.NotEmpty(t, c.By)
	assert.Equal(t, hist[0].ChangedAt, c.At)
	assert.Equal(t, int64(2), c.Version)
	got, ok := c.Theirs.(PlanLine)
	require.True(t, ok)
	assert.Equal(t, int64(800_000_000), got.Pagu, "their values")
	assert.Equal(t, "2.17.08.1.01.0001", got.SubKegiatanCode, "described like any line read back")

	stored, err := GetPlanLine(ctx, f.s, base.ID)
	require.NoError(t, err)
	assert.Equal(t, int64(800_000_000), stored.Pagu, "nothing of the refused edit was written")

	// Keep mine.
	mine.Version = c.Version
	kept, err := SavePlanLine(ctx, f.s, mine)
	require.NoError(t, err)
	assert.Equal(t, int64(900_000_000), kept.Pagu)
	assert.Equal(t, int64(3), kept.Version)

	// Saving what is stored writes nothing: no version, no history.
	again, err := SavePlanLine(ctx, f.s, kept)
	require.NoError(t, err)
	assert.Equal(t, int64(3), again.Version)
	hist2, err := History(ctx, f.s, base.ID)
	require.NoError(t, err)
	assert.Len(t, hist2, len(hist)+1)

	// An import (version 0) writes over whatever is stored.
	kept.Version, kept.Catatan = 0, "dari templat "+strconv.Itoa(2025)
	batch, err := SavePlanLine(ctx, f.s, kept)
	require.NoError(t, err)
	assert.Equal(t, int64(4), batch.Version)
}
