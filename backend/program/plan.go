package program

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"selaras/backend/agreement"
	"selaras/backend/fault"
	"selaras/backend/number"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/versioned"
)

// SumberDana is where the money of a plan line comes from.
type SumberDana string

const (
	APBDProvinsi SumberDana = "apbd_provinsi"
	APBDKabKota  SumberDana = "apbd_kabkota"
	APBNDekon    SumberDana = "apbn_dekon" // APBN, dana dekonsentrasi
	DAK          SumberDana = "dak"        // Dana Alokasi Khusus
	Lainnya      SumberDana = "lainnya"
)

// AllSumberDana lists the sources in display order.
var AllSumberDana = []SumberDana{APBDProvinsi, APBDKabKota, APBNDekon, DAK, Lainnya}

// Label is the name used in forms and exports.
func (d SumberDana) Label() string {
	switch d {
	case APBDProvinsi:
		return "APBD Provinsi"
	case APBDKabKota:
		return "APBD Kabupaten/Kota"
	case APBNDekon:
		return "APBN (Dekonsentrasi)"
	case DAK:
		return "DAK"
	case Lainnya:
		return "Lainnya"
	}
	return string(d)
}

// Status is where a plan line stands in the rakor.
type Status string

const (
	Usulan          Status = "usulan"
	Disepakati      Status = "disepakati"
	BelumDisepakati Status = "belum_disepakati" // needs a reason
)

// AllStatus lists the statuses in display order.
var AllStatus = []Status{Usulan, Disepakati, BelumDisepakati}

// Label is the name used in forms and exports.
func (s Status) Label() string {
	switch s {
	case Usulan:
		return "Usulan"
	case Disepakati:
		return "Disepakati"
	case BelumDisepakati:
		return "Belum disepakati"
	}
	return string(s)
}

// Flag marks a plan line the rakor should look at.
type Flag string

const (
	NoTarget    Flag = "no_target"    // program with no target
	NoIndicator Flag = "no_indicator" // its sub-kegiatan serves no performance indicator
)

// Bounds of the values accepted.
const (
	// MaxPagu is Rp100 triliun, far above any pagu of one line and well below
	// 2^53, so Rupiah stay exact in JavaScript and in float64 on the way in.
	MaxPagu int64 = 100_000_000_000_000
)

const maxPaguText = "Rp100.000.000.000.000"

// PlanLine is one line of the work plan: a sub-kegiatan in a region and year.
type PlanLine struct {
	ID              int64      `json:"id"`
	SubKegiatanID   int64      `json:"subKegiatanId"`
	SubKegiatanCode string     `json:"subKegiatanCode"` // read-only
	SubKegiatanName string     `json:"subKegiatanName"` // read-only
	Level           Level      `json:"level"`           // read-only: who plans it, from the code's L digit
	Region          string     `json:"region"`          // where it lands: "19" or "19.01"
	RegionName      string     `json:"regionName"`      // read-only
	Year            int        `json:"year"`
	OutputIndicator string     `json:"outputIndicator"` // indikator keluaran
	OutputUnit      string     `json:"outputUnit"`
	Target          *float64   `json:"target"`
	Pagu            int64      `json:"pagu"` // pagu indikatif, Rupiah
	SumberDana      SumberDana `json:"sumberDana"`
	Lokasi          string     `json:"lokasi"`
	Bidang          string     `json:"bidang"` // bidang penanggung jawab
	Catatan         string     `json:"catatan"`
	TargetNext      *float64   `json:"targetNext"` // prakiraan maju, year n+1
	PaguNext        *int64     `json:"paguNext"`   // prakiraan maju, year n+1, Rupiah
	Status          Status     `json:"status"`
	StatusReason    string     `json:"statusReason"` // required when belum disepakati
	CentralID       *int64     `json:"centralId"`    // the central program or output it aligns with
	CentralCode     string     `json:"centralCode"`  // read-only: the code of CentralID
	Flags           []Flag     `json:"flags"`        // read-only
	// Version is the stored row's version: a save names the one it was based
	// on and is refused over a newer one; 0 saves over whatever is stored
	// (imports, the demo), never sent by a form.
	Version int64 `json:"version"`
}

// Normalize trims text fields and fills the default status. A reason is kept
// only while the line is not agreed.
func (l *PlanLine) Normalize() {
	l.Region = strings.TrimSpace(l.Region)
	l.OutputIndicator = strings.Join(strings.Fields(l.OutputIndicator), " ")
	l.OutputUnit = strings.TrimSpace(l.OutputUnit)
	l.Lokasi = strings.TrimSpace(l.Lokasi)
	l.Bidang = strings.Join(strings.Fields(l.Bidang), " ")
	l.Catatan = strings.TrimSpace(l.Catatan)
	l.StatusReason = strings.TrimSpace(l.StatusReason)
	l.SumberDana = SumberDana(strings.TrimSpace(string(l.SumberDana)))
	if l.Status == "" {
		l.Status = Usulan
	}
	if l.Status != BelumDisepakati {
		l.StatusReason = ""
	}
}

func badNumber(x *float64) bool {
	return x != nil && (math.IsNaN(*x) || math.IsInf(*x, 0) || *x < 0)
}

// Validate checks what needs no database, in the order of the form, naming
// the field by its key.
func (l PlanLine) Validate() error {
	if l.SubKegiatanID == 0 {
		return fault.New(fault.Required, "planLine.subKegiatanId")
	}
	if l.Region == "" {
		return fault.New(fault.Required, "planLine.region")
	}
	reg, ok := region.Default().Lookup(l.Region)
	if !ok {
		return fault.New(fault.UnknownRegion, "planLine.region", "code", l.Region)
	}
	if l.Year < profile.MinYear || l.Year > profile.MaxYear {
		return fault.New(fault.OutOfRange, "planLine.year", "min", strconv.Itoa(profile.MinYear), "max", strconv.Itoa(profile.MaxYear))
	}
	if l.OutputIndicator == "" {
		return fault.New(fault.Required, "planLine.outputIndicator")
	}
	if badNumber(l.Target) {
		return fault.Reject("planLine.target", fault.ReasonZeroOrMore)
	}
	if l.Target != nil && l.OutputUnit == "" {
		return fault.New(fault.Required, "planLine.outputUnit")
	}
	if l.Pagu < 0 || l.Pagu > MaxPagu {
		return fault.New(fault.OutOfRange, "planLine.pagu", "min", "0", "max", maxPaguText)
	}
	switch l.SumberDana {
	case "":
		return fault.New(fault.Required, "planLine.sumberDana")
	case APBDProvinsi, APBNDekon, DAK, Lainnya:
	case APBDKabKota:
		if reg.Level == region.Province {
			return fault.Reject("planLine.sumberDana", fault.ReasonFundRegencyOnly)
		}
	default:
		return fault.Reject("planLine.sumberDana", fault.ReasonChooseFund)
	}
	if badNumber(l.TargetNext) {
		return fault.Reject("planLine.targetNext", fault.ReasonZeroOrMore)
	}
	if l.PaguNext != nil && (*l.PaguNext < 0 || *l.PaguNext > MaxPagu) {
		return fault.New(fault.OutOfRange, "planLine.paguNext", "min", "0", "max", maxPaguText)
	}
	switch l.Status {
	case Usulan, Disepakati:
	case BelumDisepakati:
		if l.StatusReason == "" {
			return fault.New(fault.Required, "planLine.statusReason")
		}
	default:
		return fault.Reject("planLine.status", fault.ReasonChooseLineStatus)
	}
	return nil
}

// check validates against the database: the sub-kegiatan exists and may be
// planned in the region, and the central link exists. It returns what the
// saved line shows of them, so no read back is needed.
func (l PlanLine) check(ctx context.Context, q querier) (refs, error) {
	sub, err := getItem(ctx, q, l.SubKegiatanID)
	if fault.Is(err, fault.NotFound) {
		return refs{}, fault.Wrap(ErrNotFound, fault.NotFound, "planLine.subKegiatanId")
	}
	if err != nil {
		return refs{}, err
	}
	if sub.Kind != KindSubKegiatan {
		return refs{}, fault.Reject("planLine.subKegiatanId", fault.ReasonNotSubKegiatan, "code", sub.Code, "kind", string(sub.Kind))
	}
	reg, _ := region.Default().Lookup(l.Region)
	if sub.Level == LevelRegency && reg.Level == region.Province {
		return refs{}, fault.Reject("planLine.region", fault.ReasonRegencyOnly, "code", sub.Code, "region", reg.Name)
	}
	central, err := checkCentral(ctx, q, "planLine.centralId", l.CentralID)
	if err != nil {
		return refs{}, err
	}
	r := refs{subs: map[int64]subInfo{sub.ID: {code: sub.Code, name: sub.Name, served: len(sub.IndicatorIDs) > 0, level: levelOfCode(sub.Code)}}}
	if l.CentralID != nil {
		r.central = map[int64]string{*l.CentralID: central}
	}
	return r, nil
}

// SavePlanLine is the one door for writing a plan line: it normalizes,
// validates, checks l against the database and inserts it (ID 0) or updates
// it, inside w (the store, or the import's transaction through store.InTx).
// An update based on an older Version than the stored one is refused with a
// fault.EditConflict carrying the stored line; the saved line comes back
// with its new Version.
func SavePlanLine(ctx context.Context, w store.Writer, l PlanLine) (PlanLine, error) {
	return store.Save(ctx, w, l, func(tx *sql.Tx, l *PlanLine) error {
		r, err := l.check(ctx, tx)
		if err != nil {
			return err
		}
		if err := checkAgreed(ctx, tx, l.ID, l.Region, l.Year); err != nil {
			return err
		}
		if l.ID, l.Version, err = putPlanLine(ctx, tx, *l); err != nil {
			return err
		}
		l.describe(r)
		return nil
	})
}

// putPlanLine writes a checked plan line inside tx and returns its id and
// new version.
func putPlanLine(ctx context.Context, tx *sql.Tx, l PlanLine) (int64, int64, error) {
	args := []any{l.SubKegiatanID, l.Region, l.Year, l.OutputIndicator, l.OutputUnit, l.Target, l.Pagu,
		l.SumberDana, l.Lokasi, l.Bidang, l.Catatan, l.TargetNext, l.PaguNext, l.Status, l.StatusReason, l.CentralID}
	if l.ID == 0 {
		id, err := store.Insert(ctx, tx, `INSERT INTO plan_line(sub_kegiatan_id, region_code, year, output_indicator,
output_unit, target, pagu, sumber_dana, lokasi, bidang, catatan, target_next, pagu_next, status, status_reason, central_id)
VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return 0, 0, fmt.Errorf("program: insert plan line: %w", err)
		}
		return id, 1, nil
	}
	old, err := scanLine(tx.QueryRowContext(ctx, "SELECT "+lineCols+" FROM plan_line WHERE id = ?", l.ID))
	if err != nil {
		return 0, 0, store.NoRow(err, fault.Wrap(ErrNotFound, fault.NotFound, "planLine.id"), "program: save plan line")
	}
	base := l.Version
	if base == 0 { // a batch writer (an import): over whatever is stored
		base = old.Version
	}
	if base == old.Version && sameLine(old, l) { // nothing to write: no new version, no history
		return l.ID, base, nil
	}
	// The version guard is in the statement, so two writers that read the
	// same version cannot both pass on PostgreSQL either.
	res, err := tx.ExecContext(ctx, `UPDATE plan_line SET sub_kegiatan_id = ?, region_code = ?, year = ?, output_indicator = ?,
output_unit = ?, target = ?, pagu = ?, sumber_dana = ?, lokasi = ?, bidang = ?, catatan = ?, target_next = ?, pagu_next = ?,
status = ?, status_reason = ?, central_id = ?, version = version + 1 WHERE id = ? AND version = ?`, append(args, l.ID, base)...)
	if err != nil {
		return 0, 0, fmt.Errorf("program: update plan line: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return 0, 0, fmt.Errorf("program: update plan line: %w", err)
	} else if n == 0 {
		theirs, err := getPlanLine(ctx, tx, l.ID) // NotFound when it was deleted
		if err != nil {
			return 0, 0, err
		}
		return 0, 0, versioned.Conflict(ctx, tx, "plan_line", strconv.FormatInt(l.ID, 10), "planLine.id", theirs.Version, theirs)
	}
	return l.ID, base + 1, nil
}

// sameLine reports whether writing l over the stored a changes nothing.
func sameLine(a, l PlanLine) bool {
	eqF := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	eqI := func(x, y *int64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.SubKegiatanID == l.SubKegiatanID && a.Region == l.Region && a.Year == l.Year &&
		a.OutputIndicator == l.OutputIndicator && a.OutputUnit == l.OutputUnit && eqF(a.Target, l.Target) &&
		a.Pagu == l.Pagu && a.SumberDana == l.SumberDana && a.Lokasi == l.Lokasi && a.Bidang == l.Bidang &&
		a.Catatan == l.Catatan && eqF(a.TargetNext, l.TargetNext) && eqI(a.PaguNext, l.PaguNext) &&
		a.Status == l.Status && a.StatusReason == l.StatusReason && eqI(a.CentralID, l.CentralID)
}

// DeletePlanLine removes one plan line.
func DeletePlanLine(ctx context.Context, w store.Writer, id int64) error {
	return w.Tx(ctx, func(tx *sql.Tx) error {
		if err := checkAgreed(ctx, tx, id, "", 0); err != nil {
			return err
		}
		return store.DeleteRow(ctx, tx, "plan_line", id, fault.Wrap(ErrNotFound, fault.NotFound, "planLine.id"))
	})
}

// checkAgreed refuses a change to a plan line of an agreed regency and year:
// the stored line's (id, when it exists) and the one written (region "":
// a delete).
func checkAgreed(ctx context.Context, tx *sql.Tx, id int64, code string, year int) error {
	if id != 0 {
		var oldRegion string
		var oldYear int
		err := tx.QueryRowContext(ctx, "SELECT region_code, year FROM plan_line WHERE id = ?", id).Scan(&oldRegion, &oldYear)
		if err == nil {
			if err := agreement.Check(ctx, tx, oldRegion, oldYear); err != nil {
				return err
			}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("program: plan line: %w", err)
		}
	}
	if code == "" {
		return nil
	}
	return agreement.Check(ctx, tx, code, year)
}

// History lists the recorded changes of one plan line, newest first.
func History(ctx context.Context, s *store.Store, id int64) ([]store.AuditEntry, error) {
	return s.Audit(ctx, store.AuditQuery{Table: "plan_line", RowKey: strconv.FormatInt(id, 10)})
}

// PlanLineInput is a plan line as typed in a form: numbers are text and are
// read as Indonesians write them ("1.500.000", "Rp 1,5 miliar", "17,65%").
type PlanLineInput struct {
	ID              int64      `json:"id"`
	SubKegiatanID   int64      `json:"subKegiatanId"`
	Region          string     `json:"region"`
	Year            int        `json:"year"`
	OutputIndicator string     `json:"outputIndicator"`
	OutputUnit      string     `json:"outputUnit"`
	Target          string     `json:"target"`
	Pagu            string     `json:"pagu"` // empty means 0
	SumberDana      SumberDana `json:"sumberDana"`
	Lokasi          string     `json:"lokasi"`
	Bidang          string     `json:"bidang"`
	Catatan         string     `json:"catatan"`
	TargetNext      string     `json:"targetNext"`
	PaguNext        string     `json:"paguNext"`
	Status          Status     `json:"status"`
	StatusReason    string     `json:"statusReason"`
	CentralID       *int64     `json:"centralId"`
	Version         int64      `json:"version"` // the version the form was based on
}

// Parse reads the typed numbers into a PlanLine. It reports the first field
// that is not a number, naming it by its key.
func (in PlanLineInput) Parse() (PlanLine, error) {
	l := PlanLine{ID: in.ID, SubKegiatanID: in.SubKegiatanID, Region: in.Region, Year: in.Year,
		OutputIndicator: in.OutputIndicator, OutputUnit: in.OutputUnit, SumberDana: in.SumberDana, Lokasi: in.Lokasi,
		Bidang: in.Bidang, Catatan: in.Catatan, Status: in.Status, StatusReason: in.StatusReason, CentralID: in.CentralID,
		Version: in.Version}
	var err error
	var pct bool
	if l.Target, pct, err = parseQuantity("planLine.target", in.Target); err != nil {
		return PlanLine{}, err
	}
	if pct && strings.TrimSpace(l.OutputUnit) == "" {
		l.OutputUnit = "%"
	}
	pagu, err := parseRupiah("planLine.pagu", in.Pagu)
	if err != nil {
		return PlanLine{}, err
	}
	if pagu != nil {
		l.Pagu = *pagu
	}
	if l.TargetNext, _, err = parseQuantity("planLine.targetNext", in.TargetNext); err != nil {
		return PlanLine{}, err
	}
	if l.PaguNext, err = parseRupiah("planLine.paguNext", in.PaguNext); err != nil {
		return PlanLine{}, err
	}
	return l, nil
}

// notNumber refuses a field whose text the number parser could not read,
// with the parser's reason in both languages.
func notNumber(field string, err error) error {
	return fault.Reject(field, fault.ReasonNotNumber).WithNumber("detail", err)
}

// parseQuantity reads an optional target; empty text is no value.
func parseQuantity(field, text string) (*float64, bool, error) {
	n, err := number.Parse(text)
	if errors.Is(err, number.ErrEmpty) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, notNumber(field, err)
	}
	x := n.Value
	return &x, n.Percent, nil
}

// parseRupiah reads an optional amount in whole Rupiah; empty text is no value.
func parseRupiah(field, text string) (*int64, error) {
	n, err := number.Parse(text)
	if errors.Is(err, number.ErrEmpty) {
		return nil, nil
	}
	if err != nil {
		return nil, notNumber(field, err)
	}
	switch {
	case n.Percent:
		return nil, fault.Reject(field, fault.ReasonPaguPercent)
	case n.Value < 0 || n.Value > float64(MaxPagu):
		return nil, fault.New(fault.OutOfRange, field, "min", "0", "max", maxPaguText)
	case n.Value != math.Trunc(n.Value):
		return nil, fault.Reject(field, fault.ReasonPaguCents)
	}
	// Exact: every whole number up to MaxPagu is representable in float64.
	v := int64(n.Value)
	return &v, nil
}

// Filter selects plan lines; zero fields match everything.
type Filter struct {
	Year       int        `json:"year"`
	Province   string     `json:"province"` // the province and its regencies
	Region     string     `json:"region"`   // exactly this region
	Bidang     string     `json:"bidang"`   // case-insensitive
	Status     Status     `json:"status"`
	SumberDana SumberDana `json:"sumberDana"`
	// IncludeEmpty makes Tree show nomenclature without lines as well.
	IncludeEmpty bool `json:"includeEmpty"`
}

const lineCols = `id, sub_kegiatan_id, region_code, year, output_indicator, output_unit, target, pagu, sumber_dana,
lokasi, bidang, catatan, target_next, pagu_next, status, status_reason, central_id, version`

// subInfo is what a plan line shows of its sub-kegiatan.
type subInfo struct {
	code, name string
	served     bool  // linked to at least one indicator
	rank       int32 // the code's place in code order
	level      Level // levelOfCode(code)
}

// refs are the names a plan line shows of what it points to.
type refs struct {
	subs    map[int64]subInfo
	central map[int64]string // central item codes
}

// loadRefs reads the code, name and links of every sub-kegiatan and the
// codes of the central items: a few hundred rows, joined to the lines in Go
// so that reading 20,000 lines is one plain scan of plan_line.
func loadRefs(ctx context.Context, q querier) (refs, error) {
	r := refs{subs: map[int64]subInfo{}, central: map[int64]string{}}
	// Both in one query (one round trip to a server): the sub-kegiatan
	// (central = 0) and the central items' codes (central = 1).
	rows, err := q.QueryContext(ctx, `SELECT 0 AS central, n.id, n.code, n.name,
CASE WHEN EXISTS (SELECT 1 FROM sub_kegiatan_indicator si WHERE si.sub_kegiatan_id = n.id) THEN 1 ELSE 0 END
FROM nomenclature n WHERE n.kind = 'sub_kegiatan'
UNION ALL
SELECT 1, id, code, '', 0 FROM central_item`)
	if err != nil {
		return r, fmt.Errorf("program: sub-kegiatan: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var central int
		var id int64
		var si subInfo
		if err := rows.Scan(&central, &id, &si.code, &si.name, &si.served); err != nil {
			return r, fmt.Errorf("program: sub-kegiatan: %w", err)
		}
		if central == 1 {
			r.central[id] = si.code
			continue
		}
		r.subs[id] = si
	}
	if err := rows.Err(); err != nil {
		return r, fmt.Errorf("program: sub-kegiatan: %w", err)
	}
	// Rank the codes from 1: a line whose sub-kegiatan is unknown has
	// rank 0 and sorts first, as its empty code did.
	ids := make([]int64, 0, len(r.subs))
	for id := range r.subs {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int { return strings.Compare(r.subs[a].code, r.subs[b].code) })
	for i, id := range ids {
		si := r.subs[id]
		si.rank = int32(i + 1)
		si.level = levelOfCode(si.code)
		r.subs[id] = si
	}
	return r, nil
}

func scanLine(row interface{ Scan(...any) error }) (PlanLine, error) {
	var l PlanLine
	var sc lineScanner
	err := sc.scan(row, &l)
	return l, err
}

// yearColumn is how a year is named in the search for plan lines. A file
// holding few years has most of its lines in the year asked for: reading
// the table through, in its order, costs several times less than a search
// of the (year, region_code) index and a lookup of each line (a national
// year: 20,000 lookups), so there "+year" keeps SQLite off the index. A
// region narrows the search enough for the index; a server chooses for
// itself.
func yearColumn(ctx context.Context, s *store.Store, f Filter) (string, error) {
	if s.Engine() == store.Postgres || strings.TrimSpace(f.Province) != "" || strings.TrimSpace(f.Region) != "" {
		return "year", nil
	}
	var inYear, all int64
	if err := s.Read().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM plan_line WHERE year = ?),
(SELECT count(*) FROM plan_line)`, f.Year).Scan(&inYear, &all); err != nil {
		return "", fmt.Errorf("program: list plan lines: %w", err)
	}
	if inYear*4 >= all {
		return "+year", nil
	}
	return "year", nil
}

// lineScanner reads plan lines' columns as the driver gives them
// (store.Raw: no conversion through reflection into named types) and
// points the nullable numbers into shared slabs: a *float64 or *int64
// scanned per field and line is one allocation each.
type lineScanner struct {
	raw    *store.Raw
	floats []float64
	ints   []int64
}

func (sc *lineScanner) scan(row interface{ Scan(...any) error }, l *PlanLine) error {
	if sc.raw == nil {
		sc.raw = store.NewRaw(18)
	}
	r := sc.raw
	if err := r.Scan(row); err != nil {
		return err
	}
	var year int64
	var err error
	for i, to := range [...]*int64{&l.ID, &l.SubKegiatanID, &year, &l.Pagu, &l.Version} {
		if err == nil {
			*to, err = r.Int([...]int{0, 1, 3, 7, 17}[i])
		}
	}
	l.Year = int(year)
	var sumber, status string
	for i, to := range [...]*string{&l.Region, &l.OutputIndicator, &l.OutputUnit, &sumber, &l.Lokasi, &l.Bidang,
		&l.Catatan, &status, &l.StatusReason} {
		if err == nil {
			*to, err = r.Text([...]int{2, 4, 5, 8, 9, 10, 11, 14, 15}[i])
		}
	}
	l.SumberDana, l.Status = SumberDana(sumber), Status(status)
	if err == nil {
		l.Target, err = sc.float(6)
	}
	if err == nil {
		l.TargetNext, err = sc.float(12)
	}
	if err == nil {
		l.PaguNext, err = sc.int(13)
	}
	if err == nil {
		l.CentralID, err = sc.int(16)
	}
	return err
}

func (sc *lineScanner) float(col int) (*float64, error) {
	f, ok, err := sc.raw.Float(col)
	if !ok || err != nil {
		return nil, err
	}
	return pointTo(&sc.floats, f), nil
}

func (sc *lineScanner) int(col int) (*int64, error) {
	if sc.raw.Null(col) {
		return nil, nil
	}
	n, err := sc.raw.Int(col)
	if err != nil {
		return nil, err
	}
	return pointTo(&sc.ints, n), nil
}

// pointTo keeps v in the slab and points to it, starting a new slab of 512
// when the last is full so the pointers handed out stay valid.
func pointTo[T any](slab *[]T, v T) *T {
	if len(*slab) == cap(*slab) {
		*slab = make([]T, 0, 512)
	}
	*slab = append(*slab, v)
	return &(*slab)[len(*slab)-1]
}

// The flags a line can have, shared by the lines that have them (full
// slices: an append copies rather than writing into another line's).
var (
	flagsNone     = []Flag{}
	flagsNoTarget = []Flag{NoTarget}
	flagsNoIndic  = []Flag{NoIndicator}
	flagsNoBoth   = []Flag{NoTarget, NoIndicator}
)

// describe fills the read-only fields and flags of a scanned line.
func (l *PlanLine) describe(r refs) {
	si := r.subs[l.SubKegiatanID]
	if l.CentralID != nil {
		l.CentralCode = r.central[*l.CentralID]
	}
	l.SubKegiatanCode, l.SubKegiatanName = si.code, si.name
	l.Level = si.level
	if r, ok := region.Default().Lookup(l.Region); ok {
		l.RegionName = r.Name
	}
	switch {
	case l.Target == nil && !si.served:
		l.Flags = flagsNoBoth
	case l.Target == nil:
		l.Flags = flagsNoTarget
	case !si.served:
		l.Flags = flagsNoIndic
	default:
		l.Flags = flagsNone
	}
}

// ListPlanLines returns the lines matching f in sub-kegiatan code, region,
// id order.
func ListPlanLines(ctx context.Context, s *store.Store, f Filter) ([]PlanLine, error) {
	return listLines(ctx, s, f)
}

func listLines(ctx context.Context, s *store.Store, f Filter) ([]PlanLine, error) {
	q := s.Read()
	var w store.Where
	if f.Year != 0 {
		year, err := yearColumn(ctx, s, f)
		if err != nil {
			return nil, err
		}
		w.Add(year+" = ?", f.Year)
	}
	if p := strings.TrimSpace(f.Province); p != "" {
		w.AddRegion("region_code", p) // a range, so the (year, region_code) index is used
	}
	if r := strings.TrimSpace(f.Region); r != "" {
		w.Add("region_code = ?", r)
	}
	if b := strings.Join(strings.Fields(f.Bidang), " "); b != "" {
		w.Add("lower(bidang) = ?", store.Lower(b))
	}
	if f.Status != "" {
		w.Add("status = ?", f.Status)
	}
	if f.SumberDana != "" {
		w.Add("sumber_dana = ?", f.SumberDana)
	}
	from := " FROM plan_line" + w.Clause()
	args := w.Args()
	refs, err := loadRefs(ctx, q)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, "SELECT "+lineCols+from, args...)
	if err != nil {
		return nil, fmt.Errorf("program: list plan lines: %w", err)
	}
	defer rows.Close()
	// The lines are read into fixed chunks and copied once, in order, at the
	// end: a PlanLine is large, and neither regrowing one slice of 20,000 of
	// them nor counting them first is free.
	const chunk = 1024
	var chunks [][]PlanLine
	var sc lineScanner
	n := 0
	for rows.Next() {
		if n%chunk == 0 {
			chunks = append(chunks, make([]PlanLine, 0, chunk))
		}
		c := &chunks[len(chunks)-1]
		*c = append(*c, PlanLine{})
		l := &(*c)[len(*c)-1]
		if err := sc.scan(rows, l); err != nil {
			return nil, fmt.Errorf("program: list plan lines: %w", err)
		}
		l.describe(refs)
		n++
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("program: list plan lines: %w", err)
	}
	at := func(i int32) *PlanLine { return &chunks[i/chunk][i%chunk] }
	// Sort a permutation rather than the lines themselves: swapping large
	// structs costs more than one final copy. Sub-kegiatan compare by their
	// code's rank, an integer, rather than by the code each time.
	type key struct{ rank, i int32 }
	perm := make([]key, n)
	for i := range perm {
		perm[i] = key{refs.subs[at(int32(i)).SubKegiatanID].rank, int32(i)}
	}
	slices.SortFunc(perm, func(a, b key) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		x, y := at(a.i), at(b.i)
		if c := strings.Compare(x.Region, y.Region); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	sorted := make([]PlanLine, n)
	for i, p := range perm {
		sorted[i] = *at(p.i)
	}
	return sorted, nil
}

// GetPlanLine returns one plan line.
func GetPlanLine(ctx context.Context, s *store.Store, id int64) (PlanLine, error) {
	return getPlanLine(ctx, s.Read(), id)
}

func getPlanLine(ctx context.Context, q querier, id int64) (PlanLine, error) {
	l, err := scanLine(q.QueryRowContext(ctx, "SELECT "+lineCols+" FROM plan_line WHERE id = ?", id))
	if err != nil {
		return PlanLine{}, store.NoRow(err, fault.Wrap(ErrNotFound, fault.NotFound, "planLine.id"), "program: get plan line")
	}
	refs, err := loadRefs(ctx, q)
	if err != nil {
		return PlanLine{}, err
	}
	l.describe(refs)
	return l, nil
}

// ListBidang returns the bidang named in plan lines, for the filter.
func ListBidang(ctx context.Context, s *store.Store) ([]string, error) {
	out, err := store.QueryAll(ctx, s.Read(), func(row store.Row) (string, error) {
		var b string
		err := row.Scan(&b)
		return b, err
	}, "SELECT bidang FROM plan_line WHERE bidang <> '' GROUP BY bidang ORDER BY lower(bidang), bidang")
	if err != nil {
		return nil, fmt.Errorf("program: list bidang: %w", err)
	}
	return out, nil
}
