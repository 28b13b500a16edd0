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

// expander turns specs into inputs under the options' walk rules.
type expander struct {
	opts    Options
	exclude []os.FileInfo // Options.Exclude, stat'ed once
}

func newExpander(opts Options) *expander {
	e := &expander{opts: opts}
	for _, p := range opts.Exclude {
		if st, err := os.Stat(p); err == nil {
			e.exclude = append(e.exclude, st)
		}
	}
	return e
}

// excluded reports whether st is one of Options.Exclude (the -o file).
func (e *expander) excluded(st os.FileInfo) bool {
	for _, x := range e.exclude {
		if os.SameFile(x, st) {
			return true
		}
	}
	return false
}

// expand turns one spec into inputs, in order, calling visit for each. A
// spec that names nothing readable still yields one input with err set.
func (e *expander) expand(spec string, visit func(input) error) error {
	if spec == "-" {
		return visit(input{name: StdinName, stdin: true})
	}
	st, statErr := os.Stat(spec)
	if statErr != nil && isGlob(spec) {
		return e.expandGlob(spec, visit)
	}
	return e.named(spec, st, statErr, visit)
}

// named handles a path given on the command line or matched by a glob:
// read whatever it is, except that a FIFO, device or socket is an error
// (reading one can block forever) unless Options.NonRegular allows it.
func (e *expander) named(path string, st os.FileInfo, statErr error, visit func(input) error) error {
	switch {
	case statErr != nil:
		if lst, err := os.Lstat(path); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(path)
			return visit(input{name: path, err: fmt.Errorf("%s: dangling symbolic link (to %s)", path, target)})
		}
		return visit(input{name: path, err: fmt.Errorf("%s: %w", path, pathError(statErr))})
	case st.IsDir():
		return e.walkDir(path, visit)
	case e.excluded(st):
		e.note("%s: not read: it is this run's output file", path)
		return nil
	case !st.Mode().IsRegular() && !e.opts.NonRegular:
		return visit(input{name: path, err: fmt.Errorf("%s: %s, not a regular file; not read (it could block forever)", path, fileKind(st.Mode()))})
	}
	return visit(input{name: path})
}

func (e *expander) note(format string, args ...any) {
	if e.opts.Notice != nil {
		e.opts.Notice(fmt.Sprintf(format, args...))
	}
}

func isGlob(spec string) bool { return strings.ContainsAny(spec, "*?[") }

func (e *expander) expandGlob(pattern string, visit func(input) error) error {
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
		if err := e.named(m, st, err, visit); err != nil {
			return err
		}
	}
	return nil
}

// walkDir visits the files of dir a walk takes (see the package comment),
// in lexical order. A directory yielding no article is one error input.
// Symbolic links to directories are not followed, so a walk cannot loop.
func (e *expander) walkDir(dir string, visit func(input) error) error {
	taken := 0
	root, rootErr := filepath.EvalSymlinks(dir)
	if rootErr == nil {
		root, rootErr = filepath.Abs(root)
	}
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
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(path)
			if err != nil {
				target, _ := os.Readlink(path)
				taken++
				return visit(input{name: path, err: fmt.Errorf("%s: dangling symbolic link (to %s)", path, target)})
			}
			if st.IsDir() {
				e.note("%s: symbolic link to a directory, not followed", path)
				return nil
			}
			if !e.opts.FollowOutside && rootErr == nil && !inside(root, path) {
				target, _ := filepath.EvalSymlinks(path)
				taken++
				return visit(input{name: path, err: fmt.Errorf("%s: symbolic link to %s, outside %s; not followed", path, target, dir)})
			}
		}
		st, err := os.Stat(path)
		if err != nil {
			taken++
			return visit(input{name: path, err: fmt.Errorf("%s: %w", path, pathError(err))})
		}
		if !st.Mode().IsRegular() {
			e.note("%s: skipped: %s, not a regular file", path, fileKind(st.Mode()))
			return nil
		}
		if e.excluded(st) {
			e.note("%s: not read: it is this run's output file", path)
			return nil
		}
		if !walkTakes(path, d.Name()) {
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

// inside reports whether path, with every symbolic link resolved, lies
// under root (absolute and resolved).
func inside(root, path string) bool {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false
	}
	if target, err = filepath.Abs(target); err != nil {
		return false
	}
	rel, err := filepath.Rel(root, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// fileKind names a non-regular file's type for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "not a regular file"
}

// walkTakes reports whether a directory walk reads a regular file: one
// with a known extension, or with no extension and a text-like start.
func walkTakes(path, name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
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
