package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// input is one thing to read: a file, stdin, or a spec that failed to
// expand (err set).
type input struct {
	name  string
	stdin bool
	err   error
}

// expand turns one spec into inputs, in order, calling visit for each. A
// spec that names nothing readable still yields one input with err set.
func expand(spec string, visit func(input) error) error {
	if spec == "-" {
		return visit(input{name: StdinName, stdin: true})
	}
	st, statErr := os.Stat(spec)
	if statErr != nil && isGlob(spec) {
		return expandGlob(spec, visit)
	}
	if statErr != nil {
		return visit(input{name: spec, err: fmt.Errorf("%s: %w", spec, pathError(statErr))})
	}
	if st.IsDir() {
		return walkDir(spec, visit)
	}
	return visit(input{name: spec})
}

func isGlob(spec string) bool { return strings.ContainsAny(spec, "*?[") }

func expandGlob(pattern string, visit func(input) error) error {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return visit(input{name: pattern, err: fmt.Errorf("%s: bad glob pattern: %w", pattern, err)})
	}
	if len(matches) == 0 {
		return visit(input{name: pattern, err: fmt.Errorf("%s: no file matches this pattern", pattern)})
	}
	sort.Strings(matches)
	for _, m := range matches {
		st, err := os.Stat(m)
		switch {
		case err != nil:
			err = visit(input{name: m, err: fmt.Errorf("%s: %w", m, pathError(err))})
		case st.IsDir():
			err = walkDir(m, visit)
		default:
			err = visit(input{name: m})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// walkDir visits the files of dir a walk takes (see the package comment),
// in lexical order. A directory yielding no article is one error input.
func walkDir(dir string, visit func(input) error) error {
	taken := 0
	werr := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable subdirectory or file is reported, not skipped.
			taken++
			return visit(input{name: path, err: fmt.Errorf("%s: %w", path, pathError(err))})
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !walkTakes(path, d) {
			return nil
		}
		taken++
		return visit(input{name: path})
	})
	if werr != nil {
		return werr
	}
	if taken == 0 {
		return visit(input{name: dir, err: fmt.Errorf("%s: directory holds no article files (known extensions: %s)", dir, knownExtList())})
	}
	return nil
}

// walkTakes reports whether a directory walk reads the file: a regular
// file (or a symlink to one) with a known extension, or with no extension
// and a text-like start. Symlinked directories are not followed (no cycles).
func walkTakes(path string, d fs.DirEntry) bool {
	if d.IsDir() {
		return false
	}
	if d.Type()&fs.ModeSymlink != 0 {
		st, err := os.Stat(path)
		if err != nil || !st.Mode().IsRegular() {
			return false
		}
	} else if !d.Type().IsRegular() {
		return false
	}
	ext := strings.ToLower(filepath.Ext(d.Name()))
	if ext != "" {
		_, known := formatByExt[ext]
		return known
	}
	head, err := readHead(path)
	return err == nil && binaryReason(head) == ""
}

func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, sniffLen)
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:n], err
}

// pathError drops the path os errors repeat, since messages start with it.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return errors.New("no such file or directory")
		}
		return pe.Err
	}
	return err
}
