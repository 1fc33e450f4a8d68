// Package region is the official list of Indonesian provinces and
// kabupaten/kota with their Kemendagri codes. The data is embedded from the
// npm package idn-area-data (ODbL 1.0) by internal/gen; it is never typed by
// hand. Codes are text: "19" is a province, "19.01" a regency.
package region

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

//go:embed data/provinces.csv
var provincesCSV []byte

//go:embed data/regencies.csv
var regenciesCSV []byte

//go:embed data/VERSION
var sourceVersion string

// Level tells a province from a regency (kabupaten or kota).
type Level string

const (
	Province Level = "provinsi"
	Regency  Level = "kabupaten"
	City     Level = "kota"
)

// Region is one province or kabupaten/kota.
type Region struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	Level        Level  `json:"level"`
	ProvinceCode string `json:"provinceCode"` // same as Code for a province
}

// Attribution is the credit the ODbL asks for, shown in the README and About.
const Attribution = "Data wilayah: idn-area-data (github.com/fityannugroho/idn-area-data), " +
	"bersumber dari Kepmendagri No. 300.2.2-2138 Tahun 2025, dilisensikan di bawah Open Database License (ODbL) 1.0."

// Source names the package and version the data was taken from.
func Source() string { return strings.TrimSpace(sourceVersion) }

// Catalogue is the loaded list with lookups.
type Catalogue struct {
	provinces []Region
	regencies []Region
	byCode    map[string]Region
}

var std = mustLoad()

// Default is the embedded catalogue.
func Default() *Catalogue { return std }

func mustLoad() *Catalogue {
	c, err := load(provincesCSV, regenciesCSV)
	if err != nil {
		panic(err) // the embedded data is checked by tests; failing here is a build mistake
	}
	return c
}

func load(provs, regs []byte) (*Catalogue, error) {
	c := &Catalogue{byCode: map[string]Region{}}
	pr, err := readCSV(provs, []string{"code", "name"})
	if err != nil {
		return nil, fmt.Errorf("region: provinces: %w", err)
	}
	for _, r := range pr {
		p := Region{Code: r[0], Name: r[1], Level: Province, ProvinceCode: r[0]}
		c.provinces = append(c.provinces, p)
		c.byCode[p.Code] = p
	}
	rr, err := readCSV(regs, []string{"code", "province_code", "name"})
	if err != nil {
		return nil, fmt.Errorf("region: regencies: %w", err)
	}
	for _, r := range rr {
		if _, ok := c.byCode[r[1]]; !ok {
			return nil, fmt.Errorf("region: regency %s has unknown province %s", r[0], r[1])
		}
		lvl := Regency
		if strings.HasPrefix(r[2], "Kota ") {
			lvl = City
		}
		g := Region{Code: r[0], Name: r[2], Level: lvl, ProvinceCode: r[1]}
		c.regencies = append(c.regencies, g)
		c.byCode[g.Code] = g
	}
	return c, nil
}

func readCSV(b []byte, header []string) ([][]string, error) {
	rd := csv.NewReader(bytes.NewReader(b))
	rows, err := rd.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(header, ",") {
		return nil, fmt.Errorf("unexpected header, want %v", header)
	}
	return rows[1:], nil
}

// Provinces lists the 38 provinces in code order.
func (c *Catalogue) Provinces() []Region { return append([]Region{}, c.provinces...) }

// Regencies lists the kabupaten/kota of a province ("" for all), in code order.
func (c *Catalogue) Regencies(province string) []Region {
	out := []Region{}
	for _, r := range c.regencies {
		if province == "" || r.ProvinceCode == province {
			out = append(out, r)
		}
	}
	return out
}

// Lookup finds a province or regency by code.
func (c *Catalogue) Lookup(code string) (Region, bool) {
	r, ok := c.byCode[strings.TrimSpace(code)]
	return r, ok
}

// NameOr is the name of the region code, or the code itself when it is not
// in the catalogue (a title still says which region it is about).
func (c *Catalogue) NameOr(code string) string {
	if r, ok := c.Lookup(code); ok {
		return r.Name
	}
	return code
}

// IsProvince reports whether code is a known province.
func (c *Catalogue) IsProvince(code string) bool {
	r, ok := c.Lookup(code)
	return ok && r.Level == Province
}

// Query filters the catalogue for the region browser.
type Query struct {
	Text     string // matches code or name, case- and accent-insensitive; all words must match
	Province string // restrict to one province and its regencies
	Home     string // this province and its regencies come first
	Level    Level  // "" for all, or Province, Regency, City
}

// Search returns the matching regions: the home province and its regencies
// first, then everything else, each in code order.
func (c *Catalogue) Search(q Query) []Region {
	words := strings.Fields(fold(q.Text))
	out := []Region{}
	add := func(r Region) {
		if q.Province != "" && r.ProvinceCode != q.Province {
			return
		}
		if q.Level != "" && r.Level != q.Level {
			return
		}
		hay := fold(r.Code + " " + r.Name)
		for _, w := range words {
			if !strings.Contains(hay, w) {
				return
			}
		}
		out = append(out, r)
	}
	for _, p := range c.provinces {
		add(p)
		for _, r := range c.regencies {
			if r.ProvinceCode == p.Code {
				add(r)
			}
		}
	}
	if q.Home != "" {
		sort.SliceStable(out, func(i, j int) bool {
			return out[i].ProvinceCode == q.Home && out[j].ProvinceCode != q.Home
		})
	}
	return out
}

var folder = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

func fold(s string) string {
	t, _, err := transform.String(folder, s)
	if err != nil {
		t = s
	}
	return strings.ToLower(t)
}
