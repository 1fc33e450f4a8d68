package room

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/demo/demotest"
	"selaras/backend/fault"
	"selaras/backend/rakor"
	"selaras/backend/scribble"
	"selaras/backend/store"
)

// renja is the demo's Bangka Belitung Renja rakor, moved to today so its
// room may open and its participants sign.
func renja(t testing.TB) (*store.Store, rakor.Meeting) {
	t.Helper()
	s, err := demotest.Open(t)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	ms, err := rakor.ListMeetings(ctx, s)
	require.NoError(t, err)
	for _, x := range ms {
		if strings.Contains(x.Meeting.Title, "Renja") {
			m := x.Meeting
			m.StartDate = time.Now().Format("2006-01-02")
			m.EndDate = m.StartDate
			m, err = rakor.SaveMeeting(ctx, s, m)
			require.NoError(t, err)
			return s, m
		}
	}
	t.Fatal("the demo has no Renja rakor")
	return nil, rakor.Meeting{}
}

type events struct {
	mu  sync.Mutex
	got []Event
}

func (e *events) add(ev Event) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.got = append(e.got, ev)
}

func (e *events) kinds(k EventKind) []Event {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []Event
	for _, ev := range e.got {
		if ev.Kind == k {
			out = append(out, ev)
		}
	}
	return out
}

// open opens a room on loopback for m.
func open(t testing.TB, s *store.Store, m rakor.Meeting, tune func(*Options)) (*Room, *events) {
	t.Helper()
	ev := &events{}
	opt := Options{MeetingID: m.ID, Addrs: []string{"127.0.0.1:0"}, Notify: ev.add, Poll: 50 * time.Millisecond}
	if tune != nil {
		tune(&opt)
	}
	r, err := Open(context.Background(), s, opt)
	require.NoError(t, err)
	t.Cleanup(func() { r.Close() })
	return r, ev
}

// phoneAt is a client from its own loopback address (127.0.0.n), as each
// phone on the hotspot has its own.
func phoneAt(n int) *http.Client { return phoneFrom(0, n) }

// phoneFrom is a client from 127.0.net.host.
func phoneFrom(net, host int) *http.Client {
	d := dialerFrom(net, host)
	return &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 4}}
}

func dialerFrom(n, host int) *net.Dialer {
	return &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, byte(n), byte(host))}, Timeout: 5 * time.Second}
}

func signIn(name, nip string) map[string]string {
	return map[string]string{"name": name, "nip": nip, "position": "Kepala Bidang", "institution": "Dinas KUKM Kabupaten Bangka",
		"region": "19.01", "signature": "data:image/png;base64," + base64.StdEncoding.EncodeToString(scribble.Draw(name, 600, 240))}
}

func post(t testing.TB, c *http.Client, url string, body any, headers ...string) (*http.Response, problem) {
	t.Helper()
	b, err := json.Marshal(body)
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := c.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	var p problem
	_ = json.NewDecoder(res.Body).Decode(&p)
	return res, p
}

func participants(t testing.TB, s *store.Store, id int64) []rakor.Participant {
	t.Helper()
	ps, err := rakor.Participants(context.Background(), s, id)
	require.NoError(t, err)
	return ps
}

// attendances are the signatures of today (the demo's own are of 2024).
func attendances(t testing.TB, s *store.Store, id int64) []rakor.Signed {
	t.Helper()
	all, err := rakor.Attendances(context.Background(), s, id)
	require.NoError(t, err)
	today := time.Now().Format("2006-01-02")
	out := []rakor.Signed{}
	for _, a := range all {
		if a.Day == today {
			out = append(out, a)
		}
	}
	return out
}

// A phone opens the link, gets the page, its script and the view, and
// signs in: listed by name, the secretariat hears of it.
func TestPhoneSignsIn(t *testing.T) {
	s, m := renja(t)
	r, ev := open(t, s, m, nil)
	url := r.Info().Links[0].URL
	c := phoneAt(2)

	res, err := c.Get(url)
	require.NoError(t, err)
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, string(page), "Penyusunan Rencana Kerja")
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), "default-src 'none'")
	assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	for _, a := range []string{"/a/room.js", "/a/room.css", "/api/wilayah"} {
		res, err := c.Get(url + a)
		require.NoError(t, err)
		res.Body.Close()
		assert.Equal(t, http.StatusOK, res.StatusCode, a)
	}
	res, err = c.Get(url + "/api/keadaan")
	require.NoError(t, err)
	var v View
	require.NoError(t, json.NewDecoder(res.Body).Decode(&v))
	res.Body.Close()
	assert.Equal(t, 1, v.DayNo)
	assert.NotEmpty(t, v.Agenda)
	assert.NotEmpty(t, v.Decisions)
	raw, _ := json.Marshal(v)
	// The agenda names its presenters, as the wall does; nothing of the
	// list of participants is in the view.
	assert.NotContains(t, string(raw), "Koko Haryono")
	assert.NotContains(t, strings.ToLower(string(raw)), "nip")

	before := len(participants(t, s, m.ID))
	res, _ = post(t, c, url+"/api/hadir", signIn("Koko Haryono", "196901011994031002"))
	require.Equal(t, http.StatusOK, res.StatusCode)
	ps := participants(t, s, m.ID)
	assert.Len(t, ps, before, "Koko Haryono was listed: matched by name")
	assert.Len(t, attendances(t, s, m.ID), 1)
	assert.Eventually(t, func() bool { return len(ev.kinds(Signed)) == 1 }, time.Second, 10*time.Millisecond)
	assert.Eventually(t, func() bool { return r.Info().Signed == 1 }, time.Second, 10*time.Millisecond)
}

// Nothing but the room's own paths answers, and only under its secret: the
// workspace's bridge, the root, a wrong or old secret, another host name.
func TestOnlyTheRoomAnswers(t *testing.T) {
	s, m := renja(t)
	r, _ := open(t, s, m, nil)
	url := r.Info().Links[0].URL
	root := strings.TrimSuffix(url, "/r/"+r.code)
	c := phoneAt(3)
	for _, path := range []string{"/", "/index.html", "/bridge/call/app.Rakor.Participants", "/bridge/events", "/r/", "/r/ABCDEF",
		"/r/" + r.code + "/api/peserta", "/r/" + r.code + "/../bridge/call/app.Rakor.Meetings", "/r/" + r.code + "/a/index.html"} {
		res, err := c.Get(root + path)
		require.NoError(t, err)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		assert.Equal(t, http.StatusNotFound, res.StatusCode, path)
		assert.NotContains(t, string(body), "Riza", path)
	}
	// A script posting to the workspace's API through the room's port.
	res, _ := post(t, c, root+"/bridge/call/app.Rakor.Participants", []int64{m.ID})
	assert.Equal(t, http.StatusNotFound, res.StatusCode)
	res, _ = post(t, c, root+"/bridge/call/app.Rakor.DeleteMeeting", []int64{m.ID})
	assert.Equal(t, http.StatusNotFound, res.StatusCode)
	_, err := rakor.GetMeeting(context.Background(), s, m.ID)
	assert.NoError(t, err)

	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Host = "rebind.example:8421"
	res, err = c.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusMisdirectedRequest, res.StatusCode)

	// The secret is case-blind; a phone guessing secrets is shut out for a
	// minute, the phone beside it is not.
	res, err = c.Get(root + "/r/" + strings.ToLower(r.code))
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	for i := 0; i < DefaultLimits.BadLinks+1; i++ {
		res, err := c.Get(fmt.Sprintf("%s/r/GUESS%d", root, i))
		require.NoError(t, err)
		res.Body.Close()
	}
	res, err = c.Get(url)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusTooManyRequests, res.StatusCode)
	res, err = phoneAt(4).Get(url)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
}

// Forged forms each get a plain refusal, and nothing reaches the workspace.
func TestForgedFormsWriteNothing(t *testing.T) {
	s, m := renja(t)
	r, _ := open(t, s, m, func(o *Options) { o.Limits.SignIns = 100 })
	url := r.Info().Links[0].URL + "/api/hadir"
	c := phoneAt(5)
	before := len(participants(t, s, m.ID))

	extra := map[string]any{"name": "A", "signature": signIn("A", "")["signature"], "meetingId": 1, "role": "pimpinan"}
	res, p := post(t, c, url, extra)
	assert.Equal(t, http.StatusBadRequest, res.StatusCode)
	assert.Equal(t, fault.RoomBadRequest, p.Code)

	res, _ = post(t, c, url, signIn("Ani", ""), "Origin", "http://evil.example")
	assert.Equal(t, http.StatusForbidden, res.StatusCode)
	res, _ = post(t, c, url, signIn("Ani", ""), "Sec-Fetch-Site", "cross-site")
	assert.Equal(t, http.StatusForbidden, res.StatusCode)
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader("name=Ani"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := c.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusForbidden, res.StatusCode)

	bad := signIn("Ani", "123456789012345678")
	res, p = post(t, c, url, bad)
	assert.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	assert.Equal(t, "nip", p.Field)
	assert.Contains(t, p.Message, "NIP")
	assert.NotEmpty(t, p.MessageEn)

	notPNG := signIn("Ani", "")
	notPNG["signature"] = "data:image/png;base64," + base64.StdEncoding.EncodeToString([]byte("<svg onload=alert(1)>"))
	res, p = post(t, c, url, notPNG)
	assert.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	assert.Equal(t, "signature", p.Field)

	blank := signIn("Ani", "")
	blank["signature"] = "data:image/png;base64," + base64.StdEncoding.EncodeToString(scribble.Blank(600, 240))
	res, p = post(t, c, url, blank)
	assert.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	assert.Equal(t, "signature", p.Field)

	// A 20 MB "signature", announced and streamed.
	huge := signIn("Ani", "")
	huge["signature"] = "data:image/png;base64," + strings.Repeat("A", 20<<20)
	res, p = post(t, c, url, huge)
	assert.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
	assert.Equal(t, fault.RoomTooLarge, p.Code)
	body, _ := json.Marshal(huge)
	req, _ = http.NewRequest(http.MethodPost, url, io.MultiReader(bytes.NewReader(body)))
	req.ContentLength = -1 // chunked: the size is found while reading
	req.Header.Set("Content-Type", "application/json")
	res, err = phoneAt(6).Do(req)
	if err == nil { // the room may close the connection before reading on
		res.Body.Close()
		assert.Equal(t, http.StatusRequestEntityTooLarge, res.StatusCode)
	}

	assert.Len(t, participants(t, s, m.ID), before)
	assert.Empty(t, attendances(t, s, m.ID))
}

// 500 sign-ins in a second from one phone: the first is recorded once,
// the rest refused; another phone is still served.
func TestFloodFromOnePhone(t *testing.T) {
	s, m := renja(t)
	r, _ := open(t, s, m, nil)
	url := r.Info().Links[0].URL + "/api/hadir"
	c := phoneAt(7)
	body, err := json.Marshal(signIn("Saeful Bahri", "197502142000031002"))
	require.NoError(t, err)
	codes := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < 500; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			res, err := c.Do(req)
			if err != nil {
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			mu.Lock()
			codes[res.StatusCode]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	t.Logf("500 sign-ins from one phone in %v: %v", time.Since(start), codes)
	assert.LessOrEqual(t, codes[http.StatusOK], DefaultLimits.SignIns)
	assert.Greater(t, codes[http.StatusTooManyRequests], 400)
	assert.Len(t, attendances(t, s, m.ID), 1)
	n := 0
	for _, p := range participants(t, s, m.ID) {
		if p.Name == "Saeful Bahri" {
			n++
		}
	}
	assert.Equal(t, 1, n)
	res, _ := post(t, phoneAt(8), url, signIn("Ani Lestari", ""))
	assert.Equal(t, http.StatusOK, res.StatusCode)
}

// follow reads the live stream's views until stop; the reason the room
// gave for closing, if it did, is sent on closedWhy (when given).
func follow(t testing.TB, c *http.Client, url string, closedWhy ...chan string) (<-chan View, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"/api/ikuti", nil)
	res, err := c.Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode)
	out := make(chan View, 16)
	go func() {
		defer close(out)
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		event := ""
		for sc.Scan() {
			if e, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				event = e
			}
			data, ok := strings.CutPrefix(sc.Text(), "data: ")
			if !ok {
				continue
			}
			switch event {
			case "keadaan":
				var v View
				if json.Unmarshal([]byte(data), &v) == nil {
					out <- v
				}
			case "tutup":
				var why struct{ Why string }
				if json.Unmarshal([]byte(data), &why) == nil && len(closedWhy) > 0 {
					closedWhy[0] <- why.Why
				}
			}
		}
	}()
	return out, cancel
}

// A decision typed on the laptop reaches a follower within a second;
// closing the room ends the follower's stream and refuses new requests.
func TestFollowersAndClose(t *testing.T) {
	s, m := renja(t)
	r, ev := open(t, s, m, nil)
	url := r.Info().Links[0].URL
	told := make(chan string, 1)
	views, stop := follow(t, phoneAt(9), url, told)
	defer stop()
	first := <-views
	assert.Eventually(t, func() bool { return r.Info().Followers == 1 }, time.Second, 10*time.Millisecond)

	saved := time.Now()
	_, err := rakor.SaveDecision(context.Background(), s, rakor.Decision{MeetingID: m.ID, Text: "Seluruh kab/kota mengirim data UMKM paling lambat 31 Maret."})
	require.NoError(t, err)
	select {
	case v := <-views:
		assert.Len(t, v.Decisions, len(first.Decisions)+1)
		assert.Less(t, time.Since(saved), time.Second)
	case <-time.After(2 * time.Second):
		t.Fatal("the decision did not reach the follower")
	}

	// A keep-alive connection and the stream, both ended by Close.
	c := phoneAt(10)
	res, err := c.Get(url + "/api/keadaan")
	require.NoError(t, err)
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	require.NoError(t, r.Close())
	select {
	case _, open := <-views:
		for open {
			_, open = <-views
		}
	case <-time.After(2 * time.Second):
		t.Fatal("closing the room left the stream open")
	}
	select {
	case why := <-told:
		assert.Equal(t, "closed", why, "the phone is told the room was closed")
	default:
		t.Error("the phone was not told why its stream ended")
	}
	_, err = c.Get(url + "/api/keadaan")
	assert.Error(t, err, "nothing listens once the room is closed")
	assert.Len(t, ev.kinds(Closed), 1)
	assert.Equal(t, ByUser, ev.kinds(Closed)[0].Why)
}

// The room closes itself at the end of the meeting's last day, and when
// the meeting is deleted; a meeting that has ended cannot be opened.
func TestRoomEndsWithTheMeeting(t *testing.T) {
	s, m := renja(t)
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return now
	}
	r, ev := open(t, s, m, func(o *Options) { o.Now = clock })
	mu.Lock()
	now = now.Add(48 * time.Hour)
	mu.Unlock()
	select {
	case <-r.Done():
	case <-time.After(2 * time.Second):
		t.Fatal("the room outlived its meeting")
	}
	assert.Eventually(t, func() bool { return len(ev.kinds(Closed)) == 1 }, 2*time.Second, 10*time.Millisecond)
	assert.Equal(t, Ended, ev.kinds(Closed)[0].Why)

	_, err := Open(context.Background(), s, Options{MeetingID: m.ID, Addrs: []string{"127.0.0.1:0"}, Now: clock})
	assert.Equal(t, fault.RoomMeetingEnded, fault.CodeOf(err))

	r2, ev2 := open(t, s, m, nil)
	require.NoError(t, rakor.DeleteMeeting(context.Background(), s, m.ID))
	select {
	case <-r2.Done():
	case <-time.After(2 * time.Second):
		t.Fatal("the room outlived its deleted meeting")
	}
	assert.Eventually(t, func() bool { return len(ev2.kinds(Closed)) == 1 && ev2.kinds(Closed)[0].Why == Deleted },
		2*time.Second, 10*time.Millisecond)
}

// The Kesepakatan may be downloaded only once the secretariat allows it:
// a PDF and the Excel sheet, with the decisions.
func TestDownloads(t *testing.T) {
	s, m := renja(t)
	r, _ := open(t, s, m, nil)
	url := r.Info().Links[0].URL
	c := phoneAt(11)
	res, err := c.Get(url + "/kesepakatan.pdf")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusForbidden, res.StatusCode)

	r.SetDownloads(true)
	res, err = c.Get(url + "/kesepakatan.pdf")
	require.NoError(t, err)
	pdf, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")))
	assert.Contains(t, res.Header.Get("Content-Disposition"), "Kesepakatan-")

	res, err = c.Get(url + "/kesepakatan.xlsx")
	require.NoError(t, err)
	book, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	f, err := excelize.OpenReader(bytes.NewReader(book))
	require.NoError(t, err)
	defer f.Close()
	assert.Contains(t, f.GetSheetList(), "Kesepakatan")
	ds, err := rakor.Decisions(context.Background(), s, m.ID)
	require.NoError(t, err)
	rows, err := f.GetRows("Kesepakatan")
	require.NoError(t, err)
	found := false
	for _, row := range rows {
		for _, cell := range row {
			found = found || cell == ds[0].Text
		}
	}
	assert.True(t, found, "the first decision is in the sheet")
}

func TestQRSVG(t *testing.T) {
	svg, err := QRSVG("http://192.168.137.1:8421/r/7KQ2XM")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(svg, "<svg"))
	assert.Contains(t, svg, `fill="#000"`)
	url, err := QRDataURL("http://192.168.137.1:8421/r/7KQ2XM")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(url, "data:image/svg+xml;base64,"))
}
