// Package number reads numbers as Indonesians type them, and as Excel and
// LibreOffice copy them to the clipboard: "1.234.567,89", "17,65%",
// "Rp 222 miliar", "(1.500)", "1 311 000". It also formats numbers the same
// way, so whatever Format writes Parse reads back.
//
// The Indonesian reading always wins: ',' is the decimal separator and '.'
// groups thousands. English-style input is accepted only where it cannot be
// mistaken ("1,234,567.89"); where it could, Number.Ambiguous is set so the
// caller can ask the user to check.
package number

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Number is a parsed value.
type Number struct {
	Value     float64 // the number as meant; for "17,65%" this is 17.65 (percent units), not 0.1765
	Percent   bool    // a % sign (or the word "persen") was present
	Ambiguous bool    // could reasonably be read two ways; Value holds the Indonesian reading
}

// maxAbs bounds accepted values: a million triliun is far beyond any amount an
// office reports, so anything larger is a pasted ID or a typo, and float64
// stops holding whole numbers exactly long before it.
const maxAbs = 1e18

// Parse reads one cell. Empty or whitespace-only input returns ErrEmpty; any
// other failure is an *Error.
//
// Decisions worth knowing:
//   - One '.' followed by exactly 3 digits after a 1-3 digit integer part not
//     starting with 0 is a thousands separator ("1.311" = 1311), Ambiguous.
//   - One ',' is always decimal ("1,311" = 1.311); Ambiguous when it has that
//     same shape, since English writers use ',' for thousands.
//   - A leading separator is accepted: ",5" and ".5" are 0.5.
//   - "persen" counts as '%'; a trailing ",-" or ".-" ("Rp 15.000,-") means
//     no cents.
//   - Scale words are case-insensitive except the single letters "M" and
//     "T", which must be capitals: a lowercase "m" or "t" is more often metre,
//     ton or the English "million" than miliar or triliun.
//   - Scientific notation is accepted only in the form Excel copies for very
//     large or small numbers: capital E, e.g. "1,23457E+11" or "1.2E-05".
//   - A bare "-" (Excel's accounting zero, or "nihil" in reports) is an
//     error; whether it means 0 or no value is the caller's decision.
func Parse(s string) (Number, error) {
	in := strings.TrimFunc(s, isSpace)
	if in == "" {
		return Number{}, ErrEmpty
	}
	n, reason := parse(in)
	if reason != "" {
		return Number{}, &Error{Input: in, Reason: reason}
	}
	return n, nil
}

func parse(in string) (Number, Reason) {
	rest := normalizeSpaces(in)

	// Prefix: sign, opening parenthesis and currency, each at most once and
	// in any order, since "-Rp 1.500", "Rp -1.500" and "(Rp 1.500)" all occur.
	var sign rune
	var paren, currency bool
prefix:
	for rest != "" {
		r, size := utf8.DecodeRuneInString(rest)
		switch {
		case sign == 0 && (r == '-' || r == '+' || r == '−'):
			sign = r
			rest = trimLeft(rest[size:])
		case !paren && r == '(':
			paren = true
			rest = trimLeft(rest[1:])
		case !currency && currencyLen(rest) > 0:
			currency = true
			rest = trimLeft(rest[currencyLen(rest):])
		default:
			break prefix
		}
	}

	// Suffix, peeled from the end: closing parenthesis, percent, "no cents"
	// marker and a scale word, each at most once and in any order.
	var percent, closed, scaled, noCents, unknownWord bool
	scaleExp := 0
	for rest != "" {
		last := rest[len(rest)-1]
		if paren && !closed && last == ')' {
			closed = true
			rest = trimRight(rest[:len(rest)-1])
			continue
		}
		if !percent && last == '%' {
			percent = true
			rest = trimRight(rest[:len(rest)-1])
			continue
		}
		if !noCents && last == '-' && len(rest) >= 3 && (rest[len(rest)-2] == ',' || rest[len(rest)-2] == '.') && isDigit(rest[len(rest)-3]) {
			noCents = true
			if rest[len(rest)-2] == ',' {
				// ",-" names ',' as the decimal separator, so dots before it
				// are thousands; appending ",0" lets the core enforce that.
				rest = rest[:len(rest)-2] + ",0"
			} else {
				rest = rest[:len(rest)-2]
			}
			continue
		}
		word, start := trailingWord(rest)
		if word == "" || start == 0 {
			// No word, or nothing but a word: the core reports it.
			break
		}
		if !percent && strings.EqualFold(word, "persen") {
			percent = true
			rest = trimRight(rest[:start])
			continue
		}
		if exp, ok := scaleOf(word); ok {
			if scaled {
				// "1 juta T": a second scale is stray text, not an unknown unit.
				break
			}
			scaled = true
			scaleExp = exp
			rest = trimRight(rest[:start])
			continue
		}
		// Checked after the core, so "1a2 kg" reports the stray letter
		// rather than the unit.
		unknownWord = true
		rest = trimRight(rest[:start])
		break
	}

	if rest == "" || (paren && !closed) || (paren && sign != 0) {
		return Number{}, ReasonSyntax
	}
	mant, exp, amb, reason := parseCore(rest)
	if reason != "" {
		return Number{}, reason
	}
	if unknownWord {
		return Number{}, ReasonScale
	}
	// A percentage of rupiah, or of a million, is a typing mistake.
	if percent && (currency || scaled) {
		return Number{}, ReasonSyntax
	}

	exp += scaleExp
	buf := make([]byte, 0, len(mant)+8)
	buf = append(buf, mant...)
	buf = append(buf, 'e')
	buf = strconv.AppendInt(buf, int64(exp), 10)
	v, err := strconv.ParseFloat(string(buf), 64)
	if math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) > maxAbs {
		return Number{}, ReasonRange
	}
	if err != nil {
		// Underflow still yields a usable (zero or subnormal) value; any
		// other error means the core let something through it should not.
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return Number{}, ReasonSyntax
		}
	}
	if sign == '-' || sign == '−' || paren {
		v = -v
	}
	if v == 0 {
		v = 0 // no negative zero: "-0" is just 0
	}
	return Number{Value: v, Percent: percent, Ambiguous: amb}, ""
}

// parseCore reads the bare number: digits with separators, or Excel's
// scientific form. It returns the value as "digits.digits" for ParseFloat
// plus a power of ten.
func parseCore(c string) (mant string, exp int, amb bool, r Reason) {
	if i := strings.IndexByte(c, 'E'); i >= 0 {
		return parseScientific(c[:i], c[i+1:])
	}
	var dots, commas, spaces, digits int
	for i := 0; i < len(c); i++ {
		switch ch := c[i]; {
		case isDigit(ch):
			digits++
		case ch == '.':
			dots++
		case ch == ',':
			commas++
		case ch == ' ':
			// Spaces group thousands, so they must sit between digits.
			if i == 0 || i == len(c)-1 || !isDigit(c[i-1]) || !isDigit(c[i+1]) {
				return "", 0, false, ReasonSyntax
			}
			spaces++
		default:
			return "", 0, false, ReasonSyntax
		}
	}
	if digits == 0 || c[len(c)-1] == '.' || c[len(c)-1] == ',' {
		return "", 0, false, ReasonSyntax
	}

	switch {
	case spaces > 0:
		// Spaces already group thousands, so a '.' or ',' can only be the
		// decimal separator, and only one of them.
		if dots > 0 && commas > 0 {
			return "", 0, false, ReasonGrouping
		}
		if dots > 1 || commas > 1 {
			return "", 0, false, ReasonDecimal
		}
		ip, frac, _ := cutAny(c, ".,")
		if strings.IndexByte(frac, ' ') >= 0 || !grouped(ip, ' ') {
			return "", 0, false, ReasonGrouping
		}
		return decimal(strip(ip, ' '), frac), 0, false, ""

	case dots > 0 && commas > 0:
		// Both show: the last one is decimal, the other groups thousands.
		i := strings.LastIndexAny(c, ".,")
		dec, thou := c[i], byte(',')
		if dec == ',' {
			thou = '.'
		}
		if strings.Count(c, string(dec)) > 1 {
			return "", 0, false, ReasonDecimal
		}
		if !grouped(c[:i], thou) {
			return "", 0, false, ReasonGrouping
		}
		return decimal(strip(c[:i], thou), c[i+1:]), 0, false, ""

	case commas == 1:
		ip, frac, _ := strings.Cut(c, ",")
		return decimal(ip, frac), 0, thousandsShape(ip, frac), ""

	case commas > 1:
		// Indonesian allows one decimal comma, so several can only be
		// English thousands; if they do not group by 3 the writer most
		// likely typed an extra decimal comma.
		if !grouped(c, ',') {
			return "", 0, false, ReasonDecimal
		}
		return strip(c, ','), 0, false, ""

	case dots == 1:
		ip, frac, _ := strings.Cut(c, ".")
		if thousandsShape(ip, frac) {
			return ip + frac, 0, true, ""
		}
		return decimal(ip, frac), 0, false, ""

	case dots > 1:
		if !grouped(c, '.') {
			return "", 0, false, ReasonGrouping
		}
		return strip(c, '.'), 0, false, ""
	}
	return c, 0, false, ""
}

// parseScientific reads Excel's "1,23457E+11": a plain decimal mantissa
// (either separator, since Excel uses the locale's) and a signed exponent.
func parseScientific(m, e string) (string, int, bool, Reason) {
	ip, frac, found := cutAny(m, ".,")
	if !allDigits(ip) || !allDigits(frac) || ip+frac == "" || (found && frac == "") {
		return "", 0, false, ReasonSyntax
	}
	neg := false
	if e != "" && (e[0] == '+' || e[0] == '-') {
		neg = e[0] == '-'
		e = e[1:]
	}
	if e == "" || !allDigits(e) {
		return "", 0, false, ReasonSyntax
	}
	// Clamp so a huge exponent cannot overflow int; ParseFloat still turns
	// it into Inf (an error) or zero.
	e = strings.TrimLeft(e, "0")
	exp := 100000
	if len(e) < 6 {
		exp, _ = strconv.Atoi("0" + e)
	}
	if neg {
		exp = -exp
	}
	return decimal(ip, frac), exp, false, ""
}

// thousandsShape reports whether int and frac look like one thousands group
// after a short leading group ("1.311", "12,500"). A leading 0 cannot start a
// grouped number, so "0.625" is never read as thousands.
func thousandsShape(ip, frac string) bool {
	return len(frac) == 3 && len(ip) >= 1 && len(ip) <= 3 && ip[0] != '0'
}

// grouped reports whether s splits on sep into a leading group of 1-3 digits
// (not starting with 0) and further groups of exactly 3.
func grouped(s string, sep byte) bool {
	for i := 0; ; i++ {
		g, rest, more := strings.Cut(s, string(sep))
		switch {
		case g == "" || !allDigits(g):
			return false
		case i == 0 && (len(g) > 3 || (g[0] == '0' && more)):
			return false
		case i > 0 && len(g) != 3:
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// decimal joins integer and fraction digits for ParseFloat; the integer part
// may be empty (",5").
func decimal(ip, frac string) string {
	if ip == "" {
		ip = "0"
	}
	if frac == "" {
		return ip
	}
	return ip + "." + frac
}

func strip(s string, sep byte) string {
	return strings.ReplaceAll(s, string(sep), "")
}

// cutAny splits s around the first of any byte in chars.
func cutAny(s, chars string) (before, after string, found bool) {
	if i := strings.IndexAny(s, chars); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}

// currencyLen returns the length of a leading "Rp", "Rp." or "IDR", or 0.
func currencyLen(s string) int {
	switch {
	case len(s) >= 3 && strings.EqualFold(s[:3], "idr"):
		return 3
	case len(s) >= 3 && strings.EqualFold(s[:2], "rp") && s[2] == '.':
		return 3
	case len(s) >= 2 && strings.EqualFold(s[:2], "rp"):
		return 2
	}
	return 0
}

// trailingWord returns the run of ASCII letters ending s, allowing one
// trailing '.' as in "rb." or "jt.", and the index where it starts.
func trailingWord(s string) (string, int) {
	end := len(s)
	if end > 1 && s[end-1] == '.' && isLetter(s[end-2]) {
		end--
	}
	start := end
	for start > 0 && isLetter(s[start-1]) {
		start--
	}
	return s[start:end], start
}

// scaleOf returns the power of ten a scale word stands for.
func scaleOf(w string) (int, bool) {
	switch w {
	case "M":
		return 9, true
	case "T":
		return 12, true
	}
	switch strings.ToLower(w) {
	case "ribu", "rb":
		return 3, true
	case "juta", "jt":
		return 6, true
	case "miliar", "milyar":
		return 9, true
	case "triliun", "trilyun":
		return 12, true
	}
	return 0, false
}

// isSpace also covers the zero-width space and byte-order mark that web
// pages and some exports leave around numbers.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// normalizeSpaces turns every kind of space (Excel and LibreOffice copy
// U+00A0 and U+202F as thousands separators) into one ASCII space, with runs
// collapsed, so the rest of the parser only deals with ' '.
func normalizeSpaces(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' || (c == ' ' && i > 0 && s[i-1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prevSpace := false
	for _, r := range s {
		if isSpace(r) {
			if !prevSpace {
				b.WriteByte(' ')
			}
			prevSpace = true
			continue
		}
		prevSpace = false
		b.WriteRune(r)
	}
	return b.String()
}

func trimLeft(s string) string  { return strings.TrimLeft(s, " ") }
func trimRight(s string) string { return strings.TrimRight(s, " ") }

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
