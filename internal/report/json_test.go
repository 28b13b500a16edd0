package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

func TestJSONDocumentShape(t *testing.T) {
	var out struct {
		Version       string                       `json:"version"`
		KnowledgeAsOf string                       `json:"knowledge_as_of"`
		Documents     []map[string]json.RawMessage `json:"documents"`
	}
	raw := render(t, "json", testRunInfo())
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	if out.Version != "1.2.3-test" || out.KnowledgeAsOf != "2025-03-01" || len(out.Documents) != 4 {
		t.Fatalf("header or document count wrong: %+v", out)
	}
	for _, d := range out.Documents {
		for _, key := range []string{"findings", "entities"} {
			if v := string(d[key]); !strings.HasPrefix(v, "[") {
				t.Errorf("%s: %s is %s, want an array", d["id"], key, v)
			}
		}
		if _, ok := d["text"]; ok {
			t.Error("article text leaked into the JSON document")
		}
	}
	broken := out.Documents[2]
	if string(broken["error"]) != `"invalid UTF-8 at byte 1423"` || string(broken["findings"]) != "[]" || string(broken["score"]) != "0" {
		t.Errorf("errored document should carry id and error only: %v", broken)
	}
	if !bytes.Contains(raw, []byte("?id=7&src=wire")) {
		t.Error("& in a URL was HTML-escaped")
	}
}

func TestJSONEmptyRun(t *testing.T) {
	var b bytes.Buffer
	r := New("json", &b)
	_ = r.Start(RunInfo{Version: "dev"})
	_ = r.Finish(Summary{})
	if !strings.Contains(b.String(), `"documents": []`) {
		t.Errorf("empty run should list no documents as []:\n%s", b.String())
	}
}

func TestJSONNilSlicesBecomeArrays(t *testing.T) {
	b, err := encodeDocument(&analysis.Result{ID: "x", Verdict: analysis.VerdictPass})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"findings":[]`)) || !bytes.Contains(b, []byte(`"entities":[]`)) {
		t.Errorf("nil slices encoded as null: %s", b)
	}
}

// jsonl streams: each document is through a buffered writer before the next
// one is given, without waiting for Finish.
func TestJSONLStreamsThroughBufferedWriters(t *testing.T) {
	var sink bytes.Buffer
	w := bufio.NewWriterSize(&sink, 1<<16)
	r := New("jsonl", w)
	_ = r.Start(testRunInfo())
	for i, res := range testResults(t) {
		if err := r.Document(res); err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(sink.String(), "\n"); got != i+1 {
			t.Fatalf("after %d documents the sink holds %d lines", i+1, got)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(sink.String()), "\n") {
		var doc analysis.Result
		if err := json.Unmarshal([]byte(line), &doc); err != nil {
			t.Errorf("line is not one JSON document: %v", err)
		}
	}
}
