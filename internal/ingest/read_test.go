package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestWalkDirectoryInLexicalOrder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b.txt", "Second story\n\nThe mill closed.\n")
	writeFile(t, dir, "a/z.md", "---\ntitle: Nested\n---\nThe weir was repaired.\n")
	writeFile(t, dir, "a/feed.jsonl", `{"text": "one"}`+"\n"+`{"text": "two"}`+"\n")
	writeFile(t, dir, "README", "Notes from the desk\n\nNo extension, but text.\n")
	writeFile(t, dir, ".git/HEAD.txt", "hidden directory\n")
	writeFile(t, dir, ".draft.txt", "hidden file\n")
	writeFile(t, dir, "photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF")
	writeFile(t, dir, "data.bin", "\x00\x01")
	writeFile(t, dir, "core", "\x7fELF\x02\x01\x01\x00\x00\x00")
	writeFile(t, dir, "notes.json", `{"text": "not taken by a walk"}`)

	as := readSpecs(t, Options{}, dir)
	var got []string
	for _, a := range as {
		rel, _ := filepath.Rel(dir, a.Path)
		got = append(got, rel+"="+strings.TrimPrefix(a.ID, a.Path))
		if a.Err != nil {
			t.Errorf("%s: %v", a.ID, a.Err)
		}
	}
	want := "README= a/feed.jsonl=#1 a/feed.jsonl=#2 a/z.md= b.txt="
	if strings.Join(got, " ") != want {
		t.Errorf("walk read %v, want %s", got, want)
	}
}

func TestNamedFilesAreAlwaysRead(t *testing.T) {
	dir := t.TempDir()
	// A .json file and an unknown extension are skipped by walks but read
	// when named; the content decides the format.
	j := writeFile(t, dir, "one.json", `{"title": "Kiln fire", "text": "A kiln fire closed the pottery."}`+"\n")
	l := writeFile(t, dir, "story.log", "Lifeboat called out twice\n\nThe crew rescued two walkers.\n")
	as := readSpecs(t, Options{}, j, l)
	if len(as) != 2 || as[0].Err != nil || as[1].Err != nil {
		t.Fatalf("got %+v", as)
	}
	if as[0].ID != j+"#1" || as[0].Doc.Title != "Kiln fire" || as[1].Doc.Title != "Lifeboat called out twice" {
		t.Errorf("ids %q %q titles %q %q", as[0].ID, as[1].ID, as[0].Doc.Title, as[1].Doc.Title)
	}
}

func TestEmptyDirectoryIsAnError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "image.png", "\x89PNG")
	a := readOne(t, Options{}, dir)
	if a.Err == nil || a.ID != dir || !strings.Contains(a.Err.Error(), "no article files") {
		t.Errorf("id %q err %v", a.ID, a.Err)
	}
}

func TestGlobExpandsInOrder(t *testing.T) {
	as := readSpecs(t, Options{}, "testdata/front*.md", "testdata/p*.txt")
	if len(as) != 2 || as[0].ID != "testdata/frontmatter.md" || as[1].ID != "testdata/plain.txt" {
		t.Errorf("got %d articles: %v", len(as), as)
	}
}

func TestStdinIsSniffed(t *testing.T) {
	for _, c := range []struct{ in, wantID, wantTitle string }{
		{`{"id": "s1", "title": "From a pipe", "text": "Piped JSONL."}` + "\n", "s1", "From a pipe"},
		{string(mustRead(t, "testdata/news.html")), StdinName, "Harbour council approves flood barrier after decade of delays"},
		{string(mustRead(t, "testdata/feed.atom")), StdinName + "#1", "Survey counts record number of wintering geese"},
		{string(mustRead(t, "testdata/frontmatter.md")), StdinName, "Ferry timetable cut as crew shortage bites"},
		{string(mustRead(t, "testdata/plain.txt")), StdinName, "Reservoir levels fall to lowest point in a decade"},
	} {
		as := readSpecs(t, Options{Stdin: strings.NewReader(c.in)}, "-")
		if len(as) == 0 || as[0].Err != nil {
			t.Errorf("stdin %.20q: %v", c.in, as)
			continue
		}
		if as[0].ID != c.wantID || as[0].Doc.Title != c.wantTitle || as[0].Path != StdinName {
			t.Errorf("stdin %.20q: id %q path %q title %q", c.in, as[0].ID, as[0].Path, as[0].Doc.Title)
		}
	}
}

func TestFormatOverride(t *testing.T) {
	// An HTML page named .txt reads as text unless the format is forced.
	dir := t.TempDir()
	path := writeFile(t, dir, "page.txt", string(mustRead(t, "testdata/blog-jsonld.html")))
	a := readOne(t, Options{}, path)
	if a.Err != nil || !strings.Contains(a.Doc.Text, "<html>") {
		t.Fatalf("without override: err %v", a.Err)
	}
	a = readOne(t, Options{Format: "html"}, path)
	if a.Err != nil || strings.Contains(a.Doc.Text, "<") || a.Doc.Byline != "Owen Pryce" {
		t.Errorf("with override: err %v byline %q", a.Err, a.Doc.Byline)
	}
	if err := Read(context.Background(), []string{path}, Options{Format: "pdf"}, func(Article) error { return nil }); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestReadStopsWhenEmitFails(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{"testdata/articles.jsonl", "testdata/plain.txt"}, Options{}, func(Article) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d articles", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Read(ctx, []string{"testdata/plain.txt"}, Options{}, func(Article) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled read returned %v", err)
	}
}

func TestParseFormatAliases(t *testing.T) {
	for in, want := range map[string]string{"": "", "md": FormatMarkdown, "NDJSON": FormatJSONL, "atom": FormatFeed, "txt": FormatText, "htm": FormatHTML} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
}
