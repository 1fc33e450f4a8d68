package app

// stdStreams says, per standard stream, whether it was redirected: it has a
// usable handle that is not a console (a file, a pipe, NUL).
type stdStreams struct{ In, Out, Err bool }

// consolePlan is what attachConsole does: whether to attach to the parent's
// console, and which streams to point at it.
type consolePlan struct {
	Attach bool
	In     bool // replace stdin with CONIN$
	Out    bool // replace stdout with CONOUT$
	Err    bool // replace stderr with CONOUT$
}

// planConsole keeps every redirected stream, so
// `selaras.exe regions > r.csv` writes to r.csv, and attaches to the parent
// console only for the streams that have nowhere to go. A windowsgui
// program started from cmd.exe or PowerShell without redirection has none.
func planConsole(valid stdStreams) consolePlan {
	p := consolePlan{In: !valid.In, Out: !valid.Out, Err: !valid.Err}
	// Standard input alone is no reason to attach: no command reads it.
	p.Attach = p.Out || p.Err
	if !p.Attach {
		p.In = false
	}
	return p
}
