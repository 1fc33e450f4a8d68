package crashtest

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const reportPrefix = "REPORT "

// Report prints what a child process found, as one JSON line the parent
// reads back with ReadReport.
func Report(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	fmt.Println(reportPrefix + string(b))
}

// RunUnprivileged runs the helper test as an unprivileged user (skipping
// where there is none, or the tests do not run as root) from a copy of the
// test binary in dir, which that user can reach, and decodes its Report
// into v.
func RunUnprivileged(t testing.TB, dir, test, job string, v any, env ...string) {
	t.Helper()
	bin := filepath.Join(dir, filepath.Base(os.Args[0]))
	copyBinary(t, bin)
	cmd := Command(t, test, job, env...)
	cmd.Path, cmd.Args[0] = bin, bin
	if !AsUnprivileged(cmd) {
		t.Skip("file modes cannot be shown here")
	}
	readReport(t, cmd, v)
}

func copyBinary(t testing.TB, bin string) {
	t.Helper()
	src, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

func readReport(t testing.TB, cmd *exec.Cmd, v any) {
	t.Helper()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	_, js, ok := strings.Cut(string(out), reportPrefix)
	if !ok {
		t.Fatalf("no report in: %s", out)
	}
	if err := json.Unmarshal([]byte(strings.SplitN(js, "\n", 2)[0]), v); err != nil {
		t.Fatalf("report: %v", err)
	}
}
