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
	HeadName     string `json:"headName"`
	HeadPosition string `json:"headPosition"`
	HeadNIP      string `json:"headNip"`
	WorkingYear  int    `json:"workingYear"`
	PaperSize    Paper  `json:"paperSize"`
	UserName     string `json:"userName"` // the operator recorded in the audit log
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
	p.Address = strings.TrimSpace(p.Address)
	p.HeadName = strings.TrimSpace(p.HeadName)
	p.HeadPosition = strings.TrimSpace(p.HeadPosition)
	p.HeadNIP = strings.Join(strings.Fields(p.HeadNIP), "")
	p.UserName = strings.TrimSpace(p.UserName)
	if p.PaperSize == "" {
		p.PaperSize = A4
	}
}

// Validate returns the first problem, naming the field in Indonesian.
func (p Profile) Validate() error {
	if p.ProvinceCode == "" {
		return fault.New(fault.Required, "Provinsi")
	}
	if !region.Default().IsProvince(p.ProvinceCode) {
		return fault.New(fault.UnknownRegion, "Provinsi", "code", p.ProvinceCode)
	}
	if p.OfficeName == "" {
		return fault.New(fault.Required, "Nama kantor")
	}
	if p.HeadNIP != "" {
		if len(p.HeadNIP) != 18 || strings.IndexFunc(p.HeadNIP, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
			return fault.New(fault.Invalid, "NIP kepala dinas", "reason", "NIP terdiri atas 18 angka")
		}
	}
	if p.WorkingYear < MinYear || p.WorkingYear > MaxYear {
		return fault.New(fault.OutOfRange, "Tahun kerja", "min", strconv.Itoa(MinYear), "max", strconv.Itoa(MaxYear))
	}
	if p.PaperSize != A4 && p.PaperSize != F4 {
		return fault.New(fault.Invalid, "Ukuran kertas", "reason", "pilih A4 atau F4")
	}
	return nil
}

// Get reads the profile, or ErrNotSet before first start is complete.
func Get(ctx context.Context, s *store.Store) (Profile, error) {
	var p Profile
	err := s.Read().QueryRowContext(ctx, `
SELECT province_code, office_name, address, head_name, head_position, head_nip, working_year, paper_size, user_name
FROM profile WHERE id = 1`).Scan(&p.ProvinceCode, &p.OfficeName, &p.Address, &p.HeadName, &p.HeadPosition,
		&p.HeadNIP, &p.WorkingYear, &p.PaperSize, &p.UserName)
	if errors.Is(err, sql.ErrNoRows) {
		return Profile{}, ErrNotSet
	}
	if err != nil {
		return Profile{}, fmt.Errorf("profile: get: %w", err)
	}
	return p, nil
}

// Save validates and stores the profile, returning what was stored.
func Save(ctx context.Context, s *store.Store, p Profile) (Profile, error) {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return Profile{}, err
	}
	err := s.Tx(ctx, func(tx *sql.Tx) error { return Put(ctx, tx, p) })
	if err != nil {
		return Profile{}, err
	}
	return p, nil
}

// Put writes an already validated profile inside a transaction.
func Put(ctx context.Context, tx *sql.Tx, p Profile) error {
	_, err := tx.ExecContext(ctx, `
INSERT INTO profile(id, province_code, office_name, address, head_name, head_position, head_nip, working_year, paper_size, user_name)
VALUES(1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
  province_code = excluded.province_code, office_name = excluded.office_name, address = excluded.address,
  head_name = excluded.head_name, head_position = excluded.head_position, head_nip = excluded.head_nip,
  working_year = excluded.working_year, paper_size = excluded.paper_size, user_name = excluded.user_name`,
		p.ProvinceCode, p.OfficeName, p.Address, p.HeadName, p.HeadPosition, p.HeadNIP, p.WorkingYear, p.PaperSize, p.UserName)
	if err != nil {
		return fmt.Errorf("profile: save: %w", err)
	}
	return nil
}
