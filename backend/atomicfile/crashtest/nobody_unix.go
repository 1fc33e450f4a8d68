//go:build unix

package crashtest

import (
	"os"
	"os/exec"
	"syscall"
)

// AsUnprivileged makes cmd run as the user "nobody" when the tests run as
// root, where file modes would not stop a write. It reports false if that
// is not possible (then a read-only case cannot be shown).
func AsUnprivileged(cmd *exec.Cmd) bool {
	if os.Geteuid() != 0 {
		return true
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	return true
}
