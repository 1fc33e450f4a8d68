package app

import (
	"context"
	"encoding/base64"
	"sync"
	"time"

	"selaras/backend/fault"
	"selaras/backend/rakor"
	"selaras/backend/room"
	"selaras/backend/store"
)

// Room is the bound service of the meeting room: "Buka untuk peserta"
// opens a small server for one meeting on the laptop's Wi-Fi or hotspot
// (backend/room), shown as a QR code on the meeting page and on the deck.
// One room at a time; it closes with the workspace, the app, the meeting's
// last day, or the secretariat.
type Room struct{ a *App }

// RoomEvent carries the room's state to the screens whenever it changes.
const RoomEvent = "room:state"

// RoomState is the room as the meeting page and the deck show it.
type RoomState struct {
	Open      bool       `json:"open"`
	MeetingID int64      `json:"meetingId"`
	Code      string     `json:"code"`
	Links     []RoomLink `json:"links"` // the first is the one the QR code carries
	Downloads bool       `json:"downloads"`
	Followers int        `json:"followers"` // phones following now
	Signed    int        `json:"signed"`    // participants who signed today
	DayNo     int        `json:"dayNo"`     // 0: today is not a meeting day (no signing)
	Days      int        `json:"days"`
	Until     string     `json:"until"` // ISO date: the room closes at the end of this day
	// Firewall is, on Windows, the command an administrator runs once so
	// phones can reach the room, when no such rule was found; else "".
	Firewall string `json:"firewall"`
	// Closed says why the last room closed: "closed", "ended", "deleted", "" (open or never opened).
	Closed string `json:"closed"`
}

// RoomLink is an address phones can open, with its QR code (an SVG data URL).
type RoomLink struct {
	URL       string `json:"url"`
	Interface string `json:"interface"`
	QR        string `json:"qr"`
}

// roomState is the app's open room, if any.
type roomState struct {
	mu     sync.Mutex
	r      *room.Room
	closed string
	links  []RoomLink // the open room's, with their QR codes (made once)
	wall   string     // the firewall help, worked out once per room
	timer  *time.Timer
}

// State is the open room, or a closed one.
func (r *Room) State() RoomState { return r.a.roomState() }

// Open opens the room for a meeting (closing one open for another meeting).
func (r *Room) Open(meetingID int64) (RoomState, error) {
	return with(r.a, RoomState{}, func(ctx context.Context, s *store.Store) (RoomState, error) {
		return r.a.openRoom(ctx, s, meetingID)
	})
}

// Close closes the room: the link stops working and every phone is cut off.
func (r *Room) Close() RoomState {
	r.a.closeRoom()
	return r.a.roomState()
}

// SetDownloads allows or forbids participants to download the Kesepakatan.
func (r *Room) SetDownloads(allow bool) (RoomState, error) {
	return respond(r.a, RoomState{}, func(context.Context) (RoomState, error) {
		rs := &r.a.room
		rs.mu.Lock()
		open := rs.r
		rs.mu.Unlock()
		if open == nil {
			return RoomState{}, fault.New(fault.RoomNotOpen, "")
		}
		open.SetDownloads(allow)
		return r.a.roomState(), nil
	})
}

func (a *App) openRoom(ctx context.Context, s *store.Store, meetingID int64) (RoomState, error) {
	a.closeRoom()
	rs := &a.room
	opened, err := room.Open(ctx, s, room.Options{MeetingID: meetingID, Addrs: a.opt.RoomAddrs, Notify: func(ev room.Event) {
		a.roomEvent(ev)
	}})
	if err != nil {
		return RoomState{}, err
	}
	info := opened.Info()
	links := make([]RoomLink, len(info.Links))
	for i, l := range info.Links {
		qr, err := room.QRDataURL(l.URL)
		if err != nil {
			opened.Close()
			return RoomState{}, err
		}
		links[i] = RoomLink{URL: l.URL, Interface: l.Interface, QR: qr}
	}
	rs.mu.Lock()
	rs.r, rs.closed, rs.links, rs.wall = opened, "", links, firewallHelp(a.opt.RoomAddrs == nil)
	rs.mu.Unlock()
	state := a.roomState()
	a.emit(RoomEvent, state)
	return state, nil
}

// closeRoom closes the open room, if any; called too where the workspace
// it serves is replaced or closed.
func (a *App) closeRoom() {
	rs := &a.room
	rs.mu.Lock()
	open := rs.r
	rs.mu.Unlock()
	if open != nil {
		open.Close() // its Closed event clears the state
	}
}

// roomEvent turns what happened in the room into the screens' events: a
// sign-in refreshes the participants list (on a file no other PC tells the
// app; on a server the app skips its own changes), and the room's state,
// at most five times a second however many phones come and go.
func (a *App) roomEvent(ev room.Event) {
	rs := &a.room
	switch ev.Kind {
	case room.Signed:
		a.emit(LiveEvent, LiveChange{Tables: []string{"attendance", "meeting_participant"}})
	case room.Closed:
		rs.mu.Lock()
		rs.r, rs.closed, rs.links = nil, string(ev.Why), nil
		if rs.timer != nil {
			rs.timer.Stop()
			rs.timer = nil
		}
		rs.mu.Unlock()
		a.emit(RoomEvent, a.roomState())
		return
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.timer == nil {
		rs.timer = time.AfterFunc(200*time.Millisecond, func() {
			rs.mu.Lock()
			rs.timer = nil
			rs.mu.Unlock()
			a.emit(RoomEvent, a.roomState())
		})
	}
}

func (a *App) roomState() RoomState {
	rs := &a.room
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.r == nil {
		return RoomState{Links: []RoomLink{}, Closed: rs.closed}
	}
	info := rs.r.Info()
	return RoomState{Open: true, MeetingID: info.MeetingID, Code: info.Code, Links: rs.links, Downloads: info.Downloads,
		Followers: info.Followers, Signed: info.Signed, DayNo: info.DayNo, Days: info.Days,
		Until: info.Expires.AddDate(0, 0, -1).Format("2006-01-02"), Firewall: rs.wall}
}

// Attendance lists the days a meeting's participants signed on phones.
func (r *Rakor) Attendance(meetingID int64) ([]rakor.Signed, error) {
	return with(r.a, []rakor.Signed{}, func(ctx context.Context, s *store.Store) ([]rakor.Signed, error) {
		return rakor.Attendances(ctx, s, meetingID)
	})
}

// Signature is a participant's signature of a day, as an image address
// the participants list and the printed record show.
func (r *Rakor) Signature(participantID int64, day string) (string, error) {
	return with(r.a, "", func(ctx context.Context, s *store.Store) (string, error) {
		png, err := rakor.Signature(ctx, s, participantID, day)
		if err != nil {
			return "", err
		}
		return pngDataURL(png), nil
	})
}

// Signatures are the signatures of a meeting's participants as image
// addresses: participant id -> day -> image, for the printed record.
func (r *Rakor) Signatures(meetingID int64) (map[int64]map[string]string, error) {
	return with(r.a, map[int64]map[string]string{}, func(ctx context.Context, s *store.Store) (map[int64]map[string]string, error) {
		sigs, err := rakor.Signatures(ctx, s, meetingID)
		if err != nil {
			return nil, err
		}
		out := make(map[int64]map[string]string, len(sigs))
		for id, days := range sigs {
			out[id] = make(map[string]string, len(days))
			for d, png := range days {
				out[id][d] = pngDataURL(png)
			}
		}
		return out, nil
	})
}

func pngDataURL(png []byte) string {
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(png)
}
