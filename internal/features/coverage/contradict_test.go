package coverage_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features/coverage"
	"github.com/copydesk/copydesk/internal/refstore"
	"github.com/copydesk/copydesk/internal/refstore/refingest"
)

// contradictionStore indexes the Harbourside wire report with trust.
func contradictionStore(t *testing.T, trust refstore.Trust) *refstore.Store {
	t.Helper()
	st, setup := emptyStore(t)
	stats, err := refingest.Add(context.Background(), st, setup, readSource("testdata/contradiction/wire-harbourside-results.md"), refingest.Options{Trust: trust, Jobs: 1})
	if err != nil || stats.Added != 1 {
		t.Fatalf("index: %+v %v", stats, err)
	}
	return st
}

func entity(r *analysis.Result, name string) *analysis.Entity {
	for i := range r.Entities {
		if r.Entities[i].Name == name {
			return &r.Entities[i]
		}
	}
	return nil
}

// A chief executive the trusted wire report of the story does not name,
// in the office it gives someone else that day, is contradicted (FB010)
// with the wire report as evidence; the twin naming the wire's chief
// executive is corroborated and clean.
func TestTrustedCoverageContradictsAnOfficeHolder(t *testing.T) {
	c := score(t, contradictionStore(t, refstore.Wire),
		"testdata/contradiction/invented-chief-executive.md", "testdata/contradiction/real-chief-executive.md")

	inv := c.byPrefix("invented-")
	fs := findings(inv, coverage.RuleCoverageContradiction)
	if len(fs) != 1 || fs[0].Text != "Tom Reyes" {
		t.Fatalf("invented: %d FB010 findings, want 1 on Tom Reyes: %+v", len(fs), fs)
	}
	if !strings.Contains(fs[0].Message, "names Lena Marsh in that office") || len(fs[0].References) != 1 ||
		fs[0].References[0].Source != "Fixture Wire" || fs[0].References[0].Trust != "wire" {
		t.Errorf("invented: FB010 %q, references %+v", fs[0].Message, fs[0].References)
	}
	if e := entity(inv, "Tom Reyes"); e == nil || e.Status != analysis.Contradicted || e.Reference == nil ||
		!strings.Contains(e.Evidence, "names Lena Marsh as chief executive of Harbourside Freight") {
		t.Errorf("invented: Tom Reyes %+v", e)
	}
	// The quote the wire gives Lena Marsh is moved to him too.
	if len(findings(inv, coverage.RuleMisattributedQte)) != 1 {
		t.Errorf("invented: the moved quote is not misattributed: %+v", inv.Findings)
	}

	real := c.byPrefix("real-")
	for _, rule := range []string{coverage.RuleCoverageContradiction, coverage.RuleAbsentSource, coverage.RuleAlteredQuote, coverage.RuleMisattributedQte} {
		if fs := findings(real, rule); len(fs) > 0 {
			t.Errorf("real: unexpected %s: %+v", rule, fs)
		}
	}
	if e := entity(real, "Lena Marsh"); e == nil || e.Status != analysis.Corroborated {
		t.Errorf("real: Lena Marsh %+v, want corroborated", e)
	}
}

// Coverage of other trust (a partner feed) never contradicts.
func TestUntrustedCoverageNeverContradicts(t *testing.T) {
	c := score(t, contradictionStore(t, refstore.Other), "testdata/contradiction/invented-chief-executive.md")
	inv := c.byPrefix("invented-")
	if fs := findings(inv, coverage.RuleCoverageContradiction); len(fs) > 0 {
		t.Errorf("FB010 from untrusted coverage: %+v", fs)
	}
	if e := entity(inv, "Tom Reyes"); e == nil || e.Status == analysis.Contradicted {
		t.Errorf("Tom Reyes %+v", e)
	}
}

// Offices of many holders (spokesman, analyst, director) are never
// contradicted by coverage: exclusiveRole decides.
func TestExclusiveRoles(t *testing.T) {
	for role, want := range map[string]string{
		"chief executive of Harbourside Freight": "chief executive",
		"Harbourside chief executive":            "chief executive",
		"the mayor of Tallinn":                   "mayor",
		"spokesman for the company":              "",
		"analyst at Fixture Bank":                "",
		"Finance director":                       "",
	} {
		if got := coverage.ExclusiveRole(role); got != want {
			t.Errorf("exclusiveRole(%q) = %q, want %q", role, got, want)
		}
	}
}
