package refstore

import (
	"testing"
	"time"
)

func article(id, source, date, text string, people ...string) *Article {
	d, _ := time.Parse("2006-01-02", date)
	a := &Article{ID: id, Source: source, Trust: Wire, Date: d, Title: id,
		Signature: Sign(Shingles(text)), Hash: ContentHash(source, Wire, d, id, text)}
	for _, p := range people {
		a.People = append(a.People, Person{Name: p})
	}
	a.Quotes = []Quote{{Text: "a quote from " + id, Speaker: "x"}}
	return a
}

const talks = `Washington envoys held direct talks with Hamas officials in Doha over the release of American hostages held in Gaza, the White House confirmed, a break with decades of policy. Adam Boehler, the special envoy for hostage affairs, led the meetings; Egyptian and Qatari mediators arranged them.`
const talksRewrite = `The White House confirmed that American envoys met Hamas officials in Doha for direct talks about freeing hostages held in Gaza, breaking decades of policy. Special envoy for hostage affairs Adam Boehler led the meetings, which Qatari and Egyptian mediators arranged.`
const football = `Arsenal beat Chelsea three goals to one at the Emirates Stadium on Saturday, with a late header from the captain settling a derby that had swung twice before the interval in front of a crowd of sixty thousand supporters.`

func TestAddIdempotentMatchPrune(t *testing.T) {
	s, err := Open(t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	arts := []*Article{
		article("wire-1", "Agency", "2025-03-05", talks, "Adam Boehler", "Karoline Leavitt"),
		article("wire-2", "Agency", "2024-01-10", football),
	}
	st, err := s.Add(arts)
	if err != nil || st.Added != 2 {
		t.Fatalf("first add: %+v %v", st, err)
	}
	st, err = s.Add(arts)
	if err != nil || st.Unchanged != 2 || st.Added+st.Updated != 0 {
		t.Fatalf("re-add changed the store: %+v %v", st, err)
	}
	in, _ := s.Info()
	if in.Articles != 2 || in.People != 2 || in.Quotes != 2 || in.ByTrust[Wire] != 2 {
		t.Fatalf("info after re-add: %+v", in)
	}
	// The same id with new content replaces the old record.
	st, _ = s.Add([]*Article{article("wire-2", "Agency", "2024-01-11", football+" Extra time.")})
	if st.Updated != 1 {
		t.Fatalf("update: %+v", st)
	}
	if in, _ := s.Info(); in.Articles != 2 || in.First.Format("2006-01-02") != "2024-01-11" || in.Last.Format("2006-01-02") != "2025-03-05" {
		t.Fatalf("info after update: %+v", in)
	}

	d, _ := time.Parse("2006-01-02", "2025-03-06")
	q := Query{Signature: Sign(Shingles(talksRewrite)), Date: d, Names: []string{"Adam Boehler"}}
	ms, err := s.Match(q)
	if err != nil || len(ms) != 1 || ms[0].Article.ID != "wire-1" {
		t.Fatalf("match: %+v %v", ms, err)
	}
	if ms[0].DaysApart != 1 || len(ms[0].SharedNames) != 1 || ms[0].Similarity < SameStory {
		t.Fatalf("match details: %+v", ms[0])
	}
	// Out of the date window: no match.
	q.Date = d.AddDate(0, 1, 0)
	if ms, _ := s.Match(q); len(ms) != 0 {
		t.Fatalf("matched a month away: %+v", ms)
	}

	n, err := s.Prune(d)
	if err != nil || n != 2 {
		t.Fatalf("prune: %d %v", n, err)
	}
	if in, _ := s.Info(); in.Articles != 0 || in.People != 0 || in.Quotes != 0 {
		t.Fatalf("info after prune: %+v", in)
	}
	q.Date = d
	if ms, _ := s.Match(q); len(ms) != 0 {
		t.Fatalf("pruned article still matches: %+v", ms)
	}
}

func TestRecordRoundTrip(t *testing.T) {
	a := article("x", "S", "2025-03-05", talks, "Adam Boehler")
	a.People[0].Role = "special envoy"
	a.NameWords = NameWords(talks)
	a.Quotes[0].Named = true
	b, err := decodeArticle(a.encode())
	if err != nil {
		t.Fatal(err)
	}
	if b.ID != a.ID || b.DateString() != "2025-03-05" || b.People[0] != a.People[0] || b.Quotes[0] != a.Quotes[0] || Similarity(a.Signature, b.Signature) != 1 || b.Hash != a.Hash || len(b.NameWords) != len(a.NameWords) {
		t.Fatalf("round trip: %+v", b)
	}
	if _, err := decodeArticle(a.encode()[:20]); err == nil {
		t.Fatal("truncated record decoded")
	}
}

func TestShortTextNotFingerprinted(t *testing.T) {
	if Sign(Shingles("Too short to tell a story.")) != nil {
		t.Fatal("short text got a signature")
	}
	if Similarity(Sign(Shingles(talks)), Sign(Shingles(football))) > 0.05 {
		t.Fatal("unrelated stories look alike")
	}
}
