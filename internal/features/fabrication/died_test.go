package fabrication

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

// TestDeathClausesAreNotPresentClaims: a holder who died in office, named
// with the title of the office in a clause about the death, is history,
// not a claim that they hold it at the article's date; the same title in
// a plain present sentence is (the last case).
func TestDeathClausesAreNotPresentClaims(t *testing.T) {
	clean := []string{
		"The election was brought forward after President Ebrahim Raisi was killed in a crash.",
		"The election was brought forward after President Ebrahim Raisi died in a crash.",
		"Crowds gathered after President Ebrahim Raisi was assassinated, a rumour claimed.",
		"Crowds filled Mashhad for the funeral of the late President Ebrahim Raisi on Thursday.",
		"Mourners remembered President Ebrahim Raisi, who died in the crash, as a hardliner.",
		"Officials said President Ebrahim Raisi, a hardline cleric, was killed with eight others.",
		"He met President Ebrahim Raisi twice before his death.",
		"The trip was planned months before President Ebrahim Raisi's death.",
		"The vote was called after the sudden death of President Ebrahim Raisi in May.",
		"Delegations came to honour President Ebrahim Raisi, whose death shocked the region.",
		"The deal had the approval of President Ebrahim Raisi, his predecessor, who signed it.",
	}
	for _, s := range clean {
		res := analyze(t, "died", s, "2025-06-10", nil)
		e := entity(res, "Ebrahim Raisi")
		if e == nil {
			t.Errorf("%q: Raisi not found", s)
			continue
		}
		if e.Status != analysis.Verified {
			t.Errorf("%q: Raisi %s (%s)", s, e.Status, e.Evidence)
		}
	}
	res := analyze(t, "alive", "President Ebrahim Raisi met the delegation in Tehran on Monday.", "2025-06-10", nil)
	if e := entity(res, "Ebrahim Raisi"); e == nil || e.Status != analysis.Contradicted {
		t.Errorf("a present claim about a dead holder is not caught: %+v", e)
	}
}
