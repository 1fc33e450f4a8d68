package app

import (
	"strconv"

	"selaras/backend/room"
)

// firewallRule names the Windows Firewall rule that lets phones in the
// meeting room reach Selaras: this program, the room's TCP ports, private
// networks only. The installer adds it when it runs as administrator
// (build/windows/installer/selaras.nsh); a per-user installation cannot,
// and Windows' own prompt at the first listen asks for an administrator
// too: then the room's panel shows firewallCommand to run once.
const firewallRule = "Selaras ruang rapat"

// firewallCommand is the netsh command that allows exe to receive the
// room's connections on private networks, to run once in a terminal opened
// as administrator.
func firewallCommand(exe string) string {
	ports := strconv.Itoa(room.DefaultPort) + "-" + strconv.Itoa(room.DefaultPort+room.PortTries-1)
	return `netsh advfirewall firewall add rule name="` + firewallRule + `" dir=in action=allow program="` + exe +
		`" protocol=TCP localport=` + ports + ` profile=private`
}
