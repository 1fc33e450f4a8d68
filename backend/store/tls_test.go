// The TLS cluster is started by scripts/pg-test.sh and its files are handed
// to the server's user: a Unix test.

//go:build !windows

package store_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"database/sql"
	"encoding/pem"
	"math/big"
	"net"
	"net/url"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// authority is a certificate authority made for a test, as a province's
// IT makes its own: its certificate (PEM) and key.
type authority struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
}

func newAuthority(t *testing.T, name string) authority {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	require.NoError(t, err)
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	return authority{cert, key, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

// serverCert is a certificate for the server at 127.0.0.1 only, signed by
// the authority: cert and key as PEM.
func (a authority) serverCert(t *testing.T) (certPEM, keyPEM []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:    x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, a.cert, &key.PublicKey, a.key)
	require.NoError(t, err)
	kder, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder})
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// tlsCluster starts a throwaway cluster of its own (never the suite's)
// serving TLS with a certificate of ca, and returns its superuser's URL
// without sslmode.
func tlsCluster(t *testing.T, ca authority) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "selaras-tls-")
	require.NoError(t, err)
	require.NoError(t, os.Chmod(dir, 0o755)) // the server's own user reaches it
	port := strconv.Itoa(freePort(t))
	script, err := filepath.Abs("../../scripts/pg-test.sh")
	require.NoError(t, err)
	env := append(os.Environ(), "SELARAS_PG_DIR="+dir, "SELARAS_PG_PORT="+port)
	cmd := osexec.Command(script, "start")
	cmd.Env = env
	out, err := cmd.Output()
	require.NoError(t, err, "pg-test.sh start")
	t.Cleanup(func() {
		stop := osexec.Command(script, "stop")
		stop.Env = env
		_ = stop.Run()
		_ = os.RemoveAll(dir)
	})
	admin := strings.TrimSpace(string(out))
	data := filepath.Join(dir, "data")
	fi, err := os.Stat(data)
	require.NoError(t, err)
	st := fi.Sys().(*syscall.Stat_t)
	crt, key := ca.serverCert(t)
	for name, body := range map[string][]byte{"server.crt": crt, "server.key": key} {
		p := filepath.Join(data, name)
		require.NoError(t, os.WriteFile(p, body, 0o600))
		require.NoError(t, os.Chown(p, int(st.Uid), int(st.Gid)))
	}
	exec(t, admin, "ALTER SYSTEM SET ssl = on")
	exec(t, admin, "SELECT pg_reload_conf()")
	base := strings.TrimSuffix(admin, "?sslmode=disable")
	// The reload is asynchronous: wait until TLS is served.
	for i := 0; ; i++ {
		db, _ := sql.Open("pgx", base+"?sslmode=require")
		err = db.Ping()
		db.Close()
		if err == nil {
			break
		}
		require.Less(t, i, 50, "TLS not served: %v", err)
		time.Sleep(100 * time.Millisecond)
	}
	return base
}

func withQuery(base string, kv ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		q.Set(kv[i], kv[i+1])
	}
	return base + "?" + q.Encode()
}

// A regency connects to the province's server with sslmode=verify-full and
// the province's CA: the store says the link is encrypted and the server
// verified. With another CA, or another host name than the certificate's,
// or a CA file that is not there, the connection is refused with a message
// that says why, in both languages.
func TestVerifiedTLS(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	ca, other := newAuthority(t, "CA Provinsi Uji"), newAuthority(t, "CA Lain")
	base := tlsCluster(t, ca)
	dir := t.TempDir()
	caFile, otherFile := filepath.Join(dir, "provinsi-ca.crt"), filepath.Join(dir, "lain-ca.crt")
	require.NoError(t, os.WriteFile(caFile, ca.pem, 0o644))
	require.NoError(t, os.WriteFile(otherFile, other.pem, 0o644))

	s, err := store.Open(ctx, withQuery(base, "sslmode", "verify-full", "sslrootcert", caFile), store.Options{})
	require.NoError(t, err)
	assert.Equal(t, store.Link{Encrypted: true, Verified: store.VerifiedServer, Mode: "verify-full"}, s.Link())
	require.NoError(t, s.Close())

	s, err = store.Open(ctx, withQuery(base, "sslmode", "require"), store.Options{})
	require.NoError(t, err)
	assert.Equal(t, store.Link{Encrypted: true, Mode: "require"}, s.Link(), "encrypted, but anyone could pose as the server")
	require.NoError(t, s.Close())

	s, err = store.Open(ctx, withQuery(base, "sslmode", "disable"), store.Options{})
	require.NoError(t, err)
	assert.Equal(t, store.Link{Mode: "disable"}, s.Link())
	require.NoError(t, s.Close())

	refused := func(raw string, code fault.Code, id, en string) {
		t.Helper()
		_, err := store.Open(ctx, raw, store.Options{})
		require.Error(t, err)
		err = store.Explain(err, store.Redact(raw))
		assert.Equal(t, code, fault.CodeOf(err), "%v", err)
		assert.Contains(t, fault.Message(err, fault.ID), id)
		assert.Contains(t, fault.Message(err, fault.EN), en)
	}
	refused(withQuery(base, "sslmode", "verify-full", "sslrootcert", otherFile), fault.ServerTLSUntrusted,
		"tidak ditandatangani oleh CA", "not signed by the certificate authority")
	u, err := url.Parse(base)
	require.NoError(t, err)
	u.Host = "localhost:" + u.Port()
	refused(withQuery(u.String(), "sslmode", "verify-full", "sslrootcert", caFile), fault.ServerTLSHost,
		"localhost", "localhost")
	refused(withQuery(base, "sslmode", "verify-full", "sslrootcert", filepath.Join(dir, "tidak-ada.crt")), fault.ServerCAFile,
		"tidak-ada.crt", "tidak-ada.crt")
}
