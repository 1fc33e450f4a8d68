package store

// The PostgreSQL connection as the domain packages see it: database/sql over
// pgx, with the two differences that would otherwise leak into every query
// smoothed here. Placeholders are written "?" (or "?1") everywhere and become
// "$n"; booleans travel as the 0/1 integers the schema stores, both ways.

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// A server over a slow link (a regency on the province's workspace, 150 ms
// a round trip) makes every round trip count: a new connection costs three
// (startup and the two SCRAM steps), so a few are dialled in the background
// as soon as the workspace is open (warm) and handed to the pool when it
// first needs more than the one it has; a screen's parallel reads then find
// a connection ready. Queries run in pgx's exec mode (one round trip each,
// no statement prepared per connection first), and a connection back from
// the pool is not pinged unless it sat idle a while.
type pgConnector struct {
	driver.Connector

	mu     sync.Mutex
	spare  []*pgConn // dialled ahead, not yet handed to the pool
	closed bool
	cancel context.CancelFunc // stops warming when the pool closes
	lost   time.Time          // when a connection last died under a query
}

// lostNow notes that a connection died under a query (the server
// restarted, the link dropped): its siblings may be dying too, and the
// next ones handed out are pinged rather than trusted.
func (c *pgConnector) lostNow() {
	c.mu.Lock()
	c.lost = time.Now()
	c.mu.Unlock()
}

// suspect is whether a connection died lately (within pingAfter).
func (c *pgConnector) suspect() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Since(c.lost) < pingAfter
}

func newPGConnector(c driver.Connector) *pgConnector {
	return &pgConnector{Connector: c, cancel: func() {}}
}

func (c *pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	if conn := c.takeSpare(); conn != nil {
		return conn, nil
	}
	return c.dial(ctx)
}

func (c *pgConnector) dial(ctx context.Context) (*pgConn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &pgConn{Conn: conn.(*stdlib.Conn), used: time.Now(), owner: c}, nil
}

// takeSpare is a connection dialled ahead that is still alive, or nil.
func (c *pgConnector) takeSpare() *pgConn {
	c.mu.Lock()
	defer c.mu.Unlock()
	recent := time.Since(c.lost) < pingAfter
	for len(c.spare) > 0 {
		conn := c.spare[0]
		c.spare = c.spare[1:]
		if recent {
			// Dialled before the loss: let the pool dial afresh.
			_ = conn.Close()
			continue
		}
		if alive(conn.Conn.Conn().PgConn()) {
			conn.used = time.Now() // in use from now, not from when dialled
			return conn
		}
		_ = conn.Close()
	}
	return nil
}

// warm dials n connections in the background, each kept as a spare for
// the pool's next Connect. It returns at once: the first screen's queries
// go over the connection that opened the workspace meanwhile.
func (c *pgConnector) warm(n int) {
	ctx, cancel := context.WithCancel(context.Background())
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		cancel()
		return
	}
	c.cancel = cancel
	c.mu.Unlock()
	for range n {
		go func() {
			conn, err := c.dial(ctx)
			if err != nil {
				return // the pool dials when it needs one
			}
			c.mu.Lock()
			defer c.mu.Unlock()
			if c.closed {
				_ = conn.Close()
				return
			}
			c.spare = append(c.spare, conn)
			// One never needed is let go like an idle one of the pool: a
			// server serves every regency's connections.
			time.AfterFunc(spareLife, func() { c.drop(conn) })
		}()
	}
}

// spareLife is how long a connection dialled ahead waits to be needed.
const spareLife = 5 * time.Minute

// drop closes conn if it is still a spare.
func (c *pgConnector) drop(conn *pgConn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, sp := range c.spare {
		if sp == conn {
			c.spare = append(c.spare[:i], c.spare[i+1:]...)
			_ = conn.Close()
			return
		}
	}
}

// Close is called by sql.DB.Close: the spares close with the pool.
func (c *pgConnector) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	c.cancel()
	for _, conn := range c.spare {
		_ = conn.Close()
	}
	c.spare = nil
	return nil
}

type pgConn struct {
	*stdlib.Conn
	used  time.Time // when it was last handed out (first: to the pool)
	owner *pgConnector
}

// died tells the connector when err left this connection closed.
func (c *pgConn) died(err error) {
	if err != nil && c.Conn.Conn().IsClosed() {
		c.owner.lostNow()
	}
}

// pingAfter is how long a connection may sit idle in the pool before it is
// pinged (a round trip) on reuse; a shorter rest gets a read of what the
// server may have sent (its goodbye when it shut down), which costs none.
const pingAfter = time.Minute

// alive reads what the server may have sent an idle connection (its
// goodbye when it shut down) without a round trip. pgx deprecates it in
// favour of a ping, which is exactly the round trip a slow link cannot
// spare before every screen.
func alive(pg *pgconn.PgConn) bool {
	if pg.IsClosed() {
		return false
	}
	//lint:ignore SA1019 see above: the ping is kept for a connection idle past pingAfter
	return pg.CheckConn() == nil
}

// ResetSession runs when the pool hands out a connection it had before.
func (c *pgConn) ResetSession(ctx context.Context) error {
	pg := c.Conn.Conn().PgConn()
	idle := time.Since(c.used)
	c.used = time.Now()
	if idle > pingAfter || c.owner.suspect() {
		if err := pg.Ping(ctx); err != nil {
			return driver.ErrBadConn
		}
	} else if !alive(pg) {
		return driver.ErrBadConn
	}
	return c.Conn.ResetSession(ctx)
}

func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	q, err := rebind(query)
	if err != nil {
		return nil, err
	}
	return c.Conn.PrepareContext(ctx, q)
}

func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	q, err := rebind(query)
	if err != nil {
		return nil, err
	}
	res, err := c.Conn.ExecContext(ctx, q, args)
	c.died(err)
	return res, err
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	q, err := rebind(query)
	if err != nil {
		return nil, err
	}
	rows, err := c.Conn.QueryContext(ctx, q, args)
	if err != nil {
		c.died(err)
		return nil, err
	}
	return pgRows{rows.(*stdlib.Rows)}, nil
}

// CheckNamedValue sends a Go bool as the 0/1 the INTEGER columns hold.
func (c *pgConn) CheckNamedValue(v *driver.NamedValue) error {
	if b, ok := v.Value.(bool); ok {
		v.Value = boolInt(b)
	}
	return c.Conn.CheckNamedValue(v)
}

// pgRows reads a boolean result (a comparison in a SELECT list) as 0/1, as
// SQLite gives it, so one Scan target serves both engines.
type pgRows struct{ *stdlib.Rows }

func (r pgRows) Next(dest []driver.Value) error {
	if err := r.Rows.Next(dest); err != nil {
		return err
	}
	for i, v := range dest {
		if b, ok := v.(bool); ok {
			dest[i] = boolInt(b)
		}
	}
	return nil
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// rebind turns "?" placeholders into "$1", "$2"… and "?3" into "$3",
// leaving alone what PostgreSQL reads as text: quoted strings ('…', E'…'
// with its backslash escapes), quoted identifiers, dollar-quoted bodies
// ($$…$$, $tag$…$tag$) and comments (-- and nested /* */). A query that
// mixes "?" with "?N" is refused: SQLite numbers a "?" after "?N" from N,
// this rewriting from the count of "?" before it, so the same query would
// bind differently on the two engines. So is one whose quote or comment
// never ends, where nothing can tell a placeholder from text.
func rebind(q string) (string, error) {
	if !strings.Contains(q, "?") {
		return q, nil
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	numbered := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		end := -1
		switch {
		case c == '\'' || c == '"':
			escapes := c == '\'' && i > 0 && (q[i-1] == 'E' || q[i-1] == 'e') && (i < 2 || !isIdentByte(q[i-2]))
			end = quoted(q, i, c, escapes)
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			end = strings.IndexByte(q[i:], '\n')
			if end < 0 {
				end = len(q)
			} else {
				end += i
			}
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			end = blockComment(q, i)
		case c == '$' && (i == 0 || !isIdentByte(q[i-1])):
			if tag := dollarTag(q, i); tag != "" {
				j := strings.Index(q[i+len(tag):], tag)
				if j < 0 {
					return "", fmt.Errorf("store: query has an unterminated %s quote", tag)
				}
				end = i + len(tag) + j + len(tag)
			}
		case c == '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			b.WriteByte('$')
			if j > i+1 {
				numbered = true
				b.WriteString(q[i+1 : j])
				i = j - 1
			} else {
				n++
				b.WriteString(strconv.Itoa(n))
			}
			if numbered && n > 0 {
				return "", fmt.Errorf("store: query mixes ? and ?N placeholders: %.60q", q)
			}
			continue
		}
		if end < 0 {
			if c == '\'' || c == '"' || c == '/' && i+1 < len(q) && q[i+1] == '*' {
				return "", fmt.Errorf("store: query has an unterminated quote or comment: %.60q", q)
			}
			b.WriteByte(c)
			continue
		}
		b.WriteString(q[i:end])
		i = end - 1
	}
	return b.String(), nil
}

// quoted is the index just past the quote opened at q[i], or -1.
func quoted(q string, i int, quote byte, escapes bool) int {
	for j := i + 1; j < len(q); j++ {
		switch {
		case escapes && q[j] == '\\':
			j++
		case q[j] == quote && j+1 < len(q) && q[j+1] == quote: // doubled inside
			j++
		case q[j] == quote:
			return j + 1
		}
	}
	return -1
}

// blockComment is the index just past the /* */ comment at q[i] (they
// nest in PostgreSQL), or -1.
func blockComment(q string, i int) int {
	depth := 0
	for j := i; j+1 < len(q); j++ {
		switch {
		case q[j] == '/' && q[j+1] == '*':
			depth++
			j++
		case q[j] == '*' && q[j+1] == '/':
			depth--
			j++
			if depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}

// dollarTag is the opening "$tag$" or "$$" at q[i], or "" when q[i] is not
// one ("$1" is a parameter).
func dollarTag(q string, i int) string {
	j := i + 1
	for j < len(q) && (isIdentByte(q[j]) && !(j == i+1 && q[j] >= '0' && q[j] <= '9')) {
		j++
	}
	if j < len(q) && q[j] == '$' {
		return q[i : j+1]
	}
	return ""
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
