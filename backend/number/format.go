package number

import (
	"math"
	"strconv"
	"strings"
)

// Format writes v the Indonesian way: '.' between thousands, ',' before the
// decimals ("1.234.567,89", "17,65", "-1.500"). decimals is the exact count
// of decimals, rounded half to even on v's binary value like strconv; a
// negative count writes as many as needed to read v back exactly. Parse reads
// the result back as the rounded value. NaN and infinities, which Parse never
// returns, are written as strconv does ("NaN", "+Inf", "-Inf").
func Format(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	if decimals < 0 {
		decimals = -1
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	neg := false
	if s[0] == '-' {
		s = s[1:]
		// A value that rounds to zero drops its sign: "-0,00" reads as a
		// loss that is not there.
		neg = strings.Trim(s, "0.") != ""
	}
	ip, frac, hasFrac := strings.Cut(s, ".")

	var b strings.Builder
	b.Grow(len(s) + len(ip)/3 + 1)
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(ip); i++ {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(ip[i])
	}
	if hasFrac {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}
