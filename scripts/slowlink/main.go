// Command slowlink is a loopback TCP proxy that adds a delay each way, to
// try Selaras over a slow link between a regency and its province (75 ms
// each way is the 150 ms round trip of a provincial WAN or VPN). It counts
// round trips (a burst from the client after the server has answered) so
// a test can tell how many a screen costs.
//
//	go run ./scripts/slowlink -to 127.0.0.1:5432 -delay 75ms
//
// prints "slowlink LISTEN STATS" on its first line: the address to connect
// to instead of -to, and an HTTP URL answering the counts as JSON.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

var roundTrips, conns atomic.Int64

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on")
	to := flag.String("to", "", "address to forward to (host:port)")
	delay := flag.Duration("delay", 75*time.Millisecond, "delay added each way")
	stats := flag.String("stats", "127.0.0.1:0", "address of the counts (HTTP)")
	flag.Parse()
	if *to == "" {
		fmt.Fprintln(os.Stderr, "slowlink: -to is required")
		os.Exit(2)
	}
	l, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	sl, err := net.Listen("tcp", *stats)
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		_ = http.Serve(sl, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(map[string]int64{"roundTrips": roundTrips.Load(), "connections": conns.Load()})
		}))
	}()
	fmt.Printf("slowlink %s http://%s/\n", l.Addr(), sl.Addr())
	for {
		c, err := l.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go serve(c, *to, *delay)
	}
}

func serve(client net.Conn, to string, delay time.Duration) {
	defer client.Close()
	// The connection itself takes a round trip too.
	time.Sleep(2 * delay)
	server, err := net.Dial("tcp", to)
	if err != nil {
		return
	}
	defer server.Close()
	conns.Add(1)
	var answered atomic.Bool // the server has sent since the client last did
	answered.Store(true)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		pipe(server, client, delay, func() {
			if answered.Swap(false) {
				roundTrips.Add(1)
			}
		})
		_ = server.(*net.TCPConn).CloseWrite()
	}()
	go func() {
		defer wg.Done()
		pipe(client, server, delay, func() { answered.Store(true) })
		_ = client.(*net.TCPConn).CloseWrite()
	}()
	wg.Wait()
}

type chunk struct {
	at   time.Time
	data []byte
}

// pipe copies src to dst, each chunk delivered delay after it was read
// (latency, not a narrower pipe: chunks read meanwhile follow in order).
func pipe(dst io.Writer, src io.Reader, delay time.Duration, seen func()) {
	ch := make(chan chunk, 1024)
	go func() {
		defer close(ch)
		for {
			buf := make([]byte, 32<<10)
			n, err := src.Read(buf)
			if n > 0 {
				seen()
				ch <- chunk{time.Now().Add(delay), buf[:n]}
			}
			if err != nil {
				return
			}
		}
	}()
	for c := range ch {
		time.Sleep(time.Until(c.at))
		if _, err := dst.Write(c.data); err != nil {
			for range ch { // drain so the reader ends
			}
			return
		}
	}
}
