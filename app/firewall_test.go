package app

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rule opens the room's ports only, for this program, on private
// networks: the installer's rule (selaras.nsh) says the same.
func TestFirewallCommand(t *testing.T) {
	cmd := firewallCommand(`C:\Users\sari\AppData\Local\Programs\Selaras\selaras.exe`)
	assert.Equal(t, `netsh advfirewall firewall add rule name="Selaras ruang rapat" dir=in action=allow `+
		`program="C:\Users\sari\AppData\Local\Programs\Selaras\selaras.exe" protocol=TCP localport=8421-8429 profile=private`, cmd)
}

// The installer adds the same rule (when it runs as administrator).
func TestInstallerFirewallRule(t *testing.T) {
	nsh, err := os.ReadFile("../build/windows/installer/selaras.nsh")
	require.NoError(t, err)
	assert.Contains(t, string(nsh), `name="${SELARAS_FIREWALL_RULE}" dir=in action=allow program="$INSTDIR\${PRODUCT_EXECUTABLE}" protocol=TCP localport=8421-8429 profile=private`)
	assert.Contains(t, string(nsh), `!define SELARAS_FIREWALL_RULE "`+firewallRule+`"`)
	nsi, err := os.ReadFile("../build/windows/installer/project.nsi")
	require.NoError(t, err)
	assert.Contains(t, string(nsi), "!insertmacro selaras.firewall\n")
	assert.Contains(t, string(nsi), "!insertmacro selaras.firewallRemove\n")
}
