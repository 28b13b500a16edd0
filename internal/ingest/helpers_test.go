package ingest

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// readSpecs reads specs with opts and returns every article, failing the
// test if Read itself fails or an article breaks the package's promises.
func readSpecs(t *testing.T, opts Options, specs ...string) []Article {
	t.Helper()
	var out []Article
	err := Read(context.Background(), specs, opts, func(a Article) error {
		out = append(out, a)
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%v): %v", specs, err)
	}
	for _, a := range out {
		if msg := articleProblem(a); msg != "" {
			t.Errorf("%s: %s", a.ID, msg)
		}
	}
	return out
}

// readOne reads a single spec that must yield exactly one article.
func readOne(t *testing.T, opts Options, spec string) Article {
	t.Helper()
	as := readSpecs(t, opts, spec)
	if len(as) != 1 {
		t.Fatalf("%s: got %d articles, want 1", spec, len(as))
	}
	return as[0]
}

// articleProblem checks the invariants every reader keeps: an ID, exactly
// one of Doc and Err, valid UTF-8 text, regions inside the text.
func articleProblem(a Article) string {
	switch {
	case a.ID == "":
		return "no ID"
	case (a.Doc == nil) == (a.Err == nil):
		return "want exactly one of Doc and Err"
	case a.Doc == nil:
		return ""
	case !utf8.ValidString(a.Doc.Text):
		return "text is not valid UTF-8"
	case a.Doc.BaseLine < 1:
		return "BaseLine < 1"
	}
	for _, r := range a.Doc.Regions {
		if r.Start < 0 || r.End > len(a.Doc.Text) || r.Start > r.End {
			return "region out of bounds"
		}
	}
	return ""
}

// mustDoc fails unless a was read.
func mustDoc(t *testing.T, a Article) {
	t.Helper()
	if a.Err != nil {
		t.Fatalf("%s: unexpected error: %v", a.ID, a.Err)
	}
}

// positionOf returns the input line and column of the first occurrence of
// word in a's text.
func positionOf(t *testing.T, a Article, word string) (int, int) {
	t.Helper()
	i := strings.Index(a.Doc.Text, word)
	if i < 0 {
		t.Fatalf("%s: %q not in text", a.ID, word)
	}
	return a.Doc.Position(i)
}
