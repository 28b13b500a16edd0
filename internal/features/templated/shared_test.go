package templated

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
)

const templateSentence = "The decision marks a new chapter in the region's long and complicated relationship with its neighbours, and observers will watch the next steps closely."

func article(id, source, text string) *document.Document {
	d := document.New(id, text)
	d.Source = source
	return d
}

func observeAll(c corpus.Check, docs []*document.Document) map[int][]analysis.Finding {
	out := map[int][]analysis.Finding{}
	for i, d := range docs {
		for _, am := range c.Observe(i, d, &analysis.Result{}) {
			out[am.Doc] = append(out[am.Doc], am.Findings...)
		}
	}
	for _, am := range c.Finish() {
		out[am.Doc] = append(out[am.Doc], am.Findings...)
	}
	return out
}

func TestSharedSentencesAcrossSources(t *testing.T) {
	docs := []*document.Document{
		article("a", "feed-one", "Talks opened in Vienna on Monday. "+templateSentence+" Delegates will meet again in May."),
		article("b", "feed-two", "Farm ministers met in Lyon. "+templateSentence+" No date was set for a second round."),
		// Same source as a: a house style repeated by one outlet is not a template across sources.
		article("c", "feed-one", "A port deal was signed. "+templateSentence),
		// A near copy (one word changed) from a third source.
		article("d", "feed-three", strings.Replace(templateSentence, "complicated", "complex", 1)+" Nothing else happened."),
		// A shared quotation is reporting, not a template.
		article("e", "feed-four", "\"We will not stop until every family has a safe home to return to,\" the minister said on Monday."),
		article("f", "feed-five", "\"We will not stop until every family has a safe home to return to,\" the minister said on Monday."),
	}
	got := observeAll(batchIndex(), docs)
	has := func(i int, evidenceID string) bool {
		for _, f := range got[i] {
			if f.Rule == RuleSharedSentence && strings.Contains(f.Evidence, "article "+evidenceID+" ") &&
				docs[i].Text[f.Start:f.End] == f.Text {
				return true
			}
		}
		return false
	}
	if !has(1, "a") {
		t.Errorf("b should name a: %+v", got[1])
	}
	if !has(0, "b") {
		t.Errorf("a (earlier) should be amended naming b: %+v", got[0])
	}
	if !has(2, "b") {
		t.Errorf("c should match b (another source), got %+v", got[2])
	}
	if len(got[3]) == 0 {
		t.Errorf("near copy d not found")
	}
	if len(got[4])+len(got[5]) != 0 {
		t.Errorf("shared quotation flagged: %+v %+v", got[4], got[5])
	}
}

func TestSharedSentencesEmptySourcesAreDistinct(t *testing.T) {
	docs := []*document.Document{article("x", "", templateSentence), article("y", "", templateSentence)}
	got := observeAll(batchIndex(), docs)
	if len(got[1]) != 1 {
		t.Errorf("articles without a source must count as distinct sources: %+v", got)
	}
	same := []*document.Document{article("x", "s", templateSentence), article("y", "s", templateSentence)}
	if got := observeAll(batchIndex(), same); len(got) != 0 {
		t.Errorf("same source flagged: %+v", got)
	}
}

var _ corpus.Keyed = NewSharedSentences()

// batchIndex is the check in a batch-mode driver.
func batchIndex() corpus.Check { return corpus.NewIndex([]corpus.Keyed{NewSharedSentences()}, false) }

// BenchmarkSharedSentences observes synthetic 600-word articles from
// distinct sources, each with one template sentence; ns/op is per article.
func BenchmarkSharedSentences(b *testing.B) {
	words := strings.Fields("officials said the council would review budget plans for roads schools parks and housing after residents raised concerns at a public meeting on tuesday evening in the town hall")
	docs := make([]*document.Document, 1000)
	for i := range docs {
		var sb strings.Builder
		for s := 0; s < 30; s++ {
			for w := 0; w < 20; w++ {
				sb.WriteString(words[(i*7+s*13+w*(s%5+1))%len(words)])
				sb.WriteByte(' ')
			}
			fmt.Fprintf(&sb, "item%d. ", i*31+s)
		}
		sb.WriteString(templateSentence)
		docs[i] = article(fmt.Sprint(i), fmt.Sprint("src", i), sb.String())
		docs[i].Sentences()
	}
	b.ResetTimer()
	c := corpus.NewIndex([]corpus.Keyed{NewSharedSentences()}, true)
	for i := 0; i < b.N; i++ {
		c.Observe(i, docs[i%len(docs)], &analysis.Result{})
	}
}
