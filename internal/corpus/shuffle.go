package corpus

import (
	"encoding/json"
	"fmt"
	"strings"
)

// The shuffle form is what an engine (Beam, Spark) moves between the map,
// the group by key and the join by article id: sightings keyed by check
// and key, notes keyed by article id, all as bytes.

// GroupKey is the shuffle key of one check's key.
func GroupKey(check, key string) string { return check + "\x00" + key }

// SplitGroupKey undoes GroupKey.
func SplitGroupKey(gk string) (check, key string, ok bool) {
	return strings.Cut(gk, "\x00")
}

type shuffledMember struct {
	Order Order           `json:"o"`
	Seq   int             `json:"n"`
	Value json.RawMessage `json:"v"`
}

// EncodeMember is one sighting on its way to its group.
func EncodeMember(order Order, seq int, value any) ([]byte, error) {
	v, err := json.Marshal(value)
	if err != nil {
		return nil, err
	}
	return json.Marshal(shuffledMember{Order: order, Seq: seq, Value: v})
}

// DecodeMember reads a sighting EncodeMember wrote, for check c.
func DecodeMember(c Keyed, b []byte) (Member, error) {
	var sm shuffledMember
	if err := json.Unmarshal(b, &sm); err != nil {
		return Member{}, fmt.Errorf("%s sighting: %w", c.Name(), err)
	}
	v := c.NewValue()
	if err := json.Unmarshal(sm.Value, v); err != nil {
		return Member{}, fmt.Errorf("%s sighting: %w", c.Name(), err)
	}
	return Member{Order: sm.Order, Seq: sm.Seq, Value: v}, nil
}

type shuffledNote struct {
	Check string          `json:"c"`
	Value json.RawMessage `json:"v"`
}

// EncodeNote is one note on its way to its article.
func EncodeNote(check string, n Note) ([]byte, error) {
	v, err := json.Marshal(n.Value)
	if err != nil {
		return nil, err
	}
	return json.Marshal(shuffledNote{Check: check, Value: v})
}

// SettleEncoded settles one article's encoded notes, in check order: the
// join of the amendments back to the article.
func SettleEncoded(checks []Keyed, article string, encoded [][]byte) ([]Amendment, error) {
	byCheck := make([][]Note, len(checks))
	for _, b := range encoded {
		var sn shuffledNote
		if err := json.Unmarshal(b, &sn); err != nil {
			return nil, fmt.Errorf("note for %s: %w", article, err)
		}
		ci := -1
		for i, c := range checks {
			if c.Name() == sn.Check {
				ci = i
			}
		}
		if ci < 0 {
			return nil, fmt.Errorf("note for %s: unknown check %q", article, sn.Check)
		}
		v := checks[ci].NewNote()
		if err := json.Unmarshal(sn.Value, v); err != nil {
			return nil, fmt.Errorf("note for %s: %w", article, err)
		}
		byCheck[ci] = append(byCheck[ci], Note{Article: article, Value: v})
	}
	var out []Amendment
	for ci, ns := range byCheck {
		if len(ns) == 0 {
			continue
		}
		if a := checks[ci].Settle(article, ns); !a.Empty() {
			a.Doc = -1
			out = append(out, a)
		}
	}
	return out, nil
}
