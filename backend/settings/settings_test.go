package settings

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x", "settings.json")
	s, err := Load(path)
	require.NoError(t, err)
	assert.Equal(t, "id", s.Language, "Indonesian is the default")

	require.NoError(t, Save(path, Settings{Language: "en", LastWorkspace: "/w/demo.db"}))
	s, err = Load(path)
	require.NoError(t, err)
	assert.Equal(t, Settings{Language: "en", LastWorkspace: "/w/demo.db"}, s)

	require.NoError(t, os.WriteFile(path, []byte("{not json"), 0o644))
	s, err = Load(path)
	require.NoError(t, err)
	assert.Equal(t, "id", s.Language)
}
