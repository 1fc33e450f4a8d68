package workspace

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDirsFor(t *testing.T) {
	cases := []struct {
		name string
		goos string
		env  map[string]string
		want Dirs
		err  bool
	}{
		{name: "windows: settings roam, data stays local", goos: "windows",
			env: map[string]string{"AppData": `C:\Users\Siti Aminah\AppData\Roaming`, "LocalAppData": `C:\Users\Siti Aminah\AppData\Local\`},
			want: Dirs{Settings: `C:\Users\Siti Aminah\AppData\Roaming\Selaras`, Data: `C:\Users\Siti Aminah\AppData\Local\Selaras`,
				Roaming: `C:\Users\Siti Aminah\AppData\Roaming\Selaras`}},
		{name: "windows without LocalAppData keeps everything roaming", goos: "windows",
			env:  map[string]string{"AppData": `C:\Users\x\AppData\Roaming`},
			want: Dirs{Settings: `C:\Users\x\AppData\Roaming\Selaras`, Data: `C:\Users\x\AppData\Roaming\Selaras`}},
		{name: "windows without AppData", goos: "windows", env: map[string]string{}, err: true},
		{name: "linux: ~/.config/Selaras unchanged", goos: "linux", env: map[string]string{"HOME": "/home/siti"},
			want: Dirs{Settings: "/home/siti/.config/Selaras", Data: "/home/siti/.config/Selaras"}},
		{name: "linux with XDG_CONFIG_HOME", goos: "linux", env: map[string]string{"HOME": "/home/siti", "XDG_CONFIG_HOME": "/srv/cfg"},
			want: Dirs{Settings: "/srv/cfg/Selaras", Data: "/srv/cfg/Selaras"}},
		{name: "linux ignores a relative XDG_CONFIG_HOME", goos: "linux", env: map[string]string{"HOME": "/home/siti", "XDG_CONFIG_HOME": "cfg"},
			want: Dirs{Settings: "/home/siti/.config/Selaras", Data: "/home/siti/.config/Selaras"}},
		{name: "linux without HOME", goos: "linux", env: map[string]string{}, err: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := DirsFor(c.goos, func(k string) string { return c.env[k] })
			if c.err {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}
