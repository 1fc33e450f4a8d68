// Package crashtest runs part of a test in a child process (the test binary
// itself, re-executed for one test function) and kills it with SIGKILL at a
// chosen moment, the way a power cut or a closed terminal would. Tests use
// it to prove that a write interrupted anywhere leaves nothing partial where
// the user looks.
package crashtest

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"testing"
	"time"
)

const envJob = "SELARAS_CRASHTEST_JOB"

// Job is the job this process was started for by Run, or "" in the parent.
// A helper test begins with: if crashtest.Job() != "mine" { t.Skip() }.
func Job() string { return os.Getenv(envJob) }

// Command prepares the test binary to run only the test named test, with
// job set and the extra environment.
func Command(t testing.TB, test, job string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1", "-test.timeout=60s")
	cmd.Env = append(append(os.Environ(), envJob+"="+job), env...)
	return cmd
}

// Outcome is what one trial did.
type Outcome struct {
	Finished bool   // the child ran to the end before the kill
	Output   string // its combined output
}

// KillAfter starts cmd and kills it with SIGKILL after delay (if it is
// still running then).
func KillAfter(t testing.TB, cmd *exec.Cmd, delay time.Duration) Outcome {
	t.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("crashtest: start: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("crashtest: child failed before the kill: %v\n%s", err, out.String())
		}
		return Outcome{Finished: true, Output: out.String()}
	case <-time.After(delay):
		_ = cmd.Process.Kill() // SIGKILL: no deferred function, no cleanup runs
		err := <-done
		return Outcome{Finished: err == nil, Output: out.String()}
	}
}

// Time runs cmd to completion once and returns how long it took, so trials
// can spread their kills over the whole run.
func Time(t testing.TB, cmd *exec.Cmd) time.Duration {
	t.Helper()
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("crashtest: child failed: %v\n%s", err, out)
	}
	return time.Since(start)
}

// Delay is a random moment in [span/4, span): the first quarter of a run is
// mostly the process starting, where nothing is written yet.
func Delay(span time.Duration) time.Duration {
	if span <= 4 {
		return 0
	}
	return span/4 + time.Duration(rand.Int64N(int64(span-span/4)))
}

// Trials kills the child that cmd makes n times, each at a Delay within
// span, and looks at what each kill left at out: a file there must be whole
// (whole checks it; it is then removed), and no file is a kill before the
// rename, which a child that finished must not show. After each trial sweep
// does what the next start would (it returns how many temporary files it
// removed and checks that nothing is left). Some kills must land mid-write.
func Trials(t testing.TB, n int, span time.Duration, cmd func() *exec.Cmd, out string, whole func(i int), sweep func(i int) int) {
	t.Helper()
	complete, absent, swept := 0, 0, 0
	for i := range n {
		o := KillAfter(t, cmd(), Delay(span))
		if _, err := os.Stat(out); err == nil {
			whole(i)
			complete++
			if err := os.Remove(out); err != nil {
				t.Fatalf("crashtest: %v", err)
			}
		} else {
			if o.Finished {
				t.Errorf("trial %d: a finished write left no file", i)
			}
			absent++
		}
		swept += sweep(i)
	}
	t.Logf("%d trials over %v: %d killed before the rename (no file), %d complete; %d temporary files swept",
		n, span, absent, complete, swept)
	if absent == 0 {
		t.Errorf("no kill landed mid-write in %d trials", n)
	}
}
