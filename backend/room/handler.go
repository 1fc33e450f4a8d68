package room

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"selaras/backend/fault"
	"selaras/backend/rakor"
)

// What a room answers, and nothing else: every path outside /r/CODE/ is
// "not found", whatever it names (the workspace's bridge, a file).
//
//	GET  /r/CODE                 the mobile page
//	GET  /r/CODE/a/room.js|css   its script and style
//	GET  /r/CODE/api/keadaan     the view (View), as JSON
//	GET  /r/CODE/api/ikuti       the view, live (server-sent events)
//	GET  /r/CODE/api/wilayah     the regions to choose from
//	POST /r/CODE/api/hadir       a sign-in (JSON, the signature as a PNG data URL)
//	GET  /r/CODE/kesepakatan.pdf|xlsx   when the secretariat allows it

// csp lets the page run only its own script and style, draw on its
// canvas, and talk to this server only.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
	"form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

func (r *Room) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", csp)
		h.Set("Cache-Control", "no-store")
		// A page reached under another host name (DNS rebinding) is not ours.
		if !r.hosts[req.Host] {
			r.refuse(w, req, http.StatusMisdirectedRequest, fault.New(fault.RoomWrongLink, ""))
			return
		}
		ip := clientIP(req)
		if !r.limits.allow(ip) {
			h.Set("Retry-After", "5")
			r.refuse(w, req, http.StatusTooManyRequests, fault.New(fault.RoomSlowDown, ""))
			return
		}
		rest, ok := strings.CutPrefix(req.URL.Path, "/r/")
		code, sub, _ := strings.Cut(rest, "/")
		if !ok || !sameCode(code, r.code) {
			r.limits.badLink(ip)
			r.refuse(w, req, http.StatusNotFound, fault.New(fault.RoomWrongLink, ""))
			return
		}
		if !r.opt.Now().Before(r.expires) || r.ctx.Err() != nil {
			r.refuse(w, req, http.StatusGone, fault.New(fault.RoomWrongLink, ""))
			return
		}
		route := r.route(sub)
		if route.method == "" {
			r.refuse(w, req, http.StatusNotFound, fault.New(fault.RoomBadRequest, ""))
			return
		}
		if req.Method != route.method && !(route.method == http.MethodGet && req.Method == http.MethodHead) {
			h.Set("Allow", route.method)
			r.refuse(w, req, http.StatusMethodNotAllowed, fault.New(fault.RoomBadRequest, ""))
			return
		}
		if !route.stream {
			// A slow phone may not hold a connection writing forever; the
			// live stream sets its own deadline per event.
			_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(30 * time.Second))
		}
		route.serve(w, req, ip)
	})
}

type route struct {
	method string
	stream bool
	serve  func(http.ResponseWriter, *http.Request, netip.Addr)
}

func (r *Room) route(sub string) route {
	switch sub {
	case "":
		return route{method: http.MethodGet, serve: r.servePage}
	case "a/room.js", "a/room.css":
		return route{method: http.MethodGet, serve: func(w http.ResponseWriter, req *http.Request, _ netip.Addr) { serveAsset(w, req, sub[2:]) }}
	case "api/keadaan":
		return route{method: http.MethodGet, serve: r.serveView}
	case "api/ikuti":
		return route{method: http.MethodGet, stream: true, serve: r.serveFollow}
	case "api/wilayah":
		return route{method: http.MethodGet, serve: r.serveRegions}
	case "api/hadir":
		return route{method: http.MethodPost, serve: r.serveSignIn}
	case "kesepakatan.pdf", "kesepakatan.xlsx":
		return route{method: http.MethodGet, serve: func(w http.ResponseWriter, req *http.Request, _ netip.Addr) {
			r.serveDownload(w, req, strings.TrimPrefix(sub, "kesepakatan."))
		}}
	}
	return route{}
}

// clientIP is the phone's address (no proxy stands between a phone and the room).
func clientIP(req *http.Request) netip.Addr {
	ap, err := netip.ParseAddrPort(req.RemoteAddr)
	if err != nil {
		return netip.Addr{}
	}
	return ap.Addr().Unmap()
}

// problem is a refusal as the page reads it: a code, the field it
// concerns, and the message in both languages.
type problem struct {
	Code      fault.Code `json:"code"`
	Field     string     `json:"field"`
	Message   string     `json:"message"`
	MessageEn string     `json:"messageEn"`
}

func problemOf(err error) problem {
	return problem{Code: fault.CodeOf(err), Field: fault.FieldOf(err), Message: fault.Message(err, fault.ID),
		MessageEn: fault.Message(err, fault.EN)}
}

// refuse answers a refused request plainly: JSON to the page's calls, a
// short page to a person who opened a wrong address.
func (r *Room) refuse(w http.ResponseWriter, req *http.Request, status int, err error) {
	p := problemOf(err)
	if strings.Contains(req.URL.Path, "/api/") || req.Method != http.MethodGet {
		writeJSON(w, status, p)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, refusedPage, htmlEscape(p.Message), htmlEscape(p.MessageEn))
}

const refusedPage = `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
	`<title>Selaras</title><body style="font-family:sans-serif;padding:24px;line-height:1.5;color:#111">` +
	`<h1 style="font-size:20px">Selaras</h1><p>%s</p><p lang="en" style="color:#555">%s</p></body></html>`

func htmlEscape(s string) string {
	var b bytes.Buffer
	for _, c := range s {
		switch c {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"code":"internal"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func (r *Room) serveView(w http.ResponseWriter, req *http.Request, _ netip.Addr) {
	b := r.feed.current()
	v := r.feed.view()
	w.Header().Set("ETag", `"`+v.Version+`"`)
	if req.Header.Get("If-None-Match") == `"`+v.Version+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(b)
}

// serveFollow streams the view to a phone as it changes: the whole view
// each time (a few kilobytes), a comment every 15 seconds so the phone and
// the Wi-Fi keep the connection, and nothing more once the room closes.
func (r *Room) serveFollow(w http.ResponseWriter, req *http.Request, ip netip.Addr) {
	done, ok := r.limits.openStream(ip)
	if !ok {
		w.Header().Set("Retry-After", "10")
		r.refuse(w, req, http.StatusTooManyRequests, fault.New(fault.RoomBusy, ""))
		return
	}
	defer done()
	r.followers.Add(1)
	r.opt.Notify(Event{Kind: Changed})
	defer func() {
		r.followers.Add(-1)
		r.opt.Notify(Event{Kind: Changed})
	}()
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	views, stop := r.feed.follow()
	defer stop()
	write := func(s string) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(10 * time.Second))
		if _, err := w.Write([]byte(s)); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !write("retry: 3000\n\n") {
		return
	}
	beat := time.NewTicker(15 * time.Second)
	defer beat.Stop()
	for {
		select {
		case <-req.Context().Done():
			return
		case <-r.ctx.Done():
			return
		case <-r.feed.closing:
			write(`event: tutup` + "\n" + `data: {"why":"` + string(r.feed.reason()) + `"}` + "\n\n")
			return
		case b := <-views:
			if !write("event: keadaan\ndata: " + string(b) + "\n\n") {
				return
			}
		case <-beat.C:
			if !write(": ada\n\n") {
				return
			}
		}
	}
}

// signInRequest is what the page sends; anything else in it is refused.
type signInRequest struct {
	Name        string `json:"name"`
	NIP         string `json:"nip"`
	Position    string `json:"position"`
	Institution string `json:"institution"`
	Region      string `json:"region"`
	Signature   string `json:"signature"` // data:image/png;base64,...
}

// signInReply tells the phone what was recorded: what it sent, never
// anything from the list.
type signInReply struct {
	Name    string `json:"name"`
	Day     string `json:"day"`
	DayName string `json:"dayName"`
	DayNo   int    `json:"dayNo"`
	Days    int    `json:"days"`
	Already bool   `json:"already"`
}

const pngDataURL = "data:image/png;base64,"

func (r *Room) serveSignIn(w http.ResponseWriter, req *http.Request, ip netip.Addr) {
	// Only the page may sign in: a JSON request from its own origin. A form
	// on another site can send neither (not without a preflight this room
	// never grants).
	origin := req.Header.Get("Origin")
	if !strings.HasPrefix(req.Header.Get("Content-Type"), "application/json") ||
		(origin != "" && origin != "http://"+req.Host) ||
		(req.Header.Get("Sec-Fetch-Site") != "" && req.Header.Get("Sec-Fetch-Site") != "same-origin") {
		r.refuse(w, req, http.StatusForbidden, fault.New(fault.RoomBadRequest, ""))
		return
	}
	if !r.limits.signIn(ip) {
		w.Header().Set("Retry-After", strconv.Itoa(int(r.opt.Limits.SignInEvery.Seconds())))
		r.refuse(w, req, http.StatusTooManyRequests, fault.New(fault.RoomSlowDown, ""))
		return
	}
	maxKB := strconv.FormatInt(r.opt.Limits.Body>>10, 10)
	if req.ContentLength > r.opt.Limits.Body {
		r.refuse(w, req, http.StatusRequestEntityTooLarge, fault.New(fault.RoomTooLarge, "", "max", maxKB))
		return
	}
	body := http.MaxBytesReader(w, req.Body, r.opt.Limits.Body)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	var in signInRequest
	if err := dec.Decode(&in); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			r.refuse(w, req, http.StatusRequestEntityTooLarge, fault.New(fault.RoomTooLarge, "", "max", maxKB))
			return
		}
		r.refuse(w, req, http.StatusBadRequest, fault.New(fault.RoomBadRequest, ""))
		return
	}
	if dec.More() {
		r.refuse(w, req, http.StatusBadRequest, fault.New(fault.RoomBadRequest, ""))
		return
	}
	var png []byte
	if data, ok := strings.CutPrefix(in.Signature, pngDataURL); ok {
		var err error
		if png, err = base64.StdEncoding.DecodeString(data); err != nil {
			png = nil
		}
	}
	if png == nil && in.Signature != "" {
		r.refuse(w, req, http.StatusUnprocessableEntity, fault.Reject("attendance.signature", fault.ReasonSignatureNotPNG))
		return
	}
	// Decoding a signature takes a little CPU: a few at once, the others wait.
	ctx, cancel := context.WithTimeout(req.Context(), 20*time.Second)
	defer cancel()
	select {
	case r.signing <- struct{}{}:
		defer func() { <-r.signing }()
	case <-ctx.Done():
		r.refuse(w, req, http.StatusServiceUnavailable, fault.New(fault.RoomBusy, ""))
		return
	}
	now := r.opt.Now()
	day := now.Format("2006-01-02")
	a := rakor.Arrival{Name: in.Name, NIP: in.NIP, Position: in.Position, Institution: in.Institution, Region: in.Region, Signature: png}
	got, err := rakor.SignIn(ctx, r.s, r.opt.MeetingID, day, a, now)
	switch code := fault.CodeOf(err); {
	case err == nil:
	case code == fault.Invalid || code == fault.Required || code == fault.UnknownRegion || code == fault.NotMeetingDay:
		// What the phone typed or drew: said to it, field by field.
		r.refuse(w, req, http.StatusUnprocessableEntity, err)
		return
	case code == fault.NotFound:
		r.refuse(w, req, http.StatusGone, fault.New(fault.RoomWrongLink, ""))
		return
	default:
		// Anything of the laptop's own (the database busy, a right missing
		// on a server) is no business of the phone's, and its message may
		// name a file or a server: the phone is told to try again.
		log.Printf("selaras: room: sign-in: %v", err)
		r.refuse(w, req, http.StatusServiceUnavailable, fault.New(fault.RoomBusy, ""))
		return
	}
	r.opt.Notify(Event{Kind: Signed, Signed: got})
	_ = r.refresh(r.ctx)
	a.Normalize()
	v := r.feed.view()
	writeJSON(w, http.StatusOK, signInReply{Name: a.Name, Day: day, DayName: dayDate(day), DayNo: got.DayNo, Days: v.Days,
		Already: got.Already})
}
