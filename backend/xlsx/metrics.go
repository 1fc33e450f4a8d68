package xlsx

import "strings"

// Row heights are set by Selaras (no reader autofits a streamed row), so
// they follow how the printed text wraps: each word measured with the
// advance widths of Carlito, the metric twin of Calibri that LibreOffice
// prints with (and Excel lays out alike), then wrapped greedily the way a
// cell wraps, breaking a word only when it is wider than the line.

// carlito are the advance widths of ASCII 32..126 in units of 1/2048 em,
// regular and bold (read from Carlito-Regular.ttf and Carlito-Bold.ttf).
var carlito = [2][95]uint16{{
	463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791,
	1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949,
	1831, 1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356,
	1058, 1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628, 791, 628, 1020, 1020,
	596, 981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080,
	1076, 1076, 714, 801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020,
}, {
	463, 667, 898, 1020, 1038, 1493, 1443, 478, 638, 638, 1020, 1020, 528, 627, 547, 880,
	1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 565, 565, 1020, 1020, 1020, 949,
	1840, 1241, 1148, 1084, 1291, 999, 940, 1305, 1292, 546, 678, 1120, 866, 1790, 1349, 1385,
	1090, 1405, 1153, 968, 1014, 1337, 1211, 1856, 1128, 1064, 979, 665, 880, 665, 1020, 1020,
	615, 1011, 1099, 857, 1099, 1031, 648, 971, 1099, 503, 523, 983, 503, 1666, 1099, 1101,
	1099, 1099, 728, 817, 710, 1099, 969, 1526, 941, 970, 814, 704, 973, 704, 1020,
}}

// runeWidth is a character's advance in points at the given size.
func runeWidth(r rune, bold bool, size float64) float64 {
	b := 0
	if bold {
		b = 1
	}
	w := uint16(1854) // an em dash, and anything wider than ASCII is taken as wide
	switch {
	case r >= 32 && r < 127:
		w = carlito[b][r-32]
	case r == '·' || r == '’' || r == '‘':
		w = 548
	case r == '“' || r == '”':
		w = 891
	case r == '–':
		w = 1020
	case r >= 0xC0 && r < 0x250: // accented Latin: as wide as its base letter, about
		w = 1100
	}
	return float64(w) * size / 2048
}

// cellPadding is the room a cell keeps between its borders and its text,
// both sides together, in points.
const cellPadding = 4

// textLines is how many lines text takes in a column of the given width
// (in characters) at size points, wrapped at spaces as a cell wraps it.
func textLines(text string, width float64, bold bool, size float64) int {
	room := colPoints(width) - cellPadding
	if room <= 0 {
		return strings.Count(text, "\n") + 1
	}
	space := runeWidth(' ', bold, size)
	lines := 0
	// Paragraphs and their words are walked in place (no Split or Fields:
	// every text cell of a national export is measured).
	for para := range strings.SplitSeq(text, "\n") {
		lines++
		used := 0.0
		for word := range strings.FieldsSeq(para) {
			w := 0.0
			for _, r := range word {
				w += runeWidth(r, bold, size)
			}
			switch {
			case used == 0 && w <= room:
				used = w
			case used > 0 && used+space+w <= room:
				used += space + w
			default:
				if used > 0 {
					lines++
				}
				// A word wider than the line is broken inside it.
				for w > room {
					lines++
					w -= room
				}
				used = w
			}
		}
	}
	return lines
}
