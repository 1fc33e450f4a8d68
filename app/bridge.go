package app

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"time"

	"selaras/backend/fault"
)

// The bridge serves the built frontend and the bound services over HTTP, so
// the end-to-end suite drives the real Go backend from a plain headless
// browser. Wails' dev mode would need a display and a GTK webview; the
// bridge needs neither, and the frontend code under test is byte for byte
// the one the desktop app embeds: only window.go and window.runtime, which
// Wails injects, are replaced by bridgeJS.

type bridge struct {
	methods map[string]reflect.Value // "app.Workspace.State" -> bound method
	// fail words an error for the page, as the door does (a panic becomes an
	// internal error with a reference, not a dropped connection).
	fail func(error) error

	mu   sync.Mutex
	subs map[chan []byte]struct{}
}

func newBridge(bindings []any, fail func(error) error) *bridge {
	b := &bridge{methods: map[string]reflect.Value{}, subs: map[chan []byte]struct{}{}, fail: fail}
	for _, x := range bindings {
		v := reflect.ValueOf(x)
		t := v.Type()
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			b.methods["app."+t.Elem().Name()+"."+m.Name] = v.Method(i)
		}
	}
	return b
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// call decodes JSON arguments, calls the method, and returns its result or
// the error text that Wails would reject the promise with. A method that
// panics answers as an internal error: a dropped connection would read, in
// the page, as a lost session.
func (b *bridge) call(name string, raw []json.RawMessage) (res any, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, b.fail(fmt.Errorf("bridge: %s: panic: %v", name, p))
		}
	}()
	m, ok := b.methods[name]
	if !ok {
		return nil, fmt.Errorf("bridge: no method %s", name)
	}
	t := m.Type()
	if len(raw) != t.NumIn() {
		return nil, fmt.Errorf("bridge: %s takes %d arguments, got %d", name, t.NumIn(), len(raw))
	}
	args := make([]reflect.Value, len(raw))
	for i, r := range raw {
		p := reflect.New(t.In(i))
		if err := json.Unmarshal(r, p.Interface()); err != nil {
			return nil, fmt.Errorf("bridge: %s argument %d: %w", name, i, err)
		}
		args[i] = p.Elem()
	}
	out := m.Call(args)
	if n := len(out); n > 0 && t.Out(n-1) == errorType {
		if err, _ := out[n-1].Interface().(error); err != nil {
			return nil, err
		}
		out = out[:n-1]
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out[0].Interface(), nil
}

func (b *bridge) emit(event string, data ...any) {
	if data == nil {
		data = []any{}
	}
	msg, err := json.Marshal(map[string]any{"name": event, "data": data})
	if err != nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- msg:
		default: // a slow page loses progress ticks, never blocks the work
		}
	}
}

func (b *bridge) handleRPC(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	var args []json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&args); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	res, err := b.call(strings.TrimPrefix(r.URL.Path, "/bridge/call/"), args)
	w.Header().Set("Content-Type", "application/json")
	if err != nil {
		_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"result": res})
}

func (b *bridge) handleEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	ch := make(chan []byte, 64)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.subs, ch)
		b.mu.Unlock()
	}()
	fmt.Fprint(w, ": ok\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg := <-ch:
			fmt.Fprintf(w, "data: %s\n\n", msg)
			fl.Flush()
		}
	}
}

// staticWithShim serves the frontend, adding the bridge script to index.html.
func staticWithShim(assets fs.FS) http.Handler {
	files := http.FileServer(http.FS(assets))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && r.URL.Path != "/index.html" {
			files.ServeHTTP(w, r)
			return
		}
		f, err := assets.Open("index.html")
		if err != nil {
			http.Error(w, "frontend not built: run make frontend", http.StatusNotFound)
			return
		}
		defer f.Close()
		html, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		html = bytes.Replace(html, []byte("<head>"), []byte("<head><script>"+bridgeJS+"</script>"), 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(html)
	})
}

// ServeBridge serves the app on addr until ctx ends, printing the URL to ready.
// Only a loopback address is accepted, and the URL carries a secret made for
// this run: any web page the user visits can reach 127.0.0.1, so every
// request must prove it comes from the page opened at that URL (see guard).
func (a *App) ServeBridge(ctx context.Context, addr string, assets fs.FS, ready func(url string)) error {
	if !loopback(addr) {
		return fault.Reject("--addr", fault.ReasonLoopback)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		ln.Close()
		return err
	}
	b := newBridge(a.Bindings(), a.fail)
	a.SetEmitter(b.emit)
	a.headless = true
	a.Startup(ctx)
	defer a.Shutdown(ctx)

	mux := http.NewServeMux()
	mux.HandleFunc("/bridge/call/", b.handleRPC)
	mux.HandleFunc("/bridge/events", b.handleEvents)
	// The page asks here, after its session was refused, whether it is back
	// (the address printed by a new run of selaras serve opened again).
	mux.HandleFunc(pingPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"result":true}`))
	})
	mux.HandleFunc(uploadPath, a.exchange.handleUpload)
	mux.Handle("/", staticWithShim(assets))
	token := hex.EncodeToString(secret)
	srv := &http.Server{Handler: guard(mux, token, ln.Addr().(*net.TCPAddr).Port), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	ready("http://" + ln.Addr().String() + "/?" + tokenParam + "=" + token)
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

const (
	tokenParam  = "token"
	tokenCookie = "selaras_token"
	// A workbook the browser build imports is POSTed as the raw request body
	// (never base64 in JSON) with this header, which another site's page
	// cannot add without a CORS preflight the bridge never grants.
	uploadPath   = "/bridge/upload/import"
	uploadHeader = "X-Selaras-Upload"
	pingPath     = "/bridge/ping"
)

// handleUpload previews a workbook streamed as the request body; the file
// name comes in the "name" query parameter. It answers like a bridge call.
func (e *Exchange) handleUpload(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	res, err := e.previewUpload(r.URL.Query().Get("name"), r.Body)
	w.Header().Set("Content-Type", "application/json")
	if err != nil {
		_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"result": res})
}

// loopback reports whether addr ("host:port") listens on this machine only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// guard admits a request only from the page opened at the printed URL:
//   - the Host header names this server on loopback (a DNS-rebinding page
//     reaches 127.0.0.1 under its own host name);
//   - the URL's token is exchanged once for a SameSite=Strict cookie, which a
//     browser never sends with a request started by another site;
//   - a call must be a same-origin JSON POST, so a cross-origin form or a
//     text/plain fetch cannot reach a bound method even with the cookie;
//     an upload, whose body is the file, carries uploadHeader instead.
func guard(next http.Handler, token string, port int) http.Handler {
	hosts := map[string]bool{}
	for _, h := range []string{"127.0.0.1", "localhost", "[::1]"} {
		hosts[fmt.Sprintf("%s:%d", h, port)] = true
	}
	same := func(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
	refuse := func(w http.ResponseWriter) {
		http.Error(w, "Selaras: buka alamat yang dicetak oleh `selaras serve` (open the address `selaras serve` printed).", http.StatusForbidden)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hosts[r.Host] {
			refuse(w)
			return
		}
		if t := r.URL.Query().Get(tokenParam); t != "" && r.Method == http.MethodGet {
			if !same(t, token) {
				refuse(w)
				return
			}
			http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			http.Redirect(w, r, r.URL.Path, http.StatusSeeOther)
			return
		}
		c, err := r.Cookie(tokenCookie)
		if err != nil || !same(c.Value, token) {
			refuse(w)
			return
		}
		if r.Method != http.MethodGet {
			origin := r.Header.Get("Origin")
			isJSON := strings.HasPrefix(r.Header.Get("Content-Type"), "application/json")
			upload := r.URL.Path == uploadPath && r.Header.Get(uploadHeader) == "1"
			if (origin != "" && origin != "http://"+r.Host) || !(isJSON || upload) {
				refuse(w)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// bridgeJS stands in for the window.go and window.runtime objects that Wails
// injects into its webview. Every answer is read by its status and type,
// never parsed blindly: a call refused for want of this run's cookie (the
// session was lost: selaras serve started again, the cookie cleared) or
// that cannot reach the server waits, and the page is told once through the
// "bridge:session" event; a ping every two seconds finds the session back
// (the printed address opened again in this browser), and the waiting calls
// are sent then, in order, so what was typed is saved. Any other answer that
// is not JSON rejects with a Problem of code "bridge_answer" and its HTTP
// status.
const bridgeJS = `(function () {
  const listeners = {};
  const emit = (name, ...data) => { for (const l of (listeners[name] || []).slice()) l.cb(...data); };
  const LOST = {};
  const answer = (r) => {
    if (r.status === 403) return Promise.reject(LOST);
    if ((r.headers.get('Content-Type') || '').startsWith('application/json')) {
      return r.json().then(x => ('error' in x) ? Promise.reject(x.error) : x.result);
    }
    return Promise.reject(JSON.stringify({code: 'bridge_answer', field: '', message: '', status: r.status}));
  };
  // Calls waiting for the session, in the order they were made: sent again
  // one after the other, so a newer text is never overwritten by an older one.
  let lost = false;
  let draining = false;
  let waiting = [];
  const hold = (request) => new Promise((ok, fail) => waiting.push({request, ok, fail}));
  const gone = (e) => e === LOST || e instanceof TypeError;
  const lose = () => {
    if (lost) return;
    lost = true;
    emit('bridge:session', {lost: true});
    setTimeout(ping, 2000);
  };
  const send = (request) => {
    if (lost || draining) return hold(request);
    return request().then(answer).catch((e) => {
      if (!gone(e)) throw e;
      lose();
      return hold(request);
    });
  };
  const drain = async () => {
    draining = true;
    while (waiting.length && !lost) {
      const w = waiting.shift();
      try {
        w.ok(await w.request().then(answer));
      } catch (e) {
        if (!gone(e)) { w.fail(e); continue; }
        waiting.unshift(w);
        lose();
      }
    }
    draining = false;
  };
  const ping = () => fetch('` + pingPath + `').then((r) => {
    if (!r.ok || !(r.headers.get('Content-Type') || '').startsWith('application/json')) throw LOST;
    lost = false;
    if (es.readyState === EventSource.CLOSED) listen();
    emit('bridge:session', {lost: false});
    drain();
  }).catch(() => setTimeout(ping, 2000));
  const call = (name, args) => send(() => fetch('/bridge/call/' + name, {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(args)}));
  const method = (pkg, struct) => new Proxy({}, {get: (_, m) => (...args) => call(pkg + '.' + struct + '.' + String(m), args)});
  const pkg = (p) => new Proxy({}, {get: (_, s) => method(p, String(s))});
  window.go = new Proxy({}, {get: (_, p) => pkg(String(p))});
  let es;
  const listen = () => {
    es = new EventSource('/bridge/events');
    es.onmessage = (e) => {
      const msg = JSON.parse(e.data);
      for (const l of (listeners[msg.name] || []).slice()) {
        l.cb(...msg.data);
        if (l.max > 0 && --l.max === 0) listeners[msg.name] = listeners[msg.name].filter(x => x !== l);
      }
    };
  };
  listen();
  const runtime = {
    EventsOnMultiple(name, cb, max) {
      const l = {cb, max};
      (listeners[name] = listeners[name] || []).push(l);
      return () => { listeners[name] = (listeners[name] || []).filter(x => x !== l); };
    },
    EventsOff(name, ...more) { for (const n of [name, ...more]) delete listeners[n]; },
    EventsOffAll() { for (const n of Object.keys(listeners)) delete listeners[n]; },
    EventsEmit(name, ...data) { emit(name, ...data); },
    BrowserOpenURL(url) { window.open(url, '_blank'); },
    WindowSetTitle(t) { document.title = t; },
    Environment() { return Promise.resolve({buildType: 'bridge', platform: 'browser', arch: ''}); },
  };
  window.selarasUpload = (file) => send(() => fetch('` + uploadPath + `?name=' + encodeURIComponent(file.name), {
      method: 'POST', headers: {'Content-Type': 'application/octet-stream', '` + uploadHeader + `': '1'}, body: file}));
  window.runtime = new Proxy(runtime, {get: (t, k) => (k in t) ? t[k] : () => Promise.resolve()});
})();`
