package xlsx

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/store"
)

// Sheet names a kind of sheet a workbook can hold.
type Sheet string

const (
	SheetTarget     Sheet = "target"
	SheetProgram    Sheet = "program"
	SheetSync       Sheet = "sinkronisasi"
	SheetAttendance Sheet = "hadir"
	SheetDecisions  Sheet = "kesepakatan"
	SheetChallenges Sheet = "permasalahan"
	SheetMinutes    Sheet = "berita-acara"
)

// AllSheets lists the sheets in workbook order.
var AllSheets = []Sheet{SheetTarget, SheetProgram, SheetSync, SheetAttendance, SheetDecisions, SheetChallenges, SheetMinutes}

// NeedsMeeting reports whether the sheet is about one meeting.
func (s Sheet) NeedsMeeting() bool { return s == SheetAttendance || s == SheetMinutes }

// fromRakor reports whether the sheet shows rakor records (one step of
// progress each) rather than a matrix (a step per row).
func (s Sheet) fromRakor() bool { return s != SheetTarget && s != SheetProgram && s != SheetSync }

func unknownSheet(s Sheet) error {
	return fault.Reject("workbook.sheets", fault.ReasonUnknownSheet, "value", string(s), "options", sheetList())
}

// SheetNames lists the sheet kinds as typed on the command line.
func SheetNames() []string {
	names := make([]string, len(AllSheets))
	for i, s := range AllSheets {
		names[i] = string(s)
	}
	return names
}

func sheetList() string { return strings.Join(SheetNames(), ", ") }

// ParseSheets reads a comma-separated list such as "target,program".
func ParseSheets(list string) ([]Sheet, error) {
	var out []Sheet
	for _, part := range strings.Split(list, ",") {
		s := Sheet(strings.ToLower(strings.TrimSpace(part)))
		if s == "" {
			continue
		}
		if !slices.Contains(AllSheets, s) {
			return nil, unknownSheet(s)
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fault.New(fault.Required, "workbook.sheets")
	}
	return out, nil
}

// WorkbookRequest chooses what one exported workbook holds.
type WorkbookRequest struct {
	Province  string  `json:"province"`
	Years     []int   `json:"years"`
	Sheets    []Sheet `json:"sheets"`
	MeetingID int64   `json:"meetingId"` // for the meeting sheets; 0 = the register of every meeting
}

// workbook is everything read before the first cell is written, so a
// database error never leaves a half-built file behind.
type workbook struct {
	req    WorkbookRequest
	matrix harmonise.Matrix
	trees  []program.Tree
	refs   []renjaRefs // the indicators named on each tree's program rows
	cws    [][]program.Crosswalk
	rakor  Rakor
	total  int
}

func (req WorkbookRequest) has(s Sheet) bool { return slices.Contains(req.Sheets, s) }

// Validate checks the request before anything is read.
func (req WorkbookRequest) Validate() error {
	if len(req.Sheets) == 0 {
		return fault.New(fault.Required, "workbook.sheets")
	}
	for _, s := range req.Sheets {
		if !slices.Contains(AllSheets, s) {
			return unknownSheet(s)
		}
		if s.NeedsMeeting() && req.MeetingID == 0 {
			return fault.New(fault.Required, "workbook.meetingId", "sheet", string(s))
		}
	}
	if len(req.Years) == 0 && (req.has(SheetTarget) || req.has(SheetProgram) || req.has(SheetSync)) {
		return fault.New(fault.Required, "workbook.years")
	}
	return nil
}

func loadWorkbook(ctx context.Context, s *store.Store, req WorkbookRequest) (workbook, error) {
	w := workbook{req: req}
	if err := req.Validate(); err != nil {
		return w, err
	}
	var err error
	if req.has(SheetTarget) {
		if w.matrix, err = harmonise.Compute(ctx, s, req.Province, req.Years); err != nil {
			return w, err
		}
		w.total += len(w.matrix.Rows)
	}
	for _, y := range req.Years {
		if req.has(SheetProgram) {
			t, err := program.BuildTree(ctx, s, program.Filter{Year: y, Province: req.Province})
			if err != nil {
				return w, err
			}
			refs, err := loadRenjaRefs(ctx, s, t)
			if err != nil {
				return w, err
			}
			w.trees = append(w.trees, t)
			w.refs = append(w.refs, refs)
			w.total += t.Total.Lines
		}
		if req.has(SheetSync) {
			cws, err := program.BuildCrosswalks(ctx, s, req.Province, y)
			if err != nil {
				return w, err
			}
			w.cws = append(w.cws, cws)
			w.total += len(cws)
		}
	}
	for _, sh := range req.Sheets {
		if sh.fromRakor() {
			w.total++
		}
	}
	if slices.ContainsFunc(req.Sheets, Sheet.fromRakor) {
		if w.rakor, err = LoadRakor(ctx, s, req.MeetingID); err != nil {
			return w, err
		}
	}
	return w, nil
}

// ExportWorkbook writes one workbook with the chosen sheets, in AllSheets
// order, atomically: a failed or cancelled export leaves no file.
func ExportWorkbook(ctx context.Context, s *store.Store, path string, req WorkbookRequest, p profile.Profile, now time.Time, progress Progress) error {
	w, err := loadWorkbook(ctx, s, req)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("xlsx: styles: %w", err)
	}
	done := 0
	tick := func() {
		done++
		if progress != nil {
			progress(done, w.total)
		}
	}
	for _, sh := range AllSheets {
		if !req.has(sh) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		switch sh {
		case SheetTarget:
			err = writeTargetSheets(ctx, f, st, w.matrix, p, now, TargetSheetName, tick)
		case SheetProgram:
			for i, t := range w.trees {
				if err = writeProgramMatrix(ctx, f, st, t, w.refs[i], p, now, tick); err != nil {
					break
				}
			}
		case SheetSync:
			for i, y := range req.Years {
				if err = writeSyncMatrix(ctx, f, st, w.cws[i], req.Province, y, p, now, tick); err != nil {
					break
				}
			}
		case SheetAttendance:
			err = writeAttendance(ctx, f, st, w.rakor, p, now)
		case SheetDecisions:
			err = writeDecisions(ctx, f, st, w.rakor, p, now)
		case SheetChallenges:
			err = writeChallenges(ctx, f, st, w.rakor, p, now)
		case SheetMinutes:
			err = writeMinutes(ctx, f, st, w.rakor, p, now)
		}
		if err != nil {
			return err
		}
		if sh.fromRakor() {
			tick()
		}
	}
	if err := docProps(f, p, now); err != nil {
		return err
	}
	// No SetActiveSheet: it parses every streamed sheet back into memory, and
	// the first sheet (the renamed Sheet1) is already the active one.
	return SaveAtomically(ctx, f, path)
}
