package attribution

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/testutil"
)

// humanQuoteFixture is one hand-checked article of the eval TRAIN split:
// each quotation (first words) and who said it. Only ids and short
// prefixes are kept in the repository, never article text.
type humanQuoteFixture struct {
	ID       string `json:"id"`
	Expected []struct {
		Quote   string `json:"quote"`
		Speaker string `json:"speaker"`
	} `json:"expected"`
}

// TestHumanQuoteAccuracy measures the share of hand-checked quotations
// attributed to the right speaker (README.md reports the figure).
func TestHumanQuoteAccuracy(t *testing.T) {
	b, err := os.ReadFile("testdata/human_quotes.json")
	if err != nil {
		t.Fatal(err)
	}
	var fixtures []humanQuoteFixture
	if err := json.Unmarshal(b, &fixtures); err != nil {
		t.Fatalf("testdata/human_quotes.json: %v", err)
	}
	byID := map[string]evalset.Article{}
	for _, a := range testutil.News(t) {
		byID[a.ID] = a
	}
	total, right := 0, 0
	for _, f := range fixtures {
		a, ok := byID[f.ID]
		if !ok {
			t.Fatalf("fixture %s is not in the eval set", f.ID)
		}
		if a.Split != "train" || a.Label != "human" {
			t.Fatalf("fixture %s is %s/%s; quote fixtures come from human TRAIN articles", f.ID, a.Split, a.Label)
		}
		_, res := runArticle(t, a.ID, a.Text)
		for _, e := range f.Expected {
			total++
			got := ""
			for _, q := range res.Quotes {
				if strings.HasPrefix(strings.TrimSpace(q.Text), e.Quote) {
					got = speakerLabel(q)
					break
				}
			}
			if sameSpeaker(got, e.Speaker) {
				right++
			} else {
				t.Logf("%s %q: want %q, got %q", f.ID, e.Quote, e.Speaker, got)
			}
		}
	}
	if total < 30 {
		t.Fatalf("only %d hand-checked quotations", total)
	}
	share := float64(right) / float64(total)
	t.Logf("quotations attributed to the expected speaker: %d/%d = %.1f%% (%d articles)", right, total, 100*share, len(fixtures))
	if share < 0.80 {
		t.Errorf("quote attribution accuracy %.1f%% is below 80%%", 100*share)
	}
}

// speakerLabel is the best name a quotation's speaker has.
func speakerLabel(q Quote) string {
	switch {
	case q.Speaker != nil:
		return q.Speaker.Name
	case q.SpeakerOrg != "":
		return q.SpeakerOrg
	}
	return q.SpeakerText
}

// sameSpeaker matches a predicted speaker to the expected one: equal, one
// containing the other ("a Vodafone spokesman" / "Vodafone spokesman"), or
// the same last word for people ("Mr Prescott" / "John Prescott").
func sameSpeaker(got, want string) bool {
	g, w := strings.ToLower(strings.TrimSpace(got)), strings.ToLower(strings.TrimSpace(want))
	if g == "" || w == "" {
		return false
	}
	if g == w || strings.Contains(g, w) || strings.Contains(w, g) && len(g) > 3 {
		return true
	}
	gf, wf := strings.Fields(g), strings.Fields(w)
	return gf[len(gf)-1] == wf[len(wf)-1]
}
