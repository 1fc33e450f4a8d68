// Package settings keeps the per-user preferences that live outside any
// workspace: the interface language and the last workspace opened.
package settings

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// File is the settings file's name in the user's settings folder.
const File = "settings.json"

// Settings is stored as settings.json in the user's settings folder.
type Settings struct {
	Language      string `json:"language"` // "id" or "en"
	LastWorkspace string `json:"lastWorkspace"`
}

// Load reads the settings file; a missing file gives the defaults.
func Load(path string) (Settings, error) {
	s := Settings{Language: "id"}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("settings: load: %w", err)
	}
	if err := json.Unmarshal(b, &s); err != nil {
		// A damaged preferences file must not stop the app; start from defaults.
		return Settings{Language: "id"}, nil
	}
	if s.Language != "en" {
		s.Language = "id"
	}
	return s, nil
}

// Save writes the settings atomically (temp file, then rename).
func Save(path string, s Settings) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("settings: save: %w", err)
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("settings: save: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("settings: save: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("settings: save: %w", err)
	}
	return nil
}
