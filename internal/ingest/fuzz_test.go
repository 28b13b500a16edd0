package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"
	"unicode/utf8"
)

// The fuzz targets feed arbitrary bytes to each reader and check the
// promises every caller relies on: no panic, every Article has an ID and
// exactly one of Doc and Err, text is valid UTF-8, regions lie inside the
// text and positions can be computed anywhere in it. CI runs each briefly:
//
//	go test ./internal/ingest -run '^$' -fuzz '^FuzzText$' -fuzztime 5s

func FuzzText(f *testing.F) {
	addSeeds(f, "testdata/plain.txt", "testdata/frontmatter.md")
	f.Add([]byte("Title\n\nbody"))
	f.Add([]byte("\xef\xbb\xbfBOM title\r\n\r\nWindows body.\r\n"))
	f.Add([]byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkArticles(t, readWhole("in.txt", FormatText, data))
	})
}

func FuzzMarkdown(f *testing.F) {
	addSeeds(f, "testdata/frontmatter.md", "testdata/plain.txt")
	f.Add([]byte("---\ntitle: x\n---"))
	f.Add([]byte("---\n: : :\n---\nbody\n"))
	f.Add([]byte("---\ndate: [1, 2]\nauthor: {name: 3}\n...\n# Head\ntext"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkArticles(t, readWhole("in.md", FormatMarkdown, data))
	})
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, "testdata/news.html", "testdata/blog-jsonld.html", "testdata/broken.html")
	f.Add([]byte("<p>unclosed <b>bold <i>nested<div><<<>>> &amp; &#xZZ; <br><li>x"))
	f.Add([]byte("<meta charset=\"windows-1252\"><p>caf\xe9</p>"))
	f.Add([]byte("<script type=\"application/ld+json\">{\"@graph\": [[{}]], \"author\": [1]}</script><pre>a\n b</pre>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkArticles(t, readWhole("in.html", FormatHTML, data))
	})
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "testdata/articles.jsonl")
	f.Add([]byte(`{"text": "a"}` + "\n\n" + `{"text": 1}` + "\n" + `{"id": 7, "body": "b", "author": [{"name": "x"}, 2]}`))
	f.Add([]byte("{\"text\": \"\\u0000\\ud800\"}\r\n{"))
	f.Add([]byte(`{"a": [1, -0.5e+3, {"b": null}], "a": "\ud83d\ude00\u00e9\/", "c": true}` + "\n" + `{"x": 01}` + "\n" + `{"x": "\q"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var as []Article
		err := readJSONL(context.Background(), "in.jsonl", bufio.NewReaderSize(bytes.NewReader(data), 16), 1<<10, func(a Article) error {
			as = append(as, a)
			return nil
		})
		if err != nil {
			t.Fatalf("readJSONL returned %v", err)
		}
		checkArticles(t, as)
		for _, line := range bytes.Split(data, []byte("\n")) {
			sameAsEncodingJSON(t, line)
		}
	})
}

// sameAsEncodingJSON checks the JSONL scanner against encoding/json: both
// accept or both reject a line, and agree on every member.
func sameAsEncodingJSON(t *testing.T, line []byte) {
	if !utf8.Valid(line) || string(bytes.TrimSpace(line)) == "null" {
		return // refused earlier / encoding/json decodes null into a nil map
	}
	members, err := scanObject(line)
	var want map[string]json.RawMessage
	jerr := json.Unmarshal(line, &want)
	if (err == nil) != (jerr == nil) {
		t.Fatalf("line %q: scanner error %v, encoding/json error %v", line, err, jerr)
	}
	got := map[string]json.RawMessage{}
	for _, m := range members {
		got[m.key] = m.raw
	}
	if len(got) != len(want) {
		t.Fatalf("line %q: %d members, encoding/json %d", line, len(got), len(want))
	}
	for k, raw := range want {
		if !bytes.Equal(got[k], raw) {
			t.Fatalf("line %q: member %q = %s, encoding/json %s", line, k, got[k], raw)
		}
		var ws string
		if json.Unmarshal(raw, &ws) == nil {
			if s, err := unquoteJSON(raw); err != nil || s != ws {
				t.Fatalf("unquote %s = %q (%v), encoding/json %q", raw, s, err, ws)
			}
		}
	}
}

func FuzzFeed(f *testing.F) {
	addSeeds(f, "testdata/feed.rss", "testdata/feed.atom", "testdata/empty-feed.rss")
	f.Add([]byte(`<rss><channel><item><description>&lt;p&gt;x</description></item></channel></rss>`))
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1", "items": [{"content_html": "<p>x</p>"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkArticles(t, readWhole("in.rss", FormatFeed, data))
	})
}

func addSeeds(f *testing.F, paths ...string) {
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func checkArticles(t *testing.T, as []Article) {
	t.Helper()
	if len(as) == 0 {
		t.Fatal("no Article: an input disappeared")
	}
	for _, a := range as {
		if msg := articleProblem(a); msg != "" {
			t.Fatalf("%s: %s", a.ID, msg)
		}
		if a.Doc == nil {
			continue
		}
		for _, off := range []int{0, len(a.Doc.Text) / 2, len(a.Doc.Text)} {
			if l, c := a.Doc.Position(off); l < 1 || c < 1 {
				t.Fatalf("%s: position %d:%d", a.ID, l, c)
			}
		}
	}
}
