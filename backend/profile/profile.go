// Package profile is the office profile of a workspace: the home province,
// the office and its head (for Excel title blocks and signatures), the
// working year and the paper size.
package profile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"selaras/backend/fault"
	"selaras/backend/region"
	"selaras/backend/store"
)

// Paper is a paper size for printing and Excel print setup.
type Paper string

const (
	A4 Paper = "A4"
	F4 Paper = "F4" // 215 x 330 mm, common in Indonesian government offices
)

// Profile is the office a workspace belongs to.
type Profile struct {
	ProvinceCode string `json:"provinceCode"`
	OfficeName   string `json:"officeName"`
	Address      string `json:"address"`
	// The kop of the office's documents; all optional.
	Government   string `json:"government"` // "Pemerintah Provinsi Jawa Timur"; blank: from the province
	City         string `json:"city"`       // where documents are signed; blank: the address's first part
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Website      string `json:"website"`
	HeadName     string `json:"headName"`
	HeadPosition string `json:"headPosition"`
	HeadNIP      string `json:"headNip"`
	WorkingYear  int    `json:"workingYear"`
	PaperSize    Paper  `json:"paperSize"`
	UserName     string `json:"userName"` // the operator recorded in the audit log
	// Demo is true in the demo workspace: every export and printed page
	// says so. Read from the workspace, never saved.
	Demo bool `json:"demo"`
}

// GovernmentLine is the first line of the kop: the profile's own, else
// "Pemerintah Provinsi" and the home province.
func (p Profile) GovernmentLine() string {
	if p.Government != "" {
		return p.Government
	}
	if r, ok := region.Default().Lookup(p.ProvinceCode); ok {
		return "Pemerintah Provinsi " + r.Name
	}
	return ""
}

// SignCity is where documents are signed: the city, else the address up
// to its first comma (the way the address was first meant).
func (p Profile) SignCity() string {
	if p.City != "" {
		return p.City
	}
	c, _, _ := strings.Cut(p.Address, ",")
	return strings.TrimSpace(c)
}

// ContactLine is the kop's line under the office name: address, telephone,
// e-mail and website, those that are known.
func (p Profile) ContactLine() string {
	var parts []string
	add := func(label, v string) {
		if v != "" {
			parts = append(parts, label+v)
		}
	}
	add("", p.Address)
	add("Telepon ", p.Phone)
	add("Pos-el ", p.Email)
	add("Laman ", p.Website)
	return strings.Join(parts, " · ")
}

// ErrNotSet means the first-start profile has not been filled in yet.
var ErrNotSet = errors.New("profile: not set")

// MinYear and MaxYear bound every year Selaras accepts (working, planning,
// target and plan years); the other packages use these.
const (
	MinYear = 2000
	MaxYear = 2100
)

// Normalize trims fields and compacts the NIP (people type it with spaces).
func (p *Profile) Normalize() {
	p.ProvinceCode = strings.TrimSpace(p.ProvinceCode)
	p.OfficeName = strings.Join(strings.Fields(p.OfficeName), " ")
	p.Address = strings.Join(strings.Fields(p.Address), " ")
	p.Government = strings.Join(strings.Fields(p.Government), " ")
	p.City = strings.TrimSpace(p.City)
	p.Phone = strings.TrimSpace(p.Phone)
	p.Email = strings.TrimSpace(p.Email)
	p.Website = strings.TrimSpace(p.Website)
	p.HeadName = strings.TrimSpace(p.HeadName)
	p.HeadPosition = strings.TrimSpace(p.HeadPosition)
	p.HeadNIP = strings.Join(strings.Fields(p.HeadNIP), "")
	p.UserName = strings.TrimSpace(p.UserName)
	if p.PaperSize == "" {
		p.PaperSize = A4
	}
}

// Validate returns the first problem, naming the field by its key.
func (p Profile) Validate() error {
	if p.ProvinceCode == "" {
		return fault.New(fault.Required, "profile.provinceCode")
	}
	if !region.Default().IsProvince(p.ProvinceCode) {
		return fault.New(fault.UnknownRegion, "profile.provinceCode", "code", p.ProvinceCode)
	}
	if p.OfficeName == "" {
		return fault.New(fault.Required, "profile.officeName")
	}
	if p.HeadNIP != "" {
		if len(p.HeadNIP) != 18 || strings.IndexFunc(p.HeadNIP, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
			return fault.Reject("profile.headNip", fault.ReasonNIPDigits)
		}
	}
	if p.WorkingYear < MinYear || p.WorkingYear > MaxYear {
		return fault.New(fault.OutOfRange, "profile.workingYear", "min", strconv.Itoa(MinYear), "max", strconv.Itoa(MaxYear))
	}
	if p.PaperSize != A4 && p.PaperSize != F4 {
		return fault.Choose("profile.paperSize", string(A4), string(F4))
	}
	return nil
}

// Get reads the profile, or ErrNotSet before first start is complete.
func Get(ctx context.Context, s *store.Store) (Profile, error) {
	var p Profile
	err := s.Read().QueryRowContext(ctx, `
SELECT province_code, office_name, address, head_name, head_position, head_nip, working_year, paper_size, user_name,
       government, city, phone, email, website,
       COALESCE((SELECT value FROM meta WHERE key = 'workspace_kind'), '') = 'demo'
FROM profile WHERE id = 1`).Scan(&p.ProvinceCode, &p.OfficeName, &p.Address, &p.HeadName, &p.HeadPosition,
		&p.HeadNIP, &p.WorkingYear, &p.PaperSize, &p.UserName, &p.Government, &p.City, &p.Phone, &p.Email, &p.Website, &p.Demo)
	if errors.Is(err, sql.ErrNoRows) {
		return Profile{}, ErrNotSet
	}
	if err != nil {
		return Profile{}, fmt.Errorf("profile: get: %w", err)
	}
	return p, nil
}

// Save is the one door for writing the profile: it normalizes, validates
// and stores it inside w, returning what was stored.
func Save(ctx context.Context, w store.Writer, p Profile) (Profile, error) {
	return store.Save(ctx, w, p, func(tx *sql.Tx, p *Profile) error { return put(ctx, tx, *p) })
}

// put writes a validated profile inside a transaction.
func put(ctx context.Context, tx *sql.Tx, p Profile) error {
	_, err := tx.ExecContext(ctx, `
INSERT INTO profile(id, province_code, office_name, address, head_name, head_position, head_nip, working_year, paper_size, user_name,
                    government, city, phone, email, website)
VALUES(1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
  province_code = excluded.province_code, office_name = excluded.office_name, address = excluded.address,
  head_name = excluded.head_name, head_position = excluded.head_position, head_nip = excluded.head_nip,
  working_year = excluded.working_year, paper_size = excluded.paper_size, user_name = excluded.user_name,
  government = excluded.government, city = excluded.city, phone = excluded.phone, email = excluded.email,
  website = excluded.website`,
		p.ProvinceCode, p.OfficeName, p.Address, p.HeadName, p.HeadPosition, p.HeadNIP, p.WorkingYear, p.PaperSize, p.UserName,
		p.Government, p.City, p.Phone, p.Email, p.Website)
	if err != nil {
		return fmt.Errorf("profile: save: %w", err)
	}
	return nil
}
