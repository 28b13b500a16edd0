package style

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

var updatePinned = flag.Bool("update-pinned", false, "rewrite testdata/pinned_features.json from the current code")

// pinnedDocs are the seeds and this package's fixtures, plus one with page
// chrome: the texts whose features testdata/pinned_features.json records.
func pinnedDocs(t *testing.T) map[string]*document.Document {
	t.Helper()
	docs := map[string]*document.Document{}
	seeds, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "*.txt"))
	local, _ := filepath.Glob("testdata/*.txt")
	for _, p := range append(seeds, local...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(p)] = document.New(filepath.Base(p), string(b))
	}
	if len(seeds) == 0 {
		t.Fatal("no seeds found")
	}
	text := "A short article. It ends here.\nShare this; Tweet; Email; Print!!!"
	chrome := document.New("chrome", text)
	chrome.Regions = []document.Region{{Start: 31, End: len(text), Kind: document.RegionChrome}}
	docs["chrome"] = chrome
	docs["empty"] = document.New("empty", "")
	return docs
}

// TestFeaturesArePinned holds every style feature of the pinned texts to
// the values recorded (go test -run Pinned -update-pinned) from the code
// the committed scoring model was fitted with: a faster Measure must not
// move any of them.
func TestFeaturesArePinned(t *testing.T) {
	docs := pinnedDocs(t)
	got := map[string]map[string]float64{}
	for name, doc := range docs {
		fs := map[string]float64{}
		for _, f := range Measure(doc).Features() {
			fs[f.Name] = f.Value
		}
		got[name] = fs
	}
	const golden = "testdata/pinned_features.json"
	if *updatePinned {
		b, err := json.MarshalIndent(got, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]map[string]float64
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) != len(got) {
		t.Errorf("%d pinned texts, measured %d", len(want), len(got))
	}
	for name, wfs := range want {
		for f, w := range wfs {
			if g, ok := got[name][f]; !ok || math.Abs(g-w) > 1e-9 {
				t.Errorf("%s %s = %v, pinned %v", name, f, g, w)
			}
		}
		if len(got[name]) != len(wfs) {
			t.Errorf("%s: %d features, pinned %d", name, len(got[name]), len(wfs))
		}
	}
}

// TestMeasureMatchesReference compares Measure with the implementation the
// model was fitted with (reference_test.go) on every labelled news article.
func TestMeasureMatchesReference(t *testing.T) {
	news := testutil.News(t)
	for _, a := range news {
		got := Measure(document.New(a.ID, a.Text)).Features()
		want := refMeasure(document.New(a.ID, a.Text)).Features()
		for i := range want {
			if math.Abs(got[i].Value-want[i].Value) > 1e-9 {
				t.Errorf("%s %s = %v, reference %v", a.ID, want[i].Name, got[i].Value, want[i].Value)
			}
		}
	}
}

// TestMeasureConcurrently runs Measure on many goroutines at once (as a
// batch does): pooled working memory must never be shared between calls.
func TestMeasureConcurrently(t *testing.T) {
	docs := pinnedDocs(t)
	want := map[string]Stats{}
	for name, d := range docs {
		want[name] = Measure(d)
	}
	errs := make(chan string, 64)
	done := make(chan struct{})
	for range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for range 5 {
				for name, d := range docs {
					if Measure(d) != want[name] {
						select {
						case errs <- name:
						default:
						}
					}
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
	close(errs)
	for name := range errs {
		t.Errorf("%s: concurrent Measure differs from serial", name)
	}
}

// TestBodySpanMeasuresAsTheBodyDocument: reading the body in place
// (MeasureSpan over document.BodySpan) gives the numbers of the body made
// into a document of its own (document.BodyText), without the copy and
// the second segmentation, on every article of the news eval set.
func TestBodySpanMeasuresAsTheBodyDocument(t *testing.T) {
	checked := 0
	for _, a := range testutil.News(t) {
		doc := document.New(a.ID, a.Text)
		start, end, inPlace := doc.BodySpan()
		if !inPlace {
			continue
		}
		own := document.New(a.ID, doc.BodyText())
		got, want := MeasureSpan(doc, start, end).Features(), Measure(own).Features()
		for i := range want {
			if math.Abs(got[i].Value-want[i].Value) > 1e-9 {
				t.Fatalf("%s %s = %v in place, %v as its own document", a.ID, want[i].Name, got[i].Value, want[i].Value)
			}
		}
		checked++
	}
	if checked < 1000 {
		t.Errorf("only %d articles compared", checked)
	}
}
