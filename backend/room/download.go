package room

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/rakor"
	"selaras/backend/xlsx"
)

// The Kesepakatan a participant takes home, when the secretariat allows
// it: the Excel sheet the secretariat exports, and a PDF made here in Go
// (fpdf, its built-in fonts): no LibreOffice is needed on the laptop, and a
// phone saves a PDF in one tap, where "print to PDF" is hidden on most
// phones. Each is made once per version of the decisions and kept in a
// folder of the room's, removed when the room closes.

type files struct {
	dir   string
	mu    sync.Mutex
	cache map[string]string // "pdf" / "xlsx" -> the version it was made of
}

// path is where a version is kept: a new name per version, so a phone
// still downloading the last one is never cut off (Windows cannot replace
// a file that is open).
func (f *files) path(kind, version string) string {
	return filepath.Join(f.dir, "kesepakatan-"+version+"."+kind)
}

func (f *files) remove() { _ = os.RemoveAll(f.dir) }

func (r *Room) serveDownload(w http.ResponseWriter, req *http.Request, kind string) {
	if !r.downloads.Load() {
		r.refuse(w, req, http.StatusForbidden, fault.New(fault.RoomNoDownloads, ""))
		return
	}
	path, name, err := r.download(req.Context(), kind)
	if err != nil {
		r.refuse(w, req, http.StatusServiceUnavailable, fault.New(fault.RoomBusy, ""))
		return
	}
	fh, err := os.Open(path)
	if err != nil {
		r.refuse(w, req, http.StatusServiceUnavailable, fault.New(fault.RoomBusy, ""))
		return
	}
	defer fh.Close()
	ctype := "application/pdf"
	if kind == "xlsx" {
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	http.ServeContent(w, req, "", time.Time{}, fh)
}

// download makes (or finds made) the Kesepakatan of the current version.
func (r *Room) download(ctx context.Context, kind string) (path, name string, err error) {
	v := r.feed.view()
	name = "Kesepakatan-" + slug(v.Title) + "." + kind
	f := r.files
	f.mu.Lock()
	defer f.mu.Unlock()
	path = f.path(kind, v.Version)
	if f.cache[kind] == v.Version {
		return path, name, nil
	}
	p, err := profile.Get(ctx, r.s)
	if err != nil {
		return "", "", err
	}
	m, err := rakor.GetMeeting(ctx, r.s, r.opt.MeetingID)
	if err != nil {
		return "", "", err
	}
	switch kind {
	case "xlsx":
		err = xlsx.ExportWorkbook(ctx, r.s, path, xlsx.WorkbookRequest{Province: m.ProvinceCode, Sheets: []xlsx.Sheet{xlsx.SheetDecisions},
			MeetingID: m.ID}, p, r.opt.Now(), nil)
	default:
		err = writePDF(path, p, m, v)
	}
	if err != nil {
		return "", "", err
	}
	if f.cache == nil {
		f.cache = map[string]string{}
	}
	if old, ok := f.cache[kind]; ok {
		_ = os.Remove(f.path(kind, old)) // fails harmlessly while one is still being sent
	}
	f.cache[kind] = v.Version
	return path, name, nil
}

var notWord = regexp.MustCompile(`[^A-Za-z0-9]+`)

// slug makes a file name of a title: ASCII words joined by dashes.
func slug(s string) string {
	s = strings.Trim(notWord.ReplaceAllString(s, "-"), "-")
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
	}
	if s == "" {
		return "Rapat"
	}
	return s
}

// writePDF lays the Kesepakatan out on the office's paper (A4 or F4,
// portrait): the kop, the title, the decisions numbered as agreed, and the
// head of office's signature on the page of the last rows.
func writePDF(path string, p profile.Profile, m rakor.Meeting, v View) error {
	size := fpdf.SizeType{Wd: 210, Ht: 297}
	if p.PaperSize == profile.F4 {
		size = fpdf.SizeType{Wd: 215, Ht: 330}
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: size})
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	const left, right, bottom = 20.0, 20.0, 18.0
	pdf.SetMargins(left, 15, right)
	pdf.SetAutoPageBreak(false, bottom)
	pdf.AliasNbPages("{nb}")
	pdf.SetTitle("Kesepakatan "+m.Title, true)
	pdf.SetCreator("Selaras", true)
	width := size.Wd - left - right
	pdf.SetHeaderFunc(func() {
		if p.Demo {
			pdf.SetFont("Helvetica", "B", 9)
			pdf.SetTextColor(192, 0, 0)
			pdf.SetFillColor(255, 230, 153)
			pdf.CellFormat(width, 6, tr("CONTOH — data demo, bukan data resmi"), "", 1, "C", true, 0, "")
			pdf.SetTextColor(0, 0, 0)
			pdf.Ln(2)
		}
	})
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont("Helvetica", "", 8)
		pdf.CellFormat(0, 5, tr(fmt.Sprintf("Halaman %d dari {nb}", pdf.PageNo())), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	kop := rakor.KopOf(p)
	center := func(text, style string, size, h float64) {
		pdf.SetFont("Helvetica", style, size)
		pdf.MultiCell(width, h, tr(text), "", "C", false)
	}
	if kop.Government != "" {
		center(strings.ToUpper(kop.Government), "B", 12, 6)
	}
	center(strings.ToUpper(kop.Office), "B", 14, 7)
	if kop.Contact != "" {
		center(kop.Contact, "", 9, 4.5)
	}
	y := pdf.GetY() + 1.5
	pdf.SetLineWidth(0.8)
	pdf.Line(left, y, left+width, y)
	pdf.SetLineWidth(0.2)
	pdf.Line(left, y+1.2, left+width, y+1.2)
	pdf.SetY(y + 5)
	center("KESEPAKATAN", "B", 13, 7)
	center(rakor.NewRecord(m, nil, nil, nil).Heading, "B", 11, 5.5)
	place := v.Dates
	if m.Venue != "" {
		place += " · " + m.Venue
	}
	center(place, "", 10, 5)
	pdf.Ln(4)

	cols := []struct {
		head string
		w    float64
	}{{"No", 10}, {"Kesepakatan", width - 10 - 36 - 31 - 22}, {"Penanggung Jawab", 36}, {"Batas Waktu", 31}, {"Status", 22}}
	const line = 4.6
	page := size.Ht - bottom
	head := func() {
		pdf.SetFont("Helvetica", "B", 10)
		pdf.SetFillColor(226, 232, 240)
		x := left
		for _, c := range cols {
			pdf.SetXY(x, pdf.GetY())
			pdf.CellFormat(c.w, 7, tr(c.head), "1", 0, "C", true, 0, "")
			x += c.w
		}
		pdf.Ln(7)
	}
	head()
	pdf.SetFont("Helvetica", "", 10)
	for _, d := range v.Decisions {
		status := d.Status
		text := d.Text
		if d.NotAgreed {
			status = "Belum disepakati"
			if d.Reason != "" {
				text += "\n(Alasan: " + d.Reason + ")"
			}
		}
		due := d.Due
		if due == "" {
			due = "–"
		}
		owner := d.Owner
		if owner == "" {
			owner = "–"
		}
		cells := []string{fmt.Sprintf("%d.", d.No), text, owner, due, status}
		lines := make([][]string, len(cells))
		n := 1
		for i, c := range cells {
			// Split the text as written (SplitText reads UTF-8), then
			// translate each line to the core fonts' code page.
			for _, para := range strings.Split(c, "\n") {
				for _, l := range pdf.SplitText(para, cols[i].w-2) {
					lines[i] = append(lines[i], tr(l))
				}
			}
			n = max(n, len(lines[i]))
		}
		h := float64(n)*line + 2
		if pdf.GetY()+h > page {
			pdf.AddPage()
			head()
			pdf.SetFont("Helvetica", "", 10)
		}
		x, top := left, pdf.GetY()
		for i, c := range cols {
			pdf.Rect(x, top, c.w, h, "D")
			for j, l := range lines[i] {
				align := "L"
				if i == 0 {
					align = "C"
				}
				pdf.SetXY(x+1, top+1+float64(j)*line)
				pdf.CellFormat(c.w-2, line, l, "", 0, align, false, 0, "")
			}
			x += c.w
		}
		pdf.SetXY(left, top+h)
	}
	if len(v.Decisions) == 0 {
		pdf.SetFont("Helvetica", "I", 10)
		pdf.CellFormat(width, 8, tr("Belum ada kesepakatan yang dicatat."), "1", 1, "C", false, 0, "")
	}

	// The signature stays with the last rows: a new page only when it
	// does not fit under them.
	const block = 42.0
	if pdf.GetY()+8+block > page {
		pdf.AddPage()
	}
	pdf.Ln(8)
	sx := left + width*0.55
	sw := width * 0.45
	sign := func(text, style string) {
		pdf.SetX(sx)
		pdf.SetFont("Helvetica", style, 10)
		pdf.MultiCell(sw, 5, tr(text), "", "C", false)
	}
	sign(kop.SignPlace+", "+longDate(m.EndDate), "")
	sign(p.HeadPosition, "")
	pdf.Ln(16)
	sign(p.HeadName, "B")
	if p.HeadNIP != "" {
		sign("NIP. "+p.HeadNIP, "")
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("room: pdf: %w", err)
	}
	return pdf.OutputFileAndClose(path)
}
