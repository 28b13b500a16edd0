package kb

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/testutil"
)

func sharedFile(t *testing.T, name string) string {
	t.Helper()
	return filepath.Join(testutil.RequireShared(t), "kb-sources", name)
}

// checkMiniDump asserts what wikidata-mini-dump.json holds: Henning
// Christophersen's 13 P39 statements, day-precision and year-precision
// dates kept as such.
func checkMiniDump(t *testing.T, recs []Record) {
	t.Helper()
	var hc []Record
	for _, r := range recs {
		if r.Name == "Henning Christophersen" {
			hc = append(hc, r)
		}
	}
	if len(hc) != 13 {
		t.Fatalf("Henning Christophersen: %d position-held records, want 13", len(hc))
	}
	var yearOnly, exact int
	for _, r := range hc {
		if r.ID != "Q646148" || !strings.HasPrefix(r.Source, "wikidata:") || !strings.HasPrefix(r.Role, "Q") && r.Role == "" {
			t.Errorf("record %+v", r)
		}
		switch {
		case r.Start.Exact():
			exact++
		case !r.Start.IsZero() && r.Start.Month == 0:
			yearOnly++
		}
	}
	if exact == 0 || yearOnly == 0 {
		t.Errorf("start dates: %d exact, %d year-only; the fixture has both", exact, yearOnly)
	}
	found := false
	for _, r := range hc {
		if r.Role == "Q5449541" && r.Start.String() == "1982-09-10" {
			found = true
		}
	}
	if !found {
		t.Errorf("no Q5449541 term starting 1982-09-10 in %v", hc)
	}
}

func TestWikidataDump(t *testing.T) {
	path := sharedFile(t, "wikidata-mini-dump.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("plain", func(t *testing.T) {
		recs, _, err := ImportFile(path, FormatWikidata)
		if err != nil {
			t.Fatal(err)
		}
		checkMiniDump(t, recs)
	})
	t.Run("gzip sniffed", func(t *testing.T) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(raw)
		zw.Close()
		recs, _, err := Import(&buf, FormatAuto)
		if err != nil {
			t.Fatal(err)
		}
		checkMiniDump(t, recs)
	})
	t.Run("bzip2 sniffed", func(t *testing.T) {
		bz, err := exec.LookPath("bzip2")
		if err != nil {
			t.Skip("bzip2 command not installed: cannot make the compressed fixture")
		}
		cmd := exec.Command(bz, "-c")
		cmd.Stdin = bytes.NewReader(raw)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(t.TempDir(), "dump.json.bz2")
		if err := os.WriteFile(p, out, 0o644); err != nil {
			t.Fatal(err)
		}
		k, err := Load(p)
		if err != nil {
			t.Fatal(err)
		}
		checkMiniDump(t, k.Records())
	})
	t.Run("wdtk mock", func(t *testing.T) {
		// An item, a property and a lexeme, none with P39: no records, no error.
		recs, _, err := ImportFile(sharedFile(t, "wdtk-mock-dump-for-testing.json"), FormatAuto)
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 0 {
			t.Errorf("%d records from a dump without P39", len(recs))
		}
	})
}

func TestWikidataDumpResolvesLabels(t *testing.T) {
	dump := `[
{"type":"item","id":"Q1","labels":{"en":{"language":"en","value":"Ada Example"}},"aliases":{"en":[{"language":"en","value":"A. Example"}]},"claims":{"P39":[{"rank":"normal","mainsnak":{"snaktype":"value","property":"P39","datavalue":{"type":"wikibase-entityid","value":{"entity-type":"item","id":"Q2"}}},"qualifiers":{"P580":[{"snaktype":"value","property":"P580","datavalue":{"type":"time","value":{"time":"+2019-00-00T00:00:00Z","precision":9}}}]}}]}},
{"type":"item","id":"Q2","labels":{"en":{"language":"en","value":"Prime Minister of Examplia"}},"claims":{"P1001":[{"mainsnak":{"snaktype":"value","property":"P1001","datavalue":{"type":"wikibase-entityid","value":{"entity-type":"item","id":"Q3"}}}}]}},
{"type":"item","id":"Q3","labels":{"en":{"language":"en","value":"Examplia"}},"claims":{"P297":[{"mainsnak":{"snaktype":"value","property":"P297","datavalue":{"type":"string","value":"EX"}}}]}}
]
`
	recs, err := ReadWikidataDump(strings.NewReader(dump))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	r := recs[0]
	if r.Name != "Ada Example" || r.Role != "Prime Minister of Examplia" || r.Country != "Examplia" || r.Start.String() != "2019" || len(r.Aliases) != 1 {
		t.Errorf("record %+v", r)
	}
}

func TestWDQS(t *testing.T) {
	res := `{"head":{"vars":["person","personLabel","positionLabel","countryLabel","start","end"]},
"results":{"bindings":[
{"person":{"type":"uri","value":"http://www.wikidata.org/entity/Q61053"},"personLabel":{"type":"literal","value":"Olaf Scholz"},"positionLabel":{"type":"literal","value":"Chancellor"},"countryLabel":{"type":"literal","value":"Germany"},"start":{"type":"literal","value":"2021-12-08T00:00:00Z"},"end":{"type":"literal","value":"2025-05-06T00:00:00Z"}},
{"personLabel":{"type":"literal","value":"No Office"}}
]}}`
	recs, _, err := Import(strings.NewReader(res), FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].ID != "Q61053" || recs[0].End.String() != "2025-05-06" || recs[0].Country != "Germany" {
		t.Fatalf("records %+v", recs)
	}
}

func TestCSVAndJSONLAndMerge(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "house.csv")
	os.WriteFile(csvPath, []byte("name,aliases,role,organization,country,start,end,source\n"+
		"Maria Exampleton,M. Exampleton;Mia Exampleton,Chancellor,,Germany,2031-01-15,,house research 2031\n"), 0o644)
	extra, err := Load(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	if extra.Len() != 1 || !extra.IsKnownPerson("Mia Exampleton") {
		t.Fatalf("csv: %+v", extra.Records())
	}
	// Round trip through JSONL.
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, extra.Records(), extra.AsOf); err != nil {
		t.Fatal(err)
	}
	jsonlPath := filepath.Join(dir, "house.jsonl")
	os.WriteFile(jsonlPath, buf.Bytes(), 0o644)
	again, err := Load(jsonlPath)
	if err != nil || again.Len() != 1 || again.Records()[0].Start.String() != "2031-01-15" {
		t.Fatalf("jsonl: %v %+v", err, again)
	}
	merged, err := mustDefault(t).Merge(again)
	if err != nil {
		t.Fatal(err)
	}
	d := day(t, "2031-03-01")
	chk := merged.CheckRole("Maria Exampleton", merged.ParseRole("German Chancellor", ""), d)
	if chk.Verdict != Held {
		t.Errorf("merged KB: verdict %d, want Held", chk.Verdict)
	}
	if merged.Len() != mustDefault(t).Len()+1 {
		t.Errorf("merged %d records", merged.Len())
	}
}

func TestImportErrors(t *testing.T) {
	for name, in := range map[string]string{
		"csv without role": "name,country\nA B,Germany\n",
		"bad jsonl":        "{\"name\": \"A\", \"role\": \n",
		"bad date":         "name,role,start\nA B,President,20x1\n",
		"empty":            "",
	} {
		if _, _, err := Import(strings.NewReader(in), FormatAuto); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("ParseFormat(xml): no error")
	}
}
