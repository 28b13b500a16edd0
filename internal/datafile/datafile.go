// Package datafile reads the tab-separated word lists analyzers embed:
// one entry a line, fields separated by tabs, blank lines and lines
// starting with # ignored.
package datafile

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"strings"
)

// EachLine calls fn with the tab-separated fields of every entry of file in
// fsys; an error from fn is returned with the file name and line number.
func EachLine(fsys fs.FS, file string, fn func(fields []string) error) error {
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", file, n, err)
		}
	}
	return sc.Err()
}
