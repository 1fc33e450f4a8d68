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
	Finished bool          // the child ran to the end before the kill
	Took     time.Duration // how long it ran, to its end or to the kill
	Output   string        // its combined output
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
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("crashtest: child failed before the kill: %v\n%s", err, out.String())
		}
		return Outcome{Finished: true, Took: time.Since(start), Output: out.String()}
	case <-time.After(delay):
		_ = cmd.Process.Kill() // SIGKILL: no deferred function, no cleanup runs
		err := <-done
		return Outcome{Finished: err == nil, Took: time.Since(start), Output: out.String()}
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

// Trials is what KillTrials saw: kills that left no file at the target,
// kills after which the whole file stood there, and the temporary files the
// sweeps removed.
type Trials struct{ Absent, Complete, Swept int }

// KillTrials runs a child (cmd makes it afresh) n times, each killed at a
// random moment of span (Delay), and after each looks at what the user
// would find at out: nothing, or a file that whole checks before it is
// removed. sweep then does what the next start does about the killed
// child's leftovers, checks nothing else is left, and says how many
// temporary files it removed.
func KillTrials(t testing.TB, n int, span time.Duration, cmd func() *exec.Cmd, out string, whole func(trial int), sweep func(trial int) int) Trials {
	t.Helper()
	var r Trials
	for i := range n {
		o := KillAfter(t, cmd(), Delay(span))
		// A run that ended before its kill shows the span was measured on a
		// busier machine than now: the next kills aim inside the shorter run.
		if o.Finished && o.Took < span {
			span = o.Took
		}
		if _, err := os.Stat(out); err == nil {
			whole(i)
			r.Complete++
			if err := os.Remove(out); err != nil {
				t.Fatal(err)
			}
		} else if o.Finished {
			t.Errorf("trial %d: a finished child left no file at %s", i, out)
		} else {
			r.Absent++
		}
		r.Swept += sweep(i)
	}
	return r
}
