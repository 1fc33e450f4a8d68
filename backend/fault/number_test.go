package fault

import (
	"errors"
	"testing"

	"selaras/backend/number"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The parser's reasons, worded by the catalogue in both languages.
func TestNumberMessages(t *testing.T) {
	tests := []struct {
		in     string
		reason number.Reason
		id, en string
	}{
		{"17,6,5", number.ReasonDecimal,
			`"17,6,5" bukan angka yang dikenali: pemisah desimal lebih dari satu`,
			`"17,6,5" is not a recognised number: more than one decimal separator`},
		{"12abc", number.ReasonScale,
			`"12abc" bukan angka yang dikenali: kata di belakang angka tidak dikenal; gunakan ribu (rb), juta (jt), miliar (M) atau triliun (T)`,
			`"12abc" is not a recognised number: unknown word after the number; use ribu (rb), juta (jt), miliar (M) or triliun (T)`},
		{"1a2", number.ReasonSyntax,
			`"1a2" bukan angka yang dikenali: ada huruf atau tanda yang bukan bagian dari angka`,
			`"1a2" is not a recognised number: it contains letters or symbols that are not part of a number`},
		{"1.23.456", number.ReasonGrouping,
			`"1.23.456" bukan angka yang dikenali: pemisah ribuan harus memisahkan kelompok 3 angka, misalnya 1.234.567`,
			`"1.23.456" is not a recognised number: thousands separators must split the digits into groups of 3, e.g. 1.234.567`},
		{"5 kg", number.ReasonScale,
			`"5 kg" bukan angka yang dikenali: kata di belakang angka tidak dikenal; gunakan ribu (rb), juta (jt), miliar (M) atau triliun (T)`,
			`"5 kg" is not a recognised number: unknown word after the number; use ribu (rb), juta (jt), miliar (M) or triliun (T)`},
		{"1E+400", number.ReasonRange,
			`"1E+400" bukan angka yang dikenali: angkanya terlalu besar (lebih dari satu juta triliun)`,
			`"1E+400" is not a recognised number: the number is too large (more than 10^18)`},
		{" \u00a01\u00a0234# ", number.ReasonSyntax,
			`"1 234#" bukan angka yang dikenali: ada huruf atau tanda yang bukan bagian dari angka`,
			`"1 234#" is not a recognised number: it contains letters or symbols that are not part of a number`},
	}
	for _, tt := range tests {
		t.Run(string(tt.reason)+"/"+tt.in, func(t *testing.T) {
			_, err := number.Parse(tt.in)
			var ne *number.Error
			require.True(t, errors.As(err, &ne), "Parse(%q): got %v, want *Error", tt.in, err)
			assert.Equal(t, tt.reason, ne.Reason)
			e := New(CellNotNumber, "").WithNumber("reason", err)
			assert.Equal(t, tt.id, Message(e, ID))
			assert.Equal(t, tt.en, Message(e, EN))
		})
	}
	assert.Equal(t, "isian kosong", Message(New(CellNotNumber, "").WithNumber("reason", number.ErrEmpty), ID))
	assert.Equal(t, "the cell is empty", Message(New(CellNotNumber, "").WithNumber("reason", number.ErrEmpty), EN))
}

// Every reason of the parser is worded by the catalogue.
func TestEveryNumberReasonIsWorded(t *testing.T) {
	for _, r := range number.Reasons {
		if r != number.ReasonEmpty {
			assert.Contains(t, numberReasons, r)
		}
	}
}
