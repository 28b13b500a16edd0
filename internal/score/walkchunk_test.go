package score

import (
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// TestWalkChunksSeeOneWalk: walk reads a long text a chunk at a time; the
// ids it hands out (flushed and returned) are those of one walk over word
// spans of the whole text, and ProfileText agrees with Profile.
func TestWalkChunksSeeOneWalk(t *testing.T) {
	var sb strings.Builder
	parts := []string{"The U.S. Senate said on Tuesday", " that O'Brien’s plan—“a well-known idea”—", "\n\nMr. Smith, 42, of Café Zürich: ", "won’t work. ", "x", " "}
	for i := 0; sb.Len() < 5*walkChunk; i++ {
		sb.WriteString(parts[i%len(parts)])
		if i%7 == 0 {
			sb.WriteString(strings.Repeat("a", i%50))
		}
	}
	text := sb.String()
	var chunked []uint32
	var g ngramWalker
	rest := g.walk(text, lexicalBuckets, nil, func(ids []uint32) { chunked = append(chunked, ids...) })
	chunked = append(chunked, rest...)
	whole := g.walk(text, lexicalBuckets, nil, nil)
	if !slices.Equal(chunked, whole) {
		t.Fatalf("flushed walk differs from one walk: %d vs %d ids", len(chunked), len(whole))
	}
	// The chunks cut no word: their spans are the whole text's.
	want := document.WordSpans(text, 0, len(text), nil)
	var got []document.Span
	for start := 0; start < len(text); {
		end := len(text)
		if start+walkChunk < end {
			if k := strings.IndexByte(text[start+walkChunk:], ' '); k >= 0 {
				end = start + walkChunk + k
			}
		}
		got = document.WordSpans(text, start, end, got)
		start = end
	}
	if !slices.Equal(got, want) {
		t.Fatalf("chunked spans differ: %d vs %d", len(got), len(want))
	}
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	lx := m.Lexical
	if lx == nil {
		t.Skip("no lexical profile")
	}
	if a, b := lx.ProfileText(text), lx.Profile(ngramIDs(text, lx.Buckets)); a != b {
		t.Fatalf("ProfileText %v, Profile %v", a, b)
	}
}
