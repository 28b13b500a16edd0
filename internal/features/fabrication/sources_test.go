package fabrication

import "testing"

func TestStripQuotes(t *testing.T) {
	for in, want := range map[string]string{
		`"It is fine," said ABN Amro strategist Eddie Wong.`:       ` said ABN Amro strategist Eddie Wong.`,
		`But not big," said ABN Amro strategist Eddie Wong.`:       ` said ABN Amro strategist Eddie Wong.`,
		`Dr. Goodman, an expert, explains, “This is the U.S. way.`: `Dr. Goodman, an expert, explains, `,
		`the missing.” said spokesman Robin Mounsey.`:              ` said spokesman Robin Mounsey.`,
		`Conservative spokesman Jon Morgan said: "We're spending.`: `Conservative spokesman Jon Morgan said: `,
	} {
		if got := stripQuotes(in); got != want {
			t.Errorf("stripQuotes(%q) = %q, want %q", in, got, want)
		}
	}
}
