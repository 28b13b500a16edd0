// Package cliutil holds what every copydesk command shares: injected I/O
// streams (so commands are tested without a terminal) and exit-code errors.
package cliutil

import (
	"bytes"
	"errors"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are a command's input and outputs.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY and ErrTTY say whether Out / ErrOut are terminals (colour,
	// progress bar).
	OutTTY bool
	ErrTTY bool
}

// System returns the process's real streams.
func System() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		ErrTTY: term.IsTerminal(int(os.Stderr.Fd())),
	}
}

// Test returns streams backed by buffers, for tests.
func Test() (ios *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// Exit codes (README "Exit status").
const (
	ExitOK         = 0
	ExitFailed     = 1 // some article's verdict is fail
	ExitUsage      = 2 // bad flags, arguments or configuration
	ExitInputError = 3 // some input could not be read (others were scored)
	// ExitInterrupted is a run stopped before its end (SIGINT's 128+2;
	// SIGTERM exits 143).
	ExitInterrupted = 130
)

// ExitError carries an exit code out of a command.
type ExitError struct {
	Code int
	Err  error // nil when the code says it all (output already written)
	// Usage, for usage errors, is the command's usage line (trusted text,
	// printed after the error).
	Usage string
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return ""
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// UsageError returns an error that exits 2.
func UsageError(err error) error { return &ExitError{Code: ExitUsage, Err: err} }

// Code returns the exit code for err (0 for nil, 2 for usage, 1 otherwise
// unless err carries one).
func Code(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return ExitFailed
}
