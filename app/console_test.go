package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPlanConsole(t *testing.T) {
	cases := []struct {
		name  string
		valid stdStreams
		want  consolePlan
	}{
		{"from cmd.exe, nothing redirected", stdStreams{},
			consolePlan{Attach: true, In: true, Out: true, Err: true}},
		{"selaras.exe regions > r.csv", stdStreams{Out: true},
			consolePlan{Attach: true, In: true, Err: true}},
		{"stdout and stderr to files", stdStreams{Out: true, Err: true}, consolePlan{}},
		{"piped in PowerShell: regions | Out-File", stdStreams{In: true, Out: true, Err: true}, consolePlan{}},
		{"only stderr redirected (2> log.txt)", stdStreams{Err: true},
			consolePlan{Attach: true, In: true, Out: true}},
		{"input from a file, output to the console", stdStreams{In: true},
			consolePlan{Attach: true, Out: true, Err: true}},
		{"only stdin missing is no reason to attach", stdStreams{Out: true, Err: true, In: false}, consolePlan{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, planConsole(c.valid))
		})
	}
}
