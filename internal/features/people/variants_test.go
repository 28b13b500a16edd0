package people

import (
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// A later mention spelt another way, or by the surname with its particles,
// is the same person, never a second one; two different people who share
// a surname stay two.
func TestVariantMentionsJoinOnePerson(t *testing.T) {
	text := "Ukrainian President Volodymyr Zelensky met the envoy on Friday. Later, President Volodymyr Zelenskyy said the talks were useful.\n\n" +
		"European Commission President Ursula von der Leyen spoke next. Von der Leyen said the bloc was ready.\n\n" +
		"Donald Trump Jr. and Eric Trump attended the dinner."
	res := Find(document.New("variants", text), nil, nil)
	for name, mentions := range map[string]int{"Volodymyr Zelensky": 2, "Ursula von der Leyen": 2} {
		p := byName(res, name)
		if p == nil {
			t.Fatalf("%s not found; people %v", name, res.People)
		}
		if len(p.Mentions) < mentions {
			t.Errorf("%s: %d mentions, want %d", name, len(p.Mentions), mentions)
		}
	}
	for _, other := range []string{"Volodymyr Zelenskyy", "Von der Leyen"} {
		if byName(res, other) != nil {
			t.Errorf("%s is a second person", other)
		}
	}
	if byName(res, "Donald Trump Jr.") == nil || byName(res, "Eric Trump") == nil {
		t.Errorf("two Trumps merged into one: %v", res.People)
	}
}

// A family name written first ("Lee Jae Myung", "Xi Jinping") is what a
// later bare mention uses; a given name that happens to be one ("Lee
// Anderson") still leaves the surname to the last word.
func TestFamilyNameFirst(t *testing.T) {
	text := "South Korean President Lee Jae Myung met the delegation on Monday. Lee said the talks went well.\n\n" +
		"Chinese President Xi Jinping spoke later. Xi called for calm.\n\n" +
		"British lawmaker Lee Anderson disagreed. Anderson said the deal was poor."
	res := Find(document.New("family", text), nil, nil)
	for name, mentions := range map[string]int{"Lee Jae Myung": 2, "Xi Jinping": 2, "Lee Anderson": 2} {
		p := byName(res, name)
		if p == nil {
			t.Fatalf("%s not found; people %v", name, res.People)
		}
		if len(p.Mentions) != mentions {
			t.Errorf("%s: %d mentions, want %d", name, len(p.Mentions), mentions)
		}
	}
}

// Agency initials and joined time words belong to the title, never to
// the name.
func TestTitleParts(t *testing.T) {
	text := "Budget Hearing\n\nHHS Secretary Robert F. Kennedy Jr. testified on Tuesday.\n\nThen-Prime Minister Justin Trudeau had warned of this.\n\nIn Ottawa, ex-President Joe Biden spoke."
	res := Find(document.New("titles", text), nil, nil)
	for name, role := range map[string]string{"Robert F. Kennedy Jr.": "HHS Secretary", "Justin Trudeau": "Then-Prime Minister", "Joe Biden": "ex-President"} {
		p := byName(res, name)
		if p == nil {
			t.Errorf("%s not found; people %v", name, res.People)
			continue
		}
		if len(p.Roles) == 0 || p.Roles[0].Text != role {
			t.Errorf("%s: roles %v, want %q", name, p.Roles, role)
		}
	}
}
