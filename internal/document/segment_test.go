package document_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

// texts are articles of every shape the repository holds: the seeds, the
// analyzers' own fixtures and a few edge cases (glued sentences, dotted
// acronyms, curly apostrophes, hard-wrapped lines, chrome-free and empty).
func texts(t testing.TB) []string {
	var out []string
	root := testutil.RepoRoot()
	for _, glob := range []string{"testdata/seeds/*.txt", "internal/features/*/testdata/*.txt", "internal/features/*/testdata/*/*.txt"} {
		paths, _ := filepath.Glob(filepath.Join(root, glob))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
	}
	return append(out,
		"", "   \n\n", "The U.S. Army said so.This is glued. Mr. Smith don’t care — “Really?” he asked. Then left.",
		"word-\nwrapped text that goes on and on past forty characters without end\nand more of the same text that keeps going on\nuntil it stops at last.\n\nSecond block.",
		"Ça va? Élodie’s café. Naïve 3.5 per cent. U.S.-led talks.\xff\xfe broken bytes. Fin.")
}

// TestWordsInMatchesWordSpans checks the shared-cache shortcut against
// segmenting each sentence and paragraph on its own, which analyzers did
// before WordsIn existed.
func TestWordsInMatchesWordSpans(t *testing.T) {
	check := func(t *testing.T, id, text string) {
		d := document.New(id, text)
		for _, set := range [][]document.Span{d.Sentences(), d.Paragraphs()} {
			for _, s := range set {
				want := document.WordSpans(text, s.Start, s.End, nil)
				if got := d.WordsIn(s); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
					t.Fatalf("%s: WordsIn(%q) = %v, want %v", id, d.Slice(s), got, want)
				}
			}
		}
		n := 0
		for _, w := range d.Words() {
			if w.Start >= d.MainEnd() {
				break
			}
			n++
		}
		if d.WordCount() != n {
			t.Fatalf("%s: WordCount %d, want %d", id, d.WordCount(), n)
		}
	}
	for i, text := range texts(t) {
		check(t, strings.Repeat("x", i), text)
	}
	for _, a := range testutil.News(t) {
		check(t, a.ID, a.Text)
	}
}

func TestWordCountExcludesChrome(t *testing.T) {
	d := document.New("c", "One two three.\nShare this comment")
	d.Regions = []document.Region{{Start: 15, End: len(d.Text), Kind: document.RegionChrome}}
	if got := d.WordCount(); got != 3 {
		t.Errorf("WordCount = %d, want 3", got)
	}
}

// BenchmarkSegment is the shared segmentation every analyzer relies on
// (lines, paragraphs, sentences, words) over seed 002, a fresh Document each
// time as in a real run:
//
//	go test ./internal/document -run '^$' -bench . -benchmem
func BenchmarkSegment(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "002_*.txt"))
	if len(paths) == 0 {
		b.Skip("no seed")
	}
	raw, err := os.ReadFile(paths[0])
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d := document.New("bench", text)
		d.Sentences()
		d.Words()
		d.WordCount()
	}
}

func TestWordSpansNilWhenNoWords(t *testing.T) {
	if got := document.WordSpans("  — … ", 0, len("  — … "), nil); got != nil {
		t.Errorf("WordSpans of punctuation = %#v, want nil", got)
	}
	if got := document.WordSpans("", 0, 0, nil); got != nil {
		t.Errorf("WordSpans of nothing = %#v, want nil", got)
	}
}
