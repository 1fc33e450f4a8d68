package room

import (
	"errors"
	"net"
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"selaras/backend/fault"
)

// Where a room listens. Never on every interface (0.0.0.0): a laptop on a
// hotel's public network would serve the meeting there. Only on the
// private IPv4 addresses of its interfaces, the ones a phone in the room
// reaches: Windows' Mobile hotspot gives the laptop 192.168.137.1, a room's
// Wi-Fi router an address in 192.168.x.x or 10.x.x.x.

// hotspot is the address Windows gives itself when it shares a Mobile hotspot.
var hotspot = netip.MustParseAddr("192.168.137.1")

// maxAddrs bounds the addresses a room listens on.
const maxAddrs = 4

// lanAddr is a private address of an interface, ranked: the hotspot first,
// then Wi-Fi, then the rest, virtual adapters (Docker, VirtualBox, VPNs)
// last.
type lanAddr struct {
	ip    netip.Addr
	iface string
	rank  int
}

// LANAddresses lists the addresses a room would listen on, best first.
func LANAddresses() []lanAddr {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []lanAddr
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			pfx, err := netip.ParsePrefix(a.String())
			if err != nil {
				continue
			}
			ip := pfx.Addr().Unmap()
			if !ip.Is4() || !ip.IsPrivate() {
				continue
			}
			out = append(out, lanAddr{ip: ip, iface: ifc.Name, rank: rankOf(ip, ifc.Name)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].rank < out[j].rank })
	return out
}

func rankOf(ip netip.Addr, iface string) int {
	name := strings.ToLower(iface)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(name, w) {
				return true
			}
		}
		return false
	}
	switch {
	case ip == hotspot:
		return 0
	case has("docker", "veth", "br-", "virbr", "vmnet", "vbox", "virtualbox", "vmware", "hyper-v", "vethernet", "wsl",
		"tailscale", "zerotier", "zt", "tun", "tap", "utun", "wg"):
		return 3
	case has("wi-fi", "wifi", "wlan", "wireless", "wl", "local area connection*"):
		return 1
	}
	return 2
}

// listen opens the room's listeners: on opt.Addrs exactly, or on the LAN
// addresses at the first port from opt.Port free on all of them.
func listen(opt Options) ([]net.Listener, []Link, error) {
	if len(opt.Addrs) > 0 {
		var lns []net.Listener
		var links []Link
		for _, a := range opt.Addrs {
			ln, err := net.Listen("tcp4", a)
			if err != nil {
				closeAll(lns)
				return nil, nil, fault.Wrap(err, fault.RoomListen, "", "addr", a, "cause", err.Error())
			}
			lns = append(lns, ln)
			links = append(links, Link{Interface: a})
		}
		return lns, links, nil
	}
	addrs := LANAddresses()
	if len(addrs) == 0 {
		return nil, nil, fault.New(fault.RoomNoNetwork, "")
	}
	if len(addrs) > maxAddrs {
		addrs = addrs[:maxAddrs]
	}
	for port := opt.Port; port < opt.Port+PortTries; port++ {
		var lns []net.Listener
		var links []Link
		var busy error
		for _, a := range addrs {
			ln, err := net.Listen("tcp4", netip.AddrPortFrom(a.ip, uint16(port)).String())
			if err != nil {
				busy = err
				break
			}
			lns = append(lns, ln)
			links = append(links, Link{Interface: a.iface})
		}
		if busy == nil {
			return lns, links, nil
		}
		closeAll(lns)
		if !errors.Is(busy, syscall.EADDRINUSE) && !isAddrInUse(busy) {
			return nil, nil, fault.Wrap(busy, fault.RoomListen, "", "addr", addrs[0].ip.String()+":"+strconv.Itoa(port),
				"cause", busy.Error())
		}
	}
	from, to := portRange(opt.Port)
	return nil, nil, fault.New(fault.RoomPortBusy, "", "from", from, "to", to)
}

// isAddrInUse recognises "address already in use" where the error is not
// syscall.EADDRINUSE itself (Windows' WSAEADDRINUSE).
func isAddrInUse(err error) bool {
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "address already in use") || strings.Contains(s, "only one usage of each socket address")
}
