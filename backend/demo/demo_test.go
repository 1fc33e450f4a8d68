package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/profile"
	"selaras/backend/workspace"
)

func TestCreate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	s, err := Create(ctx, path)
	require.NoError(t, err)
	defer s.Close()

	info, err := workspace.Describe(ctx, s)
	require.NoError(t, err)
	assert.Equal(t, workspace.Demo, info.Kind)
	p, err := profile.Get(ctx, s)
	require.NoError(t, err)
	assert.Equal(t, "19", p.ProvinceCode)
	assert.Equal(t, 2025, p.WorkingYear)

	_, err = Create(ctx, path)
	assert.Error(t, err, "an existing workspace is never overwritten")
}
