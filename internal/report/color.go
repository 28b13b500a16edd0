package report

import "os"

// ColorEnabled reports whether text output should carry ANSI colour: only on
// a terminal, and never when NO_COLOR is set to anything non-empty
// (https://no-color.org) or the terminal declares itself dumb.
func ColorEnabled(isTTY bool) bool {
	return colorEnabled(isTTY, os.Getenv)
}

func colorEnabled(isTTY bool, getenv func(string) string) bool {
	if !isTTY {
		return false
	}
	if getenv("NO_COLOR") != "" {
		return false
	}
	return getenv("TERM") != "dumb"
}

// ANSI SGR sequences the text reporter uses. Kept to the eight basic colours
// so they read on light and dark terminals alike.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiDim     = "\x1b[2m"
	ansiRed     = "\x1b[31m"
	ansiGreen   = "\x1b[32m"
	ansiYellow  = "\x1b[33m"
	ansiCyan    = "\x1b[36m"
	ansiBoldRed = "\x1b[1;31m"
)

// painter wraps strings in colour codes when enabled and passes them through
// untouched otherwise, so formatting code is written once.
type painter bool

func (p painter) paint(code, s string) string {
	if !p || s == "" {
		return s
	}
	return code + s + ansiReset
}
