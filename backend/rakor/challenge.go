package rakor

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"selaras/backend/fault"
	"selaras/backend/region"
	"selaras/backend/store"
)

// Codes of the built-in challenge categories (the taxonomy the seeds use).
const (
	CatKoordinasi   = "koordinasi"   // koordinasi dan sinkronisasi antar K/L
	CatRegulasi     = "regulasi"     // regulasi
	CatSDM          = "sdm"          // SDM dan standar pelatihan
	CatDigitalisasi = "digitalisasi" // digitalisasi
	CatPembiayaan   = "pembiayaan"   // pembiayaan/permodalan
	CatHilirisasi   = "hilirisasi"   // hilirisasi dan rantai pasok
	CatData         = "data"         // data dan basis data
	CatDemografi    = "demografi"    // demografi dan teknologi
	CatPemasaran    = "pemasaran"    // pemasaran
	CatKelembagaan  = "kelembagaan"  // kelembagaan
)

// Category is a kind of challenge: built in, or added by the office.
type Category struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	NameEN    string `json:"nameEn"` // "" for custom categories
	Builtin   bool   `json:"builtin"`
	SortOrder int    `json:"sortOrder"`
}

// Severity is how serious a challenge is.
type Severity string

const (
	Rendah Severity = "rendah"
	Sedang Severity = "sedang"
	Tinggi Severity = "tinggi"
)

// ChallengeStatus is where a challenge stands.
type ChallengeStatus string

const (
	ChallengeTerbuka   ChallengeStatus = "terbuka"   // open
	ChallengeDitangani ChallengeStatus = "ditangani" // being handled
	ChallengeSelesai   ChallengeStatus = "selesai"   // resolved
)

// Challenge is one permasalahan / isu strategis.
type Challenge struct {
	ID          int64           `json:"id"`
	Category    string          `json:"category"` // a Category code
	Description string          `json:"description"`
	Region      string          `json:"region"`    // Kemendagri code; "" = none
	MeetingID   int64           `json:"meetingId"` // where it was raised; 0 = none
	Severity    Severity        `json:"severity"`
	Solution    string          `json:"solution"` // proposed solution
	Status      ChallengeStatus `json:"status"`
	RaisedBy    string          `json:"raisedBy"`
	Note        string          `json:"note"`
	DecisionIDs []int64         `json:"decisionIds"`
	// Version is the stored row's version: an edit names the one it was
	// based on and is refused over a newer one; 0 writes over whatever is
	// stored (the demo), never sent by a form.
	Version int64 `json:"version"`
}

// Normalize trims text and fills the default severity and status.
func (c *Challenge) Normalize() {
	c.Category = strings.TrimSpace(c.Category)
	c.Description = strings.TrimSpace(c.Description)
	c.Region = strings.TrimSpace(c.Region)
	if c.Severity == "" {
		c.Severity = Sedang
	}
	c.Solution = strings.TrimSpace(c.Solution)
	if c.Status == "" {
		c.Status = ChallengeTerbuka
	}
	c.RaisedBy = clean(c.RaisedBy)
	c.Note = strings.TrimSpace(c.Note)
	c.DecisionIDs = uniqueIDs(c.DecisionIDs)
}

// Validate returns the first problem, naming the field in Indonesian. That
// the category, meeting and decisions exist is checked by SaveChallenge.
func (c Challenge) Validate() error {
	if c.Category == "" {
		return fault.New(fault.Required, "challenge.category")
	}
	if c.Description == "" {
		return fault.New(fault.Required, "challenge.description")
	}
	if c.Region != "" {
		if _, ok := region.Default().Lookup(c.Region); !ok {
			return fault.New(fault.UnknownRegion, "challenge.region", "code", c.Region)
		}
	}
	switch c.Severity {
	case Rendah, Sedang, Tinggi:
	default:
		return fault.Choose("challenge.severity", "rendah", "sedang", "tinggi")
	}
	switch c.Status {
	case ChallengeTerbuka, ChallengeDitangani, ChallengeSelesai:
	default:
		return fault.Choose("challenge.status", "terbuka", "ditangani", "selesai")
	}
	return nil
}

// Categories lists the challenge categories: built-in ones first, in taxonomy order.
func Categories(ctx context.Context, s *store.Store) ([]Category, error) {
	return categories(ctx, s.Read())
}

func categories(ctx context.Context, q querier) ([]Category, error) {
	out, err := store.QueryAll(ctx, q, func(row store.Row) (Category, error) {
		var c Category
		err := row.Scan(&c.Code, &c.Name, &c.NameEN, &c.Builtin, &c.SortOrder)
		return c, err
	}, `SELECT code, name, name_en, builtin, sort_order FROM challenge_category
ORDER BY builtin DESC, sort_order, lower(name), name`)
	if err != nil {
		return nil, fmt.Errorf("rakor: categories: %w", err)
	}
	return out, nil
}

// AddCategory is the one way a category is written: it adds a custom
// category and returns it with its code, made from the name ("Perizinan
// usaha" -> "perizinan-usaha"), refusing a name already used in any case.
func AddCategory(ctx context.Context, w store.Writer, name string) (Category, error) {
	var c Category
	err := w.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = putCategory(ctx, tx, name)
		return err
	})
	return c, err
}

func putCategory(ctx context.Context, tx *sql.Tx, name string) (Category, error) {
	name = clean(name)
	if name == "" {
		return Category{}, fault.New(fault.Required, "category.name")
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM challenge_category WHERE lower(name) = ?", store.Lower(name)).Scan(&n); err != nil {
		return Category{}, fmt.Errorf("rakor: add category: %w", err)
	}
	if n > 0 {
		return Category{}, fault.Reject("category.name", fault.ReasonTaken, "value", name)
	}
	base := slug(name)
	code := base
	for i := 2; ; i++ {
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM challenge_category WHERE code = ?", code).Scan(&n); err != nil {
			return Category{}, fmt.Errorf("rakor: add category: %w", err)
		}
		if n == 0 {
			break
		}
		code = base + "-" + strconv.Itoa(i)
	}
	c := Category{Code: code, Name: name}
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(max(sort_order), 0) + 10 FROM challenge_category").Scan(&c.SortOrder); err != nil {
		return Category{}, fmt.Errorf("rakor: add category: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO challenge_category(code, name, builtin, sort_order) VALUES(?, ?, 0, ?)",
		c.Code, c.Name, c.SortOrder); err != nil {
		return Category{}, fmt.Errorf("rakor: add category: %w", err)
	}
	return c, nil
}

func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if s == "" {
		s = "kategori"
	}
	return s
}

const challengeCols = `c.id, c.category, c.description, c.region_code, COALESCE(c.meeting_id, 0), c.severity, c.solution,
c.status, c.raised_by, c.note, c.version`

func scanChallenge(row interface{ Scan(...any) error }) (Challenge, error) {
	var c Challenge
	err := row.Scan(&c.ID, &c.Category, &c.Description, &c.Region, &c.MeetingID, &c.Severity, &c.Solution, &c.Status,
		&c.RaisedBy, &c.Note, &c.Version)
	c.DecisionIDs = []int64{}
	return c, err
}

// ChallengeFilter selects challenges; zero fields match everything.
type ChallengeFilter struct {
	MeetingID int64           `json:"meetingId"`
	Category  string          `json:"category"`
	Region    string          `json:"region"` // this region and, for a province, its regencies
	Severity  Severity        `json:"severity"`
	Status    ChallengeStatus `json:"status"`
	Search    string          `json:"search"` // in description, solution, raised by and note
}

func (f ChallengeFilter) where() (string, []any) {
	var w store.Where
	if f.MeetingID != 0 {
		w.Add("c.meeting_id = ?", f.MeetingID)
	}
	if f.Category != "" {
		w.Add("c.category = ?", f.Category)
	}
	if r := strings.TrimSpace(f.Region); r != "" {
		w.AddRegion("c.region_code", r)
	}
	if f.Severity != "" {
		w.Add("c.severity = ?", f.Severity)
	}
	if f.Status != "" {
		w.Add("c.status = ?", f.Status)
	}
	if t := strings.TrimSpace(f.Search); t != "" {
		p := likePattern(t)
		w.Add(`(lower(c.description) LIKE ? ESCAPE '\' OR lower(c.solution) LIKE ? ESCAPE '\'
  OR lower(c.raised_by) LIKE ? ESCAPE '\' OR lower(c.note) LIKE ? ESCAPE '\')`, p, p, p, p)
	}
	return w.And(), w.Args()
}

// Challenges lists the challenges matching f: by meeting date (those without
// a meeting last), then category order.
func Challenges(ctx context.Context, s *store.Store, f ChallengeFilter) ([]Challenge, error) {
	where, args := f.where()
	out, err := store.QueryAll(ctx, s.Read(), scanChallenge, "SELECT "+challengeCols+`
FROM challenge c LEFT JOIN meeting m ON m.id = c.meeting_id JOIN challenge_category k ON k.code = c.category
WHERE `+where+`
ORDER BY m.start_date IS NULL, m.start_date, m.id, k.builtin DESC, k.sort_order, c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("rakor: challenges: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	if err := store.Links(ctx, s.Read(), out, func(c *Challenge) (int64, *[]int64) { return c.ID, &c.DecisionIDs }, `SELECT dc.challenge_id, dc.decision_id FROM decision_challenge dc
JOIN challenge c ON c.id = dc.challenge_id LEFT JOIN meeting m ON m.id = c.meeting_id
WHERE `+where+` ORDER BY dc.decision_id`, args...); err != nil {
		return nil, fmt.Errorf("rakor: challenge decisions: %w", err)
	}
	return out, nil
}

// GetChallenge returns one challenge with its linked decisions.
func GetChallenge(ctx context.Context, s *store.Store, id int64) (Challenge, error) {
	return getChallenge(ctx, s.Read(), id)
}

func getChallenge(ctx context.Context, q querier, id int64) (Challenge, error) {
	c, err := scanChallenge(q.QueryRowContext(ctx, "SELECT "+challengeCols+" FROM challenge c WHERE c.id = ?", id))
	if err != nil {
		return Challenge{}, store.NoRow(err, notFound("challenge.id"), "rakor: get challenge")
	}
	rows, err := q.QueryContext(ctx, "SELECT decision_id FROM decision_challenge WHERE challenge_id = ? ORDER BY decision_id", id)
	if err != nil {
		return Challenge{}, fmt.Errorf("rakor: get challenge: %w", err)
	}
	if c.DecisionIDs, err = scanIDs(rows); err != nil {
		return Challenge{}, fmt.Errorf("rakor: get challenge: %w", err)
	}
	return c, nil
}

// SaveChallenge is the one way a challenge is written: it normalizes,
// validates, checks its category, meeting and decisions exist, and inserts
// (ID 0) or updates it with its linked decisions.
func SaveChallenge(ctx context.Context, w store.Writer, c Challenge) (Challenge, error) {
	return save(ctx, w, c, putChallenge, getChallenge)
}

// putChallenge writes an already validated challenge inside tx and returns
// its id, checking that its category, meeting and decisions exist.
func putChallenge(ctx context.Context, tx *sql.Tx, c Challenge) (int64, error) {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM challenge_category WHERE code = ?", c.Category).Scan(&n); err != nil {
		return 0, fmt.Errorf("rakor: save challenge: %w", err)
	}
	if n == 0 {
		return 0, fault.Reject("challenge.category", fault.ReasonNoCategory, "value", c.Category)
	}
	var meeting any
	if c.MeetingID != 0 {
		if err := meetingExists(ctx, tx, c.MeetingID); err != nil {
			return 0, err
		}
		meeting = c.MeetingID
	}
	if err := decisionsExist(ctx, tx, "challenge.decisionIds", c.DecisionIDs); err != nil {
		return 0, err
	}
	args := []any{c.Category, c.Description, c.Region, meeting, c.Severity, c.Solution, c.Status, c.RaisedBy, c.Note}
	if c.ID == 0 {
		newID, err := store.Insert(ctx, tx, `INSERT INTO challenge(category, description, region_code, meeting_id, severity,
solution, status, raised_by, note) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return 0, fmt.Errorf("rakor: insert challenge: %w", err)
		}
		c.ID = newID
	} else {
		err := guardedUpdate(ctx, tx, "challenge", "challenge.id", c.ID, c.Version, `UPDATE challenge SET category = ?,
description = ?, region_code = ?, meeting_id = ?, severity = ?, solution = ?, status = ?, raised_by = ?, note = ?,
version = version + 1 WHERE id = ? AND version = ?`, args, getChallenge,
			func(x Challenge) int64 { return x.Version }, func(old Challenge) bool {
				return old.Category == c.Category && old.Description == c.Description && old.Region == c.Region &&
					old.MeetingID == c.MeetingID && old.Severity == c.Severity && old.Solution == c.Solution &&
					old.Status == c.Status && old.RaisedBy == c.RaisedBy && old.Note == c.Note && sameIDs(old.DecisionIDs, c.DecisionIDs)
			})
		if err != nil {
			return 0, err
		}
	}
	if err := replaceLinks(ctx, tx, "decision_challenge", "challenge_id", "decision_id", c.ID, idArgs(c.DecisionIDs)); err != nil {
		return 0, err
	}
	return c.ID, nil
}

// DeleteChallenge removes a challenge and its links to decisions.
func DeleteChallenge(ctx context.Context, w store.Writer, id int64) error {
	return deleteRow(ctx, w, "challenge", "challenge.id", id)
}

// CategoryCount is the number of challenges in one category.
type CategoryCount struct {
	Category string `json:"category"`
	Name     string `json:"name"`
	Count    int    `json:"count"`
	Open     int    `json:"open"` // terbuka or ditangani
}

// RegionCount is the number of challenges in one region.
type RegionCount struct {
	Region string `json:"region"` // "" = no region
	Name   string `json:"name"`
	Count  int    `json:"count"`
}

// MeetingCount is the number of challenges raised in one meeting, per category.
type MeetingCount struct {
	MeetingID  int64          `json:"meetingId"`
	Title      string         `json:"title"`
	StartDate  string         `json:"startDate"`
	Count      int            `json:"count"`
	ByCategory map[string]int `json:"byCategory"` // category code -> count
}

// Overview summarises challenges for charts.
type Overview struct {
	Total      int             `json:"total"`
	ByCategory []CategoryCount `json:"byCategory"` // every category, taxonomy order, zeros included
	ByRegion   []RegionCount   `json:"byRegion"`   // most first
	ByMeeting  []MeetingCount  `json:"byMeeting"`  // meetings with challenges, in date order (for a trend)
}

// ChallengeOverview counts the challenges matching f per category, per
// region and per meeting.
func ChallengeOverview(ctx context.Context, s *store.Store, f ChallengeFilter) (Overview, error) {
	cats, err := categories(ctx, s.Read())
	if err != nil {
		return Overview{}, err
	}
	where, args := f.where()
	rows, err := s.Read().QueryContext(ctx, `SELECT c.category, c.region_code, c.status, COALESCE(m.id, 0),
COALESCE(m.title, ''), COALESCE(m.start_date, '')
FROM challenge c LEFT JOIN meeting m ON m.id = c.meeting_id
WHERE `+where+` ORDER BY m.start_date, m.id`, args...)
	if err != nil {
		return Overview{}, fmt.Errorf("rakor: overview: %w", err)
	}
	defer rows.Close()
	ov := Overview{ByCategory: make([]CategoryCount, len(cats)), ByRegion: []RegionCount{}, ByMeeting: []MeetingCount{}}
	catIdx := map[string]int{}
	for i, c := range cats {
		ov.ByCategory[i] = CategoryCount{Category: c.Code, Name: c.Name}
		catIdx[c.Code] = i
	}
	regIdx := map[string]int{}
	meetIdx := map[int64]int{}
	for rows.Next() {
		var cat, reg, title, date string
		var st ChallengeStatus
		var mid int64
		if err := rows.Scan(&cat, &reg, &st, &mid, &title, &date); err != nil {
			return Overview{}, fmt.Errorf("rakor: overview: %w", err)
		}
		ov.Total++
		if i, ok := catIdx[cat]; ok {
			ov.ByCategory[i].Count++
			if st != ChallengeSelesai {
				ov.ByCategory[i].Open++
			}
		}
		i, ok := regIdx[reg]
		if !ok {
			name := "Tanpa wilayah"
			if r, found := region.Default().Lookup(reg); found {
				name = r.Name
			}
			i = len(ov.ByRegion)
			regIdx[reg] = i
			ov.ByRegion = append(ov.ByRegion, RegionCount{Region: reg, Name: name})
		}
		ov.ByRegion[i].Count++
		if mid == 0 {
			continue
		}
		j, ok := meetIdx[mid]
		if !ok {
			j = len(ov.ByMeeting)
			meetIdx[mid] = j
			ov.ByMeeting = append(ov.ByMeeting, MeetingCount{MeetingID: mid, Title: title, StartDate: date, ByCategory: map[string]int{}})
		}
		ov.ByMeeting[j].Count++
		ov.ByMeeting[j].ByCategory[cat]++
	}
	if err := rows.Err(); err != nil {
		return Overview{}, fmt.Errorf("rakor: overview: %w", err)
	}
	// Most first; "no region" last among equals.
	sort.SliceStable(ov.ByRegion, func(i, j int) bool {
		a, b := ov.ByRegion[i], ov.ByRegion[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if (a.Region == "") != (b.Region == "") {
			return b.Region == ""
		}
		return a.Region < b.Region
	})
	return ov, nil
}
