package app

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
)

func TestWindowsOptions(t *testing.T) {
	exeDir, data := t.TempDir(), t.TempDir()

	o := windowsOptions(fault.ID, exeDir, data)
	assert.Equal(t, "", o.WebviewBrowserPath, "no WebView2 folder: the installed runtime")
	assert.Equal(t, filepath.Join(data, "WebView2"), o.WebviewUserDataPath, "the cache stays local")
	m := o.Messages
	require.NotNil(t, m)
	assert.Contains(t, m.ContactAdmin, "Selaras memerlukan Microsoft Edge WebView2 Runtime")
	assert.Contains(t, m.ContactAdmin, "MicrosoftEdgeWebView2RuntimeInstallerX64.exe")
	assert.Contains(t, m.ContactAdmin, "folder WebView2 di "+exeDir)
	assert.Equal(t, "Selaras belum dapat dibuka", m.Error)
	// Every message is ours: none of Wails' English defaults, none promises a download.
	v := reflect.ValueOf(*m)
	for i := 0; i < v.NumField(); i++ {
		name, text := v.Type().Field(i).Name, v.Field(i).String()
		if name == "PressOKToInstall" {
			continue // appended to InstallationRequired by the embed strategy only
		}
		assert.NotEmpty(t, text, name)
		assert.NotContains(t, text, "Press", name)
		assert.NotContains(t, text, "unduh dan pasang", name)
	}

	en := windowsOptions(fault.EN, exeDir, data).Messages
	assert.Contains(t, en.ContactAdmin, "Selaras needs the Microsoft Edge WebView2 Runtime")

	// A fixed-version runtime next to the exe (a portable copy) is used.
	fixed := filepath.Join(exeDir, "WebView2")
	require.NoError(t, os.MkdirAll(fixed, 0o755))
	assert.Equal(t, "", windowsOptions(fault.ID, exeDir, data).WebviewBrowserPath, "an empty folder is not a runtime")
	require.NoError(t, os.WriteFile(filepath.Join(fixed, "msedgewebview2.exe"), []byte("MZ"), 0o644))
	o = windowsOptions(fault.ID, exeDir, data)
	assert.Equal(t, fixed, o.WebviewBrowserPath)
	assert.Contains(t, o.Messages.InvalidFixedWebview2, fixed)
}
