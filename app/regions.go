package app

import "selaras/backend/region"

// Regions is the bound service for the Kemendagri region list.
type Regions struct{ a *App }

// RegionQuery filters the region browser.
type RegionQuery struct {
	Text     string `json:"text"`
	Province string `json:"province"`
	Level    string `json:"level"`
}

// Provinces lists the 38 provinces.
func (r *Regions) Provinces() []region.Region { return region.Default().Provinces() }

// Search finds regions by code or name, the home province's first.
func (r *Regions) Search(q RegionQuery) []region.Region {
	return region.Default().Search(region.Query{
		Text: q.Text, Province: q.Province, Level: region.Level(q.Level), Home: r.home(),
	})
}

// Regencies lists the kabupaten/kota of a province.
func (r *Regions) Regencies(province string) []region.Region {
	return region.Default().Regencies(province)
}

func (r *Regions) home() string {
	st, err := (&Settings{r.a}).Profile()
	if err != nil {
		return ""
	}
	return st.ProvinceCode
}
