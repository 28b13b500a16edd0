package analysis

// Status is what copydesk could establish about a person named in an article.
type Status string

const (
	Verified     Status = "verified"     // knowledge base has this person in this role at the date
	Corroborated Status = "corroborated" // another article from another source agrees
	Contradicted Status = "contradicted" // the role is known and someone else held it then
	Unverifiable Status = "unverifiable" // nothing checkable is given and nothing knows them
	Unknown      Status = "unknown"      // not found, but described checkably: neutral
)

// Entity is one person (after coreference) named in an article.
type Entity struct {
	Name        string `json:"name"`
	Role        string `json:"role,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	Status      Status `json:"status"`
	Evidence    string `json:"evidence,omitempty"`
	Mentions    int    `json:"mentions,omitempty"`
	Start       int    `json:"start"` // first full mention
	End         int    `json:"end"`
	Quoted      int    `json:"quotes,omitempty"` // quotes attributed to this person
	// Reference is the reference article that corroborates this person
	// (reference coverage, internal/features/coverage); nil when none.
	Reference *Reference `json:"reference,omitempty"`
}

// Reference is evidence from a reference article a newsroom trusts (its
// wire feeds, its archive): which article, from whom, when, and how
// closely it matches the scored article's story.
type Reference struct {
	ID     string `json:"id"`
	Source string `json:"source,omitempty"`
	Date   string `json:"date,omitempty"` // YYYY-MM-DD or ""
	Title  string `json:"title,omitempty"`
	Trust  string `json:"trust,omitempty"` // wire, archive or other
	// Similarity is the story match, 0–1 (estimated shingle overlap).
	Similarity float64 `json:"similarity"`
	// Passage is the reference's quotation a quote was compared with.
	Passage string `json:"passage,omitempty"`
	// Speaker is who the reference says spoke the passage.
	Speaker string `json:"speaker,omitempty"`
	// Diff shows an altered quote's changes word by word: [-dropped-]
	// and {+added+}.
	Diff string `json:"diff,omitempty"`
}

// Provenance is what the reference coverage says of a quotation.
type Provenance string

const (
	Verbatim      Provenance = "verbatim"      // in the coverage, same speaker
	Altered       Provenance = "altered"       // a near match: words changed, added or dropped
	Misattributed Provenance = "misattributed" // in the coverage, another speaker
	Absent        Provenance = "absent"        // coverage exists; the quote is not in it
	Unchecked     Provenance = "unchecked"     // no coverage of the story
)

// Quote is one quotation of the article with its speaker and, when a
// reference store is in use, its provenance.
type Quote struct {
	Text       string     `json:"text"`
	Start      int        `json:"start"` // byte offsets of the quotation, marks included
	End        int        `json:"end"`
	Speaker    string     `json:"speaker,omitempty"`
	Provenance Provenance `json:"provenance,omitempty"`
	Reference  *Reference `json:"reference,omitempty"`
}

// Sources counts how an article sources its claims.
type Sources struct {
	Named              int `json:"named"`
	Quotes             int `json:"quotes"`
	UnattributedQuotes int `json:"unattributed_quotes"`
	Vague              int `json:"vague"`
}

// DimensionScores holds one 0–100 score per dimension.
type DimensionScores struct {
	Boilerplate int `json:"boilerplate"`
	Templated   int `json:"templated"`
	Attribution int `json:"attribution"`
	Fabrication int `json:"fabrication"`
}

// Get returns the score of dimension d.
func (s DimensionScores) Get(d Dimension) int {
	switch d {
	case Boilerplate:
		return s.Boilerplate
	case Templated:
		return s.Templated
	case Attribution:
		return s.Attribution
	case Fabrication:
		return s.Fabrication
	}
	return 0
}

// Set stores v as the score of dimension d.
func (s *DimensionScores) Set(d Dimension, v int) {
	switch d {
	case Boilerplate:
		s.Boilerplate = v
	case Templated:
		s.Templated = v
	case Attribution:
		s.Attribution = v
	case Fabrication:
		s.Fabrication = v
	}
}

// Verdict is the editor-facing outcome.
type Verdict string

const (
	VerdictPass Verdict = "pass"
	VerdictWarn Verdict = "warn"
	VerdictFail Verdict = "fail"
)

// Result is everything copydesk says about one article. Its JSON form is the
// documented, stable output schema (see README "Output schema").
type Result struct {
	ID         string          `json:"id"`
	Path       string          `json:"path,omitempty"`
	Title      string          `json:"title"`
	Date       string          `json:"date"` // YYYY-MM-DD or ""
	Source     string          `json:"source,omitempty"`
	URL        string          `json:"url,omitempty"`
	Score      int             `json:"score"`
	Verdict    Verdict         `json:"verdict"`
	Dimensions DimensionScores `json:"dimensions"`
	Findings   []Finding       `json:"findings"`
	Entities   []Entity        `json:"entities"`
	Sources    Sources         `json:"sources"`
	Words      int             `json:"words"`
	// ProseWords counts the running text the statistical profiles read
	// (document.Prose: no furniture, headline or caption lines).
	ProseWords int `json:"prose_words"`
	// Quotes are the article's quotations with their provenance; only
	// set when a reference store is in use.
	Quotes []Quote `json:"quotes,omitempty"`
	// Explanation is a few sentences an editor reads first.
	Explanation string `json:"explanation,omitempty"`
	// Notes say what could not be checked ("no date: date checks skipped").
	Notes []string `json:"notes,omitempty"`
	Error string   `json:"error,omitempty"`
	// Extra carries unknown input fields through (JSONL).
	Extra map[string]any `json:"extra,omitempty"`
	// Features are the numbers the scoring model reads; not part of the
	// public schema (emitted only with --features).
	Features map[string]float64 `json:"features,omitempty"`

	// Text is the analysed article text, kept only for reporters that show it
	// (HTML); never serialised in json/jsonl.
	Text string `json:"-"`
}

// Failed reports whether the article could not be read.
func (r *Result) Failed() bool { return r.Error != "" }
