package number

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Number
	}{
		// Values from Indonesian rakor (coordination meeting) reports.
		{"rakor decimal comma", "17,65", Number{Value: 17.65}},
		{"rakor below one", "0,59", Number{Value: 0.59}},
		{"rakor small", "4,84", Number{Value: 4.84}},
		{"rakor three decimals leading zero", "0,625", Number{Value: 0.625}},
		{"rakor 21,27", "21,27", Number{Value: 21.27}},
		{"rakor 20,76", "20,76", Number{Value: 20.76}},
		{"rakor thousands dot", "1.311", Number{Value: 1311, Ambiguous: true}},
		{"rakor percent decimal", "1,12%", Number{Value: 1.12, Percent: true}},
		{"rakor percent whole", "10%", Number{Value: 10, Percent: true}},
		{"rakor percent 3,84", "3,84%", Number{Value: 3.84, Percent: true}},
		{"rakor 2.872", "2.872", Number{Value: 2872, Ambiguous: true}},
		{"rakor rupiah miliar", "Rp 222 miliar", Number{Value: 222e9}},
		{"rakor persen word", "60,43 persen", Number{Value: 60.43, Percent: true}},
		{"rakor 1.000", "1.000", Number{Value: 1000, Ambiguous: true}},
		{"percent with value 17,65", "17,65%", Number{Value: 17.65, Percent: true}},

		// Plain digits and signs.
		{"plain", "1311", Number{Value: 1311}},
		{"zero", "0", Number{Value: 0}},
		{"leading zeros", "007", Number{Value: 7}},
		{"minus", "-1.500", Number{Value: -1500, Ambiguous: true}},
		{"plus", "+42", Number{Value: 42}},
		{"unicode minus", "−1.500", Number{Value: -1500, Ambiguous: true}},
		{"minus space", "- 5", Number{Value: -5}},
		{"negative zero is zero", "-0", Number{Value: 0}},
		{"accounting parentheses", "(1.500)", Number{Value: -1500, Ambiguous: true}},
		{"accounting parentheses decimals", "(1.500,25)", Number{Value: -1500.25}},
		{"parentheses around rupiah", "(Rp 1.500.000)", Number{Value: -1500000}},
		{"rupiah then parentheses", "Rp(1.500.000)", Number{Value: -1500000}},
		{"percent outside parentheses", "(17,65)%", Number{Value: -17.65, Percent: true}},
		{"percent inside parentheses", "(17,65%)", Number{Value: -17.65, Percent: true}},

		// Both separators: the last one is decimal.
		{"indonesian full", "1.234.567,89", Number{Value: 1234567.89}},
		{"english full not ambiguous", "1,234,567.89", Number{Value: 1234567.89}},
		{"indonesian one group", "1.234,5", Number{Value: 1234.5}},
		{"english one group", "1,234.5", Number{Value: 1234.5}},
		{"indonesian zero cents", "1.500,00", Number{Value: 1500}},

		// Only commas.
		{"comma three decimals ambiguous", "1,311", Number{Value: 1.311, Ambiguous: true}},
		{"comma three decimals two digit int", "12,500", Number{Value: 12.5, Ambiguous: true}},
		{"comma long int not ambiguous", "1234,567", Number{Value: 1234.567}},
		{"comma four decimals", "1,3115", Number{Value: 1.3115}},
		{"english thousands commas", "1,234,567", Number{Value: 1234567}},
		{"leading comma", ",5", Number{Value: 0.5}},

		// Only dots.
		{"dots thousands", "1.234.567", Number{Value: 1234567}},
		{"dot leading zero is decimal", "0.625", Number{Value: 0.625}},
		{"dot two decimals", "17.65", Number{Value: 17.65}},
		{"dot two decimals small", "4.84", Number{Value: 4.84}},
		{"dot long int decimal", "1234.5", Number{Value: 1234.5}},
		{"dot four int digits three decimals", "1234.567", Number{Value: 1234.567}},
		{"dot one decimal", "1.5", Number{Value: 1.5}},
		{"dot six digits", "123.456", Number{Value: 123456, Ambiguous: true}},
		{"leading dot", ".5", Number{Value: 0.5}},
		{"leading dot three digits", ".500", Number{Value: 0.5}},

		// Spaces, including the non-breaking ones spreadsheets copy.
		{"space thousands", "1 311 000", Number{Value: 1311000}},
		{"nbsp thousands", "1\u00a0311\u00a0000", Number{Value: 1311000}},
		{"narrow nbsp thousands", "1\u202f311\u202f000,5", Number{Value: 1311000.5}},
		{"space thousands dot decimal", "1 234.5", Number{Value: 1234.5}},
		{"surrounding nbsp", "\u00a0 17,65 \u00a0", Number{Value: 17.65}},
		{"tabs and newline", "\t42\r\n", Number{Value: 42}},
		{"zero width space", "\u200b42\ufeff", Number{Value: 42}},
		{"double space collapses", "1  311", Number{Value: 1311}},

		// Currency.
		{"rupiah no space", "Rp1.500.000", Number{Value: 1500000}},
		{"rupiah dot", "Rp. 1.500.000", Number{Value: 1500000}},
		{"rupiah dot no space", "Rp.1.500", Number{Value: 1500, Ambiguous: true}},
		{"rupiah lowercase", "rp 15.000", Number{Value: 15000, Ambiguous: true}},
		{"rupiah uppercase", "RP 2.500.000", Number{Value: 2500000}},
		{"idr", "IDR 1.500.000", Number{Value: 1500000}},
		{"idr no space", "idr1500", Number{Value: 1500}},
		{"idr english", "IDR 1,500,000.50", Number{Value: 1500000.5}},
		{"minus before rupiah", "-Rp 1.500.000", Number{Value: -1500000}},
		{"minus after rupiah", "Rp -1.500.000", Number{Value: -1500000}},
		{"no cents comma dash", "Rp 15.000,-", Number{Value: 15000}},
		{"no cents comma dash small", "Rp 500,-", Number{Value: 500}},
		{"no cents dot dash", "Rp. 15.000.-", Number{Value: 15000, Ambiguous: true}},
		{"excel accounting padding", "Rp\u00a0\u00a0\u00a0\u00a01.500.000 ", Number{Value: 1500000}},

		// Scale words.
		{"juta decimal", "1,5 juta", Number{Value: 1.5e6}},
		{"M after rupiah", "Rp1,25 M", Number{Value: 1.25e9}},
		{"M attached", "222M", Number{Value: 222e9}},
		{"M spaced", "222 M", Number{Value: 222e9}},
		{"T", "1,2 T", Number{Value: 1.2e12}},
		{"T attached", "3T", Number{Value: 3e12}},
		{"ribu", "500 ribu", Number{Value: 500e3}},
		{"rb attached", "50rb", Number{Value: 50e3}},
		{"rb with dot", "50 rb.", Number{Value: 50e3}},
		{"jt", "Rp 2,5 jt", Number{Value: 2.5e6}},
		{"jt with dot", "2 jt.", Number{Value: 2e6}},
		{"milyar", "3 milyar", Number{Value: 3e9}},
		{"miliar uppercase", "3 MILIAR", Number{Value: 3e9}},
		{"triliun", "1,5 triliun", Number{Value: 1.5e12}},
		{"trilyun", "2 trilyun", Number{Value: 2e12}},
		{"juta capitalised", "7 Juta", Number{Value: 7e6}},
		{"thousands then juta", "Rp 1.500 juta", Number{Value: 1.5e9, Ambiguous: true}},
		{"negative scale", "-2,5 juta", Number{Value: -2.5e6}},
		{"scale exact decimal", "0,1 juta", Number{Value: 100000}},
		{"scale many decimals", "1,23456789 juta", Number{Value: 1234567.89}},

		// Excel's scientific notation.
		{"excel large", "1E+15", Number{Value: 1e15}},
		{"excel large mantissa dot", "1.23457E+11", Number{Value: 123457000000}},
		{"excel large mantissa comma", "1,23457E+11", Number{Value: 123457000000}},
		{"excel small", "1.2E-05", Number{Value: 1.2e-5}},
		{"excel no sign", "2E3", Number{Value: 2000}},
		{"excel negative", "-1,5E+03", Number{Value: -1500}},
		{"excel underflow is zero", "1E-400", Number{Value: 0}},
		{"excel zero huge exponent", "0E+99999999999", Number{Value: 0}},

		// Limits.
		{"largest accepted", "1.000.000.000.000.000.000", Number{Value: 1e18}},
		{"largest accepted with scale", "1.000.000 T", Number{Value: 1e18}},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			require.NoError(t, err, "Parse(%q)", tt.in)
			assert.Equal(t, tt.want, got, "Parse(%q): got %+v, want %+v", tt.in, got, tt.want)
			assert.False(t, math.Signbit(got.Value) && got.Value == 0, "Parse(%q) returned negative zero", tt.in)
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		reason Reason
	}{
		{"letters", "abc", ReasonSyntax},
		{"letter inside digits", "1a2", ReasonSyntax},
		{"leading letters", "abc12", ReasonSyntax},
		{"stray symbol", "12#", ReasonSyntax},
		{"hash", "#N/A", ReasonSyntax},
		{"excel div zero", "#DIV/0!", ReasonSyntax},
		{"date with slashes", "23/02/2024", ReasonSyntax},
		{"bare minus", "-", ReasonSyntax},
		{"en dash", "–", ReasonSyntax},
		{"double minus", "--5", ReasonSyntax},
		{"trailing minus", "1.500-", ReasonSyntax},
		{"sign and parentheses", "-(1.500)", ReasonSyntax},
		{"unclosed parenthesis", "(1.500", ReasonSyntax},
		{"unopened parenthesis", "1.500)", ReasonSyntax},
		{"empty parentheses", "()", ReasonSyntax},
		{"currency only", "Rp", ReasonSyntax},
		{"currency and dot only", "Rp.", ReasonSyntax},
		{"percent only", "%", ReasonSyntax},
		{"double percent", "5%%", ReasonSyntax},
		{"bare M", "M", ReasonSyntax},
		{"rupiah bare M", "Rp M", ReasonSyntax},
		{"scale word only", "juta", ReasonSyntax},
		{"trailing comma", "5,", ReasonSyntax},
		{"trailing dot", "5.", ReasonSyntax},
		{"separator only", ",", ReasonSyntax},
		{"space before separator", "1 ,5", ReasonSyntax},
		{"lowercase exponent", "1e5", ReasonSyntax},
		{"exponent without digits", "1E+", ReasonSyntax},
		{"exponent mantissa grouped", "1.234.5E+3", ReasonSyntax},
		{"two exponents", "1E5E5", ReasonSyntax},
		{"nan", "NaN", ReasonSyntax},
		{"inf", "Inf", ReasonSyntax},
		{"infinity sign", "∞", ReasonSyntax},
		{"fullwidth digits", "１２", ReasonSyntax},
		{"percent of rupiah", "Rp 5%", ReasonSyntax},
		{"percent of juta", "5 juta %", ReasonSyntax},
		{"compound amount", "2 juta 500 ribu", ReasonSyntax},
		{"two scale words", "1 juta T", ReasonSyntax},
		{"invalid utf8", "1\xff2", ReasonSyntax},

		{"example three commas", "17,6,5", ReasonDecimal},
		{"double comma", "1,,2", ReasonDecimal},
		{"two decimal commas after dots", "1.234,5,6", ReasonDecimal},
		{"two decimal dots after commas", "1,234.5.6", ReasonDecimal},
		{"spaces and two commas", "1 234,5,6", ReasonDecimal},
		{"commas not grouped", "1,234,56", ReasonDecimal},
		{"cents and no cents", "1.500,50,-", ReasonDecimal},

		{"double dot", "1..2", ReasonGrouping},
		{"dots group of two", "1.23.456", ReasonGrouping},
		{"dots last group of four", "1.234.5678", ReasonGrouping},
		{"dots leading group of four", "1234.567.890", ReasonGrouping},
		{"dots leading zero group", "0.500.000", ReasonGrouping},
		{"date with dots", "23.02.2024", ReasonGrouping},
		{"mixed bad group", "1.23,5", ReasonGrouping},
		{"english mixed bad group", "12,34.5", ReasonGrouping},
		{"spaces group of two", "1 31 000", ReasonGrouping},
		{"space inside decimals", "1,5 000", ReasonGrouping},
		{"spaces with both separators", "1 234.567,5", ReasonGrouping},
		{"no cents after decimal dot", "1.5,-", ReasonGrouping},

		{"unknown word", "12abc", ReasonScale},
		{"unit kg", "5 kg", ReasonScale},
		{"lowercase m", "5m", ReasonScale},
		{"lowercase t", "5 t", ReasonScale},
		{"english million", "5 million", ReasonScale},
		{"rupiah suffix", "1.500 rupiah", ReasonScale},
		{"plural", "5 jutaan", ReasonScale},
		{"letter after exponent-like", "5E", ReasonScale},

		{"overflow exponent", "1E+400", ReasonRange},
		{"above limit", "1.000.000.000.000.010.000", ReasonRange},
		{"long digits", "10000000000000000000000000", ReasonRange},
		{"scale pushes past limit", "1.000.001 T", ReasonRange},
		{"negative past limit", "-2E+18", ReasonRange},
		{"huge exponent", "9E+99999999999999999999", ReasonRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			require.Error(t, err, "Parse(%q) = %+v, want error %s", tt.in, got, tt.reason)
			var ne *Error
			require.True(t, errors.As(err, &ne), "Parse(%q): got %T, want *Error", tt.in, err)
			assert.Equal(t, tt.reason, ne.Reason, "Parse(%q): got reason %s, want %s", tt.in, ne.Reason, tt.reason)
			assert.Equal(t, Number{}, got, "Parse(%q) must return the zero Number on error", tt.in)
		})
	}
}

func TestParseEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\t\n", "\u00a0", "\u202f \u00a0", "\u200b"} {
		t.Run(fmt.Sprintf("%q", in), func(t *testing.T) {
			_, err := Parse(in)
			assert.ErrorIs(t, err, ErrEmpty, "Parse(%q): got %v, want ErrEmpty", in, err)
			var ne *Error
			require.True(t, errors.As(err, &ne))
			assert.Equal(t, ReasonEmpty, ne.Reason)
		})
	}
}

// The error is for logs: it names the input and the reason; the user's
// wording is the catalogue's (backend/fault).
func TestErrorText(t *testing.T) {
	_, err := Parse(" \u00a01\u00a0234# ")
	var ne *Error
	require.True(t, errors.As(err, &ne))
	assert.Equal(t, `number: "1 234#": syntax`, ne.Error())
	assert.Equal(t, "1 234#", ne.Shown())
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name     string
		v        float64
		decimals int
		want     string
	}{
		{"millions with cents", 1234567.891, 2, "1.234.567,89"},
		{"percent", 17.65, 2, "17,65"},
		{"negative thousands", -1500, 0, "-1.500"},
		{"thousands", 1311, 0, "1.311"},
		{"below thousand", 999, 0, "999"},
		{"exact thousand", 1000, 0, "1.000"},
		{"zero", 0, 0, "0"},
		{"zero with decimals", 0, 2, "0,00"},
		{"negative rounding to zero", -0.001, 2, "0,00"},
		{"negative zero", math.Copysign(0, -1), 0, "0"},
		{"pads decimals", 4.8, 2, "4,80"},
		{"rounds", 0.625, 2, "0,62"}, // 0.625 is exact in binary: half to even
		{"rounds up", 20.756, 2, "20,76"},
		{"rounds to whole", 1310.6, 0, "1.311"},
		{"shortest", 17.65, -1, "17,65"},
		{"shortest whole", 222e9, -1, "222.000.000.000"},
		{"shortest tiny", 1.2e-5, -1, "0,000012"},
		{"negative small", -0.5, 1, "-0,5"},
		{"six digits", 123456, 0, "123.456"},
		{"seven digits", 1234567, 0, "1.234.567"},
		{"nan", math.NaN(), 2, "NaN"},
		{"inf", math.Inf(1), 2, "+Inf"},
		{"minus inf", math.Inf(-1), 2, "-Inf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Format(tt.v, tt.decimals)
			assert.Equal(t, tt.want, got, "Format(%v, %d): got %q, want %q", tt.v, tt.decimals, got, tt.want)
		})
	}
}

func TestFormatRoundTrip(t *testing.T) {
	values := []float64{
		0, 1, -1, 0.5, 1.311, 17.65, 0.59, 4.84, 0.625, 21.27, 20.76, 1311, 2872, 1000,
		1234567.89, -1234567.89, 222e9, 1.25e9, 0.001, 0.0005, 999.999, 1e15 - 1, -1e15 + 1,
		123.456, 0.1 + 0.2, 1.0 / 3, math.Pi * 1e6, 5e-324, 1e18,
	}
	for _, v := range values {
		for _, d := range []int{-1, 0, 1, 2, 3, 4, 6} {
			t.Run(fmt.Sprintf("%v/%d", v, d), func(t *testing.T) {
				s := Format(v, d)
				got, err := Parse(s)
				require.NoError(t, err, "Parse(Format(%v, %d) = %q)", v, d, s)
				want := rounded(v, d)
				assert.Equal(t, want, got.Value, "Parse(%q): got %v, want %v", s, got.Value, want)
				assert.False(t, got.Percent)
			})
		}
	}
}

// rounded is v rounded to d decimals the way Format rounds it; d < 0 is v.
func rounded(v float64, d int) float64 {
	if d < 0 {
		return v
	}
	s := fmt.Sprintf("%.*f", d, v)
	var r float64
	_, _ = fmt.Sscan(s, &r)
	return r + 0 // normalise negative zero
}

func ExampleParse() {
	for _, s := range []string{"17,65%", "Rp 1.234.567,89", "1,5 juta", "(1.500)", "17,6,5"} {
		n, err := Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(Format(n.Value, 2), n.Percent, n.Ambiguous)
	}
	// Output:
	// 17,65 true false
	// 1.234.567,89 false false
	// 1.500.000,00 false false
	// -1.500,00 false true
	// number: "17,6,5": decimal
}

func BenchmarkParse(b *testing.B) {
	inputs := []string{
		"17,65", "1.311", "1,12%", "Rp 222 miliar", "1.234.567,89", "1,234,567.89",
		"60,43 persen", "(1.500)", "1\u00a0311\u00a0000", "1,23457E+11", "1311", "12abc",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _ = Parse(inputs[i%len(inputs)])
	}
}

func BenchmarkFormat(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Format(1234567.891, 2)
	}
}
