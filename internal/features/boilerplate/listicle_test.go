package boilerplate

import (
	"strings"
	"testing"
)

// Listicle headings: the shapes BP019 must report, and the enumerations
// real reports use that it must leave alone. Texts are written for this
// test.
func TestListicleHeadings(t *testing.T) {
	listicle := `Why is a small port town suddenly at the centre of a trade row? Here is what you need to know.

1. The harbour is being sold
The council agreed on Tuesday to sell its stake in the harbour to a private operator.

2. Fishermen say they were not asked
Local crews told the meeting they heard about the sale from a newspaper.

## 3. The price is in dispute
Opposition councillors say the stake is worth twice what the buyer offered.

**4. A vote comes next month**
The sale still needs approval from the regional assembly.`

	cases := []struct {
		name, text string
		want       int // BP019 findings
	}{
		{"numbered headings over paragraphs", listicle, 1},
		{"items written as sentences", `The bill does three things.
1. It raises the tax on second homes to 4%.
2. It caps rents for two years.
3. It funds 5,000 new council flats.
Ministers say it will pass next week.`, 0},
		{"only two headings", `1. The harbour is being sold
The council agreed on Tuesday.
2. Fishermen were not asked
Crews heard from a newspaper.`, 0},
		{"out of sequence", `1. The harbour is being sold
The council agreed.
3. The price is in dispute
Councillors objected.
2. Fishermen were not asked
Crews heard from a newspaper.`, 0},
		{"a numbered list with no paragraphs between", `Results
1. Norway
2. Sweden
3. Finland
4. Denmark`, 0},
	}
	for _, c := range cases {
		res := analyze(t, c.name, c.text)
		got := 0
		for _, f := range res.Findings {
			if f.Rule == "BP019" {
				got++
				if !strings.HasPrefix(c.text[f.Start:f.End], "1.") || !strings.Contains(f.Message, "numbered list of") {
					t.Errorf("%s: finding spans %q: %s", c.name, c.text[f.Start:f.End], f.Message)
				}
			}
		}
		if got != c.want {
			t.Errorf("%s: %d BP019 findings, want %d", c.name, got, c.want)
		}
	}
}
