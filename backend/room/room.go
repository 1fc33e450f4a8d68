// Package room serves one meeting to the phones in the meeting room, from
// the secretariat's laptop, with no internet: a small HTTP server on the
// laptop's Wi-Fi or hotspot address, reachable only under a secret made for
// that meeting (/r/CODE). It serves a mobile page where each participant
// fills in the Daftar Hadir and signs it with a finger, and follows the
// agenda and the decisions live, read-only; when the secretariat allows it,
// the Kesepakatan as PDF or Excel. Nothing else of the workspace is
// reachable through it, and no participant sees another's personal data.
//
// The room lives as long as the secretariat keeps it open and the meeting
// lasts: Close, or the end of the meeting's last day (local time), or the
// meeting deleted, ends every open connection and the secret with them.
package room

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/net/netutil"

	"selaras/backend/fault"
	"selaras/backend/rakor"
	"selaras/backend/store"
)

// DefaultPort is where a room listens, or the first free port of the
// PortTries above it (a firewall rule names them all).
const (
	DefaultPort = 8421
	PortTries   = 9
)

// Options open a room.
type Options struct {
	MeetingID int64
	// Addrs are the exact addresses to listen on ("127.0.0.1:0" in tests,
	// --room-addr); empty: the private IPv4 addresses of this computer's
	// network interfaces (Wi-Fi, hotspot, cable), on Port or the next free
	// port above it.
	Addrs []string
	Port  int
	// Now is the clock of the meeting's days and end; default time.Now.
	Now func() time.Time
	// Notify is told what happens in the room, on the room's goroutines.
	Notify func(Event)
	Limits Limits
	// Poll is how often the agenda and decisions are read again for the
	// followers (whoever wrote them: this app, the CLI, another PC).
	Poll time.Duration
}

// EventKind says what happened in a room.
type EventKind string

const (
	Signed  EventKind = "signed"  // a participant signed the Daftar Hadir
	Changed EventKind = "changed" // phones came or went, or the count of signatures changed
	Closed  EventKind = "closed"  // the room closed
)

// CloseReason says why a room closed.
type CloseReason string

const (
	ByUser  CloseReason = "closed"  // the secretariat closed it
	Ended   CloseReason = "ended"   // the meeting's last day is over
	Deleted CloseReason = "deleted" // the meeting was deleted
)

// Event is something that happened in a room.
type Event struct {
	Kind   EventKind
	Signed rakor.SignedIn // Kind Signed
	Why    CloseReason    // Kind Closed
}

// Link is an address phones can open, with the interface it is on.
type Link struct {
	URL       string `json:"url"`
	Interface string `json:"interface"`
}

// Info is what the secretariat sees of an open room.
type Info struct {
	MeetingID int64     `json:"meetingId"`
	Code      string    `json:"code"`
	Links     []Link    `json:"links"`
	Downloads bool      `json:"downloads"`
	Followers int       `json:"followers"` // phones following the decisions now
	Signed    int       `json:"signed"`    // participants who signed today
	Day       string    `json:"day"`       // today, when it is a meeting day
	DayNo     int       `json:"dayNo"`     // 1 for the first day; 0: not a meeting day
	Days      int       `json:"days"`
	Expires   time.Time `json:"expires"` // the end of the meeting's last day
}

// Room is an open room.
type Room struct {
	s       *store.Store
	opt     Options
	code    string
	links   []Link
	hosts   map[string]bool // Host headers naming this server
	expires time.Time
	limits  *limiter
	feed    *feed
	files   *files

	ctx       context.Context
	cancel    context.CancelFunc
	servers   []*http.Server
	wg        sync.WaitGroup
	closeOnce sync.Once
	pollDone  chan struct{}
	wake      chan struct{} // a write of this app committed: read again now

	downloads atomic.Bool
	followers atomic.Int64
	signed    atomic.Int64
	signing   chan struct{} // sign-ins checked at once
}

// Open starts a room for a meeting: it refuses a meeting that has ended,
// and says what to do when the laptop has no network phones can reach or
// the port is taken.
func Open(ctx context.Context, s *store.Store, opt Options) (*Room, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Notify == nil {
		opt.Notify = func(Event) {}
	}
	if opt.Port == 0 {
		opt.Port = DefaultPort
	}
	if opt.Poll == 0 {
		opt.Poll = 250 * time.Millisecond
	}
	opt.Limits = opt.Limits.withDefaults()
	if s.ReadOnly() {
		// Phones could not sign: say so to the secretariat now.
		code := fault.ReadOnlyWorkspace
		if s.Engine() == store.Postgres {
			code = fault.ReadOnlyRole
		}
		return nil, fault.New(code, "", "path", s.Path())
	}
	m, err := rakor.GetMeeting(ctx, s, opt.MeetingID)
	if err != nil {
		return nil, err
	}
	expires := endOf(m)
	if !opt.Now().Before(expires) {
		return nil, fault.New(fault.RoomMeetingEnded, "", "date", longDate(m.EndDate))
	}
	code, err := newCode()
	if err != nil {
		return nil, err
	}
	lns, links, err := listen(opt)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "selaras-ruang-")
	if err != nil {
		closeAll(lns)
		return nil, fmt.Errorf("room: %w", err)
	}
	r := &Room{s: s, opt: opt, code: code, expires: expires, hosts: map[string]bool{},
		limits: newLimiter(opt.Limits), feed: newFeed(), files: &files{dir: dir},
		pollDone: make(chan struct{}), wake: make(chan struct{}, 1), signing: make(chan struct{}, opt.Limits.SignInsAtOnce)}
	r.ctx, r.cancel = context.WithCancel(context.Background())
	for i, ln := range lns {
		addr := ln.Addr().String()
		r.hosts[addr] = true
		links[i].URL = "http://" + addr + "/r/" + code
	}
	r.links = links
	if err := r.refresh(ctx); err != nil {
		closeAll(lns)
		os.RemoveAll(dir)
		return nil, err
	}
	h := r.handler()
	for _, ln := range lns {
		srv := &http.Server{
			Handler:           h,
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       30 * time.Second,
			IdleTimeout:       30 * time.Second,
			MaxHeaderBytes:    8 << 10,
			ErrorLog:          log.New(io.Discard, "", 0),
			BaseContext:       func(net.Listener) context.Context { return r.ctx },
		}
		r.servers = append(r.servers, srv)
		limited := netutil.LimitListener(ln, opt.Limits.Connections)
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			_ = srv.Serve(limited)
		}()
	}
	go r.poll()
	return r, nil
}

// closeAll closes listeners not yet served.
func closeAll(lns []net.Listener) {
	for _, ln := range lns {
		ln.Close()
	}
}

// endOf is the end of a meeting's last day, in local time.
func endOf(m rakor.Meeting) time.Time {
	d, err := time.ParseInLocation("2006-01-02", m.EndDate, time.Local)
	if err != nil {
		return time.Time{}
	}
	return d.AddDate(0, 0, 1)
}

// Close ends the room: every open connection, the secret, the files made
// for downloads. It is safe to call more than once.
func (r *Room) Close() error {
	r.close(ByUser)
	return nil
}

func (r *Room) close(why CloseReason) {
	r.closeOnce.Do(func() {
		// The followers are told first, so a phone says the room was
		// closed rather than that its Wi-Fi dropped; then every connection
		// is cut, whether or not its phone took the news.
		r.feed.shut(why)
		for wait := time.Now().Add(500 * time.Millisecond); r.followers.Load() > 0 && time.Now().Before(wait); {
			time.Sleep(10 * time.Millisecond)
		}
		r.cancel()
		for _, srv := range r.servers {
			_ = srv.Close() // every connection, the followers' streams too
		}
		r.wg.Wait()
		<-r.pollDone
		r.files.remove()
		r.opt.Notify(Event{Kind: Closed, Why: why})
	})
}

// Done is closed once the room has closed, whatever closed it.
func (r *Room) Done() <-chan struct{} { return r.ctx.Done() }

// MeetingID is the meeting the room serves.
func (r *Room) MeetingID() int64 { return r.opt.MeetingID }

// SetDownloads allows or forbids downloading the Kesepakatan.
func (r *Room) SetDownloads(allow bool) {
	r.downloads.Store(allow)
	_ = r.refresh(r.ctx)
}

// Info is the room as the secretariat sees it.
func (r *Room) Info() Info {
	v := r.feed.view()
	return Info{MeetingID: r.opt.MeetingID, Code: r.code, Links: append([]Link{}, r.links...), Downloads: r.downloads.Load(),
		Followers: int(r.followers.Load()), Signed: int(r.signed.Load()), Day: v.Day, DayNo: v.DayNo, Days: v.Days,
		Expires: r.expires}
}

// poll reads what followers see until the room closes, publishing it when
// it changed, and closes the room when the meeting ends or is deleted. A
// write of this app (a decision typed on the laptop) wakes it at once;
// another PC's write to a shared workspace is found at the next tick.
func (r *Room) poll() {
	defer close(r.pollDone)
	t := time.NewTicker(r.opt.Poll)
	defer t.Stop()
	stop := r.s.OnCommit(func() {
		select {
		case r.wake <- struct{}{}:
		default: // a wake-up is pending already
		}
	})
	defer stop()
	for {
		select {
		case <-r.ctx.Done():
			return
		case <-t.C:
		case <-r.wake:
		}
		if !r.opt.Now().Before(r.expires) {
			go r.close(Ended)
			return
		}
		err := r.refresh(r.ctx)
		if fault.Is(err, fault.NotFound) {
			go r.close(Deleted)
			return
		}
	}
}

// refresh reads the meeting, its agenda and decisions, and publishes them
// to the followers when they changed.
func (r *Room) refresh(ctx context.Context) error {
	v, signed, err := r.read(ctx)
	if err != nil {
		return err
	}
	if r.signed.Swap(int64(signed)) != int64(signed) {
		r.opt.Notify(Event{Kind: Changed})
	}
	r.feed.publish(v)
	return nil
}

// portRange says which ports a room tries, for a message.
func portRange(p int) (string, string) { return strconv.Itoa(p), strconv.Itoa(p + PortTries - 1) }
