// Package safeyaml decodes untrusted YAML (configuration files, and front
// matter if ingest adopts it) within limits: a size cap, a nesting depth
// cap checked before the parser recurses, and a cap on the nodes the
// document would have once every alias is expanded (an alias bomb is a few
// kilobytes that expand to gigabytes). A panic inside the YAML library
// becomes an error naming the line where the input stops being parseable.
package safeyaml

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Limits bound one YAML document.
type Limits struct {
	MaxBytes int // input size
	MaxDepth int // nesting of mappings and sequences, block or flow
	MaxNodes int // nodes after alias expansion
}

// ConfigLimits suit a configuration file: far above any real one (a few
// kilobytes, a few levels). The size cap also bounds the parser's time:
// goccy/go-yaml is quadratic on some malformed lines ("a: a: a: …", "&a &a
// …": 80,000 of them take 0.7 s, 330,000 over 100 s), so 128 KiB keeps
// the worst case near a quarter of a second.
var ConfigLimits = Limits{MaxBytes: 128 << 10, MaxDepth: 64, MaxNodes: 100_000}

// Error is a YAML error at a line (0 when the whole input is at fault).
type Error struct {
	Line  int
	Msg   string
	limit bool
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// ErrLimit is wrapped by every limit error, for errors.Is.
var ErrLimit = errors.New("YAML limit exceeded")

// Is makes errors.Is(err, ErrLimit) true for limit errors.
func (e *Error) Is(target error) bool { return e.limit && target == ErrLimit }

// Check verifies b is within lim and returns its syntax tree. Syntax errors
// are returned as the library formats them ("[3:1] …").
func Check(b []byte, lim Limits) (*ast.File, error) {
	if lim.MaxBytes > 0 && len(b) > lim.MaxBytes {
		return nil, &Error{Msg: fmt.Sprintf("%d bytes is over the %d-byte limit for YAML", len(b), lim.MaxBytes), limit: true}
	}
	if line := depthExceeded(b, lim.MaxDepth); line > 0 {
		return nil, &Error{Line: line, Msg: fmt.Sprintf("nested more than %d levels deep", lim.MaxDepth), limit: true}
	}
	f, err := parse(b)
	if err != nil {
		return nil, err
	}
	w := walker{lim: lim, anchors: map[string]int{}}
	for _, d := range f.Docs {
		if d != nil {
			w.size(d.Body, 1)
		}
		if w.err != nil {
			return nil, w.err
		}
	}
	return f, nil
}

// Unmarshal checks b against lim and decodes it into v.
func Unmarshal(b []byte, v any, lim Limits, opts ...yaml.DecodeOption) error {
	if _, err := Check(b, lim); err != nil {
		return err
	}
	err, panicked := decode(b, v, opts)
	if panicked {
		return &Error{Line: failingLine(b, v, opts), Msg: fmt.Sprintf("the YAML library failed on this input (%v)", err)}
	}
	return err
}

func parse(b []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, &Error{Line: failingLineParse(b), Msg: fmt.Sprintf("the YAML parser failed on this input (%v)", r)}
		}
	}()
	return parser.ParseBytes(b, 0)
}

// decode runs the library's decoder, turning a panic into an error.
func decode(b []byte, v any, opts []yaml.DecodeOption) (err error, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			err, panicked = fmt.Errorf("%v", r), true
		}
	}()
	return yaml.UnmarshalWithOptions(b, v, opts...), false
}

// failingLine finds the first line at which decoding a prefix of b
// panics: binary search over line prefixes, a handful of decodes of a
// small input. It returns the last line when no prefix alone panics.
func failingLine(b []byte, v any, opts []yaml.DecodeOption) int {
	return firstPanickingPrefix(b, func(prefix []byte) bool {
		_, panicked := decode(prefix, newLike(v), opts)
		return panicked
	})
}

func failingLineParse(b []byte) int {
	return firstPanickingPrefix(b, func(prefix []byte) (panicked bool) {
		defer func() {
			if recover() != nil {
				panicked = true
			}
		}()
		_, _ = parser.ParseBytes(prefix, 0)
		return false
	})
}

func firstPanickingPrefix(b []byte, panics func([]byte) bool) int {
	lines := strings.SplitAfter(string(b), "\n")
	lo, hi := 1, len(lines) // smallest k in [lo, hi] whose prefix panics
	for lo < hi {
		mid := (lo + hi) / 2
		if panics([]byte(strings.Join(lines[:mid], ""))) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return max(lo, 1)
}

// newLike returns a fresh value of v's type to decode a trial prefix into.
func newLike(v any) any {
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer {
		var m any
		return &m
	}
	return reflect.New(t.Elem()).Interface()
}

// walker measures a syntax tree: depth, and size with aliases expanded.
type walker struct {
	lim     Limits
	anchors map[string]int // anchor name → expanded size of its value
	err     error
}

func (w *walker) fail(n ast.Node, format string, args ...any) int {
	if w.err == nil {
		line := 0
		if n != nil && n.GetToken() != nil {
			line = n.GetToken().Position.Line
		}
		w.err = &Error{Line: line, Msg: fmt.Sprintf(format, args...), limit: true}
	}
	return 0
}

// size returns the number of nodes n stands for once aliases are expanded,
// stopping at the first limit exceeded.
func (w *walker) size(n ast.Node, depth int) int {
	if n == nil || w.err != nil {
		return 0
	}
	if w.lim.MaxDepth > 0 && depth > w.lim.MaxDepth {
		return w.fail(n, "nested more than %d levels deep", w.lim.MaxDepth)
	}
	s := 1
	switch n := n.(type) {
	case *ast.MappingNode:
		for _, v := range n.Values {
			s += w.size(v, depth+1)
		}
	case *ast.MappingValueNode:
		if n.Key != nil {
			s += w.size(n.Key, depth)
		}
		s += w.size(n.Value, depth)
	case *ast.MappingKeyNode:
		s += w.size(n.Value, depth)
	case *ast.SequenceNode:
		for _, v := range n.Values {
			s += w.size(v, depth+1)
		}
	case *ast.SequenceEntryNode:
		s += w.size(n.Value, depth)
	case *ast.TagNode:
		if n.Value == nil {
			return w.fail(n, "tag %s has no value", n.Start.Value)
		}
		s += w.size(n.Value, depth)
	case *ast.AnchorNode:
		v := w.size(n.Value, depth)
		if n.Name != nil {
			w.anchors[n.Name.GetToken().Value] = v
		}
		s += v
	case *ast.AliasNode:
		if n.Value != nil && n.Value.GetToken() != nil {
			s += w.anchors[n.Value.GetToken().Value]
		}
	}
	if w.lim.MaxNodes > 0 && s > w.lim.MaxNodes {
		// Any node's expanded size is part of the document's, so the
		// first node over the limit already condemns it (and sizes never
		// grow past the limit, so they cannot overflow).
		return w.fail(n, "more than %d values once aliases are expanded", w.lim.MaxNodes)
	}
	return s
}

// depthExceeded estimates nesting before the recursive parser sees it
// (which on "- - - - …" or "[[[[…" would take gigabytes) and returns the
// line where it passes max (0 when it does not). Block nesting is the
// number of indentation levels open plus the compact "- " and "? "
// indicators that start a line; flow nesting counts [ and { outside
// quoted scalars and comments. It errs towards counting too much, which
// only a config nested far deeper than any real one could notice.
func depthExceeded(b []byte, maxDepth int) int {
	if maxDepth <= 0 {
		return 0
	}
	var indents []int // open indentation levels
	flow, line := 0, 1
	var quote byte
	comment := false
	prev := byte('\n')
	atLineStart := true
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\n' {
			line++
			comment = false
			prev = c
			atLineStart = true
			continue
		}
		if atLineStart && quote == 0 && flow == 0 {
			atLineStart = false
			// Measure the line: its indentation and its leading compact
			// indicators; blank and comment-only lines do not count.
			j := i
			for j < len(b) && b[j] == ' ' {
				j++
			}
			if j < len(b) && b[j] != '\n' && b[j] != '#' && b[j] != '\r' {
				indent := j - i
				for len(indents) > 0 && indents[len(indents)-1] >= indent {
					indents = indents[:len(indents)-1]
				}
				indents = append(indents, indent)
				compact := 0
				for j+1 < len(b) && (b[j] == '-' || b[j] == '?') && (b[j+1] == ' ' || b[j+1] == '\t') {
					compact++
					j += 2
					for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
						j++
					}
				}
				if len(indents)+compact > maxDepth {
					return line
				}
			}
		}
		atLineStart = false
		switch {
		case comment:
		case quote == '\'':
			if c == '\'' {
				if i+1 < len(b) && b[i+1] == '\'' {
					i++
				} else {
					quote = 0
				}
			}
		case quote == '"':
			if c == '\\' {
				i++
			} else if c == '"' {
				quote = 0
			}
		case c == '#' && (prev == ' ' || prev == '\t' || prev == '\n'):
			comment = true
		case (c == '\'' || c == '"') && strings.IndexByte(" \t\n[{,:-?", prev) >= 0:
			quote = c
		case c == '[' || c == '{':
			flow++
			if flow+len(indents) > maxDepth {
				return line
			}
		case c == ']' || c == '}':
			flow = max(flow-1, 0)
		}
		prev = c
	}
	return 0
}
