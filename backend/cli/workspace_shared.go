package cli

// selaras workspace: a shared office workspace on a PostgreSQL server — its
// roles (init, user), and moving a workspace in (push) and out (pull).

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"selaras/backend/fault"
	"strings"

	"golang.org/x/term"

	"selaras/backend/shared"
	"selaras/backend/store"
)

func runWorkspace(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(env.Stdout, say(env, fault.CLIWorkspaceHelp))
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	switch args[0] {
	case "init":
		return runWorkspaceInit(ctx, env, args[1:])
	case "user":
		if len(args) > 1 && args[1] == "add" {
			return runUserAdd(ctx, env, args[2:])
		}
		if len(args) > 1 && args[1] == "list" {
			return runUserList(ctx, env, args[2:])
		}
		return UsageError(env, "workspace user", fault.CLIUserChoose)
	case "push":
		return runPush(ctx, env, args[1:])
	case "pull":
		return runPull(ctx, env, args[1:])
	}
	return UsageError(env, "workspace", fault.CLIUnknownWorkspaceCommand, "name", args[0])
}

// serverFlag is the --pg URL, required and a postgres:// one.
func serverFlag(env Env, cmd, url string) error {
	if url == "" {
		return UsageError(env, cmd, fault.CLIPGRequired)
	}
	if !store.IsPostgres(url) {
		return UsageError(env, cmd, fault.CLIPGNotURL, "url", url)
	}
	return nil
}

func runWorkspaceInit(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "workspace init")
	pg := fs.String("pg", "", say(env, fault.CLIFlagPGInit))
	if err := Parse(env, fs, args); err != nil {
		return err
	}
	if err := serverFlag(env, "workspace init", *pg); err != nil {
		return err
	}
	if err := withLogin(env, *pg, func(dsn string) error { return shared.Init(ctx, dsn) }); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, say(env, fault.CLISharedReady, "url", store.Redact(*pg)))
	return nil
}

func runUserAdd(ctx context.Context, env Env, args []string) error {
	// The name comes first (user add budi --role ...); flag stops at it.
	var name string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	fs := NewFlags(env, "workspace user add")
	pg := fs.String("pg", "", say(env, fault.CLIFlagPGAdmin))
	role := fs.String("role", "", say(env, fault.CLIFlagRole))
	bidang := fs.String("bidang", "", say(env, fault.CLIFlagBidang))
	regionCode := fs.String("region", "", say(env, fault.CLIFlagKabkotaRegion))
	stdin := fs.Bool("password-stdin", false, say(env, fault.CLIFlagPasswordStdin))
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if name == "" && fs.NArg() > 0 {
		name = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return UsageError(env, "workspace user add", fault.CLIUnknownArgs, "args", strings.Join(fs.Args(), " "))
	}
	if name == "" {
		return UsageError(env, "workspace user add", fault.CLIUserName)
	}
	if err := serverFlag(env, "workspace user add", *pg); err != nil {
		return err
	}
	if *role == "" {
		return UsageError(env, "workspace user add", fault.CLIRoleRequired)
	}
	pw, err := password(env, name, *stdin)
	if err != nil {
		return err
	}
	u := shared.User{Name: name, Role: shared.Role(*role), Bidang: *bidang, Region: *regionCode, Password: pw}
	if err := withLogin(env, *pg, func(dsn string) error { return shared.AddUser(ctx, dsn, u) }); err != nil {
		return err
	}
	which := ""
	if u.Role == shared.Bidang {
		which = " (" + strings.TrimSpace(*bidang) + ")"
	}
	if u.Role == shared.Kabkota {
		which = " (" + store.RegionLabel(strings.TrimSpace(*regionCode)) + ")"
	}
	fmt.Fprintln(env.Stdout, say(env, fault.CLIUserAdded, "name", name, "role", *role, "bidang", which))
	return nil
}

// password reads the new user's password: the first line of standard input
// with --password-stdin, else asked twice on the terminal without echo.
func password(env Env, name string, fromStdin bool) (string, error) {
	in := env.Stdin
	if in == nil {
		in = os.Stdin
	}
	if fromStdin {
		line, err := bufio.NewReader(in).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	f, ok := in.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", UsageError(env, "workspace user add", fault.CLINoTerminal)
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(env.Stderr, prompt)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.Stderr)
		return string(b), err
	}
	pw, err := ask(say(env, fault.CLIPasswordFor, "name", name))
	if err != nil {
		return "", err
	}
	again, err := ask(say(env, fault.CLIPasswordAgain))
	if err != nil {
		return "", err
	}
	if pw != again {
		return "", UsageError(env, "workspace user add", fault.CLIPasswordsDiffer)
	}
	return pw, nil
}

func runUserList(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "workspace user list")
	pg := fs.String("pg", "", say(env, fault.CLIFlagPG))
	format := fs.String("format", formatCSV, say(env, fault.CLIFlagFormat))
	if err := parseListing(env, fs, format, args); err != nil {
		return err
	}
	if err := serverFlag(env, "workspace user list", *pg); err != nil {
		return err
	}
	var users []shared.User
	err := withLogin(env, *pg, func(dsn string) (err error) {
		users, err = shared.Users(ctx, dsn)
		return err
	})
	if err != nil {
		return err
	}
	if *format == formatJSON {
		return writeJSON(env, users)
	}
	t := newTable(env, *format)
	t.row("name", "role", "bidang", "region")
	for _, u := range users {
		t.row(u.Name, string(u.Role), u.Bidang, u.Region)
	}
	return t.flush()
}

// progressTo prints each table as it is copied.
func progressTo(env Env) shared.Progress {
	return func(table string, rows int64) {
		fmt.Fprintf(env.Stdout, "  %-24s %s\n", table, say(env, fault.CLIRows, "rows", fmt.Sprintf("%8d", rows)))
	}
}

func runPush(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "workspace push")
	from := fs.String("from", "", say(env, fault.CLIFlagPushFrom))
	to := fs.String("to", "", say(env, fault.CLIFlagPushTo))
	if err := Parse(env, fs, args, "from", "to"); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, say(env, fault.CLICopyingOne, "from", *from, "to", store.Redact(*to)))
	if err := withLogin(env, *to, func(dsn string) error { return shared.Push(ctx, *from, dsn, progressTo(env)) }); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, say(env, fault.CLIPushed, "to", store.Redact(*to), "from", *from))
	return nil
}

func runPull(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "workspace pull")
	from := fs.String("from", "", say(env, fault.CLIFlagPullFrom))
	to := fs.String("to", "", say(env, fault.CLIFlagPullTo))
	if err := Parse(env, fs, args, "from", "to"); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, say(env, fault.CLICopying, "from", store.Redact(*from), "to", *to))
	if err := withLogin(env, *from, func(dsn string) error { return shared.Pull(ctx, dsn, *to, progressTo(env)) }); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, say(env, fault.CLIPulled, "to", *to))
	return nil
}

// withLogin runs fn on the server address dsn. When the server asks for a
// password the address does not carry (nor PGPASSWORD, nor .pgpass), it is
// asked on the terminal without echo and fn runs once more: a password is
// better not typed into a command line that the shell's history keeps.
func withLogin(env Env, dsn string, fn func(dsn string) error) error {
	err := fn(dsn)
	if err == nil || !store.NeedsPassword(err) {
		return err
	}
	u, perr := url.Parse(dsn)
	if perr != nil || u.User == nil {
		return err
	}
	if _, has := u.User.Password(); has {
		return err
	}
	f, ok := env.Stdin.(*os.File)
	if env.Stdin == nil {
		f, ok = os.Stdin, true
	}
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return err
	}
	fmt.Fprintf(env.Stderr, "Kata sandi %s@%s: ", u.User.Username(), u.Host)
	b, rerr := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(env.Stderr)
	if rerr != nil || len(b) == 0 {
		return err
	}
	u.User = url.UserPassword(u.User.Username(), string(b))
	return fn(u.String())
}
