//go:build !windows

package app

// firewallHelp is, on Windows, the firewall rule to add so phones reach
// the room; other systems let a program listen without one (a distribution
// that firewalls by default says so itself).
func firewallHelp(lan bool) string { return "" }
