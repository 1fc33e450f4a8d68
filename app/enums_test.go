package app

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/xlsx"
)

// Every bound enum has values, and each value its own TypeScript name
// (two values mapping to one name would silently drop one from the models).
func TestEnumsHaveDistinctNames(t *testing.T) {
	for _, e := range Enums() {
		v := reflect.ValueOf(e)
		require.Positive(t, v.Len(), "%T is empty", e)
		seen := map[string]bool{}
		for i := 0; i < v.Len(); i++ {
			name := v.Index(i).FieldByName("TSName").String()
			assert.Regexp(t, `^[A-Z][A-Z0-9_]*$`, name)
			assert.False(t, seen[name], "%T: %s twice", e, name)
			seen[name] = true
		}
	}
}

func TestMeetingSheets(t *testing.T) {
	assert.Equal(t, []MeetingSheet{MeetingSheet(xlsx.SheetAttendance), MeetingSheet(xlsx.SheetMinutes)}, meetingSheets())
}
