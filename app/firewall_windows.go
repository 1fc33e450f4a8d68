//go:build windows

package app

import (
	"os"
	"os/exec"
	"syscall"
)

// firewallHelp is the command an administrator runs once, when the rule
// is not there; "" when it is, or when the room listens on given addresses.
func firewallHelp(lan bool) string {
	if !lan {
		return ""
	}
	show := exec.Command("netsh", "advfirewall", "firewall", "show", "rule", "name="+firewallRule)
	show.SysProcAttr = &syscall.SysProcAttr{HideWindow: true}
	if show.Run() == nil {
		return "" // the rule exists (netsh exits 1 when no rule matches)
	}
	return firewallCommand(executable())
}

func executable() string {
	exe, err := os.Executable()
	if err != nil {
		return "selaras.exe"
	}
	return exe
}
