package app

import (
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2/pkg/options/windows"

	"selaras/backend/fault"
)

// WindowsOptions are the desktop window's Windows settings. With WebView2
// missing, Wails shows Messages (the build uses -tags wv2runtime.error, so
// it never tries a download): they say, in the user's language, what to
// install and where. WebView2's cache stays on this PC, not in the roaming
// profile, and a fixed-version runtime in a WebView2 folder next to the
// exe (a portable copy on a USB stick) is used when present.
func (a *App) WindowsOptions() *windows.Options {
	exeDir := ""
	if exe, err := os.Executable(); err == nil {
		exeDir = filepath.Dir(exe)
	}
	return windowsOptions(a.lang(), exeDir, a.opt.DataDir)
}

func windowsOptions(lang fault.Lang, exeDir, dataDir string) *windows.Options {
	msg := func(code fault.Code, dir string) string { return fault.Message(fault.New(code, "", "dir", dir), lang) }
	fixed := fixedRuntime(exeDir)
	invalidDir := fixed
	if invalidDir == "" {
		invalidDir = filepath.Join(exeDir, "WebView2")
	}
	return &windows.Options{
		Theme:               windows.Light,
		WebviewUserDataPath: filepath.Join(dataDir, "WebView2"),
		WebviewBrowserPath:  fixed,
		Messages: &windows.Messages{
			InstallationRequired: msg(fault.WebView2Missing, exeDir),
			UpdateRequired:       msg(fault.WebView2Old, exeDir),
			MissingRequirements:  msg(fault.WebView2Title, ""),
			Webview2NotInstalled: msg(fault.WebView2Missing, exeDir),
			Error:                msg(fault.WebView2Title, ""),
			FailedToInstall:      msg(fault.WebView2Failed, ""),
			DownloadPage:         msg(fault.WebView2Old, exeDir),
			PressOKToInstall:     "",
			ContactAdmin:         msg(fault.WebView2Missing, exeDir),
			InvalidFixedWebview2: msg(fault.WebView2Invalid, invalidDir),
			WebView2ProcessCrash: msg(fault.WebView2Crash, ""),
		},
	}
}

// fixedRuntime is the WebView2 folder next to the exe when it holds a
// fixed-version runtime, else "" (the installed runtime is used).
func fixedRuntime(exeDir string) string {
	if exeDir == "" {
		return ""
	}
	dir := filepath.Join(exeDir, "WebView2")
	if fi, err := os.Stat(filepath.Join(dir, "msedgewebview2.exe")); err == nil && fi.Mode().IsRegular() {
		return dir
	}
	return ""
}
