package lexicon

import (
	"strings"
	"testing"
)

// reportCPUThroughput adds MB per CPU-second, the figure that holds on a
// loaded machine where wall-clock MB/s understates one core's speed.
func reportCPUThroughput(b *testing.B, bytes int, cpu0 int64) {
	if d := cpuTime().Nanoseconds() - cpu0; d > 0 && cpu0 > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/(float64(d)/1e9), "MB/cpu-s")
	}
}

func TestEmbeddedListsLoad(t *testing.T) {
	for name, get := range map[string]func() (*Lexicon, error){"stock": Stock, "paraphrase": Paraphrase, "vocab": Vocab} {
		l, err := get()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(l.Entries) < 20 {
			t.Errorf("%s: only %d entries", name, len(l.Entries))
		}
	}
}

func TestFindAllListsSortsHitsByList(t *testing.T) {
	h, err := FindAllLists("In conclusion, civilians frequently enough feel the landscape shift. Additionally, it underscores much.")
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Stock) == 0 || len(h.Paraphrase) == 0 || len(h.Vocab) == 0 {
		t.Errorf("want hits in all three lists, got %+v", h)
	}
}

func TestStockMatchesInflections(t *testing.T) {
	l, err := Stock()
	if err != nil {
		t.Fatal(err)
	}
	text := "The deal Marked a Significant Shift. It is marking a significant shift; it marks a significant\nshift."
	if got := len(l.Find(text)); got < 3 {
		t.Errorf("want 3 inflected matches, got %d", got)
	}
}

// newsText is ~10 KB of news-like prose with stock phrases, curly quotes,
// dashes and numbers.
func newsText() string {
	para := "In conclusion, the minister said on Tuesday that the budget, which marks a significant shift in policy, " +
		"would “navigate the complex landscape” of rising costs. It’s important to note that 1,000 jobs—and more—depend on it.\n"
	return strings.Repeat(para, 40)
}

// BenchmarkLexiconScan measures the lexicon scan as the templated analyzer
// runs it: FindAllLists normalises the text once and runs one automaton
// over the stock, paraphrase and vocabulary lists. MB/s is of original text.
func BenchmarkLexiconScan(b *testing.B) {
	text := newsText()
	if _, err := FindAllLists(text); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	cpu0 := cpuTime().Nanoseconds()
	for i := 0; i < b.N; i++ {
		FindAllLists(text)
	}
	reportCPUThroughput(b, len(text), cpu0)
}

// BenchmarkMatcherFindAll measures one list on its own (normalisation
// included), the worst case per list.
func BenchmarkMatcherFindAll(b *testing.B) {
	st, _ := Stock()
	text := newsText()
	var dst []Match
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	cpu0 := cpuTime().Nanoseconds()
	for i := 0; i < b.N; i++ {
		dst = st.matcher.FindAll(text, dst[:0])
	}
	reportCPUThroughput(b, len(text), cpu0)
}
