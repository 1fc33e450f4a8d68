package app

import (
	"context"
	"errors"
	"sync"
	"time"

	"selaras/backend/exchange"
	"selaras/backend/fault"
	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/store"
	"selaras/backend/xlsx"
)

// Exchange is the bound service for Excel export (and later import).
type Exchange struct {
	a *App

	mu       sync.Mutex
	cancel   context.CancelFunc
	previews map[string]exchange.Preview // validated imports awaiting confirmation
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

// ExportTargets asks where to save, then writes the Matriks Target workbook,
// emitting "export:progress" at most every 100 ms. CancelExport stops it and
// leaves no file behind.
func (e *Exchange) ExportTargets(province string, years []int) (ExportResult, error) {
	return e.export(func(ctx context.Context, s *store.Store, p profile.Profile) (exportJob, error) {
		m, err := harmonise.Compute(ctx, s, province, years)
		if err != nil {
			return exportJob{}, err
		}
		return exportJob{
			name: xlsx.TargetsFileName(province, years),
			write: func(path string, progress xlsx.Progress) error {
				return xlsx.ExportTargets(ctx, path, m, p, time.Now(), progress)
			},
		}, nil
	})
}

// ExportWorkbook writes one workbook with the chosen sheets (target,
// program, sinkronisasi and the rakor sheets), like ExportTargets.
func (e *Exchange) ExportWorkbook(req xlsx.WorkbookRequest) (ExportResult, error) {
	return e.export(func(ctx context.Context, s *store.Store, p profile.Profile) (exportJob, error) {
		if err := req.Validate(); err != nil {
			return exportJob{}, err
		}
		name, err := xlsx.WorkbookFileName(ctx, s, req)
		if err != nil {
			return exportJob{}, err
		}
		return exportJob{
			name: name,
			write: func(path string, progress xlsx.Progress) error {
				return xlsx.ExportWorkbook(ctx, s, path, req, p, time.Now(), progress)
			},
		}, nil
	})
}

// NationalProvinces lists the provinces with figures in the year: the
// national consolidation is offered when there is more than one.
func (e *Exchange) NationalProvinces(year int) ([]string, error) {
	return with(e.a, []string{}, func(ctx context.Context, s *store.Store) ([]string, error) {
		ms, err := xlsx.NationalMatrices(ctx, s, []int{year})
		names := []string{}
		for _, m := range ms {
			names = append(names, m.Province.Name)
		}
		return names, err
	})
}

// ExportNational writes the consolidation for the ministry: a Matriks
// Target sheet for every province with figures, like ExportTargets.
func (e *Exchange) ExportNational(years []int) (ExportResult, error) {
	return e.export(func(ctx context.Context, s *store.Store, p profile.Profile) (exportJob, error) {
		ms, err := xlsx.NationalMatrices(ctx, s, years)
		if err != nil {
			return exportJob{}, err
		}
		if len(ms) == 0 {
			return exportJob{}, fault.New(fault.NoProvinceData, "")
		}
		return exportJob{
			name: xlsx.NationalFileName(years),
			write: func(path string, progress xlsx.Progress) error {
				return xlsx.ExportNational(ctx, path, ms, nil, p, time.Now(), progress)
			},
		}, nil
	})
}

// exportJob is a prepared export: its proposed file name and the writer.
type exportJob struct {
	name  string
	write func(path string, progress xlsx.Progress) error
}

// export runs one export at a time: prepare reads what it needs, the user
// picks the file, then the writer runs with throttled progress events.
func (e *Exchange) export(prepare func(context.Context, *store.Store, profile.Profile) (exportJob, error)) (ExportResult, error) {
	return with(e.a, ExportResult{}, func(ctx context.Context, s *store.Store) (ExportResult, error) {
		ctx, cancel := context.WithCancel(ctx)
		e.mu.Lock()
		if e.cancel != nil {
			e.mu.Unlock()
			cancel()
			return ExportResult{}, fault.New(fault.ExportRunning, "")
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
			return ExportResult{}, err
		}
		job, err := prepare(ctx, s, p)
		if err != nil {
			return ExportResult{}, err
		}
		path, err := e.a.savePath(job.name, "*.xlsx", fault.DialogExcelWorkbook)
		if err != nil || path == "" {
			return ExportResult{Cancelled: path == ""}, err
		}
		var last time.Time
		err = job.write(path, func(done, total int) {
			if done == total || time.Since(last) >= 100*time.Millisecond {
				last = time.Now()
				e.a.emit("export:progress", ExportProgress{Done: done, Total: total})
			}
		})
		if errors.Is(err, context.Canceled) {
			return ExportResult{Cancelled: true}, nil
		}
		if err != nil {
			return ExportResult{}, err
		}
		return ExportResult{Path: path}, nil
	})
}

// CancelExport stops a running export.
func (e *Exchange) CancelExport() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cancel != nil {
		e.cancel()
	}
}
