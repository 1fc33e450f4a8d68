package app

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"selaras/backend/fault"
	"strings"

	"selaras/backend/cli"
)

// commands adds the app-level subcommands to the backend's.
func commands(assets fs.FS) []cli.Command {
	return append(cli.Commands(), cli.Command{
		Name:    "serve",
		Summary: fault.CLISumServe,
		Run: func(ctx context.Context, env cli.Env, args []string) error {
			fs := cli.NewFlags(env, "serve")
			addr := fs.String("addr", "127.0.0.1:0", cli.Say(env, fault.CLIFlagAddr))
			db := fs.String("db", "", cli.Say(env, fault.CLIFlagDB))
			dir := fs.String("config-dir", "", cli.Say(env, fault.CLIFlagConfigDir))
			demo := fs.Bool("demo", false, cli.Say(env, fault.CLIFlagDemo))
			roomAddr := fs.String("room-addr", "", cli.Say(env, fault.CLIFlagRoomAddr))
			if err := cli.Parse(env, fs, args); err != nil {
				return err
			}
			a, err := New(Options{ConfigDir: *dir, DB: *db, Demo: *demo, RoomAddrs: splitAddrs(*roomAddr)})
			if err != nil {
				return err
			}
			return a.ServeBridge(ctx, *addr, assets, func(url string) {
				fmt.Fprintf(env.Stdout, "Selaras siap di %s\n", url)
			})
		},
	})
}

// IsCommand reports whether the first argument names a headless subcommand.
func IsCommand(name string) bool { return cli.IsCommand(commands(nil), name) }

// RunCLI runs a headless subcommand and returns the exit code.
func RunCLI(args []string, assets fs.FS) int {
	attachConsole()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return cli.Run(ctx, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}, commands(assets), args)
}

// ParseWindowFlags reads the desktop app's own flags: --db, --demo and --room-addr.
func ParseWindowFlags(args []string) (Options, error) {
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}
	fs := cli.NewFlags(env, "selaras")
	db := fs.String("db", os.Getenv("SELARAS_DB"), cli.Say(env, fault.CLIFlagDB))
	demo := fs.Bool("demo", false, cli.Say(env, fault.CLIFlagDemo))
	roomAddr := fs.String("room-addr", "", cli.Say(env, fault.CLIFlagRoomAddr))
	if err := cli.Parse(env, fs, args); err != nil {
		return Options{}, err
	}
	return Options{DB: *db, Demo: *demo, RoomAddrs: splitAddrs(*roomAddr)}, nil
}

// splitAddrs reads --room-addr: addresses separated by commas; none is nil.
func splitAddrs(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}
