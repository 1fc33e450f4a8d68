//go:build windows

package app

import (
	"os"
	"syscall"
)

// attachConsole connects a windowsgui build to the console it was started
// from, so headless subcommands print in cmd.exe and PowerShell.
func attachConsole() {
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := proc.Call(attachParentProcess); r == 0 {
		return // started from Explorer or already has a console
	}
	if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout = f
		os.Stderr = f
	}
}
