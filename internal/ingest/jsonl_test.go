package ingest

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONLLinesBadLinesAndExtraFields(t *testing.T) {
	as := readSpecs(t, Options{}, "testdata/articles.jsonl")
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
		if a.Path != "testdata/articles.jsonl" {
			t.Errorf("%s: path %q", a.ID, a.Path)
		}
	}
	// Line 4 is blank and skipped; every other line is an article or an error.
	want := []string{"wire-001", "testdata/articles.jsonl#2", "testdata/articles.jsonl#3",
		"testdata/articles.jsonl#5", "testdata/articles.jsonl#6", "testdata/articles.jsonl#7"}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Fatalf("ids %v, want %v", ids, want)
	}

	wire := as[0]
	mustDoc(t, wire)
	d := wire.Doc
	if d.Title != "Port strike enters second week" || d.Source != "Wire Service" || d.Byline != "Kofi Mensah" ||
		d.URL != "https://wire.example/port-strike" || d.Date.Format("2006-01-02") != "2025-02-03" || d.BaseLine != 1 {
		t.Errorf("line 1 metadata: %+v", d)
	}
	if !strings.HasPrefix(d.Text, "Dock workers") || !strings.Contains(d.Text, "Monday.\n\nTalks") {
		t.Errorf("line 1 text %q", d.Text)
	}
	// Unknown fields pass through unchanged, nested values and numbers included.
	extra, _ := json.Marshal(d.Extra)
	if string(extra) != `{"label":"human","meta":{"desk":"business","words":24},"split":"test"}` {
		t.Errorf("extra %s", extra)
	}

	for i, wantErr := range map[int]string{1: "malformed JSON", 3: "no text field", 5: "not a JSON object"} {
		a := as[i]
		if a.Err == nil || !strings.HasPrefix(a.Err.Error(), a.ID+": ") || !strings.Contains(a.Err.Error(), wantErr) {
			t.Errorf("%s: err %v, want %q", a.ID, a.Err, wantErr)
		}
	}

	tax := as[2]
	mustDoc(t, tax)
	if tax.Doc.Byline != "Priya Nair" || tax.Doc.Date.Format("2006-01-02") != "2025-03-04" || tax.Doc.BaseLine != 3 {
		t.Errorf("line 3: byline %q date %v BaseLine %d", tax.Doc.Byline, tax.Doc.Date, tax.Doc.BaseLine)
	}
	if !strings.HasPrefix(tax.Doc.Text, "The county council") {
		t.Errorf("line 3 body not used as text: %q", tax.Doc.Text)
	}
	if n, ok := tax.Doc.Extra["score"].(json.Number); !ok || n.String() != "0.125" {
		t.Errorf("score passed through as %#v", tax.Doc.Extra["score"])
	}
	snow := as[4]
	mustDoc(t, snow)
	if snow.Doc.HasDate() || len(snow.Notes) != 1 {
		t.Errorf("line 6: date %v notes %v, want no date and a note", snow.Doc.Date, snow.Notes)
	}
	if l, _ := snow.Doc.Position(0); l != 6 {
		t.Errorf("line 6 text positioned on line %d", l)
	}
}

func TestJSONLErrorKeepsTheLinesOwnID(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "ids.jsonl", `{"id": "w-9", "title": "Headline only"}`+"\n"+`{"id": {"x": 1}, "text": "Odd id."}`+"\n")
	as := readSpecs(t, Options{}, path)
	if len(as) != 2 {
		t.Fatalf("got %d articles", len(as))
	}
	if as[0].ID != "w-9" || as[0].Err == nil || !strings.HasPrefix(as[0].Err.Error(), path+"#1: no text field") {
		t.Errorf("id %q err %v", as[0].ID, as[0].Err)
	}
	// An id that is not a scalar is no id: the line number names the
	// article and the value passes through.
	if as[1].ID != path+"#2" || as[1].Err != nil || as[1].Doc.Extra["id"] == nil {
		t.Errorf("id %q err %v extra %v", as[1].ID, as[1].Err, as[1].Doc)
	}
}

func TestJSONLInvalidUTF8NamesOffset(t *testing.T) {
	dir := t.TempDir()
	good := `{"text": "The harbour master retired after forty years."}` + "\n"
	path := writeFile(t, dir, "mixed.jsonl", good+"{\"text\": \"caf\xe9\"}\n"+good)
	as := readSpecs(t, Options{}, path)
	if len(as) != 3 || as[0].Err != nil || as[2].Err != nil {
		t.Fatalf("got %d articles, first/last err %v / %v", len(as), as[0].Err, as[len(as)-1].Err)
	}
	wantOffset := len(good) + len(`{"text": "caf`)
	if as[1].Err == nil || !strings.Contains(as[1].Err.Error(), "UTF-8") || !strings.Contains(as[1].Err.Error(), "offset "+itoa(wantOffset)) {
		t.Errorf("err %v, want invalid UTF-8 at offset %d", as[1].Err, wantOffset)
	}
}

func TestJSONLLineOverLimit(t *testing.T) {
	dir := t.TempDir()
	long := `{"text": "` + strings.Repeat("word ", 300) + `"}` + "\n"
	good := `{"text": "Ferries resumed on Tuesday."}` + "\n"
	path := writeFile(t, dir, "big.jsonl", good+long+good)
	as := readSpecs(t, Options{MaxBytes: 1000}, path)
	if len(as) != 3 || as[0].Err != nil || as[2].Err != nil || as[1].Err == nil {
		t.Fatalf("want good, error, good; got %d articles", len(as))
	}
	if !strings.Contains(as[1].Err.Error(), "limit") || as[2].Doc.BaseLine != 3 {
		t.Errorf("err %v, third BaseLine %d", as[1].Err, as[2].Doc.BaseLine)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
