package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const goodText = "Council approves budget\n\nThe city council approved the budget on Tuesday after a long debate about parks.\n"

func write(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A JSONL line of raw DEL characters is an error for that line only; the
// good articles after it are read (it used to refuse the whole file as
// binary).
func TestJSONLControlCharactersCostOneLine(t *testing.T) {
	dir := t.TempDir()
	p := write(t, filepath.Join(dir, "batch.jsonl"),
		`{"id":"del","text":"`+strings.Repeat("\x7f", 1000)+"\"}\n"+
			`{"id":"nul","text":"a\u0000b"}`+"\n"+
			`{"id":"good","text":"The council approved the budget on Tuesday."}`+"\n")
	as := readSpecs(t, Options{}, p)
	if len(as) != 3 {
		t.Fatalf("got %d articles, want 3", len(as))
	}
	for i, want := range []string{"control characters", "NUL"} {
		if as[i].Err == nil || !strings.Contains(as[i].Err.Error(), want) || !strings.Contains(as[i].Err.Error(), fmt.Sprintf("batch.jsonl#%d", i+1)) {
			t.Errorf("line %d: error %v, want one naming the line and %q", i+1, as[i].Err, want)
		}
	}
	mustDoc(t, as[2])
	if as[2].ID != "good" || as[2].Doc.Path != p {
		t.Errorf("good line: id %q path %q, want good and %s", as[2].ID, as[2].Doc.Path, p)
	}
}

// Every format copydesk writes is recognised and refused as input, so a
// report left in a scanned folder is not read back.
func TestOwnReportsAreNotInput(t *testing.T) {
	reports := map[string]string{
		"out.jsonl": `{"id":"a.txt","path":"a.txt","title":"","date":"","score":98,"verdict":"fail","dimensions":{"boilerplate":100,"templated":100,"attribution":64,"fabrication":58},"findings":[]}` + "\n",
		"out.json":  "{\n  \"version\": \"0.1.0\",\n  \"knowledge_as_of\": \"2025-10-21\",\n  \"documents\": [\n",
		"out.sarif": `{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"tool":{"driver":{"name":"copydesk","version":"0.1.0"}}}]}`,
		"out.txt":   "a.txt  FAIL  98\n  Likely.\na.txt:1:1     AT006  info     1666 words\na.txt:1:4     TP006  warning  \"a\" before\na.txt:1:136   TP001  warning  stock phrase\n",
		"out.gh":    "::error file=a.txt,title=copydesk fail%2C score 98::x\n::notice file=a.txt,line=1,col=1,title=AT006::y\n",
		"out.html":  "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"copydesk\">\n",
	}
	dir := t.TempDir()
	for name, content := range reports {
		a := readOne(t, Options{Format: FormatText}, write(t, filepath.Join(dir, name), content))
		if a.Err == nil || !strings.Contains(a.Err.Error(), "a report copydesk wrote") {
			t.Errorf("%s: got %v, want a copydesk-report error", name, a.Err)
		}
	}
	a := readOne(t, Options{}, write(t, filepath.Join(dir, "article.txt"), goodText))
	mustDoc(t, a)
}

// The walk skips the run's own output file and non-regular files (with a
// note), reports a dangling link and a link out of the tree as errors, and
// never opens a FIFO; a FIFO named explicitly is an error, not a hang.
func TestWalkCannotHangOrLoop(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), goodText)
	out := write(t, filepath.Join(dir, "out.txt"), goodText)
	write(t, filepath.Join(outside, "secret.txt"), goodText)
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "b-outside.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("missing.txt", filepath.Join(dir, "c-dangling.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "d-inside.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "e-loop")); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "f-fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	var notes []string
	as := readSpecs(t, Options{Exclude: []string{out}, Notice: func(s string) { notes = append(notes, s) }}, dir)
	got := map[string]string{}
	for _, a := range as {
		got[filepath.Base(a.ID)] = "ok"
		if a.Err != nil {
			got[filepath.Base(a.ID)] = a.Err.Error()
		}
	}
	want := map[string]string{"a.txt": "ok", "b-outside.txt": "outside", "c-dangling.txt": "dangling symbolic link", "d-inside.txt": "ok"}
	if len(got) != len(want) {
		t.Errorf("read %v, want exactly %v", got, want)
	}
	for name, w := range want {
		if !strings.Contains(got[name], w) {
			t.Errorf("%s: got %q, want %q", name, got[name], w)
		}
	}
	joined := strings.Join(notes, "\n")
	for _, w := range []string{"out.txt: not read: it is this run's output file", "e-loop: symbolic link to a directory", "f-fifo.txt: skipped: a named pipe"} {
		if !strings.Contains(joined, w) {
			t.Errorf("notes %q lack %q", joined, w)
		}
	}
	if a := readOne(t, Options{}, fifo); a.Err == nil || !strings.Contains(a.Err.Error(), "named pipe") {
		t.Errorf("FIFO named explicitly: got %v, want an error", a.Err)
	}
	as = readSpecs(t, Options{FollowOutside: true}, filepath.Join(dir, "b-outside.txt"), dir)
	for _, a := range as {
		if filepath.Base(a.ID) == "b-outside.txt" && a.Err != nil {
			t.Errorf("with FollowOutside: %v", a.Err)
		}
	}
}

// Front matter nesting brackets deep or expanding aliases is not decoded;
// the article is still read, with a note.
func TestHostileFrontMatter(t *testing.T) {
	bomb := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	prev := "a"
	for _, k := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += fmt.Sprintf("%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", k, k, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = k
	}
	cases := map[string]string{
		"nesting": "title: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n",
		"aliases": bomb + "title: *i\n",
		"size":    "title: x\nnote: " + strings.Repeat("y", 70<<10) + "\n",
	}
	want := map[string]string{"nesting": "nests brackets 10000 deep", "aliases": "aliases expand to over 10000 values", "size": "over the 64 KiB limit"}
	for name, matter := range cases {
		a := readMarkdown("x.md", "---\n"+matter+"---\n"+goodText)
		mustDoc(t, a)
		if len(a.Notes) != 1 || !strings.Contains(a.Notes[0], want[name]) {
			t.Errorf("%s: notes %q, want one saying %q", name, a.Notes, want[name])
		}
	}
	// A few aliases within the limits are fine.
	a := readMarkdown("x.md", "---\nwho: &w Jane Roe\nauthor: *w\ntitle: Budget\n---\n"+goodText)
	mustDoc(t, a)
	if a.Doc.Byline != "Jane Roe" || len(a.Notes) != 0 {
		t.Errorf("byline %q notes %q, want Jane Roe and none", a.Doc.Byline, a.Notes)
	}
}

// One invalid byte in one item, or a truncated tail, costs only those
// items: the feed's good items are read, the bad ones are path#N errors.
func TestFeedKeepsItsGoodItems(t *testing.T) {
	item := func(title, body string) string {
		return "<item><title>" + title + "</title><description><![CDATA[<p>" + body + "</p>]]></description></item>\n"
	}
	head := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>\n"
	body := "The city council approved the budget on Tuesday after a long debate about parks."
	cases := map[string]struct {
		feed string
		want []string // "" for a good item, else part of its error
	}{
		"bad byte":  {head + item("Bad \xff", body) + item("Good", body) + "</channel></rss>\n", []string{"not valid UTF-8", ""}},
		"truncated": {head + item("Good", body) + item("Good too", body) + "<item><title>Cut</title><description>Half an ite", []string{"", "", "cut off"}},
	}
	dir := t.TempDir()
	for name, c := range cases {
		p := write(t, filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".rss"), c.feed)
		as := readSpecs(t, Options{}, p)
		if len(as) != len(c.want) {
			t.Errorf("%s: %d articles, want %d", name, len(as), len(c.want))
			continue
		}
		for i, w := range c.want {
			a := as[i]
			if a.ID != fmt.Sprintf("%s#%d", p, i+1) || a.Path != p {
				t.Errorf("%s item %d: id %q path %q", name, i+1, a.ID, a.Path)
			}
			switch {
			case w == "" && a.Err != nil:
				t.Errorf("%s item %d: %v", name, i+1, a.Err)
			case w == "" && (a.Doc.Source != "Wire" || !strings.Contains(a.Doc.Text, "approved the budget")):
				t.Errorf("%s item %d: source %q text %q", name, i+1, a.Doc.Source, a.Doc.Text)
			case w != "" && (a.Err == nil || !strings.Contains(a.Err.Error(), w)):
				t.Errorf("%s item %d: got %v, want an error saying %q", name, i+1, a.Err, w)
			}
		}
	}
}
