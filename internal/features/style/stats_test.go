package style

import (
	"math"
	"os"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

func fixture(t *testing.T, name string) *document.Document {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return document.New(name, string(b))
}

func TestSentenceLengthHandComputed(t *testing.T) {
	st := Measure(document.New("x", "One two three. Four five six seven eight nine."))
	if st.Sentences != 2 || st.Words != 9 {
		t.Fatalf("sentences=%d words=%d, want 2 and 9", st.Sentences, st.Words)
	}
	// Lengths 3 and 6: mean 4.5, sample std sqrt(4.5) = 2.1213.
	if st.SentLenMean != 4.5 || math.Abs(st.SentLenStd-math.Sqrt(4.5)) > 1e-9 {
		t.Errorf("mean=%v std=%v", st.SentLenMean, st.SentLenStd)
	}
	if st.ShortSentShare != 1 {
		t.Errorf("short share = %v, want 1", st.ShortSentShare)
	}
}

func TestBurstyHumanTextVariesMoreThanEvenText(t *testing.T) {
	varied := Measure(fixture(t, "varied.txt"))
	even := Measure(fixture(t, "even.txt"))
	if varied.SentLenCV <= even.SentLenCV {
		t.Errorf("sentence-length CV: varied %.2f <= even %.2f", varied.SentLenCV, even.SentLenCV)
	}
	if even.ConnectiveStarts < 0.5 || varied.ConnectiveStarts != 0 {
		t.Errorf("connective starts: even %.2f (want >= .5), varied %.2f (want 0)", even.ConnectiveStarts, varied.ConnectiveStarts)
	}
	if varied.NumberPer1k == 0 || varied.QuoteMarkPer1k == 0 || varied.SemicolonPer1k == 0 {
		t.Errorf("varied text has numbers, quotes and a semicolon: %+v", varied)
	}
	if varied.CapitalShare <= even.CapitalShare {
		t.Errorf("names: varied capital share %.3f <= even %.3f", varied.CapitalShare, even.CapitalShare)
	}
}

func TestLexicalDiversity(t *testing.T) {
	rep := []string{}
	for i := 0; i < 40; i++ {
		rep = append(rep, "the", "cat", "sat")
	}
	var uniq []string
	for i := 0; i < 120; i++ {
		uniq = append(uniq, string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	if got := movingTTR(uniq, 50); got != 1 {
		t.Errorf("MATTR of all-distinct words = %v, want 1", got)
	}
	if got := movingTTR(rep, 50); got > 0.07 {
		t.Errorf("MATTR of a 3-word loop = %v, want 3/50", got)
	}
	if mtld(rep) >= mtld(uniq) {
		t.Errorf("MTLD repetitive %v >= distinct %v", mtld(rep), mtld(uniq))
	}
}

func TestAnalyzerRecordsStyleFeatures(t *testing.T) {
	res, err := analysis.Run(fixture(t, "varied.txt"), []*analysis.Analyzer{Analyzer}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"style.sent_len_cv", "style.mattr", "style.comma_per_1k", "style.connective_start_share"} {
		if _, ok := res.Features[name]; !ok {
			t.Errorf("feature %s missing", name)
		}
	}
	if len(res.Findings) != 0 {
		t.Errorf("style reports no findings, got %d", len(res.Findings))
	}
}

func TestChromeIsExcluded(t *testing.T) {
	text := "A short article. It ends here.\nShare this; Tweet; Email; Print!!!"
	doc := document.New("c", text)
	doc.Regions = []document.Region{{Start: 31, End: len(text), Kind: document.RegionChrome}}
	st := Measure(doc)
	if st.ExclaimPer1k != 0 || st.SemicolonPer1k != 0 || st.Words != 6 {
		t.Errorf("chrome counted: %+v", st)
	}
}
