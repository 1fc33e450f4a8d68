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
	st, err := s.a.store()
	if err != nil {
		return profile.Profile{}, s.a.fail(err)
	}
	p, err := profile.Get(context.Background(), st)
	if errors.Is(err, profile.ErrNotSet) {
		return defaultProfile(), nil
	}
	return p, s.a.fail(err)
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
	st, err := s.a.store()
	if err != nil {
		return profile.Profile{}, s.a.fail(err)
	}
	saved, err := profile.Save(context.Background(), st, p)
	return saved, s.a.fail(err)
}

// Language returns "id" or "en".
func (s *Settings) Language() string {
	s.a.mu.Lock()
	defer s.a.mu.Unlock()
	return s.a.prefs.Language
}

// SetLanguage switches and remembers the interface language.
func (s *Settings) SetLanguage(lang string) error {
	if lang != "id" && lang != "en" {
		return s.a.fail(fault.New(fault.Invalid, "Bahasa", "reason", "pilih id atau en"))
	}
	s.a.mu.Lock()
	s.a.prefs.Language = lang
	prefs := s.a.prefs
	s.a.mu.Unlock()
	return s.a.fail(settings.Save(filepath.Join(s.a.opt.ConfigDir, settings.File), prefs))
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
	st, err := s.a.store()
	if err != nil {
		return []store.AuditEntry{}, s.a.fail(err)
	}
	out, err := st.Audit(context.Background(), store.AuditQuery{Limit: limit})
	return out, s.a.fail(err)
}

func removeDB(path string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}
