package wdupdate

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/kb"
)

func TestQueryAsksForEveryPositionOnce(t *testing.T) {
	q := query([]Position{{QID: "Q4970706"}, {QID: "Q11696"}, {Label: `Director "of" Things`}})
	for _, want := range []string{"VALUES ?position { wd:Q4970706 wd:Q11696 }", `"Director \"of\" Things"@en`, "p:P39", "pqv:P580", "pqv:P582", "wikibase:timePrecision"} {
		if !strings.Contains(q, want) {
			t.Errorf("query lacks %q:\n%s", want, q)
		}
	}
	if strings.Count(q, "UNION") != 1 {
		t.Errorf("QIDs and labels are two alternatives:\n%s", q)
	}
}

func TestRecordsKeepPrecisionAndSkipUnlabelled(t *testing.T) {
	f, err := os.Open("testdata/exchequer.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := readBindings(t, f)
	batch := []Position{{Label: "Chancellor of the Exchequer", Role: "Chancellor of the Exchequer", Country: "United Kingdom"}}
	recs, err := records(rows, batch, kb.Date{Year: 2026, Month: 12, Day: 6})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3", len(recs))
	}
	kw := recs[2]
	if kw.Name != "Kwasi Kwarteng" || kw.End != (kb.Date{Year: 2022, Month: 10}) || kw.Start != (kb.Date{Year: 2022, Month: 9, Day: 6}) {
		t.Errorf("month-precision end not kept: %+v", kw)
	}
	if kw.Role != "Chancellor of the Exchequer" || kw.Country != "United Kingdom" || !strings.HasPrefix(kw.Source, "wikidata:Q90000013") || kw.Checked != (kb.Date{Year: 2026, Month: 12, Day: 6}) {
		t.Errorf("office, source or checked date wrong: %+v", kw)
	}
	g, _ := os.Open("testdata/germany.json")
	defer g.Close()
	recs, err = records(readBindings(t, g), []Position{{QID: "Q4970706", Role: "Chancellor", Country: "Germany"}}, kb.Date{Year: 2026})
	if err != nil || len(recs) != 2 {
		t.Errorf("germany: %d records (%v), want 2: the row without an English label skipped", len(recs), err)
	}
}

func TestRetryAfter(t *testing.T) {
	if retryAfter("7").Seconds() != 7 || retryAfter("") != 0 || retryAfter("Wed, 21 Oct 2015 07:28:00 GMT") != 0 {
		t.Error("Retry-After seconds not read, or a date form not ignored")
	}
}

func readBindings(t *testing.T, f *os.File) []binding {
	t.Helper()
	var res struct {
		Results struct {
			Bindings []binding `json:"bindings"`
		} `json:"results"`
	}
	if err := json.NewDecoder(f).Decode(&res); err != nil {
		t.Fatal(err)
	}
	return res.Results.Bindings
}

// A holder Wikidata still has open after the embedded data's sourced
// successor took over is closed at the successor's start, and reported.
func TestStaleWikidataTermIsClosed(t *testing.T) {
	base, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	fetched := []kb.Record{
		{Name: "Olaf Scholz", Role: "Chancellor", Country: "Germany", Start: kb.Date{Year: 2021, Month: 12, Day: 8}, Source: "wikidata:Q61053"},
		{Name: "Rachel Reeves", Role: "Chancellor of the Exchequer", Country: "United Kingdom", Start: kb.Date{Year: 2024, Month: 7, Day: 5}, Source: "wikidata:x"},
	}
	_, _, conflicts := compare(base, fetched, kb.Date{Year: 2026, Month: 12, Day: 6})
	closeStale(base, fetched)
	if fetched[0].End != (kb.Date{Year: 2025, Month: 5, Day: 6}) || !strings.Contains(fetched[0].Source, "Friedrich Merz") {
		t.Errorf("Scholz's open Wikidata term not closed at Merz's start: %+v", fetched[0])
	}
	if !fetched[1].End.IsZero() {
		t.Errorf("the current holder's term was closed: %+v", fetched[1])
	}
	if len(conflicts) == 0 || !strings.Contains(strings.Join(conflicts, "\n"), "closed there") {
		t.Errorf("conflicts %q, want Scholz's reported as closed", conflicts)
	}
	for _, c := range conflicts {
		if !strings.Contains(c, "Olaf Scholz") {
			t.Errorf("conflict about someone else: %s", c)
		}
	}
}
