package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"selaras/backend/exchange"
	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/xlsx"
)

// TemplateResult lists the templates written; empty when the user cancelled.
type TemplateResult struct {
	Paths []string `json:"paths"`
}

// MakeTemplates writes a template for each region: one file through a save
// dialog, several into a folder the user picks (xlsx.WriteTemplates, as
// `selaras template`). Progress goes out as "template:progress".
func (e *Exchange) MakeTemplates(regions []string, year int) (TemplateResult, error) {
	return with(e.a, TemplateResult{Paths: []string{}}, func(ctx context.Context, s *store.Store) (TemplateResult, error) {
		res := TemplateResult{Paths: []string{}}
		if len(regions) == 0 {
			return res, fault.New(fault.Required, "import.region")
		}
		regs, err := xlsx.TemplateRegions("import.region", regions...)
		if err != nil {
			return res, err
		}
		var dir, single string
		if len(regs) == 1 {
			single, err = e.a.savePath(xlsx.TemplateFileName(regs[0], year), "*.xlsx", fault.DialogExcelWorkbook)
			if err != nil || single == "" {
				return res, err
			}
		} else if dir, err = e.a.pickDir(fmt.Sprintf("Templat-%d", year)); err != nil || dir == "" {
			return res, err
		}
		paths, err := xlsx.WriteTemplates(ctx, s, regs, year, func(r region.Region, y int) string {
			if single != "" {
				return single
			}
			return filepath.Join(dir, xlsx.TemplateFileName(r, y))
		}, func(_ region.Region, _ int, _ string, n, total int) {
			e.a.emit("template:progress", ExportProgress{Done: n, Total: total})
		})
		res.Paths = append(res.Paths, paths...)
		return res, err
	})
}

// pickDir asks for a folder (the bridge uses "ekspor/<name>" in the config folder).
func (a *App) pickDir(name string) (string, error) {
	if a.headless {
		dir := filepath.Join(a.opt.DataDir, "ekspor", name)
		return dir, os.MkdirAll(dir, 0o755)
	}
	return runtime.OpenDirectoryDialog(a.ctx, runtime.OpenDialogOptions{Title: fault.Say(a.lang(), fault.DialogTemplateFolder)})
}

// ImportPreview is a validated import waiting for confirmation.
type ImportPreview struct {
	Token    string           `json:"token"`
	Preview  exchange.Preview `json:"preview"`
	Problems []ImportProblem  `json:"problems"` // non-empty when refused
	// Notices are said before importing but do not refuse it (another year).
	Notices []ImportProblem `json:"notices"`
	Refused string          `json:"refused"` // the summary of a refusal
	// Undo says, before the user confirms, what will undo the import on
	// this workspace: a backup taken first, or on a shared workspace the
	// board and the audit log (exchange.UndoNote).
	Undo string `json:"undo"`
}

// ImportProblem is an import's problem worded in the user's language: the
// backend carries it as a code and its arguments (exchange.Problem).
type ImportProblem struct {
	Sheet   string     `json:"sheet"`
	Cell    string     `json:"cell"`
	Code    fault.Code `json:"code"`
	Message string     `json:"message"`
}

func problems(ps []exchange.Problem, lang fault.Lang) []ImportProblem {
	out := make([]ImportProblem, len(ps))
	for i, p := range ps {
		out[i] = ImportProblem{Sheet: p.Sheet, Cell: p.Cell, Code: p.Text.Code, Message: p.Message(lang)}
	}
	return out
}

// PickImport asks for the workbook to import with the system's open dialog
// and returns its path ("" when cancelled). Without a window (the browser
// build) there is no dialog: the page uploads the file instead (see
// handleUpload in bridge.go).
func (e *Exchange) PickImport() (string, error) {
	return respond(e.a, "", func(context.Context) (string, error) {
		if e.a.headless {
			return "", nil
		}
		return runtime.OpenFileDialog(e.a.ctx, runtime.OpenDialogOptions{
			Title:   fault.Say(e.a.lang(), fault.DialogRegencyTemplate),
			Filters: []runtime.FileFilter{{DisplayName: fault.Say(e.a.lang(), fault.DialogExcelWorkbook), Pattern: "*.xlsx"}},
		})
	})
}

// PickImports asks for one or several workbooks to import (a folder of
// returned templates selected at once) and returns their paths, none when
// cancelled. Each is previewed and committed on its own.
func (e *Exchange) PickImports() ([]string, error) {
	return respond(e.a, []string{}, func(context.Context) ([]string, error) {
		if e.a.headless {
			return []string{}, nil
		}
		paths, err := runtime.OpenMultipleFilesDialog(e.a.ctx, runtime.OpenDialogOptions{
			Title:   "Templat kabupaten/kota",
			Filters: []runtime.FileFilter{{DisplayName: "Buku kerja Excel", Pattern: "*.xlsx"}},
		})
		if paths == nil {
			paths = []string{}
		}
		return paths, err
	})
}

// PreviewImport reads the workbook at path (picked in the dialog or dropped
// on the window), validates it and shows every change. Nothing is written.
// The browser build (selaras serve) previews only what its page uploaded
// (handleUpload), never a path a caller names: that would let any page that
// reaches the bridge read a workbook anywhere on the disk.
func (e *Exchange) PreviewImport(path string) (ImportPreview, error) {
	return with(e.a, ImportPreview{Problems: []ImportProblem{}, Notices: []ImportProblem{}}, func(ctx context.Context, s *store.Store) (ImportPreview, error) {
		if e.a.headless {
			return ImportPreview{}, fault.New(fault.UploadOnly, "")
		}
		return e.preview(ctx, s, path)
	})
}

// previewUpload stores a workbook the browser build uploaded in a temporary
// folder under its own name (the preview and the board show it), previews
// it and removes it again.
func (e *Exchange) previewUpload(name string, body io.Reader) (ImportPreview, error) {
	return with(e.a, ImportPreview{Problems: []ImportProblem{}, Notices: []ImportProblem{}}, func(ctx context.Context, s *store.Store) (ImportPreview, error) {
		dir, err := os.MkdirTemp("", "selaras-impor-")
		if err != nil {
			return ImportPreview{}, err
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, xlsx.SafeName(filepath.Base(name)))
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
		if err != nil {
			return ImportPreview{}, err
		}
		// Past the import's own size limit the reader refuses the file anyway,
		// so a longer body is cut there instead of filling the disk.
		_, err = io.Copy(f, io.LimitReader(body, maxUpload))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return ImportPreview{}, fault.Wrap(err, fault.UploadFailed, "", "file", filepath.Base(path))
		}
		return e.preview(ctx, s, path)
	})
}

// maxUpload is above xlsx's 40 MB limit, so an oversized file still gets
// the import's own "too large" message.
const maxUpload = 64 << 20

func (e *Exchange) preview(ctx context.Context, s *store.Store, path string) (ImportPreview, error) {
	out := ImportPreview{Problems: []ImportProblem{}, Notices: []ImportProblem{}}
	pv, err := exchange.Check(ctx, s, path, 0)
	if ie, ok := err.(*exchange.ImportError); ok {
		out.Problems = problems(ie.Problems, e.a.lang())
		out.Refused = fault.Message(fault.New(fault.ImportRefused, "", "file", ie.File), e.a.lang())
		return out, nil
	}
	if err != nil {
		return out, err
	}
	tok := make([]byte, 8)
	_, _ = rand.Read(tok)
	out.Token = hex.EncodeToString(tok)
	out.Preview = pv
	out.Notices = problems(pv.Notices, e.a.lang())
	out.Undo = fault.Message(exchange.UndoNote(s), e.a.lang())
	e.mu.Lock()
	if e.previews == nil {
		e.previews = map[string]exchange.Preview{}
	}
	e.previews[out.Token] = pv
	e.mu.Unlock()
	return out, nil
}

// CommitImport writes a previewed import in one transaction, after the
// undo point of the workspace's engine (exchange.Import, as `selaras
// import`), and returns how many values and plan lines it wrote and how
// many cells it kept for a conflict: the cells typed directly after the
// template was made keep what was typed unless takeTemplate (the preview
// lists them as conflicts).
func (e *Exchange) CommitImport(token string, takeTemplate bool) (ImportSaved, error) {
	return with(e.a, ImportSaved{}, func(ctx context.Context, s *store.Store) (ImportSaved, error) {
		e.mu.Lock()
		pv, ok := e.previews[token]
		delete(e.previews, token)
		e.mu.Unlock()
		if !ok {
			return ImportSaved{}, fault.New(fault.PreviewGone, "")
		}
		pv.TakeTemplate = takeTemplate
		res, err := exchange.Import(ctx, s, pv)
		return ImportSaved{Written: res.Written, Kept: res.Kept}, err
	})
}

// ImportSaved is what a confirmed import wrote, and how many cells typed
// directly after the template was made it kept for a conflict.
type ImportSaved struct {
	Written int `json:"written"`
	Kept    int `json:"kept"`
}

// DiscardImport forgets a preview the user skipped (one file of several
// passed over), so a queue of many files holds only the previews still
// waiting for an answer.
func (e *Exchange) DiscardImport(token string) {
	e.mu.Lock()
	delete(e.previews, token)
	e.mu.Unlock()
}

// SubmissionBoard shows which regencies of the office's province have
// returned their template for a year, when, and with how many changes.
func (e *Exchange) SubmissionBoard(year int) ([]exchange.BoardRow, error) {
	return with(e.a, []exchange.BoardRow{}, func(ctx context.Context, s *store.Store) ([]exchange.BoardRow, error) {
		p, err := profile.Get(ctx, s)
		if err != nil {
			return nil, err
		}
		return exchange.Board(ctx, s, p.ProvinceCode, year)
	})
}
