package number

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzParse checks that Parse never panics, only returns finite values or an
// *Error, and that whatever it returns survives Format and Parse again.
// Seeds beyond these live in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"17,65", "0,625", "1.311", "1,311", "1,12%", "Rp 222 miliar", "60,43 persen",
		"1.234.567,89", "1,234,567.89", "(1.500)", "−1.500", "1\u00a0311\u00a0000",
		"Rp1,25 M", "222M", "1,23457E+11", "1.2E-05", "Rp 15.000,-", ",5", "17,6,5",
		"1..2", "12abc", "1E+400", "", "\u202f",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			var ne *Error
			require.True(t, errors.As(err, &ne), "Parse(%q): got %T, want *Error", s, err)
			require.Contains(t, Reasons, ne.Reason, "Parse(%q): unknown reason %q", s, ne.Reason)
			require.Equal(t, Number{}, n)
			return
		}
		v := n.Value
		require.False(t, math.IsNaN(v) || math.IsInf(v, 0), "Parse(%q) = %v, want finite", s, v)
		require.LessOrEqual(t, math.Abs(v), maxAbs, "Parse(%q) = %v, want at most %v", s, v, maxAbs)
		require.False(t, v == 0 && math.Signbit(v), "Parse(%q) returned negative zero", s)
		if n.Percent {
			assert.True(t, strings.Contains(s, "%") || strings.Contains(strings.ToLower(s), "persen"),
				"Parse(%q) set Percent without %% or persen", s)
		}

		for _, d := range []int{2, -1} {
			out := Format(v, d)
			back, err := Parse(out)
			require.NoError(t, err, "Parse(Format(%v, %d) = %q)", v, d, out)
			want := v
			if d >= 0 {
				want, err = strconv.ParseFloat(strconv.FormatFloat(v, 'f', d, 64), 64)
				require.NoError(t, err)
			}
			require.Equal(t, want, back.Value, "Parse(Format(%v, %d) = %q): got %v, want %v", v, d, out, back.Value, want)
		}
	})
}
