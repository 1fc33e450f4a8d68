package app

import (
	"context"
	"sort"
	"sync"
	"time"

	"selaras/backend/store"
)

// Live: on a shared workspace, what other PCs write reaches the screens
// without a reload. The store's change notifications become one app event,
// the same path in the native window and in the browser build.

// LiveEvent is the event the frontend subscribes to.
const LiveEvent = "workspace:changed"

// liveWindow gathers a burst of changes (an import of thousands of values,
// a decision saved with its follow-ups) into one event.
const liveWindow = 150 * time.Millisecond

// LiveChange is the payload of LiveEvent: the tables written elsewhere, or
// Resync when notifications may have been missed (reload everything).
type LiveChange struct {
	Tables []string `json:"tables"`
	Resync bool     `json:"resync"`
}

// watch follows s's changes in place of the workspace followed before (nil:
// none). Call it wherever a.st is replaced, with a.mu held.
func (a *App) watch(s *store.Store) {
	if a.stopLive != nil {
		a.stopLive()
		a.stopLive = nil
	}
	// A SQLite file is written by this app only: its own writes are never
	// news, so there is nothing to follow.
	if s == nil || s.Engine() != store.Postgres {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	a.stopLive = cancel
	c := &coalescer{window: liveWindow, emit: func(ch LiveChange) {
		if ctx.Err() == nil { // the workspace changed meanwhile: not its news
			a.emit(LiveEvent, ch)
		}
	}}
	go func() { _ = s.Listen(ctx, c.add) }()
}

// coalescer turns a stream of store changes into at most one event per
// window, skipping the changes this app made itself (the screen that saved
// has already refreshed).
type coalescer struct {
	window time.Duration
	emit   func(LiveChange)
	later  func(time.Duration, func()) // time.AfterFunc; a test flushes by hand

	mu      sync.Mutex
	tables  map[string]bool
	resync  bool
	pending bool
}

func (c *coalescer) add(ch store.Change) {
	if ch.Own && !ch.Resync {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tables == nil {
		c.tables = map[string]bool{}
	}
	if ch.Table != "" {
		c.tables[ch.Table] = true
	}
	c.resync = c.resync || ch.Resync
	if !c.pending {
		c.pending = true
		if c.later == nil {
			time.AfterFunc(c.window, c.flush)
		} else {
			c.later(c.window, c.flush)
		}
	}
}

func (c *coalescer) flush() {
	c.mu.Lock()
	out := LiveChange{Tables: make([]string, 0, len(c.tables)), Resync: c.resync}
	for t := range c.tables {
		out.Tables = append(out.Tables, t)
	}
	c.tables, c.resync, c.pending = nil, false, false
	c.mu.Unlock()
	sort.Strings(out.Tables)
	c.emit(out)
}
