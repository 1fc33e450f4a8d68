// Selaras: coordination meetings and harmonised planning for the offices of
// cooperatives and SMEs. main only wires: headless subcommands, or the window.
package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"selaras/app"
)

//go:embed all:frontend/dist
var embedded embed.FS

func main() {
	assets, err := fs.Sub(embedded, "frontend/dist")
	if err != nil {
		fail(err)
	}
	if len(os.Args) > 1 && app.IsCommand(os.Args[1]) {
		os.Exit(app.RunCLI(os.Args[1:], assets))
	}
	opt, err := app.ParseWindowFlags(os.Args[1:])
	if err != nil {
		os.Exit(2)
	}
	a, err := app.New(opt)
	if err != nil {
		fail(err)
	}
	err = wails.Run(&options.App{
		Title:            "Selaras",
		Width:            1366,
		Height:           768,
		MinWidth:         1024,
		MinHeight:        640,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 250, B: 252, A: 1},
		OnStartup:        a.Startup,
		OnShutdown:       a.Shutdown,
		Bind:             a.Bindings(),
		EnumBind:         app.Enums(),
		// A workbook dropped on the import zone reaches Go as a path.
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true},
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "id.go.selaras.desktop",
			OnSecondInstanceLaunch: func(options.SecondInstanceData) { a.SecondInstance() },
		},
		Windows: a.WindowsOptions(),
		// Never, as Wails sets it when no Linux options are given (and as the
		// bare template runs): the options for ProgramName would otherwise
		// turn on WebKit's on-demand GPU compositing, which on a PC without
		// a usable GPU draws through a software OpenGL and slows every paint.
		Linux: &linux.Options{ProgramName: "selaras", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	})
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "selaras:", err)
	os.Exit(1)
}
