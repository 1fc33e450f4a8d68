// Command gen copies the province and regency tables of the npm package
// idn-area-data into backend/region/data, byte for byte, so the Go binary
// embeds exactly what the package publishes. Run it with `make regions` after
// upgrading the package in frontend/package.json.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	if err := run("frontend/node_modules/idn-area-data", "backend/region/data"); err != nil {
		fmt.Fprintln(os.Stderr, "regions:", err)
		os.Exit(1)
	}
}

func run(pkg, out string) error {
	raw, err := os.ReadFile(filepath.Join(pkg, "package.json"))
	if err != nil {
		return fmt.Errorf("read package (run npm ci in frontend first): %w", err)
	}
	var meta struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(raw, &meta); err != nil {
		return err
	}
	for _, name := range []string{"provinces.csv", "regencies.csv", "LICENSE.md"} {
		b, err := os.ReadFile(filepath.Join(pkg, "data", name))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(out, "VERSION"), []byte("idn-area-data "+meta.Version+"\n"), 0o644)
}
