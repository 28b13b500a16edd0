package fabrication

import "github.com/copydesk/copydesk/internal/analysis"

// Rule IDs. They never change once released.
const (
	RuleContradictedRole = "FB001"
	RuleOutOfTerm        = "FB002"
	RuleAdministration   = "FB003"
	RuleUnverifiable     = "FB004"
	RuleBatchConflict    = "FB005"
	RuleMisspelledHolder = "FB006"
	// RuleContextOffice is FB011: FB007–FB010 belong to the coverage
	// analyzer.
	RuleContextOffice = "FB011"
)

const since = "0.1.0"

var rules = []analysis.Rule{
	{
		ID: RuleContradictedRole, Dimension: analysis.Fabrication, Severity: analysis.Error, Since: since,
		Title: "person named in an office the knowledge base says someone else held",
		Doc: `The article gives a person an office (a title, an appositive, a possessive)
that the knowledge base knows, with its country or organisation, and the
knowledge base records someone else in it at the article's date while this
person never held it. Invented officials are a hallmark of generated news.
The evidence names who held the office then and the source of that record.
Check the name; if the knowledge base is out of date, add the change with
--kb or to the overlay. A name that ends the text ("... Turkish President
Recep Ta" on a clipped page) may be cut short and is not reported.`,
		Example: `White House Press Secretary James Corbin said ... (2025: the office was held by Karoline Leavitt)`,
	},
	{
		ID: RuleOutOfTerm, Dimension: analysis.Fabrication, Severity: analysis.Error, Since: since,
		Title: "office holder presented as current outside their term",
		Doc: `A real office holder is named with the office as if they held it at the
article's date, but their term ended before (or began after) it, and the
sentence reads as current, not historical. Generated text recycles stale
facts. The evidence gives the term dates and who held the office then.
A date before every term the sources record, with nobody recorded in the
office at that date, is not held against anyone ("President Putin" in a
2005 article when the sources begin in 2012): an earlier term is likelier
than an invention. Nor is a date within a week of a term's start or end
("sacked Home Secretary Suella Braverman on Monday", filed on Tuesday).`,
		Example: `German Chancellor Olaf Scholz said on Tuesday ... (September 2025: Friedrich Merz was chancellor)`,
	},
	{
		ID: RuleAdministration, Dimension: analysis.Fabrication, Severity: analysis.Warning, Since: since,
		Title: "government or office holder framed against the article's date (stale administration, \"former\" sitting holder)",
		Doc: `The text frames a government or an office holder the wrong way round for the
article's date:
- "The Biden administration has emphasized ..." in an article dated after
  the administration ended presents a past government as acting now;
- "former President Donald Trump" in an article dated while he holds the
  office (also "ex-", "the late"), or "incoming"/"-elect" more than 30 days
  into the term, presents a sitting holder as gone or not yet there. A
  model with an old training cutoff rewriting fresh news leaves exactly
  this.
The evidence gives the term dates from the knowledge base and their
source. Sentences framed as history ("under the Biden administration",
"then-President") are not reported; the person stays verified.`,
		Example: `Moreover, the Biden administration has emphasized the urgent need ... (dated March 2025); Former President Donald Trump said on Tuesday ... (dated July 2025)`,
	},
	{
		ID: RuleUnverifiable, Dimension: analysis.Fabrication, Severity: analysis.Warning, Since: since,
		Title: "named source with nothing that could be checked",
		Doc: `A person is quoted or cited as an authority (expert, analyst, spokesperson,
official...) with no institution, employer or place that a reader could
check ("Dr. Rachel Goodman, a Middle East policy expert"; "a spokesperson
for a leading NGO"), and neither the knowledge base nor another article in
the batch knows them. Real reporting says where a source works. Ask the
writer for the affiliation, or drop the quote.`,
		Example: `Amira Nasser, a spokesperson for a leading NGO, stated ...`,
	},
	{
		ID: RuleBatchConflict, Dimension: analysis.Fabrication, Severity: analysis.Warning, Since: since,
		Title: "articles in the batch name different holders of one office at one time",
		Doc: `Two articles dated within a week of each other name different people as
holder of the same single-holder office (a name one slip from the other is
one holder spelt two ways, left to FB006). It is reported on both; the
knowledge base, or else the better-sourced article, decides which person is
marked contradicted.`,
		Example: `article A: "White House Press Secretary Karoline Leavitt"; article B, same week: "White House Press Secretary James Corbin"`,
	},
	{
		ID: RuleMisspelledHolder, Dimension: analysis.Fabrication, Severity: analysis.Warning, Since: "0.2.0",
		Title: "misspelled office holder: a name one or two letters from the holder of the office named",
		Doc: `The article names an office and, as its holder, a name the knowledge base
does not know that is one edit (two for longer names) or one
transliteration step from the person who held that office at the article's
date ("Treasury Secretary Scott Bescent" for Scott Bessent). Garbled names
of real officials come from careless rewriting and from generated text; a
real newsroom spells the Treasury Secretary's name right. The message names
the correct spelling; the evidence gives the knowledge base record and its
source. Names the knowledge base knows are never reported, so another real
person with a similar name stays clean, and a generic title alone
("Director", "Governor") or a state legislator's "Sen." never counts.`,
		Example: `Treasury Secretary Scott Bescent said ... (the office was held by Scott Bessent)`,
	},
	{
		ID: RuleContextOffice, Dimension: analysis.Fabrication, Severity: analysis.Warning, Since: "0.3.0",
		Title: "person given a title of the one country the article names, an office someone else held",
		Doc: `The article gives a person a title without a country ("Prime Minister Yair
Levin told the Knesset"), names one country only (by name, adjective or a
national institution such as the Knesset or the Bundestag), and in that
country the office had another holder at the article's date. Generated
text invents or mixes up officials this way. It is a warning, not an
error: the country comes from the article, not from the role, and a
visiting official of a country the article never names would read the
same. Names the knowledge base knows are never reported this way.`,
		Example: `Prime Minister Yair Levin told the Knesset ... (2025: Benjamin Netanyahu was Israel's prime minister)`,
	},
}

// articleRules are the rules the per-article analyzer reports; the batch
// check (Batch) owns RuleBatchConflict, so each ID is registered once.
func articleRules() []analysis.Rule {
	var out []analysis.Rule
	for _, r := range rules {
		if r.ID != RuleBatchConflict {
			out = append(out, r)
		}
	}
	return out
}
