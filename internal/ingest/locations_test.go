package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// rawPosition is where phrase first occurs in the input file itself, after
// skip bytes: the line, and the column in code points. It is what an
// editor or Vale shows for the phrase.
func rawPosition(t *testing.T, data []byte, skip int, phrase string) (line, col int) {
	t.Helper()
	i := bytes.Index(data[skip:], []byte(phrase))
	if i < 0 {
		t.Fatalf("%q not in the raw file", phrase)
	}
	i += skip
	ls := bytes.LastIndexByte(data[:i], '\n') + 1
	return bytes.Count(data[:i], []byte("\n")) + 1, utf8.RuneCount(data[ls:i]) + 1
}

// TestLocationsReferToTheInputFile checks, for every input format, that a
// known phrase's line and column (Document.Position) are those of the
// phrase in the raw file, and that the article's path is the file.
func TestLocationsReferToTheInputFile(t *testing.T) {
	cases := []struct {
		file    string
		article string // the article's id suffix ("" for the only one)
		phrases []string
		skip    string // the phrase is sought in the raw file after this
	}{
		{"article.txt", "", []string{"Harbour plan", "councillors backed", "nine votes"}, ""},
		{"article.md", "", []string{"The council met", "councillors backed", "nine votes"}, "---\n"},
		{"batch.jsonl", "harbour", []string{"The council met", "long", "said the mayor", "Dubois", "councillors backed", "nine votes to two"}, `"id":"harbour"`},
		{"batch.jsonl", "three", []string{"owners said", "Nine votes"}, `"id": "three"`},
		{"page.html", "", []string{"The council met", "residents had gathered", "Supporters said", "hundreds of jobs", "while opponents", "Dubois, said", "councillors backed", "nine votes to two", "Construction will", "Leave a comment"}, "<main>"},
		{"feed.rss", "#2", []string{"The council met", "Dubois, said", "councillors backed", "nine votes to two"}, "Harbour plan approved"},
		{"feed.rss", "#1", []string{"The ferry will", "Passengers welcomed"}, ""},
		{"feed.rss", "#3", []string{"Fishermen", "protested", "outside the hall", "Police said"}, "Escaped item"},
	}
	for _, c := range cases {
		path := filepath.Join("testdata", "locations", c.file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var a *Article
		for _, x := range readSpecs(t, Options{}, path) {
			if c.article == "" || x.ID == c.article || strings.HasPrefix(c.article, "#") && strings.HasSuffix(x.ID, c.article) {
				a = &x
				break
			}
		}
		if a == nil || a.Doc == nil {
			t.Fatalf("%s: article %q not read", c.file, c.article)
		}
		if a.Doc.Path != path || a.Path != path {
			t.Errorf("%s %s: path %q / %q, want %q", c.file, a.ID, a.Doc.Path, a.Path, path)
		}
		skip := 0
		if c.skip != "" {
			skip = bytes.Index(data, []byte(c.skip)) + len(c.skip)
		}
		for _, p := range c.phrases {
			i := strings.Index(a.Doc.Text, p)
			if i < 0 {
				t.Errorf("%s %s: %q not in the text", c.file, a.ID, p)
				continue
			}
			gl, gc := a.Doc.Position(i)
			wl, wc := rawPosition(t, data, skip, p)
			if gl != wl || gc != wc {
				t.Errorf("%s %s: %q at %d:%d, want %d:%d (the raw file)", c.file, a.ID, p, gl, gc, wl, wc)
			}
		}
	}
}
