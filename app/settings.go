package app

import (
	"context"
	"errors"
	"os"
	"os/user"
	"path/filepath"

	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/settings"
	"selaras/backend/store"
	"selaras/backend/version"
)

// Settings is the bound service for the office profile and preferences.
type Settings struct{ a *App }

// Profile returns the office profile, or an empty one with sensible
// defaults before first start.
func (s *Settings) Profile() (profile.Profile, error) {
	return with(s.a, profile.Profile{}, func(ctx context.Context, st *store.Store) (profile.Profile, error) {
		p, err := profile.Get(ctx, st)
		if errors.Is(err, profile.ErrNotSet) {
			return defaultProfile(), nil
		}
		return p, err
	})
}

func defaultProfile() profile.Profile {
	p := profile.Profile{WorkingYear: 2025, PaperSize: profile.A4}
	if u, err := user.Current(); err == nil {
		p.UserName = u.Username
		if u.Name != "" {
			p.UserName = u.Name
		}
	}
	return p
}

// SaveProfile validates and stores the office profile.
func (s *Settings) SaveProfile(p profile.Profile) (profile.Profile, error) {
	return with(s.a, profile.Profile{}, func(ctx context.Context, st *store.Store) (profile.Profile, error) {
		return profile.Save(ctx, st, p)
	})
}

// Language returns "id" or "en".
func (s *Settings) Language() string {
	s.a.mu.Lock()
	defer s.a.mu.Unlock()
	return s.a.prefs.Language
}

// SetLanguage switches and remembers the interface language.
func (s *Settings) SetLanguage(lang string) error {
	return act(s.a, func(context.Context) error {
		if lang != "id" && lang != "en" {
			return fault.Choose("Bahasa", "id", "en")
		}
		s.a.mu.Lock()
		s.a.prefs.Language = lang
		prefs := s.a.prefs
		s.a.mu.Unlock()
		return settings.Save(filepath.Join(s.a.opt.ConfigDir, settings.File), prefs)
	})
}

// AboutInfo is shown on the About screen.
type AboutInfo struct {
	Version       string `json:"version"`
	SchemaVersion int    `json:"schemaVersion"`
	RegionSource  string `json:"regionSource"`
	Attribution   string `json:"attribution"`
	DataDir       string `json:"dataDir"`
}

// About describes this build and its data sources.
func (s *Settings) About() AboutInfo {
	return AboutInfo{
		Version:       version.Version,
		SchemaVersion: store.SchemaVersion(),
		RegionSource:  region.Source(),
		Attribution:   region.Attribution,
		DataDir:       s.a.opt.DataDir,
	}
}

// AuditEntries lists the latest changes recorded in the audit log.
func (s *Settings) AuditEntries(limit int) ([]store.AuditEntry, error) {
	return with(s.a, []store.AuditEntry{}, func(ctx context.Context, st *store.Store) ([]store.AuditEntry, error) {
		return st.Audit(ctx, store.AuditQuery{Limit: limit})
	})
}

func removeDB(path string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}
