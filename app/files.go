package app

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"selaras/backend/atomicfile"
	"selaras/backend/fault"
	"selaras/backend/xlsx"
)

// savePath asks where to save a file. In the desktop app that is the
// system's save dialog; without a window (the browser bridge) files go to
// the "ekspor" folder next to the workspaces.
func (a *App) savePath(name, pattern string, label fault.Code) (string, error) {
	if a.headless {
		dir := filepath.Join(a.opt.DataDir, "ekspor")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		return filepath.Join(dir, name), nil
	}
	return runtime.SaveFileDialog(a.ctx, runtime.SaveDialogOptions{
		DefaultFilename: name,
		Filters:         []runtime.FileFilter{{DisplayName: fault.Say(a.lang(), label), Pattern: pattern}},
	})
}

// SavePNG saves a chart the frontend rendered (a data: URL) and returns the
// path, or "" when the user cancelled the dialog.
func (s *Settings) SavePNG(dataURL, name string) (string, error) {
	return respond(s.a, "", func(context.Context) (string, error) {
		const prefix = "data:image/png;base64,"
		if !strings.HasPrefix(dataURL, prefix) {
			return "", fault.Reject(fault.Say(s.a.lang(), fault.DialogChart), fault.ReasonNotPNG)
		}
		img, err := base64.StdEncoding.DecodeString(dataURL[len(prefix):])
		if err != nil {
			return "", fault.Wrap(err, fault.Invalid, fault.Say(s.a.lang(), fault.DialogChart)).WithCode("reason", fault.ReasonBadImage)
		}
		path, err := s.a.savePath(xlsx.SafeName(name), "*.png", fault.DialogPNGImage)
		if err != nil || path == "" {
			return "", err
		}
		if err := writeAtomically(path, img); err != nil {
			return "", fmt.Errorf("app: save png: %w", err)
		}
		return path, nil
	})
}

// writeAtomically writes data through a temporary file and a rename, so an
// interrupted save leaves no partial file (see backend/atomicfile).
func writeAtomically(path string, data []byte) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(data); err != nil {
		return atomicfile.Explain(err, path)
	}
	return f.Commit()
}
