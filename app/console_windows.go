//go:build windows

package app

import (
	"os"
	"syscall"
)

// attachConsole connects a windowsgui build to the console it was started
// from, so headless subcommands print in cmd.exe and PowerShell, but leaves
// streams that were redirected to a file or a pipe where they are.
func attachConsole() {
	plan := planConsole(stdStreams{
		In:  redirected(syscall.STD_INPUT_HANDLE),
		Out: redirected(syscall.STD_OUTPUT_HANDLE),
		Err: redirected(syscall.STD_ERROR_HANDLE),
	})
	if !plan.Attach {
		return
	}
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := proc.Call(attachParentProcess); r == 0 {
		return // started from Explorer: no console to print to
	}
	if plan.Out || plan.Err {
		// Read access too: Go tells a console by GetConsoleMode, which needs
		// it, and writes Unicode to a console it recognises. Opened
		// write-only, CONOUT$ got UTF-8 bytes read in the OEM code page, so
		// "—" and "ā" came out as "ΓÇö" and "─ü".
		if f, err := os.OpenFile("CONOUT$", os.O_RDWR, 0); err == nil {
			if plan.Out {
				os.Stdout = f
			}
			if plan.Err {
				os.Stderr = f
			}
		}
	}
	if plan.In {
		if f, err := os.OpenFile("CONIN$", os.O_RDONLY, 0); err == nil {
			os.Stdin = f
		}
	}
}

// redirected reports whether the standard handle leads to a file, a pipe or
// a device such as NUL. A GUI program started without redirection has no
// handle (0 or INVALID_HANDLE_VALUE) or, at most, an inherited console
// handle it is not attached to; both are replaced by the console's own.
func redirected(which int) bool {
	h, err := syscall.GetStdHandle(which)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	if t, err := syscall.GetFileType(h); err != nil || t == syscall.FILE_TYPE_UNKNOWN {
		return false
	}
	var mode uint32
	return syscall.GetConsoleMode(h, &mode) != nil // a console answers; a file, pipe or NUL does not
}
