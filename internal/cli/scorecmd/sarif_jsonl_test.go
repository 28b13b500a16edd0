package scorecmd_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/root"
	"github.com/copydesk/copydesk/internal/testutil"
)

// A JSONL batch scored to SARIF validates against the official 2.1.0
// schema, and every result points at the batch file (relative to the
// working directory), at the record's line, with the record id beside it.
func TestSARIFFromJSONLBatch(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	batch := `{"id":"a-1","text":"It is important to note that the council met.\nAs an AI language model, I cannot browse the internet."}` + "\n" +
		`{"id":"a-2","text":"The council met on Monday and approved the harbour plan after a long debate."}` + "\n" +
		`{"id":"a-3","text":"In conclusion, it is a testament to resilience. Leave a Comment"}` + "\n"
	if err := os.WriteFile("batch.jsonl", []byte(batch), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := cliutil.Test()
	if err := root.Execute(context.Background(), ios, []string{"score", "--no-config", "--format", "sarif", "--fail-on", "never", "batch.jsonl"}); err != nil {
		t.Fatalf("score: %v\n%s", err, errOut)
	}
	f, err := os.Open(filepath.Join(testutil.RepoRoot(), "internal", "report", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.UseLoader(jsonschema.SchemeURLLoader{})
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF from a JSONL batch violates the schema: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				}
				Properties map[string]any
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range log.Runs[0].Results {
		for _, l := range r.Locations {
			n++
			if l.PhysicalLocation.ArtifactLocation.URI != "batch.jsonl" {
				t.Errorf("result points at %q, want batch.jsonl", l.PhysicalLocation.ArtifactLocation.URI)
			}
			id, _ := r.Properties["article"].(string)
			if want := map[string]int{"a-1": 1, "a-2": 2, "a-3": 3}[id]; want != 0 && l.PhysicalLocation.Region.StartLine != want {
				t.Errorf("article %s reported on line %d, want its record's line %d", id, l.PhysicalLocation.Region.StartLine, want)
			}
			if !strings.HasPrefix(id, "a-") {
				t.Errorf("result without its article id: %v", r.Properties)
			}
		}
	}
	if n == 0 {
		t.Error("no results: the batch has chatbot residue and stock phrases")
	}
}
