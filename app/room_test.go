package app

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/rakor"
	"selaras/backend/scribble"
)

// roomEvents records the room's and the workspace's events an App emits.
type roomEvents struct {
	mu    sync.Mutex
	state []RoomState
	live  []LiveChange
}

func (e *roomEvents) emit(name string, data ...any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch name {
	case RoomEvent:
		e.state = append(e.state, data[0].(RoomState))
	case LiveEvent:
		e.live = append(e.live, data[0].(LiveChange))
	}
}

func (e *roomEvents) last() (RoomState, []LiveChange) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.state) == 0 {
		return RoomState{}, append([]LiveChange(nil), e.live...)
	}
	return e.state[len(e.state)-1], append([]LiveChange(nil), e.live...)
}

// todaysRenja moves the demo's Renja rakor to today and returns it.
func todaysRenja(t *testing.T, a *App) rakor.Meeting {
	t.Helper()
	ms, err := (&Rakor{a}).Meetings()
	require.NoError(t, err)
	for _, x := range ms {
		if strings.Contains(x.Meeting.Title, "Renja") {
			m := x.Meeting
			m.StartDate = time.Now().Format("2006-01-02")
			m.EndDate = m.StartDate
			m, err = (&Rakor{a}).SaveMeeting(m)
			require.NoError(t, err)
			return m
		}
	}
	t.Fatal("no Renja rakor in the demo")
	return rakor.Meeting{}
}

// The secretariat opens the room: a link with its QR code; a phone signs
// in and the screens hear of it (the participants list and the room's
// counts); switching the workspace closes the room.
func TestRoomFromTheApp(t *testing.T) {
	a := newApp(t, Options{Demo: true, RoomAddrs: []string{"127.0.0.1:0"}})
	var ev roomEvents
	a.SetEmitter(ev.emit)
	m := todaysRenja(t, a)
	r := &Room{a}
	assert.False(t, r.State().Open)

	st, err := r.Open(m.ID)
	require.NoError(t, err)
	require.True(t, st.Open)
	require.Len(t, st.Links, 1)
	assert.True(t, strings.HasPrefix(st.Links[0].QR, "data:image/svg+xml;base64,"))
	assert.Equal(t, "", st.Firewall, "a room on given addresses needs no firewall help")
	assert.Equal(t, 1, st.DayNo)

	body, _ := json.Marshal(map[string]string{"name": "Koko Haryono",
		"signature": "data:image/png;base64," + base64.StdEncoding.EncodeToString(scribble.Draw("Koko Haryono", 600, 240))})
	res, err := http.Post(st.Links[0].URL+"/api/hadir", "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Eventually(t, func() bool {
		s, live := ev.last()
		return s.Signed == 1 && len(live) > 0
	}, 3*time.Second, 20*time.Millisecond, "the room's counts and the participants list are told")
	_, live := ev.last()
	assert.Contains(t, live[0].Tables, "attendance")
	signed, err := (&Rakor{a}).Attendance(m.ID)
	require.NoError(t, err)
	var today []rakor.Signed
	for _, x := range signed {
		if x.Day == m.StartDate {
			today = append(today, x)
		}
	}
	require.Len(t, today, 1)
	img, err := (&Rakor{a}).Signature(today[0].ParticipantID, m.StartDate)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(img, "data:image/png;base64,"))

	st, err = r.SetDownloads(true)
	require.NoError(t, err)
	assert.True(t, st.Downloads)

	// Another workspace: the room serving the old one closes.
	url := st.Links[0].URL
	_, err = (&Workspace{a}).OpenOffice()
	require.NoError(t, err)
	assert.False(t, r.State().Open)
	_, err = http.Get(url)
	assert.Error(t, err, "nothing listens any more")
	_, err = r.SetDownloads(false)
	var p Problem
	require.NoError(t, json.Unmarshal([]byte(err.Error()), &p))
	assert.Equal(t, fault.RoomNotOpen, p.Code)
}

// A meeting that has ended cannot open its room; the message says why.
func TestRoomRefusesAnEndedMeeting(t *testing.T) {
	a := newApp(t, Options{Demo: true, RoomAddrs: []string{"127.0.0.1:0"}})
	ms, err := (&Rakor{a}).Meetings()
	require.NoError(t, err)
	_, err = (&Room{a}).Open(ms[len(ms)-1].Meeting.ID)
	require.Error(t, err)
	var p Problem
	require.NoError(t, json.Unmarshal([]byte(err.Error()), &p))
	assert.Equal(t, fault.RoomMeetingEnded, p.Code)
	assert.Contains(t, p.Message, "sudah berakhir")
}
