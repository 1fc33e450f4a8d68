//go:build !windows

package app

func attachConsole() {}
