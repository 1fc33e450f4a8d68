package app

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/profile"
	"selaras/backend/xlsx"
)

// serveBridge starts the bridge on a free loopback port and returns the
// printed URL (with its token) and a client that keeps cookies, as a browser.
func serveBridge(t *testing.T, a *App) (string, *http.Client) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan struct{})
	assets := fstest.MapFS{"index.html": {Data: []byte("<html><head></head><body></body></html>")}}
	go func() {
		defer close(done)
		_ = a.ServeBridge(ctx, "127.0.0.1:0", assets, func(u string) { urls <- u })
	}()
	t.Cleanup(func() { cancel(); <-done })
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	return <-urls, &http.Client{Jar: jar}
}

func root(url string) string { return url[:strings.Index(url, "?")] }

// openPage serves the bridge and opens the printed URL as the user's
// browser does, so the client holds the run's cookie.
func openPage(t *testing.T, a *App) (string, *http.Client) {
	t.Helper()
	url, client := serveBridge(t, a)
	resp, err := client.Get(url)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	return url, client
}

// postUpload sends body as the page uploads a workbook named
// "Templat Bangka.xlsx" (mutate changes the request) and returns the
// status and the answer.
func postUpload(t *testing.T, c *http.Client, url string, body io.Reader, mutate func(*http.Request)) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, root(url)+"bridge/upload/import?name=Templat%20Bangka.xlsx", body)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/octet-stream")
	req.Header.Set(uploadHeader, "1")
	mutate(req)
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(out)
}

func meetingCount(t *testing.T, a *App) int {
	t.Helper()
	ms, err := (&Rakor{a}).Meetings()
	require.NoError(t, err)
	return len(ms)
}

// A web page the user visits while `selaras serve` runs can reach 127.0.0.1.
// None of its ways of calling a bound method may get through.
func TestBridgeRefusesForeignCallers(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	url, client := serveBridge(t, a)
	before := meetingCount(t, a)
	require.Positive(t, before)
	call := root(url) + "bridge/call/app.Rakor.DeleteMeeting"

	post := func(c *http.Client, mutate func(*http.Request)) int {
		req, err := http.NewRequest(http.MethodPost, call, strings.NewReader("[1]"))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		mutate(req)
		resp, err := c.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	// A cross-origin text/plain POST (no preflight) from another site: the
	// browser sends no SameSite=Strict cookie.
	assert.Equal(t, http.StatusForbidden, post(http.DefaultClient, func(r *http.Request) {
		r.Header.Set("Content-Type", "text/plain")
		r.Header.Set("Origin", "https://example.org")
	}))

	// Now the user's own page has the cookie; a foreign origin still fails,
	// as does a wrong token, a non-JSON body and a rebinding host name.
	resp, err := client.Get(url)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, http.StatusForbidden, post(client, func(r *http.Request) { r.Header.Set("Origin", "https://example.org") }))
	assert.Equal(t, http.StatusForbidden, post(client, func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") }))
	assert.Equal(t, http.StatusForbidden, post(client, func(r *http.Request) { r.Host = "evil.example:80" }))
	wrong, err := http.Get(root(url) + "?token=00")
	require.NoError(t, err)
	wrong.Body.Close()
	assert.Equal(t, http.StatusForbidden, wrong.StatusCode)
	assert.Equal(t, before, meetingCount(t, a), "no refused call deleted a meeting")

	// The page opened at the printed URL calls as before.
	assert.Equal(t, http.StatusOK, post(client, func(r *http.Request) { r.Header.Set("Origin", strings.TrimSuffix(root(url), "/")) }))
	assert.Equal(t, before-1, meetingCount(t, a))
}

// After its session is refused, the page asks whether it is back: only the
// page holding this run's cookie hears yes, in JSON.
func TestBridgePing(t *testing.T) {
	a := newApp(t, Options{})
	url, client := serveBridge(t, a)
	ping := func() (int, string, string) {
		resp, err := client.Get(root(url) + "bridge/ping")
		require.NoError(t, err)
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
	}
	code, _, _ := ping()
	assert.Equal(t, http.StatusForbidden, code, "no cookie yet: the session is not this run's")
	resp, err := client.Get(url)
	require.NoError(t, err)
	resp.Body.Close()
	code, kind, body := ping()
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "application/json", kind)
	assert.JSONEq(t, `{"result":true}`, body)
}

type panicky struct{}

func (*panicky) Boom() error { panic("boom") }

// A bound method that panics answers with an error for the page; a dropped
// connection would read there as a lost session, retried forever.
func TestBridgeAnswersAPanic(t *testing.T) {
	a := newApp(t, Options{})
	b := newBridge([]any{&panicky{}}, a.fail)
	_, err := b.call("app.panicky.Boom", nil)
	require.Error(t, err)
	var p map[string]any
	require.NoError(t, json.Unmarshal([]byte(err.Error()), &p), "a Problem the page can read: %s", err)
	assert.Equal(t, "unexpected", p["code"])
	assert.NotEmpty(t, p["message"])
}

func TestBridgeListensOnLoopbackOnly(t *testing.T) {
	a := newApp(t, Options{})
	err := a.ServeBridge(context.Background(), "0.0.0.0:0", fstest.MapFS{}, func(string) { t.Fatal("served") })
	require.Error(t, err)
	for addr, want := range map[string]bool{"127.0.0.1:0": true, "localhost:8080": true, "[::1]:0": true, "0.0.0.0:0": false, ":8080": false, "192.168.1.2:80": false} {
		assert.Equal(t, want, loopback(addr), addr)
	}
}

// The browser build uploads a workbook as the raw request body. Only the
// page opened at the printed URL may, with the upload header; the file then
// reaches the import reader under its own name.
func TestBridgeUpload(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	url, client := openPage(t, a)
	upload := func(c *http.Client, mutate func(*http.Request)) (int, string) {
		return postUpload(t, c, url, strings.NewReader("not a workbook"), mutate)
	}
	for name, tc := range map[string]struct {
		c      *http.Client
		mutate func(*http.Request)
	}{
		"no cookie":      {http.DefaultClient, func(*http.Request) {}},
		"foreign origin": {client, func(r *http.Request) { r.Header.Set("Origin", "https://example.org") }},
		"no header":      {client, func(r *http.Request) { r.Header.Del(uploadHeader) }},
	} {
		code, _ := upload(tc.c, tc.mutate)
		assert.Equal(t, http.StatusForbidden, code, name)
	}
	code, body := upload(client, func(r *http.Request) { r.Header.Set("Origin", strings.TrimSuffix(root(url), "/")) })
	require.Equal(t, http.StatusOK, code)
	assert.Contains(t, body, `"refused":"Templat Bangka.xlsx tidak dapat diimpor; tidak ada data yang diubah."`)
	assert.Contains(t, body, "bukan berkas Excel")
}

// bangkaTemplate writes the template of Kabupaten Bangka for the working
// year, as the regency would receive it.
func bangkaTemplate(t *testing.T, a *App) string {
	t.Helper()
	s, err := a.store()
	require.NoError(t, err)
	ctx := context.Background()
	p, err := profile.Get(ctx, s)
	require.NoError(t, err)
	in, err := xlsx.LoadTemplateInput(ctx, s, p, "19.01", p.WorkingYear)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "Templat Bangka.xlsx")
	require.NoError(t, xlsx.WriteTemplate(ctx, path, in, time.Now()))
	return path
}

// In the desktop app a workbook reaches PreviewImport as a path and is read
// where it lies: a template written for Kabupaten Bangka previews and commits.
func TestPreviewImportByPath(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	e := a.exchange
	path := bangkaTemplate(t, a)

	pv, err := e.PreviewImport(path)
	require.NoError(t, err)
	assert.Empty(t, pv.Refused)
	require.NotEmpty(t, pv.Token)
	assert.Equal(t, "Templat Bangka.xlsx", pv.Preview.File)
	_, err = e.CommitImport(pv.Token, false)
	require.NoError(t, err)
	assert.FileExists(t, path, "the user's file is left where it is")

	missing, err := e.PreviewImport(filepath.Join(t.TempDir(), "hilang.xlsx"))
	require.NoError(t, err)
	assert.Equal(t, "hilang.xlsx tidak dapat diimpor; tidak ada data yang diubah.", missing.Refused)
}

// The browser build cannot make Go read a file by naming its path: a
// workbook on the disk is refused by path, and previews once uploaded.
func TestBridgePreviewsOnlyUploads(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	url, client := openPage(t, a)
	path := bangkaTemplate(t, a)
	sameOrigin := func(r *http.Request) { r.Header.Set("Origin", strings.TrimSuffix(root(url), "/")) }

	arg, err := json.Marshal([]string{path})
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodPost, root(url)+"bridge/call/app.Exchange.PreviewImport", bytes.NewReader(arg))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	sameOrigin(req)
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	byPath := string(body)
	assert.Contains(t, byPath, `\"code\":\"upload_only\"`)
	assert.Contains(t, byPath, "hanya membaca buku kerja yang diunggah")
	assert.NotContains(t, byPath, `"token"`)

	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	code, uploaded := postUpload(t, client, url, f, sameOrigin)
	require.Equal(t, http.StatusOK, code)
	var res struct {
		Result ImportPreview `json:"result"`
	}
	require.NoError(t, json.Unmarshal([]byte(uploaded), &res), uploaded)
	assert.Empty(t, res.Result.Refused)
	assert.NotEmpty(t, res.Result.Token)
	assert.Equal(t, "Templat Bangka.xlsx", res.Result.Preview.File)
}
