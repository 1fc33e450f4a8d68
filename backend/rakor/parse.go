package rakor

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"selaras/backend/fault"
	"selaras/backend/region"
)

// maxColumns is nama; jabatan; instansi; wilayah; peran; kehadiran.
const maxColumns = 6

var (
	// numbering matches "1.", "12)", "3 " or a bullet at the start of a line.
	numbering = regexp.MustCompile(`^(?:\d{1,4}\s*[.)]?|[-•*–])(?:\s+|$)|^\d{1,4}[.)]`)
	// degree matches an academic title written after a name: "M.Si", "S.E.", "Ph.D".
	degree = regexp.MustCompile(`^[A-Z][A-Za-z]{0,3}\.(?:\s?[A-Za-z]{1,4}\.?)*$`)
)

// degreesNoDot are titles often written without dots ("Budi, SE, MM").
var degreesNoDot = map[string]bool{
	"SE": true, "SH": true, "ST": true, "SP": true, "SPd": true, "SSos": true, "SKom": true, "SIP": true, "SAP": true,
	"MM": true, "MT": true, "MH": true, "MSi": true, "MPd": true, "MAP": true, "MKom": true, "MAk": true, "MBA": true,
	"MSc": true, "MA": true, "PhD": true, "Ak": true, "CA": true,
}

// ParseParticipants reads an attendance list pasted from a document or a
// spreadsheet: one participant a line, columns separated by tabs, or else
// semicolons, or else commas, in the order nama; jabatan; instansi; and
// optionally wilayah (code or exact name); peran; kehadiran. Blank lines,
// a header line ("No", "Nama", ...), numbering ("1.", "2)") and bullets are
// skipped. With commas, academic titles after the name ("Drs. Jasmono,
// M.Si") stay part of the name. Lines that cannot be read are reported in
// Indonesian and English with their line number; the others are returned.
func ParseParticipants(text string) ([]Participant, []LineError) {
	out := []Participant{}
	errs := []LineError{}
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	first := true
	for i, raw := range strings.Split(text, "\n") {
		line := i + 1
		cols := columns(raw)
		if len(cols) == 0 {
			continue
		}
		if first {
			first = false
			if isHeader(cols) {
				continue
			}
		}
		p, err := participantOf(cols)
		if err != nil {
			errs = append(errs, LineError{Line: line, Err: err})
			continue
		}
		out = append(out, p)
	}
	return out, errs
}

// columns splits a line into trimmed columns without numbering and
// trailing empties; a blank or number-only line has none.
func columns(raw string) []string {
	s := strings.TrimSpace(raw)
	if s == "" {
		return nil
	}
	var cols []string
	switch {
	case strings.Contains(raw, "\t"):
		cols = strings.Split(strings.Trim(raw, "\r\n"), "\t")
	case strings.Contains(s, ";"):
		cols = strings.Split(s, ";")
	default:
		cols = mergeDegrees(strings.Split(s, ","))
	}
	for i := range cols {
		cols[i] = clean(cols[i])
	}
	// A spreadsheet's "No" column, or numbering typed before the name.
	for len(cols) > 0 {
		stripped := strings.TrimSpace(numbering.ReplaceAllString(cols[0], ""))
		if stripped == cols[0] {
			break
		}
		cols[0] = stripped
		if cols[0] != "" {
			break
		}
		cols = cols[1:]
	}
	for len(cols) > 0 && cols[len(cols)-1] == "" {
		cols = cols[:len(cols)-1]
	}
	return cols
}

// mergeDegrees joins academic titles back to the name they follow.
func mergeDegrees(cols []string) []string {
	if len(cols) < 2 {
		return cols
	}
	name := []string{cols[0]}
	i := 1
	// Nobody writes more than a few titles after a name.
	for ; i < len(cols) && i <= 4; i++ {
		t := strings.TrimSpace(cols[i])
		if t == "" || len(t) > 12 || (!degree.MatchString(t) && !degreesNoDot[t]) {
			break
		}
		name = append(name, t)
	}
	return append([]string{strings.Join(name, ", ")}, cols[i:]...)
}

func isHeader(cols []string) bool {
	c := strings.ToLower(cols[0])
	if (c == "no" || c == "no." || c == "nomor") && len(cols) > 1 {
		c = strings.ToLower(cols[1])
	}
	return c == "nama" || strings.HasPrefix(c, "nama ")
}

func participantOf(cols []string) (Participant, error) {
	if len(cols) > maxColumns {
		return Participant{}, fault.Reject("participant.list", fault.ReasonPasteColumns, "count", strconv.Itoa(len(cols)))
	}
	col := func(i int) string {
		if i < len(cols) {
			return cols[i]
		}
		return ""
	}
	p := Participant{Name: col(0), Position: col(1), Institution: col(2)}
	if w := col(3); w != "" {
		code, err := regionOf(w)
		if err != nil {
			return Participant{}, err
		}
		p.Region = code
	}
	if r := col(4); r != "" {
		p.Role = Role(strings.ToLower(r))
		switch p.Role {
		case Pimpinan, Narasumber, Peserta, Notulis:
		default:
			return Participant{}, fault.ChooseAmong("participant.role", r, roleWords...)
		}
	}
	if a := col(5); a != "" {
		switch strings.ReplaceAll(strings.ToLower(a), " ", "_") {
		case "hadir":
			p.Attendance = Hadir
		case "tidak_hadir", "absen":
			p.Attendance = TidakHadir
		case "diwakili", "diwakilkan":
			p.Attendance = Diwakili
		default:
			return Participant{}, fault.ChooseAmong("participant.attendance", a, attendanceWords...)
		}
	}
	p.Normalize()
	if err := p.Validate(); err != nil {
		return Participant{}, err
	}
	return p, nil
}

// regionOf reads a region column: a Kemendagri code, or a name that names
// exactly one region ("Kota Pangkal Pinang", or "Belitung Timur" without
// "Kabupaten"; "Malang" is both a kabupaten and a kota, so it is refused).
func regionOf(s string) (string, error) {
	if r, ok := region.Default().Lookup(s); ok {
		return r.Code, nil
	}
	found := regionNames()[strings.ToLower(s)]
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", fault.New(fault.UnknownRegion, "participant.region", "code", s)
	default:
		return "", fault.Reject("participant.region", fault.ReasonRegionAmbiguous, "value", s,
			"count", strconv.Itoa(len(found)), "codes", strings.Join(found, ", "))
	}
}

// regionNames indexes every region by its lower-case name, with and without
// "Kabupaten "/"Kota " and with "Provinsi " before a province, so a pasted
// list of hundreds of lines is read without searching the catalogue per line.
var regionNames = sync.OnceValue(func() map[string][]string {
	idx := map[string][]string{}
	add := func(key, code string) {
		for _, c := range idx[key] {
			if c == code {
				return
			}
		}
		idx[key] = append(idx[key], code)
	}
	cat := region.Default()
	for _, p := range cat.Provinces() {
		name := strings.ToLower(p.Name)
		add(name, p.Code)
		add("provinsi "+name, p.Code)
	}
	for _, r := range cat.Regencies("") {
		name := strings.ToLower(r.Name)
		add(name, r.Code)
		add(strings.TrimPrefix(strings.TrimPrefix(name, "kabupaten "), "kota "), r.Code)
	}
	return idx
})
