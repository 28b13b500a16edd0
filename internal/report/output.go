package report

import (
	"fmt"
	"io"
	"strconv"
	"time"
)

// flush pushes buffered output through when the writer buffers (bufio.Writer
// and friends), so streaming formats are seen as each article finishes.
func flush(w io.Writer) error {
	switch f := w.(type) {
	case interface{ Flush() error }:
		return f.Flush()
	case interface{ Flush() }:
		f.Flush()
	}
	return nil
}

// writeAll writes b and flushes, naming the format in any error.
func writeAll(w io.Writer, format string, b []byte) error {
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write %s report: %w", format, err)
	}
	if err := flush(w); err != nil {
		return fmt.Errorf("flush %s report: %w", format, err)
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// batchLine is the one-line run summary shared by text and github output:
// "12 articles: 2 fail, 3 warn, 6 pass, 1 unreadable in 1.4s".
func batchLine(sum Summary, p painter) string {
	count := func(n int, word, code string) string {
		s := itoa(n) + " " + word
		if n > 0 {
			return p.paint(code, s)
		}
		return s
	}
	line := fmt.Sprintf("%s: %s, %s, %s, %s in %s",
		plural(sum.Articles, "article"),
		count(sum.Failed, "fail", ansiRed),
		count(sum.Warned, "warn", ansiYellow),
		count(sum.Passed, "pass", ansiGreen),
		count(sum.Errors, "unreadable", ansiRed),
		roundElapsed(sum.Elapsed))
	if sum.Interrupted {
		line += p.paint(ansiBoldRed, " (interrupted: the rest was not read)")
	}
	return line
}

// roundElapsed keeps two or three significant figures: 850ms, 1.4s, 2m3s.
func roundElapsed(d time.Duration) time.Duration {
	switch {
	case d >= time.Minute:
		return d.Round(time.Second)
	case d >= time.Second:
		return d.Round(100 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(time.Millisecond)
	}
	return d.Round(time.Microsecond)
}
