//go:build !unix

package crashtest

import "os/exec"

// AsUnprivileged reports false: read-only cases are shown on Unix only.
func AsUnprivileged(*exec.Cmd) bool { return false }
