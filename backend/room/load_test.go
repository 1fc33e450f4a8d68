package room

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/rakor"
	"selaras/backend/scribble"
	"selaras/backend/store/storetest"
)

// The room under a meeting's load, on loopback: 80 phones sign the Daftar
// Hadir within the window (SELARAS_ROOM_LOAD_SECONDS: the minute a room signs in, in
// `make test-room-load`, 15 s by default) while 80 others follow the
// decisions the secretariat types meanwhile. Each phone has its own address
// (127.0.x.y), as on a hotspot, and the room runs with its real limits.
// Half the signers were listed beforehand, half are not; some send their
// form twice. Nothing may be lost or doubled, and every decision must reach
// every follower within a second.
const (
	loadSigners   = 80
	loadFollowers = 80
	loadDecisions = 10
)

// percentiles prints p50, p95 and the maximum of ds.
func percentiles(ds []time.Duration) (p50, p95, top time.Duration) {
	if len(ds) == 0 {
		return 0, 0, 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	at := func(q float64) time.Duration { return s[min(len(s)-1, int(q*float64(len(s))))] }
	return at(0.50), at(0.95), s[len(s)-1]
}

func TestRoomLoad(t *testing.T) {
	window := storetest.Seconds(t, "SELARAS_ROOM_LOAD_SECONDS", 15*time.Second)
	s, m := renja(t)
	ctx := context.Background()
	listed := make([]rakor.Participant, loadSigners/2)
	for i := range listed {
		listed[i] = rakor.Participant{Name: fmt.Sprintf("Peserta Terdaftar %02d", i+1), Institution: "Dinas KUKM Kabupaten Bangka", Region: "19.01"}
	}
	_, err := rakor.AddParticipants(ctx, s, m.ID, listed)
	require.NoError(t, err)
	before := len(participants(t, s, m.ID))
	r, _ := open(t, s, m, nil)
	url := r.Info().Links[0].URL

	// The followers: each reads the live stream and notes when it first
	// saw each decision.
	type seen struct {
		mu sync.Mutex
		at map[string]time.Time
	}
	followers := make([]*seen, loadFollowers)
	var stops []func()
	for i := range followers {
		f := &seen{at: map[string]time.Time{}}
		followers[i] = f
		c := phoneFrom(2, 10+i)
		c.Timeout = 0 // a follower's stream lasts the whole test
		views, stop := follow(t, c, url)
		stops = append(stops, stop)
		go func() {
			for v := range views {
				now := time.Now()
				f.mu.Lock()
				for _, d := range v.Decisions {
					if _, ok := f.at[d.Text]; !ok {
						f.at[d.Text] = now
					}
				}
				f.mu.Unlock()
			}
		}()
	}
	defer func() {
		for _, stop := range stops {
			stop()
		}
	}()
	require.Eventually(t, func() bool { return r.Info().Followers == loadFollowers }, 10*time.Second, 20*time.Millisecond,
		"every follower connected")

	// The secretariat types the decisions through the window.
	typed := map[string]time.Time{}
	var typedMu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < loadDecisions; i++ {
			time.Sleep(window / (loadDecisions + 1))
			text := fmt.Sprintf("Kesepakatan uji beban nomor %d: data UMKM dikirim paling lambat akhir bulan.", i+1)
			typedMu.Lock()
			typed[text] = time.Now()
			typedMu.Unlock()
			_, err := rakor.SaveDecision(ctx, s, rakor.Decision{MeetingID: m.ID, Text: text})
			assert.NoError(t, err)
		}
	}()

	// The signers, each at a moment of its own within the window, their
	// signatures drawn beforehand (a phone draws its own).
	bodies := make([][]byte, loadSigners)
	names := make([]string, loadSigners)
	for i := range bodies {
		names[i] = fmt.Sprintf("Peserta Baru %02d", i+1)
		if i%2 == 0 {
			names[i] = listed[i/2].Name
		}
		bodies[i], _ = json.Marshal(map[string]string{"name": names[i], "institution": "Dinas KUKM Kota Pangkal Pinang", "region": "19.71",
			"signature": "data:image/png;base64," + base64.StdEncoding.EncodeToString(scribble.Draw(names[i], 600, 240))})
	}
	var mu sync.Mutex
	var signLatency []time.Duration
	statuses := map[int]int{}
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Now()
	for i := 0; i < loadSigners; i++ {
		body := bodies[i]
		delay := time.Duration(rng.Int64N(int64(window * 9 / 10)))
		twice := i%10 == 3
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(delay)
			c := phoneFrom(1, 10+i)
			for _, path := range []string{"", "/a/room.js", "/a/room.css", "/api/keadaan", "/api/wilayah"} {
				res, err := c.Get(url + path)
				if assert.NoError(t, err) {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					assert.Equal(t, http.StatusOK, res.StatusCode, path)
				}
			}
			for n := 0; n < 1+boolInt(twice); n++ {
				t0 := time.Now()
				req, _ := http.NewRequest(http.MethodPost, url+"/api/hadir", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				res, err := c.Do(req)
				if !assert.NoError(t, err) {
					return
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				mu.Lock()
				statuses[res.StatusCode]++
				if n == 0 {
					signLatency = append(signLatency, time.Since(t0))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	signedIn := time.Since(start)
	time.Sleep(1500 * time.Millisecond) // the last decision's delivery

	// Nothing lost, nothing doubled.
	assert.Equal(t, loadSigners+loadSigners/10, statuses[http.StatusOK], "every sign-in answered 200: %v", statuses)
	assert.Len(t, attendances(t, s, m.ID), loadSigners, "one signature per phone")
	ps := participants(t, s, m.ID)
	assert.Len(t, ps, before+loadSigners/2, "the listed matched, the others added once")
	listedTimes := map[string]int{}
	for _, p := range ps {
		listedTimes[p.Name]++
	}
	for name, n := range listedTimes {
		assert.Equal(t, 1, n, "%s listed %d times", name, n)
	}

	// Every decision reached every follower, within a second.
	var delivery []time.Duration
	missing := 0
	for _, f := range followers {
		f.mu.Lock()
		for text, at := range typed {
			if got, ok := f.at[text]; ok {
				delivery = append(delivery, got.Sub(at))
			} else {
				missing++
			}
		}
		f.mu.Unlock()
	}
	assert.Zero(t, missing, "decisions that did not reach a follower")
	p50, p95, top := percentiles(delivery)
	s50, s95, stop := percentiles(signLatency)
	t.Logf("%d phones signed in %.1f s (window %v): sign-in p50 %v, p95 %v, max %v; answers %v",
		loadSigners, signedIn.Seconds(), window, s50.Round(time.Millisecond), s95.Round(time.Millisecond), stop.Round(time.Millisecond), statuses)
	t.Logf("%d decisions to %d followers (%d deliveries): p50 %v, p95 %v, max %v",
		loadDecisions, loadFollowers, len(delivery), p50.Round(time.Millisecond), p95.Round(time.Millisecond), top.Round(time.Millisecond))
	assert.Less(t, top, time.Second, "every decision reaches every follower within a second")
	assert.Less(t, signedIn, window+10*time.Second)
	assert.Equal(t, loadFollowers, r.Info().Followers, "no follower dropped")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
