package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// Tables reads the schema of a workspace file: every table but
// schema_migrations, each after the tables it references, trees marked.
func TestTablesParentsFirst(t *testing.T) {
	ctx := context.Background()
	s := storetest.OpenAt(t, filepath.Join(t.TempDir(), "x.db"))
	tables, err := s.Tables(ctx)
	require.NoError(t, err)
	pos := map[string]int{}
	for i, tb := range tables {
		pos[tb.Name] = i
		assert.NotEmpty(t, tb.Columns, tb.Name)
		assert.NotEmpty(t, tb.Key, tb.Name)
	}
	assert.NotContains(t, pos, "schema_migrations")
	for _, pair := range [][2]string{{"meeting", "decision"}, {"decision", "decision_challenge"}, {"challenge", "decision_challenge"},
		{"nomenclature", "plan_line"}, {"central_item", "plan_line"}, {"indicator", "indicator_value"}, {"challenge_category", "challenge"}} {
		assert.Less(t, pos[pair[0]], pos[pair[1]], "%s before %s", pair[0], pair[1])
	}
	byName := map[string]store.Table{}
	for _, tb := range tables {
		byName[tb.Name] = tb
	}
	assert.Equal(t, "parent_id", byName["nomenclature"].Parent)
	assert.Equal(t, "parent_id", byName["central_item"].Parent)
	assert.Equal(t, "", byName["plan_line"].Parent)
	assert.Equal(t, []string{"key"}, byName["meta"].Key)
	assert.Equal(t, []string{"id"}, byName["audit_log"].Key)
}
