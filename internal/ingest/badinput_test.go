package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInputsEachGetAClearError reads every kind of bad input in one run
// beside good ones: each bad input is one Article whose error starts with
// its name and says what is wrong, and the good inputs are still read.
func TestBadInputsEachGetAClearError(t *testing.T) {
	dir := t.TempDir()
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3}, 64)...)
	controls := bytes.Repeat([]byte("ab\x01\x02\x03\x04\x05\x06\x07\x08"), 100)
	cases := []struct {
		name    string
		content []byte
		want    string
	}{
		{"image.txt", png, "binary file (NUL byte at offset 8)"},
		{"controls.txt", controls, "control characters"},
		{"utf16.txt", []byte("\xff\xfeH\x00i\x00"), "UTF-16"},
		{"latin1.txt", []byte("Le caf\xe9 est ferm\xe9."), "not valid UTF-8 (first bad byte at offset 6)"},
		{"empty.txt", nil, "empty file"},
		{"blank.md", []byte(" \n\t\n   \n"), "only whitespace"},
		{"broken.html", mustRead(t, "testdata/broken.html"), "no text in this HTML"},
		{"nothing.rss", mustRead(t, "testdata/empty-feed.rss"), "feed has no items"},
		{"garbage.rss", []byte("<rss><channel><item><title>x</ti"), "not a readable RSS or Atom feed"},
	}
	var specs []string
	for _, c := range cases {
		specs = append(specs, writeFile(t, dir, c.name, string(c.content)))
	}
	good := "testdata/plain.txt"
	specs = append(specs, good, filepath.Join(dir, "missing.txt"), filepath.Join(dir, "*.nomatch"))

	as := readSpecs(t, Options{}, specs...)
	if len(as) != len(specs) {
		t.Fatalf("got %d articles for %d inputs", len(as), len(specs))
	}
	for i, c := range cases {
		a := as[i]
		if a.ID != specs[i] || a.Err == nil {
			t.Errorf("%s: id %q err %v", c.name, a.ID, a.Err)
			continue
		}
		if msg := a.Err.Error(); !strings.HasPrefix(msg, specs[i]+": ") || !strings.Contains(msg, c.want) {
			t.Errorf("%s: error %q, want it to start with the path and say %q", c.name, msg, c.want)
		}
	}
	if a := as[len(cases)]; a.Err != nil || a.Doc == nil {
		t.Errorf("good input not read: %v", a.Err)
	}
	if a := as[len(cases)+1]; a.Err == nil || !strings.Contains(a.Err.Error(), "no such file") {
		t.Errorf("missing file: %v", a.Err)
	}
	if a := as[len(cases)+2]; a.Err == nil || !strings.Contains(a.Err.Error(), "no file matches") || a.ID != specs[len(specs)-1] {
		t.Errorf("glob with no match: id %q err %v", a.ID, a.Err)
	}
}

func TestFiftyMegabyteSingleLineIsNotAnArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 50 MB")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "dump.txt")
	line := bytes.Repeat([]byte("lorem ipsum "), 50<<20/12)
	if err := os.WriteFile(path, line, 0o644); err != nil {
		t.Fatal(err)
	}
	as := readSpecs(t, Options{}, path, "testdata/plain.txt")
	if len(as) != 2 {
		t.Fatalf("got %d articles", len(as))
	}
	if as[0].Err == nil || !strings.Contains(as[0].Err.Error(), "line 1 is") || !strings.Contains(as[0].Err.Error(), "not an article") {
		t.Errorf("err %v", as[0].Err)
	}
	if as[1].Err != nil {
		t.Errorf("next input not read: %v", as[1].Err)
	}
}

func TestHTMLWithAMegabyteOfBareTextIsNotAnArticle(t *testing.T) {
	dir := t.TempDir()
	page := "<html><body><p>" + strings.Repeat("spam ", MaxLineBytes/5+10) + "</p></body></html>"
	a := readOne(t, Options{}, writeFile(t, dir, "dump.html", page))
	if a.Err == nil || !strings.Contains(a.Err.Error(), "no markup") {
		t.Errorf("err %v", a.Err)
	}
}

func TestInputOverMaxBytes(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "long.txt", strings.Repeat("The tide came in.\n", 100))
	a := readOne(t, Options{MaxBytes: 1 << 10}, path)
	if a.Err == nil || !strings.Contains(a.Err.Error(), "over the 1 KiB limit") {
		t.Errorf("err %v", a.Err)
	}
	a = readOne(t, Options{MaxBytes: 1 << 10, Stdin: strings.NewReader(strings.Repeat("The tide came in.\n", 100))}, "-")
	if a.Err == nil || a.ID != StdinName || !strings.Contains(a.Err.Error(), "limit") {
		t.Errorf("stdin over the cap: id %q err %v", a.ID, a.Err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
