package ingest

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Front matter is untrusted input: a 200 KB header nesting brackets
// 100,000 deep drove the YAML parser to 15 GB, and a 3 KB alias bomb
// (anchors whose aliases repeat each other) expanded past 3 GB. It is read
// only within these limits; beyond them the article is still scored, with
// a note that its front matter was not read.
const (
	maxFrontMatterBytes  = 64 << 10 // a header of title, date, author… is a few hundred bytes
	maxFrontMatterDepth  = 32       // nesting of [ and {
	maxFrontMatterValues = 10000    // values after expanding every alias
)

// frontMatterTooCostly says why matter must not be decoded, or "".
func frontMatterTooCostly(matter string) (reason string) {
	if len(matter) > maxFrontMatterBytes {
		return fmt.Sprintf("it is %d bytes, over the %s limit", len(matter), byteSize(maxFrontMatterBytes))
	}
	if d := flowDepth(matter); d > maxFrontMatterDepth {
		return fmt.Sprintf("it nests brackets %d deep, over the limit of %d", d, maxFrontMatterDepth)
	}
	defer func() {
		if r := recover(); r != nil {
			reason = fmt.Sprintf("the YAML parser failed on it (%v)", r)
		}
	}()
	file, err := parser.ParseBytes([]byte(matter), 0)
	if err != nil {
		return "" // the decoder reports the syntax error with its line
	}
	c := &valueCounter{anchors: map[string]ast.Node{}, memo: map[string]int{}, busy: map[string]bool{}}
	for _, doc := range file.Docs {
		c.add(c.size(doc))
	}
	if c.total > maxFrontMatterValues {
		return fmt.Sprintf("its aliases expand to over %d values", maxFrontMatterValues)
	}
	return ""
}

// flowDepth is the deepest nesting of flow collections ([ and {) outside
// quoted strings and comments.
func flowDepth(s string) int {
	depth, deepest := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ']', '}':
			depth = max(0, depth-1)
		case '"', '\'':
			for i++; i < len(s) && s[i] != c && s[i] != '\n'; i++ {
				if c == '"' && s[i] == '\\' {
					i++
				}
			}
		case '#':
			if i == 0 || s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\n' {
				for i < len(s) && s[i] != '\n' {
					i++
				}
			}
		}
	}
	return deepest
}

// valueCounter counts the values a YAML tree decodes to, an alias counting
// as the values of its anchor; it stops counting past the limit.
type valueCounter struct {
	anchors map[string]ast.Node
	memo    map[string]int
	busy    map[string]bool
	total   int
}

func (c *valueCounter) add(n int) { c.total = min(c.total+n, maxFrontMatterValues+1) }

// size counts the values under n.
func (c *valueCounter) size(n ast.Node) int {
	if n == nil {
		return 0
	}
	w := &sizeWalker{c: c}
	ast.Walk(w, n)
	return w.n
}

type sizeWalker struct {
	c *valueCounter
	n int
}

func (w *sizeWalker) Visit(n ast.Node) ast.Visitor {
	if n == nil || w.n > maxFrontMatterValues {
		return nil
	}
	w.n++
	switch n := n.(type) {
	case *ast.AnchorNode:
		if n.Name != nil {
			w.c.anchors[n.Name.String()] = n.Value
		}
	case *ast.AliasNode:
		if n.Value != nil {
			w.n += w.c.anchorSize(n.Value.String())
		}
		return nil
	}
	return w
}

// anchorSize is the number of values an alias to name stands for.
func (c *valueCounter) anchorSize(name string) int {
	if n, ok := c.memo[name]; ok {
		return n
	}
	if c.busy[name] {
		return maxFrontMatterValues + 1 // an anchor holding its own alias
	}
	c.busy[name] = true
	n := min(c.size(c.anchors[name]), maxFrontMatterValues+1)
	c.busy[name] = false
	c.memo[name] = n
	return n
}
