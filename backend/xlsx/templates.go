package xlsx

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/template"
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
		meta, err := writeTemplate(ctx, path, in, time.Now())
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)
		if err := recordSent(ctx, s, meta, path); err != nil {
			return paths, err
		}
		if done != nil {
			done(r, year, path, i+1, len(regions))
		}
	}
	return paths, nil
}

// recordSent writes down a template written for the return board
// (template_sent): its region and year, when, who (the login on a server,
// the profile's user on a file), its structure checksum and file name. On
// a server only the secretariat and an admin record; a template another
// role writes for itself (a bidang reading its figures offline) is not one
// sent out, and is not recorded. Nor is one written from a read-only
// workspace, which is looked at, not worked in.
func recordSent(ctx context.Context, s *store.Store, m template.Meta, path string) error {
	if s.ReadOnly() {
		return nil
	}
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		who := "SELECT COALESCE((SELECT user_name FROM profile WHERE id = 1), '')"
		if s.Engine() == store.Postgres {
			var may bool
			if err := tx.QueryRowContext(ctx, "SELECT has_table_privilege('template_sent', 'INSERT')").Scan(&may); err != nil {
				return err
			}
			if !may {
				return nil
			}
			who = "SELECT session_user::text"
		}
		var by string
		if err := tx.QueryRowContext(ctx, who).Scan(&by); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO template_sent (region_code, year, sent_at, sent_by, checksum, file_name)
VALUES (?, ?, ?, ?, ?, ?)`, m.Region, m.Year, m.CreatedAt.UTC().Format(template.CreatedAtLayout), by, m.Checksum, filepath.Base(path))
		return err
	})
	if err != nil {
		return fmt.Errorf("xlsx: template sent: %w", err)
	}
	return nil
}
