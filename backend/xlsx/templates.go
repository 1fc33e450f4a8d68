package xlsx

import (
	"context"
	"errors"
	"time"

	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
)

// TemplateRegions are the regions whose templates are written for codes: a
// kab/kota stands for itself, a province for each of its kab/kota. An
// unknown code is refused naming field.
func TemplateRegions(field string, codes ...string) ([]region.Region, error) {
	var out []region.Region
	for _, code := range codes {
		r, ok := region.Default().Lookup(code)
		if !ok {
			return nil, fault.New(fault.UnknownRegion, field, "code", code)
		}
		if r.Level == region.Province {
			out = append(out, region.Default().Regencies(r.Code)...)
		} else {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, fault.New(fault.Required, field)
	}
	return out, nil
}

// WriteTemplates writes the template of each region for year (0: the
// office's working year) to the path pathOf names, from the office
// profile of s, telling done after each one. The app's Ekspor/Impor screen
// and `selaras template` both write them here. It returns the paths written.
func WriteTemplates(ctx context.Context, s *store.Store, regions []region.Region, year int,
	pathOf func(r region.Region, year int) string, done func(r region.Region, year int, path string, n, total int)) ([]string, error) {
	p, err := profile.Get(ctx, s)
	if errors.Is(err, profile.ErrNotSet) {
		return nil, fault.Wrap(err, fault.ProfileMissing, "")
	}
	if err != nil {
		return nil, err
	}
	if year == 0 {
		year = p.WorkingYear
	}
	paths := []string{}
	for i, r := range regions {
		path := pathOf(r, year)
		in, err := LoadTemplateInput(ctx, s, p, r.Code, year)
		if err != nil {
			return paths, err
		}
		if err := WriteTemplate(ctx, path, in, time.Now()); err != nil {
			return paths, err
		}
		paths = append(paths, path)
		if done != nil {
			done(r, year, path, i+1, len(regions))
		}
	}
	return paths, nil
}
