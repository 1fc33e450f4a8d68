package room

import (
	"net/netip"
	"sync"
	"time"
)

// Limits bound what one phone, and all of them, may ask of a room. A phone
// on the hotspot or the room's Wi-Fi has its own address, so the limits
// are per address: one phone flooding the room is refused, the others are
// served.
type Limits struct {
	Requests      float64 // requests per second a phone may make, with a burst of twice as many
	SignIns       int     // sign-ins a phone may send in a row (a helper signing in colleagues)...
	SignInEvery   time.Duration
	Followers     int   // live streams per phone
	MaxFollowers  int   // live streams in all
	BadLinks      int   // wrong secrets a phone may try in a minute before it is refused for a minute
	Body          int64 // bytes of a sign-in
	Connections   int   // open connections in all
	SignInsAtOnce int   // sign-ins checked at once (decoding a signature takes CPU)
	Phones        int   // phones remembered at once
}

// DefaultLimits fit a room of up to a few hundred people.
var DefaultLimits = Limits{Requests: 20, SignIns: 5, SignInEvery: 6 * time.Second, Followers: 4, MaxFollowers: 600,
	BadLinks: 10, Body: 400 << 10, Connections: 1500, SignInsAtOnce: 4, Phones: 4096}

// withDefaults takes each limit that is not above zero from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	return Limits{
		Requests:      positiveOr(l.Requests, d.Requests),
		SignIns:       positiveOr(l.SignIns, d.SignIns),
		SignInEvery:   positiveOr(l.SignInEvery, d.SignInEvery),
		Followers:     positiveOr(l.Followers, d.Followers),
		MaxFollowers:  positiveOr(l.MaxFollowers, d.MaxFollowers),
		BadLinks:      positiveOr(l.BadLinks, d.BadLinks),
		Body:          positiveOr(l.Body, d.Body),
		Connections:   positiveOr(l.Connections, d.Connections),
		SignInsAtOnce: positiveOr(l.SignInsAtOnce, d.SignInsAtOnce),
		Phones:        positiveOr(l.Phones, d.Phones),
	}
}

// positiveOr is v where it is above zero, else def.
func positiveOr[N ~int | ~int64 | ~float64](v, def N) N {
	if v > 0 {
		return v
	}
	return def
}

// phone is what a room remembers of one address.
type phone struct {
	requests, signIns float64 // token buckets
	last              time.Time
	streams           int
	bad               int
	badSince          time.Time
	blockedUntil      time.Time
}

type limiter struct {
	l       Limits
	mu      sync.Mutex
	phones  map[netip.Addr]*phone
	streams int
	now     func() time.Time
}

func newLimiter(l Limits) *limiter {
	return &limiter{l: l, phones: map[netip.Addr]*phone{}, now: time.Now}
}

// get returns the phone at ip with its buckets refilled; nil when the room
// remembers as many phones as it may and this is a new one.
func (lm *limiter) get(ip netip.Addr) *phone {
	now := lm.now()
	p := lm.phones[ip]
	if p == nil {
		if len(lm.phones) >= lm.l.Phones {
			lm.forget(now)
			if len(lm.phones) >= lm.l.Phones {
				return nil
			}
		}
		p = &phone{requests: 2 * lm.l.Requests, signIns: float64(lm.l.SignIns), last: now}
		lm.phones[ip] = p
	}
	dt := now.Sub(p.last).Seconds()
	p.requests = min(2*lm.l.Requests, p.requests+dt*lm.l.Requests)
	p.signIns = min(float64(lm.l.SignIns), p.signIns+dt/lm.l.SignInEvery.Seconds())
	p.last = now
	return p
}

// forget drops the phones idle for two minutes with no stream open.
func (lm *limiter) forget(now time.Time) {
	for ip, p := range lm.phones {
		if p.streams == 0 && now.Sub(p.last) > 2*time.Minute && now.After(p.blockedUntil) {
			delete(lm.phones, ip)
		}
	}
}

// allow takes one request from ip's bucket.
func (lm *limiter) allow(ip netip.Addr) bool {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	p := lm.get(ip)
	if p == nil || lm.now().Before(p.blockedUntil) || p.requests < 1 {
		return false
	}
	p.requests--
	return true
}

// signIn takes one sign-in from ip's bucket.
func (lm *limiter) signIn(ip netip.Addr) bool {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	p := lm.get(ip)
	if p == nil || p.signIns < 1 {
		return false
	}
	p.signIns--
	return true
}

// badLink counts a wrong secret from ip; past the limit, ip is refused
// everything for a minute.
func (lm *limiter) badLink(ip netip.Addr) {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	p := lm.get(ip)
	if p == nil {
		return
	}
	now := lm.now()
	if now.Sub(p.badSince) > time.Minute {
		p.bad, p.badSince = 0, now
	}
	p.bad++
	if p.bad > lm.l.BadLinks {
		p.blockedUntil = now.Add(time.Minute)
	}
}

// openStream admits one more live stream from ip, if its share and the
// room's allow it; done releases it.
func (lm *limiter) openStream(ip netip.Addr) (done func(), ok bool) {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	p := lm.get(ip)
	if p == nil || p.streams >= lm.l.Followers || lm.streams >= lm.l.MaxFollowers {
		return nil, false
	}
	p.streams++
	lm.streams++
	var once sync.Once
	return func() {
		once.Do(func() {
			lm.mu.Lock()
			defer lm.mu.Unlock()
			p.streams--
			lm.streams--
		})
	}, true
}
