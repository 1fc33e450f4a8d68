package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/xlsx"
)

// Exchange is the bound service for Excel export (and later import).
type Exchange struct {
	a *App

	mu       sync.Mutex
	cancel   context.CancelFunc
	previews map[string]xlsx.Preview // validated imports awaiting confirmation
}

// ExportProgress is the payload of the "export:progress" event.
type ExportProgress struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// ExportResult tells where the file went; Path is "" when the user cancelled.
type ExportResult struct {
	Path      string `json:"path"`
	Cancelled bool   `json:"cancelled"`
}

// ExportFileName proposes a file name such as Matriks-Target-Kepulauan-Bangka-Belitung-2025.xlsx.
func ExportFileName(kind, province string, years []int) string {
	name := province
	if r, ok := region.Default().Lookup(province); ok {
		name = r.Name
	}
	ys := make([]string, len(years))
	for i, y := range years {
		ys[i] = strconv.Itoa(y)
	}
	return safeName(kind + "-" + strings.Join(strings.Fields(name), "-") + "-" + strings.Join(ys, "-") + ".xlsx")
}

// ExportTargets asks where to save, then writes the Matriks Target workbook,
// emitting "export:progress" at most every 100 ms. CancelExport stops it and
// leaves no file behind.
func (e *Exchange) ExportTargets(province string, years []int) (ExportResult, error) {
	s, err := e.a.store()
	if err != nil {
		return ExportResult{}, e.a.fail(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	e.mu.Lock()
	if e.cancel != nil {
		e.mu.Unlock()
		cancel()
		return ExportResult{}, e.a.fail(fmt.Errorf("app: an export is already running"))
	}
	e.cancel = cancel
	e.mu.Unlock()
	defer func() {
		e.mu.Lock()
		e.cancel = nil
		e.mu.Unlock()
		cancel()
	}()

	p, err := profile.Get(ctx, s)
	if err != nil {
		return ExportResult{}, e.a.fail(err)
	}
	m, err := harmonise.Compute(ctx, s, province, years)
	if err != nil {
		return ExportResult{}, e.a.fail(err)
	}
	path, err := e.a.savePath(ExportFileName("Matriks-Target", province, years), "*.xlsx", "Buku kerja Excel")
	if err != nil {
		return ExportResult{}, e.a.fail(err)
	}
	if path == "" {
		return ExportResult{Cancelled: true}, nil
	}
	var last time.Time
	err = xlsx.ExportTargets(ctx, path, m, p, time.Now(), func(done, total int) {
		if done == total || time.Since(last) >= 100*time.Millisecond {
			last = time.Now()
			e.a.emit("export:progress", ExportProgress{Done: done, Total: total})
		}
	})
	if errors.Is(err, context.Canceled) {
		return ExportResult{Cancelled: true}, nil
	}
	if err != nil {
		return ExportResult{}, e.a.fail(err)
	}
	return ExportResult{Path: path}, nil
}

// CancelExport stops a running export.
func (e *Exchange) CancelExport() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cancel != nil {
		e.cancel()
	}
}
