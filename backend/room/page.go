package room

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"net/netip"
	"time"

	"selaras/backend/profile"
	"selaras/backend/rakor"
	"selaras/backend/region"
)

// The mobile page is plain HTML, one script and one style sheet (web/),
// served from the binary: nothing is fetched from anywhere else, fonts are
// the phone's own, and the whole page is a few tens of kilobytes.
//
//go:embed web/index.html web/room.js web/room.css
var web embed.FS

var pageTemplate = template.Must(template.ParseFS(web, "web/index.html"))

var started = time.Now()

func (r *Room) servePage(w http.ResponseWriter, req *http.Request, _ netip.Addr) {
	v := r.feed.view()
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, struct{ Code, Title string }{r.code, v.Title}); err != nil {
		http.Error(w, "page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(b.Bytes())
}

func serveAsset(w http.ResponseWriter, req *http.Request, name string) {
	b, err := web.ReadFile("web/" + name)
	if err != nil {
		http.NotFound(w, req)
		return
	}
	w.Header().Set("Cache-Control", "private, max-age=600")
	http.ServeContent(w, req, name, started, bytes.NewReader(b))
}

// RegionChoice is a region a participant may choose.
type RegionChoice struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Group string `json:"group"` // "provinsi": the meeting's province and its kab/kota; "lain": the other provinces
}

// serveRegions lists the regions of the workspace: the meeting's province
// (else the office's) with its kabupaten/kota first, then the other
// provinces for guests from elsewhere.
func (r *Room) serveRegions(w http.ResponseWriter, req *http.Request, _ netip.Addr) {
	m, err := rakor.GetMeeting(req.Context(), r.s, r.opt.MeetingID)
	if err != nil {
		r.refuse(w, req, http.StatusGone, err)
		return
	}
	home := m.ProvinceCode
	if home == "" {
		if p, err := profile.Get(req.Context(), r.s); err == nil {
			home = p.ProvinceCode
		}
	}
	out := []RegionChoice{}
	cat := region.Default()
	if p, ok := cat.Lookup(home); ok && home != "" {
		out = append(out, RegionChoice{Code: p.Code, Name: p.Name, Group: "provinsi"})
		for _, k := range cat.Regencies(home) {
			out = append(out, RegionChoice{Code: k.Code, Name: k.Name, Group: "provinsi"})
		}
	}
	for _, p := range cat.Provinces() {
		if p.Code != home {
			out = append(out, RegionChoice{Code: p.Code, Name: p.Name, Group: "lain"})
		}
	}
	w.Header().Set("Cache-Control", "private, max-age=600")
	writeJSON(w, http.StatusOK, out)
}
